//! The embedded event store: one SQLite file (WAL mode) holding the documents read, their events
//! and every ingest run, so that a folder of articles becomes a queryable, resumable database.
//!
//! - A document is keyed by its id and a content hash: storing the same content again is a no-op,
//!   changed content replaces the document's events, both in one transaction.
//! - An input that could not be read is recorded with its reason (`status = 'failed'`); nothing is
//!   dropped silently.
//! - The schema is versioned by `PRAGMA user_version` and migrated forward on open.
//!
//! ```
//! let store = hadath_store::Store::open_in_memory().unwrap();
//! assert_eq!(store.counts().unwrap().documents, 0);
//! ```
#![deny(missing_docs)]

use std::path::Path;

use hadath_event::Event;
use hadath_text::Document;
use rusqlite::{Connection, OptionalExtension, params};

/// Why the store refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite said no (a locked, corrupt or unwritable file…).
    #[error("store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file was written by a newer hadath.
    #[error("store: schema version {found} is newer than this hadath understands ({known})")]
    NewerSchema {
        /// Version in the file.
        found: i64,
        /// Latest version known here.
        known: i64,
    },
    /// A stored event could not be read back.
    #[error("store: stored event is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The caller's handler of streamed events failed (writing an export…).
    #[error("{0}")]
    Handler(String),
}

/// The migrations, in order; `user_version` counts how many ran.
const MIGRATIONS: &[&str] = &[
    // 1: documents, events, runs.
    "CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT,
        published TEXT,
        lang TEXT,
        content_hash TEXT,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        error TEXT,
        run_id INTEGER,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_status ON documents(status);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date_start TEXT NOT NULL,
        date_end TEXT NOT NULL,
        country TEXT,
        lat REAL,
        lon REAL,
        fatalities INTEGER,
        confidence REAL NOT NULL,
        factuality TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_date ON events(date_start);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_country ON events(country);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        new INTEGER NOT NULL DEFAULT 0,
        replaced INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0
    );",
    // 2: the document text, for the evidence in context.
    "ALTER TABLE documents ADD COLUMN text TEXT;",
    // 3: indexes that answer a filtered page without reading records: each is ordered as pages
    // are (date_start, id) and carries the other filter columns; and the longest event span
    // seen, which bounds how early an event overlapping a date range can start.
    "DROP INDEX events_date;
    DROP INDEX events_type;
    DROP INDEX events_country;
    CREATE INDEX events_by_date ON events(date_start, id, date_end, type, country);
    CREATE INDEX events_by_type ON events(type, date_start, id, date_end, country);
    CREATE INDEX events_by_country ON events(country, date_start, id, date_end, type);
    CREATE TABLE span_max (one INTEGER PRIMARY KEY CHECK (one = 1), days INTEGER NOT NULL);
    INSERT INTO span_max VALUES (1, COALESCE(
        (SELECT CAST(MAX(julianday(date_end) - julianday(date_start)) AS INTEGER) FROM events), 0));",
];

/// What storing a document did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// First time seen.
    New,
    /// Seen before with other content: its events were replaced.
    Replaced,
    /// Seen before with the same content: nothing changed.
    Unchanged,
}

/// Totals of one ingest run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Inputs read (documents and failures).
    pub read: u64,
    /// New documents.
    pub new: u64,
    /// Documents whose content changed.
    pub replaced: u64,
    /// Documents stored before with the same content.
    pub unchanged: u64,
    /// Inputs that could not be read.
    pub failed: u64,
}

/// Rows in the store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents read.
    pub documents: u64,
    /// Inputs recorded as failed.
    pub failed: u64,
    /// Events.
    pub events: u64,
    /// Ingest runs.
    pub runs: u64,
}

/// Which events to read.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Events ending on or after this day.
    pub from: Option<jiff::civil::Date>,
    /// Events starting on or before this day.
    pub to: Option<jiff::civil::Date>,
    /// PLOVER type (upper case).
    pub event_type: Option<String>,
    /// ISO alpha-2 country of the location.
    pub country: Option<String>,
    /// One document.
    pub doc_id: Option<String>,
}

