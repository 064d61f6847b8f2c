//! The name recogniser in extraction: sentences written for these tests, each expectation checked
//! by hand against the Arabic.

use hadath_event::{Event, Options, extract_with};
use hadath_text::{Document, Lang};

fn events(text: &str, entities: bool) -> Vec<Event> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang: Lang::Ar,
        published: "2022-01-10".parse().ok(),
        url: None,
    };
    let options = Options {
        entities,
        ..Options::default()
    };
    extract_with(&doc, &options).0
}

fn actor(a: Option<&hadath_event::Actor>) -> Option<(&str, Option<&str>, Option<&str>)> {
    a.map(|a| (a.text.as_str(), a.country.as_deref(), a.sector.as_deref()))
}

#[test]
fn a_title_and_the_name_after_it_are_one_actor() {
    // "The protesters demanded that President Kassym-Jomart Tokayev resign."
    let text = "وطالب المتظاهرون الرئيس قاسم جومارت توكاييف بالاستقالة.";
    let with = events(text, true);
    assert_eq!(with[0].event_type.as_str(), "REQUEST");
    assert_eq!(
        actor(with[0].target.as_ref()),
        Some(("الرئيس قاسم جومارت توكاييف", None, Some("GOV")))
    );
    // Without the recogniser, the title alone.
    let without = events(text, false);
    assert_eq!(
        actor(without[0].target.as_ref()),
        Some(("الرئيس", None, Some("GOV")))
    );
}

#[test]
fn a_person_named_after_a_collective_actor_is_another_actor() {
    // "Moroccan police arrested Nasser Zefzafi in the city of Al Hoceima on Monday": the police
    // arrest, the man is arrested (his country is the event's; no sector is written).
    let with = events(
        "اعتقلت الشرطة المغربية ناصر الزفزافي في مدينة الحسيمة يوم الاثنين.",
        true,
    );
    assert_eq!(with.len(), 1);
    assert_eq!(with[0].event_type.as_str(), "COERCE");
    assert_eq!(
        actor(with[0].source.as_ref()),
        Some(("الشرطة المغربية", Some("MAR"), Some("COP")))
    );
    assert_eq!(
        actor(with[0].target.as_ref()),
        Some(("ناصر الزفزافي", Some("MAR"), None))
    );
    // The police's country is written (المغربية); the man's is the event's place's.
    use hadath_event::CountrySource;
    let source = |a: &Option<hadath_event::Actor>| a.as_ref().and_then(|a| a.country_source);
    assert_eq!(source(&with[0].source), Some(CountrySource::Text));
    assert_eq!(source(&with[0].target), Some(CountrySource::Context));
}

#[test]
fn a_square_named_after_a_person_is_no_actor() {
    // "Thousands of people demonstrated in Abdel Hamid Karami Square in Tripoli."
    let with = events("تظاهر آلاف الأشخاص في ساحة عبد الحميد كرامي في طرابلس.", true);
    assert_eq!(with.len(), 1);
    assert_eq!(with[0].event_type.as_str(), "PROTEST");
    let named: Vec<&str> = [&with[0].source, &with[0].target]
        .into_iter()
        .flatten()
        .map(|a| a.text.as_str())
        .collect();
    assert!(!named.iter().any(|t| t.contains("كرامي")), "{named:?}");
}

#[test]
fn a_person_after_the_verb_of_a_subject_before_it_is_the_target() {
    // "Unknown gunmen assassinated Nasser Zefzafi in Rabat yesterday": the subject stands before
    // the verb; the name after it is who was attacked.
    let with = events("مسلحون مجهولون اغتالوا أمس ناصر الزفزافي في الرباط.", true);
    assert_eq!(with.len(), 1);
    assert_eq!(with[0].event_type.as_str(), "ASSAULT");
    assert_eq!(
        with[0]
            .source
            .as_ref()
            .map(|a| (a.text.as_str(), a.sector.as_deref())),
        Some(("مسلحون", Some("UAF")))
    );
    assert_eq!(
        with[0].target.as_ref().map(|a| a.text.as_str()),
        Some("ناصر الزفزافي")
    );
}

#[test]
fn a_title_and_its_name_apart_by_a_comma_or_in_apposition_are_one_actor() {
    // "The Bolivian president, Evo Morales, announced his resignation on Sunday": the comma
    // between title and name ends no clause, and the resignation is the president's.
    let resigned = events(
        "وأعلن الرئيس البوليفي، إيفو موراليس استقالته من منصبه يوم الأحد.",
        true,
    );
    assert_eq!(resigned[0].event_type.as_str(), "RETREAT");
    assert_eq!(
        actor(resigned[0].source.as_ref()),
        Some(("الرئيس البوليفي، إيفو موراليس", Some("BOL"), Some("GOV")))
    );
    // "Thousands demonstrated against Ehud Olmert, the Israeli prime minister, in Tel Aviv": the
    // name and the title after it are the one the protest is against, and not who protests.
    let protest = events(
        "وتظاهر الآلاف ضد إيهود أولمرت رئيس الوزراء الإسرائيلي في تل أبيب يوم الأحد.",
        true,
    );
    assert_eq!(protest[0].event_type.as_str(), "PROTEST");
    assert_eq!(actor(protest[0].source.as_ref()), None);
    assert_eq!(
        actor(protest[0].target.as_ref()),
        Some((
            "إيهود أولمرت رئيس الوزراء الإسرائيلي",
            Some("ISR"),
            Some("GOV")
        ))
    );
    // A name right after the verb is its subject, the title after it another person: "Mahmoud
    // Abbas criticised the Israeli prime minister" keeps two actors.
    let accuse = events("وانتقد محمود عباس رئيس الوزراء الإسرائيلي يوم الأحد.", true);
    assert_eq!(accuse[0].event_type.as_str(), "ACCUSE");
    let roles = [accuse[0].source.as_ref(), accuse[0].target.as_ref()];
    assert!(
        roles
            .iter()
            .any(|a| a.is_some_and(|a| a.text == "رئيس الوزراء الإسرائيلي")),
        "{accuse:#?}"
    );
}

#[test]
fn a_person_named_again_by_the_last_name_keeps_the_codes_of_the_first_mention() {
    // "President Kassym-Jomart Tokayev declared a state of emergency … Tokayev vowed to respond
    // firmly to the attackers … Clashes broke out between Tokayev's supporters and the
    // opposition": the second Tokayev is the president (GOV); the supporters are not.
    let text = "أعلن الرئيس قاسم جومارت توكاييف حالة الطوارئ في ألماتي يوم الأحد.\n\nوتعهد توكاييف بالرد بحزم على المهاجمين يوم الاثنين.\n\nواندلعت اشتباكات بين انصار توكاييف والمعارضة في ألماتي يوم الاثنين.";
    let all = events(text, true);
    let vow = all
        .iter()
        .find(|e| e.event_type.as_str() == "AGREE")
        .expect("the vow");
    assert_eq!(
        actor(vow.source.as_ref()),
        Some(("توكاييف", Some("KAZ"), Some("GOV")))
    );
    let clash = all
        .iter()
        .find(|e| e.event_type.as_str() == "ASSAULT")
        .expect("the clashes");
    for a in [clash.source.as_ref(), clash.target.as_ref()] {
        assert_ne!(
            a.and_then(|a| a.sector.as_deref()),
            Some("GOV"),
            "{clash:#?}"
        );
    }
}
