//! `hadath`: event data from Arabic and English news text.
//!
//! The binary is glue: argument parsing, file handling and output formats; the libraries do the work.

/// `println!` that returns the write error (`?`) instead of panicking: output piped into a reader
/// that stopped (`| head`) ends the command quietly.
macro_rules! say {
    () => {
        say!("")
    };
    ($($arg:tt)*) => {
        std::io::Write::write_fmt(&mut std::io::stdout(), format_args!("{}\n", format_args!($($arg)*)))?
    };
}

mod ingest;
mod morph;
mod ner;
mod output;
mod serve;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use hadath_pipeline::{Format, ReadOptions, read_bytes, read_path};
use hadath_text::{Document, Lang};

#[derive(Parser)]
#[command(
    name = "hadath",
    version,
    about = "Event data (who did what to whom, where, when) from Arabic and English news text"
)]
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
    Geojson,
}

/// Formats of `hadath export`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExportFormat {
    Jsonl,
    Json,
    Csv,
    Geojson,
    Parquet,
}

impl OutFormat {
    fn writer_format(self) -> output::Format {
        match self {
            OutFormat::Jsonl => output::Format::Jsonl,
            OutFormat::Json => output::Format::Json,
            OutFormat::Csv => output::Format::Csv,
            OutFormat::Geojson => output::Format::GeoJson,
        }
    }
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
        /// Add to each record (jsonl, json) why each field has its value: the lexicon rows,
        /// the rules and the words behind it (`explain`).
        #[arg(long)]
        explain: bool,
    },
    /// Score extraction against gold files (NAME.txt + NAME.meta.json + NAME.gold.jsonl), or a
    /// model (`hadath eval morph`).
    #[command(args_conflicts_with_subcommands = true)]
    Eval {
        #[command(subcommand)]
        model: Option<morph::EvalWhat>,
        /// Gold directories or files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print each matched pair and each unmatched prediction.
        #[arg(long)]
        verbose: bool,
        /// Without the Arabic word analyser (to measure what it changes).
        #[arg(long)]
        no_morph: bool,
        /// Without the Arabic name recogniser (to measure what it changes).
        #[arg(long)]
        no_ner: bool,
    },
    /// Train a model from the data in ../shared/data (`hadath train morph`, `hadath train ner`).
    Train {
        #[command(subcommand)]
        what: morph::TrainWhat,
    },
    /// Read articles (files, folders, `-`) into the event store: new, changed and failed inputs
    /// all recorded; unchanged ones skipped.
    Ingest {
        /// Files or folders (read recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The store file.
        #[arg(long, default_value = "hadath.db")]
        db: PathBuf,
        /// Publication date (YYYY-MM-DD) of inputs that do not carry one.
        #[arg(long, value_parser = parse_date)]
        published: Option<jiff::civil::Date>,
        /// Language of the inputs.
        #[arg(long, value_enum, default_value = "auto")]
        lang: LangArg,
    },
    /// What the store holds: counts, runs, and every input that was rejected, with the reason.
    Status {
        /// The store file.
        #[arg(long, default_value = "hadath.db")]
        db: PathBuf,
    },
    /// Events from the store as JSON Lines, JSON, CSV (ACLED-style columns), GeoJSON or Parquet.
    Export {
        /// The store file.
        #[arg(long, default_value = "hadath.db")]
        db: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExportFormat,
        /// Write to this file instead of standard output (Parquet, being binary, wants one
        /// unless the output is redirected).
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Serve the store over HTTP: the web page (map, timeline, table, evidence), the events API
    /// and its OpenAPI description; read-only unless --allow-ingest.
    Serve {
        /// The store file.
        #[arg(long, default_value = "hadath.db")]
        db: PathBuf,
        /// Address to listen on (loopback unless told otherwise; port 0 picks a free one).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Accept documents on POST /api/ingest from clients that send the token of the
        /// environment variable HADATH_INGEST_TOKEN (at least 16 characters) as
        /// `Authorization: Bearer <token>`.
        #[arg(long)]
        allow_ingest: bool,
    },
    /// Ranked GeoNames candidates for a place name (Arabic or Latin script).
    Geocode {
        /// The name as written.
        name: String,
        /// Only places in this country (ISO 3166-1 alpha-2).
        #[arg(long)]
        country: Option<String>,
        /// `en` looks the name up as written only; `ar` and `auto` also read an Arabic name by
        /// transliteration against Latin names.
        #[arg(long, value_enum, default_value = "auto")]
        lang: LangArg,
        /// Candidates to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// One JSON object a candidate instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// Arguments of `hadath export`'s filters.
#[derive(clap::Args)]
struct FilterArgs {
    /// Events ending on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    from: Option<jiff::civil::Date>,
    /// Events starting on or before this day.
    #[arg(long, value_parser = parse_date)]
    to: Option<jiff::civil::Date>,
    /// PLOVER event type (PROTEST, ASSAULT, …).
    #[arg(long = "type")]
    event_type: Option<String>,
    /// Country of the location (ISO 3166-1 alpha-2).
    #[arg(long)]
    country: Option<String>,
    /// One document's events.
    #[arg(long)]
    doc: Option<String>,
}

/// Longest place name `hadath geocode` reads, in bytes.
const MAX_NAME_BYTES: usize = 200;

impl FilterArgs {
    fn into_filter(self) -> hadath_store::Filter {
        hadath_store::Filter {
            from: self.from,
            to: self.to,
            event_type: self.event_type,
            country: self.country,
            doc_id: self.doc,
        }
    }
}

fn lang_option(lang: LangArg) -> Option<Lang> {
    match lang {
        LangArg::Ar => Some(Lang::Ar),
        LangArg::En => Some(Lang::En),
        LangArg::Auto => None,
    }
}

fn parse_date(value: &str) -> Result<jiff::civil::Date, String> {
    value
        .parse()
        .map_err(|_| format!("{value:?} is not a date: use YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        // Output piped into a reader that stopped (`| head`): nothing left to say.
        Err(e) if e.chain().any(broken_pipe) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hadath: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Whether an error is a write to a closed pipe (directly, or inside a JSON or CSV writer's error).
fn broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let kind = if let Some(io) = e.downcast_ref::<std::io::Error>() {
        Some(io.kind())
    } else if let Some(json) = e.downcast_ref::<serde_json::Error>() {
        json.io_error_kind()
    } else if let Some(csv) = e.downcast_ref::<csv::Error>() {
        match csv.kind() {
            csv::ErrorKind::Io(io) => Some(io.kind()),
            _ => None,
        }
    } else {
        None
    };
    kind == Some(std::io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract {
            paths,
            published,
            lang,
            format,
            explain,
        } => extract(&paths, published, lang, format, explain),
        Command::Eval {
            model: Some(what), ..
        } => morph::eval(what),
        Command::Eval {
            paths,
            verbose,
            no_morph,
            no_ner,
            ..
        } => eval(&paths, verbose, no_morph, no_ner),
        Command::Train { what } => morph::train(what),
        Command::Geocode {
            name,
            country,
            lang,
            limit,
            json,
        } => geocode(&name, country.as_deref(), lang, limit, json),
        Command::Serve {
            db,
            addr,
            allow_ingest,
        } => {
            let token = if allow_ingest {
                match std::env::var("HADATH_INGEST_TOKEN") {
                    Ok(t) if t.chars().count() >= serve::MIN_TOKEN_CHARS => Some(t),
                    _ => {
                        eprintln!(
                            "hadath serve: --allow-ingest wants a token of at least {} characters in HADATH_INGEST_TOKEN",
                            serve::MIN_TOKEN_CHARS
                        );
                        return Ok(ExitCode::from(2));
                    }
                }
            } else {
                None
            };
            serve::run(db, addr, token)
        }
        Command::Ingest {
            paths,
            db,
            published,
            lang,
        } => ingest::run(&paths, &db, published, lang_option(lang)),
        Command::Status { db } => ingest::status(&db),
        Command::Export {
            db,
            format,
            out,
            filter,
        } => ingest::export(&db, format, out.as_deref(), filter.into_filter()),
    }
}

fn geocode(
    name: &str,
    country: Option<&str>,
    lang: LangArg,
    limit: usize,
    json: bool,
) -> Result<ExitCode> {
    let gazetteer = hadath_geo::Gazetteer::embedded();
    // Control characters separate words; nothing else is changed.
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        eprintln!("hadath geocode: the name is empty");
        return Ok(ExitCode::from(2));
    }
    if cleaned.len() > MAX_NAME_BYTES {
        eprintln!(
            "hadath geocode: the name is {} bytes long; place names are at most {MAX_NAME_BYTES}",
            cleaned.len()
        );
        return Ok(ExitCode::from(2));
    }
    let mut context = hadath_geo::GeoContext::default();
    if let Some(code) = country {
        let Some(place) = gazetteer.country(code) else {
            eprintln!(
                "hadath geocode: {code:?} is not a country code (ISO 3166-1 alpha-2, like KZ)"
            );
            return Ok(ExitCode::from(2));
        };
        context.countries.push(place.country().to_string());
    }
    let options = hadath_geo::GeocodeOptions {
        transliterate: !matches!(lang, LangArg::En),
        limit: usize::MAX,
        ..Default::default()
    };
    let mut candidates = gazetteer.geocode(cleaned, &context, &options);
    if let Some(code) = country {
        candidates.retain(|c| c.place.country().eq_ignore_ascii_case(code));
    }
    let confidence = hadath_geo::confidence(&candidates);
    candidates.truncate(limit);
    if candidates.is_empty() {
        eprintln!("hadath geocode: no place found for {cleaned:?}");
        return Ok(ExitCode::from(1));
    }
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    if !json {
        writeln!(
            w,
            "{:>4} {:>6} {:<15} {:>5} {:>9} {:<28} {:<2} {:<4} {:>9} {:>10} {:>10}  matched",
            "rank",
            "score",
            "method",
            "cost",
            "geonames",
            "name",
            "cc",
            "adm1",
            "lat",
            "lon",
            "population"
        )?;
    }
    for (rank, c) in candidates.iter().enumerate() {
        let p = c.place;
        let method = match c.method {
            hadath_geo::Method::Name => "name",
            hadath_geo::Method::Transliteration => "transliteration",
        };
        if json {
            let value = serde_json::json!({
                "rank": rank + 1, "score": c.score, "method": method, "reading_cost": c.reading_cost,
                "geonames_id": p.geonames_id(), "name": p.name(), "country": p.country(), "admin1": p.admin1(),
                "kind": if p.kind() == hadath_geo::PlaceKind::Country { "country" } else { "populated_place" },
                "lat": p.lat(), "lon": p.lon(), "population": p.population(), "matched": c.matched,
                "confidence": if rank == 0 { Some(confidence) } else { None },
            });
            writeln!(w, "{value}")?;
        } else {
            writeln!(
                w,
                "{:>4} {:>6.2} {:<15} {:>5.2} {:>9} {:<28} {:<2} {:<4} {:>9.4} {:>10.4} {:>10}  {}",
                rank + 1,
                c.score,
                method,
                c.reading_cost,
                p.geonames_id(),
                p.name(),
                p.country(),
                p.admin1(),
                p.lat(),
                p.lon(),
                p.population(),
                c.matched.as_deref().unwrap_or("")
            )?;
        }
    }
    if !json {
        writeln!(w, "confidence of the first: {confidence:.2}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn extract(
    paths: &[PathBuf],
    published: Option<jiff::civil::Date>,
    lang: LangArg,
    format: OutFormat,
    explain: bool,
) -> Result<ExitCode> {
    let options = hadath_pipeline::Options {
        explain,
        ..hadath_pipeline::Options::default()
    };
    let opts = ReadOptions {
        published,
        lang: match lang {
            LangArg::Ar => Some(Lang::Ar),
            LangArg::En => Some(Lang::En),
            LangArg::Auto => None,
        },
    };
    let stdout = std::io::stdout();
    let mut out = output::Writer::new(stdout.lock(), format.writer_format());
    let mut failed = false;
    for path in paths {
        let documents: Vec<Document> = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            let (docs, errors) = read_bytes("-", &bytes, Format::sniff(&bytes), &opts);
            for e in &errors {
                eprintln!("hadath: {e}");
                failed = true;
            }
            docs
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
                eprintln!(
                    "hadath: {}: no publication date (pass --published YYYY-MM-DD): relative dates resolved against today",
                    doc.id
                );
            }
            let (events, diagnostics) = hadath_pipeline::extract_with(&doc, &options);
            for d in diagnostics
                .iter()
                .filter(|d| !d.message.starts_with("no publication date"))
            {
                eprintln!("hadath: {}: {}", doc.id, d.message);
            }
            for event in &events {
                out.write(&serde_json::to_value(event)?)?;
            }
        }
    }
    out.finish()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn eval(paths: &[PathBuf], verbose: bool, no_morph: bool, no_ner: bool) -> Result<ExitCode> {
    let options = hadath_pipeline::Options {
        morphology: !no_morph,
        entities: !no_ner,
        ..hadath_pipeline::Options::default()
    };
    let docs = hadath_eval::load(paths)?;
    let mut total = hadath_eval::Score::default();
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    writeln!(
        w,
        "{:<58} {:>5} {:>5} {:>7} {:>9} {:>6} {:>6} {:>6} {:>6}",
        "document", "pred", "gold", "req", "req.found", "P", "R.req", "F1", "fatal"
    )?;
    for doc in &docs {
        let (events, _) = hadath_pipeline::extract_with(&doc.document, &options);
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
                writeln!(
                    w,
                    "    {g} <- {p} {}",
                    e.map(|e| format!("{} {:?}", e.event_type.as_str(), e.trigger.text))
                        .unwrap_or_default()
                )?;
            }
            for e in events
                .iter()
                .filter(|e| !s.pairs.iter().any(|(_, p)| p == &e.id))
            {
                let place = e.location.as_ref().map(|l| l.name.as_str()).unwrap_or("-");
                writeln!(
                    w,
                    "    unmatched {} {} {:?} {}..{} {} {:?}",
                    e.id,
                    e.event_type.as_str(),
                    e.trigger.text,
                    e.date.start,
                    e.date.end,
                    place,
                    e.factuality
                )?;
            }
            for g in doc
                .events
                .iter()
                .filter(|g| !s.pairs.iter().any(|(gid, _)| gid == &g.id))
            {
                writeln!(
                    w,
                    "    missed {} {}{:?} {:?}",
                    g.id,
                    if g.required { "(required) " } else { "" },
                    g.types,
                    g.evidence
                )?;
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
