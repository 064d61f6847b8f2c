//! Scoring against the UniversalPetrarch Arabic gold standard (`../shared/data/gsr-ar`): the
//! coded sentences of `dev.jsonl` (one gold PROTEST or ASSAULT event each, with actor codes) and
//! the sentence-level detection questions of `detect-dev.csv`.
//!
//! The measures follow the dataset's SOURCE.md, so that they sit next to UniversalPetrarch's:
//! category recall (the gold event's category among the events hadath finds in the sentence),
//! precision of the PROTEST and ASSAULT events it finds (of the same category as the sentence's
//! gold event), actor codes when the category is found, and for detection, precision, recall and
//! F1 of "the sentence reports one" against unanimous yes/no labels, ambiguous ones left out.

use hadath_event::{Event, Factuality};
use hadath_text::{Document, Lang};
use serde::Deserialize;

/// A coded sentence of `dev.jsonl`.
#[derive(Clone, Debug, Deserialize)]
pub struct CodedSentence {
    /// Sentence id.
    pub id: String,
    /// `PROTEST` or `ASSAULT`.
    pub category: String,
    /// Story date, `YYYYMMDD`.
    pub date: String,
    /// The sentence.
    pub text: String,
    /// The gold event (exactly one).
    pub events: Vec<CodedEvent>,
}

/// The gold event of a coded sentence.
#[derive(Clone, Debug, Deserialize)]
pub struct CodedEvent {
    /// Source country (ISO alpha-3 or CAMEO pseudo-country), if coded.
    pub source_country: Option<String>,
    /// Source agent (CAMEO sector), if coded.
    pub source_agent: Option<String>,
    /// Target country, if coded.
    pub target_country: Option<String>,
    /// Target agent, if coded.
    pub target_agent: Option<String>,
    /// The source as the coder marked it in the sentence, if any.
    #[serde(default)]
    pub source_text: Option<String>,
    /// The target as marked, if any.
    #[serde(default)]
    pub target_text: Option<String>,
}

/// A sentence of `detect-dev.csv`.
#[derive(Clone, Debug)]
pub struct DetectSentence {
    /// The question asked: `ASSAULT` or `PROTEST`.
    pub event_type: String,
    /// `yes`, `easy no`, `difficult no` or `ambiguous`.
    pub label: String,
    /// The sentence.
    pub text: String,
}

/// Reads `dev.jsonl`.
pub fn read_coded(text: &str) -> Result<Vec<CodedSentence>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", n + 1)))
        .collect()
}

/// Reads `detect-dev.csv` (columns id, event_type, label, accept, reject, total, text).
pub fn read_detect(text: &str) -> Result<Vec<DetectSentence>, String> {
    #[derive(Deserialize)]
    struct Row {
        event_type: String,
        label: String,
        text: String,
    }
    csv::Reader::from_reader(text.as_bytes())
        .deserialize::<Row>()
        .enumerate()
        .map(|(n, row)| {
            let row = row.map_err(|e| format!("row {}: {e}", n + 2))?;
            Ok(DetectSentence {
                event_type: row.event_type,
                label: row.label,
                text: row.text,
            })
        })
        .collect()
}

/// Whether an event counts as reported: asserted or claimed, not negated, planned or hypothetical.
fn reported(e: &Event) -> bool {
    matches!(e.factuality, Factuality::Asserted | Factuality::Claimed)
}

fn document(id: &str, text: &str, date: Option<&str>) -> Document {
    let published = date.and_then(|d| {
        (d.len() == 8)
            .then(|| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]))
            .and_then(|d| d.parse().ok())
    });
    Document {
        id: id.to_string(),
        text: text.to_string(),
        lang: Lang::Ar,
        published,
        url: None,
    }
}

