//! Ranked candidates for a place name, in Arabic or Latin script: by name in the index, and for an
//! Arabic name by transliteration against the Latin names of places (most towns have no Arabic name
//! in GeoNames). One function serves `hadath geocode` and the extraction pipeline.

use hadath_text::LanguagePack;

use crate::align;
use crate::gazetteer::{Gazetteer, Place, PlaceKind, distance_km};
use crate::skeleton::arabic_skeletons;

/// How a candidate was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The name is one of the place's names (Arabic, Latin, or a CLDR country name).
    Name,
    /// An Arabic name read as one of the place's Latin names.
    Transliteration,
}

/// One ranked reading of a name.
#[derive(Clone, Debug)]
pub struct Candidate<'a> {
    /// The place.
    pub place: Place<'a>,
    /// How it was found.
    pub method: Method,
    /// The Latin name a transliteration matched.
    pub matched: Option<std::borrow::Cow<'a, str>>,
    /// Reading cost per letter (0 for a name match; see [`align::per_letter`]).
    pub reading_cost: f32,
    /// Ranking score: higher is better; comparable within one query only.
    pub score: f32,
}

/// What the rest of the document says about where things are.
#[derive(Clone, Debug, Default)]
pub struct GeoContext {
    /// Countries the document names (ISO alpha-2).
    pub countries: Vec<String>,
    /// Places already resolved in the document (lat, lon).
    pub near: Vec<(f64, f64)>,
}

/// Query options.
#[derive(Clone, Copy, Debug)]
pub struct GeocodeOptions {
    /// Try transliteration for Arabic names (also when a name matched).
    pub transliterate: bool,
    /// Readings costing more per letter than this are dropped.
    pub max_reading_cost: f32,
    /// Candidates returned at most.
    pub limit: usize,
}

impl Default for GeocodeOptions {
    fn default() -> Self {
        GeocodeOptions {
            transliterate: true,
            max_reading_cost: 0.45,
            limit: 10,
        }
    }
}

/// Candidates examined per skeleton reading (postings come largest place first); short skeletons
/// are shared by many places and get a longer look.
const PER_READING: usize = 300;
const PER_SHORT_READING: usize = 2000;
/// Candidates examined per transliteration query.
const PER_QUERY: usize = 4000;
/// Words that say what kind of place follows ("مدينة الصدر", "إمارة الشارقة"): not part of the
/// name's sound.
const PLACE_HEADS: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "اماره",
    "ولايه",
    "محافظه",
    "قضاء",
    "ناحيه",
    "مخيم",
    "جزيره",
    "منطقه",
    "قصبه",
    "مركز",
    "حي",
];
/// Latin names compared per place.
const NAMES_PER_PLACE: usize = 6;
/// Added to the reading cost of a place's names other than its main one.
const OTHER_NAME_COST: f32 = 0.08;
/// Weight of a reading cost against log10(population).
const COST_WEIGHT: f32 = 8.0;
const POPULATION_WEIGHT: f32 = 0.35;
const NAME_BONUS: f32 = 0.6;
/// Weight of ln(1 + alternate names): places known in many languages are the ones news names.
const NOTABILITY_WEIGHT: f32 = 0.2;
const COUNTRY_BONUS: f32 = 1.5;
const NEAR_BONUS: f32 = 1.2;
const NEAR_KM: f64 = 150.0;

