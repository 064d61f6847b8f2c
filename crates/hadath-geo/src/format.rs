//! The gazetteer file: a header, fixed-size place records, a string pool, postings and an `fst` map.
//!
//! ```text
//! magic  b"HDGZ"            4 bytes
//! version u32 LE            = VERSION
//! n_places u32, pool_len u32, n_postings u32, fst_len u32, checksum u64 (FNV-1a of everything after the header)
//! places  n_places × RECORD_LEN bytes
//! pool    pool_len bytes of UTF-8 (canonical names)
//! postings n_postings × u32 LE (place indices)
//! fst     fst_len bytes: key → (offset << 16 | count) into postings
//! ```
//! Keys are normalized names (tokens joined by one space); `SKELETON_PREFIX` + a consonant skeleton
//! and `DEMONYM_PREFIX` + a demonym form are stored in the same map.

/// File magic.
pub const MAGIC: &[u8; 4] = b"HDGZ";
/// Format version; bump on any layout change.
pub const VERSION: u32 = 1;
/// Header length in bytes.
pub const HEADER_LEN: usize = 4 + 4 + 4 * 4 + 8;
/// One place record: id u32, lat f32, lon f32, population u32, country 2, iso3 3, kind 1, name offset u32, name length u16.
pub const RECORD_LEN: usize = 4 + 4 + 4 + 4 + 2 + 3 + 1 + 4 + 2;
/// Prefix of skeleton keys.
pub const SKELETON_PREFIX: char = '\u{1}';
/// Prefix of demonym keys.
pub const DEMONYM_PREFIX: char = '\u{2}';

/// FNV-1a, 64 bit.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
