//! Time and number expressions in Arabic and English: cardinal numbers (digits and number words in
//! every gender and case, compounds, vague quantities like عشرات الآلاف / "dozens"), approximations
//! ("ما لا يقل عن", "at least"), and dates resolved against a publication date with a precision.
//!
//! The grammars read tokens that a language pack has already normalized and analysed, so clitics
//! (وبثمانية) are split off before a word is looked up.
//!
//! ```
//! use hadath_text::{Lang, LanguagePack};
//! let pack = hadath_ar::ArabicPack;
//! let words = hadath_time::Words::analyse(&pack, "قتل ما لا يقل عن خمسة عشر شخصا");
//! let numbers = hadath_time::find_numbers(Lang::Ar, &words.view());
//! assert_eq!(numbers[0].quantity.min, 15);
//! assert!(numbers[0].quantity.at_least);
//! ```
#![deny(missing_docs)]

mod dates;
mod durations;
pub mod hebrew;
pub mod hijri;
mod lexicon;
mod lunisolar;
mod numbers;
mod ordinals;
mod timex;
mod words;

pub use dates::{Precision, TimeMention, find_times};
pub use durations::{DurationMention, Grain, find_durations};
pub use numbers::{NumberMention, Quantity, find_numbers};
pub use ordinals::{OrdinalMention, find_ordinals};
pub use timex::{Instant, Lean, TimeExpr, TimeValue, parse_times, parse_times_at};
pub use words::{WordView, Words};
