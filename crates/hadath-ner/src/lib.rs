//! Arabic named entities: persons, places, organisations and other names (BIO tags over tokens),
//! trained on ANERcorp (`hadath train ner`; model card in `models/README.md`),
//! from an averaged perceptron (`hadath-learn`) decoded left to right, each tag allowed only
//! where BIO allows it (I-X after B-X or I-X). The extraction pipeline runs it around Arabic trigger candidates.
//!
//! Features, in groups that can be turned off to measure what each adds:
//! - **word**: the folded word, its first 1–3 and last 1–4 letters, its shape and length;
//! - **stem**: the word without proclitics (و ف ب ل ك and the article), and its ends;
//! - **context**: the words (and stems) two either side, the two tags before;
//! - **gazetteer**: whether the word, its stem, or a two-word name it starts or ends is a place
//!   of the GeoNames index (country, large city, city);
//! - **clusters**: the word's classes (and its neighbours') from the exchange algorithm run on
//!   unlabelled Arabic text ([`Clusters`]);
//! - **history**: what the recogniser said of the same word (and stem) earlier in the document
//!   ([`History`]; training sentences get theirs from models that never saw their document).

use std::borrow::Cow;
use std::sync::LazyLock;

use hadath_ar::strip_proclitics as stem;
use hadath_geo::{Gazetteer, PlaceKind, name_key};
use hadath_learn::{Features, Model, ModelError, Trainer, shuffled};
use hadath_text::{head_chars as head, tail_chars as tail, word_shape as shape};

/// The committed Arabic model (ANERcorp, CC BY-SA 4.0: see `models/README.md`).
static ARABIC_MODEL: &[u8] = include_bytes!("../models/ar-anercorp.ner");

static ARABIC: LazyLock<Recognizer> = LazyLock::new(|| {
    Recognizer::from_bytes(ARABIC_MODEL).expect("the committed Arabic NER model reads")
});

/// The Arabic recogniser built into hadath (read on first use).
pub fn arabic() -> &'static Recognizer {
    &ARABIC
}

/// Magic bytes of a recogniser file.
const MAGIC: &[u8; 8] = b"HDNER002";

/// Entity types, as the corpus names them.
pub const TYPES: &[&str] = &["PERS", "LOC", "ORG", "MISC"];

/// A sentence of a CoNLL-style corpus: tokens and their BIO tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens as written.
    pub tokens: Vec<String>,
    /// BIO tags (`O`, `B-PERS`, `I-LOC`…).
    pub tags: Vec<String>,
}

/// Reads `token TAG` lines, a blank line between sentences.
pub fn read_conll(text: &str) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let Some((token, tag)) = line.rsplit_once(' ') else {
            return Err(format!("line {}: no tag", n + 1));
        };
        if tag != "O" && !(tag.starts_with("B-") || tag.starts_with("I-")) {
            return Err(format!("line {}: tag {tag:?} is not BIO", n + 1));
        }
        current.tokens.push(token.to_string());
        current.tags.push(tag.to_string());
    }
    if !current.tokens.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// An entity: tokens `start..end` and its type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entity {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// `PERS`, `LOC`, `ORG` or `MISC`.
    pub kind: String,
}

/// The entities of a BIO tag sequence (an I-X that does not continue an X starts one).
pub fn entities(tags: &[impl AsRef<str>]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut open: Option<Entity> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (bio, kind) = tag.split_once('-').unwrap_or((tag, ""));
        let continues = bio == "I" && open.as_ref().is_some_and(|e| e.kind == kind);
        if continues {
            if let Some(e) = open.as_mut() {
                e.end = i + 1;
            }
            continue;
        }
        out.extend(open.take());
        if bio == "B" || bio == "I" {
            open = Some(Entity {
                start: i,
                end: i + 1,
                kind: kind.to_string(),
            });
        }
    }
    out.extend(open);
    out
}

/// Which feature groups a model uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Groups {
    /// The word's own letters.
    pub word: bool,
    /// The word without proclitics.
    pub stem: bool,
    /// Neighbouring words and previous tags.
    pub context: bool,
    /// Place names of the gazetteer.
    pub gazetteer: bool,
    /// Word classes learned from unlabelled text ([`Clusters`]).
    pub clusters: bool,
    /// What the recogniser said of the same word earlier in the document ([`History`]).
    pub history: bool,
}

