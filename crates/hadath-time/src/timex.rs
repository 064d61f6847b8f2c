//! Time expressions with a grain, resolved against a reference date-time: dates, weekdays,
//! relative days and periods, times of day, parts of the day, holidays (Gregorian, Easter and
//! Hijri), the n-th weekday of a month, and intervals ("من 13 الى 15 تموز", "اوائل اذار").
//!
//! Expressions without a year or a week resolve to the nearest matching time in the direction
//! given by [`Lean`]: news reports the past (`Lean::Past`: "يوم الأربعاء" in a Thursday article is
//! the day before); assistants and Duckling's corpora look ahead (`Lean::Future`).

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use hadath_text::{Lang, TokenKind, tsv_rows};
use jiff::ToSpan;
use jiff::civil::{Date, DateTime, Time, Weekday};

use crate::WordView;
use crate::durations::{Grain, durations_among};
use crate::lexicon::{TimeKind, for_lang};
use crate::numbers::find_numbers;
use crate::ordinals::{find_ordinals, ordinals_among};

/// Month names that are also common words.
const AMBIGUOUS_MONTHS: &[&str] = &[
    "may", "march", "mar", "jan", "dec", "aug", "مارس", "اب", "ماي",
];
/// Words after which such a month name is a month.
const MONTH_CUES: &[&str] = &[
    "in",
    "of",
    "since",
    "during",
    "until",
    "by",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "from",
    "في",
    "خلال",
    "منذ",
    "حتي",
    "من",
    "شهر",
    "مطلع",
    "اواخر",
    "اوائل",
    "منتصف",
];

/// Which way an expression without a year or week resolves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    /// Towards the reference time and before it (news).
    Past,
    /// After the reference time (plans, assistants).
    Future,
}

/// A point in time known to a grain: `at` is the start of the grain (3 PM at hour grain is 15:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instant {
    /// Start of the grain.
    pub at: DateTime,
    /// How exactly it is known.
    pub grain: Grain,
}

/// The value of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeValue {
    /// One time at a grain ("الخميس": a day).
    At(Instant),
    /// An interval; `to` is exclusive; either end may be open ("حتى الساعة 2").
    Between {
        /// Start.
        from: Option<Instant>,
        /// End, exclusive.
        to: Option<Instant>,
    },
}

/// A time expression found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Tokens covered.
    pub tokens: Range<usize>,
    /// Its value.
    pub value: TimeValue,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pod {
    Am,
    Noon,
    Pm,
    Night,
}

/// A holiday (data: the `holiday` rows of `*-timex.tsv`): how its first day is found, how many
/// days it lasts (`days=N`) and the weekdays it moves off (`move=…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Holiday {
    rule: Rule,
    days: u8,
    moves: Move,
}

/// How a holiday's first day is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    /// A fixed month and day: Christmas, Halloween.
    Fixed(i8, i8),
    /// Days after (before) Easter Sunday: Good Friday -2, Pentecost 49.
    Easter(i16),
    /// Days after (before) Orthodox Easter Sunday (Julian computus): Clean Monday -48.
    Orthodox(i16),
    /// The n-th (-1 last) weekday of a month, and days after it: Thanksgiving, Black Friday.
    Nth(i8, Weekday, i8, i16),
    /// A Hijri month and day (Umm al-Qura calendar): the Eids.
    Hijri(i8, i8),
    /// The month of Ramadan, an interval.
    Ramadan,
    /// The last Friday of Ramadan (Jumu'atul-Wida).
    RamadanLastFriday,
    /// A Hebrew month (from Nisan) and day: Yom Kippur is 7 10.
    Hebrew(i8, i8),
    /// A row of `data/lunisolar.tsv` (Chinese and Hindu holidays by year) and days after it.
    Table(u16, i16),
    /// A calendar of 365-day years without leap days (the Parsis' Shahenshahi): the day `.0` and
    /// every 365 days from it.
    Vague(Date),
}

/// How a holiday moves off a weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    /// Kept on its day.
    Stay,
    /// Tisha B'Av: a fast on the Sabbath is kept the next day.
    AfterSabbath,
    /// Holocaust Remembrance Day: Friday to Thursday, Sunday to Monday.
    Shoah,
    /// Israel's Independence Day: Friday or Saturday to Thursday, Monday to Tuesday.
    Independence,
    /// Saturday to Friday, Sunday to Monday (Boss's Day).
    NearestWeekday,
    /// Sunday to Saturday (the Dutch King's Day).
    SundayBack,
}

impl Move {
    fn days(self, day: Weekday) -> i64 {
        use Weekday::{Friday, Monday, Saturday, Sunday};
        match (self, day) {
            (Move::AfterSabbath, Saturday) => 1,
            (Move::Shoah, Friday) => -1,
            (Move::Shoah, Sunday) => 1,
            (Move::Independence, Friday) => -1,
            (Move::Independence, Saturday) => -2,
            (Move::Independence, Monday) => 1,
            (Move::NearestWeekday, Saturday) => -1,
            (Move::NearestWeekday, Sunday) => 1,
            (Move::SundayBack, Sunday) => -1,
            _ => 0,
        }
    }
}

impl Holiday {
    fn parse(value: &str) -> Option<Holiday> {
        let (mut days, mut moves) = (1u8, Move::Stay);
        let mut parts: Vec<&str> = Vec::new();
        for part in value.split_whitespace() {
            if let Some(n) = part.strip_prefix("days=") {
                days = n.parse().ok().filter(|&n| n > 0)?;
            } else if let Some(name) = part.strip_prefix("move=") {
                moves = match name {
                    "after_sabbath" => Move::AfterSabbath,
                    "shoah" => Move::Shoah,
                    "independence" => Move::Independence,
                    "nearest_weekday" => Move::NearestWeekday,
                    "sunday_back" => Move::SundayBack,
                    _ => return None,
                };
            } else {
                parts.push(part);
            }
        }
        let int = |k: usize| {
            parts
                .get(k)
                .and_then(|p| p.trim_start_matches('+').parse::<i16>().ok())
        };
        let rule = match *parts.first()? {
            "fixed" => Rule::Fixed(int(1)? as i8, int(2)? as i8),
            "easter" => Rule::Easter(int(1)?),
            "orthodox" => Rule::Orthodox(int(1)?),
            "nth" => Rule::Nth(
                int(1)? as i8,
                weekday_named(parts.get(2)?)?,
                int(3)? as i8,
                int(4).unwrap_or(0),
            ),
            "hijri" => Rule::Hijri(int(1)? as i8, int(2)? as i8),
            "ramadan" => Rule::Ramadan,
            "ramadan_last_friday" => Rule::RamadanLastFriday,
            "hebrew" => Rule::Hebrew(int(1)? as i8, int(2)? as i8),
            "table" => Rule::Table(
                crate::lunisolar::index_of(parts.get(1)?)?,
                int(2).unwrap_or(0),
            ),
            "vague" => Rule::Vague(Date::new(int(1)?, int(2)? as i8, int(3)? as i8).ok()?),
            _ => return None,
        };
        Some(Holiday { rule, days, moves })
    }

    /// Its (first) date in Gregorian year `y` (not for Hijri holidays).
    fn in_year(self, y: i16) -> Option<Date> {
        let day = match self.rule {
            Rule::Fixed(m, d) => Date::new(y, m, d).ok(),
            Rule::Easter(offset) => easter(y).map(|e| add_days(e, i64::from(offset))),
            Rule::Orthodox(offset) => orthodox_easter(y).map(|e| add_days(e, i64::from(offset))),
            Rule::Nth(n, w, m, offset) => nth_weekday(Date::new(y, m, 1).ok()?, w, i64::from(n))
                .map(|d| add_days(d, i64::from(offset))),
            Rule::Hebrew(m, d) => crate::hebrew::in_gregorian_year(y, m, d),
            Rule::Table(row, offset) => {
                crate::lunisolar::date(row, y).map(|d| add_days(d, i64::from(offset)))
            }
            Rule::Vague(first) => {
                // 365-day years fall back a day every four Gregorian years.
                let start = Date::new(y, 1, 1).ok()?;
                let k = ((start - first).get_days() as i64).div_euclid(365);
                [k, k + 1]
                    .into_iter()
                    .map(|k| add_days(first, 365 * k))
                    .find(|d| d.year() == y)
            }
            Rule::Hijri(..) | Rule::Ramadan | Rule::RamadanLastFriday => None,
        }?;
        Some(add_days(day, self.moves.days(day.weekday())))
    }
}

