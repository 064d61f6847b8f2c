//! Verb paradigms for lexicon entries: from the past and present third person masculine singular
//! (`قتل` / `يقتل`), the unvocalized past and present forms of every person, number and gender,
//! active and passive alike (they are written the same without vowels).

const PAST_SUFFIXES: &[&str] = &["", "ت", "وا", "ا", "تا", "ن", "تم", "نا", "تما", "تن"];
const PRESENT_PREFIXES: &[&str] = &["ي", "ت", "ن", "ا"];
const PRESENT_SUFFIXES: &[&str] = &["", "ون", "ان", "ين", "ن", "وا", "ا"];

/// The folded forms of a verb given its folded past and present stems. Either may be empty.
pub fn verb_forms(past: &str, present: &str) -> Vec<String> {
    let mut forms = Vec::new();
    // Weak final radical (ألقى، دعا، نفى): the last letter drops before most suffixes.
    let weak_past = past
        .strip_suffix(['ي', 'ا'])
        .filter(|s| s.chars().count() >= 2);
    if !past.is_empty() {
        match weak_past {
            Some(base) => {
                forms.push(past.to_string());
                for suffix in ["ت", "وا", "تا", "يت", "ينا", "يتم", "يا", "وت"] {
                    forms.push(format!("{base}{suffix}"));
                }
            }
            None => {
                for suffix in PAST_SUFFIXES {
                    forms.push(format!("{past}{suffix}"));
                }
            }
        }
    }
    let core = present.strip_prefix('ي').unwrap_or(present);
    if !core.is_empty() {
        let weak_core = core
            .strip_suffix(['ي', 'و', 'ا'])
            .filter(|s| s.chars().count() >= 2);
        for prefix in PRESENT_PREFIXES {
            match weak_core {
                Some(base) => {
                    forms.push(format!("{prefix}{core}"));
                    for suffix in ["ون", "ين", "وا", "ان", "يان", "وان"] {
                        forms.push(format!("{prefix}{base}{suffix}"));
                    }
                }
                None => {
                    for suffix in PRESENT_SUFFIXES {
                        forms.push(format!("{prefix}{core}{suffix}"));
                    }
                }
            }
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paradigm_covers_common_forms() {
        let forms = verb_forms("اعتقل", "يعتقل");
        for form in [
            "اعتقل",
            "اعتقلت",
            "اعتقلوا",
            "يعتقل",
            "تعتقل",
            "يعتقلون",
            "نعتقل",
        ] {
            assert!(forms.contains(&form.to_string()), "{form}");
        }
        assert!(verb_forms("", "").is_empty());
        let weak = verb_forms("القي", "يلقي");
        for form in ["القي", "القت", "القوا", "يلقي", "تلقي", "يلقون"] {
            assert!(weak.contains(&form.to_string()), "{form}");
        }
    }
}
