//! `hadath train ner` and `hadath eval ner`: the Arabic named-entity recogniser on ANERcorp.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use hadath_ner::{Groups, Recognizer, Scores, Sentence, TYPES};

/// Where ANERcorp is, from the repository root.
pub const DATA: &str = "../shared/data/anercorp";
/// Where the recogniser is written and read.
pub const MODEL: &str = "crates/hadath-ner/models/ar-anercorp.ner";

fn read(path: &Path) -> Result<Vec<Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    hadath_ner::read_conll(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// ANERcorp's training part, split into training (its first nine tenths) and dev (the last
/// tenth): like the test part, dev is whole articles the model has not seen a sentence of. (Every
/// tenth sentence as dev, as until 2026-11-28, shares each dev sentence's article with training
/// and scored six points above held-out articles.)
fn train_dev(data: &Path) -> Result<(Vec<Sentence>, Vec<Sentence>)> {
    let mut fit = read(&data.join("ANERCorp_reconstructed_train.txt"))?;
    let dev = fit.split_off(fit.len() - fit.len() / 10);
    Ok((fit, dev))
}

/// Unlabelled Arabic text for the word classes: ANERcorp's training part (its words, not its
/// labels) and the gsr-ar sentences (dev.jsonl, detect-dev.csv), split on spaces and punctuation.
fn unlabelled(data: &Path) -> Result<Vec<Vec<String>>> {
    let mut out: Vec<Vec<String>> = read(&data.join("ANERCorp_reconstructed_train.txt"))?
        .into_iter()
        .map(|s| s.tokens)
        .collect();
    let gsr = data.join("../gsr-ar");
    let split = |text: &str| -> Vec<String> {
        let mut words = Vec::new();
        let mut word = String::new();
        for c in text.chars() {
            if c.is_alphanumeric() || matches!(c, '\u{064B}'..='\u{0652}') {
                word.push(c);
            } else {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                if !c.is_whitespace() {
                    words.push(c.to_string());
                }
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        words
    };
    if let Ok(text) = std::fs::read_to_string(gsr.join("dev.jsonl")) {
        for s in hadath_eval::gsr::read_coded(&text).map_err(anyhow::Error::msg)? {
            out.push(split(&s.text));
        }
    }
    if let Ok(text) = std::fs::read_to_string(gsr.join("detect-dev.csv")) {
        for s in hadath_eval::gsr::read_detect(&text).map_err(anyhow::Error::msg)? {
            out.push(split(&s.text));
        }
    }
    Ok(out)
}

fn clusters(data: &Path) -> Result<hadath_ner::Clusters> {
    let text = unlabelled(data)?;
    let started = Instant::now();
    let c = hadath_ner::Clusters::learn(&text, 10);
    eprintln!(
        "word classes: {} words from {} unlabelled sentences, in {:.1} s",
        c.len(),
        text.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(c)
}

pub fn train(data: &Path, out: &Path, epochs: usize, seed: u64) -> Result<ExitCode> {
    let (sentences, _) = train_dev(data)?;
    let clusters = clusters(data)?;
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    eprintln!(
        "training on {} sentences, {tokens} tokens (ANERcorp training part less every tenth sentence)",
        sentences.len()
    );
    let started = Instant::now();
    let rec = hadath_ner::train(&sentences, Groups::ALL, &clusters, epochs, seed, &mut |m| {
        eprintln!("  {m}")
    });
    let bytes = rec.to_bytes();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "{}: {:.1} MB, {} features, trained in {:.1} s",
        out.display(),
        bytes.len() as f64 / 1e6,
        rec.model().features(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn table(scores: &Scores) -> Result<()> {
    say!("| type | P | R | F1 | gold |");
    say!("|---|---|---|---|---|");
    for (k, t) in TYPES.iter().enumerate() {
        let (p, r, f) = Scores::prf(scores.by_type[k]);
        say!(
            "| {t} | {:.2} | {:.2} | {:.2} | {} |",
            100.0 * p,
            100.0 * r,
            100.0 * f,
            scores.by_type[k].2
        );
    }
    let all = scores.overall();
    let (p, r, f) = Scores::prf(all);
    say!(
        "| **all** | {:.2} | {:.2} | **{:.2}** | {} |",
        100.0 * p,
        100.0 * r,
        100.0 * f,
        all.2
    );
    Ok(())
}

/// Trains on all folds but one and scores on that one, for each of `k` folds of `sentences`;
/// the counts summed.
fn cross_validate(
    sentences: &[Sentence],
    k: usize,
    groups: Groups,
    clusters: &hadath_ner::Clusters,
    epochs: usize,
) -> Scores {
    let mut total = Scores::default();
    for fold in 0..k {
        let (fit, score) = hadath_learn::block_split(sentences, k, fold);
        let rec = hadath_ner::train(&fit, groups, clusters, epochs, 2026, &mut |_| {});
        let (s, _) = hadath_ner::evaluate(&rec, &score);
        for t in 0..TYPES.len() {
            total.by_type[t].0 += s.by_type[t].0;
            total.by_type[t].1 += s.by_type[t].1;
            total.by_type[t].2 += s.by_type[t].2;
        }
    }
    total
}

pub fn eval(
    data: &Path,
    model: &Path,
    split: &str,
    ablation: bool,
    epochs: usize,
) -> Result<ExitCode> {
    let (fit, dev) = train_dev(data)?;
    if ablation {
        // 5-fold cross-validation over the whole training part (dev included), each fold a
        // fifth of it in one piece (whole articles, as the test part is): steadier than dev
        // alone; the test part is never read.
        let all_train: Vec<Sentence> = fit.into_iter().chain(dev).collect();
        say!(
            "ablation: 5-fold cross-validation on ANERcorp's training part ({} sentences), {epochs} epochs",
            all_train.len()
        );
        say!("| features | P | R | F1 |");
        say!("|---|---|---|---|");
        let all = Groups::ALL;
        let word_classes = clusters(data)?;
        for (name, groups) in [
            ("all", all),
            ("without word", Groups { word: false, ..all }),
            ("without stem", Groups { stem: false, ..all }),
            (
                "without context",
                Groups {
                    context: false,
                    ..all
                },
            ),
            (
                "without gazetteer",
                Groups {
                    gazetteer: false,
                    ..all
                },
            ),
            (
                "without word classes",
                Groups {
                    clusters: false,
                    ..all
                },
            ),
            (
                "without history",
                Groups {
                    history: false,
                    ..all
                },
            ),
        ] {
            let s = cross_validate(&all_train, 5, groups, &word_classes, epochs);
            let (p, r, f) = Scores::prf(s.overall());
            say!(
                "| {name} | {:.2} | {:.2} | {:.2} |",
                100.0 * p,
                100.0 * r,
                100.0 * f
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let started = Instant::now();
    let bytes = std::fs::read(model).with_context(|| format!("reading {}", model.display()))?;
    let rec = Recognizer::from_bytes(&bytes).context("reading the model")?;
    let load_ms = started.elapsed().as_secs_f64() * 1e3;
    let sentences = match split {
        "dev" => dev,
        "test" => read(&data.join("ANERCorp_reconstructed_test.txt"))?,
        other => bail!("--split {other:?}: dev or test"),
    };
    let (scores, speed) = hadath_ner::evaluate(&rec, &sentences);
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    say!(
        "ANERcorp {split}: {} sentences, {tokens} tokens; model {} ({:.1} MB, read in {load_ms:.1} ms)",
        sentences.len(),
        model.display(),
        bytes.len() as f64 / 1e6
    );
    table(&scores)?;
    say!("speed, one thread: {speed:.0} tokens/s");
    Ok(ExitCode::SUCCESS)
}