impl Groups {
    /// Every group.
    pub const ALL: Groups = Groups {
        clusters: true,
        word: true,
        stem: true,
        context: true,
        gazetteer: true,
        history: true,
    };

    fn bits(self) -> u8 {
        u8::from(self.word)
            | u8::from(self.stem) << 1
            | u8::from(self.context) << 2
            | u8::from(self.gazetteer) << 3
            | u8::from(self.clusters) << 4
            | u8::from(self.history) << 5
    }

    fn from_bits(b: u8) -> Groups {
        Groups {
            word: b & 1 != 0,
            stem: b & 2 != 0,
            context: b & 4 != 0,
            gazetteer: b & 8 != 0,
            clusters: b & 16 != 0,
            history: b & 32 != 0,
        }
    }
}

/// Class counts of the two clusterings: a coarse and a fine one.
const CLUSTER_SIZES: [usize; 2] = [64, 256];

/// Word classes learned from unlabelled Arabic text by the exchange algorithm
/// (`hadath_learn::clusters`), two clusterings of different sizes; words by the hash of their
/// folded form.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    map: rustc_hash::FxHashMap<u64, [u16; 2]>,
}

fn word_key(folded: &str) -> u64 {
    use std::hash::BuildHasher;
    std::hash::BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(folded)
}

impl Clusters {
    /// Learns the classes of the words seen at least twice in `sentences` (tokens as written).
    pub fn learn(sentences: &[Vec<String>], passes: usize) -> Clusters {
        let mut ids: rustc_hash::FxHashMap<String, u32> = Default::default();
        let mut counts: Vec<u32> = Vec::new();
        let folded: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| s.iter().map(|t| fold(t)).collect())
            .collect();
        for s in &folded {
            for w in s {
                let id = *ids.entry(w.clone()).or_insert_with(|| {
                    counts.push(0);
                    counts.len() as u32 - 1
                });
                counts[id as usize] += 1;
            }
        }
        // Rare words share one id, outside the vocabulary proper.
        let rare = ids.len() as u32;
        let corpus: Vec<Vec<u32>> = folded
            .iter()
            .map(|s| {
                s.iter()
                    .map(|w| {
                        let id = ids[w];
                        if counts[id as usize] >= 2 { id } else { rare }
                    })
                    .collect()
            })
            .collect();
        let classes: Vec<Vec<u16>> = CLUSTER_SIZES
            .iter()
            .map(|&k| hadath_learn::clusters::exchange(&corpus, ids.len() + 1, k, passes))
            .collect();
        let map = ids
            .iter()
            .filter(|(_, id)| counts[**id as usize] >= 2)
            .map(|(w, id)| {
                (
                    word_key(w),
                    [classes[0][*id as usize], classes[1][*id as usize]],
                )
            })
            .collect();
        Clusters { map }
    }

    /// The classes of a folded word, if it was seen often enough.
    fn of(&self, folded: &str) -> Option<[u16; 2]> {
        self.map.get(&word_key(folded)).copied()
    }

    /// How many words have classes.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word has classes.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut entries: Vec<(&u64, &[u16; 2])> = self.map.iter().collect();
        entries.sort_unstable_by_key(|(k, _)| **k);
        let mut out = (entries.len() as u64).to_le_bytes().to_vec();
        for (k, [a, b]) in entries {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&a.to_le_bytes());
            out.extend_from_slice(&b.to_le_bytes());
        }
        out
    }

    /// Reads clusters from the front of `bytes`; the rest.
    fn from_bytes(bytes: &[u8]) -> Result<(Clusters, &[u8]), ModelError> {
        let n = bytes
            .get(..8)
            .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")) as usize)
            .ok_or(ModelError::Truncated(0))?;
        let len = n.checked_mul(12).ok_or(ModelError::Truncated(8))?;
        let body = bytes.get(8..8 + len).ok_or(ModelError::Truncated(8))?;
        let map = body
            .chunks_exact(12)
            .map(|c| {
                (
                    u64::from_le_bytes(c[..8].try_into().expect("8 bytes")),
                    [
                        u16::from_le_bytes([c[8], c[9]]),
                        u16::from_le_bytes([c[10], c[11]]),
                    ],
                )
            })
            .collect();
        Ok((Clusters { map }, &bytes[8 + len..]))
    }
}

