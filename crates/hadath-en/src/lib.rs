//! English language pack: case and accent folding for matching, light lemmatization (plural,
//! past and gerund endings), and the English lexicons under `data/`.
//!
//! ```
//! use hadath_text::LanguagePack;
//! let pack = hadath_en::EnglishPack;
//! let mut analyses = Vec::new();
//! pack.analyses("arrested", &mut analyses);
//! assert!(analyses.iter().any(|a| a.form == "arrest"));
//! ```
#![deny(missing_docs)]

use hadath_text::{Analysis, Lang, LanguagePack, NormalizedText, PackData};

/// The English pack.
#[derive(Clone, Copy, Debug, Default)]
pub struct EnglishPack;

impl LanguagePack for EnglishPack {
    fn lang(&self) -> Lang {
        Lang::En
    }

    fn fold_char(&self, c: char, out: &mut String) {
        fold_char(c, out);
    }

    /// Folds each char; the stop after a single capital letter is dropped, so that "U.S.",
    /// "U.N." and "U.K." are one word each (us, un, uk), as news writes them.
    fn normalize(&self, text: &str) -> NormalizedText {
        let (mut before, mut last) = (' ', ' ');
        NormalizedText::new(text, |c, out| {
            let initial = c == '.' && last.is_ascii_uppercase() && !before.is_alphanumeric();
            if !initial {
                fold_char(c, out);
            }
            (before, last) = (last, c);
        })
    }

    fn analyses(&self, word: &str, out: &mut Vec<Analysis>) {
        analyses(word, out);
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

/// Lower-cases, strips common Latin accents, folds curly quotes and dashes.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            out.push('a')
        }
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => out.push('e'),
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => out.push('o'),
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => out.push('u'),
        'ç' | 'Ç' => out.push('c'),
        'ñ' | 'Ñ' => out.push('n'),
        '‘' | '’' | '`' => out.push('\''),
        '“' | '”' | '«' | '»' => out.push('"'),
        '–' | '—' => out.push('-'),
        c if c.is_uppercase() => out.extend(c.to_lowercase()),
        c => out.push(c),
    }
}

/// The word, then lemma candidates from regular endings: `-s -es -ies -ed -ied -ing -'s`.
pub fn analyses(word: &str, out: &mut Vec<Analysis>) {
    let mut push = |form: String| {
        if !form.is_empty() && !out.iter().any(|a| a.form == form) {
            out.push(Analysis {
                form,
                proclitic_len: 0,
                definite: false,
                verbal_ok: true,
            });
        }
    };
    push(word.to_string());
    if !word.is_ascii() || word.len() < 4 {
        return;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es") {
        push(stem.to_string());
    }
    if let Some(stem) = word.strip_suffix('s')
        && !stem.ends_with('s')
    {
        push(stem.to_string());
    }
    if let Some(stem) = word.strip_suffix("ied") {
        push(format!("{stem}y"));
    }
    for suffix in ["ed", "ing"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() < 2 {
                continue;
            }
            push(stem.to_string());
            push(format!("{stem}e"));
            let bytes = stem.as_bytes();
            if bytes.len() >= 3 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2] {
                push(stem[..stem.len() - 1].to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stops_of_single_capitals_are_dropped() {
        let norm = |t: &str| EnglishPack.normalize(t).as_str().to_string();
        assert_eq!(norm("U.S. troops"), "us troops");
        assert_eq!(norm("the U.N."), "the un");
        // Not after a word: "Mr.", "WASHINGTON."; an initial loses its stop too.
        assert_eq!(norm("Mr. Smith"), "mr. smith");
        assert_eq!(norm("WASHINGTON."), "washington.");
        assert_eq!(norm("J. Smith"), "j smith");
        // Offsets still map back: "us" is the original "U.S" (the last stop was dropped).
        let n = EnglishPack.normalize("U.S. troops");
        assert_eq!(n.original_span(0, 2), hadath_text::Span::new(0, 3));
    }

    fn forms(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        analyses(word, &mut out);
        out.into_iter().map(|a| a.form).collect()
    }

    #[test]
    fn lemma_candidates() {
        assert!(forms("protesters").contains(&"protester".to_string()));
        assert!(forms("rallies").contains(&"rally".to_string()));
        assert!(forms("detained").contains(&"detain".to_string()));
        assert!(forms("storming").contains(&"storm".to_string()));
        assert!(forms("stopped").contains(&"stop".to_string()));
        assert!(forms("seized").contains(&"seize".to_string()));
        assert_eq!(forms("us"), vec!["us".to_string()]);
        // A one-letter word is a word: a pattern's gap crosses it ("lifted a curfew").
        assert_eq!(forms("a"), vec!["a".to_string()]);
    }

    #[test]
    fn folds_case_and_accents() {
        let mut out = String::new();
        "Kaboré’s".chars().for_each(|c| fold_char(c, &mut out));
        assert_eq!(out, "kabore's");
    }
}
