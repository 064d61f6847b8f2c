//! Training and evaluation on UD treebanks.

use hadath_learn::{Features, Trainer, shuffled};
use rustc_hash::FxHashSet;

use crate::conllu::{Sentence, Word};
use crate::model::{
    Analyzer, MIN_HOST, Role, edit_script, known_hash, lemma_features, segment_features,
    tag_features,
};
use crate::surface::{self, Split};

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Passes over the data for each model.
    pub epochs: usize,
    /// Seed of the example order.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            epochs: 10,
            seed: 2026,
        }
    }
}

/// A sentence as written tokens with their gold splits.
pub struct Prepared {
    /// Written tokens.
    pub tokens: Vec<String>,
    /// Gold split of each token (`None` when the splitter cannot produce it).
    pub gold: Vec<Option<String>>,
    /// Gold words of each token.
    pub words: Vec<Vec<Word>>,
}

/// The tag class of a word: `UPOS|FEATS`.
pub fn tag_of(w: &Word) -> String {
    format!("{}|{}", w.upos, w.feats)
}

/// Rebuilds a sentence's written tokens and finds each one's gold split label.
pub fn prepare(s: &Sentence) -> Prepared {
    let tokens = surface::rebuild(&s.words);
    let mut out = Prepared {
        tokens: Vec::new(),
        gold: Vec::new(),
        words: Vec::new(),
    };
    for t in tokens {
        let words: Vec<Word> = s.words[t.first..=t.last].to_vec();
        let forms: Vec<&str> = words.iter().map(|w| w.form.as_str()).collect();
        let label = surface::splits(&t.text, MIN_HOST)
            .into_iter()
            .find(|sp| sp.words == forms)
            .map(|sp| sp.label);
        out.tokens.push(t.text);
        out.gold.push(label);
        out.words.push(words);
    }
    out
}

fn roles(n: usize, host: usize) -> impl Iterator<Item = Role> {
    (0..n).map(move |k| {
        if n == 1 {
            Role::Whole
        } else if k < host {
            Role::Proclitic
        } else if k == host {
            Role::Host
        } else {
            Role::Enclitic
        }
    })
}

/// Gold syntactic words of a prepared sentence with their roles.
fn gold_words(p: &Prepared) -> Vec<(&Word, Role)> {
    let mut out = Vec::new();
    for (words, label) in p.words.iter().zip(&p.gold) {
        let host = label.as_deref().map_or(0, |l| {
            l.split('|').next().map_or(0, |procs| procs.chars().count())
        });
        let host = host.min(words.len() - 1);
        for (w, r) in words.iter().zip(roles(words.len(), host)) {
            out.push((w, r));
        }
    }
    out
}