/// A token prepared for features: folded form, stem, gazetteer class.
#[derive(Clone, Debug)]
struct Prepared {
    /// The word's classes as feature values (`-` for none), coarse then fine.
    clusters: [Cow<'static, str>; 2],
    form: String,
    stem: String,
    shape: &'static str,
    gaz: &'static str,
}

/// A word class as a feature value (its number), without allocating for the usual ones.
fn class_name(c: u16) -> Cow<'static, str> {
    static NAMES: LazyLock<Vec<String>> =
        LazyLock::new(|| (0..1024).map(|c| c.to_string()).collect());
    match NAMES.get(c as usize) {
        Some(name) => Cow::Borrowed(name.as_str()),
        None => Cow::Owned(c.to_string()),
    }
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        hadath_ar::fold_char(c, &mut out);
    }
    out
}

/// The gazetteer's word for a name: its best place's kind and size.
fn gazetteer_class(gaz: &Gazetteer, name: &str) -> Option<&'static str> {
    // Folded Arabic letters (words of them, one space apart) are already their own key.
    let plain = !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ")
        && name
            .chars()
            .all(|c| c == ' ' || ('\u{0621}'..='\u{064A}').contains(&c));
    let key = if plain {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(name_key(name))
    };
    if key.chars().count() < 2 {
        return None;
    }
    let mut best: Option<&'static str> = None;
    for place in gaz.lookup(&key).take(20) {
        let class = match place.kind() {
            PlaceKind::Country => "country",
            PlaceKind::City if place.population() >= 100_000 => "city-large",
            PlaceKind::City => "city",
        };
        let rank = |c: &str| match c {
            "country" => 3,
            "city-large" => 2,
            _ => 1,
        };
        if best.is_none_or(|b| rank(class) > rank(b)) {
            best = Some(class);
        }
    }
    best
}

fn prepare(tokens: &[&str], gaz: &Gazetteer, groups: Groups, clusters: &Clusters) -> Vec<Prepared> {
    tokens
        .iter()
        .map(|t| {
            let form = fold(t);
            let st = stem(&form).to_string();
            let gaz = if groups.gazetteer && shape(t) == "arabic" {
                gazetteer_class(gaz, &form)
                    .or_else(|| {
                        gazetteer_class(gaz, &st).map(|c| {
                            if c == "country" {
                                "stem-country"
                            } else {
                                "stem-city"
                            }
                        })
                    })
                    .unwrap_or("-")
            } else {
                "-"
            };
            let classes = if groups.clusters {
                clusters.of(&form)
            } else {
                None
            };
            Prepared {
                clusters: match classes {
                    Some([a, b]) => [class_name(a), class_name(b)],
                    None => [Cow::Borrowed("-"), Cow::Borrowed("-")],
                },
                shape: shape(t),
                form,
                stem: st,
                gaz,
            }
        })
        .collect()
}

/// What the recogniser has said of the words of one document so far: per word (folded, and
/// its stem apart), how often its earlier occurrences were tagged outside any name and inside a
/// name of each type. A name told in full once ("الرئيس جورج بوش") is then known when it comes
/// back bare ("بوش").
#[derive(Clone, Debug, Default)]
pub struct History {
    forms: rustc_hash::FxHashMap<u64, [u16; 5]>,
    stems: rustc_hash::FxHashMap<u64, [u16; 5]>,
}

/// The history's word for a word's counts: `new` (not met before), `-` (never in a name), a
/// type (in a name of it more often than not), `o-` and a type (mostly outside names).
fn history_value(counts: Option<&[u16; 5]>) -> &'static str {
    const MAJOR: [&str; 4] = ["PERS", "LOC", "ORG", "MISC"];
    const MINOR: [&str; 4] = ["o-PERS", "o-LOC", "o-ORG", "o-MISC"];
    let Some(c) = counts else { return "new" };
    let (best, &n) = c[1..]
        .iter()
        .enumerate()
        .max_by_key(|&(k, n)| (*n, std::cmp::Reverse(k)))
        .expect("four types");
    if n == 0 {
        "-"
    } else if n >= c[0] {
        MAJOR[best]
    } else {
        MINOR[best]
    }
}

impl History {
    /// A history of nothing: a new document.
    pub fn new() -> History {
        History::default()
    }

