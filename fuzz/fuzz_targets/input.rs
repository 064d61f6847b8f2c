//! Any bytes, read as text, HTML or JSON Lines (and sniffed): documents or a named error.
#![no_main]

use hadath_pipeline::{Format, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let opts = ReadOptions { published: None, lang: None };
    for format in [Format::Text, Format::Html, Format::Jsonl, Format::Feed, Format::sniff(bytes)] {
        let (docs, _) = read_bytes("fuzz", bytes, format, &opts);
        for doc in docs {
            assert!(!doc.text.is_empty() || format == Format::Jsonl);
        }
    }
});
