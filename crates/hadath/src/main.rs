//! `hadath`: event data from Arabic and English news text.
//!
//! The binary is glue: argument parsing, file handling and output formats; the libraries do the work.

mod output;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use hadath_pipeline::{Format, ReadOptions, read_bytes, read_path};
use hadath_text::{Document, Lang};

#[derive(Parser)]
#[command(name = "hadath", version, about = "Event data (who did what to whom, where, when) from Arabic and English news text")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Ar,
    En,
    Auto,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OutFormat {
    Jsonl,
    Json,
    Csv,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events from articles (.txt, .html, .jsonl; `-` for standard input) as JSON Lines.
    Extract {
        /// Input files; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Publication date (YYYY-MM-DD) of inputs that do not carry one.
        #[arg(long, value_parser = parse_date)]
        published: Option<jiff::civil::Date>,
        /// Language of the inputs.
        #[arg(long, value_enum, default_value = "auto")]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: OutFormat,
    },
    /// Score extraction against gold files (NAME.txt + NAME.meta.json + NAME.gold.jsonl).
    Eval {
        /// Gold directories or files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print each matched pair and each unmatched prediction.
        #[arg(long)]
        verbose: bool,
    },
}

fn parse_date(value: &str) -> Result<jiff::civil::Date, String> {
    value.parse().map_err(|_| format!("{value:?} is not a date: use YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("hadath: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract { paths, published, lang, format } => extract(&paths, published, lang, format),
        Command::Eval { paths, verbose } => eval(&paths, verbose),
    }
}

fn extract(paths: &[PathBuf], published: Option<jiff::civil::Date>, lang: LangArg, format: OutFormat) -> Result<ExitCode> {
    let opts = ReadOptions {
        published,
        lang: match lang {
            LangArg::Ar => Some(Lang::Ar),
            LangArg::En => Some(Lang::En),
            LangArg::Auto => None,
        },
    };
    let stdout = std::io::stdout();
    let mut out = output::Writer::new(stdout.lock(), format == OutFormat::Json, format == OutFormat::Csv);
    let mut failed = false;
    for path in paths {
        let documents: Vec<Document> = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
            match read_bytes("-", &bytes, Format::sniff(&bytes), &opts) {
                Ok(docs) => docs,
                Err(e) => {
                    eprintln!("hadath: {e}");
                    failed = true;
                    continue;
                }
            }
        } else {
            let (docs, errors) = read_path(path, &opts);
            for e in &errors {
                eprintln!("hadath: {e}");
            }
            failed |= !errors.is_empty();
            docs
        };
        for doc in documents {
            if doc.published.is_none() {
                eprintln!("hadath: {}: no publication date (pass --published YYYY-MM-DD): relative dates resolved against today", doc.id);
            }
            let (events, diagnostics) = hadath_pipeline::extract(&doc);
            for d in diagnostics.iter().filter(|d| !d.message.starts_with("no publication date")) {
                eprintln!("hadath: {}: {}", doc.id, d.message);
            }
            for event in &events {
                out.write(event)?;
            }
        }
    }
    out.finish()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn eval(paths: &[PathBuf], verbose: bool) -> Result<ExitCode> {
    let docs = hadath_eval::load(paths)?;
    let mut total = hadath_eval::Score::default();
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    writeln!(w, "{:<58} {:>5} {:>5} {:>7} {:>9} {:>6} {:>6} {:>6} {:>6}", "document", "pred", "gold", "req", "req.found", "P", "R.req", "F1", "fatal")?;
    for doc in &docs {
        let (events, _) = hadath_pipeline::extract(&doc.document);
        let s = hadath_eval::score(&events, &doc.events);
        writeln!(
            w,
            "{:<58} {:>5} {:>5} {:>7} {:>9} {:>6.2} {:>6.2} {:>6.2} {:>6}",
            doc.document.id,
            s.predicted,
            s.gold,
            s.required,
            s.matched_required,
            s.precision(),
            s.required_recall(),
            s.f1(),
            format!("{}/{}", s.fatalities_correct, s.fatalities_gold)
        )?;
        if verbose {
            for (g, p) in &s.pairs {
                let e = events.iter().find(|e| &e.id == p);
                writeln!(w, "    {g} <- {p} {}", e.map(|e| format!("{} {:?}", e.event_type.as_str(), e.trigger.text)).unwrap_or_default())?;
            }
            for e in events.iter().filter(|e| !s.pairs.iter().any(|(_, p)| p == &e.id)) {
                let place = e.location.as_ref().map(|l| l.name.as_str()).unwrap_or("-");
                writeln!(w, "    unmatched {} {} {:?} {}..{} {} {:?}", e.id, e.event_type.as_str(), e.trigger.text, e.date.start, e.date.end, place, e.factuality)?;
            }
            for g in doc.events.iter().filter(|g| !s.pairs.iter().any(|(gid, _)| gid == &g.id)) {
                writeln!(w, "    missed {} {}{:?} {:?}", g.id, if g.required { "(required) " } else { "" }, g.types, g.evidence)?;
            }
        }
        total.add(&s);
    }
    writeln!(
        w,
        "{:<58} {:>5} {:>5} {:>7} {:>9} {:>6.2} {:>6.2} {:>6.2} {:>6}",
        format!("TOTAL ({} documents)", docs.len()),
        total.predicted,
        total.gold,
        total.required,
        total.matched_required,
        total.precision(),
        total.required_recall(),
        total.f1(),
        format!("{}/{}", total.fatalities_correct, total.fatalities_gold)
    )?;
    Ok(ExitCode::SUCCESS)
}
