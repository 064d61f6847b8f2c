use std::path::{Path, PathBuf};

use hadath_text::{Document, Lang};
use jiff::civil::Date;
use serde::Deserialize;

use crate::html_to_text;

/// Largest document (or JSON line) read, in bytes: larger ones are refused with a clear error
/// rather than slowing a whole batch down.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// How an input is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text, one article.
    Text,
    /// An HTML page, one article.
    Html,
    /// JSON Lines: `{"id","text","published","url","lang"}` a line.
    Jsonl,
    /// An RSS 2.0 or Atom feed: one article an item (its content, or its description).
    Feed,
}

impl Format {
    /// The format a file name says (`.html`, `.htm`, `.jsonl`, `.ndjson`, `.rss`, `.atom`, `.xml`;
    /// anything else is text).
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("jsonl" | "ndjson") => Format::Jsonl,
            Some("rss" | "atom" | "xml") => Format::Feed,
            _ => Format::Text,
        }
    }

    /// The format bytes look like (for standard input).
    pub fn sniff(bytes: &[u8]) -> Format {
        let start = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(&[][..], |i| &bytes[i..]);
        let head = &start[..start.len().min(512)];
        let has = |needle: &[u8]| {
            head.windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
        };
        if start.starts_with(b"{") {
            Format::Jsonl
        } else if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            Format::Feed
        } else if start.starts_with(b"<") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// What the user says about inputs that the inputs may not say themselves.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Publication date of documents that carry none.
    pub published: Option<Date>,
    /// Language of all documents (detected when `None`).
    pub lang: Option<Lang>,
}

/// Why an input (or one line of it) could not be read. Each names the input and where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input.
        path: String,
        /// The system's reason.
        source: std::io::Error,
    },
    /// A directory where a file was expected.
    #[error("{path}: is a directory (pass the files in it)")]
    Directory {
        /// The input.
        path: String,
    },
    /// Not UTF-8.
    #[error("{path}: not valid UTF-8 at byte {offset}")]
    Utf8 {
        /// The input.
        path: String,
        /// First byte that is not UTF-8.
        offset: usize,
    },
    /// Binary data (NUL bytes).
    #[error("{path}: looks binary (NUL byte at {offset}), not text")]
    Binary {
        /// The input.
        path: String,
        /// The first NUL byte.
        offset: usize,
    },
    /// No text.
    #[error("{path}: empty (no text to read)")]
    Empty {
        /// The input.
        path: String,
    },
    /// Larger than [`MAX_DOCUMENT_BYTES`].
    #[error("{path}{}: {size} bytes is more than the {limit}-byte limit for one document", line.map(|l| format!(":{l}")).unwrap_or_default())]
    TooLarge {
        /// The input.
        path: String,
        /// Line, for JSON Lines.
        line: Option<usize>,
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A JSON line that does not parse or lacks `text`.
    #[error("{path}:{line}: {message}")]
    Json {
        /// The input.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A feed that does not parse, or an item of it without text.
    #[error("{path}{}: {message}", item.map(|i| format!(": item {i}")).unwrap_or_default())]
    Feed {
        /// The input.
        path: String,
        /// 1-based item, when one item is at fault.
        item: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A publication date that is not `YYYY-MM-DD`.
    #[error("{path}{}: publication date {value:?} is not a date (YYYY-MM-DD)", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Date {
        /// The input.
        path: String,
        /// Line, for JSON Lines.
        line: Option<usize>,
        /// The value found.
        value: String,
    },
}

/// Parses `YYYY-MM-DD`, or the date part of an RFC 3339 timestamp.
pub fn parse_date(value: &str) -> Option<Date> {
    let value = value.trim();
    value.get(..10).unwrap_or(value).parse().ok()
}

/// Reads one file (any [`Format`]) into documents. A JSON Lines file yields its good lines and an
/// error per bad line.
pub fn read_path(path: &Path, opts: &ReadOptions) -> (Vec<Document>, Vec<InputError>) {
    let name = path.display().to_string();
    if path.is_dir() {
        return (Vec::new(), vec![InputError::Directory { path: name }]);
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(source) => return (Vec::new(), vec![InputError::Io { path: name, source }]),
    };
    read_all(&name, &bytes, Format::from_path(path), opts, path)
}

fn read_all(
    name: &str,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
    path: &Path,
) -> (Vec<Document>, Vec<InputError>) {
    if format == Format::Jsonl {
        return read_jsonl(name, bytes, opts);
    }
    if format == Format::Feed {
        return read_feed(name, bytes, opts);
    }
    match read_one(name, bytes, format, opts, path) {
        Ok(doc) => (vec![doc], Vec::new()),
        Err(e) => (Vec::new(), vec![e]),
    }
}

/// Reads bytes that arrived under `name` (a file name, `-` for standard input, a request): the
/// documents read, and an error for each input (or JSON line) that could not be.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> (Vec<Document>, Vec<InputError>) {
    read_all(name, bytes, format, opts, Path::new(name))
}

