//! The language lexicons, compiled once per language.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use hadath_ar::ArabicPack;
use hadath_en::EnglishPack;
use hadath_text::{Lang, LanguagePack, Lexicon, tsv_rows};

use crate::PloverType;

/// A trigger lexicon entry.
#[derive(Debug)]
pub(crate) struct TriggerEntry {
    pub event_type: PloverType,
    pub mode: Option<String>,
    /// Sectors one of which must stand in the clause ("انتشر" is a deployment only with police or army).
    pub needs: Vec<String>,
    /// The pattern starts with a verb paradigm: in Arabic the subject tends to follow.
    pub verbal: bool,
    /// Where it is written: `file:line pattern (gloss)`, for `--explain`.
    pub source: String,
}

/// An actor lexicon entry.
#[derive(Debug)]
pub(crate) struct ActorEntry {
    pub sector: Option<String>,
    pub country: Option<String>,
    /// Where it is written: `file:line pattern (gloss)`, for `--explain`.
    pub source: String,
}

/// Roles of function words (see the packs' markers.tsv).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    Neg,
    Claim,
    Plan,
    Hypo,
    LocPrep,
    Clause,
    Since,
    City,
    /// "the capital" with no name after it: the capital of the document's country.
    Capital,
    Country,
    Killed,
    Injured,
    Arrested,
    Unit,
    /// A title or organisation noun that the name after it completes.
    Head,
    /// "that" after a speech verb: what follows is what was said.
    Comp,
    /// "when" opening a clause: a time right before it dates the clause ("in 2019, when …").
    When,
    /// "was subjected to", "came under": the actor before it is the target of the attack after it.
    Undergo,
    /// "على يد", "by": the actor after it did what the passive verb before it says.
    Agent,
    /// "must", "should": a demand on the actor before it ("… said the army must withdraw").
    Must,
    /// "in front of", "outside", "the building of": an institution after it, where a protest
    /// gathers, is what the protest addresses.
    Front,
    /// "against", "ضد", "«يسقط …»", "هتافات معادية ل": what a protest is against, after it.
    Against,
    /// "احتجاجا على", "in protest at": what (whom) a protest is about, after it, where no
    /// other word names its target.
    Protested,
    /// "زي", "in the uniforms of": the actor after it describes clothes, and is no actor.
    Dress,
}

pub(crate) struct LangLexicons {
    pub pack: &'static dyn LanguagePack,
    pub triggers: Lexicon<TriggerEntry>,
    pub actors: Lexicon<ActorEntry>,
    pub markers: Lexicon<Marker>,
    pub function_words: HashSet<String>,
}

impl LangLexicons {
    /// True when `form` is a function word or a one-word entry of a lexicon: such words are not
    /// read as place names.
    pub fn is_lexicon_word(&self, form: &str) -> bool {
        self.function_words.contains(form)
            || self.triggers.has_word(form)
            || self.actors.has_word(form)
            || self.markers.has_word(form)
    }
}

fn dash(field: Option<&&str>) -> Option<String> {
    field
        .filter(|f| !f.is_empty() && **f != "-")
        .map(|f| f.to_string())
}

/// `file:line pattern (gloss)` of a lexicon row.
fn row_source(file: &str, line: usize, f: &[&str], gloss: usize) -> String {
    let pattern = f.first().copied().unwrap_or("");
    match f.get(gloss).filter(|g| !g.is_empty()) {
        Some(gloss) => format!("{file}:{line} {pattern} ({gloss})"),
        None => format!("{file}:{line} {pattern}"),
    }
}

fn build(pack: &'static dyn LanguagePack, dir: &str) -> LangLexicons {
    let data = pack.data();
    let expand = |slot: &str| pack.expand_slot(slot);
    let triggers_file = format!("{dir}/triggers.tsv");
    let actors_file = format!("{dir}/actors.tsv");
    let trigger_rows = tsv_rows(data.triggers).filter_map(|(line, f)| {
        let event_type = PloverType::parse(f.get(1)?)?;
        let needs = dash(f.get(3))
            .map(|n| n.split('|').map(str::to_string).collect())
            .unwrap_or_default();
        let pattern = f.first()?.to_string();
        let verbal = pattern.starts_with("V:");
        Some((
            pattern,
            TriggerEntry {
                event_type,
                mode: dash(f.get(2)),
                needs,
                verbal,
                source: row_source(&triggers_file, line, &f, 4),
            },
        ))
    });
    let actor_rows = tsv_rows(data.actors).filter_map(|(line, f)| {
        Some((
            f.first()?.to_string(),
            ActorEntry {
                sector: dash(f.get(1)),
                country: dash(f.get(2)),
                source: row_source(&actors_file, line, &f, 3),
            },
        ))
    });
    let marker_rows = tsv_rows(data.markers).filter_map(|(_, f)| {
        let marker = match *f.get(1)? {
            "NEG" => Marker::Neg,
            "CLAIM" => Marker::Claim,
            "PLAN" => Marker::Plan,
            "HYPO" => Marker::Hypo,
            "LOCPREP" => Marker::LocPrep,
            "CLAUSE" => Marker::Clause,
            "SINCE" => Marker::Since,
            "CITY" => Marker::City,
            "CAPITAL" => Marker::Capital,
            "COUNTRY" => Marker::Country,
            "KILLED" => Marker::Killed,
            "INJURED" => Marker::Injured,
            "ARRESTED" => Marker::Arrested,
            "UNIT" => Marker::Unit,
            "HEAD" => Marker::Head,
            "COMP" => Marker::Comp,
            "WHEN" => Marker::When,
            "UNDERGO" => Marker::Undergo,
            "AGENT" => Marker::Agent,
            "MUST" => Marker::Must,
            "FRONT" => Marker::Front,
            "AGAINST" => Marker::Against,
            "PROTESTED" => Marker::Protested,
            "DRESS" => Marker::Dress,
            _ => return None,
        };
        Some((f.first()?.to_string(), marker))
    });
    LangLexicons {
        pack,
        triggers: Lexicon::build(trigger_rows, &expand),
        actors: Lexicon::build(actor_rows, &expand),
        markers: Lexicon::build(marker_rows, &expand),
        function_words: data
            .function_words
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(|w| pack.normalize_entry(w))
            .collect(),
    }
}

static AR: LazyLock<LangLexicons> = LazyLock::new(|| build(&ArabicPack, "crates/hadath-ar/data"));
static EN: LazyLock<LangLexicons> = LazyLock::new(|| build(&EnglishPack, "crates/hadath-en/data"));

pub(crate) fn for_lang(lang: Lang) -> &'static LangLexicons {
    match lang {
        Lang::Ar => &AR,
        Lang::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_row_compiles() {
        // A row that yields no pattern (bad type, empty slot) would silently vanish: count them.
        for lang in [Lang::Ar, Lang::En] {
            let lex = for_lang(lang);
            let data = lex.pack.data();
            assert_eq!(
                lex.triggers.len(),
                tsv_rows(data.triggers).count(),
                "{lang:?} triggers"
            );
            assert_eq!(
                lex.actors.len(),
                tsv_rows(data.actors).count(),
                "{lang:?} actors"
            );
        }
    }
}
