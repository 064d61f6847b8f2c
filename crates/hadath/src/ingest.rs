//! `hadath ingest`, `hadath status`, `hadath export`: articles into the store and events out.
//!
//! Ingest reads files in parallel (rayon), skips documents whose content the store already
//! holds, extracts the rest in parallel, and writes each document with its events in its own
//! transaction, so that a killed run loses nothing committed and the next run resumes where it
//! stopped. Every input ends as a stored document or a recorded failure with its reason.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use hadath_pipeline::{Format, InputError, ReadOptions, read_bytes, read_path};
use hadath_store::{Filter, Outcome, RunStats, Store, content_hash};
use hadath_text::{Document, Lang};
use rayon::prelude::*;

use crate::output;

/// Files handled per batch: read and extracted in parallel, then written in order.
const BATCH: usize = 64;

/// File name endings read as articles when met in a folder (a file named on the command line is
/// read whatever its name).
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "rss", "atom", "xml",
];

/// Whether a file met in a folder is read as an article: an article ending, or no ending at all.
fn is_article_file(path: &std::path::Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(e) => ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()),
    }
}

/// Every file under `paths` (folders read recursively, hidden entries skipped), in a stable order;
/// unreadable folders become failures, and files in folders that are not articles by their name
/// (README.md, photo.jpg) go to `skipped`.
fn collect(
    paths: &[PathBuf],
    failures: &mut Vec<(String, String)>,
    skipped: &mut Vec<PathBuf>,
) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    while let Some(path) = stack.pop() {
        if path.as_os_str() == "-" || !path.is_dir() {
            files.push(path);
            continue;
        }
        // In a folder, NAME.meta.json is NAME.txt's metadata and NAME.gold.jsonl its gold events
        // (the layout `hadath eval` reads): not articles.
        match std::fs::read_dir(&path) {
            Ok(entries) => {
                let mut children: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                            n.starts_with('.')
                                || n.ends_with(".meta.json")
                                || n.ends_with(".gold.jsonl")
                        })
                    })
                    .collect();
                children.sort();
                let (keep, skip): (Vec<PathBuf>, Vec<PathBuf>) = children
                    .into_iter()
                    .partition(|p| p.is_dir() || is_article_file(p));
                skipped.extend(skip);
                stack.extend(keep.into_iter().rev());
            }
            Err(e) => failures.push((
                path.display().to_string(),
                format!("cannot read folder: {e}"),
            )),
        }
    }
    files
}

/// One input's result, on its way to the writer.
enum Item {
    Failure(String, String),
    Unchanged,
    Extracted(Document, Vec<hadath_pipeline::Event>),
}

/// What reading one input gave.
struct Read1 {
    docs: Vec<Document>,
    errors: Vec<InputError>,
}

fn read_input(path: &Path, opts: &ReadOptions) -> Read1 {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            return Read1 {
                docs: Vec::new(),
                errors: vec![InputError::Io {
                    path: "-".into(),
                    source: e,
                }],
            };
        }
        let (docs, errors) = read_bytes("-", &bytes, Format::sniff(&bytes), opts);
        return Read1 { docs, errors };
    }
    let (mut docs, errors) = read_path(path, opts);
    // One document a file: its path is its id, so that files of the same name in different
    // folders stay apart and the same file keeps its id from run to run.
    if docs.len() == 1 && matches!(Format::from_path(path), Format::Text | Format::Html) {
        docs[0].id = path.display().to_string();
        apply_sidecar(path, &mut docs[0]);
    }
    Read1 { docs, errors }
}

/// NAME.meta.json beside NAME.txt (or .html) gives its publication date, url and language.
fn apply_sidecar(path: &Path, doc: &mut Document) {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return;
    };
    let sidecar = path.with_file_name(format!("{stem}.meta.json"));
    let Ok(text) = std::fs::read_to_string(&sidecar) else {
        return;
    };
    let Ok(meta) = serde_json::from_str::<serde_json::Value>(&text) else {
        return;
    };
    if let Some(date) = meta["published"]
        .as_str()
        .and_then(|d| d.get(..10))
        .and_then(|d| d.parse().ok())
    {
        doc.published = Some(date);
    }
    if let Some(url) = meta["url"].as_str() {
        doc.url = Some(url.to_string());
    }
    match meta["lang"].as_str() {
        Some("ar") => doc.lang = Lang::Ar,
        Some("en") => doc.lang = Lang::En,
        _ => {}
    }
}

