//! The CLI as a user runs it: output shape, exit codes and a clear message for every kind of bad input.

use std::path::PathBuf;
use std::process::{Command, Output};

fn hadath(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hadath"))
        .args(args)
        .output()
        .expect("run hadath")
}

fn hadath_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hadath"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn hadath");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn reference() -> String {
    root()
        .join("examples/kazakhstan-2022-ar.txt")
        .display()
        .to_string()
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hadath-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

/// The event record's JSON Schema, compiled.
fn event_schema() -> (boon::Schemas, boon::SchemaIndex) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/event.schema.json")).unwrap(),
    )
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("event.schema.json", schema).unwrap();
    let id = compiler.compile("event.schema.json", &mut schemas).unwrap();
    (schemas, id)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn reference_output_is_schema_valid_and_spans_point_at_their_text() {
    let out = hadath(&["extract", &reference(), "--published", "2022-01-06"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(reference()).unwrap();
    let (schemas, id) = event_schema();
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert!(lines.len() >= 8, "{} events", lines.len());
    for line in lines {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Err(e) = schemas.validate(&event, id) {
            panic!("{line}\n{e}");
        }
        for field in ["trigger", "evidence"] {
            let span = &event[field]["span"];
            let (start, end) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text.get(start..end),
                event[field]["text"].as_str(),
                "{field} of {line}"
            );
        }
        assert!(
            event["evidence"]["text"]
                .as_str()
                .unwrap()
                .contains(event["trigger"]["text"].as_str().unwrap())
        );
    }
}

#[test]
fn explain_says_why_and_stays_schema_valid() {
    let (schemas, id) = event_schema();
    // Without the flag, no explain field.
    let plain = hadath(&["extract", &reference(), "--published", "2022-01-06"]);
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("\"explain\""));
    let out = hadath(&[
        "extract",
        &reference(),
        "--published",
        "2022-01-06",
        "--explain",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let triggers =
        std::fs::read_to_string(root().join("crates/hadath-ar/data/triggers.tsv")).unwrap();
    for line in std::str::from_utf8(&out.stdout).unwrap().lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Err(e) = schemas.validate(&event, id) {
            panic!("{line}\n{e}");
        }
        let steps = event["explain"].as_array().expect("explain");
        let step = |field: &str| steps.iter().find(|s| s["field"] == field);
        // The type cites the trigger lexicon's row, and that row is what the file says.
        let why_type = step("type").expect("a type step")["evidence"]
            .as_str()
            .unwrap();
        let row = why_type
            .split("crates/hadath-ar/data/triggers.tsv:")
            .nth(1)
            .expect("a triggers.tsv row");
        let (n, pattern) = row.split_once(' ').unwrap();
        let n: usize = n.parse().unwrap();
        let file_row = triggers.lines().nth(n - 1).unwrap();
        let pattern = pattern.split(" (").next().unwrap();
        assert!(
            file_row.starts_with(&format!("{pattern}\t")),
            "{why_type} vs {file_row}"
        );
        // Date, place and factuality are always accounted for; an actor is explained when there is one.
        for field in ["date", "location", "factuality"] {
            assert!(step(field).is_some(), "{field}: {line}");
        }
        for field in ["source", "target"] {
            assert_eq!(
                !event[field].is_null(),
                step(field).is_some(),
                "{field}: {line}"
            );
        }
    }
}

#[test]
fn csv_and_json_formats() {
    let out = hadath(&[
        "extract",
        &reference(),
        "--published",
        "2022-01-06",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with(
            "event_id,event_date,event_date_end,date_precision,event_type,sub_event_type,"
        ),
        "{csv}"
    );
    // Every row has every column; the reference's Almaty killings carry their count.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let fatalities = headers.iter().position(|h| h == "fatalities").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    assert!(
        rows.iter().any(|r| &r[fatalities] == "8"),
        "fatalities column"
    );
    let out = hadath(&[
        "extract",
        &reference(),
        "--published",
        "2022-01-06",
        "--format",
        "geojson",
    ]);
    let geojson: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    let out = hadath(&[
        "extract",
        &reference(),
        "--published",
        "2022-01-06",
        "--format",
        "json",
    ]);
    let events: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!events.is_empty());
}

