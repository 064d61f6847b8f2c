//! Durations: an amount of a unit of time ("خمسة ساعات", "دقيقتان", "2 years and 3 months").

use std::ops::Range;

use hadath_text::{Lang, TokenKind};
use serde::Serialize;

use crate::WordView;
use crate::lexicon::for_lang;
use crate::numbers::find_numbers;

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month (30 days when converted to seconds).
    Month,
    /// A quarter (3 months).
    Quarter,
    /// A year (365 days).
    Year,
}

impl Grain {
    /// Parses a unit name as the data files write it.
    pub fn parse(name: &str) -> Option<Grain> {
        Some(match name {
            "second" => Grain::Second,
            "minute" => Grain::Minute,
            "hour" => Grain::Hour,
            "day" => Grain::Day,
            "week" => Grain::Week,
            "month" => Grain::Month,
            "quarter" => Grain::Quarter,
            "year" => Grain::Year,
            _ => return None,
        })
    }

    /// How many of the smaller unit `to` one of this unit makes, as a sum of durations counts
    /// them: a year is 12 months or 365 days, a quarter 3 months, a month 30 days.
    pub fn in_units(self, to: Grain) -> f64 {
        match (self, to) {
            (a, b) if a == b => 1.0,
            (Grain::Year, Grain::Month) => 12.0,
            (Grain::Year, Grain::Quarter) => 4.0,
            (Grain::Quarter, Grain::Month) => 3.0,
            (Grain::Year, _) => 365.0 * Grain::Day.in_units(to),
            (Grain::Quarter, _) => 3.0 * Grain::Month.in_units(to),
            (Grain::Month, _) => 30.0 * Grain::Day.in_units(to),
            _ => self.seconds() / to.seconds(),
        }
    }

    /// Seconds in one unit (a month is 30 days, a year 365, as Duckling counts).
    pub fn seconds(self) -> f64 {
        match self {
            Grain::Second => 1.0,
            Grain::Minute => 60.0,
            Grain::Hour => 3_600.0,
            Grain::Day => 86_400.0,
            Grain::Week => 604_800.0,
            Grain::Month => 2_592_000.0,
            Grain::Quarter => 7_776_000.0,
            Grain::Year => 31_536_000.0,
        }
    }
}

/// A duration found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct DurationMention {
    /// Tokens covered.
    pub tokens: Range<usize>,
    /// The amount in `unit`s (a compound like "two years and three months" in its smallest unit).
    pub value: f64,
    /// The unit.
    pub unit: Grain,
}

impl DurationMention {
    /// The duration in seconds.
    pub fn seconds(&self) -> f64 {
        self.value * self.unit.seconds()
    }
}

/// Words that may stand between a number and its unit ("2 more minutes").
const EN_BETWEEN: &[&str] = &["more", "additional", "extra", "less", "fewer"];

/// One amount and unit at `i`: (amount, unit, end).
fn part(
    lang: Lang,
    words: &WordView<'_>,
    numbers: &[crate::NumberMention],
    i: usize,
) -> Option<(f64, Grain, usize)> {
    let tables = for_lang(lang);
    let unit_at = |k: usize| -> Option<(u64, Grain)> {
        words
            .forms(k)
            .find_map(|f| tables.durations.get(f).copied())
    };
    // Digits and a unit in one word: "1h", "2hrs", "30min" (not "2m": millions and metres).
    if lang == Lang::En {
        let w = words.text(i);
        let digits = w.len() - w.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0
            && let Ok(amount) = w[..digits].parse::<u32>()
            && matches!(&w[digits..], "h" | "hr" | "hrs" | "min" | "mins")
            && let Some(&(1, unit)) = tables.durations.get(&w[digits..])
        {
            return Some((f64::from(amount), unit, i + 1));
        }
    }
    // A number, then a unit.
    if let Some(n) = numbers.iter().find(|n| n.tokens.start == i) {
        let mut k = n.tokens.end;
        let mut amount = n.value?;
        // "five and a half minutes", "one and a quarter hour".
        if let Some((fraction, after)) = and_fraction(lang, words, k) {
            amount += fraction;
            k = after;
        }
        // "three quarters of an hour", "three-quarters of a day": quarters of the unit.
        if lang == Lang::En {
            let at = if words.text(k) == "-" { k + 1 } else { k };
            if matches!(words.text(at), "quarter" | "quarters")
                && words.text(at + 1) == "of"
                && matches!(words.text(at + 2), "a" | "an")
                && let Some((1, unit)) = unit_at(at + 3)
            {
                return Some((amount * 0.25, unit, at + 4));
            }
        }
        if lang == Lang::En && EN_BETWEEN.contains(&words.text(k)) {
            k += 1;
        }
        if lang == Lang::En && words.text(k) == "of" {
            k += 1;
        }
        // A unit row's count is a dual's own count (يومين: 2 days), never taken after a number,
        // or a unit worth many of another (عقود: 10 years each), which the number multiplies.
        let (count, unit) = unit_at(k)?;
        if count >= 10 {
            amount *= count as f64;
        }
        let mut end = k + 1;
        // "an hour and a half", "a month and half".
        if let Some((fraction, after)) = and_fraction(lang, words, end) {
            amount += fraction;
            end = after;
        }
        return Some((amount, unit, end));
    }
    // "a"/"an" + unit, "half an hour", "half a day", or a unit alone (يوم, دقيقتان: its own count).
    let mut k = i;
    let mut amount = 1.0;
    if lang == Lang::En && words.text(k) == "half" {
        amount = 0.5;
        k += 1;
    }
    // "a quarter of an hour", "three quarters of an hour", "three-quarters of a day".
    if lang == Lang::En {
        let (fraction, at) = match (words.text(k), words.text(k + 1), words.text(k + 2)) {
            ("a" | "one", "quarter", "of") => (0.25, k + 3),
            ("three", "quarters", "of") => (0.75, k + 3),
            ("three", "-", "quarters") if words.text(k + 3) == "of" => (0.75, k + 4),
            _ => (1.0, k),
        };
        if at > k {
            amount = fraction;
            k = at;
        }
    }
    if lang == Lang::En && matches!(words.text(k), "a" | "an" | "one") {
        k += 1;
    }
    let (count, unit) = unit_at(k)?;
    if words.kind(k) != TokenKind::Word {
        return None;
    }
    // English: a unit alone needs "a/an/one/half" ("in days" is no duration).
    if lang == Lang::En && k == i {
        return None;
    }
    let mut end = k + 1;
    let mut value = amount * count as f64;
    if let Some((fraction, after)) = and_fraction(lang, words, end) {
        value += fraction;
        end = after;
    }
    Some((value, unit, end))
}

