//! `hadath train morph|ner` and `hadath eval morph|ner`: the Arabic word analyser (UD
//! Arabic-PADT) and named-entity recogniser (ANERcorp, `src/ner.rs`), trained and scored on the
//! data in ../shared/data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use hadath_morph::conllu::{self, Sentence};
use hadath_morph::model::Analyzer;
use hadath_morph::train::{self, Options};

/// Where the treebanks are, from the repository root.
const DATA: &str = "../shared/data/ud-arabic-padt";
/// Where the analyser is written and read.
const MODEL: &str = "crates/hadath-morph/models/ar-padt.morph";

/// Models `hadath train` makes.
#[derive(Subcommand)]
pub enum TrainWhat {
    /// The Arabic word analyser (segmentation, tags, lemmas) from PADT (UD v1.3 dev, less the
    /// tenth kept for tuning).
    Morph {
        /// The folder of ud-arabic-padt.
        #[arg(long, default_value = DATA)]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = MODEL)]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Seed of the example order.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// The Arabic named-entity recogniser from ANERcorp (the first nine tenths of its training
    /// part; the last tenth is kept for tuning).
    Ner {
        /// The folder of anercorp.
        #[arg(long, default_value = crate::ner::DATA)]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = crate::ner::MODEL)]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 20)]
        epochs: usize,
        /// Seed of the example order.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
}

/// Models `hadath eval` scores.
#[derive(Subcommand)]
pub enum EvalWhat {
    /// The Arabic word analyser: segmentation, UPOS, UFeats, lemma.
    Morph {
        /// The folder of ud-arabic-padt.
        #[arg(long, default_value = DATA)]
        data: PathBuf,
        /// The model.
        #[arg(long, default_value = MODEL)]
        model: PathBuf,
        /// `heldout` (the tenth of PADT dev kept from training, for tuning) or `test` (PADT
        /// test and PUD: the final figures).
        #[arg(long, default_value = "heldout")]
        split: String,
        /// Print the first N wrongly split tokens.
        #[arg(long, default_value_t = 0)]
        errors: usize,
        /// Instead of a saved model: K-fold cross-validation on the training part (PADT dev
        /// less the held-out tenth), training each fold with --epochs: the figure for tuning.
        #[arg(long)]
        cv: Option<usize>,
        /// Passes over the data, with --cv.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
    },
    /// Event coding on the UniversalPetrarch Arabic gold standard (gsr-ar dev): category recall,
    /// precision, actor codes; and sentence-level detection of ASSAULT and PROTEST.
    Gsr {
        /// The folder of gsr-ar.
        #[arg(long, default_value = "../shared/data/gsr-ar")]
        data: PathBuf,
        /// Instead: K-fold cross-validation of the sentence detector on gsr-ar dev (the rules
        /// alone, the rules with the detector, the detector alone).
        #[arg(long)]
        cv: Option<usize>,
        /// Passes over the data, with --cv.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// With --cv: the detector says no only below this margin (0: whichever scores higher).
        #[arg(long, default_value_t = 0.0)]
        threshold: f32,
        /// Without the Arabic word analyser (to measure what it changes).
        #[arg(long)]
        no_morph: bool,
        /// Without the Arabic name recogniser (to measure what it changes).
        #[arg(long)]
        no_ner: bool,
    },
    /// Event coding on PLOVER's English gold-standard records (322 sentences of the CAMEO
    /// manual, PLOVER 0.5b1 categories mapped to today's): type found, precision, actor codes.
    Plover {
        /// The records file.
        #[arg(
            long,
            default_value = "../shared/data/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt"
        )]
        data: PathBuf,
        /// Which records: `tune` (the even-numbered: for changing lexicons and rules), `check`
        /// (the odd-numbered: for reporting what the changes did), or `all`.
        #[arg(long, default_value = "all")]
        part: String,
    },
    /// The Arabic named-entity recogniser: exact-span precision, recall and F1 by type.
    Ner {
        /// The folder of anercorp.
        #[arg(long, default_value = crate::ner::DATA)]
        data: PathBuf,
        /// The model.
        #[arg(long, default_value = crate::ner::MODEL)]
        model: PathBuf,
        /// `dev` (the last tenth of the training part, for tuning) or `test` (the final
        /// figure).
        #[arg(long, default_value = "dev")]
        split: String,
        /// Instead of the saved model: 5-fold cross-validation on the training part (each fold
        /// a fifth of it in one piece), once with every feature group and once per group left
        /// out.
        #[arg(long)]
        ablation: bool,
        /// Passes over the data, with --ablation.
        #[arg(long, default_value_t = 20)]
        epochs: usize,
    },
}