/// Trains the analyser on `sentences`; `log` hears progress.
pub fn train(sentences: &[Sentence], opts: Options, log: &mut dyn FnMut(String)) -> Analyzer {
    let prepared: Vec<Prepared> = sentences.iter().map(prepare).collect();
    let mut known: FxHashSet<u64> = FxHashSet::default();
    for p in &prepared {
        for (w, role) in gold_words(p) {
            if matches!(role, Role::Whole | Role::Host) {
                known.insert(known_hash(&w.form));
            }
        }
    }

    // Segmentation.
    let mut seg = Trainer::new();
    seg.class_id("||");
    let mut f = Features::new();
    let mut items: Vec<(Features, u16, Vec<u16>)> = Vec::new();
    let mut unreachable = 0;
    for p in &prepared {
        let tokens: Vec<&str> = p.tokens.iter().map(String::as_str).collect();
        for (i, gold) in p.gold.iter().enumerate() {
            let Some(gold) = gold else {
                unreachable += 1;
                continue;
            };
            let splits = surface::splits(tokens[i], MIN_HOST);
            if splits.len() <= 1 {
                continue;
            }
            segment_features(&tokens, i, &splits, &known, &mut f);
            let allowed: Vec<u16> = splits.iter().map(|s| seg.class_id(&s.label)).collect();
            let gold = seg.class_id(gold);
            items.push((f.clone(), gold, allowed));
        }
    }
    for epoch in 0..opts.epochs {
        let before = seg.progress().1;
        for i in shuffled(items.len(), opts.seed + epoch as u64) {
            let (f, gold, allowed) = &items[i];
            seg.learn(f, *gold, Some(allowed));
        }
        log(format!(
            "segmentation epoch {}: {} mistakes in {} ambiguous tokens",
            epoch + 1,
            seg.progress().1 - before,
            items.len()
        ));
    }
    log(format!(
        "segmentation: {} classes; {unreachable} tokens the splitter cannot produce, left out",
        seg.classes()
    ));

    // Tags, with the model's own previous tags as history.
    let mut tag = Trainer::new();
    let sents: Vec<Vec<(&Word, Role)>> = prepared.iter().map(gold_words).collect();
    let gold_tags: Vec<Vec<u16>> = sents
        .iter()
        .map(|s| s.iter().map(|(w, _)| tag.class_id(&tag_of(w))).collect())
        .collect();
    let gold_upos: Vec<Vec<u16>> = sents
        .iter()
        .map(|s| {
            s.iter()
                .map(|(w, _)| tag.class_id(&format!("U:{}", w.upos)))
                .collect()
        })
        .collect();
    let mut names: Vec<String> = Vec::new();
    for epoch in 0..opts.epochs {
        let (upos_classes, tags_by_upos) =
            crate::model::tag_classes(|c| tag.class_name(c), tag.classes());
        let before = tag.progress().1;
        for i in shuffled(sents.len(), opts.seed + 100 + epoch as u64) {
            let words: Vec<(&str, Role)> = sents[i]
                .iter()
                .map(|(w, r)| (w.form.as_str(), *r))
                .collect();
            names.clear();
            for j in 0..words.len() {
                let prev: Vec<&str> = names.iter().map(String::as_str).collect();
                tag_features(&words, j, &prev, &mut f);
                // The part of speech among parts of speech; the full tag among the gold part of
                // speech's tags. Both in one model, on the same features.
                let gold_u = gold_upos[i][j];
                tag.learn(&f, gold_u, Some(&upos_classes));
                let allowed = tags_by_upos.get(&gold_u).map(Vec::as_slice).unwrap_or(&[]);
                let guess = tag.learn(&f, gold_tags[i][j], Some(allowed));
                names.push(tag.class_name(guess).to_string());
            }
        }
        log(format!(
            "tag epoch {}: {} mistakes",
            epoch + 1,
            tag.progress().1 - before
        ));
    }

    // Lemmas, given gold tags.
    let mut lemma = Trainer::new();
    let mut lemma_items: Vec<(Features, u16)> = Vec::new();
    for s in &sents {
        for (w, _) in s {
            let script = edit_script(&w.form, &w.lemma);
            lemma_features(&w.form, &tag_of(w), &mut f);
            lemma_items.push((f.clone(), lemma.class_id(&script)));
        }
    }
    // A script must fit the form (as at analysis time).
    let index =
        crate::model::ScriptIndex::new((0..lemma.classes() as u16).map(|c| lemma.class_name(c)));
    let lemma_allowed: Vec<Vec<u16>> = sents
        .iter()
        .flatten()
        .map(|(w, _)| {
            let mut v = Vec::new();
            index.fitting(&w.form, &mut v);
            v
        })
        .collect();
    for epoch in 0..opts.epochs {
        let before = lemma.progress().1;
        for i in shuffled(lemma_items.len(), opts.seed + 200 + epoch as u64) {
            let (f, gold) = &lemma_items[i];
            if lemma_allowed[i].contains(gold) {
                lemma.learn(f, *gold, Some(&lemma_allowed[i]));
            }
        }
        log(format!(
            "lemma epoch {}: {} mistakes",
            epoch + 1,
            lemma.progress().1 - before
        ));
    }
    Analyzer::new(seg.finish(), tag.finish(), lemma.finish(), known)
}

/// Scores of an evaluation.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scores {
    /// Written tokens.
    pub tokens: usize,
    /// Tokens split exactly as gold.
    pub tokens_split_right: usize,
    /// Gold syntactic words.
    pub gold_words: usize,
    /// Predicted syntactic words.
    pub predicted_words: usize,
    /// Predicted words matching gold (in correctly split tokens, or the same form in place).
    pub words_right: usize,
    /// With gold segmentation: UPOS, UFeats, both, lemma right.
    pub gold_seg: [usize; 4],
    /// With predicted segmentation: UPOS, UFeats, both, lemma right (words of rightly split
    /// tokens only; the rest count as wrong).
    pub pred_seg: [usize; 4],
}

impl Scores {
    /// Adds another evaluation's counts (cross-validation folds).
    pub fn add(&mut self, o: &Scores) {
        self.tokens += o.tokens;
        self.tokens_split_right += o.tokens_split_right;
        self.gold_words += o.gold_words;
        self.predicted_words += o.predicted_words;
        self.words_right += o.words_right;
        for k in 0..4 {
            self.gold_seg[k] += o.gold_seg[k];
            self.pred_seg[k] += o.pred_seg[k];
        }
    }

