use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use crate::Analysis;

/// A lexicon data file that does not parse.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// A row is malformed.
    #[error("{file}:{line}: {message}")]
    Row {
        /// Name of the data file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One position of a lexicon pattern.
#[derive(Clone, Debug)]
pub enum Slot {
    /// One token whose analysis is one of these forms.
    Forms(HashSet<String>),
    /// One token whose analysis is one of these verb forms, with clitics a verb takes.
    Verb(HashSet<String>),
    /// Up to this many word tokens (no punctuation) may stand here.
    Gap(u8),
}

/// A found lexicon entry: the tokens it covers and the value it carries.
#[derive(Clone, Debug)]
pub struct Match<'a, V> {
    /// Token indices covered, first to last.
    pub tokens: Range<usize>,
    /// Index of the first token matched by each non-gap slot.
    pub anchors: Vec<usize>,
    /// The entry's value.
    pub value: &'a V,
    /// Index of the pattern in the lexicon (stable for one build of a data file).
    pub pattern: usize,
}

/// Multiword patterns over analysed tokens, indexed by the forms of their first slot.
///
/// A pattern is written as whitespace-separated slots. Each slot is expanded to its forms by a
/// language-specific function (alternatives `a|b`, verb paradigms, …); the slot `_` (or `_N`)
/// stands for a gap of up to 3 (or N) words. A slot starting with `V:` is a verb: it matches only
/// analyses whose clitics can stand before a verb ([`Analysis::verbal_ok`]).
#[derive(Debug)]
pub struct Lexicon<V> {
    patterns: Vec<(Vec<Slot>, V)>,
    index: HashMap<String, Vec<u32>>,
}

impl<V> Default for Lexicon<V> {
    fn default() -> Self {
        Lexicon {
            patterns: Vec::new(),
            index: HashMap::default(),
        }
    }
}

impl<V> Lexicon<V> {
    /// Builds a lexicon from `(pattern, value)` pairs; `expand` turns one slot into its forms.
    pub fn build(
        rows: impl IntoIterator<Item = (String, V)>,
        expand: &dyn Fn(&str) -> Vec<String>,
    ) -> Lexicon<V> {
        let mut lexicon = Lexicon::default();
        for (pattern, value) in rows {
            let slots: Vec<Slot> = pattern
                .split_whitespace()
                .map(|slot| match slot.strip_prefix('_') {
                    Some(n) => Slot::Gap(n.parse().unwrap_or(3)),
                    None if slot.starts_with("V:") => {
                        Slot::Verb(expand(slot).into_iter().filter(|f| !f.is_empty()).collect())
                    }
                    None => {
                        Slot::Forms(expand(slot).into_iter().filter(|f| !f.is_empty()).collect())
                    }
                })
                .collect();
            let first = match slots.first() {
                Some(Slot::Forms(first) | Slot::Verb(first)) => first,
                _ => continue,
            };
            if slots
                .iter()
                .any(|s| matches!(s, Slot::Forms(f) | Slot::Verb(f) if f.is_empty()))
            {
                continue;
            }
            let idx = lexicon.patterns.len() as u32;
            for form in first {
                lexicon.index.entry(form.clone()).or_default().push(idx);
            }
            lexicon.patterns.push((slots, value));
        }
        lexicon
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when the lexicon has no pattern.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// True when some pattern starts with this form.
    pub fn starts_with_form(&self, form: &str) -> bool {
        self.index.contains_key(form)
    }

    /// True when some one-word pattern is this form.
    pub fn has_word(&self, form: &str) -> bool {
        self.index.get(form).is_some_and(|ids| {
            ids.iter()
                .any(|&id| self.patterns[id as usize].0.len() == 1)
        })
    }

    /// All matches starting in `range`, longest first at each start; `analyses[i]` holds the
    /// analyses of token `i` (empty for punctuation).
    pub fn find_all(&self, analyses: &[Vec<Analysis>], range: Range<usize>) -> Vec<Match<'_, V>> {
        let mut found = Vec::new();
        let end = range.end.min(analyses.len());
        for start in range.start..end {
            let mut seen: Vec<u32> = Vec::new();
            for analysis in &analyses[start] {
                let Some(ids) = self.index.get(&analysis.form) else {
                    continue;
                };
                for &id in ids {
                    if seen.contains(&id) {
                        continue;
                    }
                    let (slots, value) = &self.patterns[id as usize];
                    if matches!(slots[0], Slot::Verb(_)) && !analysis.verbal_ok {
                        continue;
                    }
                    seen.push(id);
                    let mut anchors = vec![start];
                    if let Some(last) =
                        match_slots(&slots[1..], analyses, start + 1, end, &mut anchors)
                    {
                        found.push(Match {
                            tokens: start..last,
                            anchors,
                            value,
                            pattern: id as usize,
                        });
                    }
                }
            }
        }
        found.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
        found
    }
}

