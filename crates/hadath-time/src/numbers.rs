//! Cardinal numbers and vague quantities.

use std::ops::Range;

use hadath_text::{Lang, TokenKind};
use serde::Serialize;

use crate::WordView;
use crate::lexicon::{Approx, NumKind, Tables, for_lang};

/// A count as written: exact (`min == max`), bounded below ("at least 8"), approximate ("about
/// 200") or vague ("dozens": a range).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Quantity {
    /// Lower bound.
    pub min: u64,
    /// Upper bound (`u64::MAX` when open-ended).
    pub max: u64,
    /// Written with "at least" / "more than": `min` is a floor.
    pub at_least: bool,
    /// Written with "about" / "nearly".
    pub approximate: bool,
    /// A vague plural ("dozens", عشرات) rather than a number.
    pub vague: bool,
}

impl Quantity {
    fn exact(n: u64) -> Quantity {
        Quantity { min: n, max: n, at_least: false, approximate: false, vague: false }
    }

    /// The exact count, when the text gives one number (also "at least N": N).
    pub fn count(&self) -> Option<u64> {
        if self.vague { None } else { Some(self.min) }
    }
}

/// A number found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberMention {
    /// Tokens covered, approximation words included.
    pub tokens: Range<usize>,
    /// Its value.
    pub quantity: Quantity,
}

/// Finds every number (digits, number words, vague quantities) in `words`.
pub fn find_numbers(lang: Lang, words: &WordView<'_>) -> Vec<NumberMention> {
    let tables = for_lang(lang);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (approx, after_approx) = match approximation(tables, words, i) {
            Some((kind, end)) => (Some(kind), end),
            None => (None, i),
        };
        if let Some((mut quantity, end)) = cardinal(lang, tables, words, after_approx) {
            match approx {
                Some(Approx::AtLeast) => quantity.at_least = true,
                Some(Approx::MoreThan) => {
                    quantity.at_least = true;
                    quantity.max = u64::MAX;
                }
                Some(Approx::About) => quantity.approximate = true,
                Some(Approx::LessThan) => {
                    quantity.max = quantity.min;
                    quantity.min = 0;
                }
                None => {}
            }
            found.push(NumberMention { tokens: i..end, quantity });
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

fn approximation(tables: &Tables, words: &WordView<'_>, i: usize) -> Option<(Approx, usize)> {
    'phrases: for (phrase, kind) in &tables.approx {
        for (offset, word) in phrase.iter().enumerate() {
            if !words.forms(i + offset).any(|f| f == word) {
                continue 'phrases;
            }
        }
        return Some((*kind, i + phrase.len()));
    }
    None
}

fn number_roles<'t>(tables: &'t Tables, words: &WordView<'_>, i: usize, need_conjunction: bool) -> Vec<(u64, NumKind)> {
    let mut roles = Vec::new();
    for analysis in words.analyses.get(i).into_iter().flatten() {
        let with_conjunction = analysis.proclitic_len > 0 && words.text(i).starts_with('و');
        if need_conjunction && !with_conjunction {
            continue;
        }
        if !need_conjunction && analysis.proclitic_len > 0 && words.text(i).starts_with(['س', 'ك']) {
            continue;
        }
        if let Some(r) = tables.numbers.get(&analysis.form) {
            roles.extend(r.iter().copied());
        }
    }
    roles
}

fn digits_value(text: &str) -> Option<u64> {
    let cleaned: String = text.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
    if let Some((whole, frac)) = cleaned.split_once('.') {
        // "1.000" as a thousands separator, "3.5" as a decimal: keep the whole part of a decimal.
        if frac.len() == 3 && !frac.contains('.') {
            return format!("{whole}{frac}").parse().ok();
        }
        return whole.parse().ok();
    }
    if cleaned.len() > 15 {
        return None;
    }
    cleaned.parse().ok()
}

