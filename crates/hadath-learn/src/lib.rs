//! Compact CPU models: a multi-class averaged perceptron over hashed features.
//!
//! One job: train, save, load and run small linear models (the morphology and named-entity
//! models are built on it). A caller turns an item into [`Features`] — each a template number and
//! a string, hashed to 64 bits, never stored — and asks a [`Model`] for the best class, optionally
//! among the classes allowed for that item. A [`Trainer`] learns the weights with the averaged
//! perceptron (Collins 2002: after each mistake, the gold class's weights go up and the predicted
//! class's go down; the final weights are the average over all steps, which generalises far
//! better than the last ones). Training is deterministic: examples are visited in an order fixed
//! by a seed, and nothing depends on hash-map iteration order.
//!
//! ```
//! use hadath_learn::{Features, Trainer};
//! let mut trainer = Trainer::new();
//! let mut f = Features::new();
//! let examples: Vec<(Vec<&str>, &str)> = vec![
//!     (vec!["ال", "ة"], "NOUN"), (vec!["ي", "ون"], "VERB"), (vec!["ال", "ات"], "NOUN"),
//! ];
//! let data: Vec<(Features, u16)> = examples.iter().map(|(parts, class)| {
//!     let mut f = Features::new();
//!     f.add(1, parts[0]);
//!     f.add(2, parts[1]);
//!     (f, trainer.class_id(class))
//! }).collect();
//! for _ in 0..5 {
//!     for (f, gold) in &data {
//!         trainer.learn(f, *gold, None);
//!     }
//! }
//! let model = trainer.finish();
//! f.add(1, "ال");
//! f.add(2, "ات");
//! assert_eq!(model.class_name(model.predict(&f, None)), "NOUN");
//! let bytes = model.to_bytes();
//! let again = hadath_learn::Model::from_bytes(&bytes).unwrap();
//! assert_eq!(again.predict(&f, None), model.predict(&f, None));
//! ```
#![deny(missing_docs)]

pub mod clusters;

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

/// Magic bytes and format version at the start of a model file.
const MAGIC: &[u8; 8] = b"HDLM\x00\x00\x00\x01";

/// The features of one item: 64-bit hashes of (template, value) pairs.
#[derive(Clone, Debug, Default)]
pub struct Features {
    hashes: Vec<u64>,
}

impl Features {
    /// No features.
    pub fn new() -> Features {
        Features::default()
    }

    /// Forgets the features (to reuse the buffer).
    pub fn clear(&mut self) {
        self.hashes.clear();
    }

    /// Adds feature `template` = `value`.
    pub fn add(&mut self, template: u32, value: &str) {
        let mut h = FxHasher::default();
        h.write_u32(template);
        h.write(value.as_bytes());
        h.write_u8(0xff);
        self.hashes.push(mix(h.finish()));
    }

    /// Adds feature `template` = (`a`, `b`): a conjunction of two values.
    pub fn add2(&mut self, template: u32, a: &str, b: &str) {
        let mut h = FxHasher::default();
        h.write_u32(template);
        h.write(a.as_bytes());
        h.write_u8(0xff);
        h.write(b.as_bytes());
        h.write_u8(0xff);
        self.hashes.push(mix(h.finish()));
    }

    /// The hashes, in the order added.
    pub fn hashes(&self) -> &[u64] {
        &self.hashes
    }

    /// How many features.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// A finaliser (from SplitMix64) over Fx's output, whose low bits alone are weak.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a model file, or one of another format version.
    #[error("not a hadath model file (or another format version)")]
    Magic,
    /// The file ends early or its counts disagree.
    #[error("model file truncated or inconsistent at byte {0}")]
    Truncated(usize),
    /// A class name is not UTF-8.
    #[error("model file: a class name is not UTF-8")]
    Utf8,
}

/// A trained model: class names and, for each feature hash, its nonzero weights by class.
#[derive(Clone, Debug)]
pub struct Model {
    classes: Vec<String>,
    /// Feature hash → (first entry, number of entries); a feature with weights for many classes
    /// has `n == u32::MAX` and `start` is its row in `dense`.
    index: FxHashMap<u64, (u32, u32)>,
    /// (class, weight) pairs, feature after feature: one read brings a feature's weights.
    entries: Vec<(u16, f32)>,
    /// Rows of one weight a class, for the features that have many (summed with vector adds).
    dense: Vec<f32>,
}