fn weekday_named(name: &str) -> Option<Weekday> {
    Some(match name {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tx {
    Now,
    Day(i32),
    Period(Grain),
    Periods(Grain),
    Shift(i32),
    Pod(Pod),
    Hour,
    Minute,
    Fraction(i8),
    Minus,
    Filler,
    From,
    To,
    Early,
    Late,
    Mid,
    Start,
    End,
    Last,
    MonthWord,
    YearWord,
    Ago,
    Ahead,
    Within,
    Daypart(Daypart),
    Holiday(Holiday),
    /// A Hijri month by name (1 محرم … 12 ذو الحجة).
    HijriMonth(i8),
    /// After a Hijri year: هـ, هجري, للهجرة.
    HijriEra,
    /// "overnight", "خلال الليل": the night before today.
    Overnight,
    /// A time zone after a clock time ("GMT", "بتوقيت غرينتش"): minutes east of UTC.
    Zone(i32),
    /// A season of the northern hemisphere (0 spring … 3 winter), or 4: "the season" (the one
    /// in progress).
    Season(u8),
}

/// A named part of the day, as an interval of hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Daypart {
    Morning,
    /// The early hours (of the morning): as "early morning", midnight to 9.
    EarlyHours,
    Afternoon,
    Evening,
    Night,
    Lunch,
}

impl Daypart {
    fn hours(self) -> (i8, i8) {
        match self {
            Daypart::Morning => (0, 12),
            Daypart::EarlyHours => (0, 9),
            Daypart::Afternoon => (12, 19),
            Daypart::Evening | Daypart::Night => (18, 24),
            Daypart::Lunch => (12, 14),
        }
    }

    fn pod(self) -> Pod {
        match self {
            Daypart::Morning | Daypart::EarlyHours => Pod::Am,
            Daypart::Lunch => Pod::Noon,
            _ => Pod::Pm,
        }
    }
}

struct Grammar {
    words: HashMap<String, Vec<Tx>>,
    /// Every leading run of words of a multiword entry ("اليوم الذي بعد" of "اليوم الذي بعد الغد").
    prefixes: rustc_hash::FxHashSet<String>,
    max_words: usize,
}

fn parse_grammar(tsv: &str) -> Grammar {
    let mut words: HashMap<String, Vec<Tx>> = HashMap::default();
    let mut max_words = 1;
    for (_, fields) in tsv_rows(tsv) {
        let (Some(forms), Some(kind), Some(value)) = (fields.first(), fields.get(1), fields.get(2))
        else {
            continue;
        };
        let int = value.parse::<i32>().unwrap_or(0);
        let tx = match *kind {
            "now" => Tx::Now,
            "day" => Tx::Day(int),
            "period" => match Grain::parse(value) {
                Some(g) => Tx::Period(g),
                None => continue,
            },
            "periods" => match Grain::parse(value) {
                Some(g) => Tx::Periods(g),
                None => continue,
            },
            "shift" => Tx::Shift(int),
            "pod" => Tx::Pod(match *value {
                "am" => Pod::Am,
                "noon" => Pod::Noon,
                "pm" => Pod::Pm,
                _ => Pod::Night,
            }),
            "hour" => Tx::Hour,
            "minute" => Tx::Minute,
            "fraction" => Tx::Fraction(int as i8),
            "minus" => Tx::Minus,
            "filler" => Tx::Filler,
            "from" => Tx::From,
            "to" => Tx::To,
            "early" => Tx::Early,
            "hijri_month" => Tx::HijriMonth(int as i8),
            "hijri_era" => Tx::HijriEra,
            "season" => Tx::Season(int as u8),
            "late" => Tx::Late,
            "mid" => Tx::Mid,
            "start" => Tx::Start,
            "end" => Tx::End,
            "last" => Tx::Last,
            "month_word" => Tx::MonthWord,
            "year_word" => Tx::YearWord,
            "ago" => Tx::Ago,
            "ahead" => Tx::Ahead,
            "within" => Tx::Within,
            "overnight" => Tx::Overnight,
            "zone" => Tx::Zone(int),
            "daypart" => Tx::Daypart(match *value {
                "morning" => Daypart::Morning,
                "early_hours" => Daypart::EarlyHours,
                "afternoon" => Daypart::Afternoon,
                "evening" => Daypart::Evening,
                "night" => Daypart::Night,
                _ => Daypart::Lunch,
            }),
            "holiday" => match Holiday::parse(value) {
                Some(h) => Tx::Holiday(h),
                None => continue,
            },
            _ => continue,
        };
        for form in forms.split('|') {
            // Keys are the form as the tokenizer splits text ("valentine's" is three tokens).
            let norm = hadath_text::NormalizedText::new(form, |c, out| out.push(c));
            let key = hadath_text::tokenize(&norm)
                .iter()
                .map(|t| t.norm.slice(norm.as_str()))
                .collect::<Vec<_>>()
                .join(" ");
            max_words = max_words.max(key.split(' ').count());
            words.entry(key).or_default().push(tx);
        }
    }
    let mut prefixes = rustc_hash::FxHashSet::default();
    for key in words.keys() {
        let parts: Vec<&str> = key.split(' ').collect();
        for n in 1..parts.len() {
            prefixes.insert(parts[..n].join(" "));
        }
    }
    Grammar {
        words,
        prefixes,
        max_words,
    }
}

static AR: LazyLock<Grammar> =
    LazyLock::new(|| parse_grammar(include_str!("../data/ar-timex.tsv")));
static EN: LazyLock<Grammar> =
    LazyLock::new(|| parse_grammar(include_str!("../data/en-timex.tsv")));

fn grammar(lang: Lang) -> &'static Grammar {
    match lang {
        Lang::Ar => &AR,
        Lang::En => &EN,
    }
}

/// Everything known about the words of one text.
struct Scan<'w, 'a> {
    lang: Lang,
    words: &'w WordView<'a>,
    numbers: Vec<crate::NumberMention>,
    ordinals: Vec<crate::OrdinalMention>,
    durations: Vec<crate::DurationMention>,
    now: DateTime,
    /// The UTC offset of `now`, in minutes, when known: a clock time written with a time zone is
    /// then converted to it.
    offset: Option<i32>,
    lean: Lean,
    /// The grammar words at each position.
    tx_table: Vec<Vec<(&'static [Tx], usize)>>,
    /// The number and the ordinal read from each position, once read.
    number_cache: Memo<(f64, usize)>,
    ordinal_cache: Memo<(i64, usize)>,
    month_cache: Memo<(i8, usize)>,
    date_cache: Memo<(TimeValue, usize)>,
}

/// A per-position cache of readings that may find nothing: (value, end) once read.
type Memo<T> = std::cell::RefCell<Vec<Option<Option<T>>>>;

/// The value at position `i` of a per-position cache, computed once.
fn memo<T: Copy>(
    cache: &std::cell::RefCell<Vec<Option<T>>>,
    i: usize,
    compute: impl FnOnce() -> T,
) -> T {
    if let Some(cached) = cache.borrow().get(i).copied().flatten() {
        return cached;
    }
    let value = compute();
    if let Some(slot) = cache.borrow_mut().get_mut(i) {
        *slot = Some(value);
    }
    value
}

impl Scan<'_, '_> {
    fn text(&self, i: usize) -> &str {
        self.words.text(i)
    }

    /// The grammar words starting at `i`, longest phrase first: (kinds, end).
    fn tx(&self, i: usize) -> &[(&'static [Tx], usize)] {
        self.tx_table.get(i).map_or(&[], Vec::as_slice)
    }

    /// The first grammar word of a kind at `i`: its end.
    fn is(&self, i: usize, pred: impl Fn(&Tx) -> bool) -> Option<(Tx, usize)> {
        self.tx(i)
            .iter()
            .find_map(|&(kinds, end)| kinds.iter().find(|k| pred(k)).map(|k| (*k, end)))
    }

    /// Skips filler words ("في", "يوم", "عند") and commas, unless a longer phrase starts there
    /// ("يوم غد").
    fn skip_fillers(&self, mut i: usize) -> usize {
        loop {
            if matches!(self.text(i), "," | "،") {
                i += 1;
                continue;
            }
            let phrases = self.tx(i);
            match phrases.first() {
                Some((kinds, end))
                    if kinds.contains(&Tx::Filler)
                        && !phrases
                            .iter()
                            .any(|(k, e)| e > end && !k.contains(&Tx::Filler)) =>
                {
                    i = *end
                }
                _ => return i,
            }
        }
    }

    fn month(&self, i: usize) -> Option<(i8, usize)> {
        memo(&self.month_cache, i, || {
            let (m, end) = self.read_month(i)?;
            // Both names of the month: "كانون الثاني/يناير", "يناير (كانون الثاني)".
            let other = match self.text(end) {
                "/" => self.read_month(end + 1),
                "(" => self
                    .read_month(end + 1)
                    .filter(|&(_, e)| self.text(e) == ")")
                    .map(|(o, e)| (o, e + 1)),
                _ => None,
            };
            match other {
                Some((o, e)) if o == m => Some((m, e)),
                _ => Some((m, end)),
            }
        })
    }

    fn read_month(&self, i: usize) -> Option<(i8, usize)> {
        if self.words.kind(i) != TokenKind::Word {
            return None;
        }
        let tables = for_lang(self.lang);
        // Multiword month names first (كانون الثاني).
        for n in [2usize, 1] {
            if i + n > self.words.len() {
                continue;
            }
            let key: Vec<String> = (i..i + n)
                .map(|k| {
                    self.words
                        .forms(k)
                        .next()
                        .unwrap_or(self.text(k))
                        .to_string()
                })
                .collect();
            let joined = key.join(" ");
            let raw: Vec<&str> = (i..i + n).map(|k| self.text(k)).collect();
            for candidate in [joined, raw.join(" ")] {
                if let Some(kinds) = tables.times.get(&candidate)
                    && let Some(TimeKind::Month(m)) =
                        kinds.iter().find(|k| matches!(k, TimeKind::Month(_)))
                {
                    return Some((*m as i8, i + n));
                }
            }
            if n == 1 {
                for form in self.words.forms(i) {
                    if let Some(kinds) = tables.times.get(form)
                        && let Some(TimeKind::Month(m)) =
                            kinds.iter().find(|k| matches!(k, TimeKind::Month(_)))
                    {
                        return Some((*m as i8, i + 1));
                    }
                }
            }
        }
        None
    }

    fn weekday(&self, i: usize) -> Option<(Weekday, usize)> {
        let tables = for_lang(self.lang);
        for form in std::iter::once(self.text(i)).chain(self.words.forms(i)) {
            if let Some(kinds) = tables.times.get(form)
                && let Some(TimeKind::Weekday(w)) =
                    kinds.iter().find(|k| matches!(k, TimeKind::Weekday(_)))
            {
                return Some((weekday_of(*w), i + 1));
            }
        }
        None
    }

    /// A view of the words from `i`, a few tokens long: numbers read from exactly there.
    fn view_from(&self, i: usize, len: usize) -> Option<WordView<'_>> {
        if i >= self.words.len() {
            return None;
        }
        let end = (i + len).min(self.words.len());
        Some(WordView {
            norm: self.words.norm,
            tokens: &self.words.tokens[i..end],
            analyses: &self.words.analyses[i..end],
        })
    }

    fn number(&self, i: usize) -> Option<(f64, usize)> {
        memo(&self.number_cache, i, || self.read_number(i))
    }

    fn read_number(&self, i: usize) -> Option<(f64, usize)> {
        if let Some(n) = self.numbers.iter().find(|n| n.tokens.start == i) {
            return Some((n.value?, n.tokens.end));
        }
        // Only where a number word or digits stand.
        if self.words.kind(i) != TokenKind::Number
            && !self.numbers.iter().any(|n| n.tokens.contains(&i))
        {
            return None;
        }
        // A number the left-to-right reading swallowed into a longer one ("عشر وخمس").
        let view = self.view_from(i, 8)?;
        let n = find_numbers(self.lang, &view)
            .into_iter()
            .find(|n| n.tokens.start == 0)?;
        Some((n.value?, i + n.tokens.end))
    }

    /// A one-word number at `i` ("ثلاثة" in "ثلاثة وثمانية عشر").
    fn number_word(&self, i: usize) -> Option<(f64, usize)> {
        let view = self.view_from(i, 1)?;
        let n = find_numbers(self.lang, &view)
            .into_iter()
            .find(|n| n.tokens == (0..1))?;
        Some((n.value?, i + 1))
    }

    /// A day of the month, as a number or an ordinal ("15", "الخامس عشر", "15th").
    fn day_of_month(&self, i: usize) -> Option<(i64, usize)> {
        let day = self
            .integer(i, 1..32)
            .or_else(|| self.ordinal(i).filter(|(d, _)| (1..=31).contains(d)))?;
        // الاثنين is Monday, not "the two".
        self.weekday(i).is_none().then_some(day)
    }

    fn integer(&self, i: usize, range: Range<i64>) -> Option<(i64, usize)> {
        let (v, end) = self.number(i)?;
        (v.fract() == 0.0 && range.contains(&(v as i64))).then_some((v as i64, end))
    }

    fn ordinal(&self, i: usize) -> Option<(i64, usize)> {
        memo(&self.ordinal_cache, i, || self.read_ordinal(i))
    }

    fn read_ordinal(&self, i: usize) -> Option<(i64, usize)> {
        if let Some(o) = self.ordinals.iter().find(|o| o.tokens.start == i) {
            return Some((o.value, o.tokens.end));
        }
        // Only inside an ordinal the left-to-right reading found ("الرابعة واربعون").
        if !self.ordinals.iter().any(|o| o.tokens.contains(&i)) {
            return None;
        }
        let view = self.view_from(i, 4)?;
        let o = find_ordinals(self.lang, &view)
            .into_iter()
            .find(|o| o.tokens.start == 0)?;
        Some((o.value, i + o.tokens.end))
    }

    /// A four-digit year, with or without "(من/في) عام/سنة" before it.
    fn year(&self, i: usize) -> Option<(i16, usize)> {
        self.year_and_era(i).map(|(y, end, _)| (y, end))
    }

    /// [`Scan::year`], and whether an era is written after it ("2014 AD", "14 a.d.").
    fn year_and_era(&self, i: usize) -> Option<(i16, usize, bool)> {
        let i = if matches!(self.text(i), "من" | "في" | "of" | "in")
            && self.is(i + 1, |t| matches!(t, Tx::YearWord)).is_some()
        {
            i + 1
        } else {
            i
        };
        let at = self
            .is(i, |t| matches!(t, Tx::YearWord))
            .map_or(i, |(_, e)| e);
        let at = if self.text(at) == "في" && at > i {
            at + 1
        } else {
            at
        };
        if self.words.kind(at) != TokenKind::Number || self.text(at).len() > 4 {
            return None;
        }
        let y: i16 = self.text(at).parse().ok()?;
        // "2014 AD", "14 a.d.": the era, when written, is part of the year (and makes a short
        // number one).
        match self.era_end(at + 1) {
            Some(end) => (1..=2999).contains(&y).then_some((y, end, true)),
            None => (self.text(at).len() == 4 && (1000..=2999).contains(&y)).then_some((
                y,
                at + 1,
                false,
            )),
        }
    }

    /// The end of "AD", "CE", "A.D." at `k` (English).
    fn era_end(&self, k: usize) -> Option<usize> {
        if self.lang != Lang::En {
            return None;
        }
        // Not "14 ad campaigns": an era ends the phrase.
        if matches!(self.text(k), "ad" | "ce") && self.words.kind(k + 1) != TokenKind::Word {
            return Some(k + 1 + usize::from(self.text(k + 1) == "."));
        }
        // "a.d.", "c.e.": letters and points.
        let (first, second) = (self.text(k), self.text(k + 2));
        (self.text(k + 1) == "." && matches!((first, second), ("a", "d") | ("c", "e")))
            .then(|| k + 3 + usize::from(self.text(k + 3) == "."))
    }

    /// A month: its name, "شهر 3", "شهر ثلاثة", "الشهر التاسع", "الشهر القادم".
    fn month_spec(&self, i: usize) -> Option<(MonthRef, usize)> {
        if let Some((m, end)) = self.month(i) {
            return Some((MonthRef::Month(m), end));
        }
        if let Some((_, after)) = self.is(i, |t| matches!(t, Tx::MonthWord)) {
            if let Some((m, end)) = self.month(after) {
                return Some((MonthRef::Month(m), end));
            }
            if let Some((m, end)) = self.integer(after, 1..13) {
                return Some((MonthRef::Month(m as i8), end));
            }
        }
        // الشهر التاسع, الشهر القادم.
        if let Some((Tx::Period(Grain::Month), after)) =
            self.is(i, |t| matches!(t, Tx::Period(Grain::Month)))
        {
            if let Some((m, end)) = self.ordinal(after).filter(|(m, _)| (1..=12).contains(m)) {
                return Some((MonthRef::Month(m as i8), end));
            }
            if let Some((Tx::Shift(s), end)) = self.is(after, |t| matches!(t, Tx::Shift(_))) {
                return Some((MonthRef::Shift(s), end));
            }
        }
        // "هذا الشهر", "next month", "last month".
        let i = if self.text(i) == "the" { i + 1 } else { i };
        if let Some((Tx::Shift(n), after)) = self.is(i, |t| matches!(t, Tx::Shift(_)))
            && let Some((_, end)) = self.is(after, |t| matches!(t, Tx::Period(Grain::Month)))
        {
            return Some((MonthRef::Shift(n), end));
        }
        // "of the month": this month.
        if i > 0
            && self.text(i - 1) == "the"
            && let Some((Tx::Period(Grain::Month), end)) =
                self.is(i, |t| matches!(t, Tx::Period(Grain::Month)))
        {
            return Some((MonthRef::Shift(0), end));
        }
        None
    }

    /// "من/في/ب" and "شهر" between a day and its month.
    fn of(&self, i: usize) -> usize {
        let mut k = i;
        if matches!(self.text(k), "من" | "في" | "ب" | "of" | "in") {
            k += 1;
        }
        if self.text(k) == "the" && self.month(k + 1).is_some() {
            k += 1;
        }
        k
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MonthRef {
    Month(i8),
    Shift(i32),
}

fn weekday_of(n: u8) -> Weekday {
    match n {
        1 => Weekday::Monday,
        2 => Weekday::Tuesday,
        3 => Weekday::Wednesday,
        4 => Weekday::Thursday,
        5 => Weekday::Friday,
        6 => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

fn midnight(d: Date) -> DateTime {
    d.to_datetime(Time::midnight())
}

fn at_day(d: Date) -> TimeValue {
    TimeValue::At(Instant {
        at: midnight(d),
        grain: Grain::Day,
    })
}

/// The interval from the start of `from`'s `grain` to the start of `to`'s.
fn days_between(from: Date, to: Date, grain: Grain) -> TimeValue {
    TimeValue::Between {
        from: Some(Instant {
            at: midnight(from),
            grain,
        }),
        to: Some(Instant {
            at: midnight(to),
            grain,
        }),
    }
}

/// `count` periods of `grain` after the current one (`n > 0`) or before it.
fn periods_from_today(today: Date, grain: Grain, n: i32, count: i64) -> TimeValue {
    let first = shift_period(
        period_start(today, grain),
        grain,
        if n > 0 { 1 } else { -count },
    );
    days_between(first, shift_period(first, grain, count), grain)
}

pub(crate) fn add_days(d: Date, n: i64) -> Date {
    span(Grain::Day, n)
        .and_then(|sp| d.checked_add(sp).ok())
        .unwrap_or(d)
}

/// `n` units of `g` as a span; `None` out of range (a number in text can be any size).
fn span(g: Grain, n: i64) -> Option<jiff::Span> {
    let zero = jiff::Span::new();
    match g {
        Grain::Year => zero.try_years(n),
        Grain::Quarter => zero.try_months(n.checked_mul(3)?),
        Grain::Month => zero.try_months(n),
        Grain::Week => zero.try_weeks(n),
        Grain::Day => zero.try_days(n),
        Grain::Hour => zero.try_hours(n),
        Grain::Minute => zero.try_minutes(n),
        Grain::Second => zero.try_seconds(n),
    }
    .ok()
}

fn monday_of(d: Date) -> Date {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

/// Start of the period of `grain` containing `d`.
fn period_start(d: Date, grain: Grain) -> Date {
    match grain {
        Grain::Week => monday_of(d),
        Grain::Month => d.first_of_month(),
        Grain::Quarter => Date::new(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).unwrap_or(d),
        Grain::Year => d.first_of_year(),
        _ => d,
    }
}

fn shift_period(d: Date, grain: Grain, n: i64) -> Date {
    let g = match grain {
        Grain::Week | Grain::Month | Grain::Quarter | Grain::Year => grain,
        _ => Grain::Day,
    };
    span(g, n)
        .and_then(|sp| d.checked_add(sp).ok())
        .unwrap_or(d)
}

/// The month `m` of the year nearest the reference in the lean's direction.
fn resolve_month(now: Date, m: i8, lean: Lean) -> Date {
    let this = Date::new(now.year(), m, 1).unwrap_or(now);
    match lean {
        Lean::Future if m < now.month() => this.checked_add(1.year()).unwrap_or(this),
        Lean::Past if m > now.month() => this.checked_sub(1.year()).unwrap_or(this),
        _ => this,
    }
}

/// Day `day` of month `m` (no year) nearest the reference in the lean's direction.
fn resolve_day_month(now: Date, m: i8, day: i8, lean: Lean) -> Option<Date> {
    // Compared by month: a day of the current month stays in this year either way.
    let this = Date::new(now.year(), m, day).ok()?;
    Some(match lean {
        Lean::Future if m < now.month() => Date::new(now.year() + 1, m, day).ok()?,
        Lean::Past if m > now.month() => Date::new(now.year() - 1, m, day).ok()?,
        _ => this,
    })
}

/// A weekday with no week: the next one after the reference (Future), or the last one on or
/// before it (Past).
fn resolve_weekday(now: Date, w: Weekday, lean: Lean) -> Date {
    let diff =
        i64::from(w.to_monday_zero_offset()) - i64::from(now.weekday().to_monday_zero_offset());
    match lean {
        Lean::Future => add_days(now, if diff <= 0 { diff + 7 } else { diff }),
        Lean::Past => add_days(now, if diff > 0 { diff - 7 } else { diff }),
    }
}

/// The `n`-th (1-based; -1 the last) weekday `w` of the month starting `first`.
fn nth_weekday(first: Date, w: Weekday, n: i64) -> Option<Date> {
    if n > 0 {
        let offset = (i64::from(w.to_monday_zero_offset())
            - i64::from(first.weekday().to_monday_zero_offset()))
        .rem_euclid(7);
        let d = add_days(first, offset + 7 * (n - 1));
        (d.month() == first.month()).then_some(d)
    } else {
        let last = first.last_of_month();
        let back = (i64::from(last.weekday().to_monday_zero_offset())
            - i64::from(w.to_monday_zero_offset()))
        .rem_euclid(7);
        Some(add_days(last, -back))
    }
}

/// Easter Sunday (anonymous Gregorian algorithm).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).ok()
}

/// Orthodox Easter Sunday: the Julian calendar's Easter (Meeus's Julian algorithm), as a
/// Gregorian date (the calendars are 13 days apart from 1900 to 2099).
fn orthodox_easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let d = (19 * (y % 19) + 15) % 30;
    let e = (2 * (y % 4) + 4 * (y % 7) - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // Days the Julian calendar is behind the Gregorian in this year's spring.
    let behind = y / 100 - y / 400 - 2;
    Some(add_days(
        Date::new(year, month as i8, day as i8).ok()?,
        i64::from(behind),
    ))
}

/// The date of a holiday in (Gregorian) `year`, or the next/last one from the reference.
fn holiday(h: Holiday, year: Option<i16>, now: Date, lean: Lean) -> Option<TimeValue> {
    let hijri = |month: i64, day: i64| -> Option<Date> {
        // The Hijri year whose date falls in the Gregorian year (or nearest the reference).
        let base = crate::hijri::year_at(year.map_or(now, |y| Date::new(y, 7, 1).unwrap_or(now)));
        let mut best: Option<Date> = None;
        for hy in base - 2..=base + 2 {
            let Some(d) = crate::hijri::to_date(hy, month, day) else {
                continue;
            };
            let fits = match year {
                Some(y) => d.year() == y,
                None => match lean {
                    Lean::Future => d >= now,
                    Lean::Past => d <= now,
                },
            };
            if fits {
                best = match (best, lean, year) {
                    (None, _, _) => Some(d),
                    (Some(b), Lean::Past, None) => Some(b.max(d)),
                    (Some(b), _, _) => Some(b.min(d)),
                };
            }
        }
        best
    };
    let day = match h.rule {
        Rule::Hijri(m, d) => hijri(i64::from(m), i64::from(d))?,
        Rule::RamadanLastFriday => {
            let eid = hijri(10, 1)?;
            let back = (i64::from(eid.weekday().to_monday_zero_offset()) + 3) % 7;
            add_days(eid, -(if back == 0 { 7 } else { back }))
        }
        Rule::Ramadan => {
            let start = hijri(9, 1)?;
            let end = crate::hijri::to_date(crate::hijri::year_at(add_days(start, 15)), 10, 1)?;
            return Some(days_between(start, end, Grain::Day));
        }
        _ => match year {
            Some(y) => h.in_year(y)?,
            None => {
                let this = h.in_year(now.year())?;
                match lean {
                    Lean::Future if this < now => h.in_year(now.year() + 1)?,
                    Lean::Past if this > now => h.in_year(now.year() - 1)?,
                    _ => this,
                }
            }
        },
    };
    Some(match h.days {
        1 => at_day(day),
        n => days_between(day, add_days(day, i64::from(n)), Grain::Day),
    })
}

/// A date-level expression at `i`: (value, end). Tries every pattern and keeps the longest.
fn date_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    memo(&s.date_cache, i, || read_date(s, i))
}

fn read_date(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    if i >= s.words.len() || s.words.kind(i) == TokenKind::Punct && s.text(i) != "-" {
        return None;
    }
    let today = s.now.date();
    let mut best: Option<(TimeValue, usize)> = None;
    let mut offer = |v: Option<(TimeValue, usize)>| {
        if let Some((value, end)) = v
            && best.as_ref().is_none_or(|(_, e)| end > *e)
        {
            best = Some((value, end));
        }
    };
    // اليوم، امس، غدا. "اليوم" after a noun is "the day" (نهاية اليوم), not today.
    if let Some((Tx::Day(n), end)) = s.is(i, |t| matches!(t, Tx::Day(_))) {
        let the_day = s.lang == Lang::Ar
            && n == 0
            && end == i + 1
            && i > 0
            && s.words.kind(i - 1) == TokenKind::Word
            && !matches!(
                s.text(i - 1),
                "في" | "حتي"
                    | "منذ"
                    | "قبل"
                    | "بعد"
                    | "صباح"
                    | "مساء"
                    | "ظهر"
                    | "فجر"
                    | "ليل"
                    | "عصر"
                    | "يوم"
                    | "هذا"
            )
            && s.is(i - 1, |t| {
                matches!(t, Tx::Filler | Tx::Pod(_) | Tx::From | Tx::To)
            })
            .is_none();
        if !the_day {
            offer(Some((at_day(add_days(today, i64::from(n))), end)));
        }
    }
    // Hijri dates: "15 رمضان 1443 هـ", "الأول من محرم", "شهر رمضان 1440" (before the holidays:
    // رمضان 1440 is a Hijri year, not the Gregorian 1440).
    offer(hijri_at(s, i));
    // Holidays, with a year: عيد الفطر 2013, رمضان 2019; "ثالث ثلاثاء بعد كريسماس 2014".
    // "next halloween", "last easter", "this thanksgiving"; "… of next year".
    let shift = s.is(i, |t| matches!(t, Tx::Shift(_)));
    let at = shift.map_or(i, |(_, e)| e);
    if let Some((Tx::Holiday(h), end)) = s.is(at, |t| matches!(t, Tx::Holiday(_))) {
        let (mut year, mut end) = s.year(end).map_or((None, end), |(y, e)| (Some(y), e));
        if year.is_none()
            && matches!(s.text(end), "of" | "من")
            && let Some((TimeValue::At(y), e)) = period_at(s, end + 1)
            && y.grain == Grain::Year
        {
            year = Some(y.at.year());
            end = e;
        }
        // "Diwali in 2019".
        if year.is_none()
            && matches!(s.text(end), "in" | "في")
            && let Some((y, e)) = s.year(end + 1)
        {
            year = Some(y);
            end = e;
        }
        // "Easter Sunday two thousand ten": a year in words.
        if year.is_none()
            && s.words.kind(end) != TokenKind::Number
            && let Some((y, e)) = s.integer(end, 1000..3000)
            && e > end + 1
        {
            year = Some(y as i16);
            end = e;
        }
        let mut lean = match shift {
            Some((Tx::Shift(n), _)) if n > 0 => Lean::Future,
            Some((Tx::Shift(n), _)) if n < 0 => Lean::Past,
            _ => s.lean,
        };
        // "thanksgiving in 3 years", "vijayadashami in five years", "… 3 months ago": the first
        // one from that time on.
        let mut from = today;
        if year.is_none()
            && let Some((TimeValue::At(anchor), e)) = relative_at(s, end)
        {
            from = anchor.at.date();
            lean = Lean::Future;
            end = e;
        }
        offer(holiday(h, year, from, lean).map(|v| (v, end)));
    }
    // Periods: الاسبوع الماضي، هذا الشهر، السنة القادمة.
    offer(period_at(s, i));
    // Seasons: "this summer", "الشتاء الماضي", "صيف 2014".
    offer(season_at(s, i));
    // Weekdays.
    offer(weekday_at(s, i));
    // Day and month: "15 شباط", "الاول من شهر شباط", "اليوم الثالث من اكتوبر", "شباط 15".
    offer(day_month_at(s, i));
    // "next March", "last may": the month after (before) this one's.
    if let Some((Tx::Shift(n), a)) = s.is(i, |t| matches!(t, Tx::Shift(n) if *n != 0))
        && let Some((m, end)) = s.month(a)
    {
        let this = Date::new(today.year(), m, 1).ok();
        let first = this.map(|d| match n {
            n if n > 0 && m <= today.month() => d.checked_add(1.year()).unwrap_or(d),
            n if n < 0 && m >= today.month() => d.checked_sub(1.year()).unwrap_or(d),
            _ => d,
        });
        if let Some(first) = first {
            offer(Some((
                TimeValue::At(Instant {
                    at: midnight(first),
                    grain: Grain::Month,
                }),
                end,
            )));
        }
    }
    // "third quarter", "4th qtr 2018", "the fourth quarter of 2018", "Q4 2018", "2018Q4",
    // "18q4" (quarters). Without a year, news means the last one begun.
    let written_quarter = || -> Option<(i64, Option<i16>, usize)> {
        let w = s.text(i);
        if s.lang != Lang::En {
            return None;
        }
        let (digits, q) = w.split_once('q')?;
        let q: i64 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        let year = match digits.len() {
            0 => None,
            2 => Some(2000 + digits.parse::<i16>().ok()?),
            4 => Some(digits.parse::<i16>().ok()?),
            _ => return None,
        };
        Some((q, year, i + 1))
    };
    let quarter = s
        .ordinal(i)
        .filter(|(q, _)| (1..=4).contains(q))
        .and_then(|(q, a)| {
            let (_, e) = s.is(a, |t| matches!(t, Tx::Period(Grain::Quarter)))?;
            Some((q, None, e))
        })
        .or_else(written_quarter)
        .or_else(|| {
            // "الربع الثالث (من عام 2018)", "الربع الاخير": the noun, then its ordinal.
            if s.lang != Lang::Ar || !matches!(s.text(i), "الربع" | "ربع") {
                return None;
            }
            if matches!(s.text(i + 1), "الاخير" | "الاخيره") {
                return Some((4, None, i + 2));
            }
            let (q, e) = s.ordinal(i + 1).filter(|(q, _)| (1..=4).contains(q))?;
            Some((q, None, e))
        });
    if let Some((q, year, e)) = quarter {
        let year_at = if matches!(s.text(e), "of" | "in" | "من") {
            e + 1
        } else {
            e
        };
        let (year, end) = match (year, s.year(year_at)) {
            (Some(y), _) => (Some(y), e),
            (None, Some((y, end))) => (Some(y), end),
            (None, None) => (None, e),
        };
        let month = (q as i8 - 1) * 3 + 1;
        let year = year.unwrap_or_else(|| {
            let begun = Date::new(today.year(), month, 1).is_ok_and(|d| d <= today);
            if s.lean == Lean::Past && !begun {
                today.year() - 1
            } else {
                today.year()
            }
        });
        if let Ok(first) = Date::new(year, month, 1) {
            offer(Some((
                TimeValue::At(Instant {
                    at: midnight(first),
                    grain: Grain::Quarter,
                }),
                end,
            )));
        }
    }
    // Halves of a year: "the first half of 2019", "the second half of the year", "النصف الاول
    // من عام 2019", "النصف الثاني من العام": six months; the year written, or this one.
    let half = match (s.lang, s.text(i), s.text(i + 1)) {
        (Lang::En, "first", "half") | (Lang::Ar, "النصف", "الاول") => Some(0),
        (Lang::En, "second", "half") | (Lang::Ar, "النصف", "الثاني") => Some(1),
        _ => None,
    };
    if let Some(h) = half
        && matches!(s.text(i + 2), "of" | "من")
    {
        let k = i + 3;
        // "of next year", "من العام المقبل", "من السنة الماضية": a year counted from this one.
        let shifted = match (s.text(k), s.text(k + 1)) {
            ("next" | "last", "year") => Some((if s.text(k) == "next" { 1 } else { -1 }, k + 2)),
            ("العام" | "السنه", _) => match s.is(k + 1, |t| matches!(t, Tx::Shift(_))) {
                Some((Tx::Shift(n), e)) => Some((n, e)),
                _ => None,
            },
            _ => None,
        };
        let this_year = match (s.text(k), s.text(k + 1)) {
            _ if shifted.is_some() => None,
            ("the" | "this", "year") => Some(k + 2),
            ("العام" | "السنه", _) => Some(k + 1),
            _ => None,
        };
        let year = match (this_year, shifted) {
            (_, Some((n, end))) => i16::try_from(n)
                .ok()
                .and_then(|n| today.year().checked_add(n))
                .map(|y| (y, end)),
            (this_year, None) => match this_year {
                // Not begun yet: news means last year's.
                Some(end) if s.lean == Lean::Past && today.month() < 1 + 6 * h => {
                    Some((today.year() - 1, end))
                }
                Some(end) => Some((today.year(), end)),
                None => s.year(k),
            },
        };
        if let Some((y, end)) = year
            && let (Ok(from), Ok(to)) = (
                Date::new(y, 1 + 6 * h, 1),
                Date::new(y + i16::from(h), if h == 0 { 7 } else { 1 }, 1),
            )
        {
            offer(Some((days_between(from, to, Grain::Month), end)));
        }
    }
    // "3 fridays from now", "2 thursdays back": the n-th coming (past) weekday.
    if s.lang == Lang::En
        && let Some((n, a)) = s.integer(i, 1..60)
        && let Some((w, e)) = s.weekday(a)
    {
        if s.text(e) == "from" && matches!(s.text(e + 1), "now" | "today") {
            offer(Some((
                at_day(add_days(
                    resolve_weekday(today, w, Lean::Future),
                    7 * (n - 1),
                )),
                e + 2,
            )));
        } else if matches!(s.text(e), "back" | "ago") {
            offer(Some((
                at_day(add_days(
                    resolve_weekday(today, w, Lean::Past),
                    -7 * (n - 1),
                )),
                e + 1,
            )));
        }
    }
    // A month alone, with a year or not: "اذار", "شهر 3", "ايلول 2014". A month name that is
    // also a word ("may", "march", مارس "practised", اب "father") needs a year or a cue.
    if let Some((MonthRef::Month(m), end)) = s.month_spec(i) {
        let year = s.year(end);
        let ambiguous = AMBIGUOUS_MONTHS.contains(&s.text(i))
            || s.words.forms(i).any(|f| AMBIGUOUS_MONTHS.contains(&f));
        let cued = i > 0
            && (MONTH_CUES.contains(&s.text(i - 1))
                || s.is(i - 1, |t| {
                    matches!(
                        t,
                        Tx::MonthWord
                            | Tx::Early
                            | Tx::Late
                            | Tx::Mid
                            | Tx::Start
                            | Tx::End
                            | Tx::Shift(_)
                    )
                })
                .is_some());
        let word_not_month = ambiguous && year.is_none() && !cued && s.words.len() > 1;
        // "ديسمبر الماضي", "last December" (before it: a shift read elsewhere): the one before
        // or after now.
        let shift_after = match s.is(end, |t| matches!(t, Tx::Shift(_))) {
            Some((Tx::Shift(n), e)) if year.is_none() && n != 0 => Some((n, e)),
            _ => None,
        };
        let (first, end) = match (year, shift_after) {
            (Some((y, e)), _) => (Date::new(y, m, 1).ok(), e),
            (None, Some((n, e))) => {
                let lean = if n < 0 { Lean::Past } else { Lean::Future };
                (Some(resolve_month(today, m, lean)), e)
            }
            (None, None) => (Some(resolve_month(today, m, s.lean)), end),
        };
        if let Some(first) = first.filter(|_| !word_not_month) {
            offer(Some((
                TimeValue::At(Instant {
                    at: midnight(first),
                    grain: Grain::Month,
                }),
                end,
            )));
        }
    }
    // A year alone: after "عام/سنة/year", or a preposition ("في 2011", "in 2011", "منذ 2011"),
    // and within 150 years of now ("نحو 1440 شخصا" is a count).
    let cue = i > 0
        && matches!(
            s.text(i - 1),
            "in" | "of"
                | "since"
                | "until"
                | "till"
                | "through"
                | "before"
                | "after"
                | "by"
                | "during"
                | "في"
                | "منذ"
                | "خلال"
                | "حتي"
                | "مطلع"
                | "بدايه"
                | "نهايه"
        );
    let year_word = s.is(i, |t| matches!(t, Tx::YearWord)).is_some();
    let plausible = |y: i16| year_word || (i32::from(y) - i32::from(today.year())).abs() <= 150;
    // An era written after it ("14 AD") makes any number a year, cue or not.
    if let Some((y, end, _)) = s.year_and_era(i).filter(|(y, _, era)| {
        *era || (cue || year_word || i == 0 && s.words.len() == 1) && plausible(*y)
    }) && let Ok(first) = Date::new(y, 1, 1)
    {
        offer(Some((
            TimeValue::At(Instant {
                at: midnight(first),
                grain: Grain::Year,
            }),
            end,
        )));
    }
    // Parts of a month: اوائل/اواخر/منتصف/بداية/نهاية + month.
    offer(month_part_at(s, i));
    // Decades: "the 1990s", "the nineties", "التسعينيات", "تسعينيات القرن الماضي".
    offer(decade_at(s, i));
    // N-th weekday, day or week of a month.
    offer(nth_at(s, i));
    // With its weekday: "Mon, February 18", "Jul 18, Fri" (after the n-th weekday of a month,
    // which wins a tie: "الثلاثاء الثالث من ايلول" is the third Tuesday).
    offer(weekday_date_at(s, i));
    // Digits: 2/2013, 21/09, 2022/1/5, 5/1/2022.
    offer(numeric_date_at(s, i));
    // "on the 15th", "on 24th", "the 1st" (in figures, no word after: not "the 21st
    // century"): a day of this month (or the next, looking ahead past it).
    if s.lang == Lang::En
        && i > 0
        && let Some((day, end)) = s.ordinal(i).filter(|(d, _)| (1..=31).contains(d))
        && (s.text(i - 1) == "on"
            || s.text(i - 1) == "the" && i > 1 && s.text(i - 2) == "on"
            || s.text(i - 1) == "the"
                && (i < 2 || s.text(i - 2) != "in")
                && s.text(i).starts_with(|c: char| c.is_ascii_digit())
                && s.words.kind(end) != TokenKind::Word)
        && s.month_spec(s.of(end)).is_none()
    {
        let this = Date::new(today.year(), today.month(), day as i8).ok();
        let date = match (this, s.lean) {
            (Some(d), Lean::Future) if d < today => {
                shift_period(d.first_of_month(), Grain::Month, 1)
                    .with()
                    .day(day as i8)
                    .build()
                    .ok()
            }
            (Some(d), Lean::Past) if d > today => {
                shift_period(d.first_of_month(), Grain::Month, -1)
                    .with()
                    .day(day as i8)
                    .build()
                    .ok()
            }
            (d, _) => d,
        };
        offer(date.map(|d| (at_day(d), end)));
    }
    // A duration ago or ahead: "قبل اسبوع", "من اسبوع", "بعد يومين", "in three minutes",
    // "7 days ago", "a week hence", "3 months from now".
    offer(relative_at(s, i));
    // A weekday, then its date: "الاثنين 18 شباط", "الخميس الموافق 14 شهر شباط", "Fri, Sep 20".
    if let Some((_, wend)) = weekday_at(s, i)
        && best.as_ref().is_some_and(|(_, e)| *e == wend)
    {
        let after = s.skip_fillers(wend);
        if let Some(found) = day_month_at(s, after).or_else(|| numeric_date_at(s, after)) {
            best = Some(found);
        }
    }
    best
}

/// The grain a relative time is known to: one below the duration's unit ("two years ago" is
/// known to the month, "in a day" to the hour).
fn grain_below(g: Grain) -> Grain {
    match g {
        Grain::Year | Grain::Quarter => Grain::Month,
        Grain::Month | Grain::Week => Grain::Day,
        Grain::Day => Grain::Hour,
        Grain::Hour => Grain::Minute,
        _ => Grain::Second,
    }
}

fn truncate(at: DateTime, g: Grain) -> DateTime {
    let d = at.date();
    match g {
        Grain::Second => at,
        Grain::Minute => {
            d.to_datetime(Time::new(at.hour(), at.minute(), 0, 0).unwrap_or(Time::midnight()))
        }
        Grain::Hour => d.to_datetime(Time::new(at.hour(), 0, 0, 0).unwrap_or(Time::midnight())),
        Grain::Day => midnight(d),
        Grain::Week => midnight(monday_of(d)),
        Grain::Month => midnight(d.first_of_month()),
        Grain::Quarter => midnight(period_start(d, Grain::Quarter)),
        Grain::Year => midnight(d.first_of_year()),
    }
}

fn relative_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let durations = &s.durations;
    // Now moved by the duration, to the second.
    let exact = |d: &crate::DurationMention, sign: i64| -> Option<DateTime> {
        let whole = d.value.fract() == 0.0;
        let sp = match d.unit {
            g @ (Grain::Year | Grain::Quarter | Grain::Month) if whole => {
                span(g, (d.value as i64).checked_mul(sign)?)?
            }
            _ => span(Grain::Second, (d.seconds() as i64).checked_mul(sign)?)?,
        };
        s.now.checked_add(sp).ok()
    };
    let shifted = |d: &crate::DurationMention, sign: i64| -> Option<Instant> {
        let at = exact(d, sign)?;
        // "in half an hour", "in 2.5 hours": known to the second.
        let g = if d.value.fract() != 0.0 {
            Grain::Second
        } else {
            grain_below(d.unit)
        };
        Some(Instant {
            at: truncate(at, g),
            grain: g,
        })
    };
    // The duration at `k`, an approximation word before it or not ("about an hour", "about two
    // weeks": "about" is read as part of the number, or skipped before it).
    let duration_at = |k: usize| {
        let skipped = s.skip_fillers(k);
        durations.iter().find(|d| {
            d.tokens.start == k
                || d.tokens.start == skipped
                || d.tokens.start < k && k < d.tokens.end && s.skip_fillers(d.tokens.start) == k
        })
    };
    // The named day at `k` moved by the duration, in whole days, weeks, months or years ("three
    // days after Easter", "قبل يومين من عيد الميلاد").
    let day_moved = |d: &crate::DurationMention, sign: i64, k: usize| {
        let (TimeValue::At(base), end) = date_at(s, s.skip_fillers(k))? else {
            return None;
        };
        if base.grain != Grain::Day
            || !matches!(
                d.unit,
                Grain::Day | Grain::Week | Grain::Month | Grain::Year
            )
            || d.value.fract() != 0.0
        {
            return None;
        }
        let n = (d.value as i64).checked_mul(sign)?;
        let at = base.at.date().checked_add(span(d.unit, n)?).ok()?;
        Some((at_day(at), end))
    };
    // Before the duration: قبل / من (ago), بعد / in (ahead).
    if let Some((t, after)) = s.is(i, |t| matches!(t, Tx::Ago | Tx::Ahead))
        && let Some(d) = duration_at(after)
    {
        let sign = if t == Tx::Ago { -1 } else { 1 };
        // "قبل يومين من عيد الميلاد": a named day moved by the duration; "بعد أسبوعين من
        // اختطافه" counts from an event that is no date: no time.
        if s.lang == Lang::Ar
            && s.text(d.tokens.end) == "من"
            && s.is(d.tokens.end + 1, |t| matches!(t, Tx::Now)).is_none()
        {
            return day_moved(d, sign, d.tokens.end + 1);
        }
        let mut v = shifted(d, sign)?;
        // Arabic "قبل اسبوع" is a day; "قبل ثلاث سنوات", "منذ عقدين" a year.
        if s.lang == Lang::Ar && v.grain < Grain::Day {
            v = Instant {
                at: midnight(v.at.date()),
                grain: Grain::Day,
            };
        }
        if s.lang == Lang::Ar && d.unit == Grain::Year {
            v = Instant {
                at: truncate(v.at, Grain::Year),
                grain: Grain::Year,
            };
        }
        return Some((TimeValue::At(v), d.tokens.end));
    }
    // After it: "ago", "hence", "from now", "later".
    let d = duration_at(i)?;
    let k = d.tokens.end;
    // "three days after Easter": a named day moved by the duration. "two weeks before the
    // election" counts from an event, not from now: no time.
    if s.lang == Lang::En
        && (matches!(s.text(k), "before" | "after")
            || s.text(k) == "from" && !matches!(s.text(k + 1), "now" | "today" | "right"))
    {
        let sign = if s.text(k) == "before" { -1 } else { 1 };
        if let Some(moved) = day_moved(d, sign, k + 1) {
            return Some(moved);
        }
        // "15 minutes after 1pm", "15 minutes from 1pm": a clock time moved by minutes or hours.
        if let Some((TimeValue::At(base), end)) = single_at(s, k + 1)
            && base.grain <= Grain::Hour
            && d.unit <= Grain::Hour
        {
            let at = base
                .at
                .checked_add(span(
                    Grain::Second,
                    (d.seconds() as i64).checked_mul(sign)?,
                )?)
                .ok()?;
            return Some((
                TimeValue::At(Instant {
                    at,
                    grain: Grain::Minute.min(base.grain),
                }),
                end,
            ));
        }
        if s.words.kind(k + 1) == TokenKind::Word {
            return None;
        }
    }
    let (sign, end) = match s.text(k) {
        "ago" | "before" | "earlier" => (-1, k + 1),
        "hence" | "later" => (1, k + 1),
        "from" if matches!(s.text(k + 1), "now" | "today") => (1, k + 2),
        "from" if s.text(k + 1) == "right" && s.text(k + 2) == "now" => (1, k + 3),
        _ => return None,
    };
    let mut v = shifted(d, sign)?;
    // The anchor sets the grain: "from today" is a day, "from right now" this very second.
    match (s.text(k + 1), s.text(k + 2)) {
        ("today", _) => {
            v = Instant {
                at: midnight(exact(d, sign)?.date()),
                grain: Grain::Day,
            }
        }
        ("right", "now") => {
            v = Instant {
                at: exact(d, sign)?,
                grain: Grain::Second,
            }
        }
        _ => {}
    }
    Some((TimeValue::At(v), end))
}

fn period_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let today = s.now.date();
    // "هذا الاسبوع", "this week", "next year", "last month".
    if let Some((Tx::Shift(n), after)) = s.is(i, |t| matches!(t, Tx::Shift(_)))
        && let Some((Tx::Period(g), end)) = s.is(after, |t| matches!(t, Tx::Period(_)))
    {
        let start = shift_period(period_start(today, g), g, i64::from(n));
        return Some((
            TimeValue::At(Instant {
                at: midnight(start),
                grain: g,
            }),
            end,
        ));
    }
    let (Tx::Period(g), after) = s.is(i, |t| matches!(t, Tx::Period(_)))? else {
        return None;
    };
    let (Tx::Shift(n), end) = s.is(after, |t| matches!(t, Tx::Shift(_)))? else {
        return None;
    };
    let start = shift_period(period_start(today, g), g, i64::from(n));
    Some((
        TimeValue::At(Instant {
            at: midnight(start),
            grain: g,
        }),
        end,
    ))
}

/// A decade's tens digit by its name: "nineties" 9, "التسعينيات" 9 (folded, with or without the
/// article, both plural spellings).
fn decade_word(lang: Lang, w: &str) -> Option<i16> {
    const EN: [&str; 8] = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    const AR: [&str; 8] = [
        "عشرين",
        "ثلاثين",
        "اربعين",
        "خمسين",
        "ستين",
        "سبعين",
        "ثمانين",
        "تسعين",
    ];
    let k = match lang {
        Lang::En => EN.iter().position(|d| *d == w)?,
        _ => {
            let bare = w.strip_prefix("ال").unwrap_or(w);
            let stem = bare
                .strip_suffix("يات")
                .or_else(|| bare.strip_suffix("ات"))?;
            AR.iter().position(|d| *d == stem)?
        }
    };
    Some(k as i16 + 2)
}

/// Decades: "the 1990s", "1990s", "the nineties", "التسعينيات", "تسعينيات القرن الماضي/العشرين"
/// — ten years. A decade named by its tens alone is the last one begun (the nineties: the 1990s).
fn decade_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let today = s.now.date();
    let k = if s.lang == Lang::En && s.text(i) == "the" {
        i + 1
    } else {
        i
    };
    let w = s.text(k);
    // "1990s" as one word, or "1990" then "s".
    let written = w
        .strip_suffix('s')
        .filter(|d| d.len() == 4 && d.ends_with('0'))
        .and_then(|d| d.parse::<i16>().ok())
        .map(|y| (y, k + 1))
        .or_else(|| {
            let y: i16 = w.parse().ok()?;
            (w.len() == 4 && y % 10 == 0 && matches!(s.text(k + 1), "s" | "'s"))
                .then_some((y, k + 2))
        });
    let (start, end) = match written {
        Some((y, end)) if s.lang == Lang::En && (1000..=2990).contains(&y) => (y, end),
        Some(_) => return None,
        None => {
            let tens = decade_word(s.lang, w)?;
            // "the nineties", never "in his sixties"; not "في الستينيات من عمره" (of his age).
            let article = k > i || k > 0 && s.text(k - 1) == "the";
            if s.lang == Lang::En && !article
                || s.text(k + 1) == "من" && s.text(k + 2).starts_with("عمر")
            {
                return None;
            }
            // "القرن الماضي", "القرن العشرين", "of the last century": the 1900s; "القرن الحالي",
            // "القرن الحادي والعشرين": the 2000s. (century, words it takes)
            let after = |n: usize| s.text(k + n);
            let century = match (after(1), after(2), after(3)) {
                ("القرن", "الماضي" | "العشرين", _) => Some((1900, 2)),
                ("القرن", "الحالي", _) => Some((2000, 2)),
                ("القرن", "الحادي", "والعشرين") => Some((2000, 3)),
                ("of", "the", "last") if after(4) == "century" => Some((1900, 4)),
                // Another century: not read.
                ("القرن", _, _) => return None,
                _ => None,
            };
            let (start, end) = match century {
                Some((c, words)) => (c + tens * 10, k + 1 + words),
                None => {
                    // The last one begun.
                    let this = today.year() / 100 * 100 + tens * 10;
                    let start = if this <= today.year() {
                        this
                    } else {
                        this - 100
                    };
                    (start, k + 1)
                }
            };
            (start, end)
        }
    };
    let from = Date::new(start, 1, 1).ok()?;
    let to = Date::new(start.checked_add(10)?, 1, 1).ok()?;
    Some((days_between(from, to, Grain::Year), end))
}

/// The first day of each season of the northern hemisphere (astronomical: the equinoxes and
/// solstices, to the day): spring, summer, autumn, winter.
const SEASON_STARTS: [(i8, i8); 4] = [(3, 20), (6, 21), (9, 23), (12, 21)];

/// The first day of season `k` (0 spring … 3 winter) in `year`.
fn season_start(year: i16, k: u8) -> Option<Date> {
    let (m, d) = SEASON_STARTS[usize::from(k % 4)];
    Date::new(year, m, d).ok()
}

/// Season `k` whose start falls in `year`, as an interval of days.
fn season_in(year: i16, k: u8) -> Option<(Date, Date)> {
    let end_year = if k == 3 { year.checked_add(1)? } else { year };
    Some((season_start(year, k)?, season_start(end_year, k + 1)?))
}

/// The season in progress on `day`: (season, the year its start falls in).
fn season_of(day: Date) -> (u8, i16) {
    let y = day.year();
    (0..4u8)
        .rev()
        .find(|&k| season_start(y, k).is_some_and(|start| start <= day))
        .map(|k| (k, y))
        // Before 20 March: last year's winter.
        .unwrap_or((3, y - 1))
}

/// Seasons: "this summer", "last winter", "the summer of 2014", "صيف 2014", "الشتاء الماضي",
/// "next season"; never a season name alone. "this" is the season in progress or this year's.
fn season_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let today = s.now.date();
    let before = s.is(i, |t| matches!(t, Tx::Shift(_)));
    let at = before.map_or(i, |(_, e)| e);
    let (Tx::Season(k), mut end) = s.is(at, |t| matches!(t, Tx::Season(_)))? else {
        return None;
    };
    let mut shift = match before {
        Some((Tx::Shift(n), _)) => Some(n),
        _ => None,
    };
    // "الصيف الماضي", "winter next"
    if shift.is_none()
        && let Some((Tx::Shift(n), e)) = s.is(end, |t| matches!(t, Tx::Shift(_)))
    {
        shift = Some(n);
        end = e;
    }
    // "summer 2014", "the summer of 2014", "صيف عام 2014"
    let mut year = None;
    if shift.is_none() {
        let at_year = if matches!(s.text(end), "of" | "in" | "من") {
            end + 1
        } else {
            end
        };
        if let Some((y, e)) = s.year(at_year) {
            year = Some(y);
            end = e;
        }
    }
    // A season name alone is too often something else ("the fall of Kabul", الربيع العربي, a
    // spring of water): a shift or a year must go with it.
    if shift.is_none() && year.is_none() {
        return None;
    }
    let (now_k, now_y) = season_of(today);
    let (k, y) = if k == 4 {
        // "this season", "next season", "last season": counted from the one in progress.
        let index = i32::from(now_y) * 4 + i32::from(now_k) + shift?;
        (
            index.rem_euclid(4) as u8,
            i16::try_from(index.div_euclid(4)).ok()?,
        )
    } else if let Some(y) = year {
        // Winter 2014 begins in December 2014.
        (k, y)
    } else {
        let this_year = today.year();
        let (begun, coming) = if season_start(this_year, k)? <= today {
            (this_year, this_year + 1)
        } else {
            (this_year - 1, this_year)
        };
        // Without a year, a shift goes with the name: this (0), last (< 0), next (> 0).
        let n = shift?;
        let y = if n == 0 {
            if k == now_k { now_y } else { this_year }
        } else if n < 0 {
            if k == now_k { now_y - 1 } else { begun }
        } else {
            coming
        };
        (k, y)
    };
    let (from, to) = season_in(y, k)?;
    Some((days_between(from, to, Grain::Day), end))
}

fn weekday_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let today = s.now.date();
    let mut k = i;
    // "هذا الاثنين", "next monday", "last tuesday".
    let before = s.is(k, |t| matches!(t, Tx::Shift(_)));
    if let Some((_, e)) = before {
        k = e;
    }
    let (w, mut end) = s.weekday(k)?;
    // Arabic day names are also numbers and nouns (اثنين "two", احد "one", سبت): without the
    // article they need "يوم/ليلة" before, "هذا", or a week after ("احد الاسبوع الماضي").
    if s.lang == Lang::Ar && !s.words.forms(k).any(|f| f.starts_with("ال")) {
        let cue_before = before.is_some()
            || (k > 0 && matches!(s.text(k - 1), "يوم" | "ليله" | "صباح" | "مساء" | "فجر"));
        let week_after = s
            .is(end, |t| matches!(t, Tx::Period(Grain::Week)))
            .is_some()
            || (s.text(end) == "من"
                && s.is(end + 1, |t| {
                    matches!(t, Tx::Period(Grain::Week) | Tx::Shift(_))
                })
                .is_some());
        if !cue_before && !week_after {
            return None;
        }
    }
    let mut date = resolve_weekday(today, w, Lean::Future);
    match before {
        Some((Tx::Shift(n), _)) if n < 0 => {
            let d = resolve_weekday(today, w, Lean::Past);
            date = if d == today { add_days(d, -7) } else { d };
        }
        // "this monday": of this week in news; the coming one for plans (Duckling's reading).
        Some((Tx::Shift(0), _)) if s.lean == Lean::Past => {
            date = add_days(monday_of(today), i64::from(w.to_monday_zero_offset()))
        }
        // English "next wednesday": the Wednesday of next week.
        Some((Tx::Shift(n), _)) if n > 0 && s.lang == Lang::En => {
            date = add_days(
                add_days(monday_of(today), 7),
                i64::from(w.to_monday_zero_offset()),
            )
        }
        Some(_) => {}
        None if s.lean == Lean::Past => date = resolve_weekday(today, w, Lean::Past),
        None => {}
    }
    // "الثلاثاء الماضي", "الثلاثاء القادم" (not "wednesday next week": below).
    if let Some((Tx::Shift(n), e)) = s.is(end, |t| matches!(t, Tx::Shift(_)))
        && (s.lang == Lang::Ar || s.is(e, |t| matches!(t, Tx::Period(Grain::Week))).is_none())
    {
        date = match n {
            n if n < 0 => {
                let d = resolve_weekday(today, w, Lean::Past);
                if d == today { add_days(d, -7) } else { d }
            }
            n if n > 0 => resolve_weekday(today, w, Lean::Future),
            _ => add_days(monday_of(today), i64::from(w.to_monday_zero_offset())),
        };
        end = e;
    }
    // "wednesday next week", "monday last week".
    if s.lang == Lang::En
        && let Some((Tx::Shift(n), a)) = s.is(end, |t| matches!(t, Tx::Shift(_)))
        && let Some((_, e)) = s.is(a, |t| matches!(t, Tx::Period(Grain::Week)))
    {
        let d = add_days(
            add_days(monday_of(today), 7 * i64::from(n)),
            i64::from(w.to_monday_zero_offset()),
        );
        return Some((at_day(d), e));
    }
    // "friday after next".
    if s.text(end) == "after" && s.text(end + 1) == "next" {
        return Some((
            at_day(add_days(resolve_weekday(today, w, Lean::Future), 7)),
            end + 2,
        ));
    }
    // "wednesday of next week", "sunday from last week".
    if matches!(s.text(end), "of" | "from")
        && let Some((Tx::Shift(n), a)) = s.is(end + 1, |t| matches!(t, Tx::Shift(_)))
        && let Some((_, e)) = s.is(a, |t| matches!(t, Tx::Period(Grain::Week)))
    {
        let d = add_days(
            add_days(monday_of(today), 7 * i64::from(n)),
            i64::from(w.to_monday_zero_offset()),
        );
        return Some((at_day(d), e));
    }
    // "الاحد من الاسبوع الماضي", "احد الاسبوع الماضي", "اثنين الاسبوع الحالي".
    let week_at = if s.text(end) == "من" { end + 1 } else { end };
    let week = if let Some((Tx::Shift(0), a)) = s.is(week_at, |t| matches!(t, Tx::Shift(0))) {
        s.is(a, |t| matches!(t, Tx::Period(Grain::Week)))
            .map(|(_, e)| (0, e))
    } else if let Some((_, a)) = s.is(week_at, |t| matches!(t, Tx::Period(Grain::Week))) {
        match s.is(a, |t| matches!(t, Tx::Shift(_))) {
            Some((Tx::Shift(n), e)) => Some((n, e)),
            _ => None,
        }
    } else {
        None
    };
    if let Some((n, e)) = week {
        date = add_days(
            add_days(monday_of(today), 7 * i64::from(n)),
            i64::from(w.to_monday_zero_offset()),
        );
        end = e;
    }
    // "السبت السادس عشر", "الثلاثاء التاسع عشر من هذا الشهر", "Tuesday the 19th": the day of
    // the month says which.
    let day_at = if s.text(end) == "the" { end + 1 } else { end };
    if let Some((day, e)) = s.ordinal(day_at).filter(|(d, _)| (1..=31).contains(d)) {
        let mut e = e;
        if let Some((MonthRef::Shift(0), e2)) = s.month_spec(s.of(e)) {
            e = e2;
        }
        if let Ok(d) = Date::new(today.year(), today.month(), day as i8) {
            return Some((at_day(d), e));
        }
    }
    Some((at_day(date), end))
}