/// A stored document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct StoredDocument {
    /// Its id.
    pub id: String,
    /// Where it came from.
    pub url: Option<String>,
    /// Publication date (YYYY-MM-DD).
    pub published: Option<String>,
    /// `ar` or `en`.
    pub lang: Option<String>,
    /// The text as read (spans index into it).
    pub text: String,
}

/// The `AND …` clauses of a filter and the values they bind, in order: values are always
/// parameters, never spliced into SQL. `span_max` (the longest event, in days) turns "ends on or
/// after `from`" into a range on the start date too, which the indexes answer.
fn where_clause(filter: &Filter, span_max: i64) -> (String, Vec<String>) {
    let mut sql = String::new();
    let mut values: Vec<String> = Vec::new();
    let mut bind = |clause: &str, value: String| {
        values.push(value);
        sql.push_str(&clause.replace('?', &format!("?{}", values.len())));
    };
    if let Some(from) = filter.from {
        bind(" AND date_end >= ?", from.to_string());
        let earliest = from
            .checked_sub(jiff::Span::new().days(span_max.clamp(0, 3_000_000)))
            .unwrap_or(jiff::civil::Date::MIN);
        bind(" AND date_start >= ?", earliest.to_string());
    }
    if let Some(to) = filter.to {
        bind(" AND date_start <= ?", to.to_string());
    }
    if let Some(t) = &filter.event_type {
        bind(" AND type = ?", t.to_uppercase());
    }
    if let Some(c) = &filter.country {
        bind(" AND country = ?", c.to_uppercase());
    }
    if let Some(d) = &filter.doc_id {
        bind(" AND doc_id = ?", d.clone());
    }
    (sql, values)
}

/// A recorded failure: the input and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The input (path, path:line).
    pub source: String,
    /// Why it was rejected.
    pub error: String,
}

/// An open store.
pub struct Store {
    conn: Connection,
}