/// A feature with weights for more than one class in this many is kept as a dense row.
const DENSE_SHARE: usize = 8;

impl Model {
    /// The model from its parts, with many-class features made dense rows.
    fn build(classes: Vec<String>, sparse: Vec<(u64, Vec<(u16, f32)>)>) -> Model {
        let mut model = Model::with_capacity(classes, sparse.len(), 0);
        for (h, ws) in sparse {
            model.push_feature(h, &ws);
        }
        model
    }

    /// An empty model for these classes, room made for `features` and `entries`.
    fn with_capacity(classes: Vec<String>, features: usize, entries: usize) -> Model {
        Model {
            classes,
            index: FxHashMap::with_capacity_and_hasher(features, Default::default()),
            entries: Vec::with_capacity(entries),
            dense: Vec::new(),
        }
    }

    /// Adds a feature's weights: a dense row when it has many classes.
    fn push_feature(&mut self, h: u64, ws: &[(u16, f32)]) {
        let n = self.classes.len();
        if ws.len() * DENSE_SHARE > n && n > 16 {
            let row = self.dense.len() / n;
            self.dense.resize(self.dense.len() + n, 0.0);
            for &(c, w) in ws {
                self.dense[row * n + c as usize] = w;
            }
            self.index.insert(h, (row as u32, u32::MAX));
        } else {
            self.index
                .insert(h, (self.entries.len() as u32, ws.len() as u32));
            self.entries.extend_from_slice(ws);
        }
    }

    /// Each feature's weights as (class, weight) pairs, features sorted by hash.
    fn sparse(&self) -> Vec<(u64, Vec<(u16, f32)>)> {
        let n = self.classes.len();
        let mut out: Vec<(u64, Vec<(u16, f32)>)> = self
            .index
            .iter()
            .map(|(&h, &(start, len))| {
                let ws = if len == u32::MAX {
                    let row = &self.dense[start as usize * n..(start as usize + 1) * n];
                    row.iter()
                        .enumerate()
                        .filter(|(_, w)| **w != 0.0)
                        .map(|(c, w)| (c as u16, *w))
                        .collect()
                } else {
                    self.entries[start as usize..(start + len) as usize].to_vec()
                };
                (h, ws)
            })
            .collect();
        out.sort_unstable_by_key(|(h, _)| *h);
        out
    }
}

