//! `cargo xtask duckling`: hadath's time and number parsers on Duckling's own test corpora
//! (../shared/data/duckling-ar, duckling-en; BSD licence, read in place), exact-value accuracy per
//! dimension.
//!
//! An example counts as right when one expression found in it covers every word of the text and
//! its value is the expected one: a numeral's or ordinal's number, a duration's amount and unit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use hadath_text::{Lang, LanguagePack, TokenKind};
use hadath_time::{
    Grain, Instant, Lean, TimeValue, Words, find_durations, find_numbers, find_ordinals,
    parse_times, parse_times_at,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct Example {
    dim: String,
    text: String,
    expected: Option<serde_json::Value>,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    reference_time: String,
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data")
}

fn load(dir: &Path) -> Result<Vec<Example>> {
    let mut out = Vec::new();
    for file in ["numeral", "ordinal", "duration", "time", "negative"] {
        let path = dir.join(format!("{file}.jsonl"));
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut ex: Example = serde_json::from_str(line)
                .with_context(|| format!("{}: bad line", path.display()))?;
            if file == "negative" {
                ex.dim = "negative".into();
            }
            out.push(ex);
        }
    }
    Ok(out)
}

/// Word tokens of the text: an expression must cover all of them.
fn word_range(words: &Words) -> Option<(usize, usize)> {
    let view = words.view();
    let idx: Vec<usize> = (0..view.len())
        .filter(|&i| view.kind(i) != TokenKind::Punct)
        .collect();
    Some((*idx.first()?, *idx.last()? + 1))
}

fn check(pack: &dyn LanguagePack, ex: &Example) -> Option<bool> {
    let words = Words::analyse(pack, &ex.text);
    let (first, end) = word_range(&words)?;
    let view = words.view();
    if ex.dim == "negative" {
        // Must produce no time.
        let reference: jiff::civil::DateTime = ex.reference_time.get(..19)?.parse().ok()?;
        return Some(parse_times(pack.lang(), &view, reference, Lean::Future).is_empty());
    }
    let expected = ex.expected.as_ref()?;
    match ex.dim.as_str() {
        "numeral" => {
            let want = expected["value"].as_f64()?;
            let found = find_numbers(pack.lang(), &view);
            Some(found.iter().any(|m| {
                m.tokens.start <= first
                    && m.tokens.end >= end
                    && m.value.is_some_and(|v| (v - want).abs() < 1e-9)
            }))
        }
        "ordinal" => {
            let want = expected["value"].as_i64()?;
            let found = find_ordinals(pack.lang(), &view);
            Some(
                found
                    .iter()
                    .any(|m| m.tokens.start <= first && m.tokens.end >= end && m.value == want),
            )
        }
        "duration" => {
            let want = expected["normalized"]["value"].as_f64()?;
            let found = find_durations(pack.lang(), &view);
            Some(found.iter().any(|m| {
                m.tokens.start <= first && m.tokens.end >= end && (m.seconds() - want).abs() < 1e-6
            }))
        }
        "time" => {
            let reference: jiff::civil::DateTime = ex.reference_time.get(..19)?.parse().ok()?;
            let found = parse_times_at(
                pack.lang(),
                &view,
                reference,
                utc_offset(&ex.reference_time),
                Lean::Future,
            );
            let instant = |v: &serde_json::Value| -> Option<Instant> {
                let at: jiff::civil::DateTime = v["value"].as_str()?.get(..19)?.parse().ok()?;
                Some(Instant {
                    at,
                    grain: Grain::parse(v["grain"].as_str()?)?,
                })
            };
            let want = match expected["type"].as_str()? {
                "value" => TimeValue::At(instant(expected)?),
                _ => TimeValue::Between {
                    from: expected.get("from").and_then(instant),
                    to: expected.get("to").and_then(instant),
                },
            };
            Some(
                found
                    .iter()
                    .any(|t| t.tokens.start <= first && t.tokens.end >= end && t.value == want),
            )
        }
        _ => None,
    }
}

