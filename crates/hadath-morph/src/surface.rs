//! Surface tokens and their clitics: joining a treebank's syntactic words into the tokens news
//! text writes, and the inverse — every way a written token may split into proclitics, a host and
//! an enclitic.
//!
//! The joining rules (PADT segments a token into syntactic words; the written token is rebuilt):
//! - **Proclitics** are one-letter words bound to the next word: the conjunctions و and ف
//!   (CCONJ), the prepositions ب، ل، ك (ADP), the future particle س and the particles ل and أ
//!   (PART). They chain (و + ب + host).
//! - **Enclitics** are the personal pronouns in the genitive or accusative (PADT tag `SP` with
//!   case 2 or 4: ه، ها، هم، هما، هن، ك، كم، كما، كن، ي، ني، نا), bound to the word before.
//! - Spelling at the joins: ل before the article drops the article's alif (ل + الحظر → للحظر);
//!   before an enclitic, ta marbuta is written ت (حكومة + ه → حكومته), alif maqsura ا
//!   (مستوى + ها → مستواها), a verb's plural وا loses its alif (قالوا + ه → قالوه), a final
//!   hamza after alif sits on waw in the nominative and on ya in the genitive (أبناء + ه →
//!   أبناؤه / أبنائه), and ي + ي is written once (في + ي → في).
//!
//! A split is named by a label, `procs|enclitic|restorations`, which fixes the host given the
//! written token: `وب|ها|T` is و + ب + host + ها where the host's final ت was ة.

use std::sync::LazyLock;

use crate::conllu::Word;

/// Proclitic letters, outermost first: conjunctions, then prepositions and particles.
const CONJUNCTIONS: &[&str] = &["و", "ف"];
const PARTICLES: &[&str] = &["ب", "ل", "ك", "س", "أ"];
/// Enclitic pronouns, longest first.
pub const ENCLITICS: &[&str] = &[
    "هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي",
];
/// The enclitics a written token is split on: all but the first-person ي ("my", "me"), rare in
/// news and, split off, a misreading of every nisba adjective and name ending in ي (أمني،
/// هيلاري); tokens that have it are left whole.
const SPLIT_ENCLITICS: &[&str] = &[
    "هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك",
];

/// Whether a treebank word is a proclitic (bound to the next word).
pub fn is_proclitic(w: &Word) -> bool {
    match w.form.as_str() {
        "و" | "ف" => w.upos == "CCONJ",
        "ب" | "ك" => w.upos == "ADP",
        "ل" => matches!(w.upos.as_str(), "ADP" | "PART" | "CCONJ"),
        "س" | "أ" => w.upos == "PART",
        _ => false,
    }
}

/// Whether a treebank word is an enclitic pronoun (bound to the word before).
pub fn is_enclitic(w: &Word) -> bool {
    w.upos == "PRON"
        && w.xpos.starts_with("SP")
        && matches!(w.xpos.as_bytes().get(8), Some(b'2' | b'4'))
        && ENCLITICS.contains(&w.form.as_str())
}

/// A written token rebuilt from words `first..=last`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// As written.
    pub text: String,
    /// First word.
    pub first: usize,
    /// Last word.
    pub last: usize,
    /// Which word is the host.
    pub host: usize,
}

/// The host as written before an enclitic (ة → ت, ى → ا, وا → و, اء → اؤ/ائ by case).
fn host_before_enclitic(host: &Word, enclitic: &str) -> String {
    let f = host.form.as_str();
    if let Some(stem) = f.strip_suffix('ة') {
        return format!("{stem}ت");
    }
    if let Some(stem) = f.strip_suffix('ى') {
        return format!("{stem}ا");
    }
    if host.upos == "VERB"
        && let Some(stem) = f.strip_suffix("وا")
    {
        return format!("{stem}و");
    }
    if let Some(stem) = f.strip_suffix("اء") {
        if host.feats.contains("Case=Nom") {
            return format!("{stem}اؤ");
        }
        if host.feats.contains("Case=Gen") {
            return format!("{stem}ائ");
        }
    }
    if enclitic == "ي" && f.ends_with('ي') {
        // في + ي → في: the ending is written once (its own ي is added back by the caller).
        return f.strip_suffix('ي').unwrap_or(f).to_string();
    }
    f.to_string()
}

/// Rebuilds the written tokens of a sentence's words.
pub fn rebuild(words: &[Word]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let first = i;
        // Proclitics bind to a following word that is not punctuation.
        while i + 1 < words.len() && is_proclitic(&words[i]) && words[i + 1].upos != "PUNCT" {
            i += 1;
        }
        let host = i;
        let mut text = words[host].form.clone();
        let mut last = host;
        if host + 1 < words.len()
            && is_enclitic(&words[host + 1])
            && !matches!(words[host].upos.as_str(), "PUNCT" | "NUM")
            && !is_proclitic(&words[host])
        {
            let enclitic = words[host + 1].form.as_str();
            text = host_before_enclitic(&words[host], enclitic);
            text.push_str(enclitic);
            last = host + 1;
        }
        for p in words[first..host].iter().rev() {
            if p.form == "ل" && text.starts_with("ال") {
                text = format!("ل{}", &text["ا".len()..]);
            } else {
                text = format!("{}{text}", p.form);
            }
        }
        out.push(Token {
            text,
            first,
            last,
            host,
        });
        i = last + 1;
    }
    out
}

/// One way a written token splits: its label and its words (proclitics, host, enclitic).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// `procs|enclitic|restorations`.
    pub label: String,
    /// The words, in order.
    pub words: Vec<String>,
    /// Which of `words` is the host.
    pub host: usize,
}