fn check_text<'a>(name: &str, bytes: &'a [u8], line: Option<usize>) -> Result<&'a str, InputError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(InputError::TooLarge {
            path: name.into(),
            line,
            size: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(InputError::Binary {
            path: name.into(),
            offset,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::Utf8 {
        path: name.into(),
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InputError::Empty { path: name.into() });
    }
    Ok(text)
}

fn doc_id(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty() && *s != "-")
        .unwrap_or("stdin")
        .to_string()
}

fn read_one(
    name: &str,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
    path: &Path,
) -> Result<Document, InputError> {
    let text = check_text(name, bytes, None)?;
    let (text, meta_date) = match format {
        Format::Html => html_to_text(text),
        _ => (text.to_string(), None),
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty { path: name.into() });
    }
    // The page's own date first; --published for pages that carry none.
    let published = meta_date.as_deref().and_then(parse_date).or(opts.published);
    let lang = opts.lang.unwrap_or_else(|| Lang::detect(&text));
    Ok(Document {
        id: doc_id(path),
        text,
        lang,
        published,
        url: None,
    })
}

/// The items of an RSS or Atom feed, each an article: its content (or description) as text, its
/// publication (or update) date, its link; the item's id (or link) names it.
fn read_feed(name: &str, bytes: &[u8], opts: &ReadOptions) -> (Vec<Document>, Vec<InputError>) {
    if bytes.len() > 8 * MAX_DOCUMENT_BYTES {
        return (
            Vec::new(),
            vec![InputError::TooLarge {
                path: name.into(),
                line: None,
                size: bytes.len(),
                limit: 8 * MAX_DOCUMENT_BYTES,
            }],
        );
    }
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            return (
                Vec::new(),
                vec![InputError::Feed {
                    path: name.into(),
                    item: None,
                    message: format!("not an RSS or Atom feed: {e}"),
                }],
            );
        }
    };
    let stem = doc_id(&PathBuf::from(name));
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (idx, entry) in feed.entries.into_iter().enumerate() {
        let item = idx + 1;
        let html = entry
            .content
            .and_then(|c| c.body)
            .or_else(|| entry.summary.map(|s| s.content))
            .unwrap_or_default();
        let title = entry.title.map(|t| t.content).unwrap_or_default();
        let (body, _) = html_to_text(&html);
        let text = match (title.trim(), body.trim()) {
            ("", b) => b.to_string(),
            (t, "") => t.to_string(),
            (t, b) => format!("{t}\n\n{b}"),
        };
        if text.trim().is_empty() {
            errors.push(InputError::Feed {
                path: name.into(),
                item: Some(item),
                message: "no title, content or description".into(),
            });
            continue;
        }
        if text.len() > MAX_DOCUMENT_BYTES {
            errors.push(InputError::TooLarge {
                path: name.into(),
                line: Some(item),
                size: text.len(),
                limit: MAX_DOCUMENT_BYTES,
            });
            continue;
        }
        let url = entry.links.first().map(|l| l.href.clone());
        let id = if !entry.id.trim().is_empty() {
            entry.id
        } else {
            url.clone().unwrap_or_else(|| format!("{stem}#{item}"))
        };
        let published = entry
            .published
            .or(entry.updated)
            .and_then(|t| parse_date(&t.to_rfc3339()))
            .or(opts.published);
        let lang = opts.lang.unwrap_or_else(|| Lang::detect(&text));
        docs.push(Document {
            id,
            text,
            lang,
            published,
            url,
        });
    }
    (docs, errors)
}

