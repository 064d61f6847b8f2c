//! The pipeline: reads articles (plain text, HTML, JSON Lines) into [`Document`]s and runs the
//! extractor on them.
//!
//! ```
//! use hadath_pipeline::{ReadOptions, read_bytes, Format};
//! let opts = ReadOptions { published: "2022-01-06".parse().ok(), lang: None };
//! let (docs, errors) = read_bytes("demo.txt", "قتل ثلاثة أشخاص في هجوم أمس.".as_bytes(), Format::Text, &opts);
//! assert!(errors.is_empty());
//! let (events, _) = hadath_pipeline::extract(&docs[0]);
//! assert_eq!(events[0].event_type.as_str(), "ASSAULT");
//! ```
#![deny(missing_docs)]

mod html;
mod input;

pub use hadath_event::{Diagnostic, Event, Options, extract, extract_with};
pub use html::html_to_text;
pub use input::{Format, InputError, MAX_DOCUMENT_BYTES, ReadOptions, read_bytes, read_path};
