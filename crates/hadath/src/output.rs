//! Output formats for event records: JSON Lines (one record a line), a JSON array, CSV with
//! ACLED-style columns then the PLOVER ones, and a GeoJSON FeatureCollection (events with a
//! location). Records come as JSON values, from extraction or from the store alike.

use std::io::Write;

use anyhow::Result;
use serde_json::{Value, json};

/// ACLED's column names where ACLED has the field, then what PLOVER and hadath add.
const CSV_HEADER: &[&str] = &[
    "event_id", "event_date", "event_date_end", "date_precision", "event_type", "sub_event_type", "actor1", "actor1_country",
    "actor1_sector", "actor2", "actor2_country", "actor2_sector", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "geonames_id", "fatalities", "injured", "arrested", "source", "notes", "plover_type", "plover_mode",
    "cameo_root", "factuality", "confidence", "trigger", "location_as_written",
];

/// The output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
    Csv,
    GeoJson,
}

pub enum Writer<W: Write> {
    Jsonl(W),
    JsonArray(W, usize),
    Csv(csv::Writer<W>, usize),
    GeoJson(W, usize),
}

impl<W: Write> Writer<W> {
    pub fn new(out: W, format: Format) -> Self {
        match format {
            Format::Jsonl => Writer::Jsonl(out),
            Format::Json => Writer::JsonArray(out, 0),
            Format::Csv => Writer::Csv(csv::Writer::from_writer(out), 0),
            Format::GeoJson => Writer::GeoJson(out, 0),
        }
    }

    pub fn write(&mut self, event: &Value) -> Result<()> {
        match self {
            Writer::Jsonl(out) => {
                serde_json::to_writer(&mut *out, event)?;
                out.write_all(b"\n")?;
            }
            Writer::JsonArray(out, n) => {
                out.write_all(if *n == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, event)?;
                *n += 1;
            }
            Writer::Csv(csv, n) => {
                if *n == 0 {
                    csv.write_record(CSV_HEADER)?;
                }
                csv.write_record(csv_row(event))?;
                *n += 1;
            }
            Writer::GeoJson(out, n) => {
                // Events without a place have no geometry to draw: GeoJSON leaves them out.
                let Some(feature) = feature(event) else { return Ok(()) };
                out.write_all(if *n == 0 { b"{\"type\":\"FeatureCollection\",\"features\":[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, &feature)?;
                *n += 1;
            }
        }
        Ok(())
    }

    pub fn finish(self) -> Result<()> {
        match self {
            Writer::Jsonl(mut out) => out.flush()?,
            Writer::JsonArray(mut out, n) => {
                out.write_all(if n == 0 { b"[]\n" } else { b"\n]\n" })?;
                out.flush()?;
            }
            Writer::Csv(mut csv, n) => {
                if n == 0 {
                    csv.write_record(CSV_HEADER)?;
                }
                csv.flush()?;
            }
            Writer::GeoJson(mut out, n) => {
                out.write_all(if n == 0 { b"{\"type\":\"FeatureCollection\",\"features\":[]}\n" } else { b"\n]}\n" })?;
                out.flush()?;
            }
        }
        Ok(())
    }
}

/// A field as CSV text: strings as they are, numbers and booleans printed, null empty.
fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn csv_row(e: &Value) -> Vec<String> {
    let loc = &e["location"];
    let count = |field: &str| text(&e[field]["count"]);
    vec![
        text(&e["id"]),
        text(&e["date"]["start"]),
        text(&e["date"]["end"]),
        text(&e["date"]["precision"]),
        text(&e["acled"]["event_type"]),
        text(&e["acled"]["sub_event_type"]),
        text(&e["source"]["text"]),
        text(&e["source"]["country"]),
        text(&e["source"]["sector"]),
        text(&e["target"]["text"]),
        text(&e["target"]["country"]),
        text(&e["target"]["sector"]),
        text(&loc["country"]),
        text(&loc["admin1"]),
        text(&loc["name"]),
        text(&loc["lat"]),
        text(&loc["lon"]),
        text(&loc["precision"]),
        text(&loc["geonames_id"]),
        count("fatalities"),
        count("injured"),
        count("arrested"),
        text(&e["doc_id"]),
        text(&e["evidence"]["text"]),
        text(&e["type"]),
        text(&e["mode"]),
        text(&e["cameo_root"]),
        text(&e["factuality"]),
        text(&e["confidence"]),
        text(&e["trigger"]["text"]),
        text(&loc["text"]),
    ]
}

/// A GeoJSON Feature for an event with a location (RFC 7946: [lon, lat]).
fn feature(e: &Value) -> Option<Value> {
    let loc = &e["location"];
    let (lat, lon) = (loc["lat"].as_f64()?, loc["lon"].as_f64()?);
    Some(json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "id": e["id"], "doc_id": e["doc_id"], "type": e["type"], "mode": e["mode"],
            "acled_event_type": e["acled"]["event_type"], "date_start": e["date"]["start"], "date_end": e["date"]["end"],
            "place": loc["name"], "country": loc["country"], "geo_precision": loc["precision"],
            "fatalities": e["fatalities"]["count"], "factuality": e["factuality"], "confidence": e["confidence"],
            "trigger": e["trigger"]["text"], "evidence": e["evidence"]["text"],
        },
    }))
}
