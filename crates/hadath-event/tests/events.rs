//! Event extraction on short sentences written for these tests, one construction each, every
//! expectation checked by hand: type, trigger, date, place, fatalities, factuality.

use hadath_event::{Event, extract};
use hadath_text::{Document, Lang};

struct Expect {
    event_type: &'static str,
    trigger: &'static str,
    date: (&'static str, &'static str),
    place: Option<&'static str>,
    fatalities: Option<(Option<u64>, u64)>,
    factuality: &'static str,
}

fn check(lang: Lang, published: &str, text: &str, expected: &[Expect]) {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang,
        published: published.parse().ok(),
        url: None,
    };
    let (events, _) = extract(&doc);
    let summary = |e: &Event| {
        format!(
            "{} {:?} {}..{} {:?} {:?} {:?}",
            e.event_type.as_str(),
            e.trigger.text,
            e.date.start,
            e.date.end,
            e.location.as_ref().map(|l| l.name.as_str()),
            e.fatalities.as_ref().map(|f| (f.count, f.min)),
            e.factuality
        )
    };
    let got: Vec<String> = events.iter().map(summary).collect();
    assert_eq!(events.len(), expected.len(), "{text}\n{got:#?}");
    for (e, x) in events.iter().zip(expected) {
        let want = format!(
            "{} {:?} {}..{} {:?} {:?} {}",
            x.event_type, x.trigger, x.date.0, x.date.1, x.place, x.fatalities, x.factuality
        );
        let have = summary(e).to_lowercase();
        assert_eq!(have, want.to_lowercase(), "{text}");
    }
}

fn ev(
    event_type: &'static str,
    trigger: &'static str,
    date: (&'static str, &'static str),
    place: Option<&'static str>,
) -> Expect {
    Expect {
        event_type,
        trigger,
        date,
        place,
        fatalities: None,
        factuality: "asserted",
    }
}

// 2022-03-10 is a Thursday.
#[test]
fn arabic_attack_with_count_weekday_and_city() {
    check(
        Lang::Ar,
        "2022-03-10",
        "قتل خمسة عشر شخصا في هجوم على سوق في بغداد يوم الثلاثاء.",
        &[Expect {
            fatalities: Some((Some(15), 15)),
            ..ev(
                "ASSAULT",
                "قتل",
                ("2022-03-08", "2022-03-08"),
                Some("Baghdad"),
            )
        }],
    );
}

#[test]
fn arabic_arrest_claimed_with_vague_count() {
    check(
        Lang::Ar,
        "2022-03-10",
        "قالت الشرطة إنها اعتقلت عشرات المحتجين في الخرطوم أمس.",
        &[Expect {
            factuality: "claimed",
            ..ev(
                "COERCE",
                "اعتقلت",
                ("2022-03-09", "2022-03-09"),
                Some("Khartoum"),
            )
        }],
    );
}

#[test]
fn arabic_negated_and_planned() {
    check(
        Lang::Ar,
        "2022-03-10",
        // تونس names both the country and its capital: the country is the safer reading.
        "لم تعتقل السلطات أحدا في تونس.",
        &[Expect {
            factuality: "negated",
            ..ev(
                "COERCE",
                "تعتقل",
                ("2022-03-04", "2022-03-10"),
                Some("Tunisia"),
            )
        }],
    );
    check(
        Lang::Ar,
        "2022-03-10",
        // عمان without its shadda is also Oman: "the capital" settles it.
        "سيتظاهر العمال في العاصمة عمّان الأسبوع المقبل.",
        &[Expect {
            factuality: "planned",
            ..ev(
                "PROTEST",
                "سيتظاهر",
                ("2022-03-14", "2022-03-20"),
                Some("Amman"),
            )
        }],
    );
}

#[test]
fn arabic_year_and_month_names() {
    check(
        Lang::Ar,
        "2022-03-10",
        "في عام 2019 خرج المتظاهرون إلى الشوارع في الجزائر.",
        &[ev(
            "PROTEST",
            "خرج المتظاهرون إلى الشوارع",
            ("2019-01-01", "2019-12-31"),
            Some("Algeria"),
        )],
    );
    check(
        Lang::Ar,
        "2022-03-10",
        "فرضت السلطات حظر التجول في بيروت في 3 شباط/فبراير.",
        &[ev(
            "COERCE",
            "حظر التجول",
            ("2022-02-03", "2022-02-03"),
            Some("Beirut"),
        )],
    );
}

#[test]
fn english_attack_and_resignation() {
    check(
        Lang::En,
        "2022-03-10",
        "At least 12 people were killed in an explosion in Kabul on Monday.",
        &[Expect {
            fatalities: Some((Some(12), 12)),
            ..ev(
                "ASSAULT",
                "killed",
                ("2022-03-07", "2022-03-07"),
                Some("Kabul"),
            )
        }],
    );
    check(
        Lang::En,
        "2022-03-10",
        "The prime minister of Peru resigned yesterday.",
        &[ev(
            "RETREAT",
            "resigned",
            ("2022-03-09", "2022-03-09"),
            Some("Peru"),
        )],
    );
}

/// The killed, the injured and the arrested of one sentence, each count to its own marker.
fn counts(lang: Lang, text: &str) -> Vec<(String, [Option<u64>; 3])> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang,
        published: "2022-03-10".parse().ok(),
        url: None,
    };
    let (events, _) = extract(&doc);
    events
        .iter()
        .map(|e| {
            let c = |x: &Option<hadath_event::Fatalities>| x.as_ref().and_then(|f| f.count);
            (
                e.event_type.as_str().to_string(),
                [c(&e.fatalities), c(&e.injured), c(&e.arrested)],
            )
        })
        .collect()
}

#[test]
fn killed_injured_and_arrested_counts_go_to_their_markers() {
    assert_eq!(
        counts(
            Lang::Ar,
            "قتل 15 شخصا وأصيب 30 آخرون في هجوم على مركز للشرطة في بغداد أمس، واعتقلت قوات الأمن 12 مشتبها."
        ),
        vec![
            ("ASSAULT".into(), [Some(15), Some(30), None]),
            ("COERCE".into(), [None, None, Some(12)])
        ]
    );
    // Punctuation parts a count from the marker before it: 12 were injured, not killed.
    assert_eq!(
        counts(
            Lang::En,
            "Police arrested 40 protesters and two people were killed; 12 were injured."
        ),
        vec![
            ("COERCE".into(), [None, None, Some(40)]),
            ("ASSAULT".into(), [Some(2), Some(12), None])
        ]
    );
}

/// (type, source text and code, target text and code) of each event of an Arabic sentence.
fn actors(text: &str) -> Vec<(String, Option<(String, String)>, Option<(String, String)>)> {
    actors_in(Lang::Ar, text)
}