/// PADT v1.3 dev, split into training (nine sentences in ten) and held-out (every tenth).
fn padt_dev(data: &Path) -> Result<(Vec<Sentence>, Vec<Sentence>)> {
    let path = data.join("legacy-v1.3/ar-ud-dev.conllu.gz");
    let all = conllu::read(&path).map_err(anyhow::Error::msg)?;
    Ok(hadath_learn::hold_out_every(all, 10))
}

pub fn train(what: TrainWhat) -> Result<ExitCode> {
    let (data, out, epochs, seed) = match what {
        TrainWhat::Morph {
            data,
            out,
            epochs,
            seed,
        } => (data, out, epochs, seed),
        TrainWhat::Ner {
            data,
            out,
            epochs,
            seed,
        } => return crate::ner::train(&data, &out, epochs, seed),
    };
    let (sentences, _) = padt_dev(&data)?;
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training on {} sentences, {words} words (PADT UD v1.3 dev less every tenth sentence)",
        sentences.len()
    );
    let started = Instant::now();
    let analyzer = train::train(&sentences, Options { epochs, seed }, &mut |m| {
        eprintln!("  {m}")
    });
    let bytes = analyzer.to_bytes();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "{}: {:.1} MB, trained in {:.1} s (segmentation {} classes, tags {}, lemma scripts {})",
        out.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        analyzer.seg.classes(),
        analyzer.tag.classes(),
        analyzer.lemma.classes()
    );
    Ok(ExitCode::SUCCESS)
}

fn cross_validate(data: &Path, k: usize, epochs: usize) -> Result<ExitCode> {
    let (sentences, _) = padt_dev(data)?;
    let mut total = train::Scores::default();
    for fold in 0..k {
        let (fit, score) = hadath_learn::fold_split(&sentences, k, fold);
        let analyzer = train::train(&fit, Options { epochs, seed: 2026 }, &mut |_| {});
        total.add(&train::evaluate(&analyzer, &score, &mut |_, _, _| {}));
    }
    let s = total;
    let (_, _, f1) = s.segmentation_prf();
    say!(
        "{k}-fold cross-validation, {epochs} epochs, {} words: split {} F1 {:.2} | gold seg UPOS {} UFeats {} both {} lemma {} | predicted seg UPOS {} UFeats {} both {} lemma {}",
        s.gold_words,
        pct(s.tokens_split_right, s.tokens),
        100.0 * f1,
        pct(s.gold_seg[0], s.gold_words),
        pct(s.gold_seg[1], s.gold_words),
        pct(s.gold_seg[2], s.gold_words),
        pct(s.gold_seg[3], s.gold_words),
        pct(s.pred_seg[0], s.gold_words),
        pct(s.pred_seg[1], s.gold_words),
        pct(s.pred_seg[2], s.gold_words),
        pct(s.pred_seg[3], s.gold_words),
    );
    Ok(ExitCode::SUCCESS)
}

fn pct(n: usize, d: usize) -> String {
    format!("{:.2}", 100.0 * n as f64 / d.max(1) as f64)
}

