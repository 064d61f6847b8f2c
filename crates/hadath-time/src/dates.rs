//! Date expressions resolved against a publication date.

use std::ops::Range;

use hadath_text::{Lang, TokenKind};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::WordView;
use crate::lexicon::{Tables, TimeKind, for_lang};
use crate::numbers::find_numbers;

/// How exactly a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A day (or a night spanning two days).
    Day,
    /// A week.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// A decade or more.
    Decade,
}

/// A date expression with its resolved interval `[start, end]` (both inclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeMention {
    /// Tokens covered.
    pub tokens: Range<usize>,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Grain of the expression.
    pub precision: Precision,
    /// Points after the publication date ("next week", "غدا").
    pub future: bool,
}

const AMBIGUOUS_MONTHS: &[&str] = &["may", "march", "mar", "مارس", "اب", "ماي", "dec", "jan"];
const MONTH_CUES: &[&str] = &[
    "في",
    "خلال",
    "منذ",
    "شهر",
    "مطلع",
    "اواخر",
    "اوائل",
    "منتصف",
    "in",
    "during",
    "since",
    "early",
    "late",
    "mid",
    "last",
    "of",
    "until",
    "حتي",
];

/// Finds date expressions and resolves them against `published`, looking back (news reports
/// the past). The news rules below come first; where they find nothing, the full grammar of
/// [`parse_times`](crate::parse_times) does (clock times, intervals, holidays, the n-th weekday
/// of a month, parts of a month…), its value reduced to days.
pub fn find_times(lang: Lang, words: &WordView<'_>, published: Date) -> Vec<TimeMention> {
    let tables = for_lang(lang);
    // The publication day, all of it, is "now".
    let now = published.to_datetime(
        jiff::civil::Time::new(23, 59, 59, 0).unwrap_or(jiff::civil::Time::midnight()),
    );
    let grammar = crate::parse_times(lang, words, now, crate::Lean::Past);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let news = |k: usize| {
            numeric_date(words, k).or_else(|| phrase_at(lang, tables, words, k, published))
        };
        // The grammar's reading only where the news rules read nothing inside it.
        let mention = news(i).or_else(|| {
            let t = grammar.iter().find(|t| t.tokens.start == i)?;
            if (i + 1..t.tokens.end).any(|k| news(k).is_some()) {
                return None;
            }
            from_grammar(t, published)
        });
        if let Some(mention) = mention {
            i = mention.tokens.end.max(i + 1);
            found.push(mention);
        } else {
            i += 1;
        }
    }
    found
}

/// A grammar expression as a span of days with a precision.
fn from_grammar(t: &crate::TimeExpr, published: Date) -> Option<TimeMention> {
    use crate::{Grain, TimeValue};
    let precision = |g: Grain| match g {
        Grain::Week => Precision::Week,
        Grain::Month | Grain::Quarter => Precision::Month,
        Grain::Year => Precision::Year,
        _ => Precision::Day,
    };
    let (start, end, p) = match t.value {
        TimeValue::At(i) => {
            let start = i.at.date();
            let end = match i.grain {
                Grain::Week => add_days(start, 6),
                Grain::Month => start.last_of_month(),
                Grain::Quarter => start.checked_add(2.months()).ok()?.last_of_month(),
                Grain::Year => start.last_of_year(),
                _ => start,
            };
            (start, end, precision(i.grain))
        }
        TimeValue::Between { from, to } => {
            let from = from?;
            let to = to?;
            // `to` is exclusive: the day before it, unless it is a time within a day.
            let last = if to.at.time() == jiff::civil::Time::midnight() {
                add_days(to.at.date(), -1)
            } else {
                to.at.date()
            };
            (
                from.at.date(),
                last.max(from.at.date()),
                precision(from.grain),
            )
        }
    };
    Some(clip(
        TimeMention {
            tokens: t.tokens.clone(),
            start,
            end,
            precision: p,
            future: start > published,
        },
        published,
    ))
}

