//! Scoring against PLOVER's English gold-standard records
//! (`../shared/data/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt`: 322 example sentences of
//! the CAMEO manual, coded in PLOVER 0.5b1, one event each, with actor codes).
//!
//! The records use the older category names; [`CATEGORY_MAP`] maps them to today's 16 types.
//! Measures: the gold type among the types hadath finds in the sentence (recall), the share of
//! the events hadath finds that have the gold type (precision), and when the type is found, the
//! source and target codes of hadath's event of that type against the record's first source and
//! target (country, sector, both).

use hadath_event::Event;
use hadath_text::{Document, Lang};
use serde::Deserialize;

/// PLOVER 0.5b1 category → PLOVER 2021 type. The codebook (PLOVER_MANUAL, 2021) folded DEMAND into
/// REQUEST, DISAPPROVE and INVESTIGATE into ACCUSE, and FIGHT (conventional military force) into
/// ASSAULT; the other names did not change.
pub const CATEGORY_MAP: &[(&str, &str)] = &[
    ("DEMAND", "REQUEST"),
    ("DISAPPROVE", "ACCUSE"),
    ("INVESTIGATE", "ACCUSE"),
    ("FIGHT", "ASSAULT"),
];

/// Today's type for a record's category.
pub fn plover_type(category: &str) -> &str {
    CATEGORY_MAP
        .iter()
        .find(|(old, _)| *old == category)
        .map_or(category, |(_, new)| new)
}

/// One coded actor of a record.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldActor {
    /// The actor as written.
    #[serde(rename = "actorText", default)]
    pub text: String,
    /// Country (ISO alpha-3 or CAMEO pseudo-country such as `IGO`).
    #[serde(default)]
    pub code: Option<String>,
    /// Sector (CAMEO agent; a few carry a suffix, `CVLalb`).
    #[serde(default)]
    pub sector: Option<String>,
}

/// One record.
#[derive(Clone, Debug, Deserialize)]
pub struct Record {
    /// Record id.
    pub id: String,
    /// PLOVER 0.5b1 category.
    pub event: String,
    /// The sentence.
    #[serde(default)]
    pub text: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// Sources (a compound actor has several).
    #[serde(default)]
    pub source: Option<Vec<GoldActor>>,
    /// Targets.
    #[serde(default)]
    pub target: Option<Vec<GoldActor>>,
}

/// Reads the records (a JSON array; the `DOCUMENT` header record is left out).
pub fn read(text: &str) -> Result<Vec<Record>, String> {
    let all: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| e.to_string())?;
    all.into_iter()
        .filter(|v| v["event"] != "DOCUMENT")
        .map(|mut v| {
            // A record without a source or target writes "" for it.
            for role in ["source", "target"] {
                if !v[role].is_array() {
                    v[role] = serde_json::Value::Null;
                }
            }
            let id = v["id"].as_str().unwrap_or("?").to_string();
            serde_json::from_value(v).map_err(|e| format!("{id}: {e}"))
        })
        .collect()
}

/// Counts (right, out of) for country, sector and both.
pub type CodeCounts = [(usize, usize); 3];

/// Scores on the records.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Records.
    pub records: usize,
    /// Records whose (mapped) type hadath found, by type: (found, records).
    pub by_type: Vec<(String, usize, usize)>,
    /// Events hadath produced, and how many had the record's type.
    pub predicted: (usize, usize),
    /// Source codes when the type is found.
    pub source: CodeCounts,
    /// Target codes when the type is found.
    pub target: CodeCounts,
}

impl Scores {
    /// Type recall over all records: (found, records).
    pub fn found(&self) -> (usize, usize) {
        self.by_type
            .iter()
            .fold((0, 0), |(f, n), (_, tf, tn)| (f + tf, n + tn))
    }
}

/// Whether hadath's actor has the gold code: its country, or the pseudo-country `IGO` for an
/// international organisation.
fn country_right(actor: &hadath_event::Actor, gold: &str) -> bool {
    actor.country.as_deref() == Some(gold)
        || (gold == "IGO" && actor.sector.as_deref() == Some("IGO"))
}

