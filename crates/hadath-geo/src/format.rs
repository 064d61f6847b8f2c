//! The gazetteer file: a header, fixed-size place records, a string pool, postings and an `fst` map.
//!
//! ```text
//! magic  b"HDGZ"            4 bytes
//! version u32 LE            = VERSION
//! n_places u32, n_countries u32, pool_len u32, n_postings u32, fst_len u32, checksum u64
//!                           (FNV-1a of everything after the header)
//! places  n_places × RECORD_LEN bytes; the countries come first
//! pool    pool_len bytes of UTF-8: per place, its canonical name, then NAME_SEP and the folded
//!         Latin names the transliteration ranking compares against (the first of them left out
//!         when it is the canonical name folded: FLAG_CANONICAL_FOLDED)
//! postings n_postings × u32 LE (place indices, each list by population, largest first)
//! fst     fst_len bytes: key → (offset << 16 | count) into postings
//! ```
//! Keys are normalized names (tokens joined by one space); `SKELETON_PREFIX` + a consonant skeleton
//! of a Latin name and `DEMONYM_PREFIX` + a demonym form are stored in the same map.
//!
//! A record: id u32, lat f32, lon f32, population u32, country 2 bytes, iso3 3 bytes, kind u8
//! (bit 0 country, bit 1 FLAG_CANONICAL_FOLDED, bits 2–7 notability),
//! admin1 code 4 bytes (space-padded), names offset u32, names length u32 — all little-endian.

/// File magic.
pub const MAGIC: &[u8; 4] = b"HDGZ";
/// Format version; bump on any layout change.
pub const VERSION: u32 = 3;
/// Header length in bytes.
pub const HEADER_LEN: usize = 4 + 4 + 5 * 4 + 8;
/// One place record (see the module text).
pub const RECORD_LEN: usize = 4 + 4 + 4 + 4 + 2 + 3 + 1 + 4 + 4 + 4;
/// Prefix of skeleton keys.
pub const SKELETON_PREFIX: char = '\u{1}';
/// Prefix of demonym keys.
pub const DEMONYM_PREFIX: char = '\u{2}';
/// Separates the names of one place in the pool.
pub const NAME_SEP: char = '\u{1f}';
/// Kind byte of a populated place.
pub const KIND_CITY: u8 = 0;
/// Kind byte of a country.
pub const KIND_COUNTRY: u8 = 1;
/// Flag in the kind byte: the place's first ranking name is its canonical name folded
/// (`fold_latin`), left out of the pool.
pub const FLAG_CANONICAL_FOLDED: u8 = 2;
/// The kind byte's top six bits: how many alternate names outside the Arabic script GeoNames
/// lists for the place, capped at 63 (a sign of how widely it is known).
pub const NOTABILITY_SHIFT: u8 = 2;

/// FNV-1a, 64 bit.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