fn actors_in(
    lang: Lang,
    text: &str,
) -> Vec<(String, Option<(String, String)>, Option<(String, String)>)> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang,
        published: "2008-01-10".parse().ok(),
        url: None,
    };
    let code = |a: &hadath_event::Actor| {
        (
            a.text.clone(),
            format!(
                "{} {}",
                a.country.as_deref().unwrap_or("-"),
                a.sector.as_deref().unwrap_or("-")
            ),
        )
    };
    extract(&doc)
        .0
        .iter()
        .map(|e| {
            (
                e.event_type.as_str().to_string(),
                e.source.as_ref().map(code),
                e.target.as_ref().map(code),
            )
        })
        .collect()
}

#[test]
fn actors_follow_the_coding_conventions() {
    // "Twelve people were killed in a suicide attack in Baghdad yesterday": the passive is not
    // written; the people are the victims (target), and no author is named.
    let a = actors("قتل 12 شخصا في هجوم انتحاري في بغداد أمس.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].0, "ASSAULT");
    assert_eq!(a[0].1, None, "{a:?}");
    assert_eq!(a[0].2, Some(("شخصا".into(), "IRQ CVL".into())), "{a:?}");

    // "The police dispersed a demonstration organised by university students in Cairo": the
    // protest's source is the students, not the police.
    let a = actors("فرقت الشرطة مظاهرة نظمها طلاب الجامعة في القاهرة أمس.");
    let protest = a.iter().find(|e| e.0 == "PROTEST").expect("a protest");
    assert_eq!(
        protest.1.as_ref().map(|s| s.1.as_str()),
        Some("EGY EDU"),
        "{a:?}"
    );

    // "Thousands demonstrated in Beirut yesterday": no target named, so the state where it
    // happens, by the place's name.
    let a = actors("تظاهر الآلاف في بيروت أمس.");
    let protest = a.iter().find(|e| e.0 == "PROTEST").expect("a protest");
    assert_eq!(protest.2, Some(("بيروت".into(), "LBN -".into())), "{a:?}");

    // "Gunmen attacked the American forces in Baghdad": the demonym qualifies the forces next to
    // it, not the gunmen a word before.
    let a = actors("هاجم مسلحون القوات الأمريكية في بغداد أمس.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].1, Some(("مسلحون".into(), "IRQ UAF".into())), "{a:?}");
    assert_eq!(
        a[0].2,
        Some(("القوات الأمريكية".into(), "USA MIL".into())),
        "{a:?}"
    );

    // "Thousands of protesters took to the streets of Cairo": the protesters inside the
    // trigger are its source.
    let a = actors("خرج آلاف المتظاهرين إلى الشوارع في القاهرة أمس.");
    let protest = a.iter().find(|e| e.0 == "PROTEST").expect("a protest");
    assert_eq!(
        protest.1.as_ref().map(|s| s.1.as_str()),
        Some("EGY CVL"),
        "{a:?}"
    );
}

#[test]
fn arabic_demonyms_in_every_case_and_what_they_qualify() {
    // The accusative (مدنيا افغانيا) and the dual (جنديان امريكيان) are demonyms too; a killing
    // verb with one actor after it and no object is passive: the soldiers were killed.
    let a = actors("قتل الجيش مدنيا افغانيا في قندهار أمس.");
    assert_eq!(
        a[0].2,
        Some(("مدنيا افغانيا".into(), "AFG CVL".into())),
        "{a:?}"
    );
    let a = actors("قتل جنديان امريكيان في الموصل أمس.");
    assert_eq!(a[0].1, None, "{a:?}");
    assert_eq!(
        a[0].2,
        Some(("جنديان امريكيان".into(), "USA MIL".into())),
        "{a:?}"
    );
    // A demonym after a count is the people counted, not a qualifier of the actor before it.
    let a = actors("خطف مسلحون خمسة بريطانيين في بغداد أمس.");
    assert_eq!(a[0].1, Some(("مسلحون".into(), "IRQ UAF".into())), "{a:?}");
    assert_eq!(a[0].2, Some(("بريطانيين".into(), "GBR -".into())), "{a:?}");
    // The police announced the deaths: they are the speaker, not the attackers.
    let a = actors("أعلنت الشرطة مقتل سبعة أشخاص في سامراء أمس.");
    assert_eq!(a[0].0, "ASSAULT", "{a:?}");
    assert_eq!(a[0].1, None, "{a:?}");
    assert_eq!(
        a[0].2.as_ref().map(|t| t.0.as_str()),
        Some("أشخاص"),
        "{a:?}"
    );
    // "المدعومة أميركيا" (US-backed) says who backs the forces: they are not American.
    let a = actors("هاجمت القوات المدعومة امريكيا مسلحين في بغداد أمس.");
    assert_eq!(a[0].1, Some(("القوات".into(), "IRQ MIL".into())), "{a:?}");
}

#[test]
fn members_of_a_named_group_take_its_codes() {
    // A group's name next to a role noun is one actor with the group's codes.
    let a = actors_in(
        Lang::En,
        "Hamas fighters attacked Israeli soldiers near Gaza.",
    );
    assert_eq!(
        a[0].1,
        Some(("Hamas fighters".into(), "PSE REB".into())),
        "{a:?}"
    );
    assert_eq!(
        a[0].2,
        Some(("Israeli soldiers".into(), "ISR MIL".into())),
        "{a:?}"
    );
    let a = actors_in(
        Lang::En,
        "The Houthi spokesman threatened more attacks on Saudi targets.",
    );
    let threat = a.iter().find(|e| e.0 == "THREATEN").expect("a threat");
    assert_eq!(
        threat.1,
        Some(("Houthi spokesman".into(), "YEM REB".into())),
        "{a:?}"
    );
    // "US" in capitals is the United States.
    let a = actors_in(
        Lang::En,
        "US Secretary of State Mike Pompeo blamed Iran for the attacks.",
    );
    let accusation = a.iter().find(|e| e.0 == "ACCUSE").expect("an accusation");
    assert_eq!(
        accusation.1.as_ref().map(|s| s.1.as_str()),
        Some("USA GOV"),
        "{a:?}"
    );
    // Warplanes are the military: "Israeli warplanes" are ISR MIL.
    let a = actors("شنت طائرات اسرائيلية غارات على غزة أمس.");
    assert_eq!(
        a[0].1,
        Some(("طائرات اسرائيلية".into(), "ISR MIL".into())),
        "{a:?}"
    );
    // Arabic: the role noun first, the group after it (مقاتلو حماس).
    let a = actors("هاجم مقاتلو حماس جنودا إسرائيليين قرب غزة.");
    assert_eq!(
        a[0].1,
        Some(("مقاتلو حماس".into(), "PSE REB".into())),
        "{a:?}"
    );
}

#[test]
fn arabic_gatherings_are_protests_only_when_people_who_protest_gather() {
    // "Hundreds of protesters gathered in front of parliament in Khartoum yesterday."
    check(
        Lang::Ar,
        "2022-03-10",
        "تجمع مئات المحتجين أمام البرلمان في الخرطوم أمس.",
        &[ev(
            "PROTEST",
            "تجمع",
            ("2022-03-09", "2022-03-09"),
            Some("Khartoum"),
        )],
    );
    // "Troops massed on the border": no protest (a military actor, not people who protest).
    check(Lang::Ar, "2022-03-10", "احتشدت القوات على الحدود أمس.", &[]);
    // "The protesters chanted slogans against the government."
    check(
        Lang::Ar,
        "2022-03-10",
        "وردد المحتجون هتافات ضد الحكومة في بغداد يوم الثلاثاء.",
        &[ev(
            "PROTEST",
            "وردد المحتجون هتافات",
            ("2022-03-08", "2022-03-08"),
            Some("Baghdad"),
        )],
    );
    // What crowds do when they protest, with people who protest: burning, cutting roads.
    check(
        Lang::Ar,
        "2022-03-10",
        "وأحرق المحتجون إطارات في البصرة أمس.",
        &[ev(
            "PROTEST",
            "وأحرق",
            ("2022-03-09", "2022-03-09"),
            Some("Basrah"),
        )],
    );
    check(
        Lang::Ar,
        "2022-03-10",
        "وقطع السكان الطريق الرئيسي في البصرة أمس.",
        &[ev(
            "PROTEST",
            "وقطع السكان الطريق",
            ("2022-03-09", "2022-03-09"),
            Some("Basrah"),
        )],
    );
    // Soldiers burning a house, a man carrying his children's pictures: no protest.
    check(
        Lang::Ar,
        "2022-03-10",
        "أحرق الجنود منزلا في القرية أمس.",
        &[],
    );
    check(Lang::Ar, "2022-03-10", "حمل الرجل صور أطفاله.", &[]);
}

#[test]
fn arabic_release_with_the_releaser_between() {
    // "The police released the detainees on Tuesday": the releaser stands inside the phrase.
    check(
        Lang::Ar,
        "2022-03-10",
        "أطلقت الشرطة سراح المعتقلين في القاهرة يوم الثلاثاء.",
        &[ev(
            "RETREAT",
            "أطلقت الشرطة سراح",
            ("2022-03-08", "2022-03-08"),
            Some("Cairo"),
        )],
    );
}

// The time of a speech verb dates the report; what was said happened in the week up to it.
#[test]
fn the_day_of_a_statement_bounds_what_it_reports() {
    // 2022-03-10 is a Thursday; Tuesday is the 8th. (language, text, trigger, dates)
    let cases = [
        (
            Lang::Ar,
            "قال مسؤول في الشرطة في بغداد الثلاثاء إن عشرة أشخاص قتلوا في هجوم على سوق.",
            "قتلوا",
            ("2022-03-02", "2022-03-08"),
        ),
        (
            Lang::En,
            "Ten people were killed in an attack on a market in Baghdad, police said on Tuesday.",
            "killed",
            ("2022-03-02", "2022-03-08"),
        ),
        // A time in what was said is the event's.
        (
            Lang::Ar,
            "قال مسؤول إن عشرة أشخاص قتلوا في هجوم على سوق في بغداد يوم الثلاثاء.",
            "قتلوا",
            ("2022-03-08", "2022-03-08"),
        ),
    ];
    for (lang, text, trigger, dates) in cases {
        check(
            lang,
            "2022-03-10",
            text,
            &[Expect {
                fatalities: Some((Some(10), 10)),
                factuality: "claimed",
                ..ev("ASSAULT", trigger, dates, Some("Baghdad"))
            }],
        );
    }
}

#[test]
fn victims_and_authors_of_violence() {
    // (text, source, target): hand-written sentences, one construction each.
    let cases: [(&str, Option<(&str, &str)>, Option<(&str, &str)>); 6] = [
        // "Came under attack": the one subjected to it is the target; no author named.
        (
            "تعرضت القوات الأمريكية لهجوم في الرمادي مساء الخميس.",
            None,
            Some(("القوات الأمريكية", "USA MIL")),
        ),
        // The people a count of the dead counts are the victims.
        (
            "أسفر انفجار سيارة مفخخة في بغداد عن مقتل أربعة أشخاص.",
            None,
            Some(("أشخاص", "IRQ CVL")),
        ),
        // Verb, subject, object.
        (
            "قتلت القوات العراقية خمسة مسلحين في الموصل.",
            Some(("القوات العراقية", "IRQ MIL")),
            Some(("مسلحين", "IRQ UAF")),
        ),
        // Subject before the verb.
        (
            "قال الجيش إن قواته قتلت مسلحا في العاصمة.",
            Some(("قواته", "- MIL")),
            Some(("مسلحا", "- UAF")),
        ),
        // A passive with its author after "على يد".
        (
            "اختطف صحفي على يد مسلحين في البصرة.",
            Some(("مسلحين", "IRQ UAF")),
            Some(("صحفي", "IRQ MED")),
        ),
        // "Two soldiers were killed in a suicide attack": victims, author unnamed.
        (
            "قتل جنديان في هجوم انتحاري في كابل.",
            None,
            Some(("جنديان", "AFG MIL")),
        ),
    ];
    for (text, source, target) in cases {
        let a = actors(text);
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!(a[0].0, "ASSAULT", "{text}");
        let owned = |x: Option<(&str, &str)>| x.map(|(t, c)| (t.to_string(), c.to_string()));
        assert_eq!(a[0].1, owned(source), "{text}: source");
        assert_eq!(a[0].2, owned(target), "{text}: target");
    }
}

#[test]
fn stated_intentions_are_events_of_their_own() {
    // PLOVER's convention: a commitment is AGREE, an intention to do harm THREATEN, what another
    // must do REQUEST (the one who must is its target, the speaker its source).
    let cases = [
        (
            "The government would help the refugees.",
            (
                "AGREE",
                "would help",
                "asserted",
                Some("government"),
                Some("refugees"),
            ),
        ),
        (
            "Rebel commanders said they would attack the city.",
            ("THREATEN", "would attack", "claimed", Some("Rebel"), None),
        ),
        (
            "The minister said the army must withdraw from the town.",
            (
                "REQUEST",
                "must withdraw",
                "claimed",
                Some("minister"),
                Some("army"),
            ),
        ),
    ];
    for (text, (kind, trigger, factuality, source, target)) in cases {
        let doc = Document {
            id: "t".into(),
            text: text.into(),
            lang: Lang::En,
            published: "2023-03-13".parse().ok(),
            url: None,
        };
        let (events, _) = extract(&doc);
        assert_eq!(events.len(), 1, "{text}: {events:#?}");
        let e = &events[0];
        assert_eq!(e.event_type.as_str(), kind, "{text}");
        assert_eq!(e.trigger.text, trigger, "{text}");
        assert_eq!(
            format!("{:?}", e.factuality).to_lowercase(),
            factuality,
            "{text}"
        );
        assert_eq!(e.source.as_ref().map(|a| a.text.as_str()), source, "{text}");
        assert_eq!(e.target.as_ref().map(|a| a.text.as_str()), target, "{text}");
    }
}

#[test]
fn country_names_are_actors() {
    // A country named alone is the state (country, no sector); beside an actor it is the actor's.
    let doc = |text: &str, lang: Lang| Document {
        id: "t".into(),
        text: text.into(),
        lang,
        published: "2023-03-13".parse().ok(),
        url: None,
    };
    let (events, _) = extract(&doc(
        "Hungary said it would send troops to the region.",
        Lang::En,
    ));
    assert_eq!(events.len(), 1, "{events:#?}");
    let source = events[0].source.as_ref().expect("a source");
    assert_eq!(
        (
            source.text.as_str(),
            source.country.as_deref(),
            source.sector.as_deref()
        ),
        ("Hungary", Some("HUN"), None)
    );
    let a = actors("وصرح مسؤولون بان جنودا متمردين اطلقوا النار على رئيس تيمور الشرقية في منزله.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].2,
        Some(("رئيس تيمور الشرقية".into(), "TLS GOV".into())),
        "{a:?}"
    );
    // "Turkey witnessed demonstrations": where, not who (the protest's target is the state).
    let a = actors("شهدت تركيا أمس مظاهرات مؤيدة للمعارضة.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_ne!(
        a[0].1.as_ref().map(|s| s.0.as_str()),
        Some("تركيا"),
        "{a:?}"
    );
    assert_eq!(a[0].2, Some(("تركيا".into(), "TUR -".into())), "{a:?}");
    // After a locative word it is a place, not an actor ("في جنوب شرقي افغانستان").
    let a = actors("قالت الوزارة إن قوات أجنبية قتلت تسعة جنود في جنوب شرقي أفغانستان.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].2.as_ref().map(|t| t.0.as_str()), Some("جنود"), "{a:?}");
}

#[test]
fn a_ministry_is_not_a_visit_and_an_arrest_is_not_a_curfew() {
    // وزارة is a noun of the actor lexicon, not و + زاره ("and he visited him").
    let a = actors("أعلنت وزارة الداخلية اعتقال عشرة أشخاص في بغداد.");
    assert_eq!(
        a.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["COERCE"],
        "{a:?}"
    );
    // Two acts of one type but different modes stay two records.
    let doc = Document {
        id: "t".into(),
        text: "Police arrested 40 people in Minsk on Sunday.\n\nThe government declared a curfew."
            .into(),
        lang: Lang::En,
        published: "2023-03-13".parse().ok(),
        url: None,
    };
    let (events, _) = extract(&doc);
    let modes: Vec<_> = events.iter().map(|e| e.mode.as_deref()).collect();
    assert_eq!(modes, [Some("arrest"), Some("curfew")], "{events:#?}");
}

#[test]
fn the_one_who_condemns_an_attack_did_not_make_it() {
    // An event noun after another trigger of its clause takes no actor from before it.
    for (lang, text) in [
        (Lang::En, "Iraq's government condemned the attack."),
        (Lang::Ar, "ودانت الحكومة العراقية الهجوم على السوق."),
    ] {
        let doc = Document {
            id: "t".into(),
            text: text.into(),
            lang,
            published: "2022-01-07".parse().ok(),
            url: None,
        };
        let (events, _) = extract(&doc);
        let attack = events
            .iter()
            .find(|e| e.event_type.as_str() == "ASSAULT")
            .unwrap_or_else(|| panic!("{text}: {events:#?}"));
        assert_eq!(attack.source, None, "{text}");
        // The condemner is the condemnation's source (دانت is a verb: its subject follows it).
        let condemnation = events
            .iter()
            .find(|e| e.event_type.as_str() == "ACCUSE")
            .unwrap_or_else(|| panic!("{text}: {events:#?}"));
        assert_eq!(
            condemnation
                .source
                .as_ref()
                .and_then(|a| a.sector.as_deref()),
            Some("GOV"),
            "{text}"
        );
    }
}

/// The events of a one-text document published on Thursday 2022-03-10.
fn events_of(lang: Lang, text: &str) -> Vec<Event> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        lang,
        published: "2022-03-10".parse().ok(),
        url: None,
    };
    extract(&doc).0
}

#[test]
fn dispersals_shutdowns_and_dismissals_are_coercion() {
    // PLOVER: pushing back protesters without a named crowd-control weapon is COERCE (restrict);
    // cutting the internet is COERCE (withhold). 2022-03-10 is a Thursday.
    let modes = |lang: Lang, text: &str| -> Vec<(String, Option<String>)> {
        events_of(lang, text)
            .into_iter()
            .map(|e| (e.event_type.as_str().to_string(), e.mode))
            .collect()
    };
    let coerce = |mode: &str| ("COERCE".to_string(), Some(mode.to_string()));
    assert_eq!(
        modes(
            Lang::En,
            "Police moved in to disperse the demonstrators on Wednesday."
        ),
        vec![coerce("restrict")]
    );
    assert_eq!(
        modes(
            Lang::En,
            "The internet service was suspended across the country."
        ),
        vec![coerce("withhold")]
    );
    assert_eq!(
        modes(Lang::Ar, "قامت قوات الأمن بتفريق المتظاهرين في القاهرة أمس."),
        vec![coerce("restrict")]
    );
    assert_eq!(
        modes(Lang::Ar, "أقيل خمسة جنرالات من مهامهم أمس."),
        vec![coerce("restrict")]
    );
    // The protesters inside the trigger are those dispersed: its target, not its source.
    let a = actors("قامت قوات الأمن بتفريق المتظاهرين في القاهرة أمس.");
    assert_eq!(
        a,
        vec![(
            "COERCE".to_string(),
            Some(("قوات الأمن".into(), "EGY COP".into())),
            Some(("المتظاهرين".into(), "EGY CVL".into()))
        )]
    );
}

#[test]
fn coups_are_coercion() {
    // PLOVER has no coup type: seizing the state by force is COERCE.
    let types = |lang: Lang, text: &str| -> Vec<String> {
        events_of(lang, text)
            .into_iter()
            .map(|e| e.event_type.as_str().to_string())
            .collect()
    };
    assert_eq!(
        types(
            Lang::Ar,
            "تحولت حركة التمرد في قاعدة كاتي العسكرية إلى محاولة انقلابية."
        ),
        vec!["COERCE"]
    );
    assert_eq!(
        types(Lang::En, "Soldiers seized power in a coup on Monday."),
        vec!["COERCE"]
    );
}

#[test]
fn an_english_gap_crosses_a_one_letter_word() {
    // "lifted a curfew" is the lifting, not a curfew (the gap of "lift _3 curfew" crosses "a");
    // easing a curfew is RETREAT in PLOVER 2021 (CAMEO 0813), easing a ban CONCEDE.
    let types = |text: &str| -> Vec<String> {
        events_of(Lang::En, text)
            .into_iter()
            .map(|e| e.event_type.as_str().to_string())
            .collect()
    };
    assert_eq!(
        types("The government lifted a curfew on Sunday."),
        vec!["RETREAT"]
    );
    assert_eq!(
        types("The government lifted a ban on opposition parties on Sunday."),
        vec!["CONCEDE"]
    );
}

#[test]
fn english_passives_name_the_target_first() {
    // "were killed by gunmen": the people are the target, the gunmen the source; "is demanding"
    // (a progressive, not a passive) keeps its subject as the source.
    let a = actors_in(
        Lang::En,
        "At least 12 soldiers were killed in an ambush by al-Shabaab militants near Mogadishu.",
    );
    assert_eq!(
        a[0].1,
        Some(("Shabaab militants".into(), "SOM REB".into())),
        "{a:?}"
    );
    assert_eq!(
        a[0].2.as_ref().map(|t| t.0.as_str()),
        Some("soldiers"),
        "{a:?}"
    );
    let a = actors_in(
        Lang::En,
        "Twenty protesters were arrested by police in Nairobi on Monday.",
    );
    assert_eq!(
        a[0].1.as_ref().map(|s| s.0.as_str()),
        Some("police"),
        "{a:?}"
    );
    assert_eq!(
        a[0].2.as_ref().map(|t| t.0.as_str()),
        Some("protesters"),
        "{a:?}"
    );
}

#[test]
fn a_subject_before_the_verb_keeps_the_first_actor_after_as_its_object() {
    // "Pakistani security forces killed three militants loyal to the Afghan Taliban": subject,
    // verb, object — the second actor after the verb qualifies the object, it is not the target.
    let a = actors(
        "قال مسؤولون إن قوات الأمن الباكستانية قتلت ثلاثة متشددين موالين لحركة طالبان في وزيرستان.",
    );
    let attack = a.iter().find(|e| e.0 == "ASSAULT").expect("an attack");
    assert_eq!(
        attack.1,
        Some(("قوات الأمن الباكستانية".into(), "PAK COP".into())),
        "{a:?}"
    );
    assert_eq!(
        attack.2.as_ref().map(|t| t.0.as_str()),
        Some("متشددين"),
        "{a:?}"
    );
    // Feminine titles are officials too: "the police arrested a former minister (f.)".
    let a = actors("اعتقلت الشرطة السودانية وزيرة سابقة في الخرطوم.");
    let arrest = a.iter().find(|e| e.0 == "COERCE").expect("an arrest");
    assert_eq!(
        arrest.2.as_ref().map(|t| t.1.as_str()),
        Some("SDN GOV"),
        "{a:?}"
    );
}

#[test]
fn the_counted_before_a_killing_verb_were_killed_and_the_actor_after_did_it() {
    // "The army said twenty rebels were killed in confrontations with the security forces": the
    // passive is not written; the counted are the victims, the forces after the verb the source.
    let a = actors("ذكر الجيش أن عشرين متمردا قتلوا في مواجهات مع قوات الأمن في الجنوب.");
    let attack = a.iter().find(|e| e.0 == "ASSAULT").expect("an attack");
    assert_eq!(
        attack.1.as_ref().map(|s| s.0.as_str()),
        Some("قوات الأمن"),
        "{a:?}"
    );
    assert_eq!(
        attack.2.as_ref().map(|t| t.0.as_str()),
        Some("متمردا"),
        "{a:?}"
    );
}

#[test]
fn a_title_longer_than_its_actor_takes_the_name_and_the_wounded_are_the_target() {
    // "The Lebanese defence minister Elias Murr was wounded in a car bomb in Beirut": the title
    // (وزير الدفاع, then a demonym) takes the name after it, and the one a wounding verb names
    // right before the attack noun is its target, not its author.
    let a = actors("وقد جرح وزير الدفاع اللبناني الياس المر في تفجير سيارة مفخخة في بيروت.");
    let attack = a.iter().find(|e| e.0 == "ASSAULT").expect("an attack");
    assert_eq!(attack.1, None, "{a:?}");
    assert_eq!(
        attack.2,
        Some(("وزير الدفاع اللبناني الياس المر".into(), "LBN GOV".into())),
        "{a:?}"
    );
}

#[test]
fn a_protest_before_an_institution_addresses_it() {
    // "Crowds of teachers reached the courtyard of parliament to protest": the teachers protest,
    // parliament is what they address (and the parliament row matches the word alone).
    let a = actors("وصلت حشود من المعلمين الى باحة البرلمان للاحتجاج على ظروف العمل.");
    let protest = a.iter().find(|e| e.0 == "PROTEST").expect("a protest");
    assert_eq!(
        protest.1.as_ref().map(|s| s.0.as_str()),
        Some("المعلمين"),
        "{a:?}"
    );
    assert_eq!(
        protest
            .2
            .as_ref()
            .map(|t| (t.0.as_str(), t.1.ends_with("LEG"))),
        Some(("البرلمان", true)),
        "{a:?}"
    );
    let a = actors_in(
        Lang::En,
        "Hundreds of protesters gathered outside parliament in Nairobi on Monday.",
    );
    let protest = a.iter().find(|e| e.0 == "PROTEST").expect("a protest");
    assert_eq!(
        protest.2.as_ref().map(|t| t.0.as_str()),
        Some("parliament"),
        "{a:?}"
    );
}

#[test]
fn the_state_a_missile_or_strike_is_named_for_made_the_attack() {
    // "An Israeli missile hit the car": the demonym of the weapon is its military, the source.
    let a = actors("أصاب صاروخ اسرائيلي السيارة في غزة أمس.");
    let attack = a.iter().find(|e| e.0 == "ASSAULT").expect("an attack");
    assert_eq!(
        attack.1,
        Some(("اسرائيلي".into(), "ISR MIL".into())),
        "{a:?}"
    );
    let a = actors_in(
        Lang::En,
        "An Israeli air strike killed three militants in Gaza on Monday.",
    );
    let attack = a.iter().find(|e| e.0 == "ASSAULT").expect("an attack");
    assert_eq!(
        attack.1,
        Some(("Israeli".into(), "ISR MIL".into())),
        "{a:?}"
    );
    // After an abduction the demonym is the people abducted, not the abductors' state.
    let a = actors("أعلنت جماعة مسلحة مسؤوليتها عن خطف البريطانيين في البصرة.");
    assert!(
        a.iter()
            .all(|e| e.1.as_ref().is_none_or(|s| s.1 != "GBR MIL")),
        "{a:?}"
    );
    // After a killing verb the demonym is the people killed: "two Iraqis were killed".
    let a = actors("قتل عراقيان في تفجير في بغداد أمس.");
    let attack = a.iter().find(|e| e.0 == "ASSAULT").expect("an attack");
    assert_eq!(attack.1, None, "{a:?}");
    assert_eq!(
        attack.2.as_ref().map(|t| t.0.as_str()),
        Some("عراقيان"),
        "{a:?}"
    );
}

/// The (source, target) texts of the first event of `event_type`.
fn roles_of(text: &str, event_type: &str) -> (Option<String>, Option<String>) {
    let a = actors(text);
    let e = a
        .iter()
        .find(|e| e.0 == event_type)
        .unwrap_or_else(|| panic!("no {event_type} in {a:?}"));
    (
        e.1.as_ref().map(|s| s.0.clone()),
        e.2.as_ref().map(|t| t.0.clone()),
    )
}

/// The target (text, "COUNTRY SECTOR") of the first event of `event_type`.
fn target_code(lang: Lang, text: &str, event_type: &str) -> Option<(String, String)> {
    actors_in(lang, text)
        .into_iter()
        .find(|e| e.0 == event_type)
        .and_then(|e| e.2)
}

/// The source (text, "COUNTRY SECTOR") of the first event of `event_type`.
fn source_code(lang: Lang, text: &str, event_type: &str) -> Option<(String, String)> {
    actors_in(lang, text)
        .into_iter()
        .find(|e| e.0 == event_type)
        .and_then(|e| e.1)
}

#[test]
fn a_plural_noun_and_its_agreeing_adjective_are_one_actor() {
    // "Suicide bombers attacked an army checkpoint": not bombers attacking suicide bombers.
    assert_eq!(
        roles_of(
            "هاجم مفجرون انتحاريون حاجزا للجيش في الرمادي أمس.",
            "ASSAULT"
        ),
        (Some("مفجرون انتحاريون".into()), Some("للجيش".into()))
    );
}

#[test]
fn a_singular_noun_and_its_nisba_adjective_are_one_actor() {
    // "A suicide bomber killed 42 army recruits": the bomber is no victim and انتحاري no
    // attack of its own after the verb (which would make the verb passive).
    assert_eq!(
        roles_of("وقتل مفجر انتحاري 42 مجندا في الجيش يوم الأحد.", "ASSAULT"),
        (Some("مفجر انتحاري".into()), Some("مجندا".into()))
    );
    // A subject and its indefinite object differ in case: "a gunman killed a civilian".
    assert_eq!(
        roles_of("وقتل مسلح مدنيا في الرمادي يوم الأحد.", "ASSAULT"),
        (Some("مسلح".into()), Some("مدنيا".into()))
    );
}

#[test]
fn a_killing_verb_with_its_subject_before_it_and_no_object_is_passive() {
    // "Officials said a fighter was killed after a drone fired a missile at the area": nothing
    // after the verb in its clause (بعدما opens the next), so the one before it was killed.
    assert_eq!(
        roles_of(
            "وقال مسؤولون إن مقاتلا قتل بعدما أطلقت طائرة صاروخا على المنطقة أمس.",
            "ASSAULT"
        ),
        (None, Some("مقاتلا".into()))
    );
    // The verb carries its object: "gunmen killed him".
    assert_eq!(
        roles_of("وقالت الشرطة إن مسلحين قتلوه في الرمادي أمس.", "ASSAULT"),
        (Some("مسلحين".into()), None)
    );
}

#[test]
fn an_embassy_is_the_state_it_represents() {
    // "Protesters marched to the Israeli embassy": the protest addresses Israel's government.
    assert_eq!(
        target_code(
            Lang::Ar,
            "وسار المتظاهرون حتى السفارة الاسرائيلية في أثينا أمس.",
            "PROTEST"
        ),
        Some(("السفارة الاسرائيلية".into(), "ISR GOV".into()))
    );
    assert_eq!(
        target_code(
            Lang::En,
            "Protesters gathered outside the Israeli embassy in Athens on Sunday.",
            "PROTEST"
        ),
        Some(("Israeli embassy".into(), "ISR GOV".into()))
    );
}

#[test]
fn the_uniform_someone_wears_is_no_actor() {
    // "Gunmen wearing Iraqi police uniforms kidnapped five Britons": the police are clothes.
    assert_eq!(
        roles_of(
            "وخطف مسلحون يرتدون زي الشرطة العراقية خمسة بريطانيين في بغداد أمس.",
            "ASSAULT"
        ),
        (Some("مسلحون".into()), Some("بريطانيين".into()))
    );
    let english = |text: &str| {
        let a = actors_in(Lang::En, text);
        let e = a.iter().find(|e| e.0 == "ASSAULT").cloned();
        e.map(|e| (e.1.map(|s| s.0), e.2.map(|t| t.0)))
    };
    assert_eq!(
        english("Gunmen in police uniforms kidnapped five Britons in Baghdad on Monday."),
        Some((Some("Gunmen".into()), Some("Britons".into())))
    );
    assert_eq!(
        english("Gunmen dressed as soldiers killed three civilians in Baghdad on Monday."),
        Some((Some("Gunmen".into()), Some("civilians".into())))
    );
}

#[test]
fn what_a_protest_is_in_protest_at_is_its_target_when_nothing_else_is() {
    // "Thousands demonstrated on Sunday in protest at the nomination of Prime Minister Najib
    // Mikati": the one the protested act concerns.
    assert_eq!(
        roles_of(
            "وتظاهر الآلاف في بيروت يوم الأحد احتجاجا على ترشيح رئيس الوزراء نجيب ميقاتي.",
            "PROTEST"
        ),
        (None, Some("رئيس الوزراء نجيب ميقاتي".into()))
    );
    // Before parliament, parliament stays the target (and is not the protest's subject).
    assert_eq!(
        roles_of(
            "وتظاهر الآلاف أمام البرلمان يوم الأحد احتجاجا على اعتقال رئيس الوزراء.",
            "PROTEST"
        ),
        (None, Some("البرلمان".into()))
    );
    // "... demanding the resignation of the ruling coalition": a party.
    assert_eq!(
        target_code(
            Lang::Ar,
            "وتظاهر الآلاف في ريغا يوم الأحد للمطالبة باستقالة الائتلاف الحاكم.",
            "PROTEST"
        ),
        Some(("الائتلاف الحاكم".into(), "LVA PTY".into()))
    );
}

#[test]
fn governors_recruits_and_the_awakening_are_actors() {
    // "The Taliban kidnapped a district governor in eastern Afghanistan on Sunday".
    assert_eq!(
        roles_of(
            "وخطفت حركة طالبان حاكم منطقة في شرق أفغانستان يوم الأحد.",
            "ASSAULT"
        ),
        (Some("حركة طالبان".into()), Some("حاكم منطقة".into()))
    );
    // "A suicide bomber targeted a meeting of the Awakening forces in Baghdad": the Sunni tribal
    // militias, Iraqi, an armed group not the state's army.
    assert_eq!(
        target_code(
            Lang::Ar,
            "واستهدف انتحاري اجتماعا لقوات الصحوة في بغداد يوم الأحد.",
            "ASSAULT"
        ),
        Some(("لقوات الصحوة".into(), "IRQ UAF".into()))
    );
}

#[test]
fn the_people_counted_after_of_are_the_victims() {
    // "The attack wounded five of the police officers".
    assert_eq!(
        roles_of(
            "أسفر الهجوم عن إصابة خمسة من عناصر الشرطة في كركوك أمس.",
            "ASSAULT"
        ),
        (None, Some("عناصر الشرطة".into()))
    );
}

#[test]
fn a_kidnapping_verb_with_one_actor_after_it_is_passive_unless_it_is_armed() {
    // "Four French journalists were kidnapped": the same spelling as "he kidnapped".
    assert_eq!(
        roles_of("وخطف أربعة صحافيين فرنسيين قرب الفلوجة أمس.", "ASSAULT"),
        (None, Some("صحافيين فرنسيين".into()))
    );
    // "Gunmen kidnapped three soldiers": gunmen kidnap.
    assert_eq!(
        roles_of("وخطف مسلحون ثلاثة جنود في البصرة أمس.", "ASSAULT"),
        (Some("مسلحون".into()), Some("جنود".into()))
    );
}

#[test]
fn the_one_fired_on_is_the_object_and_protesters_in_the_trigger_protest() {
    // "Residents saw tribal gunmen firing on the police": the subject stands two words before
    // the verb; the police, after على, are fired on.
    assert_eq!(
        roles_of(
            "شاهد السكان مسلحين من العشائر يطلقون النار على الشرطة في الموصل.",
            "ASSAULT"
        ),
        (Some("مسلحين".into()), Some("الشرطة".into()))
    );
    // "The protesters raised banners condemning the government": the protesters inside the
    // trigger's words protest; the government is what they protest.
    assert_eq!(
        roles_of(
            "ورفع المتظاهرون لافتات تندد بالحكومة في القاهرة أمس.",
            "PROTEST"
        ),
        (Some("المتظاهرون".into()), Some("بالحكومة".into()))
    );
}

#[test]
fn a_mention_placed_only_by_the_document_joins_the_same_event_in_a_city_of_that_country() {
    // "Police arrested dozens of protesters in Cairo on Thursday. Others protested in Alexandria
    // on Thursday. The interior ministry said the arrests took place on Thursday": the third
    // sentence names no place (two cities, none prevailing: the document's country); its
    // arrests are the Cairo arrests, one record with two mentions.
    let text = "اعتقلت الشرطة عشرات المتظاهرين في القاهرة يوم الخميس.\n\nوتظاهر آخرون في الاسكندرية يوم الخميس.\n\nوقالت وزارة الداخلية إن الاعتقالات جرت الخميس.";
    let events = events_of(Lang::Ar, text);
    let arrests: Vec<&Event> = events
        .iter()
        .filter(|e| e.event_type.as_str() == "COERCE")
        .collect();
    assert_eq!(arrests.len(), 1, "{events:#?}");
    assert_eq!(
        arrests[0].location.as_ref().map(|l| l.name.as_str()),
        Some("Cairo")
    );
    assert_eq!(
        arrests[0]
            .mentions
            .iter()
            .map(|m| m.text.as_str())
            .collect::<Vec<_>>(),
        ["الاعتقالات"]
    );
    // A protest in another city of the same country stays its own record.
    assert_eq!(
        events
            .iter()
            .filter(|e| e.event_type.as_str() == "PROTEST")
            .count(),
        1
    );
}

#[test]
fn what_a_protest_is_against_is_its_target() {
    // "The protesters marched raising pictures of the former president and chanted slogans
    // hostile to the government": the government, not the president whose pictures they carry.
    assert_eq!(
        roles_of(
            "وسار المتظاهرون وهم يرفعون صور الرئيس السابق ورددوا هتافات معادية للحكومة.",
            "PROTEST"
        ),
        (Some("المتظاهرون".into()), Some("للحكومة".into()))
    );
    // Not a campaign against protesters: civilians after "ضد" are not what a protest is against
    // (the ministry before whose building the students gather is).
    assert_eq!(
        roles_of(
            "تظاهر الطلاب أمام وزارة التعليم أمس رغم حملة ضد المتظاهرين.",
            "PROTEST"
        ),
        (Some("الطلاب".into()), Some("وزارة".into()))
    );
}

#[test]
fn the_one_a_demand_is_made_of_stands_after_that() {
    // The clause "that" opens is another clause, but its subject is whom the demand addresses.
    let a = actors_in(
        Lang::En,
        "The opposition party demanded on Monday that the government release all political prisoners.",
    );
    let demand = a.iter().find(|e| e.0 == "REQUEST").expect("a demand");
    assert_eq!(
        (
            demand.1.as_ref().map(|s| s.0.as_str()),
            demand.2.as_ref().map(|t| t.0.as_str())
        ),
        (Some("party"), Some("government")),
        "{a:?}"
    );
}

#[test]
fn an_english_title_takes_the_capitalized_name_after_it() {
    // No English name recogniser: the capitalized words after a title are the name, up to a
    // lower-case word or a weekday.
    let a = actors_in(
        Lang::En,
        "Opposition groups are demanding that President Robert Mugabe abandon his land policy.",
    );
    let demand = a.iter().find(|e| e.0 == "REQUEST").expect("a demand");
    assert_eq!(
        demand.2.as_ref().map(|t| t.0.as_str()),
        Some("President Robert Mugabe"),
        "{a:?}"
    );
    let a = actors_in(
        Lang::En,
        "Diplomats held their first meeting with President Obama on Monday in Washington.",
    );
    let meeting = a.iter().find(|e| e.0 == "CONSULT").expect("a meeting");
    assert_eq!(
        meeting.2.as_ref().map(|t| t.0.as_str()),
        Some("President Obama"),
        "{a:?}"
    );
    // "he is prepared to": the subject of "is" is "he", not the president named before.
    let a = actors_in(
        Lang::En,
        "President Abdelaziz Bouteflika said he is prepared to lift the ban on the party.",
    );
    assert!(
        a.iter()
            .all(|e| e.2.as_ref().is_none_or(|t| !t.0.starts_with("President"))),
        "{a:?}"
    );
}

#[test]
fn closing_a_channel_is_censorship_by_the_authorities_in_it() {
    // "The authorities closed the office of the Al Jazeera channel in Cairo yesterday": COERCE
    // (mode censor), the authorities written inside the trigger's words are its source, and the
    // channel's name is no place (الجزيرة is also a name of Algiers).
    let events = events_of(Lang::Ar, "أغلقت السلطات مكتب قناة الجزيرة في القاهرة أمس.");
    let e = events
        .iter()
        .find(|e| e.event_type.as_str() == "COERCE")
        .expect("a coercion");
    assert_eq!(e.mode.as_deref(), Some("censor"));
    assert_eq!(e.source.as_ref().map(|a| a.text.as_str()), Some("السلطات"));
    assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("Cairo"));
    // Hacking is PLOVER's cyber mode.
    let events = events_of(
        Lang::En,
        "North Korea tried to hack into the computers of South Korean army officers.",
    );
    assert!(
        events
            .iter()
            .any(|e| e.event_type.as_str() == "COERCE" && e.mode.as_deref() == Some("cyber")),
        "{events:#?}"
    );
}

