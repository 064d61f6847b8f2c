//! `hadath serve`: the store over HTTP, read-only.
//!
//! `GET /api/events` (filters, paging, JSON or GeoJSON), `GET /api/events/{id}` (the record and
//! its evidence in the document's text), `GET /api/documents/{id}`, `POST /api/extract` (text in,
//! events out, nothing written), `GET /openapi.json`. Binds 127.0.0.1 unless told otherwise;
//! request bodies are limited and requests time out; no CORS headers are sent.

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

#[derive(Clone)]
struct App {
    db: PathBuf,
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

/// Opens the store for one request, on a blocking thread.
async fn with_store<T: Send + 'static>(
    app: &App,
    f: impl FnOnce(&Store) -> Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let db = app.db.clone();
    tokio::task::spawn_blocking(move || {
        let store = Store::open(&db).with_context(|| format!("opening {}", db.display()))?;
        f(&store)
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

async fn events(
    State(app): State<App>,
    Query(q): Query<EventsQuery>,
) -> Result<Response, ApiError> {
    let filter = Filter {
        from: date_param("from", q.from.as_deref())?,
        to: date_param("to", q.to.as_deref())?,
        event_type: q.event_type,
        country: q.country,
        doc_id: q.doc,
    };
    let limit = q.limit.unwrap_or(500);
    if limit == 0 || limit > MAX_PAGE {
        return Err(bad_request(format!("limit: 1 to {MAX_PAGE}")));
    }
    let offset = q.offset.unwrap_or(0);
    let geojson = match q.format.as_deref() {
        None | Some("json") => false,
        Some("geojson") => true,
        Some(other) => return Err(bad_request(format!("format: {other:?} (json or geojson)"))),
    };
    let (events, total) =
        with_store(&app, move |s| Ok(s.events_page(&filter, limit, offset)?)).await?;
    if geojson {
        let features: Vec<Value> = events.iter().filter_map(crate::output::feature).collect();
        let body = json!({"type": "FeatureCollection", "features": features, "total": total, "limit": limit, "offset": offset});
        return Ok((
            [(header::CONTENT_TYPE, "application/geo+json")],
            body.to_string(),
        )
            .into_response());
    }
    Ok(
        Json(json!({"total": total, "limit": limit, "offset": offset, "events": events}))
            .into_response(),
    )
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
    // The evidence sentence with the text around it, cut on character boundaries.
    let context = document.as_ref().and_then(|d| {
        let span = event["evidence"]["span"].as_array()?;
        let (start, end) = (span.first()?.as_u64()? as usize, span.get(1)?.as_u64()? as usize);
        let text = d.text.as_str();
        let mut from = start.saturating_sub(CONTEXT_BYTES);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + CONTEXT_BYTES).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        Some(json!({"text": text.get(from..to)?, "offset": from, "evidence": [start - from, end - from]}))
    });
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

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// The routes, for `serve` and for tests.
fn router(db: PathBuf) -> Router {
    Router::new()
        .route("/api/events", get(events))
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
        .with_state(App { db })
}

pub fn run(db: PathBuf, addr: SocketAddr) -> Result<ExitCode> {
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
            "hadath serve: http://{local}/ ({}, read-only)",
            db.display()
        );
        axum::serve(listener, router(db)).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}
