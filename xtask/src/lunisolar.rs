//! `cargo xtask lunisolar`: rebuilds `crates/hadath-time/data/lunisolar.tsv`, the dates by year of
//! holidays of the Chinese and Hindu lunisolar calendars and of Vesak, from the tables of the PyPI
//! package `holidays` (0.109, MIT; `calendars/chinese.py`, `hindu.py`, `buddhist.py`), downloaded
//! with `pip download` into `.cache/`. These calendars follow the moon and the sun as observed
//! (and, for the Hindu ones, regional almanacs), so a table is the honest source; years outside it
//! have no date. Where the package lists two dates in one year, the table keeps the first.

use anyhow::{Context, Result, bail, ensure};
use std::fmt::Write as _;
use std::path::Path;

const PACKAGE: &str = "holidays==0.109";

/// (file, table) pairs: the `<TABLE>_DATES` dictionaries to copy.
const TABLES: &[(&str, &str)] = &[
    ("chinese.py", "LUNAR_NEW_YEAR"),
    ("chinese.py", "DRAGON_BOAT"),
    ("chinese.py", "MID_AUTUMN"),
    ("buddhist.py", "VESAK"),
    ("hindu.py", "BASANT_PANCHAMI"),
    ("hindu.py", "BUDDHA_PURNIMA"),
    ("hindu.py", "CHHATH_PUJA"),
    ("hindu.py", "DIWALI"),
    ("hindu.py", "DUSSEHRA"),
    ("hindu.py", "GANESH_CHATURTHI"),
    ("hindu.py", "GOVARDHAN_PUJA"),
    ("hindu.py", "GUDI_PADWA"),
    ("hindu.py", "GURU_GOBIND_SINGH_JAYANTI"),
    ("hindu.py", "GURU_NANAK_JAYANTI"),
    ("hindu.py", "GURU_RAVIDAS_JAYANTI"),
    ("hindu.py", "HANUMAN_JAYANTI"),
    ("hindu.py", "HOLI"),
    ("hindu.py", "JANMASHTAMI"),
    ("hindu.py", "KARWA_CHAUTH"),
    ("hindu.py", "MAHA_ASHTAMI"),
    ("hindu.py", "MAHA_SHIVARATRI"),
    ("hindu.py", "MAHARSHI_VALMIKI_JAYANTI"),
    ("hindu.py", "MAHAVIR_JAYANTI"),
    ("hindu.py", "MAKAR_SANKRANTI"),
    ("hindu.py", "NARAKA_CHATURDASHI"),
    ("hindu.py", "ONAM"),
    ("hindu.py", "PONGAL"),
    ("hindu.py", "RAKSHA_BANDHAN"),
    ("hindu.py", "RAM_NAVAMI"),
    ("hindu.py", "RATH_YATRA"),
    ("hindu.py", "SHARAD_NAVRATRI"),
];

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// The (year, month, day) entries of `<name>_DATES = { 2001: (MAR, 10), … }` (the first date of a
/// year that has two).
fn dates(source: &str, name: &str) -> Result<Vec<(i32, u32, u32)>> {
    let head = format!("    {name}_DATES = {{");
    let start = source
        .find(&head)
        .with_context(|| format!("no {name}_DATES"))?;
    let body = &source[start + head.len()..];
    let body = &body[..body.find('}').context("unclosed table")?];
    let mut out = Vec::new();
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (year, rest) = line.split_once(':').context("no year")?;
        let year: i32 = year
            .trim()
            .parse()
            .with_context(|| format!("year {year}"))?;
        let first = rest
            .trim()
            .trim_start_matches('(')
            .split(')')
            .next()
            .context("no date")?;
        let (month, day) = first.split_once(',').context("no day")?;
        let month = MONTHS
            .iter()
            .position(|m| *m == month.trim())
            .with_context(|| format!("month {month}"))? as u32
            + 1;
        let day: u32 = day.trim().parse().with_context(|| format!("day {day}"))?;
        ensure!((1..=31).contains(&day), "day {day}");
        out.push((year, month, day));
    }
    Ok(out)
}

pub fn run() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cache = root.join(".cache/holidays");
    let dir = cache.join("holidays/calendars");
    if !dir.exists() {
        crate::pip_wheel(&cache, PACKAGE)?;
    }
    let mut out = String::new();
    writeln!(
        out,
        "# Holidays of the Chinese and Hindu lunisolar calendars and Vesak: the month and day (MMDD)"
    )?;
    writeln!(
        out,
        "# of each year from the first, `-` for none. Made by `cargo xtask lunisolar` from the tables"
    )?;
    writeln!(
        out,
        "# of the PyPI package {PACKAGE} (MIT licence, vacanza/holidays). Columns: table, first year, days."
    )?;
    for (file, name) in TABLES {
        let source = std::fs::read_to_string(dir.join(file))?;
        let rows = dates(&source, name)?;
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
            bail!("{name}: empty table");
        };
        let mut days = vec!["-".to_string(); (last.0 - first.0 + 1) as usize];
        for (year, month, day) in &rows {
            days[(year - first.0) as usize] = format!("{month:02}{day:02}");
        }
        writeln!(out, "{name}\t{}\t{}", first.0, days.join(" "))?;
    }
    let path = root.join("crates/hadath-time/data/lunisolar.tsv");
    std::fs::write(&path, &out)?;
    println!(
        "{}: {} tables, {} bytes",
        path.display(),
        TABLES.len(),
        out.len()
    );
    Ok(())
}