#[test]
fn merged_mentions_keep_the_most_specific_count_of_the_dead() {
    // (first sentence, second sentence, records, the dead of the first record as written)
    let cases = [
        // "Dozens were killed … Thursday. Police said 43 people were killed in the attack": a
        // number within a vague quantifier is the same toll, told more precisely.
        (
            "قتل عشرات الأشخاص في هجوم على سوق في بغداد يوم الخميس.",
            "وقالت الشرطة إن 43 شخصا قتلوا في الهجوم.",
            1,
            "43",
        ),
        (
            "Dozens of people were killed in a bomb attack on a market in Baghdad on Thursday.",
            "Police said 43 people were killed in the attack.",
            1,
            "43",
        ),
        // "At least 40" is a bound: 43 lies within it.
        (
            "At least 40 people were killed in a bomb attack on a market in Baghdad on Thursday.",
            "Police said 43 people were killed in the attack.",
            1,
            "43",
        ),
        // The narrower count stays when it comes first.
        (
            "Police said 43 people were killed in a bomb attack on a market in Baghdad on Thursday.",
            "Dozens of people were killed in the attack.",
            1,
            "43",
        ),
        // Two different numbers are two events (or a toll that changed): kept apart.
        (
            "Police said 43 people were killed in a bomb attack on a market in Baghdad on Thursday.",
            "Police said 12 people were killed in the attack.",
            2,
            "43",
        ),
        // A number outside the vague quantifier's range is another toll.
        (
            "Dozens of people were killed in a bomb attack on a market in Baghdad on Thursday.",
            "Police said 400 people were killed in the attack.",
            2,
            "Dozens",
        ),
    ];
    for (first, second, records, dead) in cases {
        let lang = if first.is_ascii() { Lang::En } else { Lang::Ar };
        let text = format!("{first}\n\n{second}");
        let events = events_of(lang, &text);
        let attacks: Vec<&Event> = events
            .iter()
            .filter(|e| e.event_type.as_str() == "ASSAULT")
            .collect();
        assert_eq!(attacks.len(), records, "{text}\n{events:#?}");
        assert_eq!(
            attacks[0].fatalities.as_ref().map(|f| f.text.as_str()),
            Some(dead),
            "{text}"
        );
    }
}

