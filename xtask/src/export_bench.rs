//! `cargo xtask export-bench [--events N]`: a generated store of N events (default 1,000,000:
//! the reference article's events copied under new ids, 1,000 to a document), then the release
//! binary's `hadath export --format parquet` timed on it.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use hadath_store::Store;
use hadath_text::{Document, Lang};

/// The reference article and its events: what the generated stores copy.
pub fn reference_events(root: &Path) -> Result<(Document, Vec<hadath_event::Event>)> {
    let text = std::fs::read_to_string(root.join("examples/kazakhstan-2022-ar.txt"))?;
    let reference = Document {
        id: "ref".into(),
        text,
        lang: Lang::Ar,
        published: "2022-01-06".parse().ok(),
        url: None,
    };
    let (events, _) = hadath_event::extract(&reference);
    if events.is_empty() {
        bail!("no events in the reference article");
    }
    Ok((reference, events))
}

/// Writes a fresh store at `db` of `n` events, 1,000 a document, copied round-robin from the
/// reference article's and passed through `vary` (with their number) first. Returns (documents,
/// events).
pub fn generated_store(
    db: &Path,
    root: &Path,
    n: usize,
    vary: impl Fn(usize, &mut hadath_event::Event) -> Result<()>,
) -> Result<(usize, usize)> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let (reference, events) = reference_events(root)?;
    let mut store = Store::open(db)?;
    let run = store.begin_run()?;
    let per_doc = 1_000;
    let (mut made, mut d) = (0, 0);
    while made < n {
        let doc = Document {
            id: format!("doc{d}"),
            text: format!("{} {d}", reference.text),
            ..reference.clone()
        };
        let batch: Vec<hadath_event::Event> = (0..per_doc.min(n - made))
            .map(|k| -> Result<hadath_event::Event> {
                let mut e = events[k % events.len()].clone();
                e.id = format!("doc{d}#{k}");
                e.doc_id = doc.id.clone();
                vary(made + k, &mut e)?;
                Ok(e)
            })
            .collect::<Result<_>>()?;
        made += batch.len();
        store.put_document(run, &doc.id, &doc, &batch)?;
        d += 1;
    }
    let stats = hadath_store::RunStats {
        read: d as u64,
        new: d as u64,
        ..Default::default()
    };
    store.finish_run(run, &stats)?;
    Ok((d, made))
}

pub fn run(args: &[String]) -> Result<()> {
    let n: usize = args
        .windows(2)
        .find(|w| w[0] == "--events")
        .map_or(Ok(1_000_000), |w| w[1].parse())
        .context("--events N")?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = std::env::temp_dir().join("hadath-export-bench");
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("events.db");
    let started = Instant::now();
    let (d, made) = generated_store(&db, &root, n, |_, _| Ok(()))?;
    println!(
        "store: {made} events in {d} documents, built in {:.1} s ({})",
        started.elapsed().as_secs_f64(),
        db.display()
    );
    let bin = crate::release_binary(&root)?;
    let out = dir.join("events.parquet");
    let started = Instant::now();
    let status = std::process::Command::new(&bin)
        .args([
            "export",
            "--db",
            &db.display().to_string(),
            "--format",
            "parquet",
            "--out",
            &out.display().to_string(),
        ])
        .status()?;
    if !status.success() {
        bail!("hadath export failed");
    }
    let secs = started.elapsed().as_secs_f64();
    let size = std::fs::metadata(&out)?.len();
    println!(
        "export --format parquet: {made} events in {secs:.2} s ({:.0} events/s), {:.1} MB",
        made as f64 / secs,
        size as f64 / 1e6
    );
    Ok(())
}