/// "and a half", "and half", "and a quarter", "and three quarters" after an amount or a unit.
fn and_fraction(lang: Lang, words: &WordView<'_>, at: usize) -> Option<(f64, usize)> {
    if lang != Lang::En || words.text(at) != "and" {
        return None;
    }
    let mut k = at + 1;
    let mut count = 1.0;
    match words.text(k) {
        "a" | "an" | "one" => k += 1,
        "two" => {
            count = 2.0;
            k += 1;
        }
        "three" => {
            count = 3.0;
            k += 1;
        }
        _ => {}
    }
    let fraction = match words.text(k) {
        "half" => 0.5,
        "quarter" | "quarters" => 0.25 * count,
        _ => return None,
    };
    let mut end = k + 1;
    if words.text(end) == "of" {
        end += 1;
    }
    Some((fraction, end))
}

/// Finds durations: amounts of time units, and sums of them ("1 year, 2 days and 4 seconds").
pub fn find_durations(lang: Lang, words: &WordView<'_>) -> Vec<DurationMention> {
    durations_among(lang, words, &find_numbers(lang, words))
}

/// [`find_durations`] with the numbers of `words` already found.
pub(crate) fn durations_among(
    lang: Lang,
    words: &WordView<'_>,
    numbers: &[crate::NumberMention],
) -> Vec<DurationMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some((mut value, mut unit, mut end)) = part(lang, words, numbers, i) else {
            i += 1;
            continue;
        };
        // Further parts joined by nothing, a comma or "and"/و: the sum, in the smallest unit.
        loop {
            let mut k = end;
            if matches!(words.text(k), "," | "and" | "و") {
                k += 1;
            }
            if let Some((v, u, e)) = part(lang, words, numbers, k).filter(|(_, u, _)| *u < unit) {
                value = value * unit.in_units(u) + v;
                unit = u;
                end = e;
                continue;
            }
            // "1 hour fifteen", "2 hours and 10": a bare number after hours is minutes.
            if unit == Grain::Hour
                && let Some(n) = numbers.iter().find(|n| n.tokens.start == k)
                && let Some(v) = n.value.filter(|v| *v < 60.0)
                && part(lang, words, numbers, k).is_none()
            {
                value = value * 60.0 + v;
                unit = Grain::Minute;
                end = n.tokens.end;
            }
            break;
        }
        found.push(DurationMention {
            tokens: i..end,
            value,
            unit,
        });
        i = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Words;
    use hadath_text::LanguagePack;

    fn durations(pack: &dyn LanguagePack, text: &str) -> Vec<(f64, Grain)> {
        let words = Words::analyse(pack, text);
        find_durations(pack.lang(), &words.view())
            .iter()
            .map(|d| (d.value, d.unit))
            .collect()
    }

    #[test]
    fn arabic_durations() {
        let ar = &hadath_ar::ArabicPack;
        assert_eq!(
            durations(ar, "استمر الحصار ثلاثة أشهر"),
            vec![(3.0, Grain::Month)]
        );
        assert_eq!(durations(ar, "بعد يومين"), vec![(2.0, Grain::Day)]);
        assert_eq!(durations(ar, "منذ عامين"), vec![(2.0, Grain::Year)]);
        assert_eq!(durations(ar, "خلال 48 ساعة"), vec![(48.0, Grain::Hour)]);
    }

    #[test]
    fn english_durations_and_sums() {
        let en = &hadath_en::EnglishPack;
        assert_eq!(durations(en, "for two weeks"), vec![(2.0, Grain::Week)]);
        assert_eq!(
            durations(en, "an hour and a half"),
            vec![(1.5, Grain::Hour)]
        );
        // A year is 12 months in a sum of months (Duckling's convention): 27 months.
        assert_eq!(
            durations(en, "2 years and 3 months"),
            vec![(27.0, Grain::Month)]
        );
        assert_eq!(durations(en, "1.5 hours"), vec![(1.5, Grain::Hour)]);
        assert_eq!(Grain::Year.in_units(Grain::Day), 365.0);
    }
}
