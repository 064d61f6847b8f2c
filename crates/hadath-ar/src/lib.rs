//! Arabic language pack: orthographic folding for matching, proclitic and enclitic analysis, verb
//! paradigms for lexicon entries, and the Arabic lexicons under `data/`.
//!
//! ```
//! use hadath_text::LanguagePack;
//! let pack = hadath_ar::ArabicPack;
//! let norm = pack.normalize("وبالمُتظاهرين ٣");
//! assert_eq!(norm.as_str(), "وبالمتظاهرين 3");
//! let mut analyses = Vec::new();
//! pack.analyses("وبالمتظاهرين", &mut analyses);
//! assert!(analyses.iter().any(|a| a.form == "متظاهرين" && a.definite));
//! ```
#![deny(missing_docs)]

mod clitics;
mod fold;
mod verbs;

pub use clitics::{analyses, strip_proclitics};
pub use fold::fold_char;
pub use verbs::verb_forms;

use hadath_text::{Analysis, Lang, LanguagePack, PackData};

/// The Arabic pack.
#[derive(Clone, Copy, Debug, Default)]
pub struct ArabicPack;

impl LanguagePack for ArabicPack {
    fn lang(&self) -> Lang {
        Lang::Ar
    }

    fn fold_char(&self, c: char, out: &mut String) {
        fold_char(c, out);
    }

    fn analyses(&self, word: &str, out: &mut Vec<Analysis>) {
        analyses(word, out);
    }

    /// `V:past/present` gives a verb's paradigm (`V:اعتقل/يعتقل`), anything else is a
    /// `|`-separated list of forms.
    fn expand_slot(&self, slot: &str) -> Vec<String> {
        if let Some(verb) = slot.strip_prefix("V:") {
            let (past, present) = verb.split_once('/').unwrap_or((verb, ""));
            return verb_forms(&self.normalize_entry(past), &self.normalize_entry(present));
        }
        slot.split('|')
            .map(|form| self.normalize_entry(form))
            .filter(|f| !f.is_empty())
            .collect()
    }

    fn data(&self) -> PackData {
        PackData {
            triggers: include_str!("../data/triggers.tsv"),
            actors: include_str!("../data/actors.tsv"),
            markers: include_str!("../data/markers.tsv"),
            function_words: include_str!("../data/function_words.txt"),
        }
    }
}
