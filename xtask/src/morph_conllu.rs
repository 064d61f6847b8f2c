//! `cargo xtask morph-conllu OUT_DIR`: PADT UD v1.3 as hadath trains and scores on it — diacritics
//! stripped, written tokens rebuilt from clitics (multiword token lines, `# text`) — split as
//! `hadath train morph` splits it: `train.conllu` (dev less every tenth sentence), `heldout.conllu`
//! (every tenth), `test.conllu`. For peer baselines (bench/udpipe_morph.py) trained on exactly
//! the same data. The data is CC BY-NC-SA: write it outside the repository.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, bail};
use hadath_morph::conllu::{self, Sentence};
use hadath_morph::surface;

fn write(path: &Path, sentences: &[Sentence]) -> Result<()> {
    let mut out = String::new();
    for (n, s) in sentences.iter().enumerate() {
        let tokens = surface::rebuild(&s.words);
        let text: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        writeln!(out, "# sent_id = {}", n + 1)?;
        writeln!(out, "# text = {}", text.join(" "))?;
        for t in &tokens {
            if t.last > t.first {
                writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t_",
                    t.first + 1,
                    t.last + 1,
                    t.text
                )?;
            }
            for i in t.first..=t.last {
                let w = &s.words[i];
                // No syntax: every word hangs from the first, so the file stays valid CoNLL-U.
                let (head, rel) = if i == 0 { (0, "root") } else { (1, "dep") };
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{head}\t{rel}\t_\t_",
                    i + 1,
                    w.form,
                    w.lemma,
                    w.upos,
                    w.xpos,
                    w.feats
                )?;
            }
        }
        out.push('\n');
    }
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

/// How often rebuilt tokens are words of real, unsegmented Arabic news text (ANERcorp's training
/// part and the gsr-ar sentences, diacritics stripped): tokens rebuilt from several words, by the
/// spelling rule applied, next to tokens of one word. A rule that wrote tokens wrongly would show
/// as a rate far under the one-word rate.
fn consistency(root: &Path, sentences: &[Sentence]) -> Result<()> {
    let data = root.join("../shared/data");
    let mut vocab = std::collections::HashSet::new();
    let aner = std::fs::read_to_string(data.join("anercorp/ANERCorp_reconstructed_train.txt"))?;
    for line in aner.lines() {
        if let Some((w, _)) = line.rsplit_once(' ') {
            vocab.insert(conllu::strip(w));
        }
    }
    let gsr = std::fs::read_to_string(data.join("gsr-ar/dev.jsonl"))?;
    for line in gsr.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        for w in v["text"]
            .as_str()
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
        {
            if !w.is_empty() {
                vocab.insert(conllu::strip(w));
            }
        }
    }
    // (tokens, rebuilt found, plain concatenation found) by kind.
    let mut counts: std::collections::BTreeMap<&str, (usize, usize, usize)> = Default::default();
    for s in sentences {
        for t in surface::rebuild(&s.words) {
            if !t
                .text
                .chars()
                .any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
            {
                continue;
            }
            let host = &s.words[t.host];
            let kind = if t.last == t.first {
                "one word"
            } else if t.host > t.first
                && s.words[t.host - 1].form == "ل"
                && host.form.starts_with("ال")
            {
                "ل + ال → لل"
            } else if t.last > t.host && host.form.ends_with('ة') {
                "ة → ت before an enclitic"
            } else if t.last > t.host && host.form.ends_with('ى') {
                "ى → ا before an enclitic"
            } else if t.last > t.host && host.form.ends_with("اء") {
                "اء → اؤ/ائ before an enclitic"
            } else if t.last > t.host {
                "other host + enclitic"
            } else {
                "other proclitics + host"
            };
            let plain: String = s.words[t.first..=t.last]
                .iter()
                .map(|w| w.form.as_str())
                .collect();
            let e = counts.entry(kind).or_default();
            e.0 += 1;
            e.1 += usize::from(vocab.contains(&t.text));
            e.2 += usize::from(t.last > t.first && vocab.contains(&plain));
        }
    }
    println!(
        "rebuilt tokens found as words of ANERcorp train + gsr-ar ({} distinct words), and the words merely concatenated:",
        vocab.len()
    );
    for (kind, (n, found, plain)) in counts {
        println!(
            "  {kind}: {n} tokens, rebuilt found {found} ({:.1}%), concatenated found {plain}",
            100.0 * found as f64 / n.max(1) as f64
        );
    }
    Ok(())
}

pub fn run(args: &[String]) -> Result<()> {
    let Some(out) = args.first() else {
        bail!("usage: cargo xtask morph-conllu OUT_DIR");
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let data = root.join("../shared/data/ud-arabic-padt/legacy-v1.3");
    let dev = conllu::read(&data.join("ar-ud-dev.conllu.gz")).map_err(anyhow::Error::msg)?;
    let test = conllu::read(&data.join("ar-ud-test.conllu.gz")).map_err(anyhow::Error::msg)?;
    // The split `hadath train morph` makes.
    let (train, held) = hadath_learn::hold_out_every(dev, 10);
    consistency(&root, &train)?;
    let out = Path::new(out);
    std::fs::create_dir_all(out)?;
    write(&out.join("train.conllu"), &train)?;
    write(&out.join("heldout.conllu"), &held)?;
    write(&out.join("test.conllu"), &test)?;
    println!(
        "{}: train {} sentences, heldout {}, test {}",
        out.display(),
        train.len(),
        held.len(),
        test.len()
    );
    Ok(())
}
