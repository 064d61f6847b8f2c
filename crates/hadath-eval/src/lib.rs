//! Scores extracted events against gold files (`NAME.txt`, `NAME.meta.json`, `NAME.gold.jsonl`).
//!
//! A prediction matches a gold event when its type is one of the gold `types`, its `[start, end]`
//! dates overlap the gold range widened by one day on each side, and its place is within 50 km of
//! the gold coordinates (gold level `town`; 150 km for `region`) or in the same country (gold level
//! `country`), for the gold place or any of its `alt_places`. Gold events are matched one to one by
//! a maximum matching (augmenting paths), required ones first, each trying first the predictions
//! with its fatality figure, then the nearest place. Predictions marked negated or
//! hypothetical are not scored: gold lists what happened.
#![deny(missing_docs)]

pub mod gsr;
pub mod plover;

use std::path::{Path, PathBuf};

use hadath_event::{Event, Factuality};
use hadath_geo::distance_km;
use hadath_text::{Document, Lang};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

/// A place in a gold record.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldPlace {
    /// Name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// town, region or country.
    pub level: String,
}

/// One gold event.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEvent {
    /// Identifier within the file.
    pub id: String,
    /// Must be found.
    pub required: bool,
    /// Acceptable PLOVER types.
    pub types: Vec<String>,
    /// `[start, end]`.
    pub date: [String; 2],
    /// Where.
    pub place: GoldPlace,
    /// Other acceptable places.
    #[serde(default)]
    pub alt_places: Vec<GoldPlace>,
    /// Number killed, a vague word, or null.
    pub fatalities: serde_json::Value,
    /// The text behind the event.
    pub evidence: String,
}

/// One gold document.
#[derive(Debug)]
pub struct GoldDoc {
    /// The article.
    pub document: Document,
    /// Its gold events.
    pub events: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct Meta {
    id: Option<String>,
    published: String,
    #[serde(alias = "language")]
    lang: Option<String>,
    url: Option<String>,
}

/// A gold set that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file is missing or unreadable.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

fn file_error(path: &Path, message: impl ToString) -> EvalError {
    EvalError::File {
        path: path.display().to_string(),
        message: message.to_string(),
    }
}

/// Loads the gold documents under `paths`: a directory (every `*.gold.jsonl` in it) or any of
/// `NAME.txt` / `NAME.gold.jsonl` / `NAME.meta.json`.
pub fn load(paths: &[PathBuf]) -> Result<Vec<GoldDoc>, EvalError> {
    let mut stems: Vec<PathBuf> = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| file_error(path, e))?;
            for entry in entries.filter_map(Result::ok) {
                let p = entry.path();
                if let Some(name) = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(".gold.jsonl"))
                {
                    stems.push(p.with_file_name(name));
                }
            }
        } else {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = [".gold.jsonl", ".meta.json", ".txt"]
                .iter()
                .find_map(|s| name.strip_suffix(s))
                .unwrap_or(name);
            stems.push(path.with_file_name(stem));
        }
    }
    stems.sort();
    stems.dedup();
    stems.iter().map(|stem| load_one(stem)).collect()
}

fn with_suffix(stem: &Path, suffix: &str) -> PathBuf {
    let mut s = stem.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn load_one(stem: &Path) -> Result<GoldDoc, EvalError> {
    let txt = with_suffix(stem, ".txt");
    let meta_path = with_suffix(stem, ".meta.json");
    let gold_path = with_suffix(stem, ".gold.jsonl");
    let text = std::fs::read_to_string(&txt).map_err(|e| file_error(&txt, e))?;
    let meta: Meta = serde_json::from_str(
        &std::fs::read_to_string(&meta_path).map_err(|e| file_error(&meta_path, e))?,
    )
    .map_err(|e| file_error(&meta_path, e))?;
    let published: Date = meta
        .published
        .get(..10)
        .unwrap_or("")
        .parse()
        .map_err(|_| file_error(&meta_path, "published is not YYYY-MM-DD"))?;
    let gold_text = std::fs::read_to_string(&gold_path).map_err(|e| file_error(&gold_path, e))?;
    let mut events = Vec::new();
    for (i, line) in gold_text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        events.push(
            serde_json::from_str(line)
                .map_err(|e| file_error(&gold_path, format!("line {}: {e}", i + 1)))?,
        );
    }
    let id = meta.id.unwrap_or_else(|| {
        stem.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("doc")
            .to_string()
    });
    let lang = meta
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_else(|| Lang::detect(&text));
    Ok(GoldDoc {
        document: Document {
            id,
            text,
            lang,
            published: Some(published),
            url: meta.url,
        },
        events,
    })
}

