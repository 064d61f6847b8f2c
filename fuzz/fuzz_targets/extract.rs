//! Any text, Arabic or English, explained or not: events whose spans lie on character boundaries
//! of the text.
#![no_main]

use hadath_text::{Document, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (bool, bool, &str)| {
    let (arabic, explain, text) = data;
    let lang = if arabic { Lang::Ar } else { Lang::En };
    let doc = Document { id: "fuzz".into(), text: text.into(), lang, published: "2022-01-06".parse().ok(), url: None };
    let options = hadath_event::Options { explain, ..hadath_event::Options::default() };
    let (events, _) = hadath_event::extract_with(&doc, &options);
    for e in events {
        assert!(text.get(e.trigger.span.start()..e.trigger.span.end()).is_some());
        assert!(text.get(e.evidence.span.start()..e.evidence.span.end()).is_some());
    }
});
