//! The analyser: three perceptron models (segmentation, tag, lemma) and the word list the
//! segmenter consults, in one file.
//!
//! - **Segmentation** picks, for each written token, one of the splits [`surface::splits`]
//!   proposes (its label is the class, the proposed labels are the allowed classes). Features:
//!   the token, its first and last letters, its neighbours, and for each proposed split whether
//!   its host is a word seen in training, its length and its ends.
//! - **Tag**: left to right over the syntactic words, with the two previous tags as features,
//!   first the part of speech (17 classes), then part of speech and features together
//!   (`UPOS|FEATS`, one class) among the tags of that part of speech.
//! - **Lemma**: an edit script (what to take off the front and back of the form and what to put
//!   there) chosen among the scripts that fit the form, given the form's ends and its tag.

use hadath_learn::{Features, Model, ModelError};
use hadath_text::{head_chars as head, tail_chars as tail, word_shape as shape};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::surface::{self, Split};

/// Magic bytes of an analyser file.
const MAGIC: &[u8; 8] = b"HDMORPH3";

/// Shortest host a segmentation may leave.
pub const MIN_HOST: usize = 1;

/// One analysed syntactic word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysed<'a> {
    /// Index of the written token it came from.
    pub token: usize,
    /// The form (a clitic, or the host as it would be written alone).
    pub form: String,
    /// Universal part of speech.
    pub upos: &'a str,
    /// Features, `Name=Value|…` or `_`.
    pub feats: &'a str,
    /// Lemma (no diacritics).
    pub lemma: String,
    /// Whether it is the token's host (not a clitic).
    pub host: bool,
}

/// Where a word sits in its token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The token is one word.
    Whole,
    /// A proclitic.
    Proclitic,
    /// The host of a split token.
    Host,
    /// An enclitic.
    Enclitic,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Whole => "w",
            Role::Proclitic => "p",
            Role::Host => "h",
            Role::Enclitic => "e",
        }
    }
}

/// FxHash of a word, for the word list.
fn word_hash(s: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(s)
}

/// Segmentation features of token `i` and its proposed splits.
pub fn segment_features(
    tokens: &[&str],
    i: usize,
    splits: &[Split],
    known: &FxHashSet<u64>,
    f: &mut Features,
) {
    f.clear();
    let t = tokens[i];
    f.add(0, "");
    f.add(1, t);
    for n in 1..=3 {
        f.add(2 + n as u32, head(t, n));
        f.add(6 + n as u32, tail(t, n));
    }
    f.add(10, tokens.get(i.wrapping_sub(1)).copied().unwrap_or("<s>"));
    f.add(11, tokens.get(i + 1).copied().unwrap_or("</s>"));
    f.add(12, shape(t));
    let whole_known = if known.contains(&word_hash(t)) {
        "1"
    } else {
        "0"
    };
    f.add(13, whole_known);
    let mut len = [0u8; 4];
    for s in splits {
        let host = s.words[s.host].as_str();
        let label = s.label.as_str();
        f.add2(
            20,
            label,
            if known.contains(&word_hash(host)) {
                "1"
            } else {
                "0"
            },
        );
        let n = host.chars().count().min(9) as u8;
        f.add2(21, label, char::from(b'0' + n).encode_utf8(&mut len));
        f.add2(22, label, tail(host, 2));
        f.add2(23, label, head(host, 2));
        f.add2(24, label, t);
        f.add2(25, label, whole_known);
        f.add2(26, label, tail(host, 3));
        f.add2(
            27,
            label,
            tokens.get(i.wrapping_sub(1)).copied().unwrap_or("<s>"),
        );
    }
}

/// Tagging features of word `j` of a sentence, given the tags before it.
pub fn tag_features(words: &[(&str, Role)], j: usize, prev: &[&str], f: &mut Features) {
    f.clear();
    let (w, role) = words[j];
    let p1 = prev.get(j.wrapping_sub(1)).copied().unwrap_or("<s>");
    let p2 = if j >= 2 { prev[j - 2] } else { "<s>" };
    f.add(0, "");
    f.add(1, w);
    f.add2(3, role.name(), w);
    for n in 1..=3 {
        f.add(4 + n as u32, head(w, n));
    }
    for n in 1..=4 {
        f.add(8 + n as u32, tail(w, n));
    }
    f.add(13, shape(w));
    const LENGTHS: [&str; 13] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
    ];
    f.add(14, LENGTHS[w.chars().count().min(12)]);
    f.add(15, p1);
    f.add2(16, p1, p2);
    f.add2(17, p1, w);
    f.add2(18, p1, tail(w, 2));
    let before = words.get(j.wrapping_sub(1));
    let after = words.get(j + 1);
    f.add(19, before.map_or("<s>", |b| b.0));
    f.add(20, after.map_or("</s>", |a| a.0));
    f.add(21, after.map_or("</s>", |a| tail(a.0, 2)));
    f.add(22, before.map_or("<s>", |b| tail(b.0, 2)));
    f.add2(24, role.name(), after.map_or("</s>", |a| a.1.name()));
    f.add(27, tail(w, 5));
    f.add(29, after.map_or("</s>", |a| head(a.0, 2)));
    f.add2(30, w, after.map_or("</s>", |a| a.0));
    let stem = w
        .strip_prefix("ال")
        .filter(|s| s.chars().count() >= 2)
        .unwrap_or(w);
    f.add(31, stem);
}

