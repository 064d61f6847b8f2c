//! `hadath serve` as a client sees it: the events API over a store ingested from a test folder,
//! its errors, its limits, and an OpenAPI description that names exactly the routes served.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Ingests two articles and serves them on a free loopback port.
fn server(name: &str) -> (Server, PathBuf) {
    server_with(name, &[], None)
}

/// [`server`] with more `serve` arguments and an ingest token in the environment.
fn server_with(name: &str, args: &[&str], token: Option<&str>) -> (Server, PathBuf) {
    let dir = std::env::temp_dir().join(format!("hadath-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::write(
        dir.join("articles/a.txt"),
        "قتل خمسة عشر شخصا في هجوم على سوق في بغداد يوم الثلاثاء.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("articles/b.txt"),
        "Thousands of people protested in Amman on Friday against rising prices.\n",
    )
    .unwrap();
    let db = dir.join("events.db").display().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_hadath"))
        .args([
            "ingest",
            &dir.join("articles").display().to_string(),
            "--db",
            &db,
            "--published",
            "2022-03-10",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut command = Command::new(env!("CARGO_BIN_EXE_hadath"));
    command
        .args(["serve", "--db", &db, "--addr", "127.0.0.1:0"])
        .args(args)
        .env_remove("HADATH_INGEST_TOKEN")
        .stderr(Stdio::piped());
    if let Some(token) = token {
        command.env("HADATH_INGEST_TOKEN", token);
    }
    let mut child = command.spawn().unwrap();
    // "hadath serve: http://127.0.0.1:PORT/ (…)"
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split_whitespace()
        .nth(2)
        .expect("address line")
        .trim_end_matches('/')
        .to_string();
    (Server { child, base }, dir)
}

fn get(url: &str) -> (u16, serde_json::Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().unwrap();
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
    )
}

fn post(url: &str, body: &[u8]) -> (u16, serde_json::Value) {
    post_with(url, body, None)
}

fn post_with(url: &str, body: &[u8], token: Option<&str>) -> (u16, serde_json::Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.post(url).header("content-type", "application/json");
    if let Some(token) = token {
        request = request.header("authorization", &format!("Bearer {token}"));
    }
    let mut response = request.send(body).unwrap();
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
    )
}

/// Sends the headers of a POST announcing `length` bytes and a first kilobyte of them; the status
/// the server answers.
fn oversized_post(base: &str, length: usize) -> u16 {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    write!(stream, "POST /api/extract HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n").unwrap();
    let _ = stream.write_all(&[b' '; 1024]);
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).unwrap();
    // "HTTP/1.1 413"
    std::str::from_utf8(&head[9..12]).unwrap().parse().unwrap()
}