impl Model {
    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes.len()
    }

    /// A class's name.
    pub fn class_name(&self, class: u16) -> &str {
        &self.classes[class as usize]
    }

    /// A class's number, if the model has it.
    pub fn class_of(&self, name: &str) -> Option<u16> {
        self.classes
            .iter()
            .position(|c| c == name)
            .map(|i| i as u16)
    }

    /// The number of features with weights.
    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// Adds the weights of `features` into `scores` (one slot a class, zeroed by the caller).
    pub fn scores_into(&self, features: &Features, scores: &mut [f32]) {
        for h in &features.hashes {
            match self.index.get(h) {
                Some(&(row, u32::MAX)) => {
                    let n = scores.len();
                    let row = &self.dense[row as usize * n..(row as usize + 1) * n];
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                }
                Some(&(start, n)) => {
                    for &(c, w) in &self.entries[start as usize..(start + n) as usize] {
                        scores[c as usize] += w;
                    }
                }
                None => {}
            }
        }
    }

    /// The best class for `features`, among `allowed` when given (and not empty). Ties go to the
    /// lowest class number.
    pub fn predict(&self, features: &Features, allowed: Option<&[u16]>) -> u16 {
        let mut scores = vec![0f32; self.classes.len()];
        self.predict_with(features, allowed, &mut scores)
    }

    /// Looks up each feature's weights once, for several predictions over the same features
    /// ([`predict_resolved`](Model::predict_resolved)).
    pub fn resolve(&self, features: &Features, out: &mut Vec<(u32, u32)>) {
        out.clear();
        out.extend(
            features
                .hashes
                .iter()
                .filter_map(|h| self.index.get(h).copied()),
        );
    }

    /// The best class among `allowed` from looked-up weights; reads dense rows only at the
    /// allowed classes, and `scores` only there.
    pub fn predict_resolved(
        &self,
        resolved: &[(u32, u32)],
        allowed: &[u16],
        scores: &mut Vec<f32>,
    ) -> u16 {
        let n = self.classes.len();
        if scores.len() != n {
            scores.clear();
            scores.resize(n, 0.0);
        }
        for &c in allowed {
            scores[c as usize] = 0.0;
        }
        for &(start, len) in resolved {
            if len == u32::MAX {
                let row = &self.dense[start as usize * n..(start as usize + 1) * n];
                for &c in allowed {
                    scores[c as usize] += row[c as usize];
                }
            } else {
                for &(c, w) in &self.entries[start as usize..(start + len) as usize] {
                    scores[c as usize] += w;
                }
            }
        }
        let mut top: Option<(u16, f32)> = None;
        for &c in allowed {
            let s = scores[c as usize];
            if top.is_none_or(|(tc, ts)| s > ts || (s == ts && c < tc)) {
                top = Some((c, s));
            }
        }
        top.map_or(0, |(c, _)| c)
    }

    /// [`predict`](Model::predict) with a caller's score buffer (no allocation per call). When
    /// few classes are allowed, dense rows are read only at those classes.
    pub fn predict_with(
        &self,
        features: &Features,
        allowed: Option<&[u16]>,
        scores: &mut Vec<f32>,
    ) -> u16 {
        let n = self.classes.len();
        scores.clear();
        scores.resize(n, 0.0);
        match allowed {
            Some(a) if !a.is_empty() && a.len() * 4 < n => {
                for h in &features.hashes {
                    match self.index.get(h) {
                        Some(&(row, u32::MAX)) => {
                            let row = &self.dense[row as usize * n..(row as usize + 1) * n];
                            for &c in a {
                                scores[c as usize] += row[c as usize];
                            }
                        }
                        Some(&(start, len)) => {
                            for &(c, w) in &self.entries[start as usize..(start + len) as usize] {
                                scores[c as usize] += w;
                            }
                        }
                        None => {}
                    }
                }
            }
            _ => self.scores_into(features, scores),
        }
        best(scores, allowed)
    }

    /// The model as bytes (see [`from_bytes`](Model::from_bytes)): features sorted by hash, so
    /// the same model always gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        for c in &self.classes {
            out.extend_from_slice(&(c.len() as u32).to_le_bytes());
            out.extend_from_slice(c.as_bytes());
        }
        let sparse = self.sparse();
        out.extend_from_slice(&(sparse.len() as u32).to_le_bytes());
        for (h, ws) in &sparse {
            out.extend_from_slice(&h.to_le_bytes());
            out.extend_from_slice(&(ws.len() as u32).to_le_bytes());
        }
        for (_, ws) in &sparse {
            for (c, _) in ws {
                out.extend_from_slice(&c.to_le_bytes());
            }
        }
        for (_, ws) in &sparse {
            for (_, w) in ws {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`to_bytes`](Model::to_bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::Magic);
        }
        let n_classes = r.u32()? as usize;
        if n_classes > u16::MAX as usize + 1 {
            return Err(ModelError::Truncated(r.at));
        }
        let mut classes = Vec::with_capacity(n_classes);
        for _ in 0..n_classes {
            let len = r.u32()? as usize;
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Utf8)?;
            classes.push(name.to_string());
        }
        let n_features = r.u32()? as usize;
        let table = r.take(
            n_features
                .checked_mul(12)
                .ok_or(ModelError::Truncated(r.at))?,
        )?;
        let mut counts = Vec::with_capacity(n_features);
        let mut total: usize = 0;
        for chunk in table.chunks_exact(12) {
            let h = u64::from_le_bytes(chunk[..8].try_into().expect("8 bytes"));
            let n = u32::from_le_bytes(chunk[8..].try_into().expect("4 bytes")) as usize;
            counts.push((h, n));
            total = total.checked_add(n).ok_or(ModelError::Truncated(r.at))?;
        }
        let class_bytes = r.take(total.checked_mul(2).ok_or(ModelError::Truncated(r.at))?)?;
        let weight_bytes = r.take(total.checked_mul(4).ok_or(ModelError::Truncated(r.at))?)?;
        if r.at != bytes.len() {
            return Err(ModelError::Truncated(r.at));
        }
        let mut classes_iter = class_bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]));
        let mut weights_iter = weight_bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let mut model = Model::with_capacity(classes, n_features, total);
        let mut ws = Vec::new();
        for (h, n) in counts {
            ws.clear();
            for _ in 0..n {
                let (Some(c), Some(w)) = (classes_iter.next(), weights_iter.next()) else {
                    return Err(ModelError::Truncated(r.at));
                };
                if c as usize >= n_classes {
                    return Err(ModelError::Truncated(r.at));
                }
                ws.push((c, w));
            }
            model.push_feature(h, &ws);
        }
        Ok(model)
    }
}

