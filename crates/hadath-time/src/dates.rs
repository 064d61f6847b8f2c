//! Date expressions resolved against a publication date.

use std::ops::Range;

use hadath_text::Lang;
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::WordView;
use crate::timex::add_days;

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

/// Finds date expressions and resolves them against `published`, looking back (news reports
/// the past): the time grammar of [`parse_times`](crate::parse_times) with the publication day,
/// all of it, as "now", each value reduced to days with a precision; what lies after the
/// publication day only when the words say so ("next week", "غدا").
pub fn find_times(lang: Lang, words: &WordView<'_>, published: Date) -> Vec<TimeMention> {
    let now = published.to_datetime(
        jiff::civil::Time::new(23, 59, 59, 0).unwrap_or(jiff::civil::Time::midnight()),
    );
    crate::parse_times(lang, words, now, crate::Lean::Past)
        .iter()
        .filter_map(|t| from_grammar(t, published))
        .collect()
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
            let first = from.at.date();
            let last = last.max(first);
            // An interval longer than a month (a season, Ramadan) is known to about a month, a
            // year or more to about a year, whatever the grain of its ends.
            let days = (last - first).get_days();
            let p = match precision(from.grain) {
                Precision::Day | Precision::Week if days > 366 => Precision::Year,
                Precision::Day | Precision::Week if days > 31 => Precision::Month,
                p => p,
            };
            (first, last, p)
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

fn clip(mut m: TimeMention, published: Date) -> TimeMention {
    if !m.future && m.end > published {
        m.end = published.max(m.start);
    }
    m
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

    #[test]
    fn a_season_is_known_to_about_a_month() {
        use Precision::*;
        check(
            &hadath_ar::ArabicPack,
            "تظاهروا الصيف الماضي",
            "2022-01-06",
            &[("الصيف الماضي", "2021-06-21", "2021-09-22", Month)],
        );
        // A range of days stays at the day.
        check(
            &hadath_ar::ArabicPack,
            "من 13 الى 15 تموز 2021",
            "2022-01-06",
            &[("من 13 الى 15 تموز 2021", "2021-07-13", "2021-07-15", Day)],
        );
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
            &[("عصر اليوم", "2011-01-28", "2011-01-28", Day)],
        );
        check(ar, "قتل اثنين", "2022-01-06", &[]);
        // A weekday with و before it; a part of the day before a day; the night just gone.
        check(
            ar,
            "قتل الاثنين والثلاثاء",
            "2022-01-06",
            &[
                ("الاثنين", "2022-01-03", "2022-01-03", Day),
                ("والثلاثاء", "2022-01-04", "2022-01-04", Day),
            ],
        );
        check(
            ar,
            "وقع مساء السبت",
            "2022-01-06",
            &[("مساء السبت", "2022-01-01", "2022-01-01", Day)],
        );
        check(
            ar,
            "اقتحموا المبنى خلال الليل",
            "2022-01-06",
            &[("خلال الليل", "2022-01-05", "2022-01-06", Day)],
        );
        // "ظهر" is also "appeared": alone it dates nothing.
        check(ar, "ظهر احدهم في الشارع", "2022-01-06", &[]);
    }

    #[test]
    fn arabic_months_years_and_spans() {
        let ar = &hadath_ar::ArabicPack;
        use Precision::*;
        check(
            ar,
            "في 5 كانون الثاني/يناير 2022",
            "2022-01-06",
            &[(
                "في 5 كانون الثاني/يناير 2022",
                "2022-01-05",
                "2022-01-05",
                Day,
            )],
        );
        check(
            ar,
            "في ديسمبر الماضي",
            "2022-01-06",
            &[("في ديسمبر الماضي", "2021-12-01", "2021-12-31", Month)],
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
            &[("في بداية العام", "2022-01-01", "2022-01-06", Month)],
        );
        check(
            ar,
            "قبل ثلاثة عقود",
            "2022-01-06",
            &[("قبل ثلاثة عقود", "1992-01-01", "1992-12-31", Year)],
        );
        check(
            ar,
            "منذ يومين",
            "2022-01-06",
            &[("منذ يومين", "2022-01-04", "2022-01-04", Day)],
        );
        check(
            ar,
            "منذ شهرين",
            "2022-01-06",
            &[("منذ شهرين", "2021-11-06", "2021-11-06", Day)],
        );
        check(
            ar,
            "في العام 2006",
            "2022-01-06",
            &[("في العام 2006", "2006-01-01", "2006-12-31", Year)],
        );
        check(
            ar,
            "منذ بداية الشهر",
            "2022-01-20",
            &[("بداية الشهر", "2022-01-01", "2022-01-01", Day)],
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
            &[("on Wednesday", "2022-01-05", "2022-01-05", Day)],
        );
        check(
            en,
            "on January 8, 2023",
            "2023-01-09",
            &[("on January 8, 2023", "2023-01-08", "2023-01-08", Day)],
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
