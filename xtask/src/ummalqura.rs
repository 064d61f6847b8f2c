//! `cargo xtask ummalqura`: rebuilds `crates/hadath-time/data/ummalqura.tsv`, the lengths of the
//! Hijri months 1343–1500 AH in the Umm al-Qura calendar (the Saudi civil calendar, which news
//! dates follow), from the PyPI package `hijri-converter` (2.3.1, MIT), downloaded with
//! `pip download` into `.cache/`. The package keeps the calendar as the first day of each month in
//! reduced Julian days (`MONTH_STARTS` in `ummalqura.py`); the table keeps each month's length and
//! the Gregorian date of 1 Muharram 1343, which is all a conversion needs.

use anyhow::{Context, Result, ensure};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const PACKAGE: &str = "hijri-converter==2.3.1";
const FIRST_YEAR: i64 = 1343;
/// 1 Muharram 1343 (the package's `GREGORIAN_RANGE` start, reduced Julian day 23999).
const FIRST_DAY: &str = "1924-08-01";

fn fetch(cache: &Path) -> Result<PathBuf> {
    let source = cache.join("hijri_converter/ummalqura.py");
    if !source.exists() {
        crate::pip_wheel(cache, PACKAGE)?;
    }
    Ok(source)
}

/// The numbers of the `MONTH_STARTS` tuple.
fn month_starts(source: &str) -> Result<Vec<i64>> {
    let start = source
        .find("MONTH_STARTS")
        .context("no MONTH_STARTS in ummalqura.py")?;
    let open = start + source[start..].find('(').context("no tuple")?;
    let close = open + source[open..].find(')').context("unclosed tuple")?;
    source[open + 1..close]
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<i64>()
                .with_context(|| format!("not a number: {t}"))
        })
        .collect()
}

pub fn run() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let source = fetch(&root.join(".cache/hijri-converter"))?;
    let starts = month_starts(&std::fs::read_to_string(&source)?)?;
    ensure!(
        starts.first() == Some(&23999),
        "the table no longer starts at 1 Muharram 1343 (RJD 23999)"
    );
    ensure!(
        (starts.len() - 1) % 12 == 0,
        "{} month starts: not whole years",
        starts.len()
    );
    let lengths: Vec<i64> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    // 29 or 30 days; a few months of the 1340s–1360s AH, as the calendar was then kept, have 28
    // or 31.
    ensure!(
        lengths.iter().all(|&n| (28..=31).contains(&n)),
        "a month is not 28 to 31 days long"
    );
    let mut out = String::new();
    writeln!(
        out,
        "# Umm al-Qura calendar: the length of each Hijri month, {FIRST_YEAR}–{} AH.",
        FIRST_YEAR + lengths.len() as i64 / 12 - 1
    )?;
    writeln!(
        out,
        "# 1 Muharram {FIRST_YEAR} is {FIRST_DAY}. Made by `cargo xtask ummalqura` from the PyPI package"
    )?;
    writeln!(
        out,
        "# {PACKAGE} (MIT licence; its MONTH_STARTS table). Columns: year, the 12 month lengths."
    )?;
    for (k, year) in lengths.chunks(12).enumerate() {
        let months: Vec<String> = year.iter().map(i64::to_string).collect();
        writeln!(out, "{}\t{}", FIRST_YEAR + k as i64, months.join(" "))?;
    }
    let path = root.join("crates/hadath-time/data/ummalqura.tsv");
    std::fs::write(&path, out)?;
    println!(
        "{}: {} years, {} months",
        path.display(),
        lengths.len() / 12,
        lengths.len()
    );
    Ok(())
}
