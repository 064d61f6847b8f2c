//! `hadath serve`: the store over HTTP, read-only.
//!
//! `GET /` (the web page: map, timeline, table, evidence; its assets are in the binary),
//! `GET /api/events` (filters, paging, JSON or GeoJSON), `GET /api/events/{id}` (the record and
//! its evidence in the document's text), `GET /api/histogram` (events a day, by type),
//! `GET /api/documents/{id}`, `POST /api/extract` (text in, events out, nothing written),
//! `POST /api/ingest` (only with `--allow-ingest` and the token), `GET /openapi.json`. Binds
//! 127.0.0.1 unless told otherwise; request bodies are limited and requests time out; no CORS
//! headers are sent.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use hadath_store::{Filter, Store};
use hadath_text::{Document, Lang};
use serde::Deserialize;
use serde_json::{Value, json};

/// Largest request body read (POST /api/extract), in bytes.
const BODY_LIMIT: usize = 1024 * 1024;
/// Longest a request may take.
const TIMEOUT: Duration = Duration::from_secs(30);
/// Largest page of events.
const MAX_PAGE: usize = 5_000;
/// Bytes of document text shown on each side of an event's evidence.
const CONTEXT_BYTES: usize = 600;

static OPENAPI: &str = include_str!("../../../schema/openapi.json");

/// The web page's files, served from the binary: the page works with no network.
static ASSETS: &[(&str, &str, &str)] = &[
    (
        "/",
        "text/html; charset=utf-8",
        include_str!("../web/index.html"),
    ),
    (
        "/app.js",
        "text/javascript; charset=utf-8",
        include_str!("../web/app.js"),
    ),
    (
        "/app.css",
        "text/css; charset=utf-8",
        include_str!("../web/app.css"),
    ),
    (
        "/world.json",
        "application/json",
        include_str!("../web/world.json"),
    ),
];

/// Shortest ingest token accepted.
pub const MIN_TOKEN_CHARS: usize = 16;

#[derive(Clone)]
struct App {
    db: PathBuf,
    /// Open connections to the store, reused between requests.
    pool: std::sync::Arc<std::sync::Mutex<Vec<Store>>>,
    /// The token `POST /api/ingest` wants; `None`: ingest is off (read-only).
    ingest_token: Option<std::sync::Arc<str>>,
    /// One ingest request writes at a time.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// An error as the API answers it: a status and `{"error": "…"}`.
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}"))
    }
}

fn bad_request(message: impl Into<String>) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, message.into())
}

/// Runs `f` with a connection to the store (from the pool, or a new one), on a blocking thread.
async fn with_store<T: Send + 'static>(
    app: &App,
    f: impl FnOnce(&Store) -> Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let (db, pool) = (app.db.clone(), app.pool.clone());
    tokio::task::spawn_blocking(move || {
        let pooled = pool
            .lock()
            .map_err(|_| anyhow::anyhow!("pool poisoned"))?
            .pop();
        let store = match pooled {
            Some(store) => store,
            None => Store::open(&db).with_context(|| format!("opening {}", db.display()))?,
        };
        let result = f(&store);
        if let Ok(mut pool) = pool.lock() {
            pool.push(store);
        }
        result
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
    .map_err(ApiError::from)
}

#[derive(Deserialize)]
struct EventsQuery {
    from: Option<String>,
    to: Option<String>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    country: Option<String>,
    doc: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
    format: Option<String>,
}

fn date_param(name: &str, value: Option<&str>) -> Result<Option<jiff::civil::Date>, ApiError> {
    value
        .map(|v| {
            v.parse()
                .map_err(|_| bad_request(format!("{name}: {v:?} is not a date (YYYY-MM-DD)")))
        })
        .transpose()
}

/// The store filter of a query's `from`, `to`, `type`, `country` and `doc`.
fn filter_of(q: EventsQuery) -> Result<Filter, ApiError> {
    Ok(Filter {
        from: date_param("from", q.from.as_deref())?,
        to: date_param("to", q.to.as_deref())?,
        event_type: q.event_type,
        country: q.country,
        doc_id: q.doc,
    })
}

async fn events(
    State(app): State<App>,
    Query(q): Query<EventsQuery>,
) -> Result<Response, ApiError> {
    let (limit, offset, format) = (q.limit, q.offset, q.format.clone());
    let filter = filter_of(q)?;
    let limit = limit.unwrap_or(500);
    if limit == 0 || limit > MAX_PAGE {
        return Err(bad_request(format!("limit: 1 to {MAX_PAGE}")));
    }
    let offset = offset.unwrap_or(0);
    let geojson = match format.as_deref() {
        None | Some("json") => false,
        Some("geojson") => true,
        Some(other) => return Err(bad_request(format!("format: {other:?} (json or geojson)"))),
    };
    if !geojson {
        // The records go out as stored: spliced into the answer, not parsed and written again.
        let (records, total) =
            with_store(
                &app,
                move |s| Ok(s.events_page_raw(&filter, limit, offset)?),
            )
            .await?;
        let mut body =
            String::with_capacity(records.iter().map(|r| r.len() + 1).sum::<usize>() + 64);
        body.push_str(&format!(
            "{{\"total\":{total},\"limit\":{limit},\"offset\":{offset},\"events\":["
        ));
        for (i, record) in records.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(record);
        }
        body.push_str("]}");
        return Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response());
    }
    let (events, total) =
        with_store(&app, move |s| Ok(s.events_page(&filter, limit, offset)?)).await?;
    {
        let features: Vec<Value> = events.iter().filter_map(crate::output::feature).collect();
        let body = json!({"type": "FeatureCollection", "features": features, "total": total, "limit": limit, "offset": offset});
        Ok((
            [(header::CONTENT_TYPE, "application/geo+json")],
            body.to_string(),
        )
            .into_response())
    }
}