/// A Hijri day and month, with or without a year ("15 رمضان 1443 هـ", "الأول من محرم"), or a
/// Hijri month and year ("شهر رمضان 1440": the month, as days); without a year, the month's
/// nearest occurrence the way the reading leans.
fn hijri_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let day = s.day_of_month(i);
    let at = day.map_or(i, |(_, e)| s.of(e));
    let at = s
        .is(at, |t| matches!(t, Tx::MonthWord))
        .map_or(at, |(_, e)| e);
    let (Tx::HijriMonth(month), end) = s.is(at, |t| matches!(t, Tx::HijriMonth(_)))? else {
        return None;
    };
    let month = i64::from(month);
    // A year of the Hijri era: 1300–1600, or any year with هـ after it.
    let year = s.year(end).and_then(|(y, e)| {
        let era = s.is(e, |t| matches!(t, Tx::HijriEra));
        ((1300..=1600).contains(&y) || era.is_some())
            .then(|| (i64::from(y), era.map_or(e, |(_, e)| e)))
    });
    let today = s.now.date();
    let occurrence = |d: i64| -> Option<(i64, Date)> {
        if let Some((y, _)) = year {
            return Some((y, crate::hijri::to_date(y, month, d)?));
        }
        let base = crate::hijri::year_at(today);
        let candidates =
            (base - 1..=base + 1).filter_map(|y| Some((y, crate::hijri::to_date(y, month, d)?)));
        match s.lean {
            Lean::Past => candidates
                .filter(|(_, x)| *x <= today)
                .max_by_key(|(_, x)| *x),
            Lean::Future => candidates
                .filter(|(_, x)| *x >= today)
                .min_by_key(|(_, x)| *x),
        }
    };
    let end = year.map_or(end, |(_, e)| e);
    match day {
        Some((d, _)) => {
            let (_, date) = occurrence(d)?;
            Some((at_day(date), end))
        }
        // A bare month name with no year is the holiday's (رمضان) or nothing: only "month + year".
        None if year.is_some() => {
            let (y, first) = occurrence(1)?;
            let next = crate::hijri::to_date(y + month / 12, month % 12 + 1, 1)?;
            Some((days_between(first, next, Grain::Day), end))
        }
        None => None,
    }
}