pub fn run(
    paths: &[PathBuf],
    db: &Path,
    published: Option<jiff::civil::Date>,
    lang: Option<Lang>,
) -> Result<ExitCode> {
    let mut store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let run = store.begin_run()?;
    let opts = ReadOptions { published, lang };
    let mut stats = RunStats::default();
    let mut folder_failures = Vec::new();
    let mut skipped = Vec::new();
    let files = collect(paths, &mut folder_failures, &mut skipped);
    for (source, error) in &folder_failures {
        store.put_failure(run, source, error)?;
        stats.read += 1;
        stats.failed += 1;
    }
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files, {per_sec}, eta {eta} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    // Reading and extraction run on all cores while one thread writes the previous batch.
    let checker = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Item>>(2);
    let writer = std::thread::spawn(move || -> Result<(Store, RunStats)> {
        // A batch is one transaction: a kill loses at most the batch being written, which the
        // next run reads again.
        for batch in receiver {
            stats = store.batch(|store| {
                let mut stats = stats;
                for item in batch {
                    stats.read += 1;
                    match item {
                        Item::Failure(source, reason) => {
                            store.put_failure(run, &source, &reason)?;
                            stats.failed += 1;
                        }
                        Item::Unchanged => stats.unchanged += 1,
                        Item::Extracted(doc, events) => {
                            match store.put_document(run, &doc.id, &doc, &events)? {
                                Outcome::New => stats.new += 1,
                                Outcome::Replaced => stats.replaced += 1,
                                Outcome::Unchanged => stats.unchanged += 1,
                            }
                        }
                    }
                }
                Ok(stats)
            })?;
        }
        Ok((store, stats))
    });
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for batch in files.chunks(BATCH) {
        let read: Vec<Read1> = batch.par_iter().map(|p| read_input(p, &opts)).collect();
        let mut items: Vec<Item> = Vec::new();
        let mut todo: Vec<Document> = Vec::new();
        for r in read {
            for e in r.errors {
                // "path:line: reason" → the input and the reason.
                let message = e.to_string();
                let (source, reason) = message.split_once(": ").unwrap_or((message.as_str(), ""));
                items.push(Item::Failure(source.to_string(), reason.to_string()));
            }
            for doc in r.docs {
                // Two inputs of one run with the same id would overwrite each other: the second
                // is refused by name, the first kept.
                if !seen.insert(doc.id.clone()) {
                    items.push(Item::Failure(
                        doc.id.clone(),
                        "duplicate id: another input of this run has it (first one kept)".into(),
                    ));
                    continue;
                }
                if checker.has_content(&doc.id, &content_hash(&doc))? {
                    items.push(Item::Unchanged);
                } else {
                    todo.push(doc);
                }
            }
        }
        items.extend(
            todo.into_par_iter()
                .map(|doc| {
                    let (events, _) = hadath_pipeline::extract(&doc);
                    Item::Extracted(doc, events)
                })
                .collect::<Vec<_>>(),
        );
        if sender.send(items).is_err() {
            break; // The writer stopped: its error is reported below.
        }
        bar.inc(batch.len() as u64);
    }
    drop(sender);
    let (store, stats) = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the store writer panicked"))??;
    bar.finish_and_clear();
    store.finish_run(run, &stats)?;
    if !skipped.is_empty() {
        let names: Vec<String> = skipped
            .iter()
            .take(5)
            .map(|p| p.display().to_string())
            .collect();
        eprintln!(
            "hadath ingest: {} file{} in folders skipped, not articles by name ({}{}; name a file to read it as text)",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" },
            names.join(", "),
            if skipped.len() > 5 { ", …" } else { "" }
        );
    }
    eprintln!(
        "hadath ingest: {} read, {} new, {} replaced, {} unchanged, {} failed, {} skipped → {}{}",
        stats.read,
        stats.new,
        stats.replaced,
        stats.unchanged,
        stats.failed,
        skipped.len(),
        db.display(),
        if stats.failed > 0 {
            " (hadath status lists the failures)"
        } else {
            ""
        }
    );
    Ok(if stats.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn status(db: &Path) -> Result<ExitCode> {
    if !db.exists() {
        eprintln!(
            "hadath status: {} does not exist (hadath ingest creates it)",
            db.display()
        );
        return Ok(ExitCode::from(2));
    }
    let store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let counts = store.counts()?;
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    writeln!(
        w,
        "{}: {} documents, {} events, {} failed inputs, {} runs",
        db.display(),
        counts.documents,
        counts.events,
        counts.failed,
        counts.runs
    )?;
    for (id, started, finished, s) in store.runs()?.iter().take(10) {
        let state = finished
            .as_deref()
            .map_or("did not finish (killed?)".to_string(), |f| {
                format!("finished {f}")
            });
        writeln!(
            w,
            "run {id}: started {started}, {state}: {} read, {} new, {} replaced, {} unchanged, {} failed",
            s.read, s.new, s.replaced, s.unchanged, s.failed
        )?;
    }
    for f in store.failures()? {
        writeln!(w, "failed {}: {}", f.source, f.error)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export(
    db: &Path,
    format: crate::ExportFormat,
    out: Option<&Path>,
    filter: Filter,
) -> Result<ExitCode> {
    if !db.exists() {
        eprintln!(
            "hadath export: {} does not exist (hadath ingest creates it)",
            db.display()
        );
        return Ok(ExitCode::from(2));
    }
    if format == crate::ExportFormat::Parquet && out.is_none() && std::io::stdout().is_terminal() {
        eprintln!("hadath export: Parquet is binary: pass --out FILE or redirect the output");
        return Ok(ExitCode::from(2));
    }
    let store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let sink: Box<dyn Write + Send> = match out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    };
    // Records stream from the store to the writer, one at a time.
    let handler = |e: anyhow::Error| hadath_store::StoreError::Handler(format!("{e:#}"));
    if format == crate::ExportFormat::Parquet {
        let mut writer = output::ParquetWriter::new(sink)?;
        store.each_record(&filter, &mut |record| {
            writer.write_record(record).map_err(handler)
        })?;
        writer.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let text_format = match format {
        crate::ExportFormat::Json => output::Format::Json,
        crate::ExportFormat::Csv => output::Format::Csv,
        crate::ExportFormat::Geojson => output::Format::GeoJson,
        _ => output::Format::Jsonl,
    };
    let mut writer = output::Writer::new(sink, text_format);
    store.each_event(&filter, &mut |event| writer.write(&event).map_err(handler))?;
    writer.finish()?;
    Ok(ExitCode::SUCCESS)
}
