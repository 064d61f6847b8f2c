use crate::{Lang, NormalizedText};

/// One way to read a normalized word: the form a lexicon is matched against, after clitics are
/// split off. The word itself is always the first analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    /// The matching form (e.g. `متظاهرين` for `وبالمتظاهرين`).
    pub form: String,
    /// Normalized bytes of proclitics split off the front (`وبال` = 4 letters, 8 bytes).
    pub proclitic_len: usize,
    /// Whether the form had the definite article (Arabic `ال`) split off.
    pub definite: bool,
    /// Whether the split-off clitics can stand before a verb (Arabic و ف س ل; not ب ك ال).
    pub verbal_ok: bool,
}

/// A pack's lexicon files, as text (TSV with `#` comments; see each file's header).
#[derive(Clone, Copy, Debug)]
pub struct PackData {
    /// Event triggers: `pattern, TYPE, mode, needs, gloss`.
    pub triggers: &'static str,
    /// Actors: `pattern, sector, country, gloss`.
    pub actors: &'static str,
    /// Function words that steer coding: `pattern, ROLE, gloss`.
    pub markers: &'static str,
    /// Function words never read as names, whitespace-separated.
    pub function_words: &'static str,
}

/// What the text core needs from a language: how to fold characters for matching and how to
/// read a word into lexicon forms. Implemented by `hadath-ar` and `hadath-en`, so language packs
/// never depend on the pipeline.
pub trait LanguagePack: Send + Sync {
    /// The language this pack reads.
    fn lang(&self) -> Lang;

    /// Appends the matching form of `c` to `out`; appends nothing to drop it.
    fn fold_char(&self, c: char, out: &mut String);

    /// Pushes the analyses of one normalized word (the word itself first).
    fn analyses(&self, word: &str, out: &mut Vec<Analysis>);

    /// Normalizes a whole text with [`fold_char`](LanguagePack::fold_char).
    fn normalize(&self, text: &str) -> NormalizedText {
        NormalizedText::new(text, |c, out| self.fold_char(c, out))
    }

    /// Normalizes a lexicon entry to the exact string tokens are matched with.
    fn normalize_entry(&self, entry: &str) -> String {
        self.normalize(entry).as_str().to_string()
    }

    /// Expands one lexicon slot into normalized forms; by default a `|`-separated list.
    fn expand_slot(&self, slot: &str) -> Vec<String> {
        slot.split('|')
            .map(|form| self.normalize_entry(form))
            .filter(|f| !f.is_empty())
            .collect()
    }

    /// The pack's lexicons.
    fn data(&self) -> PackData;
}
