use std::sync::LazyLock;

use fst::Map;

use std::borrow::Cow;

use crate::format::{
    self, DEMONYM_PREFIX, FLAG_CANONICAL_FOLDED, HEADER_LEN, KIND_COUNTRY, MAGIC, NAME_SEP,
    NOTABILITY_SHIFT, RECORD_LEN, SKELETON_PREFIX, VERSION,
};

/// What a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A populated place.
    City,
    /// A country.
    Country,
}

/// One place of the gazetteer.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    record: &'a [u8],
    pool: &'a str,
    /// Index of the place in the gazetteer.
    pub index: u32,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl<'a> Place<'a> {
    /// GeoNames id.
    pub fn geonames_id(&self) -> u32 {
        u32_at(self.record, 0)
    }
    /// Latitude.
    pub fn lat(&self) -> f64 {
        f64::from(f32::from_bits(u32_at(self.record, 4)))
    }
    /// Longitude.
    pub fn lon(&self) -> f64 {
        f64::from(f32::from_bits(u32_at(self.record, 8)))
    }
    /// Population.
    pub fn population(&self) -> u32 {
        u32_at(self.record, 12)
    }
    /// ISO 3166-1 alpha-2 country code.
    pub fn country(&self) -> &'a str {
        std::str::from_utf8(&self.record[16..18]).unwrap_or("")
    }
    /// ISO 3166-1 alpha-3 country code.
    pub fn country_iso3(&self) -> &'a str {
        std::str::from_utf8(&self.record[18..21]).unwrap_or("")
    }
    /// City or country.
    pub fn kind(&self) -> PlaceKind {
        if self.record[21] & 1 == KIND_COUNTRY {
            PlaceKind::Country
        } else {
            PlaceKind::City
        }
    }
    /// How many alternate names outside the Arabic script GeoNames lists for the place (capped
    /// at 63): how widely it is known.
    pub fn notability(&self) -> u8 {
        self.record[21] >> NOTABILITY_SHIFT
    }
    /// GeoNames admin-1 code (`"02"` for Almaty city in KZ); empty for countries.
    pub fn admin1(&self) -> &'a str {
        std::str::from_utf8(&self.record[22..26])
            .unwrap_or("")
            .trim_end()
    }
    fn names(&self) -> &'a str {
        let offset = u32_at(self.record, 26) as usize;
        let len = u32_at(self.record, 30) as usize;
        self.pool
            .get(offset..offset.saturating_add(len))
            .unwrap_or("")
    }
    /// Canonical (English) name.
    pub fn name(&self) -> &'a str {
        self.names().split(NAME_SEP).next().unwrap_or("")
    }
    /// Folded Latin names (lower-case ASCII) the transliteration ranking compares against: one
    /// per distinct spelling skeleton, the canonical name first.
    pub fn latin_names(&self) -> impl Iterator<Item = Cow<'a, str>> {
        let canonical = (self.record[21] & FLAG_CANONICAL_FOLDED != 0)
            .then(|| Cow::Owned(fold_latin(self.name())));
        canonical
            .into_iter()
            .chain(self.names().split(NAME_SEP).skip(1).map(Cow::Borrowed))
    }
}

/// A Latin name folded for skeletons and reading costs: lower case, accents and everything but
/// letters dropped, words joined by one space (`"Nur-Sultan"` → `"nur sultan"`). Other scripts
/// are left out: romanize them first.
pub fn fold_latin(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut folded = String::new();
    for c in name.chars() {
        folded.clear();
        hadath_en::fold_char(c, &mut folded);
        for f in folded.chars() {
            if f.is_ascii_alphabetic() {
                out.push(f.to_ascii_lowercase());
            } else if (f.is_whitespace() || f == '-') && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().atan2((1.0 - a).sqrt())
}

/// An open gazetteer index.
pub struct Gazetteer {
    places: &'static [u8],
    pool: &'static str,
    postings: &'static [u8],
    map: Option<Map<&'static [u8]>>,
    body: &'static [u8],
    checksum: u64,
    n_countries: u32,
}

/// The places of one index key, largest first (a lazy walk over the postings).
pub struct Postings<'a> {
    gazetteer: &'a Gazetteer,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Postings<'a> {
    type Item = Place<'a>;

    fn next(&mut self) -> Option<Place<'a>> {
        while self.next < self.end {
            let i = self.next;
            self.next += 1;
            if let Some(place) = self.gazetteer.place(u32_at(self.gazetteer.postings, i * 4)) {
                return Some(place);
            }
        }
        None
    }
}

/// Why a gazetteer file was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// Not a gazetteer, another version, or cut short.
    #[error("gazetteer index: {0}")]
    Format(String),
}