pub fn eval(what: EvalWhat) -> Result<ExitCode> {
    let (data, model, split, errors, cv, epochs) = match what {
        EvalWhat::Morph {
            data,
            model,
            split,
            errors,
            cv,
            epochs,
        } => (data, model, split, errors, cv, epochs),
        EvalWhat::Ner {
            data,
            model,
            split,
            ablation,
            epochs,
        } => return crate::ner::eval(&data, &model, &split, ablation, epochs),
        EvalWhat::Gsr {
            data,
            cv,
            epochs,
            threshold,
            no_morph,
            no_ner,
        } => return gsr(&data, cv, epochs, threshold, no_morph, no_ner),
        EvalWhat::Plover { data, part } => return plover(&data, &part),
    };
    if let Some(k) = cv {
        return cross_validate(&data, k.max(2), epochs);
    }
    let started = Instant::now();
    let bytes = std::fs::read(&model).with_context(|| format!("reading {}", model.display()))?;
    let analyzer = Analyzer::from_bytes(&bytes).context("reading the model")?;
    let load_ms = started.elapsed().as_secs_f64() * 1e3;
    let sentences = match split.as_str() {
        "heldout" => padt_dev(&data)?.1,
        "test" => conllu::read(&data.join("legacy-v1.3/ar-ud-test.conllu.gz"))
            .map_err(anyhow::Error::msg)?,
        other => bail!("--split {other:?}: heldout or test"),
    };
    let started = Instant::now();
    let mut shown = 0;
    let s = train::evaluate(&analyzer, &sentences, &mut |token, predicted, gold| {
        if shown < errors {
            // A closed pipe here is seen (and ends the command) at the next line printed below.
            let _ = std::io::Write::write_fmt(
                &mut std::io::stdout(),
                format_args!(
                    "split error: {token}: {} (gold {})\n",
                    predicted.join(" + "),
                    gold.join(" + ")
                ),
            );
            shown += 1;
        }
    });
    let secs = started.elapsed().as_secs_f64();
    let (p, r, f1) = s.segmentation_prf();
    say!(
        "PADT UD v1.3 {split}: {} sentences, {} written tokens, {} words",
        sentences.len(),
        s.tokens,
        s.gold_words
    );
    say!(
        "model {} ({:.1} MB, loaded in {load_ms:.1} ms)",
        model.display(),
        bytes.len() as f64 / 1e6
    );
    say!(
        "segmentation: tokens split right {}%, words P {:.2} R {:.2} F1 {:.2}",
        pct(s.tokens_split_right, s.tokens),
        100.0 * p,
        100.0 * r,
        100.0 * f1
    );
    say!("| segmentation | UPOS | UFeats | UPOS+UFeats | lemma |");
    say!("|---|---|---|---|---|");
    say!(
        "| gold | {} | {} | {} | {} |",
        pct(s.gold_seg[0], s.gold_words),
        pct(s.gold_seg[1], s.gold_words),
        pct(s.gold_seg[2], s.gold_words),
        pct(s.gold_seg[3], s.gold_words)
    );
    say!(
        "| predicted | {} | {} | {} | {} |",
        pct(s.pred_seg[0], s.gold_words),
        pct(s.pred_seg[1], s.gold_words),
        pct(s.pred_seg[2], s.gold_words),
        pct(s.pred_seg[3], s.gold_words)
    );
    // Speed over all of PADT dev (more words than the held-out tenth: a steadier figure).
    let (fit, held) = padt_dev(&data)?;
    let all: Vec<Sentence> = fit.into_iter().chain(held).collect();
    let (tag, full) = train::speed(&analyzer, &all, 2.0);
    say!(
        "speed, one thread: tagging {tag:.0} words/s; segmenting + tagging {full:.0} words/s (evaluation {secs:.2} s)"
    );
    if split == "test" {
        let pud = conllu::read(&data.join("ud-arabic-pud/ar_pud-ud-test.conllu"))
            .map_err(anyhow::Error::msg)?;
        let (n, upos, lemma) = train::evaluate_unsplit(&analyzer, &pud);
        say!(
            "PUD (out of domain, {} sentences, {n} words, clitics not split): UPOS {}%, lemma {}%",
            pud.len(),
            pct(upos, n),
            pct(lemma, n)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `hadath eval plover`.
fn plover(data: &Path, part: &str) -> Result<ExitCode> {
    use hadath_eval::plover;
    let text =
        std::fs::read_to_string(data).with_context(|| format!("reading {}", data.display()))?;
    let keep = match part {
        "all" => |_: usize| true,
        "tune" => |i: usize| i.is_multiple_of(2),
        "check" => |i: usize| i % 2 == 1,
        other => anyhow::bail!("--part {other}: expected tune, check or all"),
    };
    let records: Vec<plover::Record> = plover::read(&text)
        .map_err(anyhow::Error::msg)?
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, r)| r)
        .collect();
    let started = Instant::now();
    let s = plover::score(&records, &hadath_event::Options::default());
    let secs = started.elapsed().as_secs_f64();
    let rate = |(right, of): (usize, usize)| format!("{}% ({right}/{of})", pct(right, of));
    say!(
        "PLOVER gold-standard records (English, PLOVER 0.5b1 categories mapped: {}): {} sentences ({part})",
        plover::CATEGORY_MAP
            .iter()
            .map(|(old, new)| format!("{old} → {new}"))
            .collect::<Vec<_>>()
            .join(", "),
        s.records
    );
    say!("| measure | hadath |");
    say!("|---|---|");
    say!(
        "| type found (the record's type among hadath's events) | {} |",
        rate(s.found())
    );
    say!(
        "| precision (hadath's events of the record's type) | {} |",
        rate((s.predicted.1, s.predicted.0))
    );
    for (name, codes) in [("source", s.source), ("target", s.target)] {
        say!(
            "| {name} country / sector / both right, type found | {} / {} / {} |",
            rate(codes[0]),
            rate(codes[1]),
            rate(codes[2])
        );
    }
    say!(
        "| speed | {:.0} sentences/s, one thread |",
        s.records as f64 / secs.max(1e-9)
    );
    say!();
    say!("| type | found |");
    say!("|---|---|");
    for (t, found, n) in &s.by_type {
        say!("| {t} | {} |", rate((*found, *n)));
    }
    Ok(ExitCode::SUCCESS)
}

/// `hadath eval gsr`.
fn gsr(
    data: &Path,
    cv: Option<usize>,
    epochs: usize,
    threshold: f32,
    no_morph: bool,
    no_ner: bool,
) -> Result<ExitCode> {
    use hadath_eval::gsr;
    let options = hadath_event::Options {
        morphology: !no_morph,
        entities: !no_ner,
        ..hadath_event::Options::default()
    };
    let read = |name: &str| {
        let path = data.join(name);
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
    };
    let coded = gsr::read_coded(&read("dev.jsonl")?).map_err(anyhow::Error::msg)?;
    if let Some(k) = cv {
        let detect = gsr::read_detect(&read("detect-dev.csv")?).map_err(anyhow::Error::msg)?;
        let examples = gsr::examples(&detect, &coded);
        let (scores, recall) = gsr::cross_validate(&examples, &coded, k.max(2), epochs, threshold);
        say!(
            "{k}-fold cross-validation of the sentence detector, {epochs} epochs, {} examples (detect-dev.csv less ambiguous, and the coded sentences)",
            examples.len()
        );
        say!("| detection | question | P | R | F1 | difficult no detected |");
        say!("|---|---|---|---|---|---|");
        for (m, name) in ["rules alone", "rules + detector", "detector alone"]
            .iter()
            .enumerate()
        {
            for (t, q) in ["ASSAULT", "PROTEST"].iter().enumerate() {
                let s = scores[m][t];
                let (p, r, f) = s.prf();
                say!(
                    "| {name} | {q} | {:.2} | {:.2} | {:.2} | {}% ({}/{}) |",
                    100.0 * p,
                    100.0 * r,
                    100.0 * f,
                    pct(s.difficult.1, s.difficult.0),
                    s.difficult.1,
                    s.difficult.0
                );
            }
        }
        say!(
            "coded sentences, category found: rules alone {}%, rules + detector {}% (of {})",
            pct(recall[0].0, recall[0].1),
            pct(recall[1].0, recall[1].1),
            recall[0].1
        );
        return Ok(ExitCode::SUCCESS);
    }
    let s = gsr::score_coded(&coded, &options);
    let n = s.sentences[0] + s.sentences[1];
    let found = s.found[0] + s.found[1];
    let rate = |(right, of): (usize, usize)| format!("{}% ({right}/{of})", pct(right, of));
    say!(
        "gsr-ar dev: {n} coded sentences (PROTEST {}, ASSAULT {})",
        s.sentences[0],
        s.sentences[1]
    );
    say!("| measure | hadath | UniversalPetrarch (SOURCE.md) |");
    say!("|---|---|---|");
    say!(
        "| category recall | {}% (PROTEST {}%, ASSAULT {}%) | 10.4% (PROTEST 2.2%, ASSAULT 15.9%) |",
        pct(found, n),
        pct(s.found[0], s.sentences[0]),
        pct(s.found[1], s.sentences[1])
    );
    say!(
        "| precision of PROTEST/ASSAULT events | {}% ({}/{}) | 71.2% |",
        pct(s.predicted_right, s.predicted),
        s.predicted_right,
        s.predicted
    );
    say!(
        "| source code exactly right, category found | {} | 11.4% |",
        rate(s.source[2])
    );
    say!(
        "| source country / agent right | {} / {} | country 40.0% |",
        rate(s.source[0]),
        rate(s.source[1])
    );
    say!(
        "| target code exactly right, category found | {} | 20.0% |",
        rate(s.target[2])
    );
    say!(
        "| target country / agent right | {} / {} | |",
        rate(s.target[0]),
        rate(s.target[1])
    );
    say!(
        "| source / target code exactly right, countries only as written (the gold's convention) | {} / {} | |",
        rate(s.written[0]),
        rate(s.written[1])
    );
    let words = |(same, shared, marked): (usize, usize, usize)| {
        format!("{} / {}", rate((same, marked)), rate((shared, marked)))
    };
    say!(
        "| source text: same words / a word shared, category found | {} | |",
        words(s.source_text)
    );
    say!(
        "| target text: same words / a word shared, category found | {} | |",
        words(s.target_text)
    );
    say!(
        "| speed | {:.0} sentences/s, one thread, from raw text | 64 sentences/s, parse given |",
        n as f64 / s.secs
    );
    let detect = gsr::read_detect(&read("detect-dev.csv")?).map_err(anyhow::Error::msg)?;
    let d = gsr::score_detect(&detect, &options);
    say!();
    say!(
        "detect-dev.csv: {} sentences; yes against easy no + difficult no, ambiguous left out",
        detect.len()
    );
    say!("| question | P | R | F1 | difficult no detected | ambiguous left out |");
    say!("|---|---|---|---|---|---|");
    for (k, name) in ["ASSAULT", "PROTEST"].iter().enumerate() {
        let (p, r, f) = d[k].prf();
        say!(
            "| {name} | {:.2} | {:.2} | {:.2} | {}% ({}/{}) | {} |",
            100.0 * p,
            100.0 * r,
            100.0 * f,
            pct(d[k].difficult.1, d[k].difficult.0),
            d[k].difficult.1,
            d[k].difficult.0,
            d[k].ambiguous
        );
    }
    Ok(ExitCode::SUCCESS)
}
