//! Holidays of the Chinese and Hindu lunisolar calendars (and Vesak), by year, from
//! `data/lunisolar.tsv` (`cargo xtask lunisolar`, from the tables of the PyPI package `holidays`,
//! MIT). A row names the holiday, its first year, and the month and day of each year (`-` when the
//! table has none); years outside a row have no date.

use std::sync::LazyLock;

use jiff::civil::Date;

struct Row {
    name: &'static str,
    first_year: i16,
    /// Month × 100 + day, 0 for none.
    days: Vec<u16>,
}

static TABLE: LazyLock<Vec<Row>> = LazyLock::new(|| {
    hadath_text::tsv_rows(include_str!("../data/lunisolar.tsv"))
        .filter_map(|(_, cols)| {
            Some(Row {
                name: cols.first()?,
                first_year: cols.get(1)?.parse().ok()?,
                days: cols
                    .get(2)?
                    .split(' ')
                    .map(|d| d.parse().unwrap_or(0))
                    .collect(),
            })
        })
        .collect()
});

/// The row of the holiday called `name` (as in the table: `DIWALI`).
pub(crate) fn index_of(name: &str) -> Option<u16> {
    TABLE
        .iter()
        .position(|r| r.name == name)
        .and_then(|i| u16::try_from(i).ok())
}

/// The holiday's date in Gregorian `year`.
pub(crate) fn date(row: u16, year: i16) -> Option<Date> {
    let row = TABLE.get(usize::from(row))?;
    let k = usize::try_from(year.checked_sub(row.first_year)?).ok()?;
    let md = *row.days.get(k).filter(|&&md| md > 0)?;
    Date::new(year, (md / 100) as i8, (md % 100) as i8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_resolve() {
        // Chinese New Year 2014 and Diwali 2019, as the almanacs give them.
        let cny = index_of("LUNAR_NEW_YEAR").unwrap();
        assert_eq!(date(cny, 2014), Date::new(2014, 1, 31).ok());
        let diwali = index_of("DIWALI").unwrap();
        assert_eq!(date(diwali, 2019), Date::new(2019, 10, 27).ok());
        assert_eq!(date(diwali, 1000), None);
        assert_eq!(index_of("NO_SUCH_HOLIDAY"), None);
    }
}
