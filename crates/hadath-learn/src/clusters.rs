//! Word classes from unlabelled text: the exchange algorithm (Kneser & Ney 1993; Martin,
//! Liermann & Ney 1998). Each word is put in one of `k` classes so that the class bigram model
//! fits the text best; words then move, one at a time, to whichever class raises the likelihood
//! most, for a few passes. Words in the same class appear in the same contexts (names of people,
//! of towns, verbs of saying…), which gives a tagger something to go on for words it never saw
//! labelled. Deterministic: the initial classes and the order of moves follow the words' ranks.

use rustc_hash::FxHashMap;

/// `x ln x`, 0 for 0.
fn xlogx(x: f64) -> f64 {
    if x > 0.0 { x * x.ln() } else { 0.0 }
}

/// Word classes learned from sentences of word ids (`0..vocab`). Returns each word's class
/// (`0..k`). Words are first dealt to classes in turn by rank of frequency, then moved for up to
/// `passes` passes (fewer when a pass moves nothing).
pub fn exchange(sentences: &[Vec<u32>], vocab: usize, k: usize, passes: usize) -> Vec<u16> {
    assert!(k >= 2 && k <= u16::MAX as usize, "2 to 65,535 classes");
    // Bigram counts by word: successors and predecessors.
    let mut succ: Vec<FxHashMap<u32, u32>> = vec![FxHashMap::default(); vocab];
    let mut pred: Vec<FxHashMap<u32, u32>> = vec![FxHashMap::default(); vocab];
    let mut freq = vec![0u64; vocab];
    for s in sentences {
        for w in s {
            freq[*w as usize] += 1;
        }
        for pair in s.windows(2) {
            *succ[pair[0] as usize].entry(pair[1]).or_default() += 1;
            *pred[pair[1] as usize].entry(pair[0]).or_default() += 1;
        }
    }
    let mut order: Vec<usize> = (0..vocab).collect();
    order.sort_by(|a, b| freq[*b].cmp(&freq[*a]).then(a.cmp(b)));
    let mut class = vec![0u16; vocab];
    for (rank, &w) in order.iter().enumerate() {
        class[w] = (rank % k) as u16;
    }
    // Class bigram counts and the margins.
    let mut n = vec![0f64; k * k];
    let (mut left, mut right) = (vec![0f64; k], vec![0f64; k]);
    for (w, ss) in succ.iter().enumerate() {
        for (&v, &c) in ss {
            let (a, b) = (class[w] as usize, class[v as usize] as usize);
            n[a * k + b] += f64::from(c);
            left[a] += f64::from(c);
            right[b] += f64::from(c);
        }
    }
    let mut to_class = vec![0f64; k];
    let mut from_class = vec![0f64; k];
    let mut touched: Vec<usize> = Vec::new();
    for _ in 0..passes {
        let mut moved = 0;
        for &w in &order {
            if freq[w] == 0 {
                continue;
            }
            let a = class[w] as usize;
            // The word's bigrams by the class of the other word; its own bigrams (w w) aside.
            touched.clear();
            let mut self_pairs = 0f64;
            for (&v, &c) in &succ[w] {
                if v as usize == w {
                    self_pairs += f64::from(c);
                    continue;
                }
                let cv = class[v as usize] as usize;
                if to_class[cv] == 0.0 && from_class[cv] == 0.0 {
                    touched.push(cv);
                }
                to_class[cv] += f64::from(c);
            }
            for (&v, &c) in &pred[w] {
                if v as usize == w {
                    continue;
                }
                let cv = class[v as usize] as usize;
                if to_class[cv] == 0.0 && from_class[cv] == 0.0 {
                    touched.push(cv);
                }
                from_class[cv] += f64::from(c);
            }
            let out_w: f64 = succ[w].values().map(|&c| f64::from(c)).sum();
            let in_w: f64 = pred[w].values().map(|&c| f64::from(c)).sum();
            // Take w out of a.
            for &c in &touched {
                n[a * k + c] -= to_class[c];
                n[c * k + a] -= from_class[c];
            }
            n[a * k + a] -= self_pairs;
            left[a] -= out_w;
            right[a] -= in_w;
            // The gain of putting it in b (terms that do not depend on b left out).
            let gain = |b: usize, n: &[f64], left: &[f64], right: &[f64]| -> f64 {
                let mut g = 0.0;
                for &c in &touched {
                    if c == b {
                        continue;
                    }
                    g += xlogx(n[b * k + c] + to_class[c]) - xlogx(n[b * k + c]);
                    g += xlogx(n[c * k + b] + from_class[c]) - xlogx(n[c * k + b]);
                }
                let bb = n[b * k + b] + to_class[b] + from_class[b] + self_pairs;
                g += xlogx(bb) - xlogx(n[b * k + b]);
                g -= xlogx(left[b] + out_w) - xlogx(left[b]);
                g -= xlogx(right[b] + in_w) - xlogx(right[b]);
                g
            };
            let mut best = (a, gain(a, &n, &left, &right));
            for b in 0..k {
                if b != a {
                    let g = gain(b, &n, &left, &right);
                    if g > best.1 + 1e-9 {
                        best = (b, g);
                    }
                }
            }
            let b = best.0;
            for &c in &touched {
                if c != b {
                    n[b * k + c] += to_class[c];
                    n[c * k + b] += from_class[c];
                }
            }
            n[b * k + b] += to_class[b] + from_class[b] + self_pairs;
            left[b] += out_w;
            right[b] += in_w;
            // Pairs between w and words of class a counted above as (a, c=a): they now sit in
            // (b, a) and (a, b); `touched` held them under c = a, handled by the loop.
            if b != a {
                moved += 1;
                class[w] = b as u16;
            }
            for &c in &touched {
                to_class[c] = 0.0;
                from_class[c] = 0.0;
            }
        }
        if moved == 0 {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_same_contexts_share_a_class() {
        // Names follow "said" and precede "arrived"; towns follow "in".
        let vocab = [
            "said", "ali", "omar", "sami", "arrived", "in", "cairo", "amman", "beirut", ".",
        ];
        let id = |w: &str| vocab.iter().position(|v| *v == w).unwrap() as u32;
        let mut sentences = Vec::new();
        for name in ["ali", "omar", "sami"] {
            for town in ["cairo", "amman", "beirut"] {
                for _ in 0..3 {
                    sentences.push(
                        ["said", name, "arrived", "in", town, "."]
                            .iter()
                            .map(|w| id(w))
                            .collect::<Vec<u32>>(),
                    );
                }
            }
        }
        let class = exchange(&sentences, vocab.len(), 6, 10);
        let c = |w: &str| class[id(w) as usize];
        assert_eq!(c("ali"), c("omar"));
        assert_eq!(c("omar"), c("sami"));
        assert_eq!(c("cairo"), c("amman"));
        assert_eq!(c("amman"), c("beirut"));
        assert_ne!(c("ali"), c("cairo"));
        // The same input, the same classes.
        assert_eq!(class, exchange(&sentences, vocab.len(), 6, 10));
    }
}
