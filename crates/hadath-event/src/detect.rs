//! Does a sentence report an ASSAULT or a PROTEST? A linear classifier over the sentence's words
//! and what the lexicon rules found in it, trained on the UniversalPetrarch Arabic gold standard
//! : crowd-labelled sentences (detect-dev.csv) and coded sentences
//! (gsr-ar dev.jsonl). The rules find event words; the classifier is to tell the sentences that
//! report an event from those that only mention one (a weapon, a charge, a film title, a
//! question). Measured by cross-validation (`hadath eval gsr --cv 5`); not applied in extraction
//! yet: on sentences it has not seen it is not good enough (docs/EVALUATION.md).
//!
//! Features: folded words and their stems (proclitics off), word pairs, the trigger words the
//! rules matched with their types and factuality, and cues (a question mark, a number near a
//! casualty word).

use hadath_ar::strip_proclitics as stem;
use hadath_learn::{Features, Model, ModelError, Trainer, shuffled};
use hadath_text::{Lang, LanguagePack};

use crate::{Event, PloverType};

/// The types the classifier decides.
pub const DETECTED: [PloverType; 2] = [PloverType::Assault, PloverType::Protest];

/// How many times a positive example counts in training.
const POSITIVE_WEIGHT: usize = 3;

/// Magic bytes of a detector file.
const MAGIC: &[u8; 8] = b"HDDETEC1";

/// One binary model per detected type.
pub struct Detector {
    models: Vec<Model>,
}

/// The features of a sentence for the question "does it report `asked`?", given the events the
/// rules found in it: its words, the triggers, their factuality and arguments. (Only the words
/// near the triggers was tried: detection F1 fell six points.)
pub fn features(text: &str, events: &[Event], asked: PloverType, f: &mut Features) {
    f.clear();
    f.add(0, "");
    let norm = hadath_ar::ArabicPack.normalize(text);
    let words: Vec<&str> = norm
        .as_str()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (k, w) in words.iter().enumerate() {
        f.add(1, w);
        f.add(2, stem(w));
        if let Some(next) = words.get(k + 1) {
            f.add2(3, stem(w), stem(next));
        }
    }
    if text.contains('?') || text.contains('؟') {
        f.add(4, "question");
    }
    let mut found = false;
    for e in events {
        let same = e.event_type == asked;
        let factuality = format!("{:?}", e.factuality);
        f.add2(10, e.event_type.as_str(), &factuality);
        if same {
            found = true;
            let trigger = hadath_ar::ArabicPack.normalize(&e.trigger.text);
            f.add(11, stem(trigger.as_str()));
            f.add2(12, &factuality, stem(trigger.as_str()));
            f.add(13, e.mode.as_deref().unwrap_or("-"));
            if e.fatalities.is_some() || e.injured.is_some() {
                f.add(14, "casualties");
            }
            if e.source.is_some() {
                f.add(15, "source");
            }
            if e.target.is_some() {
                f.add(16, "target");
            }
            if e.location.is_some() {
                f.add(18, "place");
            }
            f.add(19, &e.date.precision);
        }
    }
    f.add(17, if found { "rules-found" } else { "rules-none" });
}

impl Detector {
    /// Whether the sentence reports an event of `asked` (types it does not decide: `None`), with
    /// the margin of the decision (yes when the score for yes is above the score for no).
    pub fn decide(&self, text: &str, events: &[Event], asked: PloverType) -> Option<(bool, f32)> {
        let k = DETECTED.iter().position(|t| *t == asked)?;
        let model = self.models.get(k)?;
        let mut f = Features::new();
        features(text, events, asked, &mut f);
        let mut scores = vec![0.0; model.classes()];
        model.scores_into(&f, &mut scores);
        let yes = model.class_of("yes")? as usize;
        let no = model.class_of("no")? as usize;
        Some((scores[yes] > scores[no], scores[yes] - scores[no]))
    }

    /// The detector as bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.models.len() as u8);
        for m in &self.models {
            let bytes = m.to_bytes();
            out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            out.extend_from_slice(&bytes);
        }
        out
    }

    /// Reads a detector written by [`to_bytes`](Detector::to_bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Detector, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ModelError::Magic)?;
        let (&n, mut rest) = rest.split_first().ok_or(ModelError::Truncated(8))?;
        let mut models = Vec::new();
        for _ in 0..n {
            if rest.len() < 8 {
                return Err(ModelError::Truncated(bytes.len() - rest.len()));
            }
            let len = u64::from_le_bytes(rest[..8].try_into().expect("8 bytes")) as usize;
            let body = rest.get(8..8 + len).ok_or(ModelError::Truncated(0))?;
            models.push(Model::from_bytes(body)?);
            rest = &rest[8 + len..];
        }
        if !rest.is_empty() {
            return Err(ModelError::Truncated(bytes.len() - rest.len()));
        }
        Ok(Detector { models })
    }
}

/// A training example: a sentence, the type asked about, and whether it reports one.
#[derive(Clone, Debug)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// ASSAULT or PROTEST.
    pub asked: PloverType,
    /// Whether it reports one.
    pub yes: bool,
}

/// The events the rules find in a sentence (a one-sentence Arabic document).
pub fn rule_events(text: &str) -> Vec<Event> {
    let doc = hadath_text::Document {
        id: "s".into(),
        text: text.to_string(),
        lang: Lang::Ar,
        published: "2008-01-01".parse().ok(),
        url: None,
    };
    crate::extract_rules(&doc).0
}

/// Trains a detector: `epochs` passes in an order fixed by `seed`. `events` are the rules' events
/// of each example's sentence (computed once by the caller).
pub fn train(examples: &[Example], events: &[Vec<Event>], epochs: usize, seed: u64) -> Detector {
    let mut models = Vec::new();
    for asked in DETECTED {
        let mut trainer = Trainer::new();
        let (yes, no) = (trainer.class_id("yes"), trainer.class_id("no"));
        let items: Vec<(Features, u16)> = examples
            .iter()
            .zip(events)
            .filter(|(e, _)| e.asked == asked)
            .map(|(e, ev)| {
                let mut f = Features::new();
                features(&e.text, ev, asked, &mut f);
                (f, if e.yes { yes } else { no })
            })
            .collect();
        // Reports are rarer than non-reports (one in four or five): each is seen `POSITIVE_WEIGHT`
        // times an epoch, so that missing one costs as much as several false alarms.
        let order: Vec<usize> = (0..items.len())
            .flat_map(|i| {
                let n = if items[i].1 == yes {
                    POSITIVE_WEIGHT
                } else {
                    1
                };
                std::iter::repeat_n(i, n)
            })
            .collect();
        for epoch in 0..epochs {
            for j in shuffled(order.len(), seed + epoch as u64) {
                let i = order[j];
                trainer.learn(&items[i].0, items[i].1, None);
            }
        }
        models.push(trainer.finish());
    }
    Detector { models }
}
