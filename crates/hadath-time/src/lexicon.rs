//! The number and time word tables, parsed once.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use hadath_text::{Lang, tsv_rows};

use crate::durations::Grain;

/// A number word's role in the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumKind {
    Unit,
    Teen,
    Ten,
    Hundred,
    Scale,
    Vague,
}

/// How an approximation phrase bounds the number after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Approx {
    AtLeast,
    MoreThan,
    About,
    LessThan,
}

/// A calendar name: a month (1–12) or a weekday (1 Monday … 7 Sunday, as in the tables).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TimeKind {
    Month(u8),
    Weekday(u8),
}

pub(crate) struct Tables {
    /// Single-word number forms → (value, kind); one form may have several roles.
    pub numbers: HashMap<String, Vec<(u64, NumKind)>>,
    /// Words for a decimal point ("فاصلة", "point").
    pub decimal_point: Vec<String>,
    /// Negative signs in words ("minus", "negative", "سالب").
    pub minus: Vec<String>,
    /// Ordinal words → value ("ثالث" 3, "third" 3; "حادي" 1 only in compounds).
    pub ordinals: HashMap<String, u64>,
    /// Duration units → (count, unit): "دقيقتان" (2, minute), "hours" (1, hour).
    pub durations: HashMap<String, (u64, Grain)>,
    /// Approximation phrases (words) → kind, longest first.
    pub approx: Vec<(Vec<String>, Approx)>,
    /// Month and weekday names (one or more words joined by a space) → kinds.
    pub times: HashMap<String, Vec<TimeKind>>,
}

fn parse_approx(tsv: &str) -> Vec<(Vec<String>, Approx)> {
    let mut out = Vec::new();
    for (_, fields) in tsv_rows(tsv) {
        let (Some(forms), Some(value), Some(&"approx")) =
            (fields.first(), fields.get(1), fields.get(2))
        else {
            continue;
        };
        let approx = match *value {
            "at_least" => Approx::AtLeast,
            "more_than" => Approx::MoreThan,
            "about" => Approx::About,
            _ => Approx::LessThan,
        };
        for form in forms.split('|') {
            out.push((
                form.split(' ').map(str::to_string).collect::<Vec<_>>(),
                approx,
            ));
        }
    }
    out.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    out
}

fn parse_numbers(tsv: &str) -> HashMap<String, Vec<(u64, NumKind)>> {
    let mut map: HashMap<String, Vec<(u64, NumKind)>> = HashMap::default();
    for (_, fields) in tsv_rows(tsv) {
        let (Some(forms), Some(value), Some(kind)) = (fields.first(), fields.get(1), fields.get(2))
        else {
            continue;
        };
        let Ok(value) = value.parse::<u64>() else {
            continue;
        };
        let kind = match *kind {
            "unit" => NumKind::Unit,
            "teen" => NumKind::Teen,
            "ten" => NumKind::Ten,
            "hundred" => NumKind::Hundred,
            "scale" => NumKind::Scale,
            "vague" => NumKind::Vague,
            _ => continue,
        };
        for form in forms.split('|') {
            let entry = map.entry(form.to_string()).or_default();
            if !entry.contains(&(value, kind)) {
                entry.push((value, kind));
            }
        }
    }
    map
}

fn parse_times(tsv: &str) -> HashMap<String, Vec<TimeKind>> {
    let mut map: HashMap<String, Vec<TimeKind>> = HashMap::default();
    for (_, fields) in tsv_rows(tsv) {
        let (Some(forms), Some(kind), Some(value)) = (fields.first(), fields.get(1), fields.get(2))
        else {
            continue;
        };
        let Ok(n) = value.parse::<u8>() else {
            continue;
        };
        let kind = match *kind {
            "month" => TimeKind::Month(n),
            "weekday" => TimeKind::Weekday(n),
            _ => continue,
        };
        for form in forms.split('|') {
            map.entry(form.to_string()).or_default().push(kind.clone());
        }
    }
    map
}

/// Rows of `kind` in a numbers table: (forms, value).
fn rows_of<'a>(tsv: &'a str, kind: &'a str) -> impl Iterator<Item = (Vec<&'a str>, &'a str)> + 'a {
    tsv_rows(tsv).filter_map(move |(_, fields)| {
        match (fields.first(), fields.get(1), fields.get(2)) {
            (Some(forms), Some(value), Some(k)) if *k == kind => {
                Some((forms.split('|').collect(), *value))
            }
            _ => None,
        }
    })
}

fn tables(numbers: &str, times: &str) -> Tables {
    let times = parse_times(times);
    let words_of = |kind: &str| {
        rows_of(numbers, kind)
            .flat_map(|(forms, _)| forms.into_iter().map(str::to_string))
            .collect::<Vec<_>>()
    };
    let mut ordinals = HashMap::default();
    for (forms, value) in rows_of(numbers, "ordinal") {
        if let Ok(v) = value.parse::<u64>() {
            for form in forms {
                ordinals.insert(form.to_string(), v);
            }
        }
    }
    let mut durations = HashMap::default();
    for (forms, value) in rows_of(numbers, "duration") {
        let Some((count, unit)) = value.split_once(' ') else {
            continue;
        };
        let (Ok(count), Some(unit)) = (count.parse::<u64>(), Grain::parse(unit)) else {
            continue;
        };
        for form in forms {
            durations.insert(form.to_string(), (count, unit));
        }
    }
    Tables {
        numbers: parse_numbers(numbers),
        decimal_point: words_of("point"),
        minus: words_of("minus"),
        ordinals,
        durations,
        approx: parse_approx(numbers),
        times,
    }
}

static AR: LazyLock<Tables> = LazyLock::new(|| {
    tables(
        include_str!("../data/ar-numbers.tsv"),
        include_str!("../data/ar-time.tsv"),
    )
});
static EN: LazyLock<Tables> = LazyLock::new(|| {
    tables(
        include_str!("../data/en-numbers.tsv"),
        include_str!("../data/en-time.tsv"),
    )
});

pub(crate) fn for_lang(lang: Lang) -> &'static Tables {
    match lang {
        Lang::Ar => &AR,
        Lang::En => &EN,
    }
}