/// Lemma features of a word with its tag.
pub fn lemma_features(w: &str, tag: &str, f: &mut Features) {
    f.clear();
    f.add(0, "");
    f.add(1, w);
    f.add(2, tag);
    let upos = tag.split('|').next().unwrap_or(tag);
    f.add(3, upos);
    for n in 1..=4 {
        f.add2(9 + n as u32, upos, tail(w, n));
    }
    for n in 1..=3 {
        f.add(14 + n as u32, head(w, n));
    }
    f.add2(18, tag, tail(w, 2));
    f.add2(20, upos, head(w, 2));
}

/// The edit script turning `form` into `lemma`: around their longest common substring, what
/// the form has before and after it and what the lemma has instead, as `pre>PRE|suf>SUF`;
/// `=LEMMA` when they share nothing.
pub fn edit_script(form: &str, lemma: &str) -> String {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    // Longest common substring, earliest in the form on ties.
    let (mut best, mut fi, mut li) = (0, 0, 0);
    let mut row = vec![0usize; l.len() + 1];
    for i in 1..=f.len() {
        let mut diag = 0;
        for j in 1..=l.len() {
            let up = row[j];
            row[j] = if f[i - 1] == l[j - 1] { diag + 1 } else { 0 };
            if row[j] > best {
                (best, fi, li) = (row[j], i - row[j], j - row[j]);
            }
            diag = up;
        }
    }
    if best == 0 {
        return format!("={lemma}");
    }
    let s = |v: &[char]| v.iter().collect::<String>();
    format!(
        "{}>{}|{}>{}",
        s(&f[..fi]),
        s(&l[..li]),
        s(&f[fi + best..]),
        s(&l[li + best..])
    )
}

/// Applies an edit script to a form; `None` when it does not fit.
pub fn apply_script(form: &str, script: &str) -> Option<String> {
    if let Some(lemma) = script.strip_prefix('=') {
        return Some(lemma.to_string());
    }
    let (front, back) = script.split_once('|')?;
    let (fcut, fadd) = front.split_once('>')?;
    let (bcut, badd) = back.split_once('>')?;
    let middle = form.strip_prefix(fcut)?.strip_suffix(bcut)?;
    if middle.is_empty() {
        return None;
    }
    Some(format!("{fadd}{middle}{badd}"))
}

/// The tag model's part-of-speech classes (`U:NOUN`…) and, for each, its full-tag classes
/// (`NOUN|…`), from the class names.
pub fn tag_classes<'a>(
    name: impl Fn(u16) -> &'a str,
    n: usize,
) -> (Vec<u16>, FxHashMap<u16, Vec<u16>>) {
    let mut upos: FxHashMap<&str, u16> = FxHashMap::default();
    for c in 0..n as u16 {
        if let Some(u) = name(c).strip_prefix("U:") {
            upos.insert(u, c);
        }
    }
    let mut by_upos: FxHashMap<u16, Vec<u16>> = FxHashMap::default();
    for c in 0..n as u16 {
        let tag = name(c);
        if tag.starts_with("U:") {
            continue;
        }
        if let Some(&u) = upos.get(tag.split('|').next().unwrap_or(tag)) {
            by_upos.entry(u).or_default().push(c);
        }
    }
    let mut classes: Vec<u16> = upos.into_values().collect();
    classes.sort_unstable();
    (classes, by_upos)
}

/// Lemma scripts (numbered as a model's classes) by the front and back they cut, to list the
/// scripts that fit a form. `=LEMMA` scripts fit nothing: a lemma is never guessed whole.
pub struct ScriptIndex {
    /// Back cut → front cuts, each with its scripts.
    by_back: FxHashMap<String, Vec<(String, Vec<u16>)>>,
    /// Longest back cut, in characters.
    longest_back: usize,
}