/// A stable hash of a document's content (FNV-1a 64 over id, text, publication date and url):
/// equal content, equal hash.
pub fn content_hash(doc: &Document) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let published = doc.published.map(|d| d.to_string()).unwrap_or_default();
    for part in [
        doc.text.as_str(),
        &published,
        doc.url.as_deref().unwrap_or(""),
        doc.lang.code(),
    ] {
        for &b in part.as_bytes().iter().chain(&[0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn now() -> String {
    jiff::Timestamp::now().to_string()
}

impl Store {
    /// Opens (creating and migrating) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::init(Connection::open(path)?)
    }

    /// A store in memory (tests, `hadath serve --demo`).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store, StoreError> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::NewerSchema {
                found: version,
                known,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Starts an ingest run; its id.
    pub fn begin_run(&self) -> Result<i64, StoreError> {
        self.conn
            .execute("INSERT INTO runs (started_at) VALUES (?1)", params![now()])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records a run's totals and end.
    pub fn finish_run(&self, run: i64, stats: &RunStats) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE runs SET finished_at = ?1, read = ?2, new = ?3, replaced = ?4, unchanged = ?5, failed = ?6 WHERE id = ?7",
            params![now(), stats.read as i64, stats.new as i64, stats.replaced as i64, stats.unchanged as i64, stats.failed as i64, run],
        )?;
        Ok(())
    }

    /// Stores a document and its events in one transaction: a no-op for the same content, a
    /// replacement of its events for changed content.
    pub fn put_document(
        &mut self,
        run: i64,
        source: &str,
        doc: &Document,
        events: &[Event],
    ) -> Result<Outcome, StoreError> {
        let hash = content_hash(doc);
        // A savepoint: its own transaction, or a part of the caller's (see `batch`).
        let tx = self.conn.savepoint()?;
        let existing: Option<(Option<String>, String)> = tx
            .query_row(
                "SELECT content_hash, status FROM documents WHERE id = ?1",
                params![doc.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let outcome = match &existing {
            Some((Some(h), status)) if *h == hash && status == "ok" => {
                return Ok(Outcome::Unchanged);
            }
            Some(_) => Outcome::Replaced,
            None => Outcome::New,
        };
        tx.execute("DELETE FROM events WHERE doc_id = ?1", params![doc.id])?;
        tx.execute(
            "INSERT INTO documents (id, source, url, published, lang, content_hash, status, error, run_id, ingested_at, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'ok', NULL, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET source = excluded.source, url = excluded.url, published = excluded.published,
               lang = excluded.lang, content_hash = excluded.content_hash, status = 'ok', error = NULL,
               run_id = excluded.run_id, ingested_at = excluded.ingested_at, text = excluded.text",
            params![doc.id, source, doc.url, doc.published.map(|d| d.to_string()), doc.lang.code(), hash, run, now(), doc.text],
        )?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR REPLACE INTO events (id, doc_id, type, date_start, date_end, country, lat, lon, fatalities, confidence, factuality, record)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            let longest = events
                .iter()
                .map(|e| (e.date.end - e.date.start).get_days() as i64)
                .max()
                .unwrap_or(0);
            tx.execute("UPDATE span_max SET days = MAX(days, ?1)", params![longest])?;
            for e in events {
                let record = serde_json::to_string(e)?;
                let factuality = serde_json::to_value(e.factuality)?
                    .as_str()
                    .unwrap_or("")
                    .to_string();
                insert.execute(params![
                    e.id,
                    doc.id,
                    e.event_type.as_str(),
                    e.date.start.to_string(),
                    e.date.end.to_string(),
                    e.location.as_ref().map(|l| l.country.clone()),
                    e.location.as_ref().map(|l| l.lat),
                    e.location.as_ref().map(|l| l.lon),
                    e.fatalities
                        .as_ref()
                        .and_then(|f| f.count)
                        .map(|c| c as i64),
                    e.confidence,
                    factuality,
                    record,
                ])?;
            }
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Runs `f` in one transaction: everything it stores is committed together when it returns
    /// `Ok`, and nothing of it when it fails (or the process dies first). Writing many documents
    /// in one transaction is much faster than one each.
    pub fn batch<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self) {
            Ok(value) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(value)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Records an input that could not be read, with the reason.
    pub fn put_failure(&self, run: i64, source: &str, error: &str) -> Result<(), StoreError> {
        let id = format!("failed:{source}");
        self.conn.execute(
            "INSERT INTO documents (id, source, status, error, run_id, ingested_at) VALUES (?1, ?2, 'failed', ?3, ?4, ?5)
             ON CONFLICT(id) DO UPDATE SET error = excluded.error, run_id = excluded.run_id, ingested_at = excluded.ingested_at",
            params![id, source, error, run, now()],
        )?;
        Ok(())
    }

    /// Row counts.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Counts {
            documents: count("SELECT COUNT(*) FROM documents WHERE status = 'ok'")?,
            failed: count("SELECT COUNT(*) FROM documents WHERE status = 'failed'")?,
            events: count("SELECT COUNT(*) FROM events")?,
            runs: count("SELECT COUNT(*) FROM runs")?,
        })
    }

    /// Every recorded failure, newest first.
    pub fn failures(&self) -> Result<Vec<Failure>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT source, error FROM documents WHERE status = 'failed' ORDER BY ingested_at DESC, source")?;
        let rows = stmt.query_map([], |r| {
            Ok(Failure {
                source: r.get(0)?,
                error: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The runs, newest first: (id, started, finished, stats).
    pub fn runs(&self) -> Result<Vec<(i64, String, Option<String>, RunStats)>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT id, started_at, finished_at, read, new, replaced, unchanged, failed FROM runs ORDER BY id DESC")?;
        let rows = stmt.query_map([], |r| {
            let n = |k: usize| -> rusqlite::Result<u64> { Ok(r.get::<_, i64>(k)? as u64) };
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                RunStats {
                    read: n(3)?,
                    new: n(4)?,
                    replaced: n(5)?,
                    unchanged: n(6)?,
                    failed: n(7)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The stored event records (JSON, as `hadath extract` writes them) matching `filter`, by
    /// date then id. Filter values are bound as parameters, never spliced into SQL.
    pub fn events(&self, filter: &Filter) -> Result<Vec<serde_json::Value>, StoreError> {
        let mut out = Vec::new();
        self.each_event(filter, &mut |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with each stored event record matching `filter`, one at a time (a store of
    /// millions of events is never held in memory); stops at the first error `f` returns.
    pub fn each_event(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(serde_json::Value) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.each_record(filter, &mut |record| f(serde_json::from_str(record)?))
    }

    /// [`each_event`](Store::each_event) with the record as stored: JSON text, for readers that
    /// parse only the fields they need.
    pub fn each_record(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(&str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.each_record_page(filter, None, f)
    }

    /// Events matching `filter`, `limit` of them from `offset` (by date then id), and how many
    /// match in all.
    pub fn events_page(
        &self,
        filter: &Filter,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<serde_json::Value>, u64), StoreError> {
        let mut out = Vec::new();
        self.each_record_page(filter, Some((limit, offset)), &mut |r| {
            out.push(serde_json::from_str(r)?);
            Ok(())
        })?;
        Ok((out, self.count(filter)?))
    }

    /// How many events matching `filter` start on each day, by type: `(date, type, count)` rows
    /// in date order (the web page's timeline).
    pub fn histogram(&self, filter: &Filter) -> Result<Vec<(String, String, u64)>, StoreError> {
        let (clause, values) = where_clause(filter, self.span_max()?);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT date_start, type, COUNT(*) FROM events WHERE 1 = 1{clause} GROUP BY date_start, type ORDER BY date_start, type"
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The longest event stored, in days (an upper bound: it does not shrink when events go).
    fn span_max(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT days FROM span_max")?
            .query_row([], |r| r.get(0))?)
    }

    /// [`events_page`](Store::events_page) with the records as stored (JSON text), for a server
    /// that passes them on without parsing them.
    pub fn events_page_raw(
        &self,
        filter: &Filter,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<String>, u64), StoreError> {
        let mut out = Vec::new();
        self.each_record_page(filter, Some((limit, offset)), &mut |r| {
            out.push(r.to_string());
            Ok(())
        })?;
        Ok((out, self.count(filter)?))
    }

    /// How many events match `filter`.
    pub fn count(&self, filter: &Filter) -> Result<u64, StoreError> {
        let (clause, values) = where_clause(filter, self.span_max()?);
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM events WHERE 1 = 1{clause}"))?
            .query_row(rusqlite::params_from_iter(values.iter()), |r| r.get(0))?;
        Ok(total as u64)
    }

    /// One event record by id.
    pub fn event(&self, id: &str) -> Result<Option<serde_json::Value>, StoreError> {
        let record: Option<String> = self
            .conn
            .query_row(
                "SELECT record FROM events WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(record.map(|r| serde_json::from_str(&r)).transpose()?)
    }

    /// One stored document (failed inputs are not documents).
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let row = self
            .conn
            .query_row("SELECT id, url, published, lang, text FROM documents WHERE id = ?1 AND status = 'ok'", params![id], |r| {
                Ok(StoredDocument { id: r.get(0)?, url: r.get(1)?, published: r.get(2)?, lang: r.get(3)?, text: r.get::<_, Option<String>>(4)?.unwrap_or_default() })
            })
            .optional()?;
        Ok(row)
    }

    fn each_record_page(
        &self,
        filter: &Filter,
        page: Option<(usize, usize)>,
        f: &mut dyn FnMut(&str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let (clause, values) = where_clause(filter, self.span_max()?);
        let mut sql = format!("SELECT record FROM events WHERE 1 = 1{clause}");
        sql.push_str(" ORDER BY date_start, id");
        if let Some((limit, offset)) = page {
            sql.push_str(&format!(
                " LIMIT {} OFFSET {}",
                limit.min(i64::MAX as usize),
                offset.min(i64::MAX as usize)
            ));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
        while let Some(row) = rows.next()? {
            f(row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?)?;
        }
        Ok(())
    }

    /// Whether document `id` is stored with content hash `hash` (to skip unchanged inputs early).
    pub fn has_content(&self, id: &str, hash: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM documents WHERE id = ?1 AND content_hash = ?2 AND status = 'ok'",
                params![id, hash],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hadath_text::Lang;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            lang: Lang::Ar,
            published: "2022-01-06".parse().ok(),
            url: None,
        }
    }

    fn put(store: &mut Store, d: &Document) -> Outcome {
        let (events, _) = hadath_event::extract(d);
        let run = store.begin_run().unwrap();
        store.put_document(run, &d.id, d, &events).unwrap()
    }

    #[test]
    fn same_content_is_a_no_op_and_changed_content_replaces_events() {
        let mut store = Store::open_in_memory().unwrap();
        let a = doc(
            "a",
            "قتل خمسة عشر شخصا في هجوم على سوق في بغداد يوم الثلاثاء.",
        );
        assert_eq!(put(&mut store, &a), Outcome::New);
        let first = store.counts().unwrap();
        assert_eq!((first.documents, first.events), (1, 1));
        assert_eq!(put(&mut store, &a), Outcome::Unchanged);
        assert_eq!(store.counts().unwrap().events, 1);
        let changed = doc("a", "تظاهر آلاف في عمّان يوم الجمعة.");
        assert_eq!(put(&mut store, &changed), Outcome::Replaced);
        let events = store.events(&Filter::default()).unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0]["type"], "PROTEST");
    }

    #[test]
    fn failures_are_recorded_and_filters_are_parameters() {
        let mut store = Store::open_in_memory().unwrap();
        let run = store.begin_run().unwrap();
        store
            .put_failure(run, "bad.txt", "not valid UTF-8 at byte 3")
            .unwrap();
        put(
            &mut store,
            &doc(
                "b",
                "قتل خمسة عشر شخصا في هجوم على سوق في بغداد يوم الثلاثاء.",
            ),
        );
        assert_eq!(
            store.failures().unwrap(),
            vec![Failure {
                source: "bad.txt".into(),
                error: "not valid UTF-8 at byte 3".into()
            }]
        );
        let iq = Filter {
            country: Some("iq".into()),
            ..Filter::default()
        };
        assert_eq!(store.events(&iq).unwrap().len(), 1);
        // Tuesday before the Thursday of publication; an attack that killed people.
        assert_eq!(
            store.histogram(&iq).unwrap(),
            vec![("2022-01-04".to_string(), "ASSAULT".to_string(), 1)]
        );
        // A filter value that looks like SQL is just a value.
        let sqlish = Filter {
            country: Some("IQ' OR '1'='1".into()),
            ..Filter::default()
        };
        assert!(store.events(&sqlish).unwrap().is_empty());
        let later = Filter {
            from: "2022-02-01".parse().ok(),
            ..Filter::default()
        };
        assert!(store.events(&later).unwrap().is_empty());
    }

    #[test]
    fn a_date_filter_finds_long_events_that_overlap_it() {
        let mut store = Store::open_in_memory().unwrap();
        // A year-long event (2011) and a day-long one (Tuesday 2022-01-04).
        put(
            &mut store,
            &doc(
                "y",
                "في عام 2011 قتلت الشرطة خمسة عشر عاملا في مدينة جاناوزن.",
            ),
        );
        put(
            &mut store,
            &doc(
                "d",
                "قتل خمسة عشر شخصا في هجوم على سوق في بغداد يوم الثلاثاء.",
            ),
        );
        let dates = |from: &str, to: &str| -> Vec<String> {
            let filter = Filter {
                from: from.parse().ok(),
                to: to.parse().ok(),
                ..Filter::default()
            };
            assert_eq!(
                store.count(&filter).unwrap() as usize,
                store.events(&filter).unwrap().len()
            );
            store
                .events(&filter)
                .unwrap()
                .iter()
                .map(|e| e["date"]["start"].as_str().unwrap().to_string())
                .collect()
        };
        // December 2011 lies inside the year-long event, which starts eleven months earlier.
        assert_eq!(dates("2011-12-01", "2011-12-31"), ["2011-01-01"]);
        assert_eq!(
            dates("2011-12-31", "2022-01-04"),
            ["2011-01-01", "2022-01-04"]
        );
        assert!(dates("2012-01-01", "2022-01-03").is_empty());
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = std::env::temp_dir().join(format!("hadath-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("newer.db");
        let _ = std::fs::remove_file(&path);
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", 99).unwrap();
        }
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::NewerSchema { found: 99, .. })
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
