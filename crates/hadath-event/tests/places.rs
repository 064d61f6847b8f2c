//! Where an event happened when its sentence names no place, and names that are not places: short
//! texts written for these tests, every expectation checked by hand.

use hadath_event::{Options, extract_with};
use hadath_text::{Document, Lang};

/// (type, trigger, place name, the rule that chose the place) per event.
fn places(lang: Lang, text: &str) -> Vec<(String, String, Option<String>, String)> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang,
        published: "2023-03-13".parse().ok(),
        url: None,
    };
    let options = Options {
        explain: true,
        ..Options::default()
    };
    extract_with(&doc, &options)
        .0
        .into_iter()
        .map(|e| {
            let rule = e
                .explain
                .iter()
                .flatten()
                .find(|s| s.field == "location")
                .map(|s| s.rule.clone())
                .unwrap_or_default();
            (
                e.event_type.as_str().to_string(),
                e.trigger.text,
                e.location.map(|l| l.name),
                rule,
            )
        })
        .collect()
}

fn event(
    kind: &str,
    trigger: &str,
    place: &str,
    rule: &str,
) -> (String, String, Option<String>, String) {
    (kind.into(), trigger.into(), Some(place.into()), rule.into())
}

#[test]
fn an_event_without_a_place_is_in_the_city_the_document_names_most() {
    // The arrests are two paragraphs away from any place: Lyon is the only city named (twice).
    let text = "Thousands of people marched in Lyon on Saturday against the pension reform.\n\n\
                Organisers in Lyon said the march was the largest this year.\n\n\
                Police arrested 12 people, a spokesman said.";
    let got = places(Lang::En, text);
    assert!(
        got.contains(&event("COERCE", "arrested", "Lyon", "document-city")),
        "{got:#?}"
    );
}

#[test]
fn two_cities_named_alike_leave_the_event_at_the_country() {
    let text = "Thousands of people marched in Lyon on Saturday against the pension reform.\n\n\
                Another march was held in Marseille.\n\n\
                Police arrested 12 people, a spokesman said.";
    let got = places(Lang::En, text);
    assert!(
        got.contains(&event("COERCE", "arrested", "France", "document-country")),
        "{got:#?}"
    );
}

#[test]
fn a_city_in_a_street_name_is_not_where_the_event_is() {
    // Moscow Avenue (in Minsk), شارع بغداد (in Damascus): the nearer name is the street's.
    let got = places(
        Lang::En,
        "Protesters marched down Moscow Avenue in Minsk on Sunday.",
    );
    assert_eq!(
        got,
        vec![event(
            "PROTEST",
            "marched",
            "Minsk",
            "place-in-clause-after-cue"
        )]
    );
    let got = places(
        Lang::Ar,
        "تجمع مئات المتظاهرين في شارع بغداد وسط دمشق يوم الجمعة.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].2.as_deref(), Some("Damascus"), "{got:#?}");
}

#[test]
fn the_document_is_about_the_country_its_places_name_not_its_demonyms() {
    // "American" three times, Kabul once: the news is in Afghanistan (the condemnation, placed
    // by the document, goes to Kabul, not to the United States).
    let text = "قتل 13 جنديا أمريكيا في هجوم على مطار كابول أمس.\n\n\
                وقال مسؤولون أمريكيون إن القوات الأمريكية ستواصل عملها.\n\n\
                وأدان الرئيس الأمريكي الهجوم.";
    let got = places(Lang::Ar, text);
    assert!(
        got.contains(&event("ACCUSE", "وأدان", "Kabul", "document-city")),
        "{got:#?}"
    );
}

#[test]
fn the_capital_is_the_capital_of_the_country_named_or_of_the_document() {
    // "the Somali capital": Mogadishu, whatever else the document names.
    for (lang, text) in [
        (
            Lang::Ar,
            "تظاهر آلاف الأشخاص في العاصمة الصومالية ضد ارتفاع الأسعار.",
        ),
        (
            Lang::En,
            "Thousands of people marched in the Somali capital on Saturday.",
        ),
    ] {
        let got = places(lang, text);
        assert!(
            got.iter().any(|e| e.0 == "PROTEST"
                && e.2.as_deref() == Some("Mogadishu")
                && e.3 == "capital-named"),
            "{got:#?}"
        );
    }
    // "the capital" alone: the capital of the country whose places the document names.
    let text = "Police clashed with protesters in Kisumu and Mombasa on Monday.\n\n\
                In the capital, police arrested 40 people, a spokesman said.";
    let got = places(Lang::En, text);
    assert!(
        got.contains(&event(
            "COERCE",
            "arrested",
            "Nairobi",
            "capital-of-country"
        )),
        "{got:#?}"
    );
    // A demonym alone does not say which country's capital: the American army's operations "in
    // the capital" of a one-sentence text stay unplaced at a city.
    let got = places(
        Lang::Ar,
        "وأعلن الجيش الامريكي أن قواته قتلت مسلحا خلال عمليات في العاصمة.",
    );
    assert!(
        got.iter().all(|e| e.2.as_deref() != Some("Washington")),
        "{got:#?}"
    );
}

#[test]
fn a_neighbour_listing_several_cities_lends_none() {
    // The call for calm follows nothing placed and precedes a sentence about protests in three
    // other towns: it is not in the first town of that list.
    let text = "Hundreds protested near the prime minister's office in Amman on Monday. \
                Police officials said there would be no change. \
                The police chief called on them to stay peaceful. \
                Jordanians also joined protests in Karak, Irbid and Ramtha.";
    let got = places(Lang::En, text);
    let call = got.iter().find(|e| e.0 == "REQUEST").expect("a request");
    assert_ne!(call.2.as_deref(), Some("Karak"), "{got:#?}");
    assert_ne!(call.3, "city-in-paragraph", "{got:#?}");
}

#[test]
fn a_definite_place_noun_is_followed_by_its_adjective_not_a_name() {
    // "the coastal city" (المدينة الساحلية): an adjective after a definite noun, not a town's
    // name; read by transliteration it was Salihli, a town in Turkey.
    let text = "تدفق المتظاهرون على أزمير من كل أنحاء تركيا.\n\n\
                ووقع تفجير في المدينة الساحلية أمس وأسفر عن مقتل شخص.";
    let got = places(Lang::Ar, text);
    assert!(!got.is_empty(), "{got:#?}");
    assert!(
        got.iter()
            .all(|(_, _, place, _)| place.as_deref() != Some("Salihli")),
        "{got:#?}"
    );
}

#[test]
fn both_spellings_of_american_code_the_actor_and_neither_places_the_event() {
    // أميركي and أمريكي are one demonym; American forces are most often abroad, so the demonym
    // alone does not put the event in the United States (the sentence names no place).
    for text in [
        "قصفت الطائرات الأميركية مواقع للمسلحين أمس.",
        "قصفت الطائرات الأمريكية مواقع للمسلحين أمس.",
    ] {
        let doc = Document {
            id: "t".into(),
            text: text.into(),
            lang: Lang::Ar,
            published: "2023-03-13".parse().ok(),
            url: None,
        };
        let events = extract_with(&doc, &Options::default()).0;
        let attack = events
            .iter()
            .find(|e| e.event_type.as_str() == "ASSAULT")
            .expect("an attack");
        let source = attack.source.as_ref().expect("a source");
        assert_eq!(
            (source.country.as_deref(), source.sector.as_deref()),
            (Some("USA"), Some("MIL")),
            "{text}"
        );
        assert!(attack.location.is_none(), "{text}: {:?}", attack.location);
    }
}
