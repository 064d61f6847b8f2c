//! The web page in a real browser: the reference article ingested, `hadath serve` started, the
//! page loaded in headless Chromium (driven by ChromeDriver over the WebDriver protocol), its
//! markers and table checked against the API, a marker clicked and the evidence panel checked
//! (right-to-left Arabic, the trigger marked), a type filter applied, and a screenshot saved to
//! `target/browser/page.png` for a person to look at.
//!
//! It needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them), so it is ignored
//! by a plain `cargo test`: `cargo test -p hadath --test browser -- --ignored` runs it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

/// Kills a child process when dropped.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

fn get(url: &str) -> Value {
    let mut r = agent().get(url).call().expect(url);
    serde_json::from_str(&r.body_mut().read_to_string().unwrap()).expect(url)
}

/// A WebDriver session.
struct Browser {
    base: String,
    session: String,
}

impl Browser {
    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let mut response = match method {
            "GET" => agent().get(&url).call(),
            "DELETE" => agent().delete(&url).call(),
            _ => agent()
                .post(&url)
                .header("content-type", "application/json")
                .send(body.to_string()),
        }
        .expect(&url);
        let status = response.status();
        let value: Value =
            serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        assert!(status.is_success(), "{method} {path}: {value}");
        value["value"].clone()
    }

    fn script(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            json!({"script": script, "args": args}),
        )
    }

    /// Waits until `script` returns something truthy (at most 20 s).
    fn wait_for(&self, what: &str, script: &str) -> Value {
        let started = Instant::now();
        loop {
            let v = self.script(script, json!([]));
            if !(v.is_null() || v == false || v == "" || v == 0) {
                return v;
            }
            let error = self.script("return document.body.dataset.error || ''", json!([]));
            assert_eq!(error, "", "the page failed while waiting for {what}");
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn find(&self, css: &str) -> String {
        let found = self.call(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect(css)
            .to_string()
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
#[ignore = "needs chromium and chromium-driver; .ci/run installs them and runs it"]
fn the_page_shows_markers_the_table_and_the_evidence_in_chromium() {
    let dir = std::env::temp_dir().join(format!("hadath-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("events.db").display().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_hadath"))
        .args(["ingest", &root().join("examples").display().to_string()])
        .args(["--db", &db])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut server = Killed(
        Command::new(env!("CARGO_BIN_EXE_hadath"))
            .args(["serve", "--db", &db, "--addr", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(server.0.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let site = line
        .split_whitespace()
        .nth(2)
        .expect("address line")
        .trim_end_matches('/')
        .to_string();
    let events = get(&format!("{site}/api/events?limit=5000"))["events"]
        .as_array()
        .unwrap()
        .clone();
    assert!(events.len() >= 5, "{} events", events.len());
    let placed = events.iter().filter(|e| !e["location"].is_null()).count();

    let port = free_port();
    let _driver = Killed(
        Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian package chromium-driver)"),
    );
    let driver = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while agent().get(&format!("{driver}/status")).call().is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "chromedriver");
        std::thread::sleep(Duration::from_millis(100));
    }
    let profile = dir.join("profile");
    let mut response = agent()
        .post(&format!("{driver}/session"))
        .header("content-type", "application/json")
        .send(
            json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                             "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync",
                             "--window-size=1400,900",
                             format!("--user-data-dir={}", profile.display())],
                },
            }}})
            .to_string(),
        )
        .unwrap();
    let session: Value =
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).expect("new session");
    let browser = Browser {
        base: driver,
        session: session["value"]["sessionId"]
            .as_str()
            .expect("session id")
            .to_string(),
    };

    browser.call("POST", "/url", json!({ "url": format!("{site}/") }));
    browser.wait_for("the page", "return document.body.dataset.ready === '1'");

    // The map: the world's outlines and one circle per placed event; the table: one row an event.
    let land = browser.script(
        "return document.querySelectorAll('#map-svg .land').length",
        json!([]),
    );
    assert!(land.as_u64().unwrap() > 200, "{land}");
    let markers = browser.script(
        "return document.querySelectorAll('#map-svg .marker').length",
        json!([]),
    );
    assert_eq!(markers.as_u64().unwrap() as usize, placed);
    let rows = browser.script(
        "return document.querySelectorAll('#events tbody tr').length",
        json!([]),
    );
    assert_eq!(rows.as_u64().unwrap() as usize, events.len());
    // The map is framed on the events: Kazakhstan's middle is in view.
    let in_view = browser.script(
        "const b = document.getElementById('map-svg').viewBox.baseVal; \
         return b.x < 69 && 69 < b.x + b.width && b.y < -47 && -47 < b.y + b.height",
        json!([]),
    );
    assert_eq!(in_view, true);
    let bars = browser.script(
        "return document.querySelectorAll('#timeline-svg rect:not(.brush)').length",
        json!([]),
    );
    assert!(bars.as_u64().unwrap() >= 1, "{bars}");

    // Click the marker of an event with a trigger inside its evidence (the smallest circle is
    // drawn last, on top).
    let event = events
        .iter()
        .rev()
        .find(|e| !e["location"].is_null() && e["fatalities"].is_null())
        .expect("a placed event");
    let id = event["id"].as_str().unwrap();
    let marker = browser.find(&format!("circle.marker[data-id=\"{id}\"]"));
    browser.call("POST", &format!("/element/{marker}/click"), json!({}));
    browser.wait_for(
        "the evidence panel",
        "return !document.getElementById('panel').hidden && document.body.dataset.selected",
    );
    let panel = browser.script(
        "const p = document.getElementById('evidence'); \
         return {dir: p.getAttribute('dir'), lang: p.getAttribute('lang'), text: p.textContent, \
                 mark: [...p.querySelectorAll('mark')].map(m => m.textContent), \
                 evidence: [...p.querySelectorAll('.evidence, mark')].map(m => m.textContent).join(''), \
                 selected: document.body.dataset.selected, \
                 title: document.getElementById('panel-title').textContent}",
        json!([]),
    );
    assert_eq!(panel["selected"], id);
    assert_eq!(panel["dir"], "rtl");
    assert_eq!(panel["lang"], "ar");
    assert_eq!(panel["mark"], json!([event["trigger"]["text"]]));
    assert_eq!(panel["evidence"], event["evidence"]["text"]);
    assert!(
        panel["title"]
            .as_str()
            .unwrap()
            .starts_with(event["type"].as_str().unwrap()),
        "{panel}"
    );

    // A type filter: the table keeps that type's events only.
    let kind = event["type"].as_str().unwrap();
    let of_kind = events.iter().filter(|e| e["type"] == kind).count();
    browser.script(
        "const f = document.getElementById('filters'); f.elements.type.value = arguments[0]; \
         f.requestSubmit();",
        json!([kind]),
    );
    browser.wait_for(
        "the filtered table",
        &format!(
            "return document.body.dataset.ready === '1' && \
             document.querySelectorAll('#events tbody tr').length === {of_kind}"
        ),
    );
    let types = browser.script(
        "return [...new Set([...document.querySelectorAll('#events tbody .type')].map(t => t.textContent))]",
        json!([]),
    );
    assert_eq!(types, json!([kind]));

    // Back to all events, the first one picked, and a screenshot for a person to look at.
    browser.script("document.getElementById('clear').click()", json!([]));
    browser.wait_for(
        "all events again",
        &format!(
            "return document.body.dataset.ready === '1' && \
             document.querySelectorAll('#events tbody tr').length === {}",
            events.len()
        ),
    );
    let row = browser.find(&format!("#events tbody tr[data-id=\"{id}\"]"));
    browser.call("POST", &format!("/element/{row}/click"), json!({}));
    browser.wait_for(
        "the evidence panel again",
        "return !document.getElementById('panel').hidden",
    );
    let png = browser.call("GET", "/screenshot", json!({}));
    let png = base64::engine::general_purpose::STANDARD
        .decode(png.as_str().unwrap())
        .unwrap();
    assert_eq!(&png[..4], b"\x89PNG");
    let shots = root().join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    std::fs::write(shots.join("page.png"), &png).unwrap();
    eprintln!("screenshot: {}", shots.join("page.png").display());

    browser.call("DELETE", "", json!({}));
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