/// A day and month written with its weekday, before or after it. Without a year, the weekday
/// settles it: the nearest year, the way the reading leans, in which that day is that weekday.
fn weekday_date_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let comma = |k: usize| {
        if matches!(s.text(k), "," | "،") {
            k + 1
        } else {
            k
        }
    };
    // Before a date, the short names that are also words are weekdays too: "Mon, February 18",
    // "Sat. March 2".
    let short = |k: usize| -> Option<(Weekday, usize)> {
        if s.lang != Lang::En {
            return None;
        }
        let w = match s.text(k) {
            "mon" => Weekday::Monday,
            "wed" => Weekday::Wednesday,
            "sat" => Weekday::Saturday,
            "sun" => Weekday::Sunday,
            _ => return None,
        };
        Some((w, if s.text(k + 1) == "." { k + 2 } else { k + 1 }))
    };
    let (w, date_at, weekday_end) = match s.weekday(i).or_else(|| short(i)) {
        Some((w, e)) => (w, comma(e), None),
        None => {
            let (_, e) = day_month_at(s, i)?;
            let (w, we) = s.weekday(comma(e))?;
            (w, i, Some(we))
        }
    };
    let (TimeValue::At(inst), end) = day_month_at(s, date_at)? else {
        return None;
    };
    if inst.grain != Grain::Day {
        return None;
    }
    let d = inst.at.date();
    let year_written = end > date_at && s.text(end - 1).len() == 4 && s.year(end - 1).is_some();
    let date = if d.weekday() == w || year_written {
        d
    } else {
        let step: i16 = if s.lean == Lean::Future { 1 } else { -1 };
        (1..=11)
            .filter_map(|k| Date::new(d.year() + step * k, d.month(), d.day()).ok())
            .find(|c| c.weekday() == w)?
    };
    Some((at_day(date), weekday_end.unwrap_or(end)))
}

fn day_month_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let today = s.now.date();
    let mut k = i;
    // "اليوم الثالث من اكتوبر": اليوم before an ordinal day.
    if let Some((Tx::Day(0), e)) = s.is(k, |t| matches!(t, Tx::Day(0)))
        && s.ordinal(e).is_some()
    {
        k = e;
    }
    let day = s.day_of_month(k);
    // "31-Oct-74", "31/Oct/1974": a day, a month's name and a year between one separator.
    if let Some((d, e)) = day
        && matches!(s.text(e), "-" | "/")
        && let Some((m, e2)) = s.month(e + 1)
        && s.text(e2) == s.text(e)
        && s.words.kind(e2 + 1) == TokenKind::Number
        && let Some(y) = match s.text(e2 + 1) {
            t if t.len() == 4 => t.parse::<i16>().ok(),
            t if t.len() == 2 => t.parse::<i16>().ok().map(|yy| full_year(yy.into()) as i16),
            _ => None,
        }
    {
        return Some((at_day(Date::new(y, m, d as i8).ok()?), e2 + 2));
    }
    let (day, month, end) = if let Some((day, e)) = day {
        let (month, end) = s.month_spec(s.of(e))?;
        // "two upcoming months" is no day: a cardinal word names a day of a named month only.
        if matches!(month, MonthRef::Shift(_))
            && s.words.kind(k) == TokenKind::Word
            && s.ordinal(k).is_none()
        {
            return None;
        }
        (day as i8, month, end)
    } else {
        // "شباط 15", "يوليو 13", "march first", "february the 15th".
        let (month, e) = s.month_spec(k)?;
        let e = if s.text(e) == "the" { e + 1 } else { e };
        let (day, end) = s.day_of_month(e)?;
        (day as i8, month, end)
    };
    // "April 14, 2015".
    let year_at = if matches!(s.text(end), "," | "،") && s.year(end + 1).is_some() {
        end + 1
    } else {
        end
    };
    let (year, end) = s.year(year_at).map_or((None, end), |(y, e)| (Some(y), e));
    let date = match (month, year) {
        (MonthRef::Month(m), Some(y)) => Date::new(y, m, day).ok()?,
        (MonthRef::Month(m), None) => resolve_day_month(today, m, day, s.lean)?,
        (MonthRef::Shift(n), _) => {
            let first = shift_period(today.first_of_month(), Grain::Month, i64::from(n));
            Date::new(first.year(), first.month(), day).ok()?
        }
    };
    Some((at_day(date), end))
}

fn month_first(s: &Scan<'_, '_>, month: MonthRef, end: usize) -> Option<(Date, usize)> {
    let today = s.now.date();
    let (mut year, mut end) = s.year(end).map_or((None, end), |(y, e)| (Some(y), e));
    // "السنة القادمة", "next year" after the month.
    if year.is_none()
        && let Some((_, a)) = s.is(end, |t| matches!(t, Tx::Period(Grain::Year)))
        && let Some((Tx::Shift(n), e)) = s.is(a, |t| matches!(t, Tx::Shift(_)))
    {
        year = Some(today.year() + n as i16);
        end = e;
    }
    let first = match (month, year) {
        (MonthRef::Month(m), Some(y)) => Date::new(y, m, 1).ok()?,
        (MonthRef::Month(m), None) => resolve_month(today, m, s.lean),
        (MonthRef::Shift(n), _) => shift_period(today.first_of_month(), Grain::Month, i64::from(n)),
    };
    Some((first, end))
}

/// The beginning or end of a week or a year (English): "beginning of this week" (Monday to
/// Wednesday), "end of next week" (Friday to Sunday), "end of 2012" (September to December),
/// "beginning of year" (January to March).
fn period_part_at(s: &Scan<'_, '_>, part: Tx, after: usize) -> Option<(TimeValue, usize)> {
    let today = s.now.date();
    let k = if s.text(after) == "the" {
        after + 1
    } else {
        after
    };
    let interval = |a: Date, b: Date, g: Grain| days_between(a, b, g);
    // A year: "of 2012", "of next year", "year", "the year".
    let year = if let Some((y, e)) = s.year(k).filter(|_| s.words.kind(k) == TokenKind::Number) {
        Some((y, e))
    } else if let Some((TimeValue::At(p), e)) =
        period_at(s, k).filter(|(v, _)| matches!(v, TimeValue::At(p) if p.grain == Grain::Year))
    {
        Some((p.at.year(), e))
    } else if let Some((_, e)) = s.is(k, |t| matches!(t, Tx::Period(Grain::Year))) {
        Some((today.year(), e))
    } else {
        None
    };
    if let Some((y, end)) = year {
        let first = Date::new(y, 1, 1).ok()?;
        let value = match part {
            Tx::Start | Tx::Early => interval(first, Date::new(y, 4, 1).ok()?, Grain::Month),
            Tx::Mid => interval(
                Date::new(y, 5, 1).ok()?,
                Date::new(y, 9, 1).ok()?,
                Grain::Month,
            ),
            Tx::End | Tx::Late => interval(
                Date::new(y, 9, 1).ok()?,
                Date::new(y + 1, 1, 1).ok()?,
                Grain::Month,
            ),
            _ => return None,
        };
        return Some((value, end));
    }
    // A week: "this week", "next week", "the following week", "week".
    let (monday, end) = match period_at(s, k) {
        Some((TimeValue::At(p), e)) if p.grain == Grain::Week => (p.at.date(), e),
        _ => {
            let (_, e) = s.is(k, |t| matches!(t, Tx::Period(Grain::Week)))?;
            (monday_of(today), e)
        }
    };
    let value = match part {
        Tx::Start | Tx::Early => interval(monday, add_days(monday, 3), Grain::Day),
        Tx::End | Tx::Late => interval(add_days(monday, 4), add_days(monday, 7), Grain::Day),
        _ => return None,
    };
    Some((value, end))
}

fn month_part_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let (part, after) = s.is(i, |t| {
        matches!(t, Tx::Early | Tx::Late | Tx::Mid | Tx::Start | Tx::End)
    })?;
    // "mid-December", "late-2021": the hyphen joins, it is no "to".
    let after = if s.lang == Lang::En && s.text(after) == "-" {
        after + 1
    } else {
        after
    };
    // "EOM", "BOM", "EOY", "BOY": the end or beginning of this month or year, in one word.
    if s.lang == Lang::En {
        let today = s.now.date();
        let word = s.text(after - 1);
        if matches!(word, "eom" | "bom") {
            let first = today.first_of_month();
            let (a, b) = if word == "bom" {
                (first, Date::new(first.year(), first.month(), 11).ok()?)
            } else {
                (
                    Date::new(first.year(), first.month(), 21).ok()?,
                    add_days(first.last_of_month(), 1),
                )
            };
            return Some((days_between(a, b, Grain::Day), after));
        }
        if word == "eoy" {
            let y = today.year();
            let (a, b) = (Date::new(y, 9, 1).ok()?, Date::new(y + 1, 1, 1).ok()?);
            return Some((days_between(a, b, Grain::Month), after));
        }
        // "end of month", "beginning of month": this month.
        let k = if s.text(after) == "of" {
            after + 1
        } else {
            after
        };
        if s.text(k) == "month" {
            return month_part_value(s, part, MonthRef::Shift(0), k + 1);
        }
    }
    let month = s
        .month_spec(after)
        .or_else(|| s.month_spec(after + usize::from(s.text(after) == "من")));
    // "بداية الشهر", "نهاية العام": this month, this year.
    if s.lang == Lang::Ar && month.is_none() {
        if let Some((Tx::Period(Grain::Month), e)) =
            s.is(after, |t| matches!(t, Tx::Period(Grain::Month)))
            && s.is(e, |t| matches!(t, Tx::Shift(_))).is_none()
        {
            return month_part_value(s, part, MonthRef::Shift(0), e);
        }
        return period_part_at(s, part, after);
    }
    let Some((month, end)) = month else {
        return if s.lang == Lang::En {
            period_part_at(
                s,
                part,
                if s.text(after) == "of" {
                    after + 1
                } else {
                    after
                },
            )
        } else {
            None
        };
    };
    month_part_value(s, part, month, end)
}

/// A part of a month (`Tx::Early`, `Late`, `Mid`, `Start`, `End`): its days.
fn month_part_value(
    s: &Scan<'_, '_>,
    part: Tx,
    month: MonthRef,
    end: usize,
) -> Option<(TimeValue, usize)> {
    let (first, end) = month_first(s, month, end)?;
    let day = |d: i8| Date::new(first.year(), first.month(), d).ok();
    let between = |a: Date, b: Date| days_between(a, b, Grain::Day);
    let value = match part {
        Tx::Early => between(first, day(11)?),
        Tx::Late => between(day(21)?, add_days(first.last_of_month(), 1)),
        // English "mid March" is its middle ten days; Arabic "منتصف اذار" its fifteenth.
        Tx::Mid if s.lang == Lang::En => between(day(11)?, day(21)?),
        Tx::Mid => at_day(day(15)?),
        // English "the beginning/end of the month" is its first/last ten days; Arabic "بداية شهر 3"
        // its first day.
        Tx::Start if s.lang == Lang::En => between(first, day(11)?),
        Tx::End if s.lang == Lang::En => between(day(21)?, add_days(first.last_of_month(), 1)),
        Tx::Start => at_day(first),
        _ => at_day(first.last_of_month()),
    };
    Some((value, end))
}

fn nth_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    // Which: an ordinal word ("ثالث", "الاول") or "اخر/الاخير" (-1), before or after the thing.
    let which = |k: usize| -> Option<(i64, usize)> {
        if let Some((_, e)) = s.is(k, |t| matches!(t, Tx::Last)) {
            return Some((-1, e));
        }
        let (n, e) = s.ordinal(k).filter(|(n, _)| (1..=31).contains(n))?;
        // "the second last week": counted from the end.
        match s.is(e, |t| matches!(t, Tx::Last)) {
            Some((_, e2)) if s.lang == Lang::En => Some((-n, e2)),
            _ => Some((n, e)),
        }
    };
    #[derive(Clone, Copy)]
    enum Thing {
        Weekday(Weekday),
        Day,
        Week,
    }
    let thing = |k: usize| -> Option<(Thing, usize)> {
        let k = if (s.is(k, |t| matches!(t, Tx::Day(0))).is_some()
            || matches!(s.text(k), "يوم" | "day"))
            && s.weekday(k + 1).is_some()
        {
            k + 1
        } else {
            k
        };
        if let Some((w, e)) = s.weekday(k) {
            return Some((Thing::Weekday(w), e));
        }
        if let Some((Tx::Period(Grain::Week), e)) =
            s.is(k, |t| matches!(t, Tx::Period(Grain::Week)))
        {
            return Some((Thing::Week, e));
        }
        if matches!(s.text(k), "يوم" | "اليوم" | "day") {
            return Some((Thing::Day, k + 1));
        }
        None
    };
    // Either order: "ثالث ثلاثاء", "الثلاثاء الثالث" (a weekday can read as a number too:
    // الاثنين "the two").
    let first = which(i).and_then(|(n, e)| thing(e).map(|(t, e)| (n, t, e)));
    let second = || thing(i).and_then(|(t, e)| which(e).map(|(n, e)| (n, t, e)));
    let (n, t, after) = first.or_else(second)?;
    // Five weekdays or weeks at most; a day up to the 31st ("the 20th day of next month").
    if !matches!(t, Thing::Day) && n.abs() > 5 {
        return None;
    }
    // Of what: a month ("من شهر اذار", "بشهر عشرة", "في سبتمبر", "الشهر القادم") or after a holiday.
    let of = |k: usize| -> Option<(Date, Date, usize)> {
        let mut k = k;
        if matches!(s.text(k), "من" | "في" | "ب" | "of" | "in") {
            k += 1;
        }
        if let Some((month, e)) = s.month_spec(k) {
            return month_first(s, month, e).map(|(d, e)| (d, d.last_of_month(), e));
        }
        // "of 2018": the days and weeks of a year.
        if let Some((y, e)) = s.year(k).filter(|_| s.lang == Lang::En) {
            return Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?, e));
        }
        // "بشهر" written as one word: ب + شهر.
        if s.words.forms(k).any(|f| f == "شهر")
            && let Some((month, e)) = s
                .month(k + 1)
                .map(|(m, e)| (MonthRef::Month(m), e))
                .or_else(|| {
                    s.integer(k + 1, 1..13)
                        .map(|(m, e)| (MonthRef::Month(m as i8), e))
                })
        {
            return month_first(s, month, e).map(|(d, e)| (d, d.last_of_month(), e));
        }
        None
    };
    // "ثالث ثلاثاء بعد كريسماس 2014".
    if let Thing::Weekday(w) = t
        && n > 0
        && matches!(s.text(after), "after" | "بعد")
        && let Some((TimeValue::At(base), end)) = date_at(s, after + 1)
    {
        let base = base.at.date();
        let first = add_days(
            base,
            1 + (i64::from(w.to_monday_zero_offset())
                - i64::from(add_days(base, 1).weekday().to_monday_zero_offset()))
            .rem_euclid(7),
        );
        return Some((at_day(add_days(first, 7 * (n - 1))), end));
    }
    let (first, last, end) = of(after)?;
    let value = match t {
        // A weekday of a month only.
        Thing::Weekday(_) if last != first.last_of_month() => return None,
        Thing::Weekday(w) if n >= -1 => at_day(nth_weekday(first, w, n)?),
        Thing::Weekday(w) => at_day(add_days(nth_weekday(first, w, -1)?, 7 * (n + 1))),
        Thing::Day => {
            let d = if n > 0 {
                add_days(first, n - 1)
            } else {
                add_days(last, n + 1)
            };
            if d < first || d > last {
                return None;
            }
            at_day(d)
        }
        Thing::Week if n > 0 => {
            // The first week is the one holding the month's first Monday.
            let monday = nth_weekday(first, Weekday::Monday, 1)?;
            TimeValue::At(Instant {
                at: midnight(add_days(monday, 7 * (n - 1))),
                grain: Grain::Week,
            })
        }
        // The last week is the last whole one: its Monday at least six days before the end.
        Thing::Week => TimeValue::At(Instant {
            at: midnight(add_days(monday_of(add_days(last, -6)), 7 * (n + 1))),
            grain: Grain::Week,
        }),
    };
    Some((value, end))
}

/// A year written with two digits: 74 is 1974, 15 is 2015.
fn full_year(yy: i64) -> i64 {
    if yy < 50 { 2000 + yy } else { 1900 + yy }
}