/// ISO code → (GeoNames id, name) of each country's capital (`cargo xtask gazetteer`).
static CAPITALS: LazyLock<rustc_hash::FxHashMap<&'static str, (u32, &'static str)>> =
    LazyLock::new(|| {
        hadath_text::tsv_rows(include_str!("../data/capitals.tsv"))
            .filter_map(|(_, cols)| {
                let id = cols.get(1)?.parse().ok()?;
                Some((*cols.first()?, (id, *cols.get(2)?)))
            })
            .collect()
    });

static EMBEDDED_BYTES: &[u8] = include_bytes!("../data/gazetteer.bin");
static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The embedded index is built by `cargo xtask gazetteer` and checked by a test (`verify`); an
    // unreadable one degrades to an empty gazetteer rather than a panic.
    Gazetteer::open(EMBEDDED_BYTES).unwrap_or_else(|_| Gazetteer::empty())
});

impl Gazetteer {
    /// The index compiled into the binary.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// The bytes of the index compiled into the binary (for [`open`](Gazetteer::open) and
    /// benchmarks).
    pub fn embedded_bytes() -> &'static [u8] {
        EMBEDDED_BYTES
    }

    fn empty() -> Gazetteer {
        Gazetteer {
            places: &[],
            pool: "",
            postings: &[],
            map: None,
            body: &[],
            checksum: 0,
            n_countries: 0,
        }
    }

    /// Opens an index: checks magic, version and section lengths (not the checksum: see
    /// [`verify`](Gazetteer::verify)).
    pub fn open(bytes: &'static [u8]) -> Result<Gazetteer, GazetteerError> {
        let bad = |what: &str| GazetteerError::Format(what.to_string());
        if bytes.len() < HEADER_LEN || &bytes[0..4] != MAGIC {
            return Err(bad("not a hadath gazetteer (bad magic)"));
        }
        if u32_at(bytes, 4) != VERSION {
            return Err(bad("unsupported version"));
        }
        let n_places = u32_at(bytes, 8) as usize;
        let n_countries = u32_at(bytes, 12);
        let pool_len = u32_at(bytes, 16) as usize;
        let n_postings = u32_at(bytes, 20) as usize;
        let fst_len = u32_at(bytes, 24) as usize;
        let checksum = bytes
            .get(28..36)
            .map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])));
        let places_end = HEADER_LEN
            .checked_add(
                n_places
                    .checked_mul(RECORD_LEN)
                    .ok_or_else(|| bad("overflow"))?,
            )
            .ok_or_else(|| bad("overflow"))?;
        let pool_end = places_end
            .checked_add(pool_len)
            .ok_or_else(|| bad("overflow"))?;
        let postings_end = pool_end
            .checked_add(n_postings.checked_mul(4).ok_or_else(|| bad("overflow"))?)
            .ok_or_else(|| bad("overflow"))?;
        let fst_end = postings_end
            .checked_add(fst_len)
            .ok_or_else(|| bad("overflow"))?;
        if fst_end != bytes.len() {
            return Err(bad("section lengths do not add up to the file length"));
        }
        let pool = std::str::from_utf8(&bytes[places_end..pool_end])
            .map_err(|_| bad("name pool is not UTF-8"))?;
        let map = Map::new(&bytes[postings_end..fst_end])
            .map_err(|e| GazetteerError::Format(e.to_string()))?;
        if n_countries as usize > n_places {
            return Err(bad("more countries than places"));
        }
        let gazetteer = Gazetteer {
            places: &bytes[HEADER_LEN..places_end],
            pool,
            postings: &bytes[pool_end..postings_end],
            map: Some(map),
            body: &bytes[HEADER_LEN..],
            checksum,
            n_countries,
        };
        Ok(gazetteer)
    }

    /// Checks the body checksum.
    pub fn verify(&self) -> bool {
        format::checksum(self.body) == self.checksum
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len() / RECORD_LEN
    }

    /// True for an empty index.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place at `index`.
    pub fn place(&self, index: u32) -> Option<Place<'_>> {
        let start = (index as usize).checked_mul(RECORD_LEN)?;
        let record = self.places.get(start..start + RECORD_LEN)?;
        Some(Place {
            record,
            pool: self.pool,
            index,
        })
    }

    fn postings(&self, key: &str) -> Postings<'_> {
        let value = self.map.as_ref().and_then(|m| m.get(key)).unwrap_or(0);
        let offset = (value >> 16) as usize;
        let count = (value & 0xFFFF) as usize;
        Postings {
            gazetteer: self,
            next: offset,
            end: offset + count,
        }
    }

    /// Places whose normalized name (tokens joined by one space) is `key`.
    pub fn lookup(&self, key: &str) -> Postings<'_> {
        self.postings(key)
    }

    /// Places whose Latin names have this consonant skeleton.
    pub fn lookup_skeleton(&self, skeleton: &str) -> Postings<'_> {
        self.postings(&format!("{SKELETON_PREFIX}{skeleton}"))
    }

    /// The country whose demonym (normalized) is `form`.
    pub fn demonym(&self, form: &str) -> Option<Place<'_>> {
        self.postings(&format!("{DEMONYM_PREFIX}{form}")).next()
    }

    /// The country record for an alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<Place<'_>> {
        self.countries()
            .find(|p| p.country().eq_ignore_ascii_case(iso2))
    }

    /// The capital (the seat of government where they differ) of the country with this
    /// alpha-2 code, from `data/capitals.tsv`.
    pub fn capital(&self, iso2: &str) -> Option<Place<'_>> {
        let &(id, name) = CAPITALS.get(iso2.to_ascii_uppercase().as_str())?;
        self.lookup(&crate::name_key(name))
            .find(|p| p.geonames_id() == id)
    }

    /// All countries.
    pub fn countries(&self) -> impl Iterator<Item = Place<'_>> {
        (0..self.n_countries).filter_map(|i| self.place(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_index_opens_and_verifies() {
        let g = Gazetteer::embedded();
        assert!(g.len() > 20_000, "{} places", g.len());
        assert!(g.verify());
        let kz = g.country("KZ").expect("Kazakhstan");
        assert_eq!(kz.country_iso3(), "KAZ");
        let zhanaozen: Vec<_> = g
            .lookup_skeleton(&crate::arabic_skeleton("زاناوزن"))
            .filter(|p| p.country() == "KZ")
            .collect();
        assert_eq!(zhanaozen.first().map(|p| p.name()), Some("Zhanaozen"));
        assert_eq!(g.demonym("كازاخستاني").map(|p| p.country()), Some("KZ"));
        assert_eq!(
            g.lookup("almaty").next().map(|p| p.geonames_id()),
            Some(1_526_384)
        );
    }

    #[test]
    fn capitals_are_places_of_their_country() {
        let g = Gazetteer::embedded();
        for (iso, name) in [("US", "Washington"), ("sa", "Riyadh"), ("BO", "La Paz")] {
            let capital = g.capital(iso).expect(iso);
            assert_eq!(capital.name(), name);
            assert!(capital.country().eq_ignore_ascii_case(iso));
            assert_eq!(capital.kind(), PlaceKind::City);
        }
        // Every row of the table is found in the index.
        let found = CAPITALS
            .keys()
            .filter(|iso| g.capital(iso).is_some())
            .count();
        assert_eq!(found, CAPITALS.len());
        assert!(g.capital("XX").is_none());
    }

    #[test]
    fn corrupt_files_are_refused() {
        assert!(Gazetteer::open(b"HDGZ").is_err());
        assert!(
            Gazetteer::open(b"XXXX\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")
                .is_err()
        );
        let mut cut = EMBEDDED_BYTES[..EMBEDDED_BYTES.len() - 10].to_vec();
        cut.shrink_to_fit();
        assert!(Gazetteer::open(Box::leak(cut.into_boxed_slice())).is_err());
    }
}
