//! Output formats for event records: JSON Lines (one record a line), a JSON array, CSV with
//! ACLED-style columns then the PLOVER ones, and a GeoJSON FeatureCollection (events with a
//! location). Records come as JSON values, from extraction or from the store alike.

use std::io::Write;

use anyhow::Result;
use serde::Deserialize;
use serde_json::{Value, json};

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
                    csv.write_record(columns().iter().map(|(name, _)| *name))?;
                }
                let row = Row::deserialize(event)?;
                csv.write_record(columns().iter().map(|(_, get)| get.text(&row)))?;
                *n += 1;
            }
            Writer::GeoJson(out, n) => {
                // Events without a place have no geometry to draw: GeoJSON leaves them out.
                let Some(feature) = feature(event) else {
                    return Ok(());
                };
                out.write_all(if *n == 0 {
                    b"{\"type\":\"FeatureCollection\",\"features\":[\n"
                } else {
                    b",\n"
                })?;
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
                    csv.write_record(columns().iter().map(|(name, _)| *name))?;
                }
                csv.flush()?;
            }
            Writer::GeoJson(mut out, n) => {
                out.write_all(if n == 0 {
                    b"{\"type\":\"FeatureCollection\",\"features\":[]}\n"
                } else {
                    b"\n]}\n"
                })?;
                out.flush()?;
            }
        }
        Ok(())
    }
}

