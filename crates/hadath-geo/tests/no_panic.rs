//! Any name, in any script, gets an answer (possibly empty) without a panic.

use hadath_geo::{Gazetteer, GeoContext, GeocodeOptions, align, arabic_skeletons, latin_skeletons};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\u{0600}-\\u{06FF} ]{0,40}",
        "[a-zA-Z \\-'’]{0,40}",
        "\\PC{0,60}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn geocode_never_panics(query in name(), country in "[A-Z]{2}") {
        let g = Gazetteer::embedded();
        let context = GeoContext { countries: vec![country], near: vec![(0.0, 0.0)] };
        let found = g.geocode(&query, &context, &GeocodeOptions::default());
        prop_assert!(found.len() <= GeocodeOptions::default().limit);
        prop_assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn readings_and_costs_are_bounded(arabic in name(), latin in "[a-z ]{0,120}") {
        prop_assert!(arabic_skeletons(&arabic).len() <= 16);
        prop_assert!(latin_skeletons(&latin).len() <= 16);
        let cost = align::cost(&arabic, &latin);
        prop_assert!(cost.is_finite() && cost >= 0.0);
    }
}