fn numeric_date_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let today = s.now.date();
    if s.words.kind(i) != TokenKind::Number {
        return None;
    }
    let mut parts: Vec<i64> = Vec::new();
    let mut k = i;
    // "10.31.1974": one token with dots.
    let dotted: Vec<&str> = s.text(i).split('.').collect();
    if dotted.len() == 3 {
        parts = dotted
            .iter()
            .map(|p| p.parse::<i64>())
            .collect::<Result<_, _>>()
            .ok()?;
        k = i + 1;
    }
    while dotted.len() != 3 {
        if s.words.kind(k) != TokenKind::Number || s.text(k).contains(['.', ',']) {
            return None;
        }
        parts.push(s.text(k).parse().ok()?);
        k += 1;
        if parts.len() < 3
            && matches!(s.text(k), "/" | "-")
            && s.words.kind(k + 1) == TokenKind::Number
        {
            k += 1;
        } else {
            break;
        }
    }
    // Two-digit years: 74 is 1974, 15 is 2015.
    if let [a, b, y] = parts.as_slice()
        && (0..100).contains(y)
        && *a <= 31
        && *b <= 31
        && s.text(k - 1).len() == 2
    {
        parts = vec![*a, *b, full_year(*y)];
    }
    // "2014/10": a month of a year.
    if let [y, m] = parts.as_slice()
        && *y > 999
        && (1..=12).contains(m)
    {
        let first = Date::new(*y as i16, *m as i8, 1).ok()?;
        return Some((
            TimeValue::At(Instant {
                at: midnight(first),
                grain: Grain::Month,
            }),
            k,
        ));
    }
    // English writes the month first (2/15, 10.31.1974); Arabic the day.
    let month_first = s.lang == Lang::En;
    let date = match parts.as_slice() {
        [y, m, d] if *y > 31 => Date::new(*y as i16, *m as i8, *d as i8).ok()?,
        [m, d, y] if *y > 31 && month_first && *m <= 12 => {
            Date::new(*y as i16, *m as i8, *d as i8).ok()?
        }
        [d, m, y] if *y > 31 => Date::new(*y as i16, *m as i8, *d as i8).ok()?,
        [m, d] if month_first && (1..=12).contains(m) && (1..=31).contains(d) => {
            resolve_day_month(today, *m as i8, *d as i8, s.lean)?
        }
        // "2/2013": a month of a year.
        [m, y] if *y > 999 && (1..=12).contains(m) => {
            let first = Date::new(*y as i16, *m as i8, 1).ok()?;
            return Some((
                TimeValue::At(Instant {
                    at: midnight(first),
                    grain: Grain::Month,
                }),
                k,
            ));
        }
        // "21/09": day and month.
        [d, m] if (1..=12).contains(m) && (1..=31).contains(d) => {
            resolve_day_month(today, *m as i8, *d as i8, s.lean)?
        }
        _ => return None,
    };
    Some((at_day(date), k))
}

/// English minutes before or after an hour: "a quarter past 3pm", "20 minutes past 3 pm",
/// "half past three", "twenty after 3pm", "15 to noon".
fn minutes_around_hour(
    s: &Scan<'_, '_>,
    i: usize,
) -> Option<((i8, i8, i8), Grain, Option<Pod>, usize)> {
    let mut k = if s.text(i) == "at" { i + 1 } else { i };
    if s.text(k) == "a" {
        k += 1;
    }
    let minutes = match s.text(k) {
        "quarter" => 15,
        "half" => 30,
        _ => s.integer(k, 1..60).map(|(v, e)| {
            k = e - 1;
            v as i8
        })?,
    };
    k += 1;
    if matches!(s.text(k), "minutes" | "minute" | "mins" | "min") {
        k += 1;
    }
    let sign: i8 = match s.text(k) {
        "past" | "after" => 1,
        "to" | "till" | "before" | "of" => -1,
        _ => return None,
    };
    k += 1;
    let (hour, mut pod, mut end) = if let Some((h, _, _, p)) = glued_clock(s.text(k), false) {
        (h, p, k + 1)
    } else if matches!(s.text(k), "noon" | "midday") {
        (12, Some(Pod::Noon), k + 1)
    } else if s.text(k) == "midnight" {
        (0, Some(Pod::Am), k + 1)
    } else {
        let (h, e) = s.integer(k, 0..24)?;
        (h as i8, None, e)
    };
    if let Some((Tx::Pod(p), e)) = s.is(end, |t| matches!(t, Tx::Pod(_))) {
        pod = Some(p);
        end = e;
    }
    let (h, m) = if sign > 0 {
        (hour, minutes)
    } else {
        (if hour == 0 { 23 } else { hour - 1 }, 60 - minutes)
    };
    // Noon less a quarter is 11:45 in the morning.
    let pod = if pod == Some(Pod::Noon) && sign < 0 {
        Some(Pod::Am)
    } else {
        pod
    };
    Some(((h, m, 0), Grain::Minute, pod, end))
}

/// A time of day at `i`: ((hour, minute, second), grain, part of day given, end).
fn clock_at(s: &Scan<'_, '_>, i: usize) -> Option<((i8, i8, i8), Grain, Option<Pod>, usize)> {
    if s.lang == Lang::En
        && let Some(found) = minutes_around_hour(s, i)
    {
        return Some(found);
    }
    let mut k = i;
    let hour_word = s.is(k, |t| matches!(t, Tx::Hour));
    if let Some((_, e)) = hour_word {
        k = e;
    }
    // Glued forms: "3pm", "10am", "15h00", "11h45", "19h", and "3:15pm".
    let mut glued_pod: Option<Pod> = None;
    let (mut h, mut m, mut sec, mut grain, mut end);
    // "at 3p": a one-letter part of day only after "at" ("7a" alone is a section's number).
    if let Some((gh, gm, gg, gp)) = glued_clock(s.text(k), hour_word.is_some()) {
        h = gh;
        m = gm;
        sec = 0;
        grain = gg;
        end = k + 1;
        glued_pod = gp;
    } else if s.lang == Lang::En
        && (hour_word.is_some() || s.is(k + 1, |t| matches!(t, Tx::Pod(_))).is_some())
        && s.words.kind(k) == TokenKind::Number
        && matches!(s.text(k).len(), 3 | 4)
        && let Ok(hhmm) = s.text(k).parse::<i16>()
        && hhmm % 100 < 60
        && hhmm / 100 < 24
        // Not a part of a phone number or a range of numbers ("at 650-650-6500").
        && !(matches!(s.text(k + 1), "-" | "/" | ".") && s.words.kind(k + 2) == TokenKind::Number)
    {
        // "at 730", "at 1030", "330 p.m.": hours and minutes without a colon, after "at" or
        // before a part of day.
        h = (hhmm / 100) as i8;
        m = (hhmm % 100) as i8;
        sec = 0;
        grain = Grain::Minute;
        end = k + 1;
    } else if s.words.kind(k) == TokenKind::Number
        && s.text(k + 1) == ":"
        && s.words.kind(k + 2) == TokenKind::Word
        && let Some((mm, gp)) = minutes_with_pod(s.text(k + 2))
    {
        // "3:15pm", "12:15p": the minutes carry the part of day.
        h = s.text(k).parse::<i8>().ok()?;
        m = mm;
        sec = 0;
        grain = Grain::Minute;
        end = k + 3;
        glued_pod = Some(gp);
    } else if s.words.kind(k) == TokenKind::Number
        && s.text(k + 1) == ":"
        && s.words.kind(k + 2) == TokenKind::Number
    {
        h = s.text(k).parse::<i8>().ok()?;
        m = s.text(k + 2).parse::<i8>().ok()?;
        sec = 0;
        grain = Grain::Minute;
        end = k + 3;
        if s.text(end) == ":" && s.words.kind(end + 1) == TokenKind::Number {
            sec = s.text(end + 1).parse::<i8>().ok()?;
            grain = Grain::Second;
            end += 2;
        }
        if !(0..24).contains(&h) || !(0..60).contains(&m) || !(0..60).contains(&sec) {
            return None;
        }
    } else {
        // An hour: a number or an ordinal (الثالثة), which needs الساعة or a part of day. A
        // number word read together with the minutes after it ("ثلاثة وثمانية عشر") is the hour
        // alone.
        let ordinal_hour = s.ordinal(k).and_then(|(v, e)| {
            // "الرابعة واربعون": the hour is the first word, the minutes follow.
            if e > k + 1 && s.text(k + 1).starts_with('و') {
                let view = s.view_from(k, 1)?;
                return find_ordinals(s.lang, &view)
                    .first()
                    .map(|o| (o.value, k + 1));
            }
            Some((v, e))
        });
        let hour = ordinal_hour
            .filter(|(v, _)| (1..=12).contains(v))
            .or_else(|| {
                let (v, e) = s.number(k)?;
                // "at a couple of": an hour is one word; "nine fifty nine" read as one number
                // (spoken hundreds) is an hour and its minutes.
                if s.lang == Lang::En && e > k + 1 {
                    return s
                        .number_word(k)
                        .filter(|(v, _)| s.text(k) != "a" && (1.0..13.0).contains(v))
                        .map(|(v, e)| (v as i64, e));
                }
                let one = s
                    .number_word(k)
                    .filter(|_| e > k + 1 && s.text(k + 1).starts_with('و'));
                let (v, e) = one.unwrap_or((v, e));
                (v.fract() == 0.0 && (0.0..25.0).contains(&v)).then_some((v as i64, e))
            });
        let (value, e) = hour?;
        h = value as i8;
        m = 0;
        sec = 0;
        grain = Grain::Hour;
        end = e;
        // و 18 دقيقة, وربع, ونصف, وثلث; الا ربع, الا ثلث.
        let mut j = end;
        let and_word = s.text(j) == "و";
        if and_word {
            j += 1;
        }
        let conj = and_word || s.text(j).starts_with('و');
        if conj {
            if let Some((Tx::Fraction(f), e)) = s.is(j, |t| matches!(t, Tx::Fraction(_))) {
                m = f;
                grain = Grain::Minute;
                end = e;
            } else if let Some((v, e)) = s.integer(j, 0..60).or_else(|| {
                // "و15" written as one word.
                let digits = s.text(j).strip_prefix('و')?;
                let v: i64 = digits.parse().ok()?;
                (0..60).contains(&v).then_some((v, j + 1))
            }) {
                m = v as i8;
                grain = Grain::Minute;
                end = e;
                if let Some((_, e2)) = s.is(end, |t| matches!(t, Tx::Minute)) {
                    end = e2;
                }
            }
        } else if let Some((_, e)) = s.is(j, |t| matches!(t, Tx::Minus)) {
            let minus = s
                .is(e, |t| matches!(t, Tx::Fraction(_)))
                .map(|(t, e2)| (if let Tx::Fraction(f) = t { f } else { 0 }, e2))
                .or_else(|| s.integer(e, 1..60).map(|(v, e2)| (v as i8, e2)));
            if let Some((f, e2)) = minus {
                h = if h == 0 { 23 } else { h - 1 };
                m = 60 - f;
                grain = Grain::Minute;
                end = e2;
                if let Some((_, e3)) = s.is(end, |t| matches!(t, Tx::Minute)) {
                    end = e3;
                }
            }
        }
        // English spoken minutes after an hour: "at 12 15", "at three twenty", "twelve oh three",
        // "seven thirty p.m." (a cue before, "oh", or a part of day after).
        if s.lang == Lang::En && grain == Grain::Hour {
            // "ten-thirty", "twelve-oh-three": a hyphen between spelled words.
            let hyphen = |t: usize| {
                if s.text(t) == "-"
                    && s.words.kind(t - 1) == TokenKind::Word
                    && s.words.kind(t + 1) == TokenKind::Word
                {
                    t + 1
                } else {
                    t
                }
            };
            let j = hyphen(end);
            let oh = matches!(s.text(j), "oh" | "o" | "ou" | "zero");
            let j = if oh { hyphen(j + 1) } else { j };
            let word = |k: usize| {
                s.number_word(k)
                    .filter(|(v, _)| v.fract() == 0.0 && (0.0..60.0).contains(v))
                    .map(|(v, e)| (v as i64, e))
            };
            // Minutes end the expression or come before a part of day: "at 3 20 people" is not 3:20.
            let pod_after = |e: usize| s.is(e, |t| matches!(t, Tx::Pod(_))).is_some();
            let ends_clock = |e: usize| s.words.kind(e) != TokenKind::Word || pod_after(e);
            let no_unit = s.durations.iter().all(|d| d.tokens.start != j);
            let minutes = s
                .integer(j, 0..60)
                .filter(|(_, e)| no_unit && ends_clock(*e))
                .or_else(|| word(j).filter(|(_, e)| ends_clock(*e)));
            // Both spelled out, the minutes one word, nothing after, and not one number: "ten
            // thirty" (not "twelve fifteen-year-olds", nor "three twenty", spoken 320).
            let spelled = |e: usize| {
                e == j + 1
                    && s.number(k).is_some_and(|(_, e)| e == k + 1)
                    && s.words.kind(k) == TokenKind::Word
                    && s.words.kind(j) == TokenKind::Word
                    && !matches!(s.text(e), "-" | "–")
                    && s.words.kind(e) != TokenKind::Number
            };
            let cued = |e: usize| hour_word.is_some() || oh || pod_after(e) || spelled(e);
            // A teen after a hyphen is a name more often than a time: "nine-eleven".
            let hyphenated = j > end && !oh;
            if let Some((v, e)) = minutes
                && (oh || v >= 10)
                && (!hyphenated || v >= 20)
                && cued(e)
            {
                m = v as i8;
                grain = Grain::Minute;
                end = e;
            }
        }
        // "o'clock" confirms an hour.
        let oclock = if grain == Grain::Hour {
            s.is(end, |t| matches!(t, Tx::Minute))
        } else {
            None
        };
        if let Some((_, e)) = oclock {
            end = e;
        }
        let pod_after = s.is(end, |t| matches!(t, Tx::Pod(_))).is_some();
        if grain == Grain::Hour && oclock.is_none() && !pod_after {
            // A bare hour needs الساعة / "at"; after "at", a word other than a part of day
            // makes it something else ("at 15 percent").
            // "at 8 GMT": a time zone after it is no other word.
            if hour_word.is_none()
                || s.lang == Lang::En
                    && s.words.kind(end) == TokenKind::Word
                    && zone_at(s, end).is_none()
            {
                return None;
            }
        }
    }
    // A part of the day: صباحا، عصرا، بعد الظهر، هذه الليلة, pm.
    let mut k = end;
    let mut pod = glued_pod;
    if let Some((Tx::Pod(p), e)) = s.is(k, |t| matches!(t, Tx::Pod(_))) {
        pod = Some(p);
        k = e;
    }
    Some(((h, m, sec), grain, pod, k))
}

/// "15pm", "18a": minutes with the part of day glued on.
fn minutes_with_pod(word: &str) -> Option<(i8, Pod)> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 2 {
        return None;
    }
    let m: i8 = digits.parse().ok()?;
    let pod = match &word[2..] {
        "am" | "a" => Pod::Am,
        "pm" | "p" => Pod::Pm,
        _ => return None,
    };
    (0..60).contains(&m).then_some((m, pod))
}

/// "3pm", "10am", "15h00", "11h45", "19h" ("3p", "7a" when `one_letter`): (hour, minute, grain,
/// part of day).
fn glued_clock(word: &str, one_letter: bool) -> Option<(i8, i8, Grain, Option<Pod>)> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let h: i8 = digits.parse().ok()?;
    let rest = &word[digits.len()..];
    let pod = match rest {
        "am" => Some(Pod::Am),
        "pm" => Some(Pod::Pm),
        "a" if one_letter => Some(Pod::Am),
        "p" if one_letter => Some(Pod::Pm),
        _ => None,
    };
    if pod.is_some() {
        return (1..=12).contains(&h).then_some((h, 0, Grain::Hour, pod));
    }
    let minutes = rest.strip_prefix('h')?;
    if minutes.is_empty() {
        return (0..24).contains(&h).then_some((h, 0, Grain::Minute, None));
    }
    let m: i8 = minutes.parse().ok()?;
    ((0..24).contains(&h) && (0..60).contains(&m) && minutes.len() == 2).then_some((
        h,
        m,
        Grain::Minute,
        None,
    ))
}

/// Applies a part of day to a 12-hour clock.
fn hour24(h: i8, pod: Option<Pod>) -> Option<i8> {
    match pod {
        Some(Pod::Am) => Some(if h == 12 { 0 } else { h }),
        Some(Pod::Pm | Pod::Night) if h < 12 => Some(h + 12),
        Some(Pod::Noon) if h < 6 => Some(h + 12),
        Some(Pod::Noon) if h == 12 => Some(12),
        _ => None,
    }
}

/// A clock time on `date` (or the nearest day in the lean's direction when none).
fn clock_value(
    s: &Scan<'_, '_>,
    clock: (i8, i8, i8),
    grain: Grain,
    pod: Option<Pod>,
    date: Option<Date>,
) -> Option<Instant> {
    let (h, m, sec) = clock;
    let make = |d: Date, h: i8| d.to_datetime(Time::new(h, m, sec, 0).ok()?).into();
    let make = |d: Date, h: i8| -> Option<DateTime> { make(d, h) };
    let at = match (hour24(h, pod), date) {
        (Some(h24), Some(d)) => make(d, h24)?,
        (None, Some(d)) => make(d, h)?,
        // A part of the day names the day too in Arabic: today's (yesterday's, looking back,
        // when later). English reads "3 am" as the next (last) 3 am.
        (Some(h24), None) if pod.is_some() && s.lang == Lang::Ar => {
            let today = make(s.now.date(), h24)?;
            if s.lean == Lean::Past && today > s.now {
                make(add_days(s.now.date(), -1), h24)?
            } else {
                today
            }
        }
        (fixed, None) => {
            let today = s.now.date();
            // The 12-hour readings of an hour without a part of day, and their next/last times.
            let hours: Vec<i8> = match fixed {
                Some(h24) if s.lang == Lang::En && pod.is_some() => vec![h24],
                Some(h24) => vec![h24],
                None if h < 12 && h > 0 => vec![h, h + 12],
                None => vec![h],
            };
            let mut candidates: Vec<DateTime> = Vec::new();
            for hh in hours {
                for d in [add_days(today, -1), today, add_days(today, 1)] {
                    if let Some(t) = make(d, hh) {
                        candidates.push(t);
                    }
                }
            }
            match s.lean {
                Lean::Future => candidates.into_iter().filter(|t| *t >= s.now).min()?,
                Lean::Past => candidates.into_iter().filter(|t| *t <= s.now).max()?,
            }
        }
    };
    Some(Instant { at, grain })
}

/// One expression at `i`: a date, a time of day, or both; "الليلة"; "الان".
fn single_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let i = s.skip_fillers(i);
    if let Some((_, end)) = s.is(i, |t| matches!(t, Tx::Now)) {
        return Some((
            TimeValue::At(Instant {
                at: s.now,
                grain: Grain::Second,
            }),
            end,
        ));
    }
    // A time first, then perhaps a date: "الساعة 3 ... الخميس".
    if let Some((clock, grain, pod, end)) = clock_at(s, i) {
        let (zone, end) = zone_at(s, end).map_or((None, end), |(z, e)| (Some(z), e));
        let after = s.skip_fillers(end);
        let date = match date_at(s, after) {
            Some((TimeValue::At(d), e)) if d.grain == Grain::Day => Some((d.at.date(), e)),
            _ => None,
        };
        let value = clock_value(s, clock, grain, pod, date.map(|(d, _)| d))?;
        let value = in_zone(s, TimeValue::At(value), zone)?;
        return Some((value, date.map_or(end, |(_, e)| e)));
    }
    // "overnight", "خلال الليل": from yesterday evening to this morning.
    if let Some((_, end)) = s.is(i, |t| matches!(t, Tx::Overnight)) {
        return Some((night_before(s.now.date())?, end));
    }
    // Parts of the day as intervals: "this evening", "last night", "monday morning",
    // "tomorrow lunch"; with a clock time after them: "saturday morning at 9".
    if let Some(v) = daypart_at(s, i) {
        // Unless a longer date starts with the same word ("night of power 2017": a holiday).
        return match date_at(s, i) {
            Some(date) if date.1 > v.1 => Some(date),
            _ => Some(v),
        };
    }
    // "8 this evening", "7 tomorrow morning": an hour, then the part of the day it is in.
    if s.lang == Lang::En
        && s.words.kind(i) == TokenKind::Number
        && let Some((h, e)) = s.integer(i, 1..13)
        && let Some((TimeValue::Between { from: Some(f), .. }, end)) = daypart_at(s, e)
    {
        let part_pod = if f.at.hour() >= 12 { Pod::Pm } else { Pod::Am };
        let v = clock_value(
            s,
            (h as i8, 0, 0),
            Grain::Hour,
            Some(part_pod),
            Some(f.at.date()),
        )?;
        return Some((TimeValue::At(v), end));
    }
    // "midnight", "at midnight": the coming (last) midnight.
    if s.lang == Lang::En
        && let Some(k) = [i, i + 1]
            .into_iter()
            .find(|&k| s.text(k) == "midnight" && (k == i || s.text(i) == "at"))
    {
        let day = if s.lean == Lean::Future {
            add_days(s.now.date(), 1)
        } else {
            s.now.date()
        };
        return Some((
            TimeValue::At(Instant {
                at: midnight(day),
                grain: Grain::Hour,
            }),
            k + 1,
        ));
    }
    // "midday", "noon" alone: twelve o'clock.
    if s.lang == Lang::En
        && let Some((Tx::Pod(Pod::Noon), end)) = s.is(i, |t| matches!(t, Tx::Pod(Pod::Noon)))
        && clock_at(s, s.skip_fillers(end)).is_none()
    {
        let v = clock_value(s, (12, 0, 0), Grain::Hour, Some(Pod::Noon), None)?;
        return Some((TimeValue::At(v), end));
    }
    // "tonight at 8 o'clock": an evening hour today.
    if let Some((Tx::Pod(Pod::Night), e)) = s.is(i, |t| matches!(t, Tx::Pod(Pod::Night)))
        && let Some(((h, m, sec), grain, pod, end)) = clock_at(s, s.skip_fillers(e))
    {
        let v = clock_value(
            s,
            (h, m, sec),
            grain,
            pod.or(Some(Pod::Pm)),
            Some(s.now.date()),
        )?;
        return Some((TimeValue::At(v), end));
    }
    // "الليلة", "هذه الليلة": the evening.
    if let Some((Tx::Pod(Pod::Night), end)) = s.is(i, |t| matches!(t, Tx::Pod(Pod::Night))) {
        let today = s.now.date();
        let from = today.to_datetime(Time::new(18, 0, 0, 0).ok()?);
        return Some((
            TimeValue::Between {
                from: Some(Instant {
                    at: from,
                    grain: Grain::Hour,
                }),
                to: Some(Instant {
                    at: midnight(add_days(today, 1)),
                    grain: Grain::Hour,
                }),
            },
            end,
        ));
    }
    let (value, end) = date_at(s, i)?;
    // A date, then a time: "الخميس الساعة 8", "يوم السبت 21/09 الساعة 1:30 بعد الظهر", "in 7
    // days at 5pm" (a day, or a relative time read to the hour).
    if let TimeValue::At(d) = value
        && (d.grain == Grain::Day || d.grain == Grain::Hour && relative_at(s, i).is_some())
    {
        let after = s.skip_fillers(end);
        if let Some((clock, grain, pod, e)) = clock_at(s, after) {
            let value = clock_value(s, clock, grain, pod, Some(d.at.date()))?;
            return Some((TimeValue::At(value), e));
        }
    }
    Some((value, end))
}

