//! `cargo xtask load-test [--events N] [--clients C] [--rate R] [--seconds S]`: the server under
//! load.
//!
//! A generated store of N events (default 1,000,000: the reference article's events copied under
//! new ids, spread over 20 countries and ten years, 1,000 to a document) is served by the release
//! binary on a free loopback port; C clients (default 50), each a thread with its own keep-alive
//! connection, ask for filtered pages of 500 events (a country and a year, a type and a year, or a
//! type and a country, in an order fixed by the client's number) for S seconds (default 20).
//! Each client sends R requests a second (default 1) on a fixed schedule, and a request's latency
//! runs from when it was due, so a slow answer also counts against the requests queued behind it;
//! `--rate 0` sends back to back (the server's saturation throughput). Every answer is checked
//! (status 200, a full page or the whole remainder); the latency distribution is printed. The
//! clients run on the same two cores as the server.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use hadath_store::Store;

/// Countries of the generated events: ISO code and a point inside.
const COUNTRIES: &[(&str, f64, f64)] = &[
    ("KZ", 48.0, 68.0),
    ("EG", 26.8, 30.8),
    ("IQ", 33.2, 43.7),
    ("SY", 35.0, 38.5),
    ("YE", 15.6, 48.0),
    ("LB", 33.9, 35.9),
    ("JO", 31.0, 36.0),
    ("MA", 31.8, -7.1),
    ("DZ", 28.0, 1.7),
    ("TN", 34.0, 9.5),
    ("LY", 26.3, 17.2),
    ("SD", 12.9, 30.2),
    ("SO", 5.2, 46.2),
    ("ML", 17.6, -4.0),
    ("PS", 31.9, 35.2),
    ("SA", 23.9, 45.1),
    ("IR", 32.4, 53.7),
    ("AF", 33.9, 67.7),
    ("NG", 9.1, 8.7),
    ("US", 38.0, -97.0),
];

const YEARS: std::ops::Range<i16> = 2015..2025;

fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T> {
    match args.windows(2).find(|w| w[0] == name) {
        Some(w) => w[1]
            .parse()
            .map_err(|_| anyhow::anyhow!("{name}: {:?} is not a number", w[1])),
        None => Ok(default),
    }
}

/// Builds the store: event `i` gets country `i % 20` and a day `i * 7 % 3650` days after
/// 2015-01-01 (so every country has events in every year and every type).
fn build(db: &Path, n: usize, root: &Path) -> Result<()> {
    let epoch: jiff::civil::Date = "2015-01-01".parse()?;
    crate::export_bench::generated_store(db, root, n, |i, e| {
        let length = e.date.end - e.date.start;
        e.date.start = epoch.checked_add(jiff::Span::new().days((i * 7 % 3650) as i64))?;
        e.date.end = e.date.start.checked_add(length)?;
        let (country, lat, lon) = COUNTRIES[i % COUNTRIES.len()];
        if let Some(l) = e.location.as_mut() {
            l.country = country.into();
            l.lat = lat + (i % 100) as f64 * 0.01;
            l.lon = lon + (i % 37) as f64 * 0.01;
        }
        Ok(())
    })?;
    Ok(())
}

/// The `k`-th query of client `c`: a filtered page of 500.
fn query(c: usize, k: usize, types: &[String]) -> String {
    let n = c * 7919 + k * 104_729;
    let country = COUNTRIES[n % COUNTRIES.len()].0;
    let year = YEARS.start + (n / 20 % YEARS.len()) as i16;
    let kind = &types[n / 200 % types.len()];
    let years = format!("from={year}-01-01&to={year}-12-31");
    match k % 3 {
        0 => format!("/api/events?country={country}&{years}&limit=500"),
        1 => format!("/api/events?type={kind}&{years}&limit=500"),
        _ => format!("/api/events?type={kind}&country={country}&limit=500"),
    }
}

