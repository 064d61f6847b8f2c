use crate::{NormalizedText, Span};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters).
    Word,
    /// Digits, with inner group or decimal separators.
    Number,
    /// Any other non-space character, one per token.
    Punct,
}

/// A token of the normalized text with its span in both texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Kind of token.
    pub kind: TokenKind,
    /// Byte range in the normalized text.
    pub norm: Span,
    /// Byte range in the original text.
    pub orig: Span,
}

impl Token {
    /// The token's normalized text.
    pub fn text<'a>(&self, norm: &'a NormalizedText) -> &'a str {
        self.norm.slice(norm.as_str())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}')
}

fn is_number_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{066B}' | '\u{066C}')
}

/// Splits a normalized text into words, numbers and punctuation; whitespace separates tokens and
/// is not a token.
pub fn tokenize(norm: &NormalizedText) -> Vec<Token> {
    let text = norm.as_str();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = start + 1;
            let mut has_letter = false;
            loop {
                match chars.peek().copied() {
                    Some((i, d)) if d.is_ascii_digit() => {
                        end = i + 1;
                        chars.next();
                    }
                    Some((i, sep)) if is_number_separator(sep) => {
                        let next_is_digit =
                            text[i + sep.len_utf8()..].starts_with(|d: char| d.is_ascii_digit());
                        if !next_is_digit {
                            break;
                        }
                        end = i + sep.len_utf8();
                        chars.next();
                    }
                    Some((i, l)) if is_word_char(l) => {
                        has_letter = true;
                        end = i + l.len_utf8();
                        chars.next();
                    }
                    _ => break,
                }
            }
            let kind = if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            tokens.push(Token {
                kind,
                norm: Span::new(start, end),
                orig: norm.original_span(start, end),
            });
        } else if is_word_char(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, l)) = chars.peek() {
                if !is_word_char(l) {
                    break;
                }
                end = i + l.len_utf8();
                chars.next();
            }
            tokens.push(Token {
                kind: TokenKind::Word,
                norm: Span::new(start, end),
                orig: norm.original_span(start, end),
            });
        } else {
            let end = start + c.len_utf8();
            tokens.push(Token {
                kind: TokenKind::Punct,
                norm: Span::new(start, end),
                orig: norm.original_span(start, end),
            });
        }
    }
    tokens
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[(&str, TokenKind)]) {
        let norm = NormalizedText::new(input, |c, out| out.push(c));
        let tokens = tokenize(&norm);
        let got: Vec<(&str, TokenKind)> = tokens
            .iter()
            .map(|t| (t.orig.slice(input), t.kind))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn words_numbers_and_punctuation() {
        use TokenKind::*;
        check(
            "أكثر من 10,000 شخص.",
            &[
                ("أكثر", Word),
                ("من", Word),
                ("10,000", Number),
                ("شخص", Word),
                (".", Punct),
            ],
        );
        check(
            "in 2011, 3.5 km",
            &[
                ("in", Word),
                ("2011", Number),
                (",", Punct),
                ("3.5", Number),
                ("km", Word),
            ],
        );
        check("COVID19 \u{200F}x", &[("COVID19", Word), ("x", Word)]);
        check("", &[]);
    }
}