/// The longest time phrase starting at `i`: (kinds, end).
fn phrase(
    tables: &'static Tables,
    words: &WordView<'_>,
    i: usize,
) -> Option<(&'static [TimeKind], usize)> {
    // Phrases grow a word at a time, only along leading runs of entries; the longest wins, and
    // among phrases of one length the first in the order of the words' forms.
    let mut best = None;
    let mut prefixes: Vec<String> = vec![String::new()];
    let mut joined = String::new();
    for k in 0..tables.max_time_words {
        if i + k >= words.len() || prefixes.is_empty() {
            break;
        }
        let mut next = Vec::new();
        let mut matched = None;
        for prefix in &prefixes {
            for form in words.forms(i + k).take(6) {
                joined.clear();
                if k > 0 {
                    joined.push_str(prefix);
                    joined.push(' ');
                }
                joined.push_str(form);
                if matched.is_none()
                    && let Some(kinds) = tables.times.get(joined.as_str())
                {
                    matched = Some(kinds.as_slice());
                }
                if tables.time_prefixes.contains(joined.as_str()) {
                    next.push(joined.clone());
                }
            }
        }
        if let Some(kinds) = matched {
            best = Some((kinds, i + k + 1));
        }
        prefixes = next;
    }
    best
}

fn has_kind(kinds: &[TimeKind], pred: impl Fn(&TimeKind) -> bool) -> Option<&TimeKind> {
    kinds.iter().find(|k| pred(k))
}