    /// Forgets everything: the next sentence starts a new document.
    pub fn clear(&mut self) {
        self.forms.clear();
        self.stems.clear();
    }

    /// The history's words for each token: (its form's, its stem's).
    fn lookup(&self, p: &[Prepared]) -> Vec<(&'static str, &'static str)> {
        p.iter()
            .map(|w| {
                if !remembered(w) {
                    return ("-", "-");
                }
                (
                    history_value(self.forms.get(&word_key(&w.form))),
                    history_value(self.stems.get(&word_key(&w.stem))),
                )
            })
            .collect()
    }

    /// Remembers a tagged sentence.
    fn record(&mut self, p: &[Prepared], tags: &[&str]) {
        for (w, tag) in p.iter().zip(tags) {
            if !remembered(w) {
                continue;
            }
            let k = match tag.split_once('-') {
                Some((_, kind)) => TYPES.iter().position(|t| *t == kind).map_or(0, |k| k + 1),
                None => 0,
            };
            for (map, key) in [(&mut self.forms, &w.form), (&mut self.stems, &w.stem)] {
                let c = map.entry(word_key(key)).or_default();
                c[k] = c[k].saturating_add(1);
            }
        }
    }
}

/// Whether a word is one the history keeps: Arabic letters, two or more.
fn remembered(w: &Prepared) -> bool {
    w.shape == "arabic" && w.form.chars().nth(1).is_some()
}

/// Sentences the history of one document spans, in training and in [`evaluate`] (ANERcorp has
/// no document boundaries).
pub const DOCUMENT_SENTENCES: usize = 40;

/// Two-word gazetteer names around each token: (starts one, ends one).
fn bigram_places(tokens: &[&str], gaz: &Gazetteer) -> Vec<(bool, bool)> {
    let mut out = vec![(false, false); tokens.len()];
    for i in 0..tokens.len().saturating_sub(1) {
        if shape(tokens[i]) != "arabic" || shape(tokens[i + 1]) != "arabic" {
            continue;
        }
        let name = format!("{} {}", fold(tokens[i]), fold(tokens[i + 1]));
        if gazetteer_class(gaz, &name).is_some() {
            out[i].0 = true;
            out[i + 1].1 = true;
        }
    }
    out
}

fn features(
    p: &[Prepared],
    bigrams: &[(bool, bool)],
    hist: &[(&'static str, &'static str)],
    i: usize,
    prev: &[&str],
    groups: Groups,
    f: &mut Features,
) {
    f.clear();
    f.add(0, "");
    let w = &p[i];
    if groups.word {
        f.add(1, &w.form);
        for n in 1..=3 {
            f.add(1 + n as u32, head(&w.form, n));
        }
        for n in 1..=4 {
            f.add(4 + n as u32, tail(&w.form, n));
        }
        f.add(9, w.shape);
        const LENGTHS: [&str; 9] = ["0", "1", "2", "3", "4", "5", "6", "7", "8+"];
        f.add(10, LENGTHS[w.form.chars().count().min(8)]);
    }
    if groups.stem {
        f.add(11, &w.stem);
        f.add(12, tail(&w.stem, 2));
        f.add(13, head(&w.stem, 2));
        f.add(
            14,
            if w.stem.len() < w.form.len() {
                "clitic"
            } else {
                "bare"
            },
        );
    }
    if groups.context {
        let at = |k: isize| -> Option<&Prepared> {
            usize::try_from(i as isize + k).ok().and_then(|j| p.get(j))
        };
        for (t, k) in [(20, -2), (21, -1), (22, 1), (23, 2)] {
            f.add(t, at(k).map_or("<s>", |x| x.form.as_str()));
        }
        f.add(24, at(-1).map_or("<s>", |x| x.stem.as_str()));
        f.add(25, at(1).map_or("</s>", |x| x.stem.as_str()));
        let p1 = prev.get(i.wrapping_sub(1)).copied().unwrap_or("<s>");
        let p2 = if i >= 2 { prev[i - 2] } else { "<s>" };
        f.add(26, p1);
        f.add2(27, p1, p2);
        f.add2(28, p1, &w.stem);
        f.add2(29, at(-1).map_or("<s>", |x| x.form.as_str()), &w.stem);
        f.add(30, at(1).map_or("</s>", |x| x.shape));
        f.add(31, at(-1).map_or("<s>", |x| tail(&x.form, 2)));
        f.add2(32, &w.form, at(1).map_or("</s>", |x| x.form.as_str()));
        f.add2(33, at(-1).map_or("<s>", |x| x.form.as_str()), &w.form);
        f.add2(34, p1, at(-1).map_or("<s>", |x| x.form.as_str()));
    }
    if groups.clusters {
        f.add(60, &w.clusters[0]);
        f.add(61, &w.clusters[1]);
        let before = if i > 0 {
            p[i - 1].clusters[0].as_ref()
        } else {
            "<s>"
        };
        let after = p.get(i + 1).map_or("</s>", |x| x.clusters[0].as_ref());
        f.add(62, before);
        f.add(63, after);
        f.add2(64, before, &w.clusters[0]);
    }
    if groups.history {
        let (form, st) = hist[i];
        f.add(70, form);
        f.add(71, st);
        f.add2(72, form, w.shape);
        f.add(73, hist.get(i + 1).map_or("</s>", |h| h.0));
        f.add(74, if i > 0 { hist[i - 1].0 } else { "<s>" });
    }
    if groups.gazetteer {
        f.add(40, w.gaz);
        f.add(41, if bigrams[i].0 { "starts" } else { "-" });
        f.add(42, if bigrams[i].1 { "ends" } else { "-" });
        if groups.context {
            let prev_gaz = if i > 0 { p[i - 1].gaz } else { "<s>" };
            f.add2(43, w.gaz, prev_gaz);
            f.add(44, p.get(i + 1).map_or("</s>", |x| x.gaz));
        }
    }
}