fn score_actor(
    actor: Option<&hadath_event::Actor>,
    gold: Option<&Vec<GoldActor>>,
    out: &mut CodeCounts,
) {
    let Some(g) = gold.and_then(|g| g.first()) else {
        return;
    };
    let country = g.code.as_deref().filter(|c| !c.is_empty());
    // CAMEO sectors are three letters; a suffix names an ethnic or religious group.
    let sector = g
        .sector
        .as_deref()
        .and_then(|s| s.get(..3))
        .filter(|s| !s.is_empty());
    let c_ok = |a: &hadath_event::Actor| country.is_some_and(|c| country_right(a, c));
    let s_ok = |a: &hadath_event::Actor| sector.is_some_and(|s| a.sector.as_deref() == Some(s));
    if country.is_some() {
        out[0].1 += 1;
        out[0].0 += usize::from(actor.is_some_and(c_ok));
    }
    if sector.is_some() {
        out[1].1 += 1;
        out[1].0 += usize::from(actor.is_some_and(s_ok));
    }
    if country.is_some() || sector.is_some() {
        out[2].1 += 1;
        out[2].0 += usize::from(
            actor.is_some_and(|a| (country.is_none() || c_ok(a)) && (sector.is_none() || s_ok(a))),
        );
    }
}

/// Extracts every record's sentence (English) and scores it.
pub fn score(records: &[Record], options: &hadath_event::Options) -> Scores {
    let mut s = Scores {
        records: records.len(),
        ..Scores::default()
    };
    for r in records {
        let want = plover_type(&r.event);
        let doc = Document {
            id: r.id.clone(),
            text: r.text.clone(),
            lang: Lang::En,
            published: r.date.parse().ok(),
            url: None,
        };
        let (events, _) = hadath_event::extract_with(&doc, options);
        s.predicted.0 += events.len();
        s.predicted.1 += events
            .iter()
            .filter(|e| e.event_type.as_str() == want)
            .count();
        let hit: Option<&Event> = events.iter().find(|e| e.event_type.as_str() == want);
        match s.by_type.iter_mut().find(|(t, _, _)| t == want) {
            Some(entry) => {
                entry.1 += usize::from(hit.is_some());
                entry.2 += 1;
            }
            None => s
                .by_type
                .push((want.to_string(), usize::from(hit.is_some()), 1)),
        }
        if let Some(e) = hit {
            score_actor(e.source.as_ref(), r.source.as_ref(), &mut s.source);
            score_actor(e.target.as_ref(), r.target.as_ref(), &mut s.target);
        }
    }
    s.by_type.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_categories_map_to_todays_types() {
        assert_eq!(plover_type("DEMAND"), "REQUEST");
        assert_eq!(plover_type("INVESTIGATE"), "ACCUSE");
        assert_eq!(plover_type("FIGHT"), "ASSAULT");
        assert_eq!(plover_type("PROTEST"), "PROTEST");
    }

    #[test]
    fn a_record_is_scored_for_type_and_codes() {
        let records = read(
            r#"[{"id":"D","event":"DOCUMENT"},
               {"id":"R1","event":"FIGHT","date":"2000-01-01",
                "text":"Israeli troops killed three Palestinian gunmen in Gaza on Tuesday.",
                "source":[{"actorText":"Israeli troops","code":"ISR","sector":"MIL"}],
                "target":[{"actorText":"Palestinian gunmen","code":"PSE","sector":"UAF"}]}]"#,
        )
        .unwrap();
        assert_eq!(records.len(), 1);
        let s = score(&records, &hadath_event::Options::default());
        assert_eq!(s.found(), (1, 1), "{s:?}");
        // Israeli troops: country and sector both right.
        assert_eq!(s.source, [(1, 1), (1, 1), (1, 1)], "{s:?}");
        assert_eq!(s.target[0].1, 1);
    }
}
