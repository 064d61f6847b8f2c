use ego_tree::iter::Edge;
use scraper::{Html, Node, Selector};

/// Elements whose text is not article text.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav", "footer"];
/// Elements that break a line.
const BLOCKS: &[&str] = &[
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "article", "section", "blockquote", "header",
    "main", "aside", "figcaption", "dd", "dt", "pre", "hr", "title",
];

/// The text of an HTML document (scripts, styles and navigation dropped, one line per block) and
/// the publication date in its meta tags, if any.
pub fn html_to_text(html: &str) -> (String, Option<String>) {
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
                    } else if skip_depth == 0 && BLOCKS.contains(&name) && !out.ends_with('\n') && !out.is_empty() {
                        out.push('\n');
                    }
                }
                Node::Text(t) if skip_depth == 0 => {
                    let text: &str = t;
                    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !collapsed.is_empty() {
                        if !out.is_empty() && !out.ends_with('\n') && !out.ends_with(' ') && text.starts_with(char::is_whitespace) {
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
                    } else if skip_depth == 0 && BLOCKS.contains(&e.name()) && !out.ends_with('\n') && !out.is_empty() {
                        out.push('\n');
                    }
                }
            }
        }
    }
    let text = out.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
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
        let Ok(selector) = Selector::parse(sel) else { continue };
        if let Some(content) = doc.select(&selector).find_map(|e| e.value().attr("content")) {
            return Some(content.to_string());
        }
    }
    let time = Selector::parse("time[datetime]").ok()?;
    doc.select(&time).find_map(|e| e.value().attr("datetime")).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

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