/// The tags allowed after `prev` (BIO: I-X only after B-X or I-X).
fn allowed_after(model_classes: &[String], prev: &str) -> Vec<u16> {
    let prev_kind = prev.split_once('-').map(|(_, k)| k);
    model_classes
        .iter()
        .enumerate()
        .filter(|(_, c)| match c.strip_prefix("I-") {
            Some(kind) => prev_kind == Some(kind),
            None => true,
        })
        .map(|(i, _)| i as u16)
        .collect()
}

/// A trained recogniser.
pub struct Recognizer {
    model: Model,
    groups: Groups,
    clusters: Clusters,
    classes: Vec<String>,
    /// Allowed tags after each tag (by class), and at the start (last entry).
    allowed: Vec<Vec<u16>>,
}

impl Recognizer {
    fn new(model: Model, groups: Groups, clusters: Clusters) -> Recognizer {
        let classes: Vec<String> = (0..model.classes() as u16)
            .map(|c| model.class_name(c).to_string())
            .collect();
        let mut allowed: Vec<Vec<u16>> =
            classes.iter().map(|c| allowed_after(&classes, c)).collect();
        allowed.push(allowed_after(&classes, "O"));
        Recognizer {
            model,
            groups,
            clusters,
            classes,
            allowed,
        }
    }

    /// The feature groups the model was trained with.
    pub fn groups(&self) -> Groups {
        self.groups
    }

    /// The model's size on disk, in bytes.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// BIO tags of a sentence's tokens, a sentence of its own.
    pub fn tag(&self, tokens: &[&str]) -> Vec<&str> {
        self.tag_in(tokens, &mut History::new())
    }

    /// BIO tags of a sentence's tokens, a sentence of the document `history` has seen so far;
    /// the history then remembers this sentence too.
    pub fn tag_in(&self, tokens: &[&str], history: &mut History) -> Vec<&str> {
        let gaz = Gazetteer::embedded();
        let p = prepare(tokens, gaz, self.groups, &self.clusters);
        let bigrams = if self.groups.gazetteer {
            bigram_places(tokens, gaz)
        } else {
            vec![(false, false); tokens.len()]
        };
        let hist = if self.groups.history {
            history.lookup(&p)
        } else {
            Vec::new()
        };
        let mut f = Features::new();
        let mut scores = Vec::new();
        let mut out: Vec<&str> = Vec::with_capacity(tokens.len());
        let mut last = self.allowed.len() - 1;
        for i in 0..tokens.len() {
            features(&p, &bigrams, &hist, i, &out, self.groups, &mut f);
            let c = self
                .model
                .predict_with(&f, Some(&self.allowed[last]), &mut scores);
            out.push(&self.classes[c as usize]);
            last = c as usize;
        }
        if self.groups.history {
            history.record(&p, &out);
        }
        out
    }