fn daypart_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let today = s.now.date();
    // "late tonight", "late last night", "early morning": a part of a part of the day.
    if let Some((t, e)) = s.is(i, |t| matches!(t, Tx::Early | Tx::Late))
        && let Some((
            TimeValue::Between {
                from: Some(f),
                to: Some(t2),
            },
            end,
        )) = daypart_at(s, e)
            .or_else(|| single_at(s, e).filter(|(v, _)| matches!(v, TimeValue::Between { .. })))
        && f.grain == Grain::Hour
    {
        let hours = (t2.at - f.at).get_hours();
        let (from, to) = if t == Tx::Late {
            (t2.at.checked_sub((hours / 2).hours()).ok()?, t2.at)
        } else {
            (f.at, f.at.checked_add((hours * 3 / 4).hours()).ok()?)
        };
        return Some((hour_span(from, to), end));
    }
    let mut k = i;
    let mut day = today;
    let mut dated = false;
    // A day first: "tomorrow", "monday", "last" (night).
    if let Some((Tx::Shift(n), e)) = s.is(k, |t| matches!(t, Tx::Shift(_)))
        && let Some((Tx::Daypart(_), _)) = s.is(e, |t| matches!(t, Tx::Daypart(_)))
    {
        day = add_days(today, i64::from(n.min(1)));
        k = e;
        dated = true;
    } else if let Some((TimeValue::At(d), e)) = date_at(s, k)
        && d.grain == Grain::Day
    {
        // "Monday at lunch", "Monday in the early hours".
        let e = match s.text(e) {
            "at" => e + 1,
            "in" if matches!(
                s.is(e + 1, |t| matches!(t, Tx::Daypart(_))),
                Some((Tx::Daypart(Daypart::EarlyHours), _))
            ) =>
            {
                e + 1
            }
            _ => e,
        };
        if s.is(e, |t| matches!(t, Tx::Daypart(_))).is_some() {
            day = d.at.date();
            k = e;
            dated = true;
        } else if s.is(e, |t| matches!(t, Tx::Early | Tx::Late)).is_some()
            && let Some((TimeValue::Between { from, to }, end)) = daypart_at(s, e)
        {
            // "Monday early morning", "Friday late night": that part of that day.
            let shift = |v: Option<Instant>| -> Option<Option<Instant>> {
                let Some(v) = v else { return Some(None) };
                let moved =
                    v.at.checked_add(span(Grain::Day, (d.at.date() - today).get_days().into())?)
                        .ok()?;
                Some(Some(Instant { at: moved, ..v }))
            };
            return Some((
                TimeValue::Between {
                    from: shift(from)?,
                    to: shift(to)?,
                },
                end,
            ));
        } else if let Some((Tx::Pod(pod), end)) = s.is(e, |t| matches!(t, Tx::Pod(_)))
            && s.text(e) == "in"
            && clock_at(s, s.skip_fillers(end)).is_none()
        {
            // "on February 15 in the morning", "Monday in the afternoon": that part of that day.
            let part = match (pod, s.text(end - 1)) {
                (Pod::Am, _) => Daypart::Morning,
                (_, "afternoon") => Daypart::Afternoon,
                (_, "evening") => Daypart::Evening,
                _ => return None,
            };
            return Some((part_of_day(d.at.date(), part)?, end));
        }
    }
    let (Tx::Daypart(part), mut end) = s.is(k, |t| matches!(t, Tx::Daypart(_)))? else {
        return None;
    };
    // Arabic names the part first: "مساء السبت", "صباح اليوم", "الليلة الماضية"; "ليلة السبت"
    // is the night before Saturday. A part alone (صباحا، ظهر) dates nothing.
    if s.lang == Lang::Ar && !dated {
        if let Some((Tx::Shift(n), e)) = s.is(end, |t| matches!(t, Tx::Shift(_)))
            && n < 0
        {
            day = add_days(today, -1);
            end = e;
        } else {
            let after = s.skip_fillers(end);
            let (TimeValue::At(d), e) = date_at(s, after)? else {
                return None;
            };
            if d.grain != Grain::Day {
                return None;
            }
            if part == Daypart::Night
                && matches!(s.text(k), "ليله" | "ليل")
                && let Some((w1, _)) = s.weekday(after)
            {
                // "ليلة الثلاثاء الأربعاء", "ليل السبت إلى الأحد": the night between the two
                // days, the first one's evening to the second's morning.
                let next = if s.text(e) == "الي" { e + 1 } else { e };
                if let Some((w2, e2)) = s.weekday(next)
                    && w2 == w1.wrapping_add(1)
                {
                    let first = d.at.date();
                    return Some((night_before(add_days(first, 1))?, e2));
                }
                if s.text(k) == "ليله" {
                    return Some((night_before(d.at.date())?, e));
                }
            }
            day = d.at.date();
            end = e;
        }
    }
    // "... of christmas 2013", "morning of the 15th of february".
    if !dated
        && s.text(end) == "of"
        && let Some((TimeValue::At(d), e)) = date_at(s, s.skip_fillers(end + 1))
        && d.grain == Grain::Day
    {
        day = d.at.date();
        end = e;
    }
    // "... at 9": a clock time in that part of the day.
    let after = s.skip_fillers(end);
    if let Some(((h, m, sec), grain, pod, e)) = clock_at(s, after) {
        let v = clock_value(s, (h, m, sec), grain, pod.or(Some(part.pod())), Some(day))?;
        return Some((TimeValue::At(v), e));
    }
    Some((part_of_day(day, part)?, end))
}

/// A part of `day` as an interval of hours (the evening runs to midnight).
/// From `from` to `to`, both to the hour.
fn hour_span(from: DateTime, to: DateTime) -> TimeValue {
    TimeValue::Between {
        from: Some(Instant {
            at: from,
            grain: Grain::Hour,
        }),
        to: Some(Instant {
            at: to,
            grain: Grain::Hour,
        }),
    }
}

fn part_of_day(day: Date, part: Daypart) -> Option<TimeValue> {
    let (from, to) = part.hours();
    let at = |h: i8| {
        if h == 24 {
            Some(midnight(add_days(day, 1)))
        } else {
            Some(day.to_datetime(Time::new(h, 0, 0, 0).ok()?))
        }
    };
    Some(hour_span(at(from)?, at(to)?))
}

/// The end of an interval, exclusive: the end of `v`'s grain.
fn end_of(v: TimeValue) -> Option<Instant> {
    match v {
        TimeValue::At(i) => {
            let next = match i.grain {
                Grain::Second => i.at.checked_add(1.second()).ok()?,
                Grain::Minute => i.at.checked_add(1.minute()).ok()?,
                Grain::Hour => i.at.checked_add(1.hour()).ok()?,
                Grain::Day => i.at.checked_add(1.day()).ok()?,
                Grain::Week => i.at.checked_add(7.days()).ok()?,
                Grain::Month => i.at.checked_add(1.month()).ok()?,
                Grain::Quarter => i.at.checked_add(3.months()).ok()?,
                Grain::Year => i.at.checked_add(1.year()).ok()?,
            };
            Some(Instant {
                at: next,
                grain: i.grain,
            })
        }
        TimeValue::Between { to, .. } => to,
    }
}

fn start_of(v: TimeValue) -> Option<Instant> {
    match v {
        TimeValue::At(i) => Some(i),
        TimeValue::Between { from, .. } => from,
    }
}

/// Intervals: "من X الى Y", "X - Y", "13 الى 15 تموز", "تموز 13 الى 15", "حتى الساعة 2",
/// "خلال اسبوعين", "الاسابيع الثلاثة القادمة".
fn interval_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let today = s.now.date();
    let between = |a: TimeValue, b: TimeValue, end: usize| -> Option<(TimeValue, usize)> {
        let from = start_of(a)?;
        // The end is read at the finer grain of the two ("3:30 to 6 PM" ends at 18:01).
        let b = match b {
            TimeValue::At(bi) if from.grain < bi.grain && from.grain < Grain::Day => {
                TimeValue::At(Instant {
                    at: bi.at,
                    grain: from.grain,
                })
            }
            other => other,
        };
        let to = end_of(b)?;
        (to.at > from.at).then_some((
            TimeValue::Between {
                from: Some(from),
                to: Some(to),
            },
            end,
        ))
    };
    let start = s.skip_fillers(i);
    let from_word = s.is(start, |t| matches!(t, Tx::From));
    let a_at = s.skip_fillers(from_word.map_or(start, |(_, e)| e));
    // "between 9:30 and 11:00".
    let between_and = s.text(start) == "between";
    // English open intervals: "since 2014", "after 2 pm" (from then on); "before 11 am",
    // "until 2:00pm", "through 2014" (up to then).
    if s.lang == Lang::En
        && matches!(
            s.text(start),
            "since" | "after" | "before" | "until" | "till" | "through"
        )
        && let Some((v, end)) = single_at(s, start + 1)
        && let Some(at) = start_of(v)
        && matches!(v, TimeValue::At(_))
    {
        let value = if matches!(s.text(start), "since" | "after") {
            // "after 2 pm": from 14:00 on (2:30 is after 2 pm).
            TimeValue::Between {
                from: Some(at),
                to: None,
            }
        } else {
            TimeValue::Between {
                from: None,
                to: Some(at),
            }
        };
        return Some((value, end));
    }
    // "حتى الساعة 2:00": from now until then (a dash alone is no "until").
    if from_word.is_none()
        && s.text(start) != "-"
        && let Some((_, e)) = s.is(start, |t| matches!(t, Tx::To))
        && let Some((v, end)) = single_at(s, e)
    {
        // "until 2pm": up to that time; "by the end of the month": up to the end of that span.
        let to = match v {
            TimeValue::Between { to: Some(t), .. } => t,
            other => start_of(other)?,
        };
        // Not up to a time already past ("تعود الى الثمانينات": dates back to the eighties).
        if to.at <= s.now {
            return None;
        }
        return Some((
            TimeValue::Between {
                from: Some(Instant {
                    at: s.now,
                    grain: Grain::Second,
                }),
                to: Some(Instant {
                    at: to.at,
                    grain: Grain::Second,
                }),
            },
            end,
        ));
    }
    // "خلال اسبوعين", "within two weeks": from now to the end of the span (at day start); not
    // "خلال الأسبوع" (during the week).
    if let Some((_, e)) = s.is(start, |t| matches!(t, Tx::Within))
        && !s
            .words
            .analyses
            .get(e)
            .is_some_and(|a| a.iter().any(|a| a.definite))
        && let Some(d) = s.durations.iter().find(|d| d.tokens.start == e)
    {
        // Days and more end at a day's start; hours and minutes from now ("within an hour"
        // ended at this day's start — before it began). News looks back: "قتل 10 أشخاص خلال 24
        // ساعة" is the 24 hours before.
        let seconds = d.seconds().round() as i64;
        let days = (d.seconds() / 86_400.0).round() as i64;
        let (from, to) = match (s.lean, d.unit < Grain::Day) {
            (Lean::Past, true) => (
                s.now.checked_sub(span(Grain::Second, seconds)?).ok()?,
                s.now,
            ),
            (Lean::Past, false) => (midnight(add_days(today, -days)), s.now),
            (_, true) => (
                s.now,
                s.now.checked_add(span(Grain::Second, seconds)?).ok()?,
            ),
            (_, false) => (s.now, midnight(add_days(today, days))),
        };
        return Some((
            TimeValue::Between {
                from: Some(Instant {
                    at: from,
                    grain: Grain::Second,
                }),
                to: Some(Instant {
                    at: to,
                    grain: Grain::Second,
                }),
            },
            d.tokens.end,
        ));
    }
    // "الاسابيع الثلاثة القادمة": plural unit, number, direction.
    if let Some((Tx::Periods(g), e)) = s.is(start, |t| matches!(t, Tx::Periods(_)))
        && let Some((count, e2)) = s.integer(e, 1..100)
        && let Some((Tx::Shift(n), end)) = s.is(e2, |t| matches!(t, Tx::Shift(_)))
        && n != 0
    {
        return Some((periods_from_today(today, g, n, count), end));
    }
    // "next three weeks", "last 2 months" (shift before), "ثلاثة أسابيع قادمة" (after): N periods.
    let counted = |d: &crate::DurationMention| d.tokens.len() > 1 && d.unit != Grain::Quarter;
    let before = s
        .is(start, |t| matches!(t, Tx::Shift(n) if *n != 0))
        .and_then(|(t, e)| {
            Some((
                t,
                s.durations
                    .iter()
                    .find(|d| d.tokens.start == e && counted(d))?,
            ))
        });
    let after = || {
        s.durations
            .iter()
            .find(|d| d.tokens.start == start && counted(d))
            .and_then(|d| {
                Some((
                    s.is(d.tokens.end, |t| matches!(t, Tx::Shift(n) if *n != 0))?,
                    d,
                ))
            })
    };
    let periods = match before {
        Some((Tx::Shift(n), d)) => Some((n, d, d.tokens.end)),
        _ => after().map(|((t, e), d)| (if let Tx::Shift(n) = t { n } else { 0 }, d, e)),
    };
    if let Some((n, d, end)) = periods {
        let g = d.unit;
        let count = d.value.round() as i64;
        // Hours, minutes, seconds: from the next (to the current) whole one.
        if g < Grain::Day {
            let unit = g.seconds() as i64;
            let here = truncate(s.now, g);
            let back = count.checked_mul(unit)?;
            let first = here
                .checked_add(span(Grain::Second, if n > 0 { unit } else { -back })?)
                .ok()?;
            let last = first.checked_add(span(Grain::Second, back)?).ok()?;
            return Some((
                TimeValue::Between {
                    from: Some(Instant {
                        at: first,
                        grain: g,
                    }),
                    to: Some(Instant { at: last, grain: g }),
                },
                end,
            ));
        }
        return Some((periods_from_today(today, g, n, count), end));
    }
    // A bare day, "الى/-", then a full date: "13 الى 15 تموز", "من 1-8 شهر ايلول".
    if let Some((d1, e1)) = s.day_of_month(a_at)
        && let Some((_, e2)) = s
            .is(e1, |t| matches!(t, Tx::To))
            .or_else(|| (s.text(e1) == "-").then_some((Tx::To, e1 + 1)))
        && let Some((b, end)) = date_at(s, s.skip_fillers(e2))
        && let TimeValue::At(bi) = b
        && bi.grain == Grain::Day
    {
        let bd = bi.at.date();
        let a = Date::new(bd.year(), bd.month(), d1 as i8).ok()?;
        return between(at_day(a), b, end);
    }
    // A full date, then a bare day: "تموز 13 الى 15", "يوليو 13-15", "اغسطس 27 الى 29".
    if let Some((a, e1)) = date_at(s, a_at)
        && let TimeValue::At(ai) = a
        && ai.grain == Grain::Day
        && let Some((_, e2)) = s
            .is(e1, |t| matches!(t, Tx::To))
            .or_else(|| (s.text(e1) == "-").then_some((Tx::To, e1 + 1)))
        && let Some((d2, end)) = s.day_of_month(e2)
        && date_at(s, e2).is_none_or(|(_, e)| e <= end)
    {
        let ad = ai.at.date();
        let b = Date::new(ad.year(), ad.month(), d2 as i8).ok()?;
        return between(a, at_day(b), end);
    }
    // "this weekend", "last weekend": Friday 18:00 to Monday 00:00.
    let shift = s.is(start, |t| matches!(t, Tx::Shift(_)));
    let w_at = shift.map_or(start, |(_, e)| e);
    let weekend_end = match s.text(w_at) {
        _ if s.lang != Lang::En => None,
        "weekend" | "weekends" | "wkend" => Some(w_at + 1),
        "week" if s.text(w_at + 1) == "end" => Some(w_at + 2),
        "week" if s.text(w_at + 1) == "-" && s.text(w_at + 2) == "end" => Some(w_at + 3),
        _ => None,
    };
    if let Some(end) = weekend_end {
        let weekend = |friday: Date, end: usize| -> Option<(TimeValue, usize)> {
            let from = friday.to_datetime(Time::new(18, 0, 0, 0).ok()?);
            Some((hour_span(from, midnight(add_days(friday, 3))), end))
        };
        // "the last weekend of October": the one whose Sunday is the month's last.
        if shift.is_some()
            && s.text(start) == "last"
            && matches!(s.text(end), "of" | "in")
            && let Some((month, e)) = s.month_spec(end + 1)
            && let Some((first, e)) = month_first(s, month, e)
        {
            return weekend(add_days(nth_weekday(first, Weekday::Sunday, -1)?, -2), e);
        }
        // News looks back: before this week's Friday evening, "the weekend" is the one just
        // gone (an article of Thursday tells what happened "over the weekend").
        let this_friday = add_days(monday_of(today), 4);
        let begun = s.now >= this_friday.to_datetime(Time::new(18, 0, 0, 0).ok()?);
        let n = match shift {
            Some((Tx::Shift(n), _)) => i64::from(n),
            _ if s.lean == Lean::Past && !begun => -1,
            _ => 0,
        };
        // Before this week's Friday evening, "last weekend" is the one just gone.
        return weekend(add_days(monday_of(today), 4 + 7 * n), end);
    }
    // "3-4pm", "9-11am": two hours, the part of day written on the second.
    if s.lang == Lang::En
        && let Some((h1, e1)) = s.integer(a_at, 1..13)
        && matches!(s.text(e1), "-" | "to")
        && let Some(((h2, m2, sec2), g2, Some(pod), end)) = clock_at(s, e1 + 1)
    {
        let day = s.now.date();
        let b = clock_value(s, (h2, m2, sec2), g2, Some(pod), None)?;
        let a = clock_value(
            s,
            (h1 as i8, 0, 0),
            Grain::Hour,
            Some(pod),
            Some(b.at.date()).or(Some(day)),
        )?;
        return between(TimeValue::At(a), TimeValue::At(b), end);
    }
    // Years: "from 2011 to 2013", "between 2011 and 2013", "1960 - 1961", "من 2011 الى 2013",
    // "بين عامي 2011 و2013": the first year's start to the second's end. A cue or a dash must
    // join them, the second later and within a century ("rose from 1500 to 2000" is no time
    // when a count is not a plausible year, and a count is rarely one).
    let between_ar = s.lang == Lang::Ar && s.text(start) == "بين";
    let y_at = if between_ar {
        s.skip_fillers(start + 1)
    } else {
        a_at
    };
    // "عامي 1965 و1966": the dual of "year" names two.
    let dual = s.lang == Lang::Ar && matches!(s.text(y_at), "عامي" | "سنتي");
    let and_ar = between_ar || dual;
    // "و2013" is one word.
    let and_year = |k: usize| -> Option<(i16, usize)> {
        let y: i16 = s.text(k).strip_prefix('و')?.parse().ok()?;
        (and_ar && (1000..=2999).contains(&y)).then_some((y, k + 1))
    };
    if let Some((y1, e1)) = s.year(y_at)
        && (from_word.is_some() || between_and || and_ar || s.text(e1) == "-")
        && let Some((y2, end)) = s
            .is(e1, |t| matches!(t, Tx::To))
            .map(|(_, e)| e)
            .or_else(|| {
                let and = between_and && s.text(e1) == "and" || and_ar && s.text(e1) == "و";
                (and || s.text(e1) == "-").then_some(e1 + 1)
            })
            .and_then(|e2| s.year(e2))
            .or_else(|| and_year(e1))
        && (1..=100).contains(&(y2 - y1))
        && (i32::from(y1) - i32::from(today.year())).abs() <= 150
    {
        let first = |y: i16| -> Option<TimeValue> {
            Some(TimeValue::At(Instant {
                at: midnight(Date::new(y, 1, 1).ok()?),
                grain: Grain::Year,
            }))
        };
        return between(first(y1)?, first(y2)?, end);
    }
    // Two expressions: "من الساعة 3 الى الساعة 4 بعد العصر", "من 13 تموز الى 15 تموز".
    let (a, e1) = single_at(s, a_at)?;
    // "X for 30 minutes", "18th Dec for 10 days": from X for the span.
    if matches!(s.text(e1), "for" | "لمده")
        && let Some(d) = s.durations.iter().find(|d| d.tokens.start == e1 + 1)
        && let Some(from) = start_of(a)
    {
        let span_grain = if d.unit >= Grain::Day {
            Grain::Day
        } else {
            d.unit
        };
        let grain = from.grain.min(span_grain);
        let at = from
            .at
            .checked_add(span(Grain::Second, d.seconds() as i64)?)
            .ok()?;
        let at = if d.unit >= Grain::Day {
            midnight(at.date())
        } else {
            at
        };
        let to = end_of(TimeValue::At(Instant {
            at: truncate(at, grain),
            grain,
        }))?;
        let from = Instant { at: from.at, grain };
        return Some((
            TimeValue::Between {
                from: Some(from),
                to: Some(Instant { at: to.at, grain }),
            },
            d.tokens.end,
        ));
    }
    let to_word = s.is(e1, |t| matches!(t, Tx::To)).or_else(|| {
        (s.text(e1) == "-" || between_and && s.text(e1) == "and").then_some((Tx::To, e1 + 1))
    });
    // "from 2 pm", "starting from Monday": from then on (English; Arabic من is also "of").
    if to_word.is_none()
        && s.lang == Lang::En
        && s.text(start) == "from"
        // "the count from Sunday's election": a possessive is no starting point.
        && !matches!(s.text(e1), "'" | "’" | "'s" | "’s")
        && let Some(from) = start_of(a)
    {
        return Some((
            TimeValue::Between {
                from: Some(from),
                to: None,
            },
            e1,
        ));
    }
    let (_, e2) = to_word?;
    let (b, end) = match single_at(s, e2) {
        Some(found) => found,
        // "8am until 6": a bare hour after a clock time is the first such hour after it.
        None => {
            let TimeValue::At(ai) = a else { return None };
            if s.lang != Lang::En || ai.grain > Grain::Hour {
                return None;
            }
            let (h, e) = s.integer(e2, 1..13)?;
            if s.words.kind(e) == TokenKind::Word {
                return None;
            }
            let mut at = ai.at.date().to_datetime(Time::new(h as i8, 0, 0, 0).ok()?);
            while at <= ai.at {
                at = at.checked_add(12.hours()).ok()?;
            }
            (
                TimeValue::At(Instant {
                    at,
                    grain: Grain::Hour,
                }),
                e,
            )
        }
    };
    // "9:30 - 11:00 CST", "between 9:30 and 11:00 GMT": the zone written after the second time
    // is the first's too (unless it has its own).
    let zone_of = |from: usize, to: usize| {
        (from..to).find_map(|k| zone_at(s, k).filter(|(_, e)| *e == to).map(|(z, _)| z))
    };
    let a = match (zone_of(a_at, e1), zone_of(e2, end)) {
        (None, Some(zone)) if matches!(a, TimeValue::At(i) if i.grain <= Grain::Hour) => {
            in_zone(s, a, Some(zone))?
        }
        _ => a,
    };
    // "from Monday to Friday": a weekday alone after "to" is the first one after the start.
    let b = match (a, b) {
        (TimeValue::At(ai), TimeValue::At(bi))
            if bi.grain == Grain::Day
                && bi.at < ai.at
                && s.weekday(s.skip_fillers(e2))
                    .is_some_and(|(_, we)| we == end) =>
        {
            let mut at = bi.at;
            while at < ai.at {
                at = at.checked_add(7.days()).ok()?;
            }
            TimeValue::At(Instant {
                at,
                grain: bi.grain,
            })
        }
        _ => b,
    };
    // A part of day after the second time applies to the first too ("من 3 الى 4 بعد العصر").
    let (a, b) = match (a, b) {
        (TimeValue::At(ai), TimeValue::At(bi))
            if ai.grain <= Grain::Hour && bi.grain <= Grain::Hour =>
        {
            let shift =
                bi.at.hour() >= 12 && ai.at.hour() < 12 && ai.at.hour() + 12 <= bi.at.hour();
            let ai = if shift {
                Instant {
                    at: ai.at.checked_add(12.hours()).ok()?,
                    grain: ai.grain,
                }
            } else {
                ai
            };
            let ai = if ai.at.date() != bi.at.date() {
                Instant {
                    at: bi.at.date().to_datetime(ai.at.time()),
                    grain: ai.grain,
                }
            } else {
                ai
            };
            (TimeValue::At(ai), TimeValue::At(bi))
        }
        other => other,
    };
    between(a, b, end)
}

