use ego_tree::iter::Edge;
use scraper::{Html, Node, Selector};

/// Elements whose text is not article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav", "footer",
];
/// Elements that break a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "article",
    "section",
    "blockquote",
    "header",
    "main",
    "aside",
    "figcaption",
    "dd",
    "dt",
    "pre",
    "hr",
    "title",
];

/// Deepest element nesting parsed as a tree; HTML5 parsing costs grow with the depth of open
/// elements (a page of 200,000 nested `<div>`s takes minutes), and no article nests this deep.
const MAX_NESTING: usize = 2_000;
/// Void elements, which never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// The deepest nesting of elements, counted from tags alone (stops counting past `limit`).
fn nesting_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        i += offset + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let name_len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        let end = memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > limit {
                return deepest;
            }
        }
        i = end.min(bytes.len());
    }
    deepest
}

/// The text of a page too deeply nested to parse as a tree: tags dropped, the contents of
/// scripts and styles too, a few entities decoded, blocks kept as lines where tags were.
fn strip_tags(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    while i < html.len() {
        let Some(offset) = html[i..].find('<') else {
            out.push_str(&html[i..]);
            break;
        };
        out.push_str(&html[i..i + offset]);
        let tag_start = i + offset;
        let tag_end = html[tag_start..]
            .find('>')
            .map_or(html.len(), |e| tag_start + e + 1);
        // Skip what scripts and styles hold.
        let skipped = ["script", "style"]
            .into_iter()
            .find(|t| lower[tag_start + 1..].starts_with(t));
        i = match skipped.and_then(|t| {
            lower[tag_end..]
                .find(&format!("</{t}"))
                .map(|e| tag_end + e)
        }) {
            Some(close) => close,
            None => tag_end,
        };
        out.push('\n');
    }
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of an HTML document (scripts, styles and navigation dropped, one line per block) and
/// the publication date in its meta tags, if any.
pub fn html_to_text(html: &str) -> (String, Option<String>) {
    if nesting_depth(html, MAX_NESTING) > MAX_NESTING {
        return (strip_tags(html), None);
    }
    let doc = Html::parse_document(html);
    let mut out = String::new();
    let mut skip_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if SKIPPED.contains(&name) {
                        skip_depth += 1;
                    } else if skip_depth == 0
                        && BLOCKS.contains(&name)
                        && !out.ends_with('\n')
                        && !out.is_empty()
                    {
                        out.push('\n');
                    }
                }
                Node::Text(t) if skip_depth == 0 => {
                    let text: &str = t;
                    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !collapsed.is_empty() {
                        if !out.is_empty()
                            && !out.ends_with('\n')
                            && !out.ends_with(' ')
                            && text.starts_with(char::is_whitespace)
                        {
                            out.push(' ');
                        }
                        out.push_str(&collapsed);
                        if text.ends_with(char::is_whitespace) {
                            out.push(' ');
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if SKIPPED.contains(&e.name()) {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else if skip_depth == 0
                        && BLOCKS.contains(&e.name())
                        && !out.ends_with('\n')
                        && !out.is_empty()
                    {
                        out.push('\n');
                    }
                }
            }
        }
    }
    let text = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    (text, published_meta(&doc))
}

fn published_meta(doc: &Html) -> Option<String> {
    let selectors = [
        "meta[property='article:published_time']",
        "meta[name='pubdate']",
        "meta[name='date']",
        "meta[itemprop='datePublished']",
        "meta[name='DC.date.issued']",
    ];
    for sel in selectors {
        let Ok(selector) = Selector::parse(sel) else {
            continue;
        };
        if let Some(content) = doc
            .select(&selector)
            .find_map(|e| e.value().attr("content"))
        {
            return Some(content.to_string());
        }
    }
    let time = Selector::parse("time[datetime]").ok()?;
    doc.select(&time)
        .find_map(|e| e.value().attr("datetime"))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_pages_are_read_without_a_tree() {
        let bomb = format!(
            "<html><body>{}<p>قتل خمسة عشر شخصا</p>{}<script>var x = '<div>';</script></body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert!(nesting_depth(&bomb, MAX_NESTING) > MAX_NESTING);
        let (text, date) = html_to_text(&bomb);
        assert_eq!(text, "قتل خمسة عشر شخصا");
        assert_eq!(date, None);
        // Ordinary pages are not affected: void elements and self-closing tags do not nest.
        assert!(nesting_depth("<p>a<br>b<img src=x/><hr/></p>", 10) == 1);
    }

    #[test]
    fn drops_scripts_and_keeps_blocks() {
        let (text, date) = html_to_text(
            "<html><head><title>t</title><meta property='article:published_time' content='2022-01-06T10:00:00Z'>\
             <script>var x = 'قتل';</script></head><body><p>الفقرة <b>الأولى</b>.</p><style>p{}</style><p>الثانية</p></body></html>",
        );
        assert_eq!(text, "الفقرة الأولى.\nالثانية");
        assert_eq!(date.as_deref(), Some("2022-01-06T10:00:00Z"));
    }

    #[test]
    fn malformed_html_still_gives_text() {
        let (text, _) = html_to_text("<div><p>open <i>never closed");
        assert_eq!(text, "open never closed");
        let deep = "<div>".repeat(5000) + "x";
        assert_eq!(html_to_text(&deep).0, "x");
    }
}