#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
    url: Option<String>,
    lang: Option<String>,
}

fn read_jsonl(name: &str, bytes: &[u8], opts: &ReadOptions) -> (Vec<Document>, Vec<InputError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let stem = doc_id(&PathBuf::from(name));
    for (idx, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = idx + 1;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let text = match check_text(name, raw, Some(line)) {
            Ok(t) => t,
            Err(InputError::Utf8 { offset, .. }) => {
                errors.push(InputError::Json {
                    path: name.into(),
                    line,
                    message: format!("not valid UTF-8 at byte {offset} of the line"),
                });
                continue;
            }
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let parsed: JsonDoc = match serde_json::from_str(text) {
            Ok(p) => p,
            Err(e) => {
                errors.push(InputError::Json {
                    path: name.into(),
                    line,
                    message: format!("not a JSON object: {e}"),
                });
                continue;
            }
        };
        let Some(body) = parsed.text.filter(|t| !t.trim().is_empty()) else {
            errors.push(InputError::Json {
                path: name.into(),
                line,
                message: "no \"text\"".into(),
            });
            continue;
        };
        let published = match parsed.published.as_deref() {
            Some(value) => match parse_date(value) {
                Some(d) => Some(d),
                None => {
                    errors.push(InputError::Date {
                        path: name.into(),
                        line: Some(line),
                        value: value.into(),
                    });
                    continue;
                }
            },
            None => opts.published,
        };
        let lang = opts
            .lang
            .or_else(|| parsed.lang.as_deref().and_then(Lang::from_code))
            .unwrap_or_else(|| Lang::detect(&body));
        let id = match parsed.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{stem}:{line}"),
        };
        docs.push(Document {
            id,
            text: body,
            lang,
            published,
            url: parsed.url,
        });
    }
    if docs.is_empty() && errors.is_empty() {
        errors.push(InputError::Empty { path: name.into() });
    }
    (docs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ReadOptions {
        ReadOptions {
            published: "2022-01-06".parse().ok(),
            lang: None,
        }
    }

    /// The one error of an input that yields no document.
    fn only_error((docs, mut errors): (Vec<Document>, Vec<InputError>)) -> InputError {
        assert!(docs.is_empty() && errors.len() == 1, "{errors:?}");
        errors.remove(0)
    }

    #[test]
    fn bad_text_inputs_are_named_errors() {
        let err = only_error(read_bytes("a.txt", b"", Format::Text, &opts()));
        assert_eq!(err.to_string(), "a.txt: empty (no text to read)");
        let err = only_error(read_bytes("b.txt", b"ok \xff\xfe", Format::Text, &opts()));
        assert_eq!(err.to_string(), "b.txt: not valid UTF-8 at byte 3");
        let err = only_error(read_bytes(
            "c.bin",
            b"PK\x03\x04\x00\x00",
            Format::Text,
            &opts(),
        ));
        assert_eq!(
            err.to_string(),
            "c.bin: looks binary (NUL byte at 4), not text"
        );
        let big = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
        let err = only_error(read_bytes("d.txt", &big, Format::Text, &opts()));
        assert!(matches!(err, InputError::TooLarge { .. }), "{err}");
    }

    #[test]
    fn jsonl_keeps_good_lines_and_names_bad_ones() {
        let input = "{\"id\":\"x\",\"text\":\"قتل شخص\",\"published\":\"2022-01-05\"}\n\
                     not json\n\
                     {\"id\":2,\"text\":\"hello\",\"published\":\"05/01/2022\"}\n\
                     {\"id\":3}\n\
                     {\"text\":\"police arrested two\",\"lang\":\"en\"}\n";
        let (docs, errors) = read_all(
            "f.jsonl",
            input.as_bytes(),
            Format::Jsonl,
            &opts(),
            Path::new("f.jsonl"),
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "x");
        assert_eq!(
            docs[0].published.map(|d| d.to_string()).as_deref(),
            Some("2022-01-05")
        );
        assert_eq!(docs[1].id, "f:5");
        assert_eq!(docs[1].lang, Lang::En);
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 3);
        assert!(
            messages[0].starts_with("f.jsonl:2: not a JSON object"),
            "{}",
            messages[0]
        );
        assert_eq!(
            messages[1],
            "f.jsonl:3: publication date \"05/01/2022\" is not a date (YYYY-MM-DD)"
        );
        assert_eq!(messages[2], "f.jsonl:4: no \"text\"");
    }

    #[test]
    fn sniffs_standard_input() {
        assert_eq!(Format::sniff(b"  {\"text\":1}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"<!doctype html>"), Format::Html);
        assert_eq!(Format::sniff("قال".as_bytes()), Format::Text);
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            Format::sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
    }

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><guid>urn:wire:1</guid><title>احتجاجات في ألماتي</title><link>https://example.org/1</link>
<pubDate>Wed, 05 Jan 2022 10:00:00 GMT</pubDate>
<description>&lt;p&gt;تظاهر الآلاف في ألماتي يوم الأربعاء.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description></item>
<item><guid>urn:wire:2</guid></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2022-01-06T00:00:00Z</updated>
<entry><id>urn:wire:a</id><title>Police arrest 40</title><updated>2022-01-06T08:00:00Z</updated>
<link href="https://example.org/a"/><content type="html">&lt;p&gt;Police arrested 40 protesters in Cairo on Monday.&lt;/p&gt;</content></entry>
</feed>"#;

    #[test]
    fn feeds_give_one_article_an_item() {
        let (docs, errors) = read_all(
            "wire.rss",
            RSS.as_bytes(),
            Format::Feed,
            &opts(),
            Path::new("wire.rss"),
        );
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "urn:wire:1");
        assert_eq!(docs[0].url.as_deref(), Some("https://example.org/1"));
        assert_eq!(
            docs[0].published.map(|d| d.to_string()).as_deref(),
            Some("2022-01-05")
        );
        assert!(
            docs[0].text.starts_with("احتجاجات في ألماتي")
                && docs[0].text.contains("تظاهر الآلاف")
                && !docs[0].text.contains("x()"),
            "{}",
            docs[0].text
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "wire.rss: item 2: no title, content or description"
        );

        let (docs, errors) = read_all(
            "wire.atom",
            ATOM.as_bytes(),
            Format::Feed,
            &opts(),
            Path::new("wire.atom"),
        );
        assert!(errors.is_empty());
        assert_eq!(
            (docs[0].id.as_str(), docs[0].lang),
            ("urn:wire:a", Lang::En)
        );
        assert_eq!(
            docs[0].published.map(|d| d.to_string()).as_deref(),
            Some("2022-01-06")
        );

        let (docs, errors) = read_all(
            "bad.rss",
            b"<rss><channel><item>",
            Format::Feed,
            &opts(),
            Path::new("bad.rss"),
        );
        assert!(docs.is_empty());
        assert!(
            errors[0]
                .to_string()
                .starts_with("bad.rss: not an RSS or Atom feed"),
            "{}",
            errors[0]
        );
    }
}