/// A date followed by an interval of times: "الخميس من الساعة التاسعة وحتى الساعة الحادية عشرة صباحا".
fn dated_interval_at(s: &Scan<'_, '_>, i: usize) -> Option<(TimeValue, usize)> {
    let (TimeValue::At(d), e) = date_at(s, s.skip_fillers(i))? else {
        return None;
    };
    if d.grain != Grain::Day {
        return None;
    }
    let (
        TimeValue::Between {
            from: Some(f),
            to: Some(t),
        },
        end,
    ) = interval_at(s, e)?
    else {
        return None;
    };
    if f.grain > Grain::Hour {
        return None;
    }
    let day = d.at.date();
    let move_to = |x: Instant| Instant {
        at: day.to_datetime(x.at.time()),
        grain: x.grain,
    };
    let (f, t) = (move_to(f), move_to(t));
    (t.at > f.at).then_some((
        TimeValue::Between {
            from: Some(f),
            to: Some(t),
        },
        end,
    ))
}

/// The grammar words starting at `i`, longest phrase first: (kinds, end).
fn grammar_words(lang: Lang, words: &WordView<'_>, i: usize) -> Vec<(&'static [Tx], usize)> {
    let g = grammar(lang);
    // Phrases grow a word at a time, only along prefixes of entries.
    let mut found: Vec<(&'static [Tx], usize)> = Vec::new();
    let mut prefixes: Vec<String> = Vec::new();
    for k in 0..g.max_words {
        if i + k >= words.len() || (k > 0 && prefixes.is_empty()) {
            break;
        }
        let forms = std::iter::once(words.text(i + k)).chain(words.forms(i + k).take(6));
        let mut next: Vec<String> = Vec::new();
        let mut matched: Option<&'static [Tx]> = None;
        let mut consider = |joined: &str| {
            if matched.is_none()
                && let Some(kinds) = g.words.get(joined)
            {
                matched = Some(kinds.as_slice());
            }
            if g.prefixes.contains(joined) && !next.iter().any(|n| n == joined) {
                next.push(joined.to_string());
            }
        };
        if k == 0 {
            forms.for_each(&mut consider);
        } else {
            let forms: Vec<&str> = forms.collect();
            let mut joined = String::new();
            for prefix in &prefixes {
                for form in &forms {
                    joined.clear();
                    joined.push_str(prefix);
                    joined.push(' ');
                    joined.push_str(form);
                    consider(&joined);
                }
            }
        }
        if let Some(kinds) = matched {
            found.push((kinds, i + k + 1));
        }
        prefixes = next;
    }
    // Longest first.
    found.reverse();
    found
}

/// The night before `day`: from 18:00 the evening before to 06:00 ("ليلة السبت", "overnight").
fn night_before(day: Date) -> Option<TimeValue> {
    let hour = |d: Date, h: i8| -> Option<Instant> {
        Some(Instant {
            at: d.to_datetime(Time::new(h, 0, 0, 0).ok()?),
            grain: Grain::Hour,
        })
    };
    Some(TimeValue::Between {
        from: Some(hour(add_days(day, -1), 18)?),
        to: Some(hour(day, 6)?),
    })
}

/// A time zone at `i` ("GMT", "(BST)", "بتوقيت غرينتش"): (minutes east of UTC, end).
fn zone_at(s: &Scan<'_, '_>, i: usize) -> Option<(i32, usize)> {
    let bracket = s.text(i) == "(";
    let k = i + usize::from(bracket);
    let (Tx::Zone(z), e) = s.is(k, |t| matches!(t, Tx::Zone(_)))? else {
        return None;
    };
    match (bracket, s.text(e)) {
        (false, _) => Some((z, e)),
        (true, ")") => Some((z, e + 1)),
        (true, _) => None,
    }
}

/// A clock time written in `zone`, converted to the reference's own offset when it is known (to
/// the minute, as a converted time is); as written otherwise.
fn in_zone(s: &Scan<'_, '_>, v: TimeValue, zone: Option<i32>) -> Option<TimeValue> {
    let (Some(zone), Some(offset)) = (zone, s.offset) else {
        return Some(v);
    };
    let shift = |i: Instant| -> Option<Instant> {
        Some(Instant {
            at: i
                .at
                .checked_add(span(Grain::Minute, i64::from(offset - zone))?)
                .ok()?,
            grain: i.grain.min(Grain::Minute),
        })
    };
    Some(match v {
        TimeValue::At(i) => TimeValue::At(shift(i)?),
        TimeValue::Between { from, to } => TimeValue::Between {
            from: match from {
                Some(f) => Some(shift(f)?),
                None => None,
            },
            to: match to {
                Some(t) => Some(shift(t)?),
                None => None,
            },
        },
    })
}

/// Finds time expressions and resolves them against `now`.
pub fn parse_times(lang: Lang, words: &WordView<'_>, now: DateTime, lean: Lean) -> Vec<TimeExpr> {
    parse_times_at(lang, words, now, None, lean)
}

/// [`parse_times`] with the UTC offset of `now` (minutes east): clock times written with a time
/// zone ("8:00 GMT") are converted to it. Without it they are read as written.
pub fn parse_times_at(
    lang: Lang,
    words: &WordView<'_>,
    now: DateTime,
    offset: Option<i32>,
    lean: Lean,
) -> Vec<TimeExpr> {
    let numbers = find_numbers(lang, words);
    let scan = Scan {
        offset,
        lang,
        words,
        ordinals: ordinals_among(lang, words, &numbers),
        durations: durations_among(lang, words, &numbers),
        numbers,
        now,
        lean,
        tx_table: (0..words.len())
            .map(|i| grammar_words(lang, words, i))
            .collect(),
        number_cache: std::cell::RefCell::new(vec![None; words.len()]),
        ordinal_cache: std::cell::RefCell::new(vec![None; words.len()]),
        month_cache: std::cell::RefCell::new(vec![None; words.len()]),
        date_cache: std::cell::RefCell::new(vec![None; words.len()]),
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let candidates = [
            dated_interval_at(&scan, i),
            interval_at(&scan, i),
            single_at(&scan, i),
        ];
        let best = candidates
            .into_iter()
            .flatten()
            .filter(|(_, end)| *end > i)
            .max_by_key(|(_, end)| *end);
        // A time zone after a whole expression with a clock time in it ("Thursday 8:00 GMT",
        // "9:30 - 11:00 CST"): all of it is in that zone.
        let best = best.and_then(|(value, end)| {
            let clocked = match value {
                TimeValue::At(i) => i.grain <= Grain::Hour,
                TimeValue::Between { from, .. } => from.is_some_and(|f| f.grain <= Grain::Hour),
            };
            match zone_at(&scan, end) {
                Some((zone, e)) if clocked => Some((in_zone(&scan, value, Some(zone))?, e)),
                _ => Some((value, end)),
            }
        });
        match best {
            Some((value, end)) => {
                // A comma skipped before the expression is not part of it; the preposition just
                // before it is ("in March", "on the 15th").
                let mut start = i;
                while start < end && words.kind(start) == TokenKind::Punct {
                    start += 1;
                }
                if start == i
                    && start > 0
                    && found.last().is_none_or(|t: &TimeExpr| t.tokens.end < start)
                    && matches!(words.text(start - 1), "in" | "on" | "at" | "during" | "في")
                {
                    start -= 1;
                }
                found.push(TimeExpr {
                    tokens: start..end,
                    value,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(easter(2013), Date::new(2013, 3, 31).ok());
        assert_eq!(easter(2024), Date::new(2024, 3, 31).ok());
        // Orthodox Easter: 2013 five weeks after the Western one, 2017 on the same day.
        assert_eq!(orthodox_easter(2013), Date::new(2013, 5, 5).ok());
        assert_eq!(orthodox_easter(2017), Date::new(2017, 4, 16).ok());
        assert_eq!(orthodox_easter(2020), Date::new(2020, 4, 19).ok());
        // 1 Shawwal 1434 (Eid al-Fitr 2013) fell on 8 August 2013.
        assert_eq!(
            crate::hijri::to_date(1434, 10, 1),
            Date::new(2013, 8, 8).ok()
        );
        assert_eq!(crate::hijri::year_at(Date::new(2013, 8, 8).unwrap()), 1434);
        let march = Date::new(2013, 3, 1).unwrap();
        assert_eq!(
            nth_weekday(march, Weekday::Monday, -1),
            Date::new(2013, 3, 25).ok()
        );
        assert_eq!(
            nth_weekday(Date::new(2013, 10, 1).unwrap(), Weekday::Tuesday, 1),
            Date::new(2013, 10, 1).ok()
        );
    }
}

#[cfg(test)]
mod reading_tests {
    use super::*;
    use crate::Words;
    use hadath_text::LanguagePack;

    /// (text covered, value) of each expression; `now` is Thursday 2022-01-06 at noon.
    /// Each text read (news leaning back) as one expression covering all of it, with that value.
    fn assert_reads(cases: &[(&dyn LanguagePack, &str, TimeValue)]) {
        for (pack, text, want) in cases {
            assert_eq!(
                read(*pack, text, Lean::Past),
                vec![(text.to_string(), *want)],
                "{text}"
            );
        }
    }

    fn read(pack: &dyn LanguagePack, text: &str, lean: Lean) -> Vec<(String, TimeValue)> {
        let words = Words::analyse(pack, text);
        let view = words.view();
        let now = jiff::civil::date(2022, 1, 6).at(12, 0, 0, 0);
        parse_times(pack.lang(), &view, now, lean)
            .into_iter()
            .map(|t| {
                let span = view.tokens[t.tokens.start]
                    .orig
                    .cover(view.tokens[t.tokens.end - 1].orig);
                (span.slice(text).to_string(), t.value)
            })
            .collect()
    }

    fn year(y: i16) -> TimeValue {
        TimeValue::At(Instant {
            at: jiff::civil::date(y, 1, 1).at(0, 0, 0, 0),
            grain: Grain::Year,
        })
    }

    fn day(y: i16, m: i8, d: i8) -> TimeValue {
        at_day(Date::new(y, m, d).unwrap())
    }

    fn at(y: i16, m: i8, d: i8, h: i8, mi: i8, grain: Grain) -> TimeValue {
        TimeValue::At(Instant {
            at: jiff::civil::date(y, m, d).at(h, mi, 0, 0),
            grain,
        })
    }

    #[test]
    fn news_looks_back_plans_look_ahead() {
        let ar = &hadath_ar::ArabicPack;
        // Wednesday before the Thursday article; the coming Wednesday for a plan.
        assert_eq!(
            read(ar, "يوم الأربعاء", Lean::Past),
            vec![("يوم الأربعاء".into(), day(2022, 1, 5))]
        );
        assert_eq!(
            read(ar, "يوم الأربعاء", Lean::Future),
            vec![("يوم الأربعاء".into(), day(2022, 1, 12))]
        );
        // A number is not a weekday without its article or a cue.
        assert_eq!(read(ar, "قتل اثنين", Lean::Past), vec![]);
    }

    #[test]
    fn weekdays_of_next_week_the_era_and_the_ides() {
        // `now` is Thursday 2022-01-06.
        let en = &hadath_en::EnglishPack;
        assert_eq!(
            read(en, "wednesday next week", Lean::Past),
            vec![("wednesday next week".into(), day(2022, 1, 12))]
        );
        let year = read(en, "in 2014 AD", Lean::Past);
        assert_eq!(year.len(), 1);
        assert_eq!(year[0].0, "in 2014 AD");
        assert_eq!(
            read(en, "the ides of march", Lean::Past),
            vec![("the ides of march".into(), day(2021, 3, 15))]
        );
        // A weekday with a day and month settles the year: 18 July was last a Friday in 2014.
        assert_eq!(
            read(en, "Fri, Jul 18", Lean::Past),
            vec![("Fri, Jul 18".into(), day(2014, 7, 18))]
        );
        assert_eq!(
            read(en, "Jul 18, Fri", Lean::Past),
            vec![("Jul 18, Fri".into(), day(2014, 7, 18))]
        );
    }

    #[test]
    fn time_zones_convert_to_the_reference_offset_when_it_is_known() {
        // 2022-01-06 is a Thursday; the reference is at UTC+3 (Baghdad).
        let en = &hadath_en::EnglishPack;
        let ar = &hadath_ar::ArabicPack;
        let now = jiff::civil::date(2022, 1, 6).at(12, 0, 0, 0);
        let zoned = |pack: &dyn LanguagePack, text: &str, offset: Option<i32>| {
            let words = Words::analyse(pack, text);
            parse_times_at(pack.lang(), &words.view(), now, offset, Lean::Future)
                .into_iter()
                .map(|t| (t.tokens, t.value))
                .collect::<Vec<_>>()
        };
        // 15:00 GMT is 18:00 in Baghdad; 9 am PST (UTC-8) is 20:00 there.
        assert_eq!(
            zoned(en, "at 15:00 GMT", Some(180)),
            vec![(0..5, at(2022, 1, 6, 18, 0, Grain::Minute))]
        );
        assert_eq!(
            zoned(en, "Thursday 9 am PST", Some(180)),
            // Looking ahead from Thursday noon: next Thursday.
            vec![(0..4, at(2022, 1, 13, 20, 0, Grain::Minute))]
        );
        // Without the reference's offset the time is read as written, the zone in its span.
        assert_eq!(
            zoned(en, "at 15:00 GMT", None),
            vec![(0..5, at(2022, 1, 6, 15, 0, Grain::Minute))]
        );
        // The zone after the second time of a range is the first's too: 13:00–15:00 GMT is
        // 16:00–18:00 in Baghdad (the end to the minute: up to 18:01).
        let minute = |h: i8, m: i8| Instant {
            at: jiff::civil::date(2022, 1, 6).at(h, m, 0, 0),
            grain: Grain::Minute,
        };
        for text in ["13:00 - 15:00 GMT", "between 13:00 and 15:00 GMT"] {
            let got = zoned(en, text, Some(180));
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(
                got[0].1,
                TimeValue::Between {
                    from: Some(minute(16, 0)),
                    to: Some(minute(18, 1)),
                },
                "{text}"
            );
        }
        // A bare hour after "at" takes a zone after it: "at 15 GMT".
        assert_eq!(
            zoned(en, "at 15 GMT", Some(180)),
            vec![(0..3, at(2022, 1, 6, 18, 0, Grain::Minute))]
        );
        // "الساعة العاشرة بتوقيت غرينتش" looking ahead from noon: 22:00 GMT, 01:00 next day at UTC+3.
        let got = zoned(ar, "الساعة العاشرة بتوقيت غرينتش", Some(180));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, at(2022, 1, 7, 1, 0, Grain::Minute));
    }

    #[test]
    fn islamic_holidays_by_the_hijri_calendar() {
        // Umm al-Qura dates: 27 Ramadan 1438 = 2017-06-22; 1 Shawwal 1438 = Sunday 2017-06-25, so
        // the last Friday of Ramadan is 2017-06-23; 10 Muharram 1439 = 2017-09-30.
        let en = &hadath_en::EnglishPack;
        for (text, want) in [
            ("laylat al-qadr 2017", day(2017, 6, 22)),
            ("night of power 2017", day(2017, 6, 22)),
            ("Jumu'atul-Wida 2017", day(2017, 6, 23)),
            ("day of Ashura 2017", day(2017, 9, 30)),
        ] {
            assert_eq!(
                read(en, text, Lean::Past),
                vec![(text.into(), want)],
                "{text}"
            );
        }
        // 1 Muharram 1441 = Saturday 2019-08-31: Ashura (the 10th) = 2019-09-09.
        let ar = &hadath_ar::ArabicPack;
        assert_eq!(
            read(ar, "يوم عاشوراء 2019", Lean::Past),
            vec![("يوم عاشوراء 2019".into(), day(2019, 9, 9))]
        );
    }

    #[test]
    fn holidays_of_other_calendars() {
        let en = &hadath_en::EnglishPack;
        let ar = &hadath_ar::ArabicPack;
        let days = |y: i16, m: i8, d: i8, n: i64| {
            let first = Date::new(y, m, d).unwrap();
            days_between(first, add_days(first, n), Grain::Day)
        };
        assert_reads(&[
            // Yom Kippur 5734: the war of 6 October 1973.
            (en, "yom kippur 1973", day(1973, 10, 6)),
            (ar, "يوم الغفران 1973", day(1973, 10, 6)),
            // Passover 5773 began on 26 March 2013 (8 days outside Israel, 7 in it); Easter
            // stays Easter.
            (en, "passover 2013", days(2013, 3, 26, 8)),
            (ar, "عيد الفصح اليهودي 2013", days(2013, 3, 26, 7)),
            (ar, "عيد الفصح 2013", day(2013, 3, 31)),
            // Sukkot 5784: 30 September 2023 (Rosh Hashanah was 16 September).
            (ar, "عيد العرش 2023", days(2023, 9, 30, 7)),
            // Tisha B'Av 5778 fell on the Sabbath and was kept on Sunday.
            (en, "tisha b'av 2018", day(2018, 7, 22)),
            (en, "orthodox easter 2013", day(2013, 5, 5)),
            (en, "clean monday 2018", day(2018, 2, 19)),
            (en, "chinese new year 2014", day(2014, 1, 31)),
            (en, "diwali in 2019", day(2019, 10, 27)),
            // 27 April 2014 was a Sunday; 16 October 2021 a Saturday.
            (en, "king's day 2014", day(2014, 4, 26)),
            (en, "boss's day 2021", day(2021, 10, 15)),
            // 365-day years: 17 August in 2018, the 16th four years on.
            (en, "parsi new year 2022", day(2022, 8, 16)),
            // The first one from three years on (`now` is 2022-01-06).
            (en, "thanksgiving in 3 years", day(2025, 11, 27)),
            (en, "Easter Sunday two thousand ten", day(2010, 4, 4)),
            (ar, "عيد النوروز 2022", day(2022, 3, 21)),
            (ar, "ذكرى النكبة", day(2021, 5, 15)),
        ]);
    }

    #[test]
    fn seasons_with_a_shift_or_a_year() {
        // `now` is Thursday 2022-01-06: the winter begun on 21 December 2021 is in progress.
        let en = &hadath_en::EnglishPack;
        let ar = &hadath_ar::ArabicPack;
        let days = |y: i16, m: i8, d: i8, y2: i16, m2: i8, d2: i8| {
            days_between(
                Date::new(y, m, d).unwrap(),
                Date::new(y2, m2, d2).unwrap(),
                Grain::Day,
            )
        };
        for (pack, text, want) in [
            (
                en as &dyn LanguagePack,
                "last summer",
                days(2021, 6, 21, 2021, 9, 23),
            ),
            (en, "this winter", days(2021, 12, 21, 2022, 3, 20)),
            (en, "last winter", days(2020, 12, 21, 2021, 3, 20)),
            (en, "next spring", days(2022, 3, 20, 2022, 6, 21)),
            (en, "next season", days(2022, 3, 20, 2022, 6, 21)),
            (en, "the summer of 2014", days(2014, 6, 21, 2014, 9, 23)),
            (ar, "الصيف الماضي", days(2021, 6, 21, 2021, 9, 23)),
            (ar, "صيف 2014", days(2014, 6, 21, 2014, 9, 23)),
            (ar, "الشتاء الماضي", days(2020, 12, 21, 2021, 3, 20)),
        ] {
            let got = read(pack, text, Lean::Past);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, want, "{text}");
        }
        // A season's name alone is no time.
        assert_eq!(read(en, "after the fall of Kabul", Lean::Past), vec![]);
        assert_eq!(read(ar, "ثورات الربيع العربي", Lean::Past), vec![]);
    }

    #[test]
    fn ranges_of_years() {
        let en = &hadath_en::EnglishPack;
        let ar = &hadath_ar::ArabicPack;
        let years = |y1: i16, y2: i16| TimeValue::Between {
            from: Some(Instant {
                at: jiff::civil::date(y1, 1, 1).at(0, 0, 0, 0),
                grain: Grain::Year,
            }),
            // The end of the second year.
            to: Some(Instant {
                at: jiff::civil::date(y2 + 1, 1, 1).at(0, 0, 0, 0),
                grain: Grain::Year,
            }),
        };
        assert_reads(&[
            (en, "from 2011 to 2013", years(2011, 2013)),
            (en, "between 2011 and 2013", years(2011, 2013)),
            (en, "from 2014 until 2017", years(2014, 2017)),
            (en, "1960 - 1961", years(1960, 1961)),
            (ar, "من 2011 الى 2013", years(2011, 2013)),
            (ar, "بين عامي 2011 و2013", years(2011, 2013)),
            (ar, "بين 2003 و 2005", years(2003, 2005)),
            (ar, "عامي 1965 و1966", years(1965, 1966)),
        ]);
        // Counts are not years: not plausible ones, or not joined by a cue or a dash, or the
        // second before the first.
        for text in [
            "rose from 1500 to 2000",
            "2011 to 2013",
            "from 2013 to 2011",
        ] {
            let got = read(en, text, Lean::Past);
            assert!(
                got.iter().all(|(_, v)| !matches!(
                    v,
                    TimeValue::Between {
                        from: Some(_),
                        to: Some(_)
                    }
                )),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn news_forms_of_english_dates() {
        // `now` is Thursday 2022-01-06 at noon; news looks back.
        let en = &hadath_en::EnglishPack;
        let days = |y: i16, m: i8, d: i8, y2: i16, m2: i8, d2: i8| {
            days_between(
                Date::new(y, m, d).unwrap(),
                Date::new(y2, m2, d2).unwrap(),
                Grain::Day,
            )
        };
        let month = |y: i16, m: i8| {
            TimeValue::At(Instant {
                at: jiff::civil::date(y, m, 1).at(0, 0, 0, 0),
                grain: Grain::Month,
            })
        };
        assert_reads(&[
            // The hyphen joins "mid" and the month; it is no "until".
            (en, "mid-December", days(2021, 12, 11, 2021, 12, 21)),
            (en, "early-January", days(2022, 1, 1, 2022, 1, 11)),
            // Before Friday evening, the weekend is the one just gone.
            (
                en,
                "the weekend",
                hour_span(
                    jiff::civil::date(2021, 12, 31).at(18, 0, 0, 0),
                    jiff::civil::date(2022, 1, 3).at(0, 0, 0, 0),
                ),
            ),
            // A short weekday name that is also a word, before a date.
            (en, "Mon, January 3", at_day(Date::new(2022, 1, 3).unwrap())),
            (en, "Sat. January 1", at_day(Date::new(2022, 1, 1).unwrap())),
            (en, "2/2013", month(2013, 2)),
        ]);
        // Alone, they stay words.
        assert_eq!(read(en, "the sun", Lean::Past), vec![]);
    }

    #[test]
    fn spoken_clock_times_and_counting_from_the_end() {
        // `now` is Thursday 2022-01-06 at noon; news looks back.
        let en = &hadath_en::EnglishPack;
        let week = |y: i16, m: i8, d: i8| {
            TimeValue::At(Instant {
                at: jiff::civil::date(y, m, d).at(0, 0, 0, 0),
                grain: Grain::Week,
            })
        };
        assert_reads(&[
            // Hour and minutes spelled out: two numbers, not "ten plus thirty".
            (en, "ten thirty", at(2022, 1, 6, 10, 30, Grain::Minute)),
            (en, "at three twenty", at(2022, 1, 6, 3, 20, Grain::Minute)),
            (
                en,
                "nine fifty nine a m",
                at(2022, 1, 6, 9, 59, Grain::Minute),
            ),
            (en, "330 p.m.", at(2022, 1, 5, 15, 30, Grain::Minute)),
            (en, "at 3p", at(2022, 1, 5, 15, 0, Grain::Hour)),
            (en, "3 in the AM", at(2022, 1, 6, 3, 0, Grain::Hour)),
            // Counted from the end of a month or a year.
            (
                en,
                "the second last week of October 2018",
                week(2018, 10, 15),
            ),
            (en, "the third last week of 2018", week(2018, 12, 10)),
            (en, "the fifth last day of May 2021", day(2021, 5, 27)),
            (en, "the second last Monday of May 2021", day(2021, 5, 24)),
            (en, "the 20th day of next month", day(2022, 2, 20)),
            (
                en,
                "the last weekend of October 2021",
                hour_span(
                    jiff::civil::date(2021, 10, 29).at(18, 0, 0, 0),
                    jiff::civil::date(2021, 11, 1).at(0, 0, 0, 0),
                ),
            ),
            (en, "31-Oct-74", day(1974, 10, 31)),
            (en, "31/Oct/2021", day(2021, 10, 31)),
            (en, "the 1st", day(2022, 1, 1)),
            (en, "ten-thirty", at(2022, 1, 6, 10, 30, Grain::Minute)),
            // Twelve is noon: 12:03 today is after `now`, so yesterday's.
            (en, "twelve-oh-three", at(2022, 1, 5, 12, 3, Grain::Minute)),
            // A named day moved by a duration.
            (en, "three days after Christmas 2021", day(2021, 12, 28)),
            // A clock time moved by minutes.
            (
                en,
                "15 minutes after 1pm",
                at(2022, 1, 5, 13, 15, Grain::Minute),
            ),
            // An era makes a short number a year.
            (en, "in 14 a.d.", year(14)),
            (
                en,
                "in the early hours of Monday",
                hour_span(
                    jiff::civil::date(2022, 1, 3).at(0, 0, 0, 0),
                    jiff::civil::date(2022, 1, 3).at(9, 0, 0, 0),
                ),
            ),
        ]);
        // The English pack drops the stop after a single capital ("U.S." is one word), so the
        // expression ends at "D".
        assert_eq!(
            read(en, "in 2014 A.D.", Lean::Past),
            vec![("in 2014 A.D".to_string(), year(2014))]
        );
        // An approximation before a duration: "about" is skipped or read with the number.
        assert_reads(&[
            (en, "about two weeks ago", day(2021, 12, 23)),
            (
                en,
                "about an hour ago",
                at(2022, 1, 6, 11, 0, Grain::Minute),
            ),
            // A bare hour after a clock time is the first such hour after it: 8 am (this
            // morning, before noon) until 6 pm.
            (
                en,
                "8am until 6",
                hour_span(
                    jiff::civil::date(2022, 1, 6).at(8, 0, 0, 0),
                    jiff::civil::date(2022, 1, 6).at(19, 0, 0, 0),
                ),
            ),
        ]);
        // Counted from an event that is no date: no time (it was "two weeks ago").
        assert_eq!(
            read(en, "two weeks before the election", Lean::Past),
            vec![]
        );
        // A teen after a hyphen is a name ("nine-eleven"); a cardinal word is no day of "next
        // month".
        assert_eq!(read(en, "nine-eleven", Lean::Past), vec![]);
        let next_month = TimeValue::At(Instant {
            at: jiff::civil::date(2022, 2, 1).at(0, 0, 0, 0),
            grain: Grain::Month,
        });
        assert_eq!(
            read(en, "two upcoming months", Lean::Past),
            vec![("upcoming months".to_string(), next_month)]
        );
        // Spoken hundreds are a number; a count of people is no time; nor a century.
        for text in [
            "three twenty",
            "twelve fifteen-year-olds",
            "the 21st century",
            "7a",
            "14 ad campaigns",
        ] {
            assert_eq!(read(en, text, Lean::Past), vec![], "{text}");
        }
        // A day past the month's end is no day (the month alone is still read).
        let month = TimeValue::At(Instant {
            at: jiff::civil::date(2021, 2, 1).at(0, 0, 0, 0),
            grain: Grain::Month,
        });
        assert_eq!(
            read(en, "the 31st day of February", Lean::Past),
            vec![("February".to_string(), month)]
        );
    }

    #[test]
    fn quarters_and_halves_of_a_year() {
        // `now` is 2022-01-06; news looks back: a quarter or half not begun is last year's.
        let en = &hadath_en::EnglishPack;
        let ar = &hadath_ar::ArabicPack;
        let quarter = |y: i16, m: i8| {
            TimeValue::At(Instant {
                at: jiff::civil::date(y, m, 1).at(0, 0, 0, 0),
                grain: Grain::Quarter,
            })
        };
        let months = |y: i16, m: i8, y2: i16, m2: i8| {
            days_between(
                Date::new(y, m, 1).unwrap(),
                Date::new(y2, m2, 1).unwrap(),
                Grain::Month,
            )
        };
        assert_reads(&[
            (en, "the fourth quarter of 2018", quarter(2018, 10)),
            (en, "Q4 2018", quarter(2018, 10)),
            (en, "2018Q4", quarter(2018, 10)),
            (en, "the third quarter", quarter(2021, 7)),
            (en, "the first quarter", quarter(2022, 1)),
            (ar, "الربع الثالث من عام 2018", quarter(2018, 7)),
            (ar, "الربع الأخير", quarter(2021, 10)),
            (en, "the first half of 2019", months(2019, 1, 2019, 7)),
            (en, "the second half of the year", months(2021, 7, 2022, 1)),
            (ar, "النصف الأول من عام 2019", months(2019, 1, 2019, 7)),
            (ar, "النصف الأول من السنة المقبلة", months(2023, 1, 2023, 7)),
            (en, "the second half of last year", months(2021, 7, 2022, 1)),
        ]);
        // Halves of other things are no time.
        assert_eq!(read(en, "the first half of the match", Lean::Past), vec![]);
    }

    #[test]
    fn spans_of_less_than_a_day_from_now() {
        // `now` is 2022-01-06 12:00.
        let en = &hadath_en::EnglishPack;
        let ar = &hadath_ar::ArabicPack;
        let at = |h: i8, m: i8| jiff::civil::date(2022, 1, 6).at(h, m, 0, 0);
        let within = |h: i8, m: i8| TimeValue::Between {
            from: Some(Instant {
                at: at(12, 0),
                grain: Grain::Second,
            }),
            to: Some(Instant {
                at: at(h, m),
                grain: Grain::Second,
            }),
        };
        // "Within an hour" ended at this day's start — before it began.
        assert_eq!(
            read(en, "within an hour", Lean::Future),
            vec![("within an hour".into(), within(13, 0))]
        );
        assert_eq!(
            read(ar, "خلال ساعة", Lean::Future),
            vec![("خلال ساعة".into(), within(13, 0))]
        );
        for (text, h, m) in [
            ("in a quarter of an hour", 12, 15),
            ("in three-quarters of an hour", 12, 45),
        ] {
            assert_eq!(
                read(en, text, Lean::Future),
                vec![(
                    text.into(),
                    TimeValue::At(Instant {
                        at: at(h, m),
                        grain: Grain::Second
                    })
                )],
                "{text}"
            );
        }
        // "1h" after "in" is an hour from now, not one o'clock.
        assert_eq!(
            read(en, "in 1h", Lean::Future),
            vec![(
                "in 1h".into(),
                TimeValue::At(Instant {
                    at: at(13, 0),
                    grain: Grain::Minute
                })
            )]
        );
        // A quarter of something else is no span.
        assert_eq!(
            read(en, "three quarters of the members", Lean::Future),
            vec![]
        );
        // News looks back: "killed within 24 hours" is the 24 hours before.
        assert_eq!(
            read(ar, "خلال 24 ساعة", Lean::Past),
            vec![(
                "خلال 24 ساعة".into(),
                TimeValue::Between {
                    from: Some(Instant {
                        at: jiff::civil::date(2022, 1, 5).at(12, 0, 0, 0),
                        grain: Grain::Second,
                    }),
                    to: Some(Instant {
                        at: at(12, 0),
                        grain: Grain::Second,
                    }),
                }
            )]
        );
    }

    #[test]
    fn decades_and_nights_between_two_days() {
        // `now` is Thursday 2022-01-06.
        let en = &hadath_en::EnglishPack;
        let ar = &hadath_ar::ArabicPack;
        let decade = |y: i16| TimeValue::Between {
            from: Some(Instant {
                at: jiff::civil::date(y, 1, 1).at(0, 0, 0, 0),
                grain: Grain::Year,
            }),
            to: Some(Instant {
                at: jiff::civil::date(y + 10, 1, 1).at(0, 0, 0, 0),
                grain: Grain::Year,
            }),
        };
        let night = |d: i8| TimeValue::Between {
            from: Some(Instant {
                at: jiff::civil::date(2022, 1, d).at(18, 0, 0, 0),
                grain: Grain::Hour,
            }),
            to: Some(Instant {
                at: jiff::civil::date(2022, 1, d + 1).at(6, 0, 0, 0),
                grain: Grain::Hour,
            }),
        };
        assert_reads(&[
            (en, "the 1990s", decade(1990)),
            (en, "the nineties", decade(1990)),
            (ar, "التسعينيات", decade(1990)),
            (ar, "ثمانينات القرن الماضي", decade(1980)),
            (ar, "عشرينيات القرن الحالي", decade(2020)),
            // Tuesday 4 January's evening to Wednesday's morning.
            (ar, "ليلة الثلاثاء الأربعاء", night(4)),
            (ar, "ليلة الثلاثاء إلى الأربعاء", night(4)),
        ]);
        // Ages are no decades.
        assert_eq!(read(en, "a man in his sixties", Lean::Past), vec![]);
        assert_eq!(read(ar, "رجل في الستينيات من عمره", Lean::Past), vec![]);
    }

    #[test]
    fn ranges_of_weekdays() {
        // `now` is Thursday 2022-01-06; news looks back: Monday is the 3rd, and the Friday after it
        // the 7th. الاثنين is Monday, not "the two" (it was read as the 2nd of the month).
        let en = &hadath_en::EnglishPack;
        let ar = &hadath_ar::ArabicPack;
        let week = days_between(
            Date::new(2022, 1, 3).unwrap(),
            Date::new(2022, 1, 8).unwrap(),
            Grain::Day,
        );
        assert_reads(&[
            (en, "from Monday to Friday", week),
            (ar, "من الاثنين الى الجمعة", week),
        ]);
    }

    #[test]
    fn after_an_hour_is_from_that_hour_on() {
        let en = &hadath_en::EnglishPack;
        let from = |y: i16, m: i8, d: i8, h: i8, g: Grain| TimeValue::Between {
            from: Some(Instant {
                at: jiff::civil::date(y, m, d).at(h, 0, 0, 0),
                grain: g,
            }),
            to: None,
        };
        // `now` is 2022-01-06 at noon; news looks back: the last 2 pm was the day before.
        assert_eq!(
            read(en, "after 2 pm", Lean::Past),
            vec![("after 2 pm".into(), from(2022, 1, 5, 14, Grain::Hour))]
        );
        // "from 2 pm" alone: from then on; not before a possessive.
        assert_eq!(
            read(en, "from 2 pm", Lean::Past),
            vec![("from 2 pm".into(), from(2022, 1, 5, 14, Grain::Hour))]
        );
        assert!(
            read(en, "the count from Sunday's election", Lean::Past)
                .iter()
                .all(|(_, v)| !matches!(v, TimeValue::Between { to: None, .. })),
        );
        assert_eq!(
            read(en, "anytime after 2014", Lean::Past),
            vec![(
                "anytime after 2014".into(),
                from(2014, 1, 1, 0, Grain::Year)
            )]
        );
    }

    #[test]
    fn a_part_of_a_named_day() {
        // `now` is Thursday 2022-01-06; news looks back: Monday is 2022-01-03.
        let en = &hadath_en::EnglishPack;
        let on_day = |y: i16, m: i8, d: i8, h1: i8, h2: i8| {
            let day = jiff::civil::date(y, m, d);
            hour_span(day.at(h1, 0, 0, 0), day.at(h2, 0, 0, 0))
        };
        for (text, want) in [
            // Early morning: the first three quarters of the morning.
            ("Monday early morning", on_day(2022, 1, 3, 0, 9)),
            ("on January 2 in the morning", on_day(2022, 1, 2, 0, 12)),
            ("Monday in the afternoon", on_day(2022, 1, 3, 12, 19)),
        ] {
            let got = read(en, text, Lean::Past);
            assert_eq!(got.last().map(|g| g.1), Some(want), "{text}: {got:?}");
        }
    }

    #[test]
    fn every_holiday_row_reads() {
        for table in [
            include_str!("../data/en-timex.tsv"),
            include_str!("../data/ar-timex.tsv"),
        ] {
            for (line, cols) in tsv_rows(table) {
                if cols.get(1) == Some(&"holiday") {
                    assert!(Holiday::parse(cols[2]).is_some(), "line {line}: {cols:?}");
                }
            }
        }
    }

    #[test]
    fn hijri_dates_by_month_name() {
        // Dates checked against the Umm al-Qura calendar; `now` is 2022-01-06 (3 Jumada II 1443).
        let ar = &hadath_ar::ArabicPack;
        assert_eq!(
            read(ar, "في 15 رمضان 1443 هجري", Lean::Past),
            vec![("في 15 رمضان 1443 هجري".into(), day(2022, 4, 16))]
        );
        // هـ too (its tatweel is folded away, so the span ends at the ه).
        let read_h = read(ar, "15 رمضان 1443 هـ", Lean::Past);
        assert_eq!(read_h.len(), 1);
        assert_eq!(read_h[0].1, day(2022, 4, 16));
        assert_eq!(
            read(ar, "الأول من محرم 1445", Lean::Past),
            vec![("الأول من محرم 1445".into(), day(2023, 7, 19))]
        );
        // A month and its year: the month's days.
        assert_eq!(
            read(ar, "شهر رمضان 1440", Lean::Past),
            vec![(
                "شهر رمضان 1440".into(),
                days_between(
                    Date::new(2019, 5, 6).unwrap(),
                    Date::new(2019, 6, 4).unwrap(),
                    Grain::Day
                )
            )]
        );
        // No year: the last 10 Dhu al-Hijja before the reference (1442: 2021-07-20).
        assert_eq!(
            read(ar, "يوم 10 ذو الحجة", Lean::Past),
            vec![("يوم 10 ذو الحجة".into(), day(2021, 7, 20))]
        );
        // A name alone is no date (رجب is also a first name).
        assert_eq!(read(ar, "التقى رجب طيب أردوغان", Lean::Past), vec![]);
    }

    #[test]
    fn the_anchor_of_from_sets_the_grain_and_fortnights_are_two_weeks() {
        let en = &hadath_en::EnglishPack;
        // Thursday 2022-01-06 at noon.
        assert_eq!(
            read(en, "3 years from today", Lean::Past),
            vec![("3 years from today".into(), day(2025, 1, 6))]
        );
        assert_eq!(
            read(en, "a day from right now", Lean::Past),
            vec![(
                "a day from right now".into(),
                at(2022, 1, 7, 12, 0, Grain::Second)
            )]
        );
        assert_eq!(
            read(en, "a fortnight ago", Lean::Past),
            vec![(
                "a fortnight ago".into(),
                at(2021, 12, 23, 12, 0, Grain::Hour)
            )]
        );
    }

    #[test]
    fn arabic_clock_times_intervals_and_month_parts() {
        let ar = &hadath_ar::ArabicPack;
        // Looking back from noon, a quarter past three in the afternoon was yesterday's.
        assert_eq!(
            read(ar, "الساعة الثالثة وربع عصرا", Lean::Past),
            vec![(
                "الساعة الثالثة وربع عصرا".into(),
                at(2022, 1, 5, 15, 15, Grain::Minute)
            )]
        );
        assert_eq!(
            read(ar, "الساعة 12 الا ربع", Lean::Past)[0].1,
            at(2022, 1, 6, 11, 45, Grain::Minute)
        );
        let (text, value) = &read(ar, "من 13 الى 15 تموز", Lean::Past)[0];
        assert_eq!(text, "من 13 الى 15 تموز");
        assert_eq!(
            *value,
            TimeValue::Between {
                from: Some(Instant {
                    at: jiff::civil::date(2021, 7, 13).at(0, 0, 0, 0),
                    grain: Grain::Day
                }),
                to: Some(Instant {
                    at: jiff::civil::date(2021, 7, 16).at(0, 0, 0, 0),
                    grain: Grain::Day
                })
            }
        );
        assert_eq!(
            read(ar, "منتصف اذار 2021", Lean::Past)[0].1,
            day(2021, 3, 15)
        );
        assert_eq!(
            read(ar, "اخر جمعة من شهر ديسمبر", Lean::Past)[0].1,
            day(2021, 12, 31)
        );
    }

    #[test]
    fn english_relative_and_clock() {
        let en = &hadath_en::EnglishPack;
        assert_eq!(read(en, "last tuesday", Lean::Past)[0].1, day(2022, 1, 4));
        assert_eq!(
            read(en, "next week", Lean::Future)[0].1,
            TimeValue::At(Instant {
                at: jiff::civil::date(2022, 1, 10).at(0, 0, 0, 0),
                grain: Grain::Week
            })
        );
        assert_eq!(
            read(en, "at 3pm", Lean::Past)[0].1,
            at(2022, 1, 5, 15, 0, Grain::Hour)
        );
        assert_eq!(
            read(en, "at 3pm", Lean::Future)[0].1,
            at(2022, 1, 6, 15, 0, Grain::Hour)
        );
        assert_eq!(
            read(en, "three days ago", Lean::Past)[0].1,
            at(2022, 1, 3, 12, 0, Grain::Hour)
        );
        // "may" is a verb unless a cue or a year makes it the month; a boy is not the beginning
        // of a year, nor a start the beginning of anything without a period after it.
        assert_eq!(read(en, "they may have fled", Lean::Past), vec![]);
        assert_eq!(read(en, "a boy was hurt at the start", Lean::Past), vec![]);
        assert_eq!(
            read(en, "inflation stood at 15 percent", Lean::Past),
            vec![]
        );
        assert_eq!(
            read(en, "by the end of the month", Lean::Future)[0].0,
            "by the end of the month"
        );
        assert_eq!(
            read(en, "in May 2021", Lean::Past)[0].1,
            TimeValue::At(Instant {
                at: jiff::civil::date(2021, 5, 1).at(0, 0, 0, 0),
                grain: Grain::Month
            })
        );
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;
    use crate::Words;

    /// Numbers of any size in relative times give no value or a clipped one, never a panic
    /// (jiff's span constructors panic out of range; every span here is built fallibly).
    #[test]
    fn huge_amounts_of_time_do_not_panic() {
        let now = jiff::civil::date(2022, 1, 6).at(12, 0, 0, 0);
        for (pack, text) in [
            (
                &hadath_ar::ArabicPack as &dyn hadath_text::LanguagePack,
                "قبل 900000 عقد و 5000000000000 سنة",
            ),
            (&hadath_ar::ArabicPack, "منذ 99999999999999 ساعة"),
            (&hadath_en::EnglishPack, "in 99999999999999999999 years"),
            (&hadath_en::EnglishPack, "99999999999 days ago"),
            (
                &hadath_en::EnglishPack,
                "within the next 9999999999999 hours",
            ),
            (&hadath_en::EnglishPack, "the last 9999999999999 seconds"),
        ] {
            let words = Words::analyse(pack, text);
            for lean in [Lean::Past, Lean::Future] {
                let _ = parse_times(pack.lang(), &words.view(), now, lean);
            }
        }
    }
}
