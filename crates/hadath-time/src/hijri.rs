//! Hijri dates in Gregorian terms: the Umm al-Qura calendar (the Saudi civil calendar, which
//! Arabic news dates follow) for 1343–1500 AH from `data/ummalqura.tsv` (`cargo xtask
//! ummalqura`), the arithmetical (tabular) Islamic calendar outside it — whose dates can differ
//! from the sighted ones by a day or two.

use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::Date;

/// The first Hijri year of the table, the Gregorian date of its 1 Muharram, and each year's
/// month lengths.
struct Table {
    first_year: i64,
    first_day: Date,
    /// Days from `first_day` to the first of each month, month after month (one more entry: the
    /// day after the table).
    month_starts: Vec<i32>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let text = include_str!("../data/ummalqura.tsv");
    let mut first_year = None;
    let mut month_starts = vec![0i32];
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (year, lengths) = line.split_once('\t').expect("year, tab, lengths");
        first_year.get_or_insert(year.parse::<i64>().expect("a year"));
        for n in lengths.split(' ') {
            let last = *month_starts.last().expect("a start");
            month_starts.push(last + n.parse::<i32>().expect("a month length"));
        }
    }
    Table {
        first_year: first_year.expect("a year in the table"),
        first_day: Date::new(1924, 8, 1).expect("1 Muharram 1343"),
        month_starts,
    }
});

/// The Gregorian date of a Hijri date, `None` when there is no such day.
pub fn to_date(year: i64, month: i64, day: i64) -> Option<Date> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let t = &*TABLE;
    let index = (year - t.first_year) * 12 + (month - 1);
    match usize::try_from(index)
        .ok()
        .filter(|&i| i + 1 < t.month_starts.len())
    {
        Some(i) => {
            let (start, next) = (t.month_starts[i], t.month_starts[i + 1]);
            if i64::from(next - start) < day {
                return None;
            }
            t.first_day
                .checked_add((i64::from(start) + day - 1).days())
                .ok()
        }
        None => tabular_to_date(year, month, day),
    }
}

/// The Hijri year in progress at `d`.
pub fn year_at(d: Date) -> i64 {
    let t = &*TABLE;
    let offset = (d - t.first_day).get_days() as i64;
    let last = i64::from(*t.month_starts.last().unwrap_or(&0));
    if (0..last).contains(&offset) {
        // The last month that starts on or before `d`.
        let month = t
            .month_starts
            .partition_point(|&s| i64::from(s) <= offset)
            .saturating_sub(1);
        return t.first_year + month as i64 / 12;
    }
    tabular_year_at(d)
}

/// A Hijri date in the arithmetical calendar (civil epoch 16 July 622).
fn tabular_to_date(year: i64, month: i64, day: i64) -> Option<Date> {
    let jd = day
        + ((29.5 * (month - 1) as f64).ceil() as i64)
        + (year - 1) * 354
        + (3 + 11 * year) / 30
        + 1_948_440
        - 1;
    let unix_days = jd - 2_440_588;
    Date::new(1970, 1, 1)
        .ok()?
        .checked_add(unix_days.days())
        .ok()
}

/// The Hijri year in progress at `d` in the arithmetical calendar.
fn tabular_year_at(d: Date) -> i64 {
    let unix_days = (d - Date::new(1970, 1, 1).unwrap_or(d)).get_days() as i64;
    let jd = unix_days + 2_440_588;
    (30 * (jd - 1_948_440) + 10_646) / 10_631
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Option<Date> {
        Date::new(y, m, d).ok()
    }

    #[test]
    fn umm_al_qura_dates() {
        // Checked against the Umm al-Qura calendar as published (Saudi announcements).
        assert_eq!(to_date(1343, 1, 1), date(1924, 8, 1));
        assert_eq!(to_date(1434, 10, 1), date(2013, 8, 8)); // Eid al-Fitr 2013
        assert_eq!(to_date(1440, 9, 1), date(2019, 5, 6)); // 1 Ramadan 1440
        assert_eq!(to_date(1445, 1, 1), date(2023, 7, 19)); // Hijri new year 1445
        assert_eq!(to_date(1443, 12, 10), date(2022, 7, 9)); // Eid al-Adha 2022
        // No 30 Ramadan 1440 (the month had 29 days), no 13th month.
        assert_eq!(to_date(1440, 9, 30), None);
        assert_eq!(to_date(1440, 13, 1), None);
    }

    #[test]
    fn years_in_progress() {
        assert_eq!(year_at(Date::new(2013, 8, 8).unwrap()), 1434);
        assert_eq!(year_at(Date::new(2023, 7, 18).unwrap()), 1444);
        assert_eq!(year_at(Date::new(2023, 7, 19).unwrap()), 1445);
        // Outside the table: the arithmetical calendar.
        assert_eq!(year_at(Date::new(1900, 1, 1).unwrap()), 1317);
        assert!(to_date(1300, 1, 1).is_some());
    }
}