#[test]
fn standard_input_and_html() {
    let out = hadath_stdin(
        &["extract", "-", "--published", "2022-01-06"],
        "اعتقلت الشرطة عشرات المتظاهرين في القاهرة أمس.".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first: serde_json::Value = serde_json::from_str(
        std::str::from_utf8(&out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["type"], "COERCE");
    assert_eq!(first["location"]["name"], "Cairo");
    assert_eq!(first["date"]["start"], "2022-01-05");
    // JSON Lines on standard input: a bad line is named and the good one still runs.
    let out = hadath_stdin(
        &["extract", "-"],
        b"{\"id\": \"x\", \"text\": \"Police arrested 40 protesters in Cairo on Monday.\", \"published\": \"2022-03-10\"}\n{\"id\": \"y\"}\n",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("-:2"), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"COERCE\""));
    let html = temp("page.html", "<html><script>هجوم</script><body><p>Police arrested 12 protesters in Minsk on Sunday.</p></body></html>".as_bytes());
    let out = hadath(&[
        "extract",
        html.to_str().unwrap(),
        "--published",
        "2020-08-10",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\"COERCE\"") && !text.contains("هجوم"),
        "{text}"
    );
}

#[test]
fn bad_inputs_get_clear_messages_and_exit_1_while_good_ones_still_run() {
    let empty = temp("empty.txt", b"");
    let latin1 = temp("latin1.txt", b"caf\xe9 protest");
    let binary = temp("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let dir = std::env::temp_dir();
    let missing = "/nonexistent/hadath/article.txt";
    let out = hadath(&[
        "extract",
        empty.to_str().unwrap(),
        latin1.to_str().unwrap(),
        binary.to_str().unwrap(),
        dir.to_str().unwrap(),
        missing,
        &reference(),
        "--published",
        "2022-01-06",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("empty.txt: empty"), "{err}");
    assert!(
        err.contains("latin1.txt: not valid UTF-8 at byte 3"),
        "{err}"
    );
    assert!(
        err.contains("image.txt: looks binary (NUL byte at 8)"),
        "{err}"
    );
    assert!(err.contains("is a directory"), "{err}");
    assert!(
        err.contains("/nonexistent/hadath/article.txt: cannot read"),
        "{err}"
    );
    // The good file was still processed.
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() >= 8);
}

#[test]
fn a_huge_line_is_refused_by_name_and_line() {
    let mut jsonl = b"{\"id\":\"a\",\"text\":\"police arrested two men\",\"published\":\"2022-01-06\"}\n{\"text\":\"".to_vec();
    jsonl.extend(std::iter::repeat_n(b'x', 100 * 1024 * 1024));
    jsonl.extend_from_slice(b"\"}\n");
    let path = temp("huge.jsonl", &jsonl);
    let out = hadath(&["extract", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("huge.jsonl:2:") && err.contains("limit for one document"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"COERCE\""));
}

#[test]
fn dates_malformed_or_missing() {
    let out = hadath(&["extract", &reference(), "--published", "2022-13-45"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"2022-13-45\" is not a date: use YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
    let jsonl = temp(
        "dates.jsonl",
        b"{\"id\":\"d\",\"text\":\"police arrested two men\",\"published\":\"yesterday\"}\n",
    );
    let out = hadath(&["extract", jsonl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("dates.jsonl:1: publication date \"yesterday\" is not a date"),
        "{}",
        stderr(&out)
    );
    let out = hadath(&["extract", &reference()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("no publication date (pass --published YYYY-MM-DD)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(hadath(&[]).status.code(), Some(2));
    assert_eq!(hadath(&["extract"]).status.code(), Some(2));
    assert_eq!(
        hadath(&["extract", &reference(), "--lang", "fr"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(hadath(&["--help"]).status.code(), Some(0));
}

#[test]
fn geocode_ranks_candidates_and_reads_arabic_names_geonames_has_only_in_latin() {
    // Zhanaozen (GeoNames 607610) has no Arabic name in GeoNames: it is found by transliteration.
    let out = hadath(&["geocode", "زاناوزن", "--json", "--limit", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["geonames_id"], 607_610);
    assert_eq!(first["method"], "transliteration");
    // A country name is the country.
    let out = hadath(&["geocode", "كازاخستان", "--json", "--limit", "1"]);
    let first: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (first["kind"].as_str(), first["country"].as_str()),
        (Some("country"), Some("KZ"))
    );
    // --country restricts: Ar Riqqah in Kuwait, not Raqqa in Syria.
    let out = hadath(&["geocode", "الرقة", "--country", "KW", "--json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().all(|l| l.contains("\"country\":\"KW\"")) && !text.is_empty(),
        "{text}"
    );
    // The table form names its columns.
    let out = hadath(&["geocode", "Almaty"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("rank") && text.contains("1526384"),
        "{text}"
    );
}

#[test]
fn geocode_bad_names_get_clear_answers() {
    let out = hadath(&["geocode", ""]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the name is empty"),
        "{}",
        stderr(&out)
    );
    let out = hadath(&["geocode", " \t\u{7}\u{1b} "]);
    assert_eq!(out.status.code(), Some(2));
    let long = "ب".repeat(5_000);
    let out = hadath(&["geocode", &long]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("10000 bytes long"),
        "{}",
        stderr(&out)
    );
    // Control characters separate words.
    let out = hadath(&["geocode", "Nur\u{1}Sultan", "--json", "--limit", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1526273"));
    // Mixed scripts and nonsense: an answer or "no place found", never a crash.
    for name in ["Almaty ألماتي", "ззз漢字ب", "xqxqxqxq"] {
        let out = hadath(&["geocode", name]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {:?}",
            out.status
        );
        if out.status.code() == Some(1) {
            assert!(stderr(&out).contains("no place found"), "{}", stderr(&out));
        }
    }
    let out = hadath(&["geocode", "Almaty", "--country", "XX"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is not a country code"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    use std::io::Read;
    // Enough output to fill the pipe many times over.
    let line = r#"{"id":"d","text":"Police fired tear gas at protesters in Minsk on Sunday.","published":"2020-08-10","lang":"en"}"#;
    let input: String = (0..3000)
        .map(|n| line.replace("\"d\"", &format!("\"d{n}\"")) + "\n")
        .collect();
    let path = temp("many.jsonl", input.as_bytes());
    for format in ["jsonl", "csv"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hadath"))
            .args(["extract", path.to_str().unwrap(), "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn hadath");
        let mut first = [0u8; 64];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut first)
            .expect("some output");
        // stdout is dropped here: the reader has gone.
        let out = child.wait_with_output().expect("wait");
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{format}: {}", stderr(&out));
    }
}
