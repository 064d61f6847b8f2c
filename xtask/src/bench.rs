//! `cargo xtask bench [--mb N] [--no-geo] [--no-morph] [--no-ner]`: whole-pipeline throughput on
//! real Arabic news text (`--no-morph`, `--no-ner`: without the Arabic word analyser, without the
//! name recogniser).
//!
//! The corpus is built in memory from ../shared/data (never written or committed): the ANERcorp
//! training tokens re-joined into sentences, and the gsr-ar dev sentences, grouped into ~3 KB
//! articles and repeated until the total reaches N MB (default 10). One thread; the figure is per core.
//! Start-up is measured as the wall time of `hadath extract` on a one-line file (a fresh process:
//! lexicons, gazetteer and all) with the release binary built alongside.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use hadath_text::{Document, Lang};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data")
}

fn corpus() -> Result<Vec<String>> {
    let data = shared();
    let mut sentences = Vec::new();
    let anercorp = std::fs::read_to_string(data.join("anercorp/ANERCorp_reconstructed_train.txt"))
        .context("ANERcorp train split")?;
    let mut current: Vec<&str> = Vec::new();
    for line in anercorp.lines() {
        match line.rsplit_once(' ') {
            Some((token, _tag)) if !token.is_empty() => current.push(token),
            _ => {
                if !current.is_empty() {
                    sentences.push(current.join(" "));
                    current.clear();
                }
            }
        }
    }
    let gsr = std::fs::read_to_string(data.join("gsr-ar/dev.jsonl")).context("gsr-ar dev")?;
    for line in gsr.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if let Some(t) = v["text"].as_str() {
            sentences.push(t.to_string());
        }
    }
    // ~3 KB articles, one sentence a line.
    let mut docs = Vec::new();
    let mut doc = String::new();
    for s in sentences {
        doc.push_str(&s);
        doc.push('\n');
        if doc.len() >= 3000 {
            docs.push(std::mem::take(&mut doc));
        }
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

pub fn run(args: &[String]) -> Result<()> {
    let mb: f64 = args
        .windows(2)
        .find(|w| w[0] == "--mb")
        .and_then(|w| w[1].parse().ok())
        .unwrap_or(10.0);
    let base = corpus()?;
    if !args.iter().any(|a| a == "--no-geo") {
        geo(&base)?;
    }
    let base_bytes: usize = base.iter().map(String::len).sum();
    if base_bytes == 0 {
        bail!("empty corpus");
    }
    let published: jiff::civil::Date = "2008-01-01".parse()?;
    let target = (mb * 1e6) as usize;
    let mut docs = Vec::new();
    let mut total = 0usize;
    'fill: loop {
        for (i, text) in base.iter().enumerate() {
            docs.push(Document {
                id: format!("bench-{}", docs.len() + i),
                text: text.clone(),
                lang: Lang::Ar,
                published: Some(published),
                url: None,
            });
            total += text.len();
            if total >= target {
                break 'fill;
            }
        }
    }
    // Warm-up: first use loads the lexicons and the gazetteer.
    let warm = Instant::now();
    let _ = hadath_event::extract(&docs[0]);
    let first_call = warm.elapsed();
    let options = hadath_event::Options {
        morphology: !args.iter().any(|a| a == "--no-morph"),
        entities: !args.iter().any(|a| a == "--no-ner"),
        ..hadath_event::Options::default()
    };
    let start = Instant::now();
    let mut n_events = 0usize;
    for doc in &docs {
        n_events += hadath_event::extract_with(doc, &options).0.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "corpus: {} distinct articles ({:.2} MB), repeated to {} articles, {:.2} MB",
        base.len(),
        base_bytes as f64 / 1e6,
        docs.len(),
        total as f64 / 1e6
    );
    println!(
        "first call (lexicons + gazetteer load + one article): {:.1} ms",
        first_call.as_secs_f64() * 1e3
    );
    println!(
        "throughput, one thread: {:.2} MB/s, {:.0} events/s, {:.0} articles/s ({} events in {:.2} s)",
        total as f64 / 1e6 / secs,
        n_events as f64 / secs,
        docs.len() as f64 / secs,
        n_events,
        secs
    );
    startup()?;
    Ok(())
}

