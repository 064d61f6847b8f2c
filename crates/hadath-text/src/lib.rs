//! Text core of hadath: documents, byte spans, normalized views with an offset map back to the
//! original text, sentences, tokens, and the lexicon matcher every language pack uses.
//!
//! Every span handed out by this crate is a byte range into the document's text *exactly as read*;
//! normalization (folding alef forms, dropping diacritics, …) happens on a separate view whose every
//! byte knows the original range it came from.
//!
//! ```
//! use hadath_text::{Lang, NormalizedText};
//! // A pack supplies the folding; here: lower-case ASCII, drop '-'.
//! let text = "Nur-Sultan";
//! let norm = NormalizedText::new(text, |c, out| if c != '-' { out.push(c.to_ascii_lowercase()) });
//! assert_eq!(norm.as_str(), "nursultan");
//! assert_eq!(norm.original_span(3, 9), hadath_text::Span::new(4, 10));
//! # let _ = Lang::Ar;
//! ```
#![deny(missing_docs)]

mod chars;
mod document;
mod lexicon;
mod normalize;
mod pack;
mod sentence;
mod span;
mod token;

pub use chars::{head_chars, tail_chars, word_shape};
pub use document::{Document, Lang};
pub use lexicon::{Lexicon, LexiconError, Match, Slot, tsv_rows};
pub use normalize::NormalizedText;
pub use pack::{Analysis, LanguagePack, PackData};
pub use sentence::split_sentences;
pub use span::Span;
pub use token::{Token, TokenKind, tokenize};