/// The index of the highest score (among `allowed`, when given and not empty); ties go to the
/// lowest class number.
pub fn best(scores: &[f32], allowed: Option<&[u16]>) -> u16 {
    let mut top: Option<(u16, f32)> = None;
    let mut consider = |c: u16| {
        let s = scores[c as usize];
        if top.is_none_or(|(tc, ts)| s > ts || (s == ts && c < tc)) {
            top = Some((c, s));
        }
    };
    match allowed {
        Some(a) if !a.is_empty() => a.iter().for_each(|&c| consider(c)),
        _ => (0..scores.len() as u16).for_each(&mut consider),
    }
    top.map_or(0, |(c, _)| c)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ModelError::Truncated(self.at))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
}

/// One weight being learned: its current value and the step-weighted sum of its updates (for the
/// average).
#[derive(Clone, Copy, Debug, Default)]
struct Weight {
    class: u16,
    w: f32,
    /// Σ step × update, so that the average over steps is `w - u / steps`.
    u: f64,
}

/// Learns a [`Model`] with the averaged perceptron.
#[derive(Debug, Default)]
pub struct Trainer {
    classes: Vec<String>,
    class_ids: FxHashMap<String, u16>,
    weights: FxHashMap<u64, Vec<Weight>>,
    /// Examples seen (the perceptron's clock, from 1).
    steps: u64,
    /// Mistakes made (updates).
    mistakes: u64,
}

impl Trainer {
    /// An empty trainer.
    pub fn new() -> Trainer {
        Trainer::default()
    }

    /// The number of a class, adding it on first sight.
    pub fn class_id(&mut self, name: &str) -> u16 {
        if let Some(&id) = self.class_ids.get(name) {
            return id;
        }
        let id = u16::try_from(self.classes.len()).expect("at most 65,536 classes");
        self.classes.push(name.to_string());
        self.class_ids.insert(name.to_string(), id);
        id
    }

    /// The number of a class already seen.
    pub fn known_class(&self, name: &str) -> Option<u16> {
        self.class_ids.get(name).copied()
    }

    /// A class's name.
    pub fn class_name(&self, class: u16) -> &str {
        &self.classes[class as usize]
    }

    /// The classes seen so far.
    pub fn classes(&self) -> usize {
        self.classes.len()
    }

    /// The current (not averaged) scores, one a class.
    fn scores(&self, features: &Features) -> Vec<f32> {
        let mut scores = vec![0f32; self.classes.len().max(1)];
        for h in &features.hashes {
            if let Some(ws) = self.weights.get(h) {
                for w in ws {
                    scores[w.class as usize] += w.w;
                }
            }
        }
        scores
    }

    /// The current (not averaged) prediction, as used while learning.
    pub fn predict(&self, features: &Features, allowed: Option<&[u16]>) -> u16 {
        best(&self.scores(features), allowed)
    }