pub fn run(args: &[String]) -> Result<()> {
    let verbose = args.iter().any(|a| a == "--verbose");
    let only: Option<&str> = args
        .windows(2)
        .find(|w| w[0] == "--dim")
        .map(|w| w[1].as_str());
    println!(
        "{:<6} {:<10} {:>6} {:>8} {:>9}",
        "lang", "dimension", "n", "right", "accuracy"
    );
    for (lang, dir) in [(Lang::Ar, "duckling-ar"), (Lang::En, "duckling-en")] {
        let pack: &dyn LanguagePack = match lang {
            Lang::Ar => &hadath_ar::ArabicPack,
            Lang::En => &hadath_en::EnglishPack,
        };
        let examples = load(&shared().join(dir))?;
        let mut tally: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for ex in &examples {
            if only.is_some_and(|d| d != ex.dim) {
                continue;
            }
            let entry = tally.entry(ex.dim.as_str()).or_default();
            entry.0 += 1;
            match check(pack, ex) {
                Some(true) => entry.1 += 1,
                Some(false) => {
                    if verbose {
                        let got = if ex.dim == "time" {
                            let words = Words::analyse(pack, &ex.text);
                            let reference: Option<jiff::civil::DateTime> =
                                ex.reference_time.get(..19).and_then(|r| r.parse().ok());
                            reference
                                .map(|r| {
                                    format!(
                                        "{:?}",
                                        parse_times(pack.lang(), &words.view(), r, Lean::Future)
                                            .iter()
                                            .map(|t| (t.tokens.clone(), t.value))
                                            .collect::<Vec<_>>()
                                    )
                                })
                                .unwrap_or_default()
                        } else {
                            String::new()
                        };
                        println!(
                            "  miss {} {} {:?} → {} got {got}",
                            ex.locale,
                            ex.dim,
                            ex.text,
                            ex.expected
                                .as_ref()
                                .map(|v| v.to_string())
                                .unwrap_or_default()
                        );
                    }
                }
                None => entry.2 += 1,
            }
        }
        for (dim, (n, right, unsupported)) in tally {
            let note = if unsupported == n {
                "  (not scored yet)"
            } else {
                ""
            };
            println!(
                "{:<6} {:<10} {:>6} {:>8} {:>8.1}%{note}",
                lang.code(),
                dim,
                n,
                right,
                100.0 * right as f64 / n.max(1) as f64
            );
        }
        // Speed: every time example parsed (analysis included), repeated, one thread.
        if only.is_none_or(|d| d == "time") {
            let texts: Vec<&Example> = examples.iter().filter(|e| e.dim == "time").collect();
            let reference: jiff::civil::DateTime = "2013-02-12T04:30:00".parse()?;
            let started = std::time::Instant::now();
            let mut rounds = 0usize;
            let mut found = 0usize;
            while rounds < 20 || started.elapsed().as_secs_f64() < 1.0 {
                for ex in &texts {
                    let words = Words::analyse(pack, &ex.text);
                    found += parse_times(pack.lang(), &words.view(), reference, Lean::Future).len();
                }
                rounds += 1;
            }
            let per_second = (rounds * texts.len()) as f64 / started.elapsed().as_secs_f64();
            println!(
                "{:<6} {:<10} {:>6} expressions parsed {:.0}/s, one thread ({found} found)",
                lang.code(),
                "time speed",
                texts.len(),
                per_second
            );
        }
    }
    Ok(())
}

/// The UTC offset, in minutes, at the end of an ISO 8601 time ("…-02:00" → -120).
fn utc_offset(time: &str) -> Option<i32> {
    let tail = time.get(time.len().checked_sub(6)?..)?;
    let sign = match tail.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = tail.get(1..3)?.parse().ok()?;
    let minutes: i32 = tail.get(4..6)?.parse().ok()?;
    Some(sign * (hours * 60 + minutes))
}