/// Scores on the coded sentences.
#[derive(Clone, Debug, Default)]
pub struct CodedScores {
    /// Sentences, and by category (PROTEST, ASSAULT).
    pub sentences: [usize; 2],
    /// Sentences whose gold category hadath found, by category.
    pub found: [usize; 2],
    /// PROTEST and ASSAULT events hadath produced (reported ones).
    pub predicted: usize,
    /// …of the sentence's gold category.
    pub predicted_right: usize,
    /// When the category is found and the gold codes a source country / agent / both: how many
    /// times hadath's source has it right (country, agent, both) and how many were coded.
    pub source: [(usize, usize); 3],
    /// The same for the target.
    pub target: [(usize, usize); 3],
    /// Source and target codes exactly right when hadath's countries count only where the text
    /// writes them (`country_source` text), the gold standard's own convention.
    pub written: [(usize, usize); 2],
    /// When the category is found and the gold marks a source text: how many times hadath's
    /// source has the same words, how many times it shares one, and how many were marked.
    pub source_text: (usize, usize, usize),
    /// The same for the target.
    pub target_text: (usize, usize, usize),
    /// Seconds spent extracting.
    pub secs: f64,
}

fn category_index(c: &str) -> Option<usize> {
    match c {
        "PROTEST" => Some(0),
        "ASSAULT" => Some(1),
        _ => None,
    }
}

/// Extracts every coded sentence and scores it.
pub fn score_coded(sentences: &[CodedSentence], options: &hadath_event::Options) -> CodedScores {
    let mut s = CodedScores::default();
    for sentence in sentences {
        let Some(k) = category_index(&sentence.category) else {
            continue;
        };
        let doc = document(&sentence.id, &sentence.text, Some(&sentence.date));
        let started = std::time::Instant::now();
        let (events, _) = hadath_event::extract_with(&doc, options);
        s.secs += started.elapsed().as_secs_f64();
        s.sentences[k] += 1;
        let relevant: Vec<&Event> = events
            .iter()
            .filter(|e| reported(e) && category_index(e.event_type.as_str()).is_some())
            .collect();
        s.predicted += relevant.len();
        s.predicted_right += relevant
            .iter()
            .filter(|e| e.event_type.as_str() == sentence.category)
            .count();
        let Some(hit) = relevant
            .iter()
            .find(|e| e.event_type.as_str() == sentence.category)
        else {
            continue;
        };
        s.found[k] += 1;
        let Some(gold) = sentence.events.first() else {
            continue;
        };
        let score_actor = |actor: Option<&hadath_event::Actor>,
                           country: &Option<String>,
                           agent: &Option<String>,
                           out: &mut [(usize, usize); 3]| {
            let (c, a) = (
                actor.and_then(|a| a.country.as_deref()),
                actor.and_then(|a| a.sector.as_deref()),
            );
            if let Some(g) = country {
                out[0].1 += 1;
                out[0].0 += usize::from(c == Some(g.as_str()));
            }
            if let Some(g) = agent {
                out[1].1 += 1;
                out[1].0 += usize::from(a == Some(g.as_str()));
            }
            if country.is_some() || agent.is_some() {
                out[2].1 += 1;
                out[2].0 += usize::from(c == country.as_deref() && a == agent.as_deref());
            }
        };
        score_text(
            hit.source.as_ref(),
            gold.source_text.as_deref(),
            &mut s.source_text,
        );
        score_text(
            hit.target.as_ref(),
            gold.target_text.as_deref(),
            &mut s.target_text,
        );
        score_actor(
            hit.source.as_ref(),
            &gold.source_country,
            &gold.source_agent,
            &mut s.source,
        );
        // The same, with countries taken from the event's place left out.
        let written = |a: Option<&hadath_event::Actor>| {
            a.map(|a| hadath_event::Actor {
                country: a
                    .country
                    .clone()
                    .filter(|_| a.country_source != Some(hadath_event::CountrySource::Context)),
                ..a.clone()
            })
        };
        for (k, (actor, country, agent)) in [
            (
                hit.source.as_ref(),
                &gold.source_country,
                &gold.source_agent,
            ),
            (
                hit.target.as_ref(),
                &gold.target_country,
                &gold.target_agent,
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let mut counts = [(0, 0); 3];
            score_actor(written(actor).as_ref(), country, agent, &mut counts);
            s.written[k].0 += counts[2].0;
            s.written[k].1 += counts[2].1;
        }
        score_actor(
            hit.target.as_ref(),
            &gold.target_country,
            &gold.target_agent,
            &mut s.target,
        );
    }
    s
}

/// The words of an actor's text, quotes and punctuation trimmed.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Counts an actor's text against the coder's: (same words, a word shared, marked).
fn score_text(
    actor: Option<&hadath_event::Actor>,
    gold: Option<&str>,
    out: &mut (usize, usize, usize),
) {
    let Some(gold) = gold.map(words).filter(|g| !g.is_empty()) else {
        return;
    };
    out.2 += 1;
    let Some(predicted) = actor.map(|a| words(&a.text)) else {
        return;
    };
    out.0 += usize::from(predicted == gold);
    out.1 += usize::from(predicted.iter().any(|w| gold.contains(w)));
}

/// Detection counts for one question type.
#[derive(Clone, Copy, Debug, Default)]
pub struct DetectScores {
    /// Yes sentences detected.
    pub tp: usize,
    /// No sentences (easy or difficult) detected.
    pub fp: usize,
    /// Yes sentences missed.
    pub fn_: usize,
    /// Difficult-no sentences, and how many of them were detected.
    pub difficult: (usize, usize),
    /// Ambiguous sentences left out.
    pub ambiguous: usize,
}

impl DetectScores {
    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    }
}