#[test]
fn events_api_filters_pages_and_shows_the_evidence_in_context() {
    let (server, dir) = server("api");
    let base = &server.base;

    let (status, page) = get(&format!("{base}/api/events"));
    assert_eq!(status, 200);
    assert_eq!(page["total"], 2);
    let (_, page) = get(&format!("{base}/api/events?type=ASSAULT&limit=1"));
    assert_eq!(page["events"].as_array().unwrap().len(), 1);
    let attack = &page["events"][0];
    assert_eq!(attack["fatalities"]["count"], 15);

    let (_, geo) = get(&format!("{base}/api/events?format=geojson&country=JO"));
    assert_eq!(geo["type"], "FeatureCollection");
    assert_eq!(geo["features"].as_array().unwrap().len(), 1);

    // One event: its sentence inside the document's text, at the offsets it names.
    let id = attack["id"]
        .as_str()
        .unwrap()
        .replace('#', "%23")
        .replace('/', "%2F");
    let (status, one) = get(&format!("{base}/api/events/{id}"));
    assert_eq!(status, 200);
    let context = one["context"]["text"].as_str().unwrap();
    let [s, e] = [
        one["context"]["evidence"][0].as_u64().unwrap() as usize,
        one["context"]["evidence"][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(&context[s..e], attack["evidence"]["text"].as_str().unwrap());
    assert_eq!(one["lang"], "ar");
    // The same text in parts: they add up to it, and the trigger is marked inside the evidence.
    let parts = one["context"]["parts"].as_array().unwrap();
    let text = |role: &str| -> String {
        parts
            .iter()
            .filter(|p| role.is_empty() || role.split('|').any(|r| p["role"] == r))
            .map(|p| p["text"].as_str().unwrap())
            .collect()
    };
    assert_eq!(text(""), context);
    assert_eq!(
        text("evidence|trigger"),
        attack["evidence"]["text"].as_str().unwrap()
    );
    assert_eq!(text("trigger"), attack["trigger"]["text"].as_str().unwrap());

    // The timeline: events a day, by type, under the same filters.
    let (status, h) = get(&format!("{base}/api/histogram"));
    assert_eq!(status, 200);
    let days = h["days"].as_array().unwrap();
    assert_eq!(
        days.iter()
            .map(|d| d["count"].as_u64().unwrap())
            .sum::<u64>(),
        2
    );
    let (_, h) = get(&format!("{base}/api/histogram?type=assault"));
    assert_eq!(h["days"].as_array().unwrap().len(), 1);
    assert_eq!(h["days"][0]["date"], attack["date"]["start"]);
    assert_eq!(get(&format!("{base}/api/histogram?to=soon")).0, 400);

    let doc = attack["doc_id"].as_str().unwrap().replace('/', "%2F");
    let (status, d) = get(&format!("{base}/api/documents/{doc}"));
    assert_eq!(status, 200);
    assert_eq!(d["events"].as_array().unwrap().len(), 1);

    // Errors say what is wrong.
    assert_eq!(get(&format!("{base}/api/events/nope")).0, 404);
    let (status, err) = get(&format!("{base}/api/events?from=April"));
    assert_eq!(status, 400);
    assert!(err["error"].as_str().unwrap().contains("not a date"));
    assert_eq!(get(&format!("{base}/api/events?limit=100000")).0, 400);
    // A filter that looks like SQL is a value.
    let (_, none) = get(&format!("{base}/api/events?country=IQ%27%20OR%201%3D1--"));
    assert_eq!(none["total"], 0);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extract_endpoint_reads_text_and_refuses_bad_bodies() {
    let (server, dir) = server("extract");
    let base = &server.base;
    let (status, body) = post(&format!("{base}/api/extract"), br#"{"text": "Police arrested 40 protesters in Cairo on Monday.", "published": "2022-03-10"}"#);
    assert_eq!(status, 200);
    assert_eq!(body["events"][0]["type"], "COERCE");
    assert_eq!(body["events"][0]["arrested"]["count"], 40);
    // Nothing was written.
    assert_eq!(get(&format!("{base}/api/events")).1["total"], 2);
    assert_eq!(post(&format!("{base}/api/extract"), b"not json").0, 400);
    assert_eq!(
        post(&format!("{base}/api/extract"), br#"{"text": "  "}"#).0,
        400
    );
    assert_eq!(
        post(
            &format!("{base}/api/extract"),
            br#"{"text": "x", "lang": "fr"}"#
        )
        .0,
        400
    );
    // A body announced at 2 MiB is refused on its header, before it is sent.
    assert_eq!(oversized_post(base, 2 * 1024 * 1024), 413);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn openapi_names_the_routes_served() {
    let (server, dir) = server("openapi");
    let (status, spec) = get(&format!("{}/openapi.json", server.base));
    assert_eq!(status, 200);
    let mut paths: Vec<&str> = spec["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "/",
            "/api/documents/{id}",
            "/api/events",
            "/api/events/{id}",
            "/api/extract",
            "/api/histogram",
            "/api/ingest",
            "/openapi.json"
        ]
    );
    // Each documented GET route answers (with a 404 for a made-up id, never a missing route).
    for path in ["/api/events", "/api/histogram", "/openapi.json"] {
        assert_eq!(get(&format!("{}{path}", server.base)).0, 200, "{path}");
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_web_page_and_its_assets_come_from_the_binary() {
    let (server, dir) = server("page");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut page = agent.get(&format!("{}/", server.base)).call().unwrap();
    assert_eq!(page.status(), 200);
    let html = page.body_mut().read_to_string().unwrap();
    for asset in ["/app.js", "/app.css"] {
        assert!(html.contains(asset), "{asset}");
        let mut r = agent
            .get(&format!("{}{asset}", server.base))
            .call()
            .unwrap();
        assert_eq!(r.status(), 200, "{asset}");
        assert!(!r.body_mut().read_to_string().unwrap().is_empty());
    }
    // The world's outlines: every ring an even number of coordinates, all on the globe.
    let (status, world) = get(&format!("{}/world.json", server.base));
    assert_eq!(status, 200);
    let countries = world["countries"].as_array().unwrap();
    assert!(countries.len() > 200, "{}", countries.len());
    for country in countries {
        for ring in country["rings"].as_array().unwrap() {
            let ring: Vec<i64> = ring
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_i64().unwrap())
                .collect();
            assert_eq!(ring.len() % 2, 0);
            let (mut x, mut y) = (0, 0);
            for p in ring.chunks(2) {
                (x, y) = (x + p[0], y + p[1]);
                assert!((-18_000..=18_000).contains(&x) && (-9_000..=9_000).contains(&y));
            }
        }
    }
    assert!(
        countries.iter().any(|c| c["name"] == "Kazakhstan"),
        "Kazakhstan"
    );
    assert_eq!(get(&format!("{}/nope.js", server.base)).0, 404);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ingest_over_http_wants_the_flag_and_the_token() {
    // Read-only by default.
    let (server, dir) = server("readonly");
    let line = br#"{"id": "c", "text": "Police arrested 40 protesters in Cairo on Monday.", "published": "2022-03-10"}"#;
    let (status, err) = post_with(
        &format!("{}/api/ingest", server.base),
        line,
        Some("0123456789abcdef"),
    );
    assert_eq!(status, 403);
    assert!(err["error"].as_str().unwrap().contains("--allow-ingest"));
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);

    // --allow-ingest without a token (or a short one) does not start.
    let out = Command::new(env!("CARGO_BIN_EXE_hadath"))
        .args(["serve", "--db", "unused.db", "--allow-ingest"])
        .env("HADATH_INGEST_TOKEN", "short")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HADATH_INGEST_TOKEN"));

    let token = "s3cret-token-for-the-test";
    let (server, dir) = server_with("ingest", &["--allow-ingest"], Some(token));
    let url = format!("{}/api/ingest", server.base);
    assert_eq!(post_with(&url, line, None).0, 401);
    assert_eq!(
        post_with(&url, line, Some("s3cret-token-for-the-tesT")).0,
        401
    );
    // One good line, one without text: the first stored, the second a recorded failure.
    let mut body = line.to_vec();
    body.extend_from_slice(b"\n{\"id\": \"d\"}\n");
    let (status, report) = post_with(&url, &body, Some(token));
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["read"], 2);
    assert_eq!(report["new"], 1);
    assert_eq!(report["failed"].as_array().unwrap().len(), 1);
    assert!(report["events"].as_u64().unwrap() >= 1);
    let (_, page) = get(&format!("{}/api/events?doc=c", server.base));
    assert!(page["total"].as_u64().unwrap() >= 1);
    assert_eq!(page["events"][0]["type"], "COERCE");
    // The same document again changes nothing.
    let (_, again) = post_with(&url, line, Some(token));
    assert_eq!(again["unchanged"], 1);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
