use crate::Span;

/// Words after which a full stop does not end an English sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "gov", "sen", "rep",
    "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.n", "u.k", "e.g", "i.e",
    "a.m", "p.m",
];

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{061F}' | '\u{06D4}' | '\u{2026}')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | ')' | ']'
    )
}

/// Splits a text into sentences: at line breaks, and after `.`, `!`, `?`, `؟`, `…` (with any
/// closing quotes or brackets) unless the stop belongs to a number (`3.5`), an initial or a known
/// abbreviation (`U.S.`, `Mr.`). Returns spans trimmed of surrounding whitespace; never empty spans.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let mut cut = None;
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            cut = Some(i);
        } else if is_terminal(c) && ends_sentence(text, i, c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if is_terminal(d) || is_closing(d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            cut = Some(end);
        }
        if let Some(end) = cut {
            push_trimmed(text, start, end, &mut spans);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    if c != '.' {
        return true;
    }
    let before = &text[..i];
    let after = &text[i + 1..];
    let prev = before.chars().next_back();
    let next = after.chars().next();
    // 3.5, 1.000
    if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
        return false;
    }
    // A Latin word right before: initials and abbreviations.
    let word: String = before
        .chars()
        .rev()
        .take_while(|ch| ch.is_alphanumeric() || *ch == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if !word.is_empty() && word.chars().all(|ch| ch.is_ascii_alphabetic() || ch == '.') {
        let lower = word.to_ascii_lowercase();
        let lower = lower.trim_matches('.');
        if ABBREVIATIONS.contains(&lower) {
            return false;
        }
        // A single capital letter (an initial), when followed by a space and a capital.
        if word.len() == 1 && word.chars().all(|ch| ch.is_ascii_uppercase()) {
            return false;
        }
        // "U.S.A" style: a letter right after the stop.
        if next.is_some_and(|n| n.is_ascii_alphabetic()) {
            return false;
        }
    }
    true
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let piece = &text[start..end];
    let trimmed_start = start + (piece.len() - piece.trim_start().len());
    let trimmed_end = start + piece.trim_end().len();
    if trimmed_start < trimmed_end {
        spans.push(Span::new(trimmed_start, trimmed_end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let got: Vec<&str> = split_sentences(input)
            .iter()
            .map(|s| s.slice(input))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn arabic_and_latin_stops() {
        check(
            "قتل ثلاثة. وأصيب آخرون؟ نعم!",
            &["قتل ثلاثة.", "وأصيب آخرون؟", "نعم!"],
        );
        check(
            "تحول عميق.ما هو غير واضح",
            &["تحول عميق.", "ما هو غير واضح"],
        );
        check("سطر أول\nسطر ثان", &["سطر أول", "سطر ثان"]);
    }

    #[test]
    fn quotes_numbers_and_abbreviations() {
        check(
            "He said \"stop.\" Then left.",
            &["He said \"stop.\"", "Then left."],
        );
        check(
            "Mr. Smith paid 3.5 million to the U.S. Army. Done",
            &["Mr. Smith paid 3.5 million to the U.S. Army.", "Done"],
        );
        check("  \n\n ", &[]);
    }
}