/// A GeoJSON Feature for an event with a location (RFC 7946: [lon, lat]).
pub(crate) fn feature(e: &Value) -> Option<Value> {
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

/// Rows buffered before a Parquet row group is written.
const PARQUET_BATCH: usize = 65_536;

/// The fields of an event record an export row needs, read straight from its JSON.
#[derive(serde::Deserialize)]
struct Row {
    id: String,
    doc_id: String,
    #[serde(rename = "type")]
    event_type: String,
    mode: Option<String>,
    cameo_root: String,
    acled: Option<RowAcled>,
    source: Option<RowActor>,
    target: Option<RowActor>,
    date: RowDate,
    location: Option<RowPlace>,
    fatalities: Option<RowCount>,
    injured: Option<RowCount>,
    arrested: Option<RowCount>,
    factuality: String,
    confidence: f64,
    trigger: RowText,
    evidence: RowText,
}

#[derive(serde::Deserialize)]
struct RowAcled {
    event_type: String,
    sub_event_type: String,
}

#[derive(serde::Deserialize)]
struct RowActor {
    text: String,
    country: Option<String>,
    sector: Option<String>,
}

#[derive(serde::Deserialize)]
struct RowDate {
    start: jiff::civil::Date,
    end: jiff::civil::Date,
    precision: String,
}

#[derive(serde::Deserialize)]
struct RowPlace {
    text: Option<String>,
    name: String,
    country: String,
    admin1: Option<String>,
    lat: f64,
    lon: f64,
    geonames_id: i64,
    precision: String,
}

#[derive(serde::Deserialize)]
struct RowCount {
    count: Option<i64>,
}

#[derive(serde::Deserialize)]
struct RowText {
    text: String,
}

/// A Parquet file written as events stream in (Snappy-compressed row groups): the CSV columns,
/// typed — dates as dates, coordinates and confidence as doubles, counts and GeoNames ids as
/// integers.
pub struct ParquetWriter<W: Write + Send> {
    writer: parquet::arrow::ArrowWriter<W>,
    schema: std::sync::Arc<arrow_schema::Schema>,
    rows: Vec<Row>,
}

enum Getter {
    Text(fn(&Row) -> Option<&str>),
    Date(fn(&Row) -> jiff::civil::Date),
    Float(fn(&Row) -> Option<f64>),
    Int(fn(&Row) -> Option<i64>),
}

impl Getter {
    /// The field as CSV text (empty when absent).
    fn text(&self, r: &Row) -> String {
        match self {
            Getter::Text(f) => f(r).unwrap_or("").to_string(),
            Getter::Date(f) => f(r).to_string(),
            Getter::Float(f) => f(r).map(|v| v.to_string()).unwrap_or_default(),
            Getter::Int(f) => f(r).map(|v| v.to_string()).unwrap_or_default(),
        }
    }
}

/// The export columns, CSV and Parquet alike: ACLED's names where ACLED has the field, then
/// what PLOVER and hadath add.
fn columns() -> Vec<(&'static str, Getter)> {
    use Getter::{Date, Float, Int, Text};
    vec![
        ("event_id", Text(|r| Some(r.id.as_str()))),
        ("event_date", Date(|r| r.date.start)),
        ("event_date_end", Date(|r| r.date.end)),
        ("date_precision", Text(|r| Some(r.date.precision.as_str()))),
        (
            "event_type",
            Text(|r| r.acled.as_ref().map(|a| a.event_type.as_str())),
        ),
        (
            "sub_event_type",
            Text(|r| r.acled.as_ref().map(|a| a.sub_event_type.as_str())),
        ),
        (
            "actor1",
            Text(|r| r.source.as_ref().map(|a| a.text.as_str())),
        ),
        (
            "actor1_country",
            Text(|r| r.source.as_ref().and_then(|a| a.country.as_deref())),
        ),
        (
            "actor1_sector",
            Text(|r| r.source.as_ref().and_then(|a| a.sector.as_deref())),
        ),
        (
            "actor2",
            Text(|r| r.target.as_ref().map(|a| a.text.as_str())),
        ),
        (
            "actor2_country",
            Text(|r| r.target.as_ref().and_then(|a| a.country.as_deref())),
        ),
        (
            "actor2_sector",
            Text(|r| r.target.as_ref().and_then(|a| a.sector.as_deref())),
        ),
        (
            "country",
            Text(|r| r.location.as_ref().map(|l| l.country.as_str())),
        ),
        (
            "admin1",
            Text(|r| r.location.as_ref().and_then(|l| l.admin1.as_deref())),
        ),
        (
            "location",
            Text(|r| r.location.as_ref().map(|l| l.name.as_str())),
        ),
        ("latitude", Float(|r| r.location.as_ref().map(|l| l.lat))),
        ("longitude", Float(|r| r.location.as_ref().map(|l| l.lon))),
        (
            "geo_precision",
            Text(|r| r.location.as_ref().map(|l| l.precision.as_str())),
        ),
        (
            "geonames_id",
            Int(|r| r.location.as_ref().map(|l| l.geonames_id)),
        ),
        (
            "fatalities",
            Int(|r| r.fatalities.as_ref().and_then(|c| c.count)),
        ),
        ("injured", Int(|r| r.injured.as_ref().and_then(|c| c.count))),
        (
            "arrested",
            Int(|r| r.arrested.as_ref().and_then(|c| c.count)),
        ),
        ("source", Text(|r| Some(r.doc_id.as_str()))),
        ("notes", Text(|r| Some(r.evidence.text.as_str()))),
        ("plover_type", Text(|r| Some(r.event_type.as_str()))),
        ("plover_mode", Text(|r| r.mode.as_deref())),
        ("cameo_root", Text(|r| Some(r.cameo_root.as_str()))),
        ("factuality", Text(|r| Some(r.factuality.as_str()))),
        ("confidence", Float(|r| Some(r.confidence))),
        ("trigger", Text(|r| Some(r.trigger.text.as_str()))),
        (
            "location_as_written",
            Text(|r| r.location.as_ref().and_then(|l| l.text.as_deref())),
        ),
    ]
}

impl<W: Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> Result<Self> {
        use arrow_schema::DataType;
        let fields: Vec<arrow_schema::Field> = columns()
            .into_iter()
            .map(|(name, get)| {
                let t = match get {
                    Getter::Text(_) => DataType::Utf8,
                    Getter::Date(_) => DataType::Date32,
                    Getter::Float(_) => DataType::Float64,
                    Getter::Int(_) => DataType::Int64,
                };
                arrow_schema::Field::new(name, t, true)
            })
            .collect();
        let schema = std::sync::Arc::new(arrow_schema::Schema::new(fields));
        let props = parquet::file::properties::WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .build();
        let writer = parquet::arrow::ArrowWriter::try_new(out, schema.clone(), Some(props))?;
        Ok(ParquetWriter {
            writer,
            schema,
            rows: Vec::with_capacity(PARQUET_BATCH),
        })
    }

    /// Adds one event record, as its JSON text.
    pub fn write_record(&mut self, record: &str) -> Result<()> {
        self.rows.push(serde_json::from_str(record)?);
        if self.rows.len() >= PARQUET_BATCH {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<()> {
        use std::sync::Arc;

        use arrow_array::{
            ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
        };
        if self.rows.is_empty() {
            return Ok(());
        }
        let epoch = jiff::civil::date(1970, 1, 1);
        let days = |d: jiff::civil::Date| i32::try_from((d - epoch).get_days()).ok();
        let rows = &self.rows;
        let arrays: Vec<ArrayRef> = columns()
            .into_iter()
            .map(|(_, get)| -> ArrayRef {
                match get {
                    Getter::Text(f) => Arc::new(rows.iter().map(f).collect::<StringArray>()),
                    Getter::Date(f) => {
                        Arc::new(rows.iter().map(|r| days(f(r))).collect::<Date32Array>())
                    }
                    Getter::Float(f) => Arc::new(rows.iter().map(f).collect::<Float64Array>()),
                    Getter::Int(f) => Arc::new(rows.iter().map(f).collect::<Int64Array>()),
                }
            })
            .collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays)?;
        self.writer.write(&batch)?;
        self.rows.clear();
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.flush_batch()?;
        self.writer.close()?;
        Ok(())
    }
}
