//! Event extraction: finds PLOVER event triggers in a document, attaches their actors, date, place
//! and fatalities from the same clause or sentence (or the nearest context), and writes one
//! [`Event`] record per event.
//!
//! ```
//! use hadath_text::{Document, Lang};
//! let doc = Document {
//!     id: "demo".into(),
//!     text: "اعتقلت الشرطة عشرات المتظاهرين في القاهرة يوم الجمعة.".into(),
//!     lang: Lang::Ar,
//!     published: "2011-01-29".parse().ok(),
//!     url: None,
//! };
//! let (events, _diagnostics) = hadath_event::extract(&doc);
//! assert_eq!(events[0].event_type, hadath_event::PloverType::Coerce);
//! assert_eq!(events[0].date.start.to_string(), "2011-01-28");
//! ```
#![deny(missing_docs)]

pub mod detect;
mod extract;
mod lexicons;
mod mapping;
mod record;

pub use extract::{Diagnostic, Options, extract, extract_rules, extract_with};
pub use record::{
    Acled, Actor, CountrySource, Event, EventDate, Factuality, Fatalities, Location, PloverType,
    RunnerUp, Step, TextSpan,
};

/// Version of the event record; bump with any change to `schema/event.schema.json`.
pub const SCHEMA_VERSION: &str = "0.10.0";