    /// One step: predicts, and when the gold class does not score strictly above every other
    /// (a wrong guess, or a tie won by the lower class number) moves the weights toward `gold`
    /// and away from its strongest rival. Returns the prediction made before the update.
    pub fn learn(&mut self, features: &Features, gold: u16, allowed: Option<&[u16]>) -> u16 {
        self.steps += 1;
        let mut scores = self.scores(features);
        let guess = best(&scores, allowed);
        let gold_score = scores[gold as usize];
        // The best class other than gold.
        scores[gold as usize] = f32::NEG_INFINITY;
        let rival = best(&scores, allowed);
        let rival_known = allowed.is_none_or(|a| a.is_empty() || a.contains(&rival));
        if rival != gold && rival_known && scores[rival as usize] >= gold_score {
            if guess != gold {
                self.mistakes += 1;
            }
            for h in &features.hashes {
                let ws = self.weights.entry(*h).or_default();
                update(ws, gold, 1.0, self.steps);
                update(ws, rival, -1.0, self.steps);
            }
        }
        guess
    }

    /// Steps and mistakes so far.
    pub fn progress(&self) -> (u64, u64) {
        (self.steps, self.mistakes)
    }

    /// The averaged model; weights that average to zero are dropped.
    pub fn finish(self) -> Model {
        let steps = self.steps.max(1) as f64;
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort_unstable();
        let mut sparse = Vec::with_capacity(keys.len());
        for h in keys {
            let mut ws = self.weights[h].clone();
            ws.sort_unstable_by_key(|w| w.class);
            let kept: Vec<(u16, f32)> = ws
                .into_iter()
                .map(|w| (w.class, (f64::from(w.w) - w.u / steps) as f32))
                .filter(|(_, avg)| *avg != 0.0)
                .collect();
            if !kept.is_empty() {
                sparse.push((*h, kept));
            }
        }
        Model::build(self.classes, sparse)
    }
}

fn update(ws: &mut Vec<Weight>, class: u16, delta: f32, step: u64) {
    let w = match ws.iter_mut().find(|w| w.class == class) {
        Some(w) => w,
        None => {
            ws.push(Weight {
                class,
                ..Weight::default()
            });
            ws.last_mut().expect("just pushed")
        }
    };
    w.w += delta;
    w.u += step as f64 * f64::from(delta);
}

/// Splits `items` into those kept for training and every `k`-th one from the `k`-th on (indexes
/// `k-1`, `2k-1`, …) held out: the same split every time.
pub fn hold_out_every<T>(items: Vec<T>, k: usize) -> (Vec<T>, Vec<T>) {
    let (mut kept, mut held) = (Vec::new(), Vec::new());
    for (i, item) in items.into_iter().enumerate() {
        if k > 0 && i % k == k - 1 {
            held.push(item);
        } else {
            kept.push(item);
        }
    }
    (kept, held)
}

/// Fold `fold` of `k` for cross-validation: (the items to train on, the items of the fold), items
/// dealt to folds in turn.
pub fn fold_split<T: Clone>(items: &[T], k: usize, fold: usize) -> (Vec<T>, Vec<T>) {
    let (mut fit, mut score) = (Vec::new(), Vec::new());
    for (i, item) in items.iter().enumerate() {
        if k > 0 && i % k == fold {
            score.push(item.clone());
        } else {
            fit.push(item.clone());
        }
    }
    (fit, score)
}

/// The `fold`th of `k` consecutive pieces of `items` to score, the rest to fit: for items in
/// an order that matters (sentences of articles), where [`fold_split`]'s interleaving would put
/// neighbours on both sides.
pub fn block_split<T: Clone>(items: &[T], k: usize, fold: usize) -> (Vec<T>, Vec<T>) {
    let n = items.len();
    // No folds: nothing to score.
    let start = (fold.min(k) * n).checked_div(k).unwrap_or(n);
    let end = ((fold + 1).min(k) * n).checked_div(k).unwrap_or(n);
    let fit = items[..start]
        .iter()
        .chain(&items[end..])
        .cloned()
        .collect();
    (fit, items[start..end].to_vec())
}