fn year_at(words: &WordView<'_>, i: usize) -> Option<i16> {
    if words.kind(i) != TokenKind::Number {
        return None;
    }
    let text = words.text(i);
    if text.len() != 4 {
        return None;
    }
    let year: i16 = text.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

fn day_at(words: &WordView<'_>, i: usize) -> Option<i8> {
    if words.kind(i) != TokenKind::Number {
        return None;
    }
    let day: i8 = words.text(i).parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(days.days()).unwrap_or(date)
}

fn clip(mut m: TimeMention, published: Date) -> TimeMention {
    if !m.future && m.end > published {
        m.end = published.max(m.start);
    }
    m
}

fn phrase_at(
    lang: Lang,
    tables: &'static Tables,
    words: &WordView<'_>,
    i: usize,
    published: Date,
) -> Option<TimeMention> {
    let (kinds, end) = phrase(tables, words, i)?;
    let mention =
        |start: Date, end_date: Date, precision: Precision, tokens: Range<usize>, future: bool| {
            Some(clip(
                TimeMention {
                    tokens,
                    start,
                    end: end_date,
                    precision,
                    future,
                },
                published,
            ))
        };
    // A weekday, with "يوم/صباح" or "ليلة" before and "الماضي/المقبل" after.
    if let Some(TimeKind::Weekday(w)) = has_kind(kinds, |k| matches!(k, TimeKind::Weekday(_))) {
        // Arabic day names double as numbers (الاثنين "two", الاحد "one"): need the article, a cue, or "on".
        let cue_before = i > 0
            && phrase(tables, words, i - 1).is_some_and(|(k, _)| {
                k.iter()
                    .any(|k| matches!(k, TimeKind::DayCue | TimeKind::NightOf))
            });
        let definite =
            words.text(i).starts_with("ال") || words.forms(i).any(|f| f.starts_with("ال"));
        if lang == Lang::Ar && !cue_before && !definite {
            return None;
        }
        let night = i > 0
            && phrase(tables, words, i - 1).is_some_and(|(k, _)| k.contains(&TimeKind::NightOf));
        let start_tok = if cue_before { i - 1 } else { i };
        let (mut past, mut next) = (false, false);
        let mut end_tok = end;
        if let Some((k, e)) = phrase(tables, words, end) {
            if k.contains(&TimeKind::Past) {
                past = true;
                end_tok = e;
            } else if k.contains(&TimeKind::Next) {
                next = true;
                end_tok = e;
            }
        }
        if lang == Lang::En && i > 0 && matches!(words.text(i - 1), "last" | "past") {
            past = true;
        }
        if lang == Lang::En && i > 0 && matches!(words.text(i - 1), "next" | "coming") {
            next = true;
        }
        let pub_wd = i64::from(published.weekday().to_monday_one_offset());
        let target = i64::from(*w);
        let date = if next {
            let ahead = (target - pub_wd).rem_euclid(7);
            add_days(published, if ahead == 0 { 7 } else { ahead })
        } else {
            let back = (pub_wd - target).rem_euclid(7);
            add_days(published, -(if back == 0 && past { 7 } else { back }))
        };
        let start = if night { add_days(date, -1) } else { date };
        return mention(start, date, Precision::Day, start_tok..end_tok, next);
    }
    if let Some(TimeKind::Day(n)) = has_kind(kinds, |k| matches!(k, TimeKind::Day(_))) {
        // "اليوم" also means "the day" (نهاية اليوم): only standing alone or after a preposition.
        let after_cue = i > 0
            && phrase(tables, words, i - 1).is_some_and(|(k, _)| k.contains(&TimeKind::DayCue));
        if *n == 0
            && i > 0
            && words.kind(i - 1) == TokenKind::Word
            && !after_cue
            && !matches!(words.text(i - 1), "في" | "حتي" | "منذ" | "until" | "by")
        {
            return None;
        }
        let date = add_days(published, i64::from(*n));
        return mention(date, date, Precision::Day, i..end, *n > 0);
    }
    if let Some(TimeKind::Night(n)) = has_kind(kinds, |k| matches!(k, TimeKind::Night(_))) {
        let date = add_days(published, i64::from(*n));
        return mention(date, published.max(date), Precision::Day, i..end, false);
    }
    if let Some(TimeKind::Week(n)) = has_kind(kinds, |k| matches!(k, TimeKind::Week(_))) {
        let monday = add_days(
            published,
            -i64::from(published.weekday().to_monday_one_offset() - 1),
        );
        let start = add_days(monday, 7 * i64::from(*n));
        return mention(start, add_days(start, 6), Precision::Week, i..end, *n > 0);
    }
    if let Some(TimeKind::MonthRel(n)) = has_kind(kinds, |k| matches!(k, TimeKind::MonthRel(_))) {
        let first = published.first_of_month().checked_add((*n).months()).ok()?;
        return mention(
            first,
            first.last_of_month(),
            Precision::Month,
            i..end,
            *n > 0,
        );
    }
    if let Some(TimeKind::YearRel(n)) = has_kind(kinds, |k| matches!(k, TimeKind::YearRel(_))) {
        let first = published.first_of_year().checked_add((*n).years()).ok()?;
        return mention(first, first.last_of_year(), Precision::Year, i..end, *n > 0);
    }
    if has_kind(kinds, |k| matches!(k, TimeKind::YearStart)).is_some() {
        let first = published.first_of_year();
        return mention(
            first,
            first.last_of_month(),
            Precision::Month,
            i..end,
            false,
        );
    }
    if let Some(TimeKind::Month(m)) = has_kind(kinds, |k| matches!(k, TimeKind::Month(_))) {
        return month_expression(words, tables, i, end, *m, published);
    }
    if has_kind(kinds, |k| matches!(k, TimeKind::YearCue)).is_some() {
        // "عام 2011", "في 2011", "in 2011".
        let mut at = end;
        if matches!(words.text(at), "عام" | "سنه" | "العام") {
            at += 1;
        }
        if let Some(year) = year_at(words, at) {
            let first = Date::new(year, 1, 1).ok()?;
            return mention(
                first,
                first.last_of_year(),
                Precision::Year,
                i..at + 1,
                false,
            );
        }
        if has_kind(kinds, |k| matches!(k, TimeKind::Since)).is_none() {
            return None;
        }
    }
    if has_kind(kinds, |k| matches!(k, TimeKind::Ago | TimeKind::Since)).is_some() {
        return ago(lang, tables, words, i, end, published);
    }
    None
}

fn month_expression(
    words: &WordView<'_>,
    tables: &'static Tables,
    i: usize,
    end: usize,
    month: u8,
    published: Date,
) -> Option<TimeMention> {
    let mut start_tok = i;
    let mut end_tok = end;
    // "كانون الثاني/يناير", "يناير (كانون الثاني)": swallow the second name of the same month.
    if matches!(words.text(end_tok), "/" | "(" | "-") {
        if let Some((k, e)) = phrase(tables, words, end_tok + 1) {
            if k.contains(&TimeKind::Month(month)) {
                end_tok = if words.text(e) == ")" { e + 1 } else { e };
            }
        }
    }
    let day = if start_tok > 0 {
        day_at(words, start_tok - 1)
    } else {
        None
    };
    if day.is_some() {
        start_tok -= 1;
    }
    let mut year = None;
    let mut at = end_tok;
    if words.text(at) == "," {
        at += 1;
    }
    // English "January 8, 2022".
    let mut day = day;
    if day.is_none() {
        if let Some(d) = day_at(words, at) {
            if year_at(words, at).is_none() {
                day = Some(d);
                at += 1;
                end_tok = at;
                if words.text(at) == "," {
                    at += 1;
                }
            }
        }
    }
    if let Some(y) = year_at(words, at) {
        year = Some(y);
        end_tok = at + 1;
    }
    let mut past = false;
    let mut next = false;
    if let Some((k, e)) = phrase(tables, words, end_tok) {
        if k.contains(&TimeKind::Past) {
            past = true;
            end_tok = e;
        } else if k.contains(&TimeKind::Next) {
            next = true;
            end_tok = e;
        }
    }
    let name = words.text(i);
    let cue = i > 0 && MONTH_CUES.contains(&words.text(start_tok.saturating_sub(1)));
    let anchored = day.is_some() || year.is_some();
    if !anchored && (AMBIGUOUS_MONTHS.contains(&name) || !(cue || past || next)) {
        return None;
    }
    let year = match year {
        Some(y) => y,
        None => {
            let this_year = published.year();
            if next {
                if month as i8 > published.month() {
                    this_year
                } else {
                    this_year + 1
                }
            } else if month as i8 <= published.month()
                && !(past && month as i8 == published.month() && day.is_none())
            {
                this_year
            } else {
                this_year - 1
            }
        }
    };
    let first = Date::new(year, month as i8, 1).ok()?;
    let future = first > published;
    if let Some(d) = day {
        let date = Date::new(year, month as i8, d).ok()?;
        return Some(TimeMention {
            tokens: start_tok..end_tok,
            start: date,
            end: date,
            precision: Precision::Day,
            future: date > published,
        });
    }
    Some(clip(
        TimeMention {
            tokens: start_tok..end_tok,
            start: first,
            end: first.last_of_month(),
            precision: Precision::Month,
            future,
        },
        published,
    ))
}

fn ago(
    lang: Lang,
    tables: &'static Tables,
    words: &WordView<'_>,
    i: usize,
    end: usize,
    published: Date,
) -> Option<TimeMention> {
    // Arabic "قبل ثلاثة عقود" / "منذ يومين"; English "three decades ago".
    let (count, unit, tokens) = if lang == Lang::Ar {
        let mut at = end;
        let numbers = find_numbers(lang, &slice_view(words, at));
        let mut count = 1u64;
        if let Some(n) = numbers.first().filter(|n| n.tokens.start == 0) {
            count = n.quantity.min.max(1);
            at += n.tokens.end;
        }
        let (kinds, unit_end) = phrase(tables, words, at)?;
        let TimeKind::Unit(unit) = has_kind(kinds, |k| matches!(k, TimeKind::Unit(_)))? else {
            return None;
        };
        // Dual forms (يومين، عامين) count two.
        if numbers.first().is_none_or(|n| n.tokens.start != 0)
            && (words.text(at).ends_with("ين") && !words.text(at).ends_with("سنين"))
        {
            count = 2;
        }
        (count, *unit, i..unit_end)
    } else {
        // English: the number and unit come before "ago".
        if i < 2 {
            return None;
        }
        let (kinds, _) = phrase(tables, words, i - 1)?;
        let TimeKind::Unit(unit) = has_kind(kinds, |k| matches!(k, TimeKind::Unit(_)))? else {
            return None;
        };
        let before = slice_view(words, 0);
        let numbers = find_numbers(lang, &before);
        let n = numbers.iter().find(|n| n.tokens.end == i - 1)?;
        (n.quantity.min.max(1), *unit, n.tokens.start..end)
    };
    let count = i64::try_from(count.min(1000)).unwrap_or(1);
    let (start, end_date, precision) = match unit {
        "day" => {
            let d = add_days(published, -count);
            (d, d, Precision::Day)
        }
        "week" => {
            let d = add_days(published, -7 * count);
            (add_days(d, -3), add_days(d, 3), Precision::Week)
        }
        "month" => {
            let d = published.checked_sub(count.months()).ok()?;
            (d.first_of_month(), d.last_of_month(), Precision::Month)
        }
        "year" => {
            let d = published.checked_sub(count.years()).ok()?;
            (d.first_of_year(), d.last_of_year(), Precision::Year)
        }
        _ => {
            let d = published.checked_sub((count * 10).years()).ok()?;
            (
                d.first_of_year().checked_sub(2.years()).ok()?,
                d.last_of_year().checked_add(2.years()).ok()?,
                Precision::Decade,
            )
        }
    };
    Some(clip(
        TimeMention {
            tokens,
            start,
            end: end_date,
            precision,
            future: false,
        },
        published,
    ))
}

fn slice_view<'a>(words: &WordView<'a>, from: usize) -> WordView<'a> {
    let from = from.min(words.len());
    WordView {
        norm: words.norm,
        tokens: &words.tokens[from..],
        analyses: &words.analyses[from..],
    }
}