async fn event(State(app): State<App>, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let (event, document) = with_store(&app, move |s| {
        let Some(event) = s.event(&id)? else {
            return Ok((None, None));
        };
        let document = event["doc_id"]
            .as_str()
            .map(|d| s.document(d))
            .transpose()?
            .flatten();
        Ok((Some(event), document))
    })
    .await?;
    let Some(event) = event else {
        return Err(ApiError(StatusCode::NOT_FOUND, "no such event".into()));
    };
    // The evidence sentence with the text around it, cut on character boundaries, and in parts
    // (context, evidence, trigger) so that a page can mark them without counting bytes.
    let context = document
        .as_ref()
        .and_then(|d| evidence_context(&d.text, &event));
    Ok(Json(
        json!({"event": event, "context": context, "lang": document.and_then(|d| d.lang)}),
    ))
}

async fn document(State(app): State<App>, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let found = with_store(&app, move |s| {
        let Some(doc) = s.document(&id)? else {
            return Ok(None);
        };
        let filter = Filter {
            doc_id: Some(id),
            ..Filter::default()
        };
        let ids: Vec<Value> = s
            .events(&filter)?
            .into_iter()
            .map(|e| e["id"].clone())
            .collect();
        Ok(Some((doc, ids)))
    })
    .await?;
    let Some((doc, ids)) = found else {
        return Err(ApiError(StatusCode::NOT_FOUND, "no such document".into()));
    };
    Ok(Json(json!({"document": doc, "events": ids})))
}

/// A byte span `[start, end]` of a record field.
fn span_of(value: &Value) -> Option<(usize, usize)> {
    let span = value.as_array()?;
    let (start, end) = (span.first()?.as_u64()?, span.get(1)?.as_u64()?);
    (start <= end).then_some((start as usize, end as usize))
}

/// The evidence of `event` in `text` with up to [`CONTEXT_BYTES`] on each side: the text, its
/// offset, the evidence span within it, and the text cut into parts whose `role` is `context`,
/// `evidence` or `trigger`.
fn evidence_context(text: &str, event: &Value) -> Option<Value> {
    let (start, end) = span_of(&event["evidence"]["span"])?;
    if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let mut from = start.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    // Start and stop between words, not inside one.
    if from > 0
        && let Some(space) = text[from..start].find(char::is_whitespace)
    {
        from += space;
    }
    if to < text.len()
        && let Some(space) = text[end..to].rfind(char::is_whitespace)
    {
        to = end + space;
    }
    // Cuts in document offsets, in order; the trigger only when it lies inside the evidence.
    let mut cuts = vec![(from, "context"), (start, "evidence")];
    match span_of(&event["trigger"]["span"]) {
        Some((t0, t1))
            if start <= t0
                && t1 <= end
                && t0 < t1
                && text.is_char_boundary(t0)
                && text.is_char_boundary(t1) =>
        {
            cuts.extend([(t0, "trigger"), (t1, "evidence")]);
        }
        _ => {}
    }
    cuts.push((end, "context"));
    cuts.push((to, ""));
    let parts: Vec<Value> = cuts
        .windows(2)
        .filter(|w| w[0].0 < w[1].0)
        .map(|w| json!({"role": w[0].1, "text": &text[w[0].0..w[1].0]}))
        .collect();
    Some(
        json!({"text": &text[from..to], "offset": from, "evidence": [start - from, end - from], "parts": parts}),
    )
}

/// `GET /api/histogram`: the events' filters; paging and format do not apply.
async fn histogram(
    State(app): State<App>,
    Query(q): Query<EventsQuery>,
) -> Result<Json<Value>, ApiError> {
    let filter = filter_of(q)?;
    let rows = with_store(&app, move |s| Ok(s.histogram(&filter)?)).await?;
    let days: Vec<Value> = rows
        .into_iter()
        .map(|(date, t, n)| json!({"date": date, "type": t, "count": n}))
        .collect();
    Ok(Json(json!({ "days": days })))
}

#[derive(Deserialize)]
struct ExtractRequest {
    text: String,
    published: Option<String>,
    lang: Option<String>,
    id: Option<String>,
}