/// Detection scores for ASSAULT and PROTEST (in that order): a sentence is detected when
/// hadath reports an event of the type asked about.
pub fn score_detect(
    sentences: &[DetectSentence],
    options: &hadath_event::Options,
) -> [DetectScores; 2] {
    let mut out = [DetectScores::default(); 2];
    for (n, s) in sentences.iter().enumerate() {
        let k = match s.event_type.as_str() {
            "ASSAULT" => 0,
            "PROTEST" => 1,
            _ => continue,
        };
        if s.label == "ambiguous" {
            out[k].ambiguous += 1;
            continue;
        }
        let doc = document(&format!("detect-{n}"), &s.text, None);
        let (events, _) = hadath_event::extract_with(&doc, options);
        let detected = events
            .iter()
            .any(|e| reported(e) && e.event_type.as_str() == s.event_type);
        match (s.label.as_str(), detected) {
            ("yes", true) => out[k].tp += 1,
            ("yes", false) => out[k].fn_ += 1,
            (_, true) => out[k].fp += 1,
            _ => {}
        }
        if s.label == "difficult no" {
            out[k].difficult.0 += 1;
            out[k].difficult.1 += usize::from(detected);
        }
    }
    out
}

/// The detector's training examples: detect-dev.csv's unanimous and mostly-no sentences, and the
/// coded sentences as yes for their category; each with its label (`yes`, `easy no`,
/// `difficult no`, or `coded`).
pub fn examples(
    detect: &[DetectSentence],
    coded: &[CodedSentence],
) -> Vec<(hadath_event::detect::Example, String)> {
    use hadath_event::PloverType;
    let asked = |t: &str| match t {
        "ASSAULT" => Some(PloverType::Assault),
        "PROTEST" => Some(PloverType::Protest),
        _ => None,
    };
    let mut out = Vec::new();
    for s in detect {
        let Some(t) = asked(&s.event_type) else {
            continue;
        };
        if s.label == "ambiguous" {
            continue;
        }
        out.push((
            hadath_event::detect::Example {
                text: s.text.clone(),
                asked: t,
                yes: s.label == "yes",
            },
            s.label.clone(),
        ));
    }
    let in_detect: std::collections::HashSet<&str> = detect.iter().map(|d| d.text.trim()).collect();
    for s in coded {
        // Most coded sentences are also detect-dev sentences, labelled there: not twice.
        if in_detect.contains(s.text.trim()) {
            continue;
        }
        if let Some(t) = asked(&s.category) {
            out.push((
                hadath_event::detect::Example {
                    text: s.text.clone(),
                    asked: t,
                    yes: true,
                },
                "coded".into(),
            ));
        }
    }
    out
}

/// The fold of a sentence: by a hash of its text, so that the same sentence (in detect-dev.csv
/// and among the coded ones) is always in the same fold.
fn fold_of(text: &str, k: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.trim().bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h % k as u64) as usize
}