/// The index key of a name: normalized with the pack of its script, words joined by one space.
pub fn name_key(name: &str) -> String {
    let norm = if is_arabic_script(name) {
        hadath_ar::ArabicPack.normalize(name)
    } else {
        hadath_en::EnglishPack.normalize(name)
    };
    let tokens = hadath_text::tokenize(&norm);
    tokens
        .iter()
        .filter(|t| t.kind != hadath_text::TokenKind::Punct)
        .map(|t| t.text(&norm))
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when the text has letters of the Arabic script.
pub fn is_arabic_script(key: &str) -> bool {
    key.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

impl Gazetteer {
    /// Places whose Latin names read like the folded Arabic name `arabic`, by transliteration
    /// alone: only keys and names derived from Latin-script (and transliterated Cyrillic, Greek…)
    /// names are consulted, never the index's Arabic names. Best reading first; population breaks
    /// ties.
    pub fn transliterate(&self, arabic: &str, max_cost: f32) -> Vec<Candidate<'_>> {
        self.transliterate_where(arabic, max_cost, |_| true)
    }

    /// [`transliterate`](Gazetteer::transliterate) among the places `keep` accepts (the
    /// document's countries, say), which are the only ones scored.
    pub fn transliterate_where(
        &self,
        arabic: &str,
        max_cost: f32,
        keep: impl Fn(&Place<'_>) -> bool,
    ) -> Vec<Candidate<'_>> {
        let arabic = match arabic.split_once(' ') {
            Some((head, rest)) if PLACE_HEADS.contains(&head) => rest,
            _ => arabic,
        };
        let reading = align::ArabicReading::new(arabic);
        let mut seen: rustc_hash::FxHashSet<u32> = rustc_hash::FxHashSet::default();
        let mut out: Vec<Candidate<'_>> = Vec::new();
        'readings: for skeleton in arabic_skeletons(arabic) {
            // A one-consonant skeleton (Ufa, Abha, Harare) is read only for names of 3+ letters.
            if skeleton.is_empty() || (skeleton.chars().count() < 2 && arabic.chars().count() < 3) {
                continue;
            }
            let take = if skeleton.chars().count() <= 2 {
                PER_SHORT_READING
            } else {
                PER_READING
            };
            for place in self.lookup_skeleton(&skeleton).take(take) {
                if seen.len() >= PER_QUERY {
                    break 'readings;
                }
                if !seen.insert(place.index) || !keep(&place) {
                    continue;
                }
                let best = place
                    .latin_names()
                    .take(NAMES_PER_PLACE)
                    .enumerate()
                    // The main name is the usual one: other names pay a little.
                    .map(|(i, name)| {
                        (
                            reading.per_letter(&name) + if i == 0 { 0.0 } else { OTHER_NAME_COST },
                            name,
                        )
                    })
                    .min_by(|a, b| a.0.total_cmp(&b.0));
                if let Some((cost, name)) = best
                    && cost <= max_cost
                {
                    out.push(Candidate {
                        place,
                        method: Method::Transliteration,
                        matched: Some(name),
                        reading_cost: cost,
                        score: 0.0,
                    });
                }
            }
        }
        for c in &mut out {
            c.score = base_score(c);
        }
        sort(&mut out);
        out
    }

    /// Ranked candidates for a place name as written (any script, with or without diacritics),
    /// in the light of the document's context.
    pub fn geocode(
        &self,
        name: &str,
        context: &GeoContext,
        options: &GeocodeOptions,
    ) -> Vec<Candidate<'_>> {
        let key = name_key(name);
        if key.is_empty() || key.len() > 200 {
            return Vec::new();
        }
        let mut out: Vec<Candidate<'_>> = self.lookup(&key).map(Candidate::by_name).collect();
        if options.transliterate && is_arabic_script(&key) {
            for c in self.transliterate(&key, options.max_reading_cost) {
                if !out.iter().any(|o| o.place.index == c.place.index) {
                    out.push(c);
                }
            }
        }
        let mut out = rank(out, context);
        out.truncate(options.limit);
        out
    }
}

impl<'a> Candidate<'a> {
    /// A place found by one of its names.
    pub fn by_name(place: Place<'a>) -> Candidate<'a> {
        Candidate {
            place,
            method: Method::Name,
            matched: None,
            reading_cost: 0.0,
            score: 0.0,
        }
    }
}

/// Scores candidates in a document's context and sorts them, best first: the ranking of
/// [`Gazetteer::geocode`], for callers that found the candidates themselves.
pub fn rank<'a>(mut candidates: Vec<Candidate<'a>>, context: &GeoContext) -> Vec<Candidate<'a>> {
    for c in &mut candidates {
        c.score = base_score(c) + context_score(c.place, context);
    }
    sort(&mut candidates);
    candidates
}

fn base_score(c: &Candidate<'_>) -> f32 {
    let population = (c.place.population() as f32 + 10.0).log10();
    let name = if c.method == Method::Name {
        NAME_BONUS
    } else {
        0.0
    };
    // A bare country name is the country, not a town named after it.
    let country = if c.method == Method::Name && c.place.kind() == PlaceKind::Country {
        2.0
    } else {
        0.0
    };
    let notability = NOTABILITY_WEIGHT * (1.0 + f32::from(c.place.notability())).ln();
    name + country + POPULATION_WEIGHT * population + notability - COST_WEIGHT * c.reading_cost
}