/// Matches `slots` from token `pos`; returns one past the last matched token.
fn match_slots(
    slots: &[Slot],
    analyses: &[Vec<Analysis>],
    pos: usize,
    end: usize,
    anchors: &mut Vec<usize>,
) -> Option<usize> {
    let Some((slot, rest)) = slots.split_first() else {
        return Some(pos);
    };
    match slot {
        Slot::Forms(forms) | Slot::Verb(forms) => {
            let verb = matches!(slot, Slot::Verb(_));
            if pos < end
                && analyses[pos]
                    .iter()
                    .any(|a| forms.contains(&a.form) && (!verb || a.verbal_ok))
            {
                anchors.push(pos);
                let result = match_slots(rest, analyses, pos + 1, end, anchors);
                if result.is_none() {
                    anchors.pop();
                }
                result
            } else {
                None
            }
        }
        Slot::Gap(max) => {
            for skip in 0..=*max as usize {
                let at = pos + skip;
                if at > end {
                    break;
                }
                // A gap spans words only.
                if skip > 0 && analyses[at - 1].is_empty() {
                    break;
                }
                if let Some(last) = match_slots(rest, analyses, at, end, anchors) {
                    return Some(last);
                }
            }
            None
        }
    }
}

/// The rows of a TSV data file: `(line number, fields)`, skipping blank lines and `#` comments.
pub fn tsv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<Analysis>> {
        text.split(' ')
            .map(|w| {
                if w == "," {
                    vec![]
                } else {
                    vec![Analysis {
                        form: w.to_string(),
                        proclitic_len: 0,
                        definite: false,
                        verbal_ok: true,
                    }]
                }
            })
            .collect()
    }

    fn expand(slot: &str) -> Vec<String> {
        slot.split('|').map(str::to_string).collect()
    }

    #[test]
    fn multiword_patterns_with_gaps() {
        let lex = Lexicon::build(
            [
                ("took to the streets|street".to_string(), 1),
                ("took _2 streets".to_string(), 2),
                ("took".to_string(), 3),
            ],
            &expand,
        );
        let tokens = words("they took to the streets today");
        let got: Vec<(Range<usize>, i32)> = lex
            .find_all(&tokens, 0..tokens.len())
            .iter()
            .map(|m| (m.tokens.clone(), *m.value))
            .collect();
        assert_eq!(got, vec![(1..5, 1), (1..5, 2), (1..2, 3)]);
        // A gap does not cross punctuation.
        let tokens = words("took , the streets");
        let got: Vec<i32> = lex
            .find_all(&tokens, 0..tokens.len())
            .iter()
            .map(|m| *m.value)
            .collect();
        assert_eq!(got, vec![3]);
    }

    #[test]
    fn tsv_skips_comments() {
        let rows: Vec<_> = tsv_rows("# source: x\n\na\tb\n").collect();
        assert_eq!(rows, vec![(3, vec!["a", "b"])]);
    }
}
