//! Any text through the number, ordinal, duration and time grammars, both ways in time.
#![no_main]

use hadath_text::LanguagePack;
use hadath_time::{Lean, Words, find_durations, find_numbers, find_ordinals, find_times, parse_times};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (bool, &str)| {
    let (arabic, text) = data;
    let pack: &dyn LanguagePack = if arabic { &hadath_ar::ArabicPack } else { &hadath_en::EnglishPack };
    let words = Words::analyse(pack, text);
    let view = words.view();
    let now = jiff::civil::date(2013, 2, 12).at(4, 30, 0, 0);
    let _ = find_numbers(pack.lang(), &view);
    let _ = find_ordinals(pack.lang(), &view);
    let _ = find_durations(pack.lang(), &view);
    for lean in [Lean::Past, Lean::Future] {
        for t in parse_times(pack.lang(), &view, now, lean) {
            assert!(t.tokens.start < t.tokens.end && t.tokens.end <= view.len());
        }
    }
    let _ = find_times(pack.lang(), &view, now.date());
});
