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

/// Writes events as one Parquet file (Snappy-compressed): the CSV columns, typed — dates as
/// dates, coordinates and confidence as doubles, counts and GeoNames ids as integers.
pub fn write_parquet<W: Write + Send>(out: W, events: &[Value]) -> Result<()> {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};

    let epoch = jiff::civil::date(1970, 1, 1);
    let date = |v: &Value| -> Option<i32> {
        let d: jiff::civil::Date = v.as_str()?.parse().ok()?;
        i32::try_from((d - epoch).get_days()).ok()
    };
    let strings = |f: &dyn Fn(&Value) -> &Value| -> ArrayRef {
        Arc::new(events.iter().map(|e| f(e).as_str().map(str::to_string)).collect::<StringArray>())
    };
    let floats = |f: &dyn Fn(&Value) -> &Value| -> ArrayRef { Arc::new(events.iter().map(|e| f(e).as_f64()).collect::<Float64Array>()) };
    let ints = |f: &dyn Fn(&Value) -> &Value| -> ArrayRef { Arc::new(events.iter().map(|e| f(e).as_i64()).collect::<Int64Array>()) };
    let dates = |f: &dyn Fn(&Value) -> &Value| -> ArrayRef { Arc::new(events.iter().map(|e| date(f(e))).collect::<Date32Array>()) };

    let columns: Vec<(&str, DataType, ArrayRef)> = vec![
        ("event_id", DataType::Utf8, strings(&|e| &e["id"])),
        ("event_date", DataType::Date32, dates(&|e| &e["date"]["start"])),
        ("event_date_end", DataType::Date32, dates(&|e| &e["date"]["end"])),
        ("date_precision", DataType::Utf8, strings(&|e| &e["date"]["precision"])),
        ("event_type", DataType::Utf8, strings(&|e| &e["acled"]["event_type"])),
        ("sub_event_type", DataType::Utf8, strings(&|e| &e["acled"]["sub_event_type"])),
        ("actor1", DataType::Utf8, strings(&|e| &e["source"]["text"])),
        ("actor1_country", DataType::Utf8, strings(&|e| &e["source"]["country"])),
        ("actor1_sector", DataType::Utf8, strings(&|e| &e["source"]["sector"])),
        ("actor2", DataType::Utf8, strings(&|e| &e["target"]["text"])),
        ("actor2_country", DataType::Utf8, strings(&|e| &e["target"]["country"])),
        ("actor2_sector", DataType::Utf8, strings(&|e| &e["target"]["sector"])),
        ("country", DataType::Utf8, strings(&|e| &e["location"]["country"])),
        ("admin1", DataType::Utf8, strings(&|e| &e["location"]["admin1"])),
        ("location", DataType::Utf8, strings(&|e| &e["location"]["name"])),
        ("latitude", DataType::Float64, floats(&|e| &e["location"]["lat"])),
        ("longitude", DataType::Float64, floats(&|e| &e["location"]["lon"])),
        ("geo_precision", DataType::Utf8, strings(&|e| &e["location"]["precision"])),
        ("geonames_id", DataType::Int64, ints(&|e| &e["location"]["geonames_id"])),
        ("fatalities", DataType::Int64, ints(&|e| &e["fatalities"]["count"])),
        ("injured", DataType::Int64, ints(&|e| &e["injured"]["count"])),
        ("arrested", DataType::Int64, ints(&|e| &e["arrested"]["count"])),
        ("source", DataType::Utf8, strings(&|e| &e["doc_id"])),
        ("notes", DataType::Utf8, strings(&|e| &e["evidence"]["text"])),
        ("plover_type", DataType::Utf8, strings(&|e| &e["type"])),
        ("plover_mode", DataType::Utf8, strings(&|e| &e["mode"])),
        ("cameo_root", DataType::Utf8, strings(&|e| &e["cameo_root"])),
        ("factuality", DataType::Utf8, strings(&|e| &e["factuality"])),
        ("confidence", DataType::Float64, floats(&|e| &e["confidence"])),
        ("trigger", DataType::Utf8, strings(&|e| &e["trigger"]["text"])),
        ("location_as_written", DataType::Utf8, strings(&|e| &e["location"]["text"])),
    ];
    let schema = Arc::new(Schema::new(columns.iter().map(|(name, t, _)| Field::new(*name, t.clone(), true)).collect::<Vec<_>>()));
    let batch = RecordBatch::try_new(schema.clone(), columns.into_iter().map(|(_, _, a)| a).collect())?;
    let props = parquet::file::properties::WriterProperties::builder().set_compression(parquet::basic::Compression::SNAPPY).build();
    let mut writer = parquet::arrow::ArrowWriter::try_new(out, schema, Some(props))?;
    writer.write(&batch)?;
    writer.close()?;
    Ok(())
}