#[test]
fn easing_letting_in_and_verbal_support_follow_the_plover_2021_table() {
    let types = |lang: Lang, text: &str| -> Vec<String> {
        let mut t: Vec<String> = events_of(lang, text)
            .into_iter()
            .map(|e| e.event_type.as_str().to_string())
            .collect();
        t.sort();
        t
    };
    // Easing a curfew or an emergency, letting aid in: RETREAT (CAMEO 0813, 0814, 0863).
    assert_eq!(
        types(Lang::Ar, "ورفعت السلطات حظر التجول في العاصمة يوم الأحد."),
        ["RETREAT"]
    );
    assert_eq!(
        types(
            Lang::Ar,
            "ووافقت الحكومة على السماح بدخول الشاحنات يوم الأحد."
        ),
        ["AGREE", "RETREAT"]
    );
    assert_eq!(
        types(
            Lang::En,
            "The army allowed aid convoys into the town on Sunday."
        ),
        ["RETREAT"]
    );
    // Denouncing is ACCUSE; apologizing and defending verbally SUPPORT; extradition COOPERATE.
    assert_eq!(
        types(Lang::Ar, "وأعرب الوزير عن استنكاره للهجوم يوم الأحد."),
        ["ACCUSE", "ASSAULT"]
    );
    assert_eq!(
        types(Lang::En, "Argentina apologized to Brazil on Sunday."),
        ["SUPPORT"]
    );
    assert_eq!(
        types(
            Lang::En,
            "Zambia extradited the suspect to Britain on Sunday."
        ),
        ["COOPERATE"]
    );
    // "the internationally recognized government" recognizes nothing.
    assert_eq!(
        types(
            Lang::En,
            "Saudi Arabia backs the internationally recognized government of Yemen."
        ),
        Vec::<String>::new()
    );
}

