//! Extraction never panics and every span it returns lies on char boundaries and slices to its text.

use hadath_text::{Document, Lang};
use proptest::prelude::*;

fn check(text: String, lang: Lang) {
    let doc = Document {
        id: "p".into(),
        text,
        lang,
        published: "2022-01-06".parse().ok(),
        url: None,
    };
    let (events, _) = hadath_pipeline::extract(&doc);
    for e in events {
        for ts in [&e.trigger, &e.evidence] {
            assert_eq!(
                doc.text.get(ts.span.start()..ts.span.end()),
                Some(ts.text.as_str())
            );
        }
        if let Some(f) = &e.fatalities {
            assert_eq!(
                doc.text.get(f.span.start()..f.span.end()),
                Some(f.text.as_str())
            );
        }
        assert!(e.date.start <= e.date.end);
    }
}

// Words the grammars react to, mixed with noise, so the generator reaches the interesting paths.
const PIECES: &[&str] = &[
    "قتل",
    "ما لا يقل عن",
    "خمسة",
    "عشر",
    "عشرات",
    "الآلاف",
    "يوم",
    "الأربعاء",
    "ليلة",
    "السبت",
    "في",
    "عام",
    "2011",
    "ألماتي",
    "بلدة",
    "مدينة",
    "زاناوزن",
    "الشرطة",
    "اعتقال",
    "احتجاجات",
    "لم",
    "قال",
    "،",
    ".",
    "؟",
    "\n",
    "/",
    "كانون",
    "الثاني",
    "يناير",
    "قبل",
    "منذ",
    "killed",
    "at least",
    "dozens",
    "on",
    "Monday",
    "January",
    "8",
    "police",
    "in",
    "Minsk",
    "protest",
    "-",
    "\"",
    "٣",
    "١٥",
    "ـ",
    "\u{200f}",
    "َ",
    "ﻻ",
    "2022/1/5",
    "a",
    "x",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn word_salad(pieces in proptest::collection::vec(0..PIECES.len(), 0..60), lang in prop_oneof![Just(Lang::Ar), Just(Lang::En)]) {
        let text: Vec<&str> = pieces.into_iter().map(|i| PIECES[i]).collect();
        check(text.join(" "), lang);
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,300}") {
        check(text.clone(), Lang::Ar);
        check(text, Lang::En);
    }
}

#[test]
fn long_inputs_stay_fast_enough_to_finish() {
    check("قتل ".repeat(10_000), Lang::Ar);
    check("9".repeat(5_000), Lang::Ar);
    check("عشرات ".repeat(2_000), Lang::Ar);
    check(format!("{}.", "a".repeat(100_000)), Lang::En);
}