/// "2022/1/5", "5/1/2022", "2022-01-05".
fn numeric_date(words: &WordView<'_>, i: usize) -> Option<TimeMention> {
    if words.kind(i) != TokenKind::Number || i + 4 >= words.len() {
        return None;
    }
    let sep = words.text(i + 1);
    if !matches!(sep, "/" | "-" | ".") || words.text(i + 3) != sep {
        return None;
    }
    let parts: Vec<i64> = [i, i + 2, i + 4]
        .iter()
        .map(|&k| {
            if words.kind(k) == TokenKind::Number {
                words.text(k).parse().unwrap_or(-1)
            } else {
                -1
            }
        })
        .collect();
    let (y, m, d) = if parts[0] >= 1900 {
        (parts[0], parts[1], parts[2])
    } else if parts[2] >= 1900 {
        (parts[2], parts[1], parts[0])
    } else {
        return None;
    };
    let date = Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    Some(TimeMention {
        tokens: i..i + 5,
        start: date,
        end: date,
        precision: Precision::Day,
        future: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Words;
    use hadath_text::LanguagePack;

    fn check(
        pack: &dyn LanguagePack,
        text: &str,
        published: &str,
        expected: &[(&str, &str, &str, Precision)],
    ) {
        let published: Date = published.parse().unwrap();
        let words = Words::analyse(pack, text);
        let view = words.view();
        let got: Vec<(String, String, String, Precision)> =
            find_times(pack.lang(), &view, published)
                .iter()
                .map(|m| {
                    let span = view.tokens[m.tokens.start]
                        .orig
                        .cover(view.tokens[m.tokens.end - 1].orig);
                    (
                        span.slice(text).to_string(),
                        m.start.to_string(),
                        m.end.to_string(),
                        m.precision,
                    )
                })
                .collect();
        let expected: Vec<(String, String, String, Precision)> = expected
            .iter()
            .map(|(a, b, c, p)| (a.to_string(), b.to_string(), c.to_string(), *p))
            .collect();
        assert_eq!(got, expected);
    }

    // 2022-01-06 is a Thursday.
    #[test]
    fn arabic_relative_days() {
        let ar = &hadath_ar::ArabicPack;
        use Precision::*;
        check(
            ar,
            "في وقت مبكر من يوم الأربعاء",
            "2022-01-06",
            &[("يوم الأربعاء", "2022-01-05", "2022-01-05", Day)],
        );
        check(
            ar,
            "خلال ليلة السبت",
            "2022-01-06",
            &[("ليلة السبت", "2021-12-31", "2022-01-01", Day)],
        );
        check(
            ar,
            "قال الخميس",
            "2022-01-06",
            &[("الخميس", "2022-01-06", "2022-01-06", Day)],
        );
        check(
            ar,
            "الخميس الماضي",
            "2022-01-06",
            &[("الخميس الماضي", "2021-12-30", "2021-12-30", Day)],
        );
        check(
            ar,
            "وقع أمس",
            "2022-01-06",
            &[("أمس", "2022-01-05", "2022-01-05", Day)],
        );
        check(ar, "بحلول نهاية اليوم", "2022-01-06", &[]);
        check(
            ar,
            "انتشر عصر اليوم",
            "2011-01-28",
            &[("اليوم", "2011-01-28", "2011-01-28", Day)],
        );
        check(ar, "قتل اثنين", "2022-01-06", &[]);
    }

    #[test]
    fn arabic_months_years_and_spans() {
        let ar = &hadath_ar::ArabicPack;
        use Precision::*;
        check(
            ar,
            "في 5 كانون الثاني/يناير 2022",
            "2022-01-06",
            &[("5 كانون الثاني/يناير 2022", "2022-01-05", "2022-01-05", Day)],
        );
        check(
            ar,
            "في ديسمبر الماضي",
            "2022-01-06",
            &[("ديسمبر الماضي", "2021-12-01", "2021-12-31", Month)],
        );
        check(
            ar,
            "في عام 2011 قتلت",
            "2022-01-06",
            &[("في عام 2011", "2011-01-01", "2011-12-31", Year)],
        );
        check(
            ar,
            "في بداية العام",
            "2022-01-06",
            &[("بداية العام", "2022-01-01", "2022-01-06", Month)],
        );
        check(
            ar,
            "قبل ثلاثة عقود",
            "2022-01-06",
            &[("قبل ثلاثة عقود", "1990-01-01", "1994-12-31", Decade)],
        );
        check(
            ar,
            "منذ يومين",
            "2022-01-06",
            &[("منذ يومين", "2022-01-04", "2022-01-04", Day)],
        );
        check(
            ar,
            "2022/1/5",
            "2022-01-06",
            &[("2022/1/5", "2022-01-05", "2022-01-05", Day)],
        );
    }

    #[test]
    fn english_dates() {
        let en = &hadath_en::EnglishPack;
        use Precision::*;
        check(
            en,
            "on Wednesday",
            "2022-01-06",
            &[("Wednesday", "2022-01-05", "2022-01-05", Day)],
        );
        check(
            en,
            "on January 8, 2023",
            "2023-01-09",
            &[("January 8, 2023", "2023-01-08", "2023-01-08", Day)],
        );
        check(
            en,
            "in 2011",
            "2022-01-06",
            &[("in 2011", "2011-01-01", "2011-12-31", Year)],
        );
        check(
            en,
            "three days ago",
            "2022-01-06",
            &[("three days ago", "2022-01-03", "2022-01-03", Day)],
        );
        check(en, "you may go", "2022-01-06", &[]);
        check(
            en,
            "last week",
            "2022-01-06",
            &[("last week", "2021-12-27", "2022-01-02", Week)],
        );
    }
}
