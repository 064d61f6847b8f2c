use crate::Span;

/// A normalized copy of a text with, for every normalized byte, the original byte range of the
/// character it came from. Spans found in the normalized text map back with [`original_span`].
///
/// [`original_span`]: NormalizedText::original_span
#[derive(Clone, Debug, Default)]
pub struct NormalizedText {
    text: String,
    // Invariant: orig_start.len() == orig_end.len() == text.len(); both hold char boundaries of
    // the original text, non-decreasing.
    orig_start: Vec<u32>,
    orig_end: Vec<u32>,
    orig_len: u32,
}

impl NormalizedText {
    /// Normalizes `original` char by char: `fold` appends the normalized form of each char to the
    /// buffer it is given (nothing, to drop the char).
    pub fn new(original: &str, mut fold: impl FnMut(char, &mut String)) -> NormalizedText {
        let mut text = String::with_capacity(original.len());
        let mut orig_start = Vec::with_capacity(original.len());
        let mut orig_end = Vec::with_capacity(original.len());
        for (byte_idx, c) in original.char_indices() {
            let before = text.len();
            fold(c, &mut text);
            let added = text.len() - before;
            let start = byte_idx as u32;
            let end = (byte_idx + c.len_utf8()) as u32;
            orig_start.extend(std::iter::repeat_n(start, added));
            orig_end.extend(std::iter::repeat_n(end, added));
        }
        NormalizedText {
            text,
            orig_start,
            orig_end,
            orig_len: original.len() as u32,
        }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range behind the normalized byte range `[start, end)`.
    ///
    /// An empty or out-of-range input maps to an empty span at the nearest original position.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        if start >= end || start >= self.text.len() {
            let pos = self.orig_start.get(start).copied().unwrap_or(self.orig_len) as usize;
            return Span::new(pos, pos);
        }
        let end = end.min(self.text.len());
        Span::new(
            self.orig_start[start] as usize,
            self.orig_end[end - 1] as usize,
        )
    }

    /// The normalized byte offset of the first normalized byte at or after original offset `orig`.
    pub fn normalized_offset(&self, orig: usize) -> usize {
        self.orig_start.partition_point(|&s| (s as usize) < orig)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold_demo(c: char, out: &mut String) {
        match c {
            'أ' | 'إ' | 'آ' => out.push('ا'),
            '\u{064B}'..='\u{0652}' | 'ـ' => {}
            'ﻻ' => out.push_str("لا"),
            c => out.push(c),
        }
    }

    #[test]
    fn spans_map_back_over_dropped_and_expanded_chars() {
        let original = "أَلْماتي ﻻ";
        let norm = NormalizedText::new(original, fold_demo);
        assert_eq!(norm.as_str(), "الماتي لا");
        let word_end = norm.as_str().find(' ').unwrap();
        let span = norm.original_span(0, word_end);
        assert_eq!(span.slice(original), "أَلْماتي");
        // Half of an expanded ligature maps to the whole ligature.
        let lam = norm.as_str().len() - 2;
        assert_eq!(
            norm.original_span(lam, norm.as_str().len()).slice(original),
            "ﻻ"
        );
        assert_eq!(norm.original_span(5, 5).len(), 0);
    }

    #[test]
    fn normalized_offset_inverts_original_start() {
        let original = "ab\u{064E}c";
        let norm = NormalizedText::new(original, fold_demo);
        assert_eq!(norm.as_str(), "abc");
        assert_eq!(norm.normalized_offset(0), 0);
        assert_eq!(norm.normalized_offset(4), 2);
        assert_eq!(norm.normalized_offset(99), 3);
    }
}