impl ScriptIndex {
    /// The index of scripts named in class order.
    pub fn new<'a>(names: impl Iterator<Item = &'a str>) -> ScriptIndex {
        let mut by_back: FxHashMap<String, Vec<(String, Vec<u16>)>> = FxHashMap::default();
        let mut longest_back = 0;
        for (c, script) in names.enumerate() {
            if script.starts_with('=') {
                continue;
            }
            let Some((front, back)) = script.split_once('|') else {
                continue;
            };
            let fcut = front.split_once('>').map_or("", |x| x.0);
            let bcut = back.split_once('>').map_or("", |x| x.0);
            longest_back = longest_back.max(bcut.chars().count());
            let fronts = by_back.entry(bcut.to_string()).or_default();
            match fronts.iter_mut().find(|(f, _)| f == fcut) {
                Some((_, scripts)) => scripts.push(c as u16),
                None => fronts.push((fcut.to_string(), vec![c as u16])),
            }
        }
        ScriptIndex {
            by_back,
            longest_back,
        }
    }

    /// The scripts that fit `form` (leave at least one letter of it).
    pub fn fitting(&self, form: &str, out: &mut Vec<u16>) {
        out.clear();
        let chars = form.chars().count();
        for b in 0..=self.longest_back.min(chars) {
            let back = if b == 0 { "" } else { tail(form, b) };
            let Some(fronts) = self.by_back.get(back) else {
                continue;
            };
            let rest = form.len() - back.len();
            let first = form.as_bytes().first().copied();
            for (front, scripts) in fronts {
                // The middle must keep at least one letter; the first byte rules most out.
                if front.len() < rest
                    && (front.is_empty()
                        || (front.as_bytes().first().copied() == first
                            && form[..rest].starts_with(front.as_str())))
                {
                    out.extend_from_slice(scripts);
                }
            }
        }
    }
}

/// The analyser.
pub struct Analyzer {
    /// Segmentation model.
    pub seg: Model,
    /// Tag model: parts of speech (classes `U:NOUN`…) and full tags (`UPOS|FEATS`) share its
    /// features, so one look-up per feature scores both.
    pub tag: Model,
    /// The part-of-speech classes.
    upos_classes: Vec<u16>,
    /// Full-tag classes by their part-of-speech class.
    tags_by_upos: FxHashMap<u16, Vec<u16>>,
    /// Lemma model.
    pub lemma: Model,
    /// Words seen in training (hashes).
    pub known: FxHashSet<u64>,
    /// Lemma scripts by what they cut.
    scripts: ScriptIndex,
    /// Segmentation labels by name.
    seg_labels: FxHashMap<String, u16>,
}

impl Analyzer {
    /// An analyser from its three models and word list.
    pub fn new(seg: Model, tag: Model, lemma: Model, known: FxHashSet<u64>) -> Analyzer {
        let scripts = ScriptIndex::new((0..lemma.classes() as u16).map(|c| lemma.class_name(c)));
        let (upos_classes, tags_by_upos) = tag_classes(|c| tag.class_name(c), tag.classes());
        let seg_labels = (0..seg.classes() as u16)
            .map(|c| (seg.class_name(c).to_string(), c))
            .collect();
        Analyzer {
            seg,
            tag,
            upos_classes,
            tags_by_upos,
            lemma,
            known,
            scripts,
            seg_labels,
        }
    }

    /// The lemma scripts that fit `form`.
    pub fn scripts_for(&self, form: &str, out: &mut Vec<u16>) {
        self.scripts.fitting(form, out);
    }