/// The proclitic sequences a token may start with (none first), each written joined.
static PREFIXES: LazyLock<Vec<(String, Vec<&'static str>)>> = LazyLock::new(|| {
    let mut prefixes: Vec<Vec<&'static str>> = vec![vec![]];
    for &c in CONJUNCTIONS {
        prefixes.push(vec![c]);
        for &p in PARTICLES {
            prefixes.push(vec![c, p]);
        }
    }
    for &p in PARTICLES {
        prefixes.push(vec![p]);
    }
    prefixes.into_iter().map(|p| (p.concat(), p)).collect()
});

/// Every split of a written token into up to two proclitics, a host of at least `min_host`
/// letters and an enclitic, undoing the joining rules; the unsplit token comes first.
pub fn splits(token: &str, min_host: usize) -> Vec<Split> {
    let mut out = vec![Split {
        label: "||".into(),
        words: vec![token.to_string()],
        host: 0,
    }];
    if !token.starts_with(|c: char| ('\u{0621}'..='\u{064A}').contains(&c)) {
        return out;
    }
    for (joined, procs) in PREFIXES.iter() {
        let Some(rest) = token.strip_prefix(joined.as_str()) else {
            continue;
        };
        // ل before the article: the written لل is ل + ال.
        let mut hosts_front: Vec<(String, &str)> = vec![(rest.to_string(), "")];
        if procs.last() == Some(&"ل") && rest.starts_with('ل') {
            hosts_front.push((format!("ا{rest}"), "A"));
        }
        for (front, flag_a) in hosts_front {
            for enclitic in std::iter::once("").chain(SPLIT_ENCLITICS.iter().copied()) {
                let Some(host_written) = front.strip_suffix(enclitic) else {
                    continue;
                };
                let mut hosts: Vec<(String, &str)> = vec![(host_written.to_string(), "")];
                if !enclitic.is_empty() {
                    if let Some(stem) = host_written.strip_suffix('ت') {
                        hosts.push((format!("{stem}ة"), "T"));
                    }
                    if let Some(stem) = host_written.strip_suffix('ا') {
                        hosts.push((format!("{stem}ى"), "Y"));
                    }
                    if let Some(stem) = host_written.strip_suffix('و') {
                        hosts.push((format!("{stem}وا"), "W"));
                    }
                    if let Some(stem) = host_written
                        .strip_suffix("اؤ")
                        .or_else(|| host_written.strip_suffix("ائ"))
                    {
                        hosts.push((format!("{stem}اء"), "H"));
                    }
                }
                for (host, flag) in hosts {
                    if host.chars().count() < min_host || (procs.is_empty() && enclitic.is_empty())
                    {
                        continue;
                    }
                    let mut words: Vec<String> = procs.iter().map(|p| p.to_string()).collect();
                    let host_index = words.len();
                    words.push(host);
                    if !enclitic.is_empty() {
                        words.push(enclitic.to_string());
                    }
                    out.push(Split {
                        label: format!("{joined}|{enclitic}|{flag_a}{flag}"),
                        words,
                        host: host_index,
                    });
                }
            }
        }
    }
    out
}

/// The split of `token` with this label, if it has one.
pub fn split_by_label(token: &str, label: &str) -> Option<Split> {
    splits(token, 1).into_iter().find(|s| s.label == label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(form: &str, upos: &str, xpos: &str, feats: &str) -> Word {
        Word {
            form: form.into(),
            lemma: form.into(),
            upos: upos.into(),
            xpos: xpos.into(),
            feats: feats.into(),
        }
    }

    #[test]
    fn joins_clitics_with_their_spelling_rules() {
        let words = vec![
            w("و", "CCONJ", "C---------", "_"),
            w("ل", "ADP", "P---------", "_"),
            w("الحظر", "NOUN", "N------S2D", "Case=Gen"),
            w("حكومة", "NOUN", "N------S2R", "Case=Gen"),
            w("ه", "PRON", "SP---3MS2-", "_"),
            w("هو", "PRON", "SP---3MS1-", "_"),
            w("أبناء", "NOUN", "N------P1R", "Case=Nom"),
            w("ها", "PRON", "SP---3FS2-", "_"),
            w("قالوا", "VERB", "VP-A-3MP--", "_"),
            w("ه", "PRON", "SP---3MS4-", "_"),
        ];
        let texts: Vec<String> = rebuild(&words).into_iter().map(|t| t.text).collect();
        assert_eq!(texts, ["وللحظر", "حكومته", "هو", "أبناؤها", "قالوه"]);
    }

    #[test]
    fn splits_undo_the_joins() {
        let find = |token: &str, words: &[&str]| {
            splits(token, 2)
                .into_iter()
                .find(|s| s.words == words)
                .map(|s| s.label)
        };
        assert_eq!(
            find("وللحظر", &["و", "ل", "الحظر"]).as_deref(),
            Some("ول||A")
        );
        assert_eq!(find("حكومته", &["حكومة", "ه"]).as_deref(), Some("|ه|T"));
        assert_eq!(find("مستواها", &["مستوى", "ها"]).as_deref(), Some("|ها|Y"));
        assert_eq!(find("أبناؤها", &["أبناء", "ها"]).as_deref(), Some("|ها|H"));
        assert_eq!(splits("2022", 2).len(), 1);
        let s = split_by_label("بالمتظاهرين", "ب||").unwrap();
        assert_eq!(s.words, ["ب", "المتظاهرين"]);
    }
}