/// The scores of one document (or a sum of documents).
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Scored predictions.
    pub predicted: usize,
    /// Predictions that matched a gold event.
    pub matched_predictions: usize,
    /// Gold events.
    pub gold: usize,
    /// Required gold events.
    pub required: usize,
    /// Required gold events matched.
    pub matched_required: usize,
    /// Matched pairs whose gold gives a fatality figure.
    pub fatalities_gold: usize,
    /// … of which the prediction has it right.
    pub fatalities_correct: usize,
    /// (gold id, prediction id) pairs, for reports.
    pub pairs: Vec<(String, String)>,
}

impl Score {
    /// Matched predictions / predictions.
    pub fn precision(&self) -> f64 {
        ratio(self.matched_predictions, self.predicted)
    }
    /// Required gold matched / required gold.
    pub fn required_recall(&self) -> f64 {
        ratio(self.matched_required, self.required)
    }
    /// Gold matched / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.matched_predictions, self.gold)
    }
    /// Harmonic mean of precision and required recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.required_recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another document's counts.
    pub fn add(&mut self, other: &Score) {
        self.predicted += other.predicted;
        self.matched_predictions += other.matched_predictions;
        self.gold += other.gold;
        self.required += other.required;
        self.matched_required += other.matched_required;
        self.fatalities_gold += other.fatalities_gold;
        self.fatalities_correct += other.fatalities_correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn place_distance(event: &Event, place: &GoldPlace) -> Option<f64> {
    let loc = event.location.as_ref()?;
    match place.level.as_str() {
        "country" => loc
            .country
            .eq_ignore_ascii_case(&place.country)
            .then_some(0.0),
        level => {
            let limit = if level == "region" { 150.0 } else { 50.0 };
            let km = distance_km(loc.lat, loc.lon, place.lat, place.lon);
            (km <= limit).then_some(km)
        }
    }
}

fn dates_meet(event: &Event, gold: &GoldEvent) -> bool {
    let (Ok(start), Ok(end)) = (gold.date[0].parse::<Date>(), gold.date[1].parse::<Date>()) else {
        return false;
    };
    let start = start.checked_sub(1.day()).unwrap_or(start);
    let end = end.checked_add(1.day()).unwrap_or(end);
    event.date.start <= end && start <= event.date.end
}

fn fatalities_right(event: &Event, gold: &GoldEvent) -> bool {
    match (&gold.fatalities, &event.fatalities) {
        (serde_json::Value::Number(n), Some(f)) => n.as_u64() == f.count,
        (serde_json::Value::String(_), Some(f)) => f.vague,
        _ => false,
    }
}

/// Kuhn's augmenting path from gold event `gi`.
fn augment(
    gi: usize,
    by_gold: &[Vec<(f64, usize)>],
    owner: &mut [Option<usize>],
    visited: &mut [bool],
) -> bool {
    // A free prediction first; only then take one from another gold event that can move.
    if let Some(&(_, pi)) = by_gold[gi]
        .iter()
        .find(|(_, pi)| owner[*pi].is_none() && !visited[*pi])
    {
        visited[pi] = true;
        owner[pi] = Some(gi);
        return true;
    }
    for &(_, pi) in &by_gold[gi] {
        if visited[pi] {
            continue;
        }
        visited[pi] = true;
        if owner[pi].is_none_or(|other| augment(other, by_gold, owner, visited)) {
            owner[pi] = Some(gi);
            return true;
        }
    }
    false
}

/// Scores the events of one document against its gold events.
pub fn score(events: &[Event], gold: &[GoldEvent]) -> Score {
    let scored: Vec<&Event> = events
        .iter()
        .filter(|e| !matches!(e.factuality, Factuality::Negated | Factuality::Hypothetical))
        .collect();
    let mut candidates: Vec<(bool, f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, e) in scored.iter().enumerate() {
            if !g
                .types
                .iter()
                .any(|t| t.eq_ignore_ascii_case(e.event_type.as_str()))
                || !dates_meet(e, g)
            {
                continue;
            }
            let distance = std::iter::once(&g.place)
                .chain(&g.alt_places)
                .filter_map(|p| place_distance(e, p))
                .fold(None, |best: Option<f64>, d| {
                    Some(best.map_or(d, |b| b.min(d)))
                });
            if let Some(d) = distance {
                candidates.push((g.required, d, gi, pi));
            }
        }
    }
    // One-to-one maximum matching by augmenting paths: required gold events first, then the
    // others; each gold event tries first the predictions with its fatality figure, then the nearest.
    let mut by_gold: Vec<Vec<(f64, usize)>> = vec![Vec::new(); gold.len()];
    for (_, d, gi, pi) in &candidates {
        by_gold[*gi].push((*d, *pi));
    }
    for (gi, list) in by_gold.iter_mut().enumerate() {
        // The right fatality figure first, then the nearest place.
        list.sort_by(|a, b| {
            let right = |pi: usize| !fatalities_right(scored[pi], &gold[gi]);
            right(a.1)
                .cmp(&right(b.1))
                .then(a.0.total_cmp(&b.0))
                .then(a.1.cmp(&b.1))
        });
    }
    let mut owner: Vec<Option<usize>> = vec![None; scored.len()];
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&gi| (!gold[gi].required, gi));
    for &gi in &order {
        let mut visited = vec![false; scored.len()];
        augment(gi, &by_gold, &mut owner, &mut visited);
    }
    let mut s = Score {
        predicted: scored.len(),
        gold: gold.len(),
        required: gold.iter().filter(|g| g.required).count(),
        ..Score::default()
    };
    let mut pairs: Vec<(usize, usize)> = owner
        .iter()
        .enumerate()
        .filter_map(|(pi, g)| g.map(|gi| (gi, pi)))
        .collect();
    pairs.sort();
    for (gi, pi) in pairs {
        s.matched_predictions += 1;
        if gold[gi].required {
            s.matched_required += 1;
        }
        if !gold[gi].fatalities.is_null() {
            s.fatalities_gold += 1;
            if fatalities_right(scored[pi], &gold[gi]) {
                s.fatalities_correct += 1;
            }
        }
        s.pairs.push((gold[gi].id.clone(), scored[pi].id.clone()));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(line: &str) -> GoldEvent {
        serde_json::from_str(line).unwrap()
    }

    fn event(types: &str, start: &str, end: &str, lat: f64, lon: f64, country: &str) -> Event {
        let doc = Document {
            id: "t".into(),
            text: format!("{types} x"),
            lang: Lang::En,
            published: start.parse().ok(),
            url: None,
        };
        let _ = doc;
        Event {
            id: format!("t#{types}{start}"),
            doc_id: "t".into(),
            event_type: hadath_event::PloverType::parse(types).unwrap(),
            mode: None,
            cameo_root: "14".into(),
            acled: None,
            source: None,
            target: None,
            date: hadath_event::EventDate {
                start: start.parse().unwrap(),
                end: end.parse().unwrap(),
                precision: "day".into(),
                text: None,
                span: None,
            },
            location: Some(hadath_event::Location {
                text: None,
                span: None,
                name: "x".into(),
                country: country.into(),
                lat,
                lon,
                geonames_id: 1,
                precision: "town".into(),
                admin1: None,
                method: "name".into(),
                confidence: None,
                runner_up: None,
            }),
            fatalities: None,
            injured: None,
            arrested: None,
            factuality: Factuality::Asserted,
            confidence: 0.5,
            trigger: hadath_event::TextSpan {
                text: String::new(),
                span: Default::default(),
            },
            evidence: hadath_event::TextSpan {
                text: String::new(),
                span: Default::default(),
            },
            mentions: Vec::new(),
            explain: None,
        }
    }

    const G: &str = r#"{"id":"G1","required":true,"types":["PROTEST"],"date":["2022-01-02","2022-01-03"],"place":{"name":"Almaty","country":"KZ","lat":43.25,"lon":76.92,"level":"town"},"fatalities":null,"evidence":"x"}"#;

    #[test]
    fn type_date_slack_and_distance_decide() {
        let g = vec![gold(G)];
        // One day of slack before the range; 30 km away.
        assert_eq!(
            score(
                &[event(
                    "PROTEST",
                    "2022-01-01",
                    "2022-01-01",
                    43.5,
                    76.9,
                    "KZ"
                )],
                &g
            )
            .matched_required,
            1
        );
        // Two days before: no.
        assert_eq!(
            score(
                &[event(
                    "PROTEST",
                    "2021-12-31",
                    "2021-12-31",
                    43.25,
                    76.92,
                    "KZ"
                )],
                &g
            )
            .matched_required,
            0
        );
        // Wrong type, or 200 km away: no.
        assert_eq!(
            score(
                &[event(
                    "ASSAULT",
                    "2022-01-02",
                    "2022-01-02",
                    43.25,
                    76.92,
                    "KZ"
                )],
                &g
            )
            .matched_required,
            0
        );
        assert_eq!(
            score(
                &[event(
                    "PROTEST",
                    "2022-01-02",
                    "2022-01-02",
                    45.0,
                    76.92,
                    "KZ"
                )],
                &g
            )
            .matched_required,
            0
        );
    }

    #[test]
    fn one_to_one() {
        let g = vec![gold(G)];
        let e = event("PROTEST", "2022-01-02", "2022-01-02", 43.25, 76.92, "KZ");
        let s = score(&[e.clone(), e], &g);
        assert_eq!((s.matched_predictions, s.predicted), (1, 2));
        assert_eq!(s.precision(), 0.5);
    }
}