fn startup() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let bin = crate::release_binary(&root)?;
    let input = std::env::temp_dir().join("hadath-bench-startup.txt");
    std::fs::write(&input, "قتل شخص في هجوم على مركز للشرطة في بغداد أمس.\n")?;
    let mut times = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let out = std::process::Command::new(&bin)
            .args([
                "extract",
                input.to_str().unwrap_or_default(),
                "--published",
                "2022-01-06",
            ])
            .output()?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
        if !out.status.success() {
            bail!("hadath extract failed");
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "start-up (process, all data, one sentence), median of 10: {:.1} ms",
        times[times.len() / 2]
    );
    Ok(())
}

/// Peak resident memory of this process so far, in MB (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The gazetteer alone: opening the index, name lookups, geocoding with ranking, transliteration.
fn geo(corpus: &[String]) -> Result<()> {
    use hadath_geo::{Gazetteer, GeoContext, GeocodeOptions, name_key};
    let bytes = Gazetteer::embedded_bytes();
    let t = Instant::now();
    let mut opened = 0usize;
    for _ in 0..20 {
        opened += Gazetteer::open(bytes).map(|g| g.len()).unwrap_or(0);
    }
    let open_ms = t.elapsed().as_secs_f64() * 1e3 / 20.0;
    let g = Gazetteer::embedded();
    let t = Instant::now();
    let verified = g.verify();
    let verify_ms = t.elapsed().as_secs_f64() * 1e3;
    // Every place's main name, folded as the pipeline folds it.
    let keys: Vec<String> = (0..g.len() as u32)
        .filter_map(|i| g.place(i))
        .map(|p| name_key(p.name()))
        .collect();
    let t = Instant::now();
    let mut found = 0usize;
    for k in &keys {
        found += usize::from(g.lookup(k).next().is_some());
    }
    let lookup_s = t.elapsed().as_secs_f64();
    let names: Vec<&str> = (0..g.len() as u32)
        .step_by(5)
        .filter_map(|i| g.place(i))
        .map(|p| p.name())
        .collect();
    let options = GeocodeOptions {
        transliterate: false,
        ..Default::default()
    };
    let context = GeoContext {
        countries: vec!["KZ".into()],
        near: vec![(43.25, 76.91)],
    };
    let t = Instant::now();
    let mut ranked = 0usize;
    for name in &names {
        ranked += g.geocode(name, &context, &options).len();
    }
    let geocode_s = t.elapsed().as_secs_f64();
    // Arabic words of four letters or more from the corpus, read by transliteration.
    let mut words: Vec<String> = Vec::new();
    for text in corpus {
        for w in text.split(|c: char| !c.is_alphabetic()) {
            if w.chars().count() >= 4
                && w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
                && words.len() < 20_000
            {
                words.push(name_key(w));
            }
        }
    }
    let t = Instant::now();
    let mut readings = 0usize;
    for w in &words {
        readings += g.transliterate(w, 0.45).len();
    }
    let translit_s = t.elapsed().as_secs_f64();
    println!(
        "gazetteer: {} places, {:.1} MB; open {:.3} ms (checksum verify {:.0} ms, {verified}); {opened} places opened",
        g.len(),
        bytes.len() as f64 / 1e6,
        open_ms,
        verify_ms
    );
    println!(
        "  name lookups: {:.0}/s ({} names, {found} found)",
        keys.len() as f64 / lookup_s,
        keys.len()
    );
    println!(
        "  geocode with ranking and context (no transliteration): {:.0}/s ({} names, {ranked} candidates)",
        names.len() as f64 / geocode_s,
        names.len()
    );
    println!(
        "  transliteration of Arabic words: {:.0}/s ({} words, {readings} readings)",
        words.len() as f64 / translit_s,
        words.len()
    );
    if let Some(mb) = peak_rss_mb() {
        println!(
            "  peak resident memory of the bench process so far (corpus included): {mb:.0} MB"
        );
    }
    Ok(())
}