    /// Segmentation word precision, recall and F1.
    pub fn segmentation_prf(&self) -> (f64, f64, f64) {
        let p = self.words_right as f64 / self.predicted_words.max(1) as f64;
        let r = self.words_right as f64 / self.gold_words.max(1) as f64;
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

fn right(w: &Word, tag: &str, lemma: &str) -> [bool; 4] {
    let (upos, feats) = tag.split_once('|').unwrap_or((tag, "_"));
    let u = upos == w.upos;
    let fe = feats == w.feats;
    [u, fe, u && fe, lemma == w.lemma]
}

/// Hears a wrongly split token: as written, the predicted words, the gold words.
pub type SplitErrors<'a> = dyn FnMut(&str, &[String], &[&str]) + 'a;

/// Scores the analyser on treebank sentences whose written tokens are rebuilt (PADT-style);
/// `errors` hears each wrongly split token.
pub fn evaluate(an: &Analyzer, sentences: &[Sentence], errors: &mut SplitErrors) -> Scores {
    let mut s = Scores::default();
    for sentence in sentences {
        let p = prepare(sentence);
        let tokens: Vec<&str> = p.tokens.iter().map(String::as_str).collect();
        // Gold segmentation.
        let gold = gold_words(&p);
        let words: Vec<(&str, Role)> = gold.iter().map(|(w, r)| (w.form.as_str(), *r)).collect();
        let tagged = an.tag_words(&words);
        for ((w, _), (tag, lemma)) in gold.iter().zip(tagged) {
            for (k, ok) in right(w, tag, &lemma).into_iter().enumerate() {
                s.gold_seg[k] += usize::from(ok);
            }
        }
        // Predicted segmentation.
        let splits: Vec<Split> = an.segment(&tokens);
        let mut words: Vec<(&str, Role)> = Vec::new();
        for sp in &splits {
            for (w, r) in sp.words.iter().zip(roles(sp.words.len(), sp.host)) {
                words.push((w.as_str(), r));
            }
        }
        let tagged = an.tag_words(&words);
        let mut at = 0;
        for (i, sp) in splits.iter().enumerate() {
            s.tokens += 1;
            s.gold_words += p.words[i].len();
            s.predicted_words += sp.words.len();
            let gold_forms: Vec<&str> = p.words[i].iter().map(|w| w.form.as_str()).collect();
            if sp.words == gold_forms {
                s.tokens_split_right += 1;
                s.words_right += sp.words.len();
                for (k, w) in p.words[i].iter().enumerate() {
                    let (tag, lemma) = &tagged[at + k];
                    for (m, ok) in right(w, tag, lemma).into_iter().enumerate() {
                        s.pred_seg[m] += usize::from(ok);
                    }
                }
            } else {
                errors(&p.tokens[i], &sp.words, &gold_forms);
                // Words in common, by form, counted once each.
                let mut rest: Vec<&str> = gold_forms.clone();
                for w in &sp.words {
                    if let Some(pos) = rest.iter().position(|g| g == w) {
                        rest.swap_remove(pos);
                        s.words_right += 1;
                    }
                }
            }
            at += sp.words.len();
        }
    }
    s
}

/// UPOS and lemma of treebanks whose words are written tokens (no clitics split, as in PUD): each
/// word is segmented and its host's analysis compared with the gold word. Returns (words, UPOS
/// right, lemma right).
pub fn evaluate_unsplit(an: &Analyzer, sentences: &[Sentence]) -> (usize, usize, usize) {
    let (mut n, mut upos, mut lemma) = (0, 0, 0);
    for sentence in sentences {
        let tokens: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let analysed = an.analyse(&tokens);
        for a in analysed.iter().filter(|a| a.host) {
            let gold = &sentence.words[a.token];
            n += 1;
            upos += usize::from(a.upos == gold.upos);
            lemma += usize::from(a.lemma == gold.lemma);
        }
    }
    (n, upos, lemma)
}

/// Words per second, one thread, of tagging gold words and of segmenting + tagging written
/// tokens, each pass repeated over `sentences` until `min_secs` have passed.
pub fn speed(an: &Analyzer, sentences: &[Sentence], min_secs: f64) -> (f64, f64) {
    let prepared: Vec<Prepared> = sentences.iter().map(prepare).collect();
    let gold: Vec<Vec<(&str, Role)>> = prepared
        .iter()
        .map(|p| {
            gold_words(p)
                .into_iter()
                .map(|(w, r)| (w.form.as_str(), r))
                .collect()
        })
        .collect();
    let tokens: Vec<Vec<&str>> = prepared
        .iter()
        .map(|p| p.tokens.iter().map(String::as_str).collect())
        .collect();
    let words: usize = gold.iter().map(Vec::len).sum();
    let time = |f: &dyn Fn()| {
        let started = std::time::Instant::now();
        let mut rounds = 0;
        while rounds == 0 || started.elapsed().as_secs_f64() < min_secs {
            f();
            rounds += 1;
        }
        (words * rounds) as f64 / started.elapsed().as_secs_f64()
    };
    let tag = time(&|| {
        for s in &gold {
            std::hint::black_box(an.tag_words(s));
        }
    });
    let full = time(&|| {
        for t in &tokens {
            std::hint::black_box(an.analyse(t));
        }
    });
    (tag, full)
}