    /// The entities of a sentence's tokens.
    pub fn entities(&self, tokens: &[&str]) -> Vec<Entity> {
        entities(&self.tag(tokens))
    }

    /// The entities of a sentence's tokens, a sentence of the document `history` has seen.
    pub fn entities_in(&self, tokens: &[&str], history: &mut History) -> Vec<Entity> {
        entities(&self.tag_in(tokens, history))
    }

    /// The recogniser as bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.groups.bits());
        out.extend_from_slice(&self.clusters.to_bytes());
        out.extend_from_slice(&self.model.to_bytes());
        out
    }

    /// Reads a recogniser written by [`to_bytes`](Recognizer::to_bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ModelError::Magic)?;
        let (&bits, rest) = rest
            .split_first()
            .ok_or(ModelError::Truncated(MAGIC.len()))?;
        let (clusters, rest) = Clusters::from_bytes(rest)?;
        Ok(Recognizer::new(
            Model::from_bytes(rest)?,
            Groups::from_bits(bits),
            clusters,
        ))
    }
}

/// A training sentence: prepared tokens, two-word places, gold classes.
type Item = (Vec<Prepared>, Vec<(bool, bool)>, Vec<u16>);

/// Trains a recogniser: `epochs` passes in an order fixed by `seed`, the model's own previous
/// tags as history.
pub fn train(
    sentences: &[Sentence],
    groups: Groups,
    clusters: &Clusters,
    epochs: usize,
    seed: u64,
    log: &mut dyn FnMut(String),
) -> Recognizer {
    let gaz = Gazetteer::embedded();
    let mut trainer = Trainer::new();
    trainer.class_id("O");
    for t in TYPES {
        trainer.class_id(&format!("B-{t}"));
        trainer.class_id(&format!("I-{t}"));
    }
    let classes: Vec<String> = (0..trainer.classes() as u16)
        .map(|c| trainer.class_name(c).to_string())
        .collect();
    let mut allowed: Vec<Vec<u16>> = classes.iter().map(|c| allowed_after(&classes, c)).collect();
    allowed.push(allowed_after(&classes, "O"));
    let prepared: Vec<Item> = sentences
        .iter()
        .map(|s| {
            let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let gold = s
                .tags
                .iter()
                .map(|t| trainer.known_class(t).unwrap_or(0))
                .collect();
            let bigrams = if groups.gazetteer {
                bigram_places(&tokens, gaz)
            } else {
                vec![(false, false); tokens.len()]
            };
            (prepare(&tokens, gaz, groups, clusters), bigrams, gold)
        })
        .collect();
    // The history each sentence is trained with: what a model that never saw its document said
    // of the sentences before it (five models, each trained on the other documents without the
    // history) — the model's own guesses on sentences it learns from would be too good to be
    // what it meets in new text.
    let histories: Vec<Vec<(&'static str, &'static str)>> = if groups.history {
        jackknife_histories(sentences, &prepared, groups, clusters, epochs, seed)
    } else {
        vec![Vec::new(); prepared.len()]
    };
    let mut f = Features::new();
    for epoch in 0..epochs {
        let before = trainer.progress().1;
        for k in shuffled(prepared.len(), seed + epoch as u64) {
            let (p, bigrams, gold) = &prepared[k];
            let mut tags: Vec<&str> = Vec::with_capacity(p.len());
            let mut last = allowed.len() - 1;
            for (i, &gold) in gold.iter().enumerate() {
                features(p, bigrams, &histories[k], i, &tags, groups, &mut f);
                // Gold must be allowed after the model's previous tag; when it is not (the
                // model erred before), learn it among all tags.
                let options = if allowed[last].contains(&gold) {
                    &allowed[last]
                } else {
                    &allowed[allowed.len() - 1]
                };
                let guess = trainer.learn(&f, gold, Some(options));
                tags.push(&classes[guess as usize]);
                last = guess as usize;
            }
        }
        log(format!(
            "epoch {}: {} mistakes",
            epoch + 1,
            trainer.progress().1 - before
        ));
    }
    Recognizer::new(trainer.finish(), groups, clusters.clone())
}

/// Folds of the jackknife that gives the training sentences their histories.
const HISTORY_FOLDS: usize = 5;