async fn extract(body: axum::body::Bytes) -> Result<Json<Value>, ApiError> {
    let request: ExtractRequest = serde_json::from_slice(&body).map_err(|e| {
        bad_request(format!(
            "body: {e} (expected {{\"text\", \"published\", \"lang\"}})"
        ))
    })?;
    if request.text.trim().is_empty() {
        return Err(bad_request("text: empty"));
    }
    let published = date_param("published", request.published.as_deref())?;
    let lang = match request.lang.as_deref() {
        None | Some("auto") => Lang::detect(&request.text),
        Some("ar") => Lang::Ar,
        Some("en") => Lang::En,
        Some(other) => return Err(bad_request(format!("lang: {other:?} (ar, en or auto)"))),
    };
    let doc = Document {
        id: request.id.unwrap_or_else(|| "request".into()),
        text: request.text,
        lang,
        published,
        url: None,
    };
    let events = tokio::task::spawn_blocking(move || hadath_pipeline::extract(&doc).0)
        .await
        .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(Json(json!({ "events": events })))
}

/// Whether `given` is `expected`, in time that does not depend on where they differ.
fn same_token(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// `POST /api/ingest`: a body of JSON Lines (`{"id","text","published","url","lang"}` a line, as
/// `hadath ingest` reads them) stored as one ingest run; bad lines are recorded as failures.
async fn ingest(
    State(app): State<App>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Result<Json<Value>, ApiError> {
    let Some(token) = app.ingest_token.clone() else {
        return Err(ApiError(
            StatusCode::FORBIDDEN,
            "ingest is off: this server is read-only (hadath serve --allow-ingest)".into(),
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !same_token(given.as_bytes(), token.as_bytes()) {
        return Err(ApiError(
            StatusCode::UNAUTHORIZED,
            "Authorization: Bearer <token> missing or wrong".into(),
        ));
    }
    let _writing = app.writer.lock().await;
    let db = app.db.clone();
    let report = tokio::task::spawn_blocking(move || -> Result<Value> {
        let opts = hadath_pipeline::ReadOptions::default();
        let (docs, errors) =
            hadath_pipeline::read_bytes("request", &body, hadath_pipeline::Format::Jsonl, &opts);
        let extracted: Vec<_> = docs
            .into_iter()
            .map(|doc| {
                let (events, _) = hadath_pipeline::extract(&doc);
                (doc, events)
            })
            .collect();
        let mut store = Store::open(&db).with_context(|| format!("opening {}", db.display()))?;
        let run = store.begin_run()?;
        let mut stats = hadath_store::RunStats::default();
        let mut failures = Vec::new();
        for e in errors {
            let message = e.to_string();
            let (source, reason) = message.split_once(": ").unwrap_or((message.as_str(), ""));
            store.put_failure(run, source, reason)?;
            failures.push(json!({"source": source, "error": reason}));
            stats.read += 1;
            stats.failed += 1;
        }
        let mut events = 0;
        for (doc, found) in &extracted {
            stats.read += 1;
            match store.put_document(run, &doc.id, doc, found)? {
                hadath_store::Outcome::New => stats.new += 1,
                hadath_store::Outcome::Replaced => stats.replaced += 1,
                hadath_store::Outcome::Unchanged => stats.unchanged += 1,
            }
            events += found.len();
        }
        store.finish_run(run, &stats)?;
        Ok(json!({
            "read": stats.read, "new": stats.new, "replaced": stats.replaced,
            "unchanged": stats.unchanged, "failed": failures, "events": events,
        }))
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))??;
    Ok(Json(report))
}

async fn asset(uri: axum::http::Uri) -> Response {
    match ASSETS.iter().find(|(path, _, _)| *path == uri.path()) {
        Some((_, content_type, body)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *body,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// The routes, for `serve` and for tests.
fn router(db: PathBuf, ingest_token: Option<String>) -> Router {
    let mut router = Router::new();
    for (path, _, _) in ASSETS {
        router = router.route(path, get(asset));
    }
    router
        .route("/api/events", get(events))
        .route("/api/histogram", get(histogram))
        .route("/api/ingest", post(ingest))
        .route("/api/events/{id}", get(event))
        .route("/api/documents/{id}", get(document))
        .route("/api/extract", post(extract))
        .route("/openapi.json", get(openapi))
        // Bodies over the limit are refused on their Content-Length, before they are read.
        .layer(DefaultBodyLimit::disable())
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            TIMEOUT,
        ))
        .with_state(App {
            db,
            pool: Default::default(),
            ingest_token: ingest_token.map(Into::into),
            writer: Default::default(),
        })
}

/// Serves `db` on `addr`; `ingest_token` turns `POST /api/ingest` on.
pub fn run(db: PathBuf, addr: SocketAddr, ingest_token: Option<String>) -> Result<ExitCode> {
    if !db.exists() {
        eprintln!(
            "hadath serve: {} does not exist (hadath ingest creates it)",
            db.display()
        );
        return Ok(ExitCode::from(2));
    }
    // Fail early on a store this hadath cannot read.
    Store::open(&db).with_context(|| format!("opening {}", db.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding {addr}"))?;
        let local = listener.local_addr()?;
        eprintln!(
            "hadath serve: http://{local}/ ({}, {})",
            db.display(),
            if ingest_token.is_some() {
                "POST /api/ingest on, with the token"
            } else {
                "read-only"
            }
        );
        axum::serve(listener, router(db, ingest_token)).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}