fn cardinal(lang: Lang, tables: &Tables, words: &WordView<'_>, start: usize) -> Option<(Quantity, usize)> {
    if start >= words.len() {
        return None;
    }
    // Digits, with an optional scale word: "10,000", "3.5 مليون".
    if words.kind(start) == TokenKind::Number {
        let text = words.text(start);
        let mut value = digits_value(text)?;
        let mut end = start + 1;
        if let Some(scale) = number_roles(tables, words, end, false).iter().find(|(_, k)| *k == NumKind::Scale).map(|(v, _)| *v) {
            if text.contains('.') {
                let as_float: f64 = text.replace(',', "").parse().unwrap_or(value as f64);
                value = (as_float * scale as f64) as u64;
            } else {
                value = value.saturating_mul(scale);
            }
            end += 1;
        }
        return Some((Quantity::exact(value), end));
    }
    // A vague plural: عشرات (الآلاف), dozens, hundreds of thousands.
    let first_roles = number_roles(tables, words, start, false);
    if let Some((base, _)) = first_roles.iter().find(|(_, k)| *k == NumKind::Vague) {
        let mut base = *base;
        let mut end = start + 1;
        // "tens of thousands": skip "of" in English.
        let of = usize::from(lang == Lang::En && words.text(end) == "of");
        if let Some((scale, _)) = number_roles(tables, words, end + of, false).iter().find(|(_, k)| *k == NumKind::Vague || *k == NumKind::Scale) {
            base = base.saturating_mul(*scale);
            end += 1 + of;
        }
        let (min, max) = vague_range(lang, base);
        return Some((Quantity { min, max, at_least: false, approximate: true, vague: true }, end));
    }
    // Number words.
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut i = start;
    let mut matched_any = false;
    let mut last_kind: Option<NumKind> = None;
    while i < words.len() {
        let need_conjunction = lang == Lang::Ar && matched_any;
        let mut roles = number_roles(tables, words, i, need_conjunction);
        if matched_any && lang == Lang::Ar {
            // Without a conjunction: the 10 of 11–19, a scale after a unit, مئة after a unit.
            for (v, k) in number_roles(tables, words, i, false) {
                let fits = match k {
                    NumKind::Teen => last_kind == Some(NumKind::Unit) && current < 10,
                    NumKind::Scale => true,
                    NumKind::Hundred => v == 100 && last_kind == Some(NumKind::Unit),
                    _ => false,
                };
                if fits {
                    roles.push((v, k));
                }
            }
        }
        if lang == Lang::En && words.text(i) == "a" {
            // "a hundred", "a dozen" only.
            let next = number_roles(tables, words, i + 1, false);
            if !next.iter().any(|(v, k)| matches!(k, NumKind::Hundred | NumKind::Scale) || *v == 12) {
                break;
            }
        }
        if lang == Lang::En && matched_any && (words.text(i) == "and" || words.text(i) == "-") {
            if !number_roles(tables, words, i + 1, false).is_empty() {
                i += 1;
                continue;
            }
            break;
        }
        let role = pick_role(&roles, last_kind, current);
        let Some((value, kind)) = role else { break };
        match kind {
            NumKind::Unit | NumKind::Ten => current = current.saturating_add(value),
            NumKind::Teen => current = current.saturating_add(10),
            NumKind::Hundred => {
                if value == 100 && (1..=9).contains(&current) {
                    current *= 100;
                } else {
                    current = current.saturating_add(value);
                }
            }
            NumKind::Scale => {
                total = total.saturating_add(current.max(1).saturating_mul(value));
                current = 0;
            }
            NumKind::Vague => break,
        }
        matched_any = true;
        last_kind = Some(kind);
        i += 1;
    }
    if !matched_any {
        return None;
    }
    Some((Quantity::exact(total.saturating_add(current)), i))
}

fn pick_role(roles: &[(u64, NumKind)], last: Option<NumKind>, current: u64) -> Option<(u64, NumKind)> {
    // After a unit, "عشر" is the teen ten; elsewhere prefer units, tens, hundreds, scales.
    if last == Some(NumKind::Unit) && current < 10 {
        if let Some(r) = roles.iter().find(|(_, k)| *k == NumKind::Teen) {
            return Some(*r);
        }
    }
    roles.iter().copied().find(|(_, k)| *k != NumKind::Vague && *k != NumKind::Teen)
}

fn vague_range(lang: Lang, base: u64) -> (u64, u64) {
    // A plural of tens is at least two of them; "dozens" at least two dozen.
    match (lang, base) {
        (Lang::En, 12) => (24, 99),
        (_, b) => (b.saturating_mul(2), b.saturating_mul(10).saturating_sub(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Words;
    use hadath_text::LanguagePack;

    fn check(pack: &dyn LanguagePack, text: &str, expected: &[(&str, u64, u64)]) {
        let words = Words::analyse(pack, text);
        let view = words.view();
        let found = find_numbers(pack.lang(), &view);
        let got: Vec<(String, u64, u64)> = found
            .iter()
            .map(|m| {
                let span = view.tokens[m.tokens.start].orig.cover(view.tokens[m.tokens.end - 1].orig);
                (span.slice(text).to_string(), m.quantity.min, m.quantity.max)
            })
            .collect();
        let expected: Vec<(String, u64, u64)> = expected.iter().map(|(s, a, b)| (s.to_string(), *a, *b)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn arabic_number_words() {
        let ar = &hadath_ar::ArabicPack;
        check(ar, "قتل ثمانية من الضباط", &[("ثمانية", 8, 8)]);
        check(ar, "أكثر من اثنتي عشرة مدينة", &[("أكثر من اثنتي عشرة", 12, u64::MAX)]);
        check(ar, "خمسة عشر قتيلا", &[("خمسة عشر", 15, 15)]);
        check(ar, "خمسة وعشرون شخصا", &[("خمسة وعشرون", 25, 25)]);
        check(ar, "ثلاثمائة وخمسون", &[("ثلاثمائة وخمسون", 350, 350)]);
        check(ar, "ثلاث مئة", &[("ثلاث مئة", 300, 300)]);
        check(ar, "مئتي شخص", &[("مئتي", 200, 200)]);
        check(ar, "ثلاثة آلاف", &[("ثلاثة آلاف", 3000, 3000)]);
        check(ar, "ما لا يقل عن ١٥ شخصًا", &[("ما لا يقل عن ١٥", 15, 15)]);
        check(ar, "عشرات الآلاف خرجوا", &[("عشرات الآلاف", 20_000, 99_999)]);
        check(ar, "عشرات المهاجمين", &[("عشرات", 20, 99)]);
        check(ar, "أكثر من 10000 شخص", &[("أكثر من 10000", 10_000, u64::MAX)]);
        check(ar, "وبثمانية", &[("وبثمانية", 8, 8)]);
    }

    #[test]
    fn english_numbers() {
        let en = &hadath_en::EnglishPack;
        check(en, "at least 15 people", &[("at least 15", 15, 15)]);
        check(en, "twenty-five killed", &[("twenty-five", 25, 25)]);
        check(en, "two hundred and fifty", &[("two hundred and fifty", 250, 250)]);
        check(en, "dozens of people", &[("dozens", 24, 99)]);
        check(en, "tens of thousands", &[("tens of thousands", 20_000, 99_999)]);
        check(en, "3.5 million", &[("3.5 million", 3_500_000, 3_500_000)]);
        check(en, "a man", &[]);
    }
}