/// Each sentence's history lookups as a model trained without it would give them: the
/// documents ([`DOCUMENT_SENTENCES`] consecutive sentences) dealt into folds, a model without
/// the history trained on all folds but one and run over that one's documents in order.
fn jackknife_histories(
    sentences: &[Sentence],
    prepared: &[Item],
    groups: Groups,
    clusters: &Clusters,
    epochs: usize,
    seed: u64,
) -> Vec<Vec<(&'static str, &'static str)>> {
    let fold_of = |k: usize| (k / DOCUMENT_SENTENCES) % HISTORY_FOLDS;
    let base_groups = Groups {
        history: false,
        ..groups
    };
    let mut out = vec![Vec::new(); sentences.len()];
    for fold in 0..HISTORY_FOLDS {
        let fit: Vec<Sentence> = sentences
            .iter()
            .enumerate()
            .filter(|(k, _)| fold_of(*k) != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let base = train(&fit, base_groups, clusters, epochs, seed, &mut |_| {});
        let mut history = History::new();
        for k in (0..sentences.len()).filter(|&k| fold_of(k) == fold) {
            if k % DOCUMENT_SENTENCES == 0 {
                history.clear();
            }
            let p = &prepared[k].0;
            out[k] = history.lookup(p);
            let tokens: Vec<&str> = sentences[k].tokens.iter().map(String::as_str).collect();
            let tags = base.tag(&tokens);
            history.record(p, &tags);
        }
    }
    out
}

/// Exact-span counts by entity type: (true positives, predicted, gold).
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// By type, in [`TYPES`] order.
    pub by_type: [(usize, usize, usize); 4],
}

impl Scores {
    /// Precision, recall, F1 of counts.
    pub fn prf((tp, pred, gold): (usize, usize, usize)) -> (f64, f64, f64) {
        let p = tp as f64 / pred.max(1) as f64;
        let r = tp as f64 / gold.max(1) as f64;
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

    /// Micro-averaged counts over all types.
    pub fn overall(&self) -> (usize, usize, usize) {
        self.by_type
            .iter()
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }
}

/// CoNLL-style exact-span scoring of the recogniser on tagged sentences; also the tokens/s of
/// tagging them (one thread).
pub fn evaluate(rec: &Recognizer, sentences: &[Sentence]) -> (Scores, f64) {
    let mut s = Scores::default();
    let started = std::time::Instant::now();
    let mut tokens_seen = 0;
    let mut predicted = Vec::with_capacity(sentences.len());
    let mut history = History::new();
    for (k, sentence) in sentences.iter().enumerate() {
        if k % DOCUMENT_SENTENCES == 0 {
            history.clear();
        }
        let tokens: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
        tokens_seen += tokens.len();
        predicted.push(rec.entities_in(&tokens, &mut history));
    }
    let speed = tokens_seen as f64 / started.elapsed().as_secs_f64();
    for (sentence, pred) in sentences.iter().zip(predicted) {
        let gold = entities(&sentence.tags);
        for (k, t) in TYPES.iter().enumerate() {
            let g: Vec<&Entity> = gold.iter().filter(|e| e.kind == *t).collect();
            let p: Vec<&Entity> = pred.iter().filter(|e| e.kind == *t).collect();
            s.by_type[k].0 += p.iter().filter(|e| g.contains(e)).count();
            s.by_type[k].1 += p.len();
            s.by_type[k].2 += g.len();
        }
    }
    (s, speed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_spans() {
        let tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"];
        let e = entities(&tags);
        let spans: Vec<(usize, usize, &str)> = e
            .iter()
            .map(|e| (e.start, e.end, e.kind.as_str()))
            .collect();
        assert_eq!(
            spans,
            [(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")]
        );
    }

    #[test]
    fn reads_conll_and_refuses_bad_tags() {
        let s = read_conll("فرانكفورت B-LOC\n(د O\n\nب O\n").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["فرانكفورت", "(د"]);
        assert!(read_conll("x PERSON\n").unwrap_err().contains("line 1"));
        assert!(read_conll("x\n").is_err());
    }

    #[test]
    fn stems_lose_clitics_but_keep_three_letters() {
        assert_eq!(stem("والقاهره"), "قاهره");
        assert_eq!(stem("بغداد"), "غداد");
        assert_eq!(stem("ولد"), "ولد");
    }
}
