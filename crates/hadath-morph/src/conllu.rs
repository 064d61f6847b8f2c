//! Reading CoNLL-U treebanks (UD v1 and v2) into sentences of syntactic words, with forms and
//! lemmas stripped of diacritics as news text is written.

/// One syntactic word of a treebank sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The form without diacritics.
    pub form: String,
    /// The lemma without diacritics.
    pub lemma: String,
    /// Universal part of speech (UD v2 names: v1's CONJ is read as CCONJ).
    pub upos: String,
    /// The treebank's own tag (PADT: ten positions).
    pub xpos: String,
    /// Morphological features, `Name=Value|…` in UD order, or `_`.
    pub feats: String,
}

/// A sentence: its words, and where the file grouped them into surface tokens (multiword token
/// lines; empty when the file has none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The words, in order.
    pub words: Vec<Word>,
    /// Multiword tokens: (first word, last word, surface form), indexes into `words`.
    pub tokens: Vec<(usize, usize, String)>,
}

/// Whether `c` is an Arabic diacritic (harakat, tanwin, shadda, sukun, dagger alif) or tatweel.
pub fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}')
}

/// `s` without diacritics; the wasla alif (ٱ) written as a plain alif. A string of diacritics
/// alone (a tatweel as punctuation) is kept as it is.
pub fn strip(s: &str) -> String {
    let out: String = s
        .chars()
        .filter(|&c| !is_diacritic(c))
        .map(|c| if c == '\u{0671}' { 'ا' } else { c })
        .collect();
    if out.is_empty() { s.to_string() } else { out }
}

/// Reads CoNLL-U text. Comment lines and empty nodes are skipped; lines that do not have ten
/// columns are errors, named by line number.
pub fn parse(text: &str) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    // Multiword token ranges by word id, resolved to word indexes as the words arrive.
    let mut pending: Vec<(usize, usize, String)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.words.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            pending.clear();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {}: {} columns, not 10", n + 1, cols.len()));
        }
        if let Some((a, b)) = cols[0].split_once('-') {
            let (a, b): (usize, usize) = match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) if a >= 1 && b >= a => (a, b),
                _ => return Err(format!("line {}: bad range {:?}", n + 1, cols[0])),
            };
            pending.push((a, b, strip(cols[1])));
            continue;
        }
        if cols[0].contains('.') {
            continue; // an empty node
        }
        let upos = match cols[3] {
            "CONJ" => "CCONJ",
            other => other,
        };
        current.words.push(Word {
            form: strip(cols[1]),
            lemma: strip(cols[2]),
            upos: upos.to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
        });
        let id = current.words.len();
        pending.retain(|(a, b, form)| {
            if *b == id {
                current.tokens.push((a - 1, b - 1, form.clone()));
                false
            } else {
                true
            }
        });
    }
    if !current.words.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// Reads a CoNLL-U file, gzip-compressed when its name ends in `.gz`.
pub fn read(path: &std::path::Path) -> Result<Vec<Sentence>, String> {
    use std::io::Read;
    let raw = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        out
    } else {
        raw
    };
    let text = String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_multiword_tokens() {
        let text = "# sent_id 1\n1-2\tللحظر\t_\t_\t_\t_\t_\t_\t_\t_\n1\tلِ\tلِ\tADP\tP---------\tAdpType=Prep\t2\tcase\t_\t_\n2\tاَلحَظرِ\tحَظر\tNOUN\tN------S2D\tCase=Gen\t0\troot\t_\t_\n3\tوَ\tوَ\tCONJ\tC---------\t_\t2\tcc\t_\t_\n\n";
        let s = parse(text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words[1].form, "الحظر");
        assert_eq!(s[0].words[1].lemma, "حظر");
        assert_eq!(s[0].words[2].upos, "CCONJ");
        assert_eq!(s[0].tokens, vec![(0, 1, "للحظر".to_string())]);
        assert!(parse("1\tx\n").unwrap_err().contains("line 1"));
    }
}