fn context_score(place: Place<'_>, context: &GeoContext) -> f32 {
    let mut score = 0.0;
    if context
        .countries
        .iter()
        .any(|c| c.eq_ignore_ascii_case(place.country()))
    {
        score += COUNTRY_BONUS;
    }
    if place.kind() == PlaceKind::City
        && context
            .near
            .iter()
            .any(|&(lat, lon)| distance_km(lat, lon, place.lat(), place.lon()) <= NEAR_KM)
    {
        score += NEAR_BONUS;
    }
    score
}

fn sort(candidates: &mut [Candidate<'_>]) {
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.place.population().cmp(&a.place.population()))
            .then(a.place.index.cmp(&b.place.index))
    });
}

/// How sure the first candidate is, from its margin over the runner-up (0.5 for a tie, towards
/// 1 for a clear lead; 0.9 when there is no runner-up).
pub fn confidence(candidates: &[Candidate<'_>]) -> f32 {
    match candidates {
        [] => 0.0,
        [_] => 0.9,
        [first, second, ..] => 1.0 / (1.0 + (-(first.score - second.score) * 1.5).exp()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(name: &str, context: &GeoContext) -> Option<(u32, String)> {
        let g = Gazetteer::embedded();
        g.geocode(name, context, &GeocodeOptions::default())
            .first()
            .map(|c| (c.place.geonames_id(), c.place.country().to_string()))
    }

    #[test]
    fn context_settles_homonyms() {
        // Ar Raqqah (Syria, 531,952 people) by size; Ar Riqqah (Kuwait) in a Kuwaiti story.
        assert_eq!(
            first("الرقة", &GeoContext::default()).map(|f| f.1),
            Some("SY".into())
        );
        let kuwait = GeoContext {
            countries: vec!["KW".into()],
            near: vec![],
        };
        assert_eq!(first("الرقة", &kuwait).map(|f| f.1), Some("KW".into()));
        // Near a resolved place: Tripoli of Lebanon in a story that has named Beirut (33.89 N,
        // 35.50 E), Tripoli of Libya (the larger) otherwise.
        assert_eq!(
            first("طرابلس", &GeoContext::default()).map(|f| f.1),
            Some("LY".into())
        );
        let beirut = GeoContext {
            countries: vec![],
            near: vec![(33.89, 35.50)],
        };
        assert_eq!(first("طرابلس", &beirut).map(|f| f.1), Some("LB".into()));
    }

    #[test]
    fn transliteration_alone_finds_latin_only_places() {
        let g = Gazetteer::embedded();
        // GeoNames facts: Zhanaozen 607610 (43.34 N, 52.86 E), Almaty 1526384, Mogadishu 53654.
        for (arabic, id) in [
            ("زاناوزن", 607_610),
            ("الماتي", 1_526_384),
            ("مقديشو", 53_654),
        ] {
            let candidates = g.transliterate(&name_key(arabic), 0.45);
            assert_eq!(
                candidates.first().map(|c| c.place.geonames_id()),
                Some(id),
                "{arabic}"
            );
        }
        assert!(g.transliterate("", 0.45).is_empty());
        assert!(g.transliterate(&"ب".repeat(1000), 0.45).len() < 1000);
    }

    #[test]
    fn kazakh_places_as_arabic_news_writes_them() {
        // Spellings of the January 2022 reporting; coordinates are GeoNames'.
        let g = Gazetteer::embedded();
        let kz = GeoContext {
            countries: vec!["KZ".into()],
            near: vec![],
        };
        for (name, lat, lon) in [
            ("زاناوزن", 43.34, 52.86),
            ("ألماتي", 43.25, 76.92),
            ("نور سلطان", 51.18, 71.45),
            ("أستانا", 51.18, 71.45),
            ("كازاخستان", 48.0, 68.0),
        ] {
            let c = g.geocode(name, &kz, &GeocodeOptions::default());
            let first = c.first().unwrap_or_else(|| panic!("{name}: no candidate"));
            let km = distance_km(first.place.lat(), first.place.lon(), lat, lon);
            let limit = if first.place.kind() == PlaceKind::Country {
                800.0
            } else {
                50.0
            };
            assert!(km < limit, "{name}: {} at {km:.0} km", first.place.name());
        }
    }

    #[test]
    fn confidence_reflects_the_margin() {
        let g = Gazetteer::embedded();
        let clear = g.geocode(
            "كازاخستان",
            &GeoContext::default(),
            &GeocodeOptions::default(),
        );
        let tied = g.geocode("الرقة", &GeoContext::default(), &GeocodeOptions::default());
        assert!(confidence(&clear) > confidence(&tied));
        assert_eq!(confidence(&[]), 0.0);
    }
}
