//! Character-level views of a word, as the learned models' features read them.

/// The first `n` characters of `s` (all of it when shorter).
pub fn head_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` characters of `s` (all of it when shorter; nothing for `n == 0`).
pub fn tail_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// A word's shape: `digits`, `latin`, `arabic`, `punct` (none of those), or `mixed`.
pub fn word_shape(s: &str) -> &'static str {
    let (mut digit, mut latin, mut arabic, mut other) = (false, false, false, false);
    for c in s.chars() {
        if c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) {
            digit = true;
        } else if c.is_ascii_alphabetic() {
            latin = true;
        } else if ('\u{0621}'..='\u{064A}').contains(&c) {
            arabic = true;
        } else {
            other = true;
        }
    }
    match (digit, latin, arabic, other) {
        (true, false, false, _) => "digits",
        (false, true, false, _) => "latin",
        (false, false, true, false) => "arabic",
        (false, false, false, true) => "punct",
        _ => "mixed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_tails_and_shapes() {
        assert_eq!(head_chars("المتظاهرين", 2), "ال");
        assert_eq!(tail_chars("المتظاهرين", 2), "ين");
        assert_eq!(tail_chars("ab", 5), "ab");
        assert_eq!(tail_chars("ab", 0), "");
        assert_eq!(head_chars("ab", 0), "");
        assert_eq!(word_shape("٢٠٢٢"), "digits");
        assert_eq!(word_shape("Cairo"), "latin");
        assert_eq!(word_shape("القاهرة"), "arabic");
        assert_eq!(word_shape("«"), "punct");
        assert_eq!(word_shape("F16"), "mixed");
    }
}
