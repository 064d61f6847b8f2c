//! The acceptance figures, measured by the same code as `hadath eval`: on the reference
//! article at least 8 of its 10 required gold events are found with precision at least 0.6. Also: on
//! every gold article at hand (reference and ../shared/examples/dev), every span of every event
//! slices its document to the text it claims.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn reference_article_meets_the_vertical_slice_thresholds() {
    let docs = hadath_eval::load(&[root().join("examples/kazakhstan-2022-ar.gold.jsonl")])
        .expect("reference gold");
    assert_eq!(docs.len(), 1);
    let (events, _) = hadath_event::extract(&docs[0].document);
    let score = hadath_eval::score(&events, &docs[0].events);
    assert_eq!(score.required, 10);
    assert!(
        score.matched_required >= 8,
        "required found: {}/10",
        score.matched_required
    );
    assert!(
        score.precision() >= 0.6,
        "precision {:.2}",
        score.precision()
    );
}

#[test]
fn spans_hold_on_every_gold_article() {
    let dev = root().join("../shared/examples/dev");
    assert!(
        dev.is_dir(),
        "{} is missing: the shared examples sit beside the repository",
        dev.display()
    );
    let docs = hadath_eval::load(&[dev, root().join("examples")]).expect("gold sets");
    assert!(docs.len() >= 22);
    for doc in docs {
        let text = &doc.document.text;
        let (events, _) = hadath_event::extract(&doc.document);
        for e in &events {
            let mut spans = vec![
                (&e.trigger.text, e.trigger.span),
                (&e.evidence.text, e.evidence.span),
            ];
            for actor in [&e.source, &e.target].into_iter().flatten() {
                spans.push((&actor.text, actor.span));
            }
            if let Some(f) = &e.fatalities {
                spans.push((&f.text, f.span));
            }
            for (claimed, span) in spans {
                assert_eq!(
                    text.get(span.start()..span.end()),
                    Some(claimed.as_str()),
                    "{} {}",
                    doc.document.id,
                    e.id
                );
            }
            if let (Some(t), Some(span)) = (&e.date.text, e.date.span) {
                assert_eq!(text.get(span.start()..span.end()), Some(t.as_str()));
            }
            if let Some(loc) = &e.location {
                if let (Some(t), Some(span)) = (&loc.text, loc.span) {
                    assert_eq!(text.get(span.start()..span.end()), Some(t.as_str()));
                }
            }
        }
    }
}
