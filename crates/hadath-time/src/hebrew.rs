//! Hebrew (Jewish) calendar dates in Gregorian terms, by the calendar's arithmetic: a year is
//! leap in 7 of every 19; its new year (1 Tishri) is the day of the mean conjunction (molad) of
//! Tishri, 29 days 12 hours 793 parts per month from the epoch, put off by the postponement rules
//! (never on Sunday, Wednesday or Friday; and the two that keep a year 353–355 or 383–385 days
//! long); Marheshvan and Kislev take up the year's length. Months are numbered from Nisan (1) as
//! in the Bible: Tishri is 7, Adar 12, and Adar II 13 in a leap year.
//!
//! The dates are the day on which the holiday's daylight falls (Yom Kippur 5779 is Wednesday
//! 19 September 2018); the Hebrew day, and so the holiday, begins at the sunset before.

use jiff::civil::Date;

/// Nisan, the first month of the religious year.
pub const NISAN: i8 = 1;
/// Tishri, the month of the new year.
pub const TISHRI: i8 = 7;
/// Adar: Adar II in a leap year (Purim is kept in it).
pub const ADAR: i8 = 12;

/// The Hebrew calendar's epoch (the day before 1 Tishri AM 1, 7 October 3761 BCE in the Julian
/// calendar) as days after 1 January of year 1 (proleptic Gregorian).
const EPOCH: i64 = -1_373_428;

fn leap(year: i64) -> bool {
    (7 * year + 1).rem_euclid(19) < 7
}

/// Days from the epoch to the day of Tishri's molad of `year`, put off one day when the
/// molad falls on a Sunday, Wednesday or Friday.
fn elapsed(year: i64) -> i64 {
    let months = (235 * year - 234).div_euclid(19);
    // 12,084 parts: the molad of the epoch's Tishri past the start of its day; a month is 29
    // days 13,753 parts (1,080 parts an hour).
    let parts = 12_084 + 13_753 * months;
    let day = 29 * months + parts.div_euclid(25_920);
    if (3 * (day + 1)).rem_euclid(7) < 3 {
        day + 1
    } else {
        day
    }
}

/// Days since the epoch of 1 Tishri of `year`.
fn new_year(year: i64) -> i64 {
    let (before, this, after) = (elapsed(year - 1), elapsed(year), elapsed(year + 1));
    let delay = if after - this == 356 {
        2
    } else if this - before == 382 {
        1
    } else {
        0
    };
    EPOCH + this + delay
}

/// The length of `month` in a year of `days` days (leap or not): Marheshvan (8) and Kislev (9)
/// take up what the year's length leaves.
fn month_length(days: i64, leap: bool, month: i8) -> i64 {
    match month {
        2 | 4 | 6 | 10 | 13 => 29,
        12 if !leap => 29,
        8 if days % 10 != 5 => 29,
        9 if days % 10 == 3 => 29,
        _ => 30,
    }
}

/// The Gregorian date of a day of the Hebrew calendar (`month` counted from Nisan; Adar is Adar
/// II in a leap year); `None` when there is no such day or it is out of range.
pub fn to_date(year: i64, month: i8, day: i8) -> Option<Date> {
    let leap = leap(year);
    let last = if leap { 13 } else { 12 };
    let month = if month == ADAR && leap { 13 } else { month };
    let start = new_year(year);
    let year_days = new_year(year + 1) - start;
    let length = |m: i8| month_length(year_days, leap, m);
    if !(1..=last).contains(&month) || day < 1 || i64::from(day) > length(month) {
        return None;
    }
    // Tishri opens the civil year: the months counted before this one are Tishri to it, or, for
    // Nisan … Elul, Tishri to the year's last and then Nisan to it.
    let before = (1..=last).filter(|&m| {
        if month < TISHRI {
            m >= TISHRI || m < month
        } else {
            (TISHRI..month).contains(&m)
        }
    });
    let days = start + i64::from(day) - 1 + before.map(length).sum::<i64>();
    let first = Date::new(1, 1, 1).ok()?;
    first
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

/// The day `month`/`day` of the Hebrew year that puts it in Gregorian year `gregorian` (a
/// Hebrew year runs from September or October to the next).
pub fn in_gregorian_year(gregorian: i16, month: i8, day: i8) -> Option<Date> {
    let y = i64::from(gregorian) + 3760;
    [y, y + 1]
        .into_iter()
        .filter_map(|hy| to_date(hy, month, day))
        .find(|d| d.year() == gregorian)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Option<Date> {
        Date::new(y, m, day).ok()
    }

    #[test]
    fn known_dates() {
        // Rosh Hashanah 5774 and 5779, Yom Kippur 5734 (the war), Passover 5773, Hanukkah 5774
        // (with Thanksgiving), Purim 5773 (a common year) and 5776 (a leap year: Adar II).
        assert_eq!(to_date(5774, TISHRI, 1), d(2013, 9, 5));
        assert_eq!(to_date(5779, TISHRI, 1), d(2018, 9, 10));
        assert_eq!(to_date(5734, TISHRI, 10), d(1973, 10, 6));
        assert_eq!(to_date(5773, NISAN, 15), d(2013, 3, 26));
        assert_eq!(to_date(5774, 9, 25), d(2013, 11, 28));
        assert_eq!(to_date(5773, ADAR, 14), d(2013, 2, 24));
        assert_eq!(to_date(5776, ADAR, 14), d(2016, 3, 24));
        // 30 Tevet does not exist; month 13 only in a leap year (5779 is one, 5778 not).
        assert_eq!(to_date(5779, 10, 30), None);
        assert_eq!(to_date(5778, 13, 1), None);
        assert_eq!(to_date(5779, 13, 1), d(2019, 3, 8));
    }

    #[test]
    fn years_are_353_to_385_days_long() {
        for y in 5600..6000 {
            let n = new_year(y + 1) - new_year(y);
            assert!(
                [353, 354, 355, 383, 384, 385].contains(&n),
                "year {y} has {n} days"
            );
            // The new year never falls on Sunday, Wednesday or Friday.
            let weekday = to_date(y, TISHRI, 1).map(|d| d.weekday().to_sunday_zero_offset());
            assert!(!matches!(weekday, Some(0 | 3 | 5)), "year {y}");
        }
    }
}
