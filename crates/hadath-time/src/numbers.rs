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
        Quantity {
            min: n,
            max: n,
            at_least: false,
            approximate: false,
            vague: false,
        }
    }

    /// The exact count, when the text gives one number (also "at least N": N).
    pub fn count(&self) -> Option<u64> {
        if self.vague { None } else { Some(self.min) }
    }
}

/// A number found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    /// Tokens covered, approximation words included.
    pub tokens: Range<usize>,
    /// Its value as a count.
    pub quantity: Quantity,
    /// Its exact value (decimals and sign kept: "-1.2", "٣٫٥ مليون"); `None` for a vague quantity.
    pub value: Option<f64>,
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
        // A sign or a bare decimal point written against the digits ("-1.2", ".77", "-.0012G"),
        // or a minus in words ("minus 1,200,000", "سالب ٣"): (negative, bare point, words).
        let touching = |k: usize| {
            words
                .tokens
                .get(k)
                .zip(words.tokens.get(k + 1))
                .is_some_and(|(a, b)| a.norm.end() == b.norm.start())
        };
        let digits_at = |k: usize| {
            words.kind(k) == TokenKind::Number
                || words.text(k).starts_with(|c: char| c.is_ascii_digit())
        };
        let sign_at = |k: usize| matches!(words.text(k), "-" | "−") && touching(k);
        let point_at = |k: usize| words.text(k) == "." && touching(k);
        let a = after_approx;
        let (negative, point, skip) = if sign_at(a) && point_at(a + 1) && digits_at(a + 2) {
            (true, true, 2)
        } else if sign_at(a) && digits_at(a + 1) {
            (true, false, 1)
        } else if point_at(a) && digits_at(a + 1) {
            (false, true, 1)
        } else if words.forms(a).any(|f| tables.minus.iter().any(|m| m == f)) {
            (true, false, 1)
        } else {
            (false, false, 0)
        };
        let number_start = a + skip;
        if let Some((mut quantity, end, mut value)) = cardinal(lang, tables, words, number_start) {
            if quantity.vague {
                value = None;
            }
            if point {
                let digits = words
                    .text(number_start)
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .count();
                value = value.map(|v| v / 10f64.powi(digits as i32));
                quantity = Quantity::exact(0);
            }
            if negative {
                value = value.map(|v| -v);
            }
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
            // The same number again in brackets, in words or figures: "forty-five (45)",
            // "خمسة (5) قتلى" — one number.
            let end = match words.text(end) {
                "(" => cardinal(lang, tables, words, end + 1)
                    .filter(|(_, e, v)| {
                        v.is_some() && *v == value.map(f64::abs) && words.text(*e) == ")"
                    })
                    .map_or(end, |(_, e, _)| e + 1),
                _ => end,
            };
            found.push(NumberMention {
                tokens: i..end,
                quantity,
                value,
            });
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

fn number_roles(
    tables: &Tables,
    words: &WordView<'_>,
    i: usize,
    need_conjunction: bool,
) -> Vec<(u64, NumKind)> {
    let mut roles = Vec::new();
    for analysis in words.analyses.get(i).into_iter().flatten() {
        let with_conjunction = analysis.proclitic_len > 0 && words.text(i).starts_with('و');
        if need_conjunction && !with_conjunction {
            continue;
        }
        if !need_conjunction && analysis.proclitic_len > 0 && words.text(i).starts_with(['س', 'ك'])
        {
            continue;
        }
        if let Some(r) = tables.numbers.get(&analysis.form) {
            roles.extend(r.iter().copied());
        }
    }
    roles
}

/// The value of a run of digits with separators: "1,000,000.00", "3.5", "1.000" (a thousands
/// point: exactly three digits after one point), "٣٬٠٠٠" (folded to ",").
fn digits_value(text: &str) -> Option<f64> {
    let commas = text.matches(',').count();
    let points = text.matches('.').count();
    let cleaned: String = match (commas, points) {
        (0, 0) => text.to_string(),
        // Both: the last one is the decimal mark.
        (_, _) if commas > 0 && points > 0 => {
            let decimal = if text.rfind('.') > text.rfind(',') {
                '.'
            } else {
                ','
            };
            let group = if decimal == '.' { ',' } else { '.' };
            text.chars()
                .filter(|&c| c != group)
                .map(|c| if c == decimal { '.' } else { c })
                .collect()
        }
        (0, 1) => {
            let (whole, frac) = text.split_once('.')?;
            if frac.len() == 3 && whole.len() <= 3 && !whole.starts_with('0') {
                format!("{whole}{frac}")
            } else {
                text.to_string()
            }
        }
        (0, _) => text.replace('.', ""),
        (1, 0) => {
            let (whole, frac) = text.split_once(',')?;
            if frac.len() == 3 {
                format!("{whole}{frac}")
            } else {
                format!("{whole}.{frac}")
            }
        }
        _ => text.replace(',', ""),
    };
    if cleaned.len() > 30 {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn to_count(value: f64) -> u64 {
    if value <= 0.0 {
        0
    } else if value >= u64::MAX as f64 {
        u64::MAX
    } else {
        value as u64
    }
}

fn cardinal(
    lang: Lang,
    tables: &Tables,
    words: &WordView<'_>,
    start: usize,
) -> Option<(Quantity, usize, Option<f64>)> {
    if start >= words.len() {
        return None;
    }
    // Digits, with an optional decimal part in words and scale word: "10,000", "3.5 مليون",
    // "1 فاصلة 1".
    if lang == Lang::En
        && words.kind(start) == TokenKind::Word
        && words.text(start).starts_with(|c: char| c.is_ascii_digit())
        && let Some(value) = suffixed_value(words.text(start))
    {
        return Some((Quantity::exact(to_count(value)), start + 1, Some(value)));
    }
    // "point 77": a decimal part alone.
    if let Some((fraction, end)) = decimal_word(tables, words, start) {
        return Some((Quantity::exact(0), end, Some(fraction)));
    }
    if words.kind(start) == TokenKind::Number {
        let mut value = digits_value(words.text(start))?;
        // "11/10", "3/15": a fraction written with digits on both sides of the slash.
        let adjacent = |a: usize, b: usize| {
            words
                .tokens
                .get(a)
                .zip(words.tokens.get(b))
                .is_some_and(|(x, y)| x.norm.end() == y.norm.start())
        };
        if words.text(start + 1) == "/"
            && words.kind(start + 2) == TokenKind::Number
            && adjacent(start, start + 1)
            && adjacent(start + 1, start + 2)
        {
            let denominator = digits_value(words.text(start + 2))?;
            if denominator != 0.0 && words.text(start + 3) != "/" {
                let value = value / denominator;
                return Some((Quantity::exact(to_count(value)), start + 3, Some(value)));
            }
        }
        let mut end = start + 1;
        if let Some((fraction, after)) = decimal_word(tables, words, end) {
            value += fraction;
            end = after;
        }
        if let Some(scale) = number_roles(tables, words, end, false)
            .iter()
            .find(|(_, k)| *k == NumKind::Scale)
            .map(|(v, _)| *v)
        {
            value *= scale as f64;
            end += 1;
        }
        return Some((Quantity::exact(to_count(value)), end, Some(value)));
    }
    // A vague plural: عشرات (الآلاف), dozens, hundreds of thousands.
    let first_roles = number_roles(tables, words, start, false);
    if let Some((base, _)) = first_roles.iter().find(|(_, k)| *k == NumKind::Vague) {
        let mut base = *base;
        let mut end = start + 1;
        // "tens of thousands": skip "of" in English.
        let of = usize::from(lang == Lang::En && words.text(end) == "of");
        if let Some((scale, _)) = number_roles(tables, words, end + of, false)
            .iter()
            .find(|(_, k)| *k == NumKind::Vague || *k == NumKind::Scale)
        {
            base = base.saturating_mul(*scale);
            end += 1 + of;
        }
        let (min, max) = vague_range(lang, base);
        return Some((
            Quantity {
                min,
                max,
                at_least: false,
                approximate: true,
                vague: true,
            },
            end,
            None,
        ));
    }
    // Number words.
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut i = start;
    let mut matched_any = false;
    let mut last_kind: Option<NumKind> = None;
    // A conjunction written apart ("خمسة و عشرون") was just read.
    let mut conjunction = false;
    let mut last_scale: Option<u64> = None;
    while i < words.len() {
        if lang == Lang::Ar
            && matched_any
            && !conjunction
            && words.text(i) == "و"
            && !number_roles(tables, words, i + 1, false).is_empty()
        {
            conjunction = true;
            i += 1;
            continue;
        }
        let need_conjunction = lang == Lang::Ar && matched_any && !conjunction;
        let mut roles = number_roles(tables, words, i, need_conjunction);
        conjunction = false;
        if matched_any && lang == Lang::Ar {
            // Without a conjunction: the 10 of 11–19, a scale after a unit, مئة after a unit, and
            // (as spoken Arabic writes it) units and tens straight after a hundred or a thousand.
            for (v, k) in number_roles(tables, words, i, false) {
                let fits = match k {
                    NumKind::Teen => last_kind == Some(NumKind::Unit) && current < 10,
                    NumKind::Scale => true,
                    NumKind::Hundred => v == 100 && last_kind == Some(NumKind::Unit),
                    NumKind::Unit | NumKind::Ten => {
                        matches!(last_kind, Some(NumKind::Hundred | NumKind::Scale))
                    }
                    _ => false,
                };
                if fits {
                    roles.push((v, k));
                }
            }
        }
        if lang == Lang::En && words.text(i) == "a" {
            // "a hundred", "a dozen", "a couple", "a pair" only.
            let next = number_roles(tables, words, i + 1, false);
            if !next
                .iter()
                .any(|(v, k)| matches!(k, NumKind::Hundred | NumKind::Scale) || *v == 12)
                && !matches!(words.text(i + 1), "couple" | "pair" | "few")
            {
                break;
            }
            if matches!(words.text(i + 1), "couple" | "pair" | "few") {
                i += 1;
                continue;
            }
            // The article has no analysis of its own: it is one.
            roles = vec![(1, NumKind::Unit)];
        }
        // "two hundred and fifty", "twenty-five"; not "one and two".
        let and_fits =
            words.text(i) == "-" || matches!(last_kind, Some(NumKind::Hundred | NumKind::Scale));
        if lang == Lang::En && matched_any && (words.text(i) == "and" || words.text(i) == "-") {
            if and_fits && !number_roles(tables, words, i + 1, false).is_empty() {
                i += 1;
                continue;
            }
            break;
        }
        let role = pick_role(&roles, last_kind, current);
        let Some((value, kind)) = role else { break };
        // English never adds two units, two tens or a ten to a teen ("five six", "ten thirty",
        // "twelve fifteen"): two numbers, or a clock time read by the time grammar.
        if lang == Lang::En
            && matches!(
                (last_kind, kind),
                (Some(NumKind::Unit), NumKind::Unit) | (Some(NumKind::Ten), NumKind::Ten)
            )
            || lang == Lang::En
                && last_kind == Some(NumKind::Unit)
                && kind == NumKind::Ten
                && (10..100).contains(&current)
        {
            // The hyphen or "and" read before this word is no part of the number.
            if matches!(words.text(i - 1), "-" | "and") {
                i -= 1;
            }
            break;
        }
        match kind {
            // Spoken hundreds: "one twenty two" is 122 (a unit then a ten never add up in English).
            NumKind::Ten
                if lang == Lang::En && last_kind == Some(NumKind::Unit) && current < 10 =>
            {
                current = current * 100 + value;
            }
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
                // A larger scale after a smaller one multiplies all before it ("three thousand
                // millions"); a smaller one adds ("two million three thousand").
                if last_scale.is_some_and(|l| value > l) {
                    total = total.saturating_add(current).saturating_mul(value);
                } else {
                    total = total.saturating_add(current.max(1).saturating_mul(value));
                }
                current = 0;
                last_scale = Some(value);
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
    // "a couple of", "a dozen of".
    if lang == Lang::En
        && words.text(i) == "of"
        && matches!(words.text(i - 1), "couple" | "pair" | "dozen")
    {
        i += 1;
    }
    let whole = total.saturating_add(current);
    let mut value = whole as f64;
    let few = lang == Lang::En
        && i == start + 1 + usize::from(words.text(start) == "a")
        && words.text(i - 1) == "few";
    if let Some((fraction, after)) = decimal_word(tables, words, i) {
        value += fraction;
        i = after;
        // "two point two million".
        if let Some(scale) = number_roles(tables, words, i, false)
            .iter()
            .find(|(_, k)| *k == NumKind::Scale)
            .map(|(v, _)| *v)
        {
            value *= scale as f64;
            i += 1;
        }
    }
    let mut quantity = Quantity::exact(to_count(value));
    quantity.approximate = few;
    Some((quantity, i, Some(value)))
}

/// "100k", "3M", "1.2bn", ".0012G": digits with a scale letter.
fn suffixed_value(text: &str) -> Option<f64> {
    let digits_end = text.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
    let (digits, suffix) = text.split_at(digits_end);
    let scale = match suffix {
        "k" | "K" => 1e3,
        "m" | "M" | "mn" => 1e6,
        "g" | "G" | "b" | "B" | "bn" => 1e9,
        _ => return None,
    };
    if digits.is_empty() {
        return None;
    }
    Some(digits_value(digits)? * scale)
}

/// A decimal part written with a word for the point: "فاصلة 5", "فاصلة خمسة", "point five".
fn decimal_word(tables: &Tables, words: &WordView<'_>, at: usize) -> Option<(f64, usize)> {
    if !words
        .forms(at)
        .any(|f| tables.decimal_point.iter().any(|p| p == f))
    {
        return None;
    }
    let digits_start = at + 1;
    if words.kind(digits_start) == TokenKind::Number {
        let digits = words.text(digits_start);
        if digits.chars().all(|c| c.is_ascii_digit()) {
            let v: f64 = digits.parse().ok()?;
            return Some((v / 10f64.powi(digits.len() as i32), digits_start + 1));
        }
        return None;
    }
    // One number word: "فاصلة خمسة", "point two" (a scale after it belongs to the whole number).
    let (v, _) = number_roles(tables, words, digits_start, false)
        .into_iter()
        .find(|(_, k)| matches!(k, NumKind::Unit | NumKind::Ten))?;
    let places = ((v as f64).log10().floor() as i32 + 1).max(1);
    Some((v as f64 / 10f64.powi(places), digits_start + 1))
}

fn pick_role(
    roles: &[(u64, NumKind)],
    last: Option<NumKind>,
    current: u64,
) -> Option<(u64, NumKind)> {
    // After a unit, "عشر" is the teen ten; elsewhere prefer units, tens, hundreds, scales.
    if last == Some(NumKind::Unit)
        && current < 10
        && let Some(r) = roles.iter().find(|(_, k)| *k == NumKind::Teen)
    {
        return Some(*r);
    }
    roles
        .iter()
        .copied()
        .find(|(_, k)| *k != NumKind::Vague && *k != NumKind::Teen)
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
                let span = view.tokens[m.tokens.start]
                    .orig
                    .cover(view.tokens[m.tokens.end - 1].orig);
                (span.slice(text).to_string(), m.quantity.min, m.quantity.max)
            })
            .collect();
        let expected: Vec<(String, u64, u64)> = expected
            .iter()
            .map(|(s, a, b)| (s.to_string(), *a, *b))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_number_repeated_in_brackets_is_one_number() {
        let ar = &hadath_ar::ArabicPack;
        check(ar, "قتل خمسة (5) أشخاص", &[("خمسة (5)", 5, 5)]);
        let en = &hadath_en::EnglishPack;
        check(en, "forty-five (45) people", &[("forty-five (45)", 45, 45)]);
        // Another number in brackets stays apart.
        check(en, "five (6)", &[("five", 5, 5), ("6", 6, 6)]);
    }

    #[test]
    fn arabic_number_words() {
        let ar = &hadath_ar::ArabicPack;
        check(ar, "قتل ثمانية من الضباط", &[("ثمانية", 8, 8)]);
        check(
            ar,
            "أكثر من اثنتي عشرة مدينة",
            &[("أكثر من اثنتي عشرة", 12, u64::MAX)],
        );
        check(ar, "خمسة عشر قتيلا", &[("خمسة عشر", 15, 15)]);
        check(ar, "خمسة وعشرون شخصا", &[("خمسة وعشرون", 25, 25)]);
        check(ar, "ثلاثمائة وخمسون", &[("ثلاثمائة وخمسون", 350, 350)]);
        check(ar, "ثلاث مئة", &[("ثلاث مئة", 300, 300)]);
        check(ar, "مئتي شخص", &[("مئتي", 200, 200)]);
        check(ar, "ثلاثة آلاف", &[("ثلاثة آلاف", 3000, 3000)]);
        check(ar, "ما لا يقل عن ١٥ شخصًا", &[("ما لا يقل عن ١٥", 15, 15)]);
        check(ar, "عشرات الآلاف خرجوا", &[("عشرات الآلاف", 20_000, 99_999)]);
        check(ar, "عشرات المهاجمين", &[("عشرات", 20, 99)]);
        check(
            ar,
            "أكثر من 10000 شخص",
            &[("أكثر من 10000", 10_000, u64::MAX)],
        );
        check(ar, "وبثمانية", &[("وبثمانية", 8, 8)]);
    }

    fn value(pack: &dyn LanguagePack, text: &str) -> Vec<Option<f64>> {
        let words = Words::analyse(pack, text);
        find_numbers(pack.lang(), &words.view())
            .iter()
            .map(|m| m.value)
            .collect()
    }

    #[test]
    fn exact_values_keep_decimals_signs_and_spoken_forms() {
        let ar = &hadath_ar::ArabicPack;
        let en = &hadath_en::EnglishPack;
        assert_eq!(value(ar, "٣٫٥ مليون"), vec![Some(3_500_000.0)]);
        assert_eq!(value(ar, "١٬٠٠٠٬٠٠٠٫٠٠"), vec![Some(1_000_000.0)]);
        assert_eq!(value(ar, "-١٫٢"), vec![Some(-1.2)]);
        assert_eq!(value(ar, "واحد فاصلة واحد"), vec![Some(1.1)]);
        assert_eq!(value(ar, "خمسة و عشرون"), vec![Some(25.0)]);
        assert_eq!(value(ar, "متين تلاتة وستين"), vec![Some(263.0)]);
        assert_eq!(value(ar, "مليونين"), vec![Some(2_000_000.0)]);
        assert_eq!(value(ar, "عشرات"), vec![None]);
        assert_eq!(value(en, "1.2M"), vec![Some(1_200_000.0)]);
        assert_eq!(value(en, "a dozen"), vec![Some(12.0)]);
        assert_eq!(value(en, "two point two million"), vec![Some(2_200_000.0)]);
        assert_eq!(value(en, "minus 1,200,000"), vec![Some(-1_200_000.0)]);
        assert_eq!(value(en, "one and two"), vec![Some(1.0), Some(2.0)]);
        assert_eq!(value(en, "3 crore"), vec![Some(30_000_000.0)]);
        // A sign against a bare decimal point and a scale letter; a dash apart is not a sign.
        assert_eq!(value(en, "-.0012G"), vec![Some(-1_200_000.0)]);
        assert_eq!(value(en, "- 5"), vec![Some(5.0)]);
        // Spoken hundreds: a unit then a ten.
        assert_eq!(value(en, "one twenty two"), vec![Some(122.0)]);
        assert_eq!(value(en, "ONE TwentY tWO"), vec![Some(122.0)]);
        // Two units, two tens, or a ten after a teen never add up in English.
        assert_eq!(value(en, "five six"), vec![Some(5.0), Some(6.0)]);
        assert_eq!(value(en, "ten thirty"), vec![Some(10.0), Some(30.0)]);
        assert_eq!(value(en, "twenty thirty"), vec![Some(20.0), Some(30.0)]);
        assert_eq!(value(en, "twenty five"), vec![Some(25.0)]);
    }

    #[test]
    fn a_few_is_about_three() {
        let en = &hadath_en::EnglishPack;
        let words = Words::analyse(en, "a few people");
        let found = find_numbers(Lang::En, &words.view());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].tokens, 0..2);
        assert_eq!(found[0].value, Some(3.0));
        assert!(found[0].quantity.approximate);
        assert_eq!(found[0].quantity.count(), Some(3));
        // Without the article too; "a man" stays no number.
        assert_eq!(value(en, "few"), vec![Some(3.0)]);
    }

    #[test]
    fn english_numbers() {
        let en = &hadath_en::EnglishPack;
        check(en, "at least 15 people", &[("at least 15", 15, 15)]);
        check(en, "twenty-five killed", &[("twenty-five", 25, 25)]);
        check(
            en,
            "two hundred and fifty",
            &[("two hundred and fifty", 250, 250)],
        );
        check(en, "dozens of people", &[("dozens", 24, 99)]);
        check(
            en,
            "tens of thousands",
            &[("tens of thousands", 20_000, 99_999)],
        );
        check(en, "3.5 million", &[("3.5 million", 3_500_000, 3_500_000)]);
        check(en, "a man", &[]);
    }
}