/// A seeded order of `0..n` (Fisher–Yates driven by SplitMix64): the same seed, the same order.
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed;
    for i in (1..n).rev() {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let j = (mix(state) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy task no single feature solves: the class is the pair of two values.
    fn data(trainer: &mut Trainer) -> Vec<(Features, u16)> {
        let mut out = Vec::new();
        for a in ["x", "y", "z"] {
            for b in ["p", "q"] {
                let mut f = Features::new();
                f.add(1, a);
                f.add(2, b);
                f.add2(3, a, b);
                let class = trainer.class_id(&format!("{a}{b}"));
                out.push((f, class));
            }
        }
        out
    }

    #[test]
    fn block_split_keeps_neighbours_together_and_covers_everything() {
        let items: Vec<u32> = (0..10).collect();
        assert_eq!(
            block_split(&items, 3, 0),
            ((3..10).collect(), vec![0, 1, 2])
        );
        assert_eq!(
            block_split(&items, 3, 2),
            ((0..6).collect(), vec![6, 7, 8, 9])
        );
        let mut scored: Vec<u32> = (0..3).flat_map(|f| block_split(&items, 3, f).1).collect();
        scored.sort();
        assert_eq!(scored, items);
        assert_eq!(block_split(&items, 0, 0).1, Vec::<u32>::new());
    }

    fn train(seed: u64) -> Model {
        let mut trainer = Trainer::new();
        let data = data(&mut trainer);
        for epoch in 0..10 {
            for i in shuffled(data.len(), seed + epoch) {
                trainer.learn(&data[i].0, data[i].1, None);
            }
        }
        trainer.finish()
    }

    #[test]
    fn learns_a_conjunction_and_is_deterministic() {
        let model = train(7);
        let mut t = Trainer::new();
        for (f, gold) in data(&mut t) {
            assert_eq!(model.predict(&f, None), gold);
        }
        assert_eq!(model.to_bytes(), train(7).to_bytes());
    }

    #[test]
    fn allowed_classes_restrict_the_answer() {
        let model = train(1);
        let mut t = Trainer::new();
        let (f, gold) = data(&mut t).remove(0);
        let other = (gold + 1) % model.classes() as u16;
        assert_eq!(model.predict(&f, Some(&[other])), other);
        assert_eq!(model.predict(&f, Some(&[])), gold);
    }

    #[test]
    fn bytes_round_trip_and_bad_files_are_errors() {
        let model = train(3);
        let bytes = model.to_bytes();
        let again = Model::from_bytes(&bytes).unwrap();
        assert_eq!(again.to_bytes(), bytes);
        assert!(matches!(
            Model::from_bytes(b"nope"),
            Err(ModelError::Truncated(_))
        ));
        assert!(matches!(
            Model::from_bytes(b"HDLM\x00\x00\x00\x09rest"),
            Err(ModelError::Magic)
        ));
        for cut in [9, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Model::from_bytes(&longer).is_err());
    }

    #[test]
    fn many_class_features_are_dense_rows_with_the_same_answers() {
        // 40 classes, each with its own feature, and a bias feature shared by all: the bias
        // gets weights for most classes and is kept as a dense row.
        let mut trainer = Trainer::new();
        let data: Vec<(Features, u16)> = (0..40)
            .map(|i| {
                let mut f = Features::new();
                f.add(0, "");
                f.add(1, &i.to_string());
                (f, trainer.class_id(&format!("c{i}")))
            })
            .collect();
        for epoch in 0..5 {
            for i in shuffled(data.len(), epoch) {
                trainer.learn(&data[i].0, data[i].1, None);
            }
        }
        let model = trainer.finish();
        assert!(!model.dense.is_empty(), "the bias is dense");
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again.to_bytes(), model.to_bytes());
        for (f, gold) in &data {
            assert_eq!(model.predict(f, None), *gold);
            assert_eq!(again.predict(f, None), *gold);
        }
    }

    #[test]
    fn every_tenth_is_held_out() {
        let (kept, held) = hold_out_every((0..25).collect(), 10);
        assert_eq!(held, [9, 19]);
        assert_eq!(kept.len(), 23);
    }

    #[test]
    fn shuffles_are_permutations_fixed_by_the_seed() {
        let a = shuffled(100, 42);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
        assert_eq!(a, shuffled(100, 42));
        assert_ne!(a, shuffled(100, 43));
    }
}