#[test]
fn an_english_last_name_repeated_is_the_titled_person() {
    // "Zimbabwean President Robert Mugabe … Mugabe criticized the opposition": English has no
    // name recogniser; the capitalized last name of a titled actor named before is that actor.
    assert_eq!(
        source_code(
            Lang::En,
            "Zimbabwean President Robert Mugabe arrived in Harare on Sunday.\n\nMugabe criticized the opposition on Monday.",
            "ACCUSE"
        ),
        Some(("Mugabe".to_string(), "ZWE GOV".to_string()))
    );
}

#[test]
fn the_one_who_protests_is_no_official() {
    // "Thousands rallied … after President Alexander Lukashenko claimed victory": the president
    // is no protester (he was the protest's lone actor, so its source); what the rally is
    // against names him.
    let rally = |text: &str| {
        actors_in(Lang::En, text)
            .into_iter()
            .find(|e| e.0 == "PROTEST")
            .map(|e| (e.1.map(|s| s.0), e.2.map(|t| t.0)))
    };
    assert_eq!(
        rally(
            "Thousands rallied in Minsk on Sunday after President Alexander Lukashenko claimed victory."
        ),
        Some((None, Some("Minsk".to_string())))
    );
    assert_eq!(
        rally("Thousands rallied in Minsk on Sunday against President Alexander Lukashenko."),
        Some((None, Some("President Alexander Lukashenko".to_string())))
    );
}

