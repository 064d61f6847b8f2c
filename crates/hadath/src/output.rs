//! Output formats: JSON Lines (one event record a line), a JSON array, or flat CSV.

use std::io::Write;

use anyhow::Result;
use hadath_pipeline::Event;

const CSV_HEADER: &[&str] = &[
    "id", "doc_id", "type", "mode", "cameo_root", "acled_event_type", "acled_sub_event_type", "date_start", "date_end", "date_precision",
    "location", "location_name", "country", "latitude", "longitude", "geonames_id", "geo_precision", "source", "source_country",
    "source_sector", "target", "target_country", "target_sector", "fatalities", "fatalities_text", "factuality", "confidence", "trigger",
    "evidence",
];

pub enum Writer<W: Write> {
    Jsonl(W),
    JsonArray(W, usize),
    Csv(csv::Writer<W>, usize),
}

impl<W: Write> Writer<W> {
    pub fn new(out: W, json_array: bool, csv: bool) -> Self {
        if csv {
            Writer::Csv(csv::Writer::from_writer(out), 0)
        } else if json_array {
            Writer::JsonArray(out, 0)
        } else {
            Writer::Jsonl(out)
        }
    }

    pub fn write(&mut self, event: &Event) -> Result<()> {
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
        }
        Ok(())
    }
}

fn csv_row(e: &Event) -> Vec<String> {
    let opt = |s: Option<&str>| s.unwrap_or("").to_string();
    let loc = e.location.as_ref();
    let actor = |a: Option<&hadath_event::Actor>| {
        (a.map(|a| a.text.clone()).unwrap_or_default(), opt(a.and_then(|a| a.country.as_deref())), opt(a.and_then(|a| a.sector.as_deref())))
    };
    let (s_text, s_country, s_sector) = actor(e.source.as_ref());
    let (t_text, t_country, t_sector) = actor(e.target.as_ref());
    vec![
        e.id.clone(),
        e.doc_id.clone(),
        e.event_type.as_str().to_string(),
        opt(e.mode.as_deref()),
        e.cameo_root.clone(),
        opt(e.acled.as_ref().map(|a| a.event_type.as_str())),
        opt(e.acled.as_ref().map(|a| a.sub_event_type.as_str())),
        e.date.start.to_string(),
        e.date.end.to_string(),
        e.date.precision.clone(),
        opt(loc.and_then(|l| l.text.as_deref())),
        opt(loc.map(|l| l.name.as_str())),
        opt(loc.map(|l| l.country.as_str())),
        loc.map(|l| l.lat.to_string()).unwrap_or_default(),
        loc.map(|l| l.lon.to_string()).unwrap_or_default(),
        loc.map(|l| l.geonames_id.to_string()).unwrap_or_default(),
        opt(loc.map(|l| l.precision.as_str())),
        s_text,
        s_country,
        s_sector,
        t_text,
        t_country,
        t_sector,
        e.fatalities.as_ref().and_then(|f| f.count).map(|c| c.to_string()).unwrap_or_default(),
        e.fatalities.as_ref().map(|f| f.text.clone()).unwrap_or_default(),
        format!("{:?}", e.factuality).to_lowercase(),
        e.confidence.to_string(),
        e.trigger.text.clone(),
        e.evidence.text.clone(),
    ]
}

