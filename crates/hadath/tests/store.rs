//! `hadath ingest`, `status` and `export` as a user runs them, on folders written by the tests:
//! every input accounted for, re-ingesting is a no-op, changed files replace their events, a
//! killed ingest loses nothing committed, and the exports read back.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hadath(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hadath"))
        .args(args)
        .output()
        .expect("run hadath")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hadath-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles/sub")).expect("temp dir");
    dir
}

const ATTACK: &str = "قتل خمسة عشر شخصا في هجوم على سوق في بغداد يوم الثلاثاء.\n";
const PROTEST: &str = "Thousands of people protested in Amman on Friday against rising prices.\n";

fn write(path: &Path, text: &[u8]) {
    std::fs::write(path, text).expect("write");
}

fn db(dir: &Path) -> String {
    dir.join("events.db").display().to_string()
}

#[test]
fn ingest_accounts_for_every_input_and_is_idempotent() {
    let dir = folder("idempotent");
    let articles = dir.join("articles");
    write(&articles.join("a.txt"), ATTACK.as_bytes());
    write(
        &articles.join("a.meta.json"),
        br#"{"published": "2022-03-10", "url": "https://example.org/a"}"#,
    );
    write(&articles.join("sub/b.txt"), PROTEST.as_bytes());
    write(&articles.join("sub/c.txt"), b"caf\xe9");
    // An HTML bomb by size (100 MB) and a feed that is not XML: each a failure with its reason.
    let mut bomb = b"<html><body>".to_vec();
    bomb.extend(std::iter::repeat_n(b'<', 100 * 1024 * 1024));
    write(&articles.join("bomb.html"), &bomb);
    drop(bomb);
    write(
        &articles.join("broken.rss"),
        b"<rss><channel><item><title>x</ti",
    );
    // Not an article by its name: skipped and said, not read as text.
    write(&articles.join("README.md"), b"# Articles for the test\n");
    write(&articles.join("d.jsonl"), b"{\"id\":\"d1\",\"text\":\"Police arrested 40 protesters in Cairo on Monday.\",\"published\":\"2022-03-10\"}\n{\"id\":\"d2\"}\n{\"id\":\"d1\",\"text\":\"Another text under the same id.\"}\n");
    // A page nested 100,000 deep is read (its text), not a hang.
    write(
        &articles.join("deep.html"),
        format!(
            "{}<p>Police detained 12 people in Cairo on Monday.</p>{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        )
        .as_bytes(),
    );
    let articles = articles.display().to_string();
    let db = db(&dir);

    let out = hadath(&[
        "ingest",
        &articles,
        "--db",
        &db,
        "--published",
        "2022-03-11",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("9 read, 4 new, 0 replaced, 0 unchanged, 5 failed, 1 skipped"),
        "{}",
        stderr(&out)
    );

    assert!(
        stderr(&out).contains("1 file in folders skipped, not articles by name (")
            && stderr(&out).contains("README.md"),
        "{}",
        stderr(&out)
    );
    let status = String::from_utf8(hadath(&["status", "--db", &db]).stdout).unwrap();
    assert!(status.contains("4 documents"), "{status}");
    assert!(status.contains("failed d1: duplicate id"), "{status}");
    assert!(
        status.contains("c.txt: not valid UTF-8 at byte 3"),
        "{status}"
    );
    assert!(status.contains("d.jsonl:2: no \"text\""), "{status}");
    assert!(
        status.contains("bomb.html: ") && status.contains("limit"),
        "{status}"
    );
    assert!(
        status.contains("broken.rss: not an RSS or Atom feed"),
        "{status}"
    );

    // Again: nothing new, nothing lost.
    let out = hadath(&[
        "ingest",
        &articles,
        "--db",
        &db,
        "--published",
        "2022-03-11",
    ]);
    assert!(
        stderr(&out).contains("9 read, 0 new, 0 replaced, 4 unchanged, 5 failed, 1 skipped"),
        "{}",
        stderr(&out)
    );

    // A changed file replaces its events.
    write(
        &Path::new(&articles).join("sub/b.txt"),
        b"Police arrested 12 journalists in Amman on Friday.\n",
    );
    let out = hadath(&[
        "ingest",
        &articles,
        "--db",
        &db,
        "--published",
        "2022-03-11",
    ]);
    assert!(
        stderr(&out).contains("0 new, 1 replaced, 3 unchanged"),
        "{}",
        stderr(&out)
    );

    // The sidecar's date was used: Tuesday before 2022-03-10, not before the --published default.
    let jsonl =
        String::from_utf8(hadath(&["export", "--db", &db, "--type", "ASSAULT"]).stdout).unwrap();
    let attack: serde_json::Value =
        serde_json::from_str(jsonl.lines().next().expect("one ASSAULT")).unwrap();
    assert_eq!(attack["date"]["start"], "2022-03-08");
    assert_eq!(attack["fatalities"]["count"], 15);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn exports_read_back() {
    let dir = folder("exports");
    write(&dir.join("articles/a.txt"), ATTACK.as_bytes());
    write(&dir.join("articles/b.txt"), PROTEST.as_bytes());
    let db = db(&dir);
    let out = hadath(&[
        "ingest",
        &dir.join("articles").display().to_string(),
        "--db",
        &db,
        "--published",
        "2022-03-10",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let csv_out = hadath(&["export", "--db", &db, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "event_id");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let attack = rows
        .iter()
        .find(|r| &r[col("plover_type")] == "ASSAULT")
        .expect("attack row");
    assert_eq!(&attack[col("fatalities")], "15");
    assert_eq!(&attack[col("location")], "Baghdad");
    assert_eq!(&attack[col("country")], "IQ");

    let geojson: serde_json::Value =
        serde_json::from_slice(&hadath(&["export", "--db", &db, "--format", "geojson"]).stdout)
            .unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().unwrap();
    assert_eq!(features.len(), 2);
    for f in features {
        let [lon, lat] = [
            f["geometry"]["coordinates"][0].as_f64().unwrap(),
            f["geometry"]["coordinates"][1].as_f64().unwrap(),
        ];
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }

    // Parquet reads back with the parquet crate's own reader: typed columns.
    let parquet_path = dir.join("events.parquet");
    let out = hadath(&[
        "export",
        "--db",
        &db,
        "--format",
        "parquet",
        "--out",
        &parquet_path.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = std::fs::File::open(&parquet_path).unwrap();
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<arrow_array::RecordBatch> = reader.map(|b| b.unwrap()).collect();
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 2);
    let batch = &batches[0];
    let schema = batch.schema();
    assert_eq!(
        schema.field_with_name("event_date").unwrap().data_type(),
        &arrow_schema::DataType::Date32
    );
    assert_eq!(
        schema.field_with_name("latitude").unwrap().data_type(),
        &arrow_schema::DataType::Float64
    );
    let fatalities = batch
        .column_by_name("fatalities")
        .unwrap()
        .as_any()
        .downcast_ref::<arrow_array::Int64Array>()
        .unwrap();
    let types = batch
        .column_by_name("plover_type")
        .unwrap()
        .as_any()
        .downcast_ref::<arrow_array::StringArray>()
        .unwrap();
    let attack = (0..batch.num_rows())
        .find(|&i| types.value(i) == "ASSAULT")
        .unwrap();
    assert_eq!(fatalities.value(attack), 15);
    let dates = batch
        .column_by_name("event_date")
        .unwrap()
        .as_any()
        .downcast_ref::<arrow_array::Date32Array>()
        .unwrap();
    // 2022-03-08 is day 19,059 after 1970-01-01.
    assert_eq!(dates.value(attack), 19_059);

    // Filters: by country, by date; values that look like SQL are values.
    let iraq =
        String::from_utf8(hadath(&["export", "--db", &db, "--country", "IQ"]).stdout).unwrap();
    assert_eq!(iraq.lines().count(), 1);
    let none =
        String::from_utf8(hadath(&["export", "--db", &db, "--country", "IQ' OR 1=1 --"]).stdout)
            .unwrap();
    assert_eq!(none.lines().count(), 0);
    let later =
        String::from_utf8(hadath(&["export", "--db", &db, "--from", "2022-04-01"]).stdout).unwrap();
    assert_eq!(later.lines().count(), 0);
    assert_eq!(
        hadath(&["export", "--db", &db, "--from", "April"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        hadath(&[
            "export",
            "--db",
            &dir.join("missing.db").display().to_string()
        ])
        .status
        .code(),
        Some(2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_killed_ingest_loses_nothing_committed_and_the_next_run_finishes() {
    let dir = folder("kill");
    let articles = dir.join("articles");
    let n = 600;
    for i in 0..n {
        // Distinct content, so that each file is its own document.
        write(
            &articles.join(format!("{i:04}.txt")),
            format!("{ATTACK}{}\n", "و".repeat(i % 7 + 1))
                .repeat(20)
                .as_bytes(),
        );
    }
    let db = db(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_hadath"))
        .args([
            "ingest",
            &articles.display().to_string(),
            "--db",
            &db,
            "--published",
            "2022-03-10",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(700));
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();

    // Whatever was committed is whole: every stored document has its events.
    let check = store_check(&db);
    assert_eq!(check.0, "ok", "the store opens");
    assert_eq!(check.1, 0, "documents without their events");

    let out = hadath(&[
        "ingest",
        &articles.display().to_string(),
        "--db",
        &db,
        "--published",
        "2022-03-10",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let status = String::from_utf8(hadath(&["status", "--db", &db]).stdout).unwrap();
    assert!(status.contains(&format!("{n} documents")), "{status}");
    // The new run added exactly what the killed one had not.
    let summary = stderr(&out);
    let new: usize = summary
        .split(" new")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap();
    let unchanged: usize = summary
        .split(" unchanged")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap();
    assert_eq!(new + unchanged, n, "{summary}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// ("ok" when the store opens — hadath status migrates and fails on a damaged file — else the
/// error; how many stored documents have no events), read through hadath's own status and export.
fn store_check(db: &str) -> (String, usize) {
    // `hadath status` opens (and would migrate) the store: it fails on a corrupt file.
    let status = hadath(&["status", "--db", db]);
    let integrity = if status.status.success() {
        "ok".to_string()
    } else {
        stderr(&status)
    };
    // Each document ingested here has exactly one ASSAULT event.
    let text = String::from_utf8_lossy(&status.stdout).into_owned();
    let documents: usize = text
        .split(" documents")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let events = String::from_utf8(hadath(&["export", "--db", db]).stdout).unwrap();
    let with_events: std::collections::HashSet<String> = events
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|e| e["doc_id"].as_str().map(str::to_string))
        .collect();
    (integrity, documents - with_events.len())
}
