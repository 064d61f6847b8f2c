//! Ordinal numbers: "الثالث", "الحادي والعشرين", "الأحد عشر", "third", "twenty-fifth", "31st".

use std::ops::Range;

use hadath_text::{Lang, TokenKind};

use crate::WordView;
use crate::lexicon::for_lang;
use crate::numbers::find_numbers;

/// An ordinal found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrdinalMention {
    /// Tokens covered.
    pub tokens: Range<usize>,
    /// Its value (3 for "third").
    pub value: i64,
}

/// Finds ordinals in `words`.
pub fn find_ordinals(lang: Lang, words: &WordView<'_>) -> Vec<OrdinalMention> {
    ordinals_among(lang, words, &find_numbers(lang, words))
}

/// [`find_ordinals`] with the numbers of `words` already found.
pub(crate) fn ordinals_among(
    lang: Lang,
    words: &WordView<'_>,
    numbers: &[crate::NumberMention],
) -> Vec<OrdinalMention> {
    let tables = for_lang(lang);
    let ordinal_at = |k: usize| words.forms(k).find_map(|f| tables.ordinals.get(f).copied());
    let ten_at = |k: usize| {
        numbers
            .iter()
            .find(|n| n.tokens == (k..k + 1))
            .and_then(|n| n.value)
            .filter(|v| (20.0..=90.0).contains(v) && v % 10.0 == 0.0)
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let text = words.text(i);
        // "31st", "2nd": digits and a suffix.
        if lang == Lang::En && words.kind(i) == TokenKind::Word {
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() && matches!(&text[digits.len()..], "st" | "nd" | "rd" | "th") {
                if let Ok(v) = digits.parse::<i64>() {
                    found.push(OrdinalMention {
                        tokens: i..i + 1,
                        value: v,
                    });
                }
                i += 1;
                continue;
            }
        }
        if let Some(unit) = ordinal_at(i) {
            let unit = unit as i64;
            match lang {
                Lang::Ar => {
                    // الحادي عشر, الثالثة عشرة: a unit and ten.
                    if words.forms(i + 1).any(|f| f == "عشر" || f == "عشره") && unit < 10 {
                        found.push(OrdinalMention {
                            tokens: i..i + 2,
                            value: unit + 10,
                        });
                        i += 2;
                        continue;
                    }
                    // الحادي والعشرين, الواحد و العشرون: a unit, و and a ten.
                    if words.text(i + 1).starts_with('و')
                        && let Some(ten) = ten_at(i + 1)
                    {
                        found.push(OrdinalMention {
                            tokens: i..i + 2,
                            value: unit + ten as i64,
                        });
                        i += 2;
                        continue;
                    }
                    if words.text(i + 1) == "و"
                        && let Some(ten) = ten_at(i + 2)
                    {
                        found.push(OrdinalMention {
                            tokens: i..i + 3,
                            value: unit + ten as i64,
                        });
                        i += 3;
                        continue;
                    }
                    // حادي alone is not an ordinal.
                    if !words.forms(i).any(|f| f == "حادي" || f == "حاديه") {
                        found.push(OrdinalMention {
                            tokens: i..i + 1,
                            value: unit,
                        });
                    }
                    i += 1;
                    continue;
                }
                Lang::En => {
                    found.push(OrdinalMention {
                        tokens: i..i + 1,
                        value: unit,
                    });
                    i += 1;
                    continue;
                }
            }
        }
        // English: "twenty-fifth", "twenty fifth", "twentyfifth".
        if lang == Lang::En {
            if let Some(ten) = ten_at(i) {
                let k = if matches!(words.text(i + 1), "-") {
                    i + 2
                } else {
                    i + 1
                };
                if let Some(unit) = ordinal_at(k).filter(|u| *u < 10) {
                    found.push(OrdinalMention {
                        tokens: i..k + 1,
                        value: ten as i64 + unit as i64,
                    });
                    i = k + 1;
                    continue;
                }
            }
            if let Some(v) = glued_ordinal(lang, text) {
                found.push(OrdinalMention {
                    tokens: i..i + 1,
                    value: v,
                });
                i += 1;
                continue;
            }
        }
        // Arabic: a cardinal with the article is an ordinal (الأحد عشر، الواحد والثلاثون، التسعون).
        if lang == Lang::Ar
            && words
                .analyses
                .get(i)
                .is_some_and(|a| a.iter().any(|a| a.definite))
            && let Some(n) = numbers
                .iter()
                .find(|n| n.tokens.start == i && !n.quantity.vague)
            && let Some(v) = n
                .value
                .filter(|v| v.fract() == 0.0 && (1.0..1000.0).contains(v))
        {
            found.push(OrdinalMention {
                tokens: n.tokens.clone(),
                value: v as i64,
            });
            i = n.tokens.end;
            continue;
        }
        i += 1;
    }
    found
}

/// "twentyfifth": a tens word glued to a unit ordinal.
fn glued_ordinal(lang: Lang, word: &str) -> Option<i64> {
    let tables = for_lang(lang);
    for (prefix, ten) in [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ] {
        if let Some(rest) = word.strip_prefix(prefix)
            && let Some(unit) = tables.ordinals.get(rest).filter(|u| **u < 10)
        {
            return Some(ten + *unit as i64);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Words;
    use hadath_text::LanguagePack;

    fn values(pack: &dyn LanguagePack, text: &str) -> Vec<i64> {
        let words = Words::analyse(pack, text);
        find_ordinals(pack.lang(), &words.view())
            .iter()
            .map(|o| o.value)
            .collect()
    }

    #[test]
    fn arabic_ordinals() {
        let ar = &hadath_ar::ArabicPack;
        assert_eq!(values(ar, "في اليوم الثالث"), vec![3]);
        assert_eq!(values(ar, "الحادي عشر من سبتمبر"), vec![11]);
        assert_eq!(values(ar, "الذكرى الخامسة والعشرين"), vec![25]);
        assert_eq!(values(ar, "الواحد و العشرون"), vec![21]);
        assert_eq!(values(ar, "للمرة الأولى"), vec![1]);
        // حادي alone is not an ordinal; a cardinal without the article is not one either.
        assert_eq!(values(ar, "حادي"), Vec::<i64>::new());
        assert_eq!(values(ar, "ثلاثة أيام"), Vec::<i64>::new());
    }

    #[test]
    fn english_ordinals() {
        let en = &hadath_en::EnglishPack;
        assert_eq!(values(en, "the third day"), vec![3]);
        assert_eq!(values(en, "its twenty-fifth anniversary"), vec![25]);
        assert_eq!(values(en, "on the 31st"), vec![31]);
        assert_eq!(values(en, "thirtyfirst"), vec![31]);
        assert_eq!(values(en, "three days"), Vec::<i64>::new());
    }
}
