//! Clitic analysis of a folded Arabic word.
//!
//! Proclitics, in order: a conjunction (و، ف), a preposition or particle (ب، ل، ك، س), the article
//! (ال); ل + ال is written لل. Enclitics: the object and possessive pronouns (ه، ها، هما، هم، هن،
//! ك، كما، كم، كن، نا، ني). Before an enclitic, ta marbuta is written ت (حكومته → حكومه). The
//! first-person ي ("my") is left out: rare in news, and splitting it off misreads every nisba
//! adjective and plural construct (ايدي "hands" as ايد "supported").

use hadath_text::Analysis;

const CONJUNCTIONS: &[&str] = &["", "و", "ف"];
const PARTICLES: &[&str] = &["", "ب", "ل", "ك", "س"];
const ENCLITICS: &[&str] = &[
    "هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك",
];

/// Minimum letters left in a stem after clitics are split off.
const MIN_STEM_CHARS: usize = 2;

/// Pushes the analyses of a folded word: the word itself, then every split into proclitics,
/// stem and an enclitic that leaves a stem of at least two letters.
pub fn analyses(word: &str, out: &mut Vec<Analysis>) {
    out.push(Analysis {
        form: word.to_string(),
        proclitic_len: 0,
        definite: false,
        verbal_ok: true,
    });
    if !word.starts_with(|c: char| ('\u{0621}'..='\u{064A}').contains(&c)) {
        return;
    }
    let first = out.len() - 1;
    for conj in CONJUNCTIONS {
        let Some(after_conj) = word.strip_prefix(conj) else {
            continue;
        };
        for particle in PARTICLES {
            let Some(after_particle) = after_conj.strip_prefix(particle) else {
                continue;
            };
            let prefix_len = conj.len() + particle.len();
            // Without the article.
            if prefix_len > 0 {
                let verbal_ok = matches!(*particle, "" | "س" | "ل");
                push_stem(out, after_particle, prefix_len, false, verbal_ok);
            }
            // With the article: ال, or ل + ال written لل.
            if let Some(stem) = after_particle.strip_prefix("ال")
                && *particle != "ل"
            {
                push_stem(out, stem, prefix_len + "ال".len(), true, false);
            }
            if *particle == "ل"
                && let Some(stem) = after_particle.strip_prefix('ل')
            {
                push_stem(out, stem, prefix_len + 'ل'.len_utf8(), true, false);
            }
        }
    }
    // Enclitics, on every analysis without the article.
    let n = out.len();
    for idx in first..n {
        if out[idx].definite {
            continue;
        }
        let (stem, proclitic_len, verbal_ok) = (
            out[idx].form.clone(),
            out[idx].proclitic_len,
            out[idx].verbal_ok,
        );
        for enclitic in ENCLITICS {
            let Some(host) = stem.strip_suffix(enclitic) else {
                continue;
            };
            if host.chars().count() < MIN_STEM_CHARS + 1 {
                continue;
            }
            push_unique(out, host.to_string(), proclitic_len, false, verbal_ok);
            if let Some(base) = host.strip_suffix('ت') {
                push_unique(out, format!("{base}ه"), proclitic_len, false, false);
            }
            // قتلوه → قتلوا
            if host.ends_with('و') {
                push_unique(out, format!("{host}ا"), proclitic_len, false, verbal_ok);
            }
        }
    }
}

fn push_stem(
    out: &mut Vec<Analysis>,
    stem: &str,
    proclitic_len: usize,
    definite: bool,
    verbal_ok: bool,
) {
    if stem.chars().count() >= MIN_STEM_CHARS {
        push_unique(out, stem.to_string(), proclitic_len, definite, verbal_ok);
    }
}

fn push_unique(
    out: &mut Vec<Analysis>,
    form: String,
    proclitic_len: usize,
    definite: bool,
    verbal_ok: bool,
) {
    if let Some(existing) = out.iter_mut().find(|a| a.form == form) {
        existing.definite |= definite;
        existing.verbal_ok |= verbal_ok;
        return;
    }
    out.push(Analysis {
        form,
        proclitic_len,
        definite,
        verbal_ok,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expected_forms: &[&str]) {
        let mut out = Vec::new();
        analyses(word, &mut out);
        let forms: Vec<&str> = out.iter().map(|a| a.form.as_str()).collect();
        for form in expected_forms {
            assert!(forms.contains(form), "{word}: {form} not in {forms:?}");
        }
        assert_eq!(forms[0], word);
    }

    #[test]
    fn proclitics() {
        check("وبالمتظاهرين", &["متظاهرين", "بالمتظاهرين", "المتظاهرين"]);
        check("للمساعده", &["مساعده"]);
        check("فسيعتقلون", &["يعتقلون"]);
        check("لكازاخستان", &["كازاخستان"]);
    }

    #[test]
    fn enclitics() {
        check("حكومته", &["حكومه"]);
        check("قتلوه", &["قتلوا"]);
        check("مناشداته", &["مناشدات"]);
    }

    #[test]
    fn short_words_stay_whole() {
        let mut out = Vec::new();
        analyses("في", &mut out);
        assert_eq!(out.len(), 1);
        out.clear();
        analyses("2011", &mut out);
        assert_eq!(out.len(), 1);
    }
}

/// A folded word without a leading conjunction (و ف), preposition (ب ل ك) and article, each
/// taken off only when three letters are left: one cheap reading, for features (the analyses
/// above give every reading).
pub fn strip_proclitics(word: &str) -> &str {
    let mut s = word;
    for p in ["و", "ف"] {
        if let Some(rest) = s.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            s = rest;
            break;
        }
    }
    for p in ["بال", "لل", "كال", "فال", "ال", "ب", "ل", "ك"] {
        if let Some(rest) = s.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            return rest;
        }
    }
    s
}