/// Cross-validated detection: for each of `k` folds (by sentence text), a detector trained on
/// the other folds decides the fold's sentences. Returns, for ASSAULT and PROTEST, the
/// detect-dev scores of the rules alone, of the rules with the detector (an event kept only when
/// the detector agrees) and of the detector alone; and the category recall (found, of) over all
/// coded sentences, with the rules alone and with the detector. The detector says no when its
/// margin is below `-threshold`.
pub fn cross_validate(
    examples: &[(hadath_event::detect::Example, String)],
    coded_sentences: &[CodedSentence],
    k: usize,
    epochs: usize,
    threshold: f32,
) -> ([[DetectScores; 2]; 3], [(usize, usize); 2]) {
    use hadath_event::{PloverType, detect};
    let events: Vec<Vec<Event>> = examples
        .iter()
        .map(|(e, _)| detect::rule_events(&e.text))
        .collect();
    let mut scores = [[DetectScores::default(); 2]; 3];
    let mut coded = [(0, 0); 2];
    for fold in 0..k {
        let (train_ex, train_ev): (Vec<detect::Example>, Vec<Vec<Event>>) = examples
            .iter()
            .zip(&events)
            .filter(|((e, _), _)| fold_of(&e.text, k) != fold)
            .map(|((e, _), ev)| (e.clone(), ev.clone()))
            .unzip();
        let detector = detect::train(&train_ex, &train_ev, epochs, 2026);
        let says_yes = |text: &str, ev: &[Event], asked: PloverType| {
            detector
                .decide(text, ev, asked)
                .is_some_and(|(_, margin)| margin > -threshold)
        };
        for ((e, label), ev) in examples.iter().zip(&events) {
            if fold_of(&e.text, k) != fold || label == "coded" {
                continue;
            }
            let t = if e.asked == PloverType::Assault { 0 } else { 1 };
            let rules = ev.iter().any(|x| reported(x) && x.event_type == e.asked);
            let model = says_yes(&e.text, ev, e.asked);
            for (m, detected) in [rules, rules && model, model].into_iter().enumerate() {
                let s = &mut scores[m][t];
                match (e.yes, detected) {
                    (true, true) => s.tp += 1,
                    (true, false) => s.fn_ += 1,
                    (false, true) => s.fp += 1,
                    _ => {}
                }
                if label == "difficult no" {
                    s.difficult.0 += 1;
                    s.difficult.1 += usize::from(detected);
                }
            }
        }
        for c in coded_sentences {
            if fold_of(&c.text, k) != fold {
                continue;
            }
            let asked = match c.category.as_str() {
                "ASSAULT" => PloverType::Assault,
                "PROTEST" => PloverType::Protest,
                _ => continue,
            };
            let ev = detect::rule_events(&c.text);
            let rules = ev.iter().any(|x| reported(x) && x.event_type == asked);
            coded[0].1 += 1;
            coded[1].1 += 1;
            coded[0].0 += usize::from(rules);
            coded[1].0 += usize::from(rules && says_yes(&c.text, &ev, asked));
        }
    }
    (scores, coded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_detection_csv_by_column_name() {
        let rows = read_detect(
            "id,event_type,label,accept,reject,total,text\nx1,ASSAULT,easy no,0,3,3,\"a, b\"\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].label, "easy no");
        assert_eq!(rows[0].text, "a, b");
        assert!(read_detect("id,label\nx,yes\n").is_err());
    }

    #[test]
    fn detection_counts_yes_no_and_leaves_ambiguous_out() {
        let s = |t: &str, label: &str, text: &str| DetectSentence {
            event_type: t.into(),
            label: label.into(),
            text: text.into(),
        };
        let scores = score_detect(
            &[
                s(
                    "ASSAULT",
                    "yes",
                    "قتل خمسة عشر شخصا في هجوم على سوق في بغداد أمس.",
                ),
                s(
                    "ASSAULT",
                    "easy no",
                    "افتتح الوزير معرضا للكتاب في القاهرة.",
                ),
                s("ASSAULT", "ambiguous", "قتل خمسة أشخاص."),
                s(
                    "PROTEST",
                    "yes",
                    "تظاهر آلاف الطلاب في عمان احتجاجا على رفع الأسعار.",
                ),
            ],
            &hadath_event::Options::default(),
        );
        assert_eq!((scores[0].tp, scores[0].fp, scores[0].fn_), (1, 0, 0));
        assert_eq!(scores[0].ambiguous, 1);
        assert_eq!((scores[1].tp, scores[1].fn_), (1, 0));
    }
}