#[test]
fn english_demonyms_of_smaller_countries_qualify_their_actor() {
    // The gazetteer had English demonyms for some fifty countries: "Fijian rebels" had none.
    for (text, code) in [
        ("Fijian rebels attacked the town on Sunday.", "FJI REB"),
        ("Zimbabwean police attacked the town on Sunday.", "ZWE COP"),
        (
            "Sri Lankan soldiers attacked the town on Sunday.",
            "LKA MIL",
        ),
    ] {
        let a = actors_in(Lang::En, text);
        assert_eq!(
            a.first().and_then(|e| e.1.as_ref()).map(|s| s.1.as_str()),
            Some(code),
            "{text}"
        );
    }
}

#[test]
fn a_capital_as_the_subject_of_a_statement_is_its_government() {
    // "Tehran rejected the American accusations", "Berlin rejected calls for aid": CAMEO codes
    // the capital as the government.
    assert_eq!(
        source_code(
            Lang::Ar,
            "ورفضت طهران الاتهامات الأميركية يوم الأحد.",
            "REJECT"
        ),
        Some(("طهران".into(), "IRN GOV".into()))
    );
    assert_eq!(
        source_code(
            Lang::En,
            "Berlin rejected calls for economic aid on Sunday.",
            "REJECT"
        ),
        Some(("Berlin".into(), "DEU GOV".into()))
    );
    // An attack in a capital is not its government's: "Baghdad was hit by a car bomb".
    assert!(
        actors_in(Lang::En, "Baghdad was hit by a car bomb on Sunday.")
            .iter()
            .all(|e| e.1.as_ref().is_none_or(|s| s.0 != "Baghdad")
                && e.2.as_ref().is_none_or(|t| t.0 != "Baghdad"))
    );
}

#[test]
fn us_and_un_written_with_stops_are_the_united_states_and_nations() {
    let a = actors_in(
        Lang::En,
        "U.S. soldiers killed three civilians in Baghdad on Sunday.",
    );
    assert_eq!(
        a.first().and_then(|e| e.1.clone()),
        Some(("U.S. soldiers".to_string(), "USA MIL".to_string()))
    );
    let a = actors_in(Lang::En, "A U.N. envoy met the rebels on Sunday.");
    assert_eq!(
        a.first().and_then(|e| e.1.as_ref()).map(|s| s.1.as_str()),
        Some("IGO IGO")
    );
}