/// A page of events as the load test checks it: how many, and that each is a JSON value.
#[derive(serde::Deserialize)]
struct Page {
    total: u64,
    events: Vec<serde::de::IgnoredAny>,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

pub fn run(args: &[String]) -> Result<()> {
    let n: usize = arg(args, "--events", 1_000_000)?;
    let clients: usize = arg(args, "--clients", 50)?;
    let seconds: u64 = arg(args, "--seconds", 20)?;
    let rate: f64 = arg(args, "--rate", 1.0)?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = std::env::temp_dir().join("hadath-load-test");
    std::fs::create_dir_all(&dir)?;
    let db = dir.join(format!("events-{n}.db"));
    if Store::open(&db)
        .and_then(|s| s.counts())
        .map(|c| c.events as usize)
        .ok()
        != Some(n)
    {
        let started = Instant::now();
        build(&db, n, &root)?;
        println!(
            "store: {n} events, built in {:.1} s ({})",
            started.elapsed().as_secs_f64(),
            db.display()
        );
    } else {
        println!("store: {n} events ({}, reused)", db.display());
    }
    let bin = crate::release_binary(&root)?;
    let mut server = Command::new(&bin)
        .args([
            "serve",
            "--db",
            &db.display().to_string(),
            "--addr",
            "127.0.0.1:0",
        ])
        .stderr(Stdio::piped())
        .spawn()?;
    let mut line = String::new();
    BufReader::new(server.stderr.take().context("server stderr")?).read_line(&mut line)?;
    let base = line
        .split_whitespace()
        .nth(2)
        .context("the server's address line")?
        .trim_end_matches('/')
        .to_string();
    let result = load(&base, clients, rate, seconds);
    let _ = server.kill();
    let _ = server.wait();
    result
}

fn load(base: &str, clients: usize, rate: f64, seconds: u64) -> Result<()> {
    let agent = || -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into()
    };
    let types: Vec<String> = {
        let mut r = agent()
            .get(&format!(
                "{base}/api/histogram?country=KZ&from=2015-01-01&to=2015-12-31"
            ))
            .call()?;
        let h: serde_json::Value = serde_json::from_str(&r.body_mut().read_to_string()?)?;
        let mut t: Vec<String> = h["days"]
            .as_array()
            .context("days")?
            .iter()
            .filter_map(|d| d["type"].as_str().map(String::from))
            .collect();
        t.sort();
        t.dedup();
        t
    };
    // One pass over every query shape before the clock starts (the page cache warm, as on a
    // server that has been up a while).
    for k in 0..30 {
        agent()
            .get(&format!("{base}{}", query(0, k, &types)))
            .call()?;
    }
    let base: Arc<str> = base.into();
    let types = Arc::new(types);
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let handles: Vec<_> = (0..clients)
        .map(|c| {
            let (base, types) = (base.clone(), types.clone());
            let agent = agent();
            std::thread::spawn(move || -> Result<Vec<Duration>> {
                let mut times = Vec::new();
                let mut k = 0;
                // Clients start spread over one period, not all at once.
                let first = started
                    + Duration::from_secs_f64(if rate > 0.0 {
                        c as f64 / (clients as f64 * rate)
                    } else {
                        0.0
                    });
                while Instant::now() < deadline {
                    let path = query(c, k, &types);
                    let due = if rate > 0.0 {
                        let due = first + Duration::from_secs_f64(k as f64 / rate);
                        if due >= deadline {
                            break;
                        }
                        std::thread::sleep(due.saturating_duration_since(Instant::now()));
                        due
                    } else {
                        Instant::now()
                    };
                    let mut r = agent.get(&format!("{base}{path}")).call()?;
                    let body = r.body_mut().read_to_string()?;
                    times.push(due.elapsed());
                    if r.status() != 200 {
                        bail!("{path}: {} {body}", r.status());
                    }
                    // Checked without building the records (the clients share the server's cores).
                    let page: Page = serde_json::from_str(&body)?;
                    let (total, got) = (page.total as usize, page.events.len());
                    if got != total.min(500) {
                        bail!("{path}: {got} events of {total}");
                    }
                    k += 1;
                }
                Ok(times)
            })
        })
        .collect();
    let mut times = Vec::new();
    for h in handles {
        times.extend(
            h.join()
                .map_err(|_| anyhow::anyhow!("a client panicked"))??,
        );
    }
    let elapsed = started.elapsed().as_secs_f64();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{clients} clients at {} for {seconds} s: {} requests ({:.0}/s); latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        if rate > 0.0 {
            format!("{rate} request/s each")
        } else {
            "full speed".to_string()
        },
        times.len(),
        times.len() as f64 / elapsed,
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.9)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().context("no requests")?),
    );
    Ok(())
}