    /// The split the segmentation model picks for each token.
    pub fn segment(&self, tokens: &[&str]) -> Vec<Split> {
        let mut f = Features::new();
        let mut scores = Vec::new();
        let mut allowed = Vec::new();
        tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut splits = surface::splits(t, MIN_HOST);
                allowed.clear();
                splits.retain(|s| match self.seg_labels.get(&s.label) {
                    Some(&c) => {
                        allowed.push(c);
                        true
                    }
                    None => s.label == "||",
                });
                if splits.len() <= 1 {
                    return splits.swap_remove(0);
                }
                segment_features(tokens, i, &splits, &self.known, &mut f);
                let c = self.seg.predict_with(&f, Some(&allowed), &mut scores);
                let label = self.seg.class_name(c);
                let at = splits.iter().position(|s| s.label == label).unwrap_or(0);
                splits.swap_remove(at)
            })
            .collect()
    }

    /// Tags and lemmatises syntactic words (with their roles); the tags are `UPOS|FEATS`.
    pub fn tag_words(&self, words: &[(&str, Role)]) -> Vec<(&str, String)> {
        let mut f = Features::new();
        let mut scores = Vec::new();
        let mut tags: Vec<&str> = Vec::with_capacity(words.len());
        let mut allowed = Vec::new();
        let mut resolved = Vec::new();
        let mut out = Vec::with_capacity(words.len());
        for j in 0..words.len() {
            tag_features(words, j, &tags, &mut f);
            // One look-up per feature; the part of speech first, then its full tags.
            self.tag.resolve(&f, &mut resolved);
            let u = self
                .tag
                .predict_resolved(&resolved, &self.upos_classes, &mut scores);
            let c = match self.tags_by_upos.get(&u) {
                Some(allowed) => self.tag.predict_resolved(&resolved, allowed, &mut scores),
                None => u,
            };
            let tag = self.tag.class_name(c);
            tags.push(tag);
            let form = words[j].0;
            self.scripts_for(form, &mut allowed);
            lemma_features(form, tag, &mut f);
            let lemma = if allowed.is_empty() {
                form.to_string()
            } else {
                let s = self.lemma.predict_with(&f, Some(&allowed), &mut scores);
                apply_script(form, self.lemma.class_name(s)).unwrap_or_else(|| form.to_string())
            };
            out.push((tag, lemma));
        }
        out
    }

    /// Analyses a sentence's written tokens: segmentation, then tags and lemmas.
    pub fn analyse(&self, tokens: &[&str]) -> Vec<Analysed<'_>> {
        let splits = self.segment(tokens);
        let mut words: Vec<(&str, Role)> = Vec::new();
        let mut owner = Vec::new();
        for (i, s) in splits.iter().enumerate() {
            for (k, w) in s.words.iter().enumerate() {
                let role = if s.words.len() == 1 {
                    Role::Whole
                } else if k < s.host {
                    Role::Proclitic
                } else if k == s.host {
                    Role::Host
                } else {
                    Role::Enclitic
                };
                words.push((w.as_str(), role));
                owner.push((i, k == s.host));
            }
        }
        let tagged = self.tag_words(&words);
        words
            .iter()
            .zip(tagged)
            .zip(owner)
            .map(|(((form, _), (tag, lemma)), (token, host))| {
                let (upos, feats) = tag.split_once('|').unwrap_or((tag, "_"));
                Analysed {
                    token,
                    form: form.to_string(),
                    upos,
                    feats,
                    lemma,
                    host,
                }
            })
            .collect()
    }

    /// The analyser as bytes: magic, the three models and the word list, each length-prefixed.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for model in [&self.seg, &self.tag, &self.lemma] {
            let bytes = model.to_bytes();
            out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            out.extend_from_slice(&bytes);
        }
        let mut known: Vec<u64> = self.known.iter().copied().collect();
        known.sort_unstable();
        out.extend_from_slice(&(known.len() as u64).to_le_bytes());
        for h in known {
            out.extend_from_slice(&h.to_le_bytes());
        }
        out
    }

    /// Reads an analyser written by [`to_bytes`](Analyzer::to_bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Analyzer, ModelError> {
        let mut at: usize = 0;
        let mut take = |n: usize| -> Result<&[u8], ModelError> {
            let end = at
                .checked_add(n)
                .filter(|&e| e <= bytes.len())
                .ok_or(ModelError::Truncated(at))?;
            let out = &bytes[at..end];
            at = end;
            Ok(out)
        };
        if take(MAGIC.len())? != MAGIC {
            return Err(ModelError::Magic);
        }
        let mut models = Vec::new();
        for _ in 0..3 {
            let n = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
            let n = usize::try_from(n).map_err(|_| ModelError::Truncated(0))?;
            models.push(Model::from_bytes(take(n)?)?);
        }
        let n = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
        let n = usize::try_from(n).map_err(|_| ModelError::Truncated(0))?;
        let list = take(n.checked_mul(8).ok_or(ModelError::Truncated(0))?)?;
        let known = list
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let end = take(0)?.as_ptr() as usize - bytes.as_ptr() as usize;
        if end != bytes.len() {
            return Err(ModelError::Truncated(end));
        }
        let lemma = models.pop().expect("three");
        let tag = models.pop().expect("three");
        let seg = models.pop().expect("three");
        Ok(Analyzer::new(seg, tag, lemma, known))
    }
}

/// Hash of a known word, as the analyser's word list keeps it.
pub fn known_hash(word: &str) -> u64 {
    word_hash(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_scripts_round_trip() {
        for (form, lemma) in [
            ("المتظاهرين", "متظاهر"),
            ("قالت", "قال"),
            ("حكومة", "حكومة"),
            ("نساء", "امرأة"),
            ("و", "و"),
        ] {
            let script = edit_script(form, lemma);
            assert_eq!(
                apply_script(form, &script).as_deref(),
                Some(lemma),
                "{script}"
            );
        }
        assert_eq!(edit_script("المتظاهرين", "متظاهر"), "ال>|ين>");
        assert_eq!(apply_script("ق", "ال>|ين>"), None);
    }
}
