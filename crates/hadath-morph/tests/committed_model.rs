//! The committed model, loaded as the pipeline loads it, on a sentence checked by hand.

#[test]
fn the_committed_model_analyses_a_news_sentence() {
    let started = std::time::Instant::now();
    let analyzer = hadath_morph::arabic();
    eprintln!("model read in {:?}", started.elapsed());
    // "And the police said they arrested dozens of demonstrators in the capital."
    let tokens = [
        "وقالت",
        "الشرطة",
        "إنها",
        "اعتقلت",
        "عشرات",
        "المتظاهرين",
        "في",
        "العاصمة",
    ];
    let words = analyzer.analyse(&tokens);
    let show: Vec<String> = words
        .iter()
        .map(|w| format!("{}/{}/{}", w.form, w.upos, w.lemma))
        .collect();
    eprintln!("{show:?}");
    let find = |form: &str| {
        words
            .iter()
            .find(|w| w.form == form)
            .unwrap_or_else(|| panic!("no word {form} in {show:?}"))
    };
    // و + قالت: the conjunction split off, the verb's lemma قال, perfective, feminine.
    assert_eq!(words[0].form, "و");
    assert_eq!(words[0].upos, "CCONJ");
    let said = find("قالت");
    assert_eq!(said.upos, "VERB");
    assert_eq!(said.lemma, "قال");
    assert!(said.feats.contains("Aspect=Perf"), "{}", said.feats);
    assert!(said.feats.contains("Gender=Fem"), "{}", said.feats);
    // إن + ها: the pronoun is an enclitic of the particle.
    assert!(
        words.iter().any(|w| w.form == "ها" && w.upos == "PRON"),
        "{show:?}"
    );
    let arrested = find("اعتقلت");
    assert_eq!(arrested.upos, "VERB");
    assert_eq!(arrested.lemma, "اعتقل");
    // A participle: PADT tags المتظاهرين a noun or an adjective by its use.
    let demonstrators = find("المتظاهرين");
    assert!(["NOUN", "ADJ"].contains(&demonstrators.upos), "{show:?}");
    assert_eq!(demonstrators.lemma, "متظاهر");
    // PADT's conventions: numerals of tens are NUM with the unit's lemma; the pronoun's lemma
    // is the independent pronoun.
    assert_eq!(find("عشرات").upos, "NUM");
    assert_eq!(find("ها").lemma, "هو");
    assert_eq!(find("في").upos, "ADP");
    // Every word points back at its written token.
    assert!(words.iter().all(|w| w.token < tokens.len()));
}

#[test]
fn odd_input_is_analysed_without_panics() {
    let analyzer = hadath_morph::arabic();
    let long = "ب".repeat(10_000);
    for tokens in [
        vec![],
        vec![""],
        vec!["2022", "Kazakhstan", "،", "!!!"],
        vec![long.as_str()],
        vec!["و", "ل", "ال", "ـ"],
    ] {
        let words = analyzer.analyse(&tokens);
        assert!(words.iter().all(|w| w.token < tokens.len().max(1)));
    }
}
