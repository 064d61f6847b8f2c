//! From a document to event records: mentions (triggers, actors, markers, dates, numbers, places)
//! per sentence, then one event per trigger type and sentence with its arguments, then a merge of
//! repeated mentions of the same event.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use hadath_geo::{Candidate, Gazetteer, GeoContext, Method, Place, PlaceKind, confidence, rank};
use hadath_text::{
    Analysis, Document, Lang, Match, Span, Token, TokenKind, split_sentences, tokenize,
};
use hadath_time::{
    NumberMention, Precision, Quantity, TimeMention, WordView, find_numbers, find_times,
};
use jiff::ToSpan;
use jiff::civil::Date;

use crate::lexicons::{ActorEntry, LangLexicons, Marker, TriggerEntry, for_lang};
use crate::{
    Actor, CountrySource, Event, EventDate, Factuality, Fatalities, Location, PloverType, RunnerUp,
    Step, TextSpan, mapping,
};

/// Something worth telling the user about a document that still produced output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What happened.
    pub message: String,
    /// Where, when it concerns one place in the text.
    pub span: Option<Span>,
}

/// A city of a country the document does not name needs a cue and this many people …
const BIG_CITY: u32 = 200_000;
/// … or this many with no cue at all.
const METROPOLIS: u32 = 1_000_000;
/// A place smaller than this is taken only after a place noun (قرية، بلدة، مدينة).
const SMALL_PLACE: u32 = 15_000;
/// Nouns after which a name is a city (or town).
const CITY_NOUNS: &[&str] = &[
    "العاصمه",
    "عاصمه",
    "مدينه",
    "بلده",
    "قريه",
    "مطار",
    "مخيم",
    "ميناء",
    "قاعده",
    "capital",
    "city",
    "town",
    "village",
];
/// Nouns of places named after people (ساحة الشهداء، شارع، مسجد…).
const NAMED_PLACE_NOUNS: &[&str] = &[
    "ساحه",
    "ميدان",
    "شارع",
    "حديقه",
    "جسر",
    "مسجد",
    "جامع",
    "جامعه",
    "مستشفي",
    "مدرسه",
    "حي",
    "square",
    "street",
    "avenue",
    "park",
    "bridge",
    "mosque",
    "university",
    "hospital",
    "school",
];
/// Streets, squares and palaces are often named after a city or a country elsewhere ("ساحة دمشق",
/// "شارع فلسطين", "Planalto Palace"): a name beside one of these (after it in Arabic, before it,
/// capitalised, in English) is not where the event is.
const THOROUGHFARE_NOUNS: &[&str] = &[
    "ساحه",
    "ميدان",
    "شارع",
    "حديقه",
    "جسر",
    "قصر",
    "square",
    "street",
    "avenue",
    "road",
    "park",
    "bridge",
    "palace",
    // And media: a channel's, newspaper's or agency's name is no place (قناة الجزيرة، صحيفة
    // الأهرام، وكالة الأناضول; added session 15).
    "قناه",
    "صحيفه",
    "جريده",
    "وكاله",
    "اذاعه",
    "تلفزيون",
];
/// Most words between a speech verb and the time after it for the time to date the speech
/// ("قال مسؤول في الشرطة في ألماتي الخميس إن …").
const REPORT_GAP: usize = 8;
/// Most words between a comma and the speech verb after it for the clause before to be what was
/// said ("…, a police spokesman said").
const ATTRIBUTION_GAP: usize = 4;
/// Most words between a subject and its verb after it ("قوات اجنبية قتلت": an adjective).
const SUBJECT_GAP: usize = 1;
/// Most words between a killing verb and the attack noun or "على يد/by" after it that make it passive.
const PASSIVE_GAP: usize = 3;
/// Most words between "تعرض/came under" and the attack it introduces.
const UNDERGO_GAP: usize = 3;
/// Most words between a number and "killed" for the number to count the dead.
const FATALITY_WINDOW: usize = 6;
/// Words either side of a trigger candidate that the Arabic word analyser reads (the trigger's
/// clause: its actors, its place). Whole sentences gave the same events on the dev articles and
/// gsr-ar, at 18% more time (docs/PERFORMANCE.md).
const MORPH_WINDOW: usize = 6;
/// Highest reading cost per letter at which a word after a place noun is taken for a place
/// GeoNames has only in Latin script (see `hadath_geo::align`).
const TRANSLIT_MAX_COST: f32 = 0.25;

struct Doc<'a> {
    doc: &'a Document,
    lex: &'static LangLexicons,
    gazetteer: &'static Gazetteer,
    norm: String,
    tokens: Vec<Token>,
    analyses: Vec<Vec<Analysis>>,
    /// The analyses a function word may have (clitics و ف س ل only).
    marker_analyses: Vec<Vec<Analysis>>,
    /// Names the recogniser found (Arabic only), in token order.
    entities: Vec<(Range<usize>, EntityKind)>,
    /// The country each token names as a demonym (الكازاخستانية, Kazakh), if any.
    demonyms: Vec<Option<Place<'static>>>,
    published: Date,
}

impl<'a> Doc<'a> {
    /// The document normalised, tokenised and its words read by the language pack.
    fn new(doc: &'a Document, published: Date) -> Doc<'a> {
        let lex = for_lang(doc.lang);
        let norm = lex.pack.normalize(&doc.text);
        let tokens = tokenize(&norm);
        let analyses: Vec<Vec<Analysis>> = tokens
            .iter()
            .map(|t| {
                let mut out = Vec::new();
                if t.kind != TokenKind::Punct {
                    lex.pack.analyses(t.text(&norm), &mut out);
                }
                out
            })
            .collect();
        let marker_analyses = analyses
            .iter()
            .map(|a| {
                a.iter()
                    .filter(|a| a.verbal_ok && !a.definite || a.proclitic_len == 0)
                    .cloned()
                    .collect()
            })
            .collect();
        Doc {
            doc,
            lex,
            gazetteer: Gazetteer::embedded(),
            norm: norm.as_str().to_string(),
            tokens,
            analyses,
            marker_analyses,
            demonyms: Vec::new(),
            entities: Vec::new(),
            published,
        }
    }
}

impl Doc<'_> {
    fn sub_view(&self, range: &Range<usize>) -> WordView<'_> {
        WordView {
            norm: &self.norm,
            tokens: &self.tokens[range.clone()],
            analyses: &self.analyses[range.clone()],
        }
    }

    fn span(&self, tokens: &Range<usize>) -> Span {
        if tokens.is_empty() || tokens.end > self.tokens.len() {
            return Span::default();
        }
        self.tokens[tokens.start]
            .orig
            .cover(self.tokens[tokens.end - 1].orig)
    }

    fn text_span(&self, tokens: &Range<usize>) -> TextSpan {
        let span = self.span(tokens);
        TextSpan {
            text: span.slice(&self.doc.text).to_string(),
            span,
        }
    }

    fn text(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.norm.slice(&self.norm))
    }

    /// An Arabic demonym in the accusative (أميركيا, إيرانيا) is often an adverb — "المدعومة
    /// أميركيا", US-backed — that says who backs, not where the news is: it qualifies an actor
    /// beside it (مدنيا افغانيا) but counts for nothing else.
    fn adverbial_demonym(&self, i: usize) -> bool {
        self.doc.lang == Lang::Ar && self.demonyms[i].is_some() && self.text(i).ends_with("يا")
    }
}

#[derive(Clone, Debug)]
struct PlaceMention {
    tokens: Range<usize>,
    place: u32,
    kind: PlaceKind,
    cue: bool,
    method: Method,
    /// The geocoder's confidence in this reading (see `hadath_geo::confidence`).
    confidence: f32,
    runner_up: Option<u32>,
}

#[derive(Clone, Debug)]
struct ActorMention {
    tokens: Range<usize>,
    sector: Option<String>,
    country: Option<String>,
    /// A name the recogniser found that no lexicon entry codes: it fills only an empty source
    /// or target.
    name_only: bool,
    /// The lexicon row it comes from, if any (for `--explain`).
    entry: Option<&'static ActorEntry>,
    /// Whether the gazetteer gave or qualified it: a demonym or a country's name.
    gazetteer: bool,
    /// The name inside it: the recogniser's that widened it or is it, or the capitalized words
    /// after an English title.
    name: Option<Range<usize>>,
    /// The earlier actor of the document whose name it repeats, and whose codes it took.
    alias: Option<Range<usize>>,
}

impl ActorMention {
    /// A country named alone, by its name or a demonym: the state or its people, coded with the
    /// country and no sector.
    fn of_country(tokens: Range<usize>, iso3: String) -> ActorMention {
        ActorMention {
            tokens,
            sector: None,
            country: Some(iso3),
            name_only: false,
            entry: None,
            gazetteer: true,
            name: None,
            alias: None,
        }
    }

    /// The country named beside this actor (الشرطة الكازاخستانية, "Iraq's government") becomes
    /// its country, unless it has one; the actor widens over the name.
    fn qualify(&mut self, tokens: &Range<usize>, iso3: String) {
        if self.country.is_none() {
            self.tokens = self.tokens.start.min(tokens.start)..self.tokens.end.max(tokens.end);
            self.country = Some(iso3);
            self.gazetteer = true;
        }
    }
}

struct Sentence {
    span: Span,
    tokens: Range<usize>,
    paragraph: usize,
    /// Clause index of each token of the sentence.
    clause_of: Vec<usize>,
    /// Clauses opened by "since" (their dates are not the event's).
    since_clauses: Vec<usize>,
    triggers: Vec<(Range<usize>, &'static TriggerEntry)>,
    actors: Vec<ActorMention>,
    markers: Vec<(Range<usize>, Marker)>,
    times: Vec<TimeMention>,
    numbers: Vec<NumberMention>,
    places: Vec<PlaceMention>,
}

impl Sentence {
    fn clause(&self, token: usize) -> usize {
        self.clause_of
            .get(token.saturating_sub(self.tokens.start))
            .copied()
            .unwrap_or(0)
    }

    /// The words of a `marker` ending fewer than `window` words before `token`, in its clause.
    fn marker_before(&self, token: usize, marker: Marker, window: usize) -> Option<Range<usize>> {
        self.markers
            .iter()
            .find(|(r, m)| {
                *m == marker
                    && r.end <= token
                    && token - r.end < window
                    && self.clause(r.start) == self.clause(token)
            })
            .map(|(r, _)| r.clone())
    }
}

/// How to extract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Split Arabic words around trigger candidates with the word analyser's segmenter
    /// (`hadath-morph`): its proclitic split narrows the pack's readings. (Its lemmas are not
    /// used: the trigger lexicon's `V:` slots already spell each verb's paradigm, and reading
    /// verbs by lemma changed 4 of 3,988 ANERcorp sentences, one of them wrongly, at twice the
    /// cost.) On by default; off only to measure what it changes (`hadath eval --no-morph`).
    pub morphology: bool,
    /// Read Arabic names around trigger candidates with the named-entity recogniser
    /// (`hadath-ner`): a person or organisation named next to a lexicon actor widens its span (the
    /// title and the name), one named alone is an actor without codes that fills an empty source
    /// or target, and a location is a place candidate (`hadath eval --no-ner` to compare).
    pub entities: bool,
    /// Record why each field has its value (`Event::explain`; `hadath extract --explain`).
    pub explain: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            morphology: true,
            entities: true,
            explain: false,
        }
    }
}

/// Extracts the events of one document. Never fails: what could not be read becomes a diagnostic.
pub fn extract(doc: &Document) -> (Vec<Event>, Vec<Diagnostic>) {
    extract_with(doc, &Options::default())
}

/// The events the lexicon rules find (today, all of [`extract`]; a learned sentence detector is
/// measured by `hadath eval gsr --cv` but not yet applied).
pub fn extract_rules(doc: &Document) -> (Vec<Event>, Vec<Diagnostic>) {
    extract(doc)
}

/// [`extract`] with options.
pub fn extract_with(doc: &Document, options: &Options) -> (Vec<Event>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let published = doc.published.unwrap_or_else(|| {
        diagnostics.push(Diagnostic {
            message: "no publication date: relative dates are resolved against today".into(),
            span: None,
        });
        jiff::ZonedDateTime::now().date()
    });
    let mut d = Doc::new(doc, published);
    // The word analyser and the name recogniser, where they matter: around the words that may
    // name an event.
    // Sentence boundaries depend on the text alone: found once.
    let ranges = sentence_ranges(&d);
    if doc.lang == Lang::Ar && (options.morphology || options.entities) {
        let windows = trigger_windows(&d, &ranges);
        // What the recogniser said of the windows before: a name told in full once is known
        // when it comes back bare.
        let mut names_so_far = hadath_ner::History::new();
        for w in &windows {
            if options.morphology {
                analyse_words(&mut d, w.clone());
            }
            if options.entities {
                find_entities(&mut d, w.clone(), &mut names_so_far);
            }
        }
    }
    d.demonyms = d
        .analyses
        .iter()
        .zip(&d.tokens)
        .map(|(analyses, t)| {
            // "US" in capitals is the United States ("us" is a pronoun).
            if d.doc.lang == Lang::En && matches!(t.orig.slice(&d.doc.text), "US" | "U.S." | "U.S")
            {
                return d.gazetteer.country("US");
            }
            analyses.iter().find_map(|a| d.gazetteer.demonym(&a.form))
        })
        .collect();
    let mut sentences = find_mentions(&d, ranges);
    resolve_places(&d, &mut sentences);
    country_actors(&d, &mut sentences);
    named_again(&d, &mut sentences);
    let doc_country = main_country(&d, &sentences);
    let mut events = build_events(&d, &sentences, doc_country, options.explain);
    merge(&mut events);
    for (n, event) in events.iter_mut().enumerate() {
        event.id = format!("{}#{}", doc.id, n + 1);
    }
    (events, diagnostics)
}

/// The stretches of each sentence within [`MORPH_WINDOW`] words of a trigger candidate, merged.
fn trigger_windows(d: &Doc<'_>, ranges: &[(Span, Range<usize>)]) -> Vec<Range<usize>> {
    let mut windows: Vec<Range<usize>> = Vec::new();
    for (_, range) in ranges {
        let range = range.clone();
        let first = windows.len();
        for m in d.lex.triggers.find_all(&d.analyses, range.clone()) {
            let w = m.tokens.start.saturating_sub(MORPH_WINDOW).max(range.start)
                ..(m.tokens.end + MORPH_WINDOW).min(range.end);
            let open = windows.len() > first;
            match windows.last_mut() {
                Some(last) if open && w.start <= last.end => last.end = last.end.max(w.end),
                _ => windows.push(w),
            }
        }
    }
    windows
}

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EntityKind {
    Person,
    Organization,
    Location,
    Other,
}

/// The tokens of `range` as written, diacritics off: what the Arabic models were trained on.
fn written_tokens(d: &Doc<'_>, range: &Range<usize>) -> Vec<String> {
    d.tokens[range.clone()]
        .iter()
        .map(|t| hadath_morph::conllu::strip(t.orig.slice(&d.doc.text)))
        .collect()
}

/// Records the names the recogniser finds in `range`, a stretch of the document `history` has
/// seen the stretches before of.
fn find_entities(d: &mut Doc<'_>, range: Range<usize>, history: &mut hadath_ner::History) {
    let written = written_tokens(d, &range);
    let refs: Vec<&str> = written.iter().map(String::as_str).collect();
    for e in hadath_ner::arabic().entities_in(&refs, history) {
        let kind = match e.kind.as_str() {
            "PERS" => EntityKind::Person,
            "ORG" => EntityKind::Organization,
            "LOC" => EntityKind::Location,
            _ => EntityKind::Other,
        };
        let tokens = range.start + e.start..range.start + e.end;
        // A name is words: punctuation at its edges is the recogniser's slip.
        let mut words = tokens
            .clone()
            .filter(|&i| d.tokens[i].kind == TokenKind::Word);
        let (Some(start), Some(last)) = (words.clone().next(), words.next_back()) else {
            continue;
        };
        d.entities.push((start..last + 1, kind));
    }
}

/// Narrows the clitic analyses of Arabic words (`range`) to the proclitics the word analyser
/// splits off (the word unsplit is always kept; enclitics are left to the pack, which the
/// analyser misses more often).
fn analyse_words(d: &mut Doc<'_>, range: Range<usize>) {
    let written = written_tokens(d, &range);
    let refs: Vec<&str> = written.iter().map(String::as_str).collect();
    let pack = &d.lex.pack;
    let fold = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            pack.fold_char(c, &mut out);
        }
        out
    };
    for (k, split) in hadath_morph::arabic()
        .segment(&refs)
        .into_iter()
        .enumerate()
    {
        let i = range.start + k;
        if d.tokens[i].kind == TokenKind::Punct {
            continue;
        }
        let host = fold(&split.words[split.host]);
        let bare = match host.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 => rest,
            _ => host.as_str(),
        };
        // The treebank does not split the article: both المحتجين and محتجين are its host. ل + ال
        // before a word in ل writes لل too (للقاء: ل + اللقاء), which the analyser reads ل + القاء.
        let after_lam = (d.text(i).contains("لل") && bare != host).then(|| format!("ل{bare}"));
        let out = &mut d.analyses[i];
        let same_split = |a: &Analysis| {
            a.proclitic_len > 0
                && (same_host(&a.form, bare)
                    || same_host(&a.form, &host)
                    || after_lam.as_deref().is_some_and(|h| same_host(&a.form, h)))
        };
        // The analyser's split not among the pack's: keep them all.
        if out.iter().any(same_split) {
            out.retain(|a| a.proclitic_len == 0 || same_split(a));
        }
    }
}

/// Whether two readings of one word's host start alike: one is the other with an enclitic cut
/// off, allowing the one letter a suffix changes (حكومته → حكومة).
fn same_host(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common + 1 >= a.chars().count().min(b.chars().count()) && common >= 2
}

/// The sentences of the document with their tokens (sentences without tokens left out).
fn sentence_ranges(d: &Doc<'_>) -> Vec<(Span, Range<usize>)> {
    let mut out = Vec::new();
    let mut token_idx = 0;
    for span in split_sentences(&d.doc.text) {
        while token_idx < d.tokens.len() && d.tokens[token_idx].orig.start() < span.start() {
            token_idx += 1;
        }
        let start = token_idx;
        while token_idx < d.tokens.len() && d.tokens[token_idx].orig.end() <= span.end() {
            token_idx += 1;
        }
        if token_idx > start {
            out.push((span, start..token_idx));
        }
    }
    out
}

fn find_mentions(d: &Doc<'_>, ranges: Vec<(Span, Range<usize>)>) -> Vec<Sentence> {
    let text = &d.doc.text;
    ranges
        .into_iter()
        .map(|(span, range)| {
            let paragraph = text[..span.start()].matches('\n').count();
            sentence_mentions(d, span, range, paragraph)
        })
        .collect()
}

/// The mentions of one sentence (`range`: its tokens).
fn sentence_mentions(d: &Doc<'_>, span: Span, range: Range<usize>, paragraph: usize) -> Sentence {
    // Function words carry only و ف س ل before them: كما is not ك + ما ("not").
    let markers: Vec<(Range<usize>, Marker)> = d
        .lex
        .markers
        .find_all(&d.marker_analyses, range.clone())
        .into_iter()
        .map(|m| (m.tokens.clone(), *m.value))
        .collect();
    let view = d.sub_view(&range);
    let numbers: Vec<NumberMention> = find_numbers(d.doc.lang, &view)
        .into_iter()
        .map(|mut m| {
            m.tokens = m.tokens.start + range.start..m.tokens.end + range.start;
            m
        })
        .collect();
    // The lexicon's trigger matches, read once: a demonym beside an attack noun needs them
    // (`find_actors`), then the sentence's triggers are chosen among them.
    let trigger_matches = d.lex.triggers.find_all(&d.analyses, range.clone());
    let actors = find_actors(d, &range, &numbers, &trigger_matches, &markers);
    // A trigger word inside an actor's name (قوات مكافحة الشغب, "riot police") names no event;
    // nor does a verb read by splitting clitics off a word that is, as written, an actor's noun
    // (وزارة "ministry", not و + زاره "and he visited him"; وطالب stays "and he demanded").
    let triggers: Vec<_> = select_triggers(trigger_matches)
        .into_iter()
        .filter(|(r, e)| {
            !actors.iter().any(|a| {
                a.tokens.start <= r.start && r.end <= a.tokens.end && a.tokens.len() > r.len()
            }) && !(e.verbal && r.len() == 1 && d.lex.actors.has_word(d.text(r.start)))
        })
        .collect();
    // "مسلحون يرتدون زي الشرطة", "gunmen dressed as police": the police are their clothes.
    let actors: Vec<ActorMention> = actors
        .into_iter()
        .filter(|a| {
            !markers.iter().any(|(r, m)| {
                *m == Marker::Dress
                    && match d.doc.lang {
                        // "in police uniforms": an English noun after it ("dressed as" is
                        // two words, the actor after them).
                        Lang::En if r.len() == 1 => a.tokens.end == r.start,
                        _ => r.end <= a.tokens.start && a.tokens.start <= r.end + 1,
                    }
            })
        })
        .collect();
    let shift_time = |mut m: TimeMention| {
        m.tokens = m.tokens.start + range.start..m.tokens.end + range.start;
        m
    };
    let times: Vec<TimeMention> = find_times(d.doc.lang, &view, d.published)
        .into_iter()
        .map(shift_time)
        .collect();
    let actors = with_names(d, &range, actors, &triggers, &markers, &times);
    let mut clause_of = Vec::with_capacity(range.len());
    let mut since_clauses = Vec::new();
    let mut clause = 0;
    for i in range.clone() {
        let opener = markers.iter().find(|(r, m)| {
            r.start == i && matches!(m, Marker::Clause | Marker::Since | Marker::When)
        });
        if i > range.start && opener.is_some() {
            clause += 1;
        }
        if opener.is_some_and(|(_, m)| *m == Marker::Since) {
            since_clauses.push(clause);
        }
        clause_of.push(clause);
        // A comma inside an actor joins a title and its name ("الرئيس البوليفي، إيفو
        // موراليس"): no clause ends there.
        if d.tokens[i].kind == TokenKind::Punct
            && matches!(d.text(i), "," | ";" | ":" | "(" | ")" | "-" | "–")
            && !actors
                .iter()
                .any(|a| a.tokens.start < i && i + 1 < a.tokens.end)
        {
            clause += 1;
        }
    }
    Sentence {
        span,
        tokens: range,
        paragraph,
        clause_of,
        since_clauses,
        triggers,
        actors,
        markers,
        times,
        numbers,
        places: Vec::new(),
    }
}

/// Longest match first; a match inside a longer one is dropped; several types on one span stay.
fn select_triggers(matches: Vec<Match<'_, TriggerEntry>>) -> Vec<(Range<usize>, &TriggerEntry)> {
    let mut sorted = matches;
    sorted.sort_by_key(|m| (std::cmp::Reverse(m.tokens.len()), m.tokens.start));
    let mut kept: Vec<(Range<usize>, &TriggerEntry)> = Vec::new();
    for m in sorted {
        let overlaps = kept.iter().any(|(r, e)| {
            let overlap = r.start < m.tokens.end && m.tokens.start < r.end;
            overlap && !(*r == m.tokens && e.event_type != m.value.event_type)
        });
        let duplicate = kept
            .iter()
            .any(|(r, e)| *r == m.tokens && e.event_type == m.value.event_type);
        if !overlaps && !duplicate {
            kept.push((m.tokens.clone(), m.value));
        }
    }
    kept.sort_by_key(|(r, _)| r.start);
    kept
}

fn find_actors(
    d: &Doc<'_>,
    range: &Range<usize>,
    numbers: &[NumberMention],
    triggers: &[Match<'_, TriggerEntry>],
    markers: &[(Range<usize>, Marker)],
) -> Vec<ActorMention> {
    let mut actors: Vec<ActorMention> = Vec::new();
    let mut matches = d.lex.actors.find_all(&d.analyses, range.clone());
    matches.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.len())));
    let mut covered_until = 0;
    for m in matches {
        if m.tokens.start < covered_until {
            continue;
        }
        covered_until = m.tokens.end;
        actors.push(ActorMention {
            tokens: m.tokens.clone(),
            sector: m.value.sector.clone(),
            country: m.value.country.clone(),
            name_only: false,
            entry: Some(m.value),
            gazetteer: false,
            name: None,
            alias: None,
        });
    }
    // A named group or organisation next to a role noun makes one actor with the group's codes:
    // its members ("Hamas fighters", "Houthi spokesman"; مقاتلو حماس, عناصر حزب الله).
    let group = |a: &ActorMention| a.country.is_some();
    let mut k = 0;
    while k + 1 < actors.len() {
        let (first, second) = (&actors[k], &actors[k + 1]);
        let (role, member_of) = match d.doc.lang {
            Lang::Ar => (first, second),
            _ => (second, first),
        };
        if first.tokens.end == second.tokens.start && group(member_of) && !group(role) {
            let merged = ActorMention {
                tokens: first.tokens.start..second.tokens.end,
                ..member_of.clone()
            };
            actors.splice(k..k + 2, [merged]);
        } else {
            k += 1;
        }
    }
    // An Arabic plural noun and the plural adjective after it that agrees with it (the same
    // ending, both definite or neither) are one actor, the noun's: مفجرون انتحاريون (suicide
    // bombers), not bombers attacking suicide bombers. Different cases stay two: مسلحون مدنيين.
    // So are an indefinite singular noun and its nisba adjective (مفجر انتحاري).
    if d.doc.lang == Lang::Ar {
        let mut k = 0;
        while k + 1 < actors.len() {
            let (first, second) = (&actors[k], &actors[k + 1]);
            let last = d.text(first.tokens.end - 1);
            let adjective = d.text(second.tokens.start);
            let plural = ["ون", "ين", "ات"];
            let agree = plural
                .iter()
                .any(|s| last.ends_with(s) && adjective.ends_with(s))
                && last.starts_with("ال") == adjective.starts_with("ال")
                // A singular noun and its nisba adjective, both indefinite (مفجر انتحاري, a
                // suicide bomber): an indefinite object would be accusative (مدنيا), so a
                // subject and its object do not read this way.
                || !last.starts_with("ال")
                    && !adjective.starts_with("ال")
                    && !plural.iter().any(|s| last.ends_with(s))
                    && (adjective.ends_with("ي") && !last.ends_with('ه')
                        || adjective.ends_with("يه") && last.ends_with('ه'));
            if first.tokens.end == second.tokens.start
                && second.tokens.len() == 1
                && !group(first)
                && !group(second)
                && agree
            {
                // Officials who are military or police (المسؤولون العسكريون) are the forces'.
                let sector = match (first.sector.as_deref(), second.sector.as_deref()) {
                    (Some("GOV"), Some(s @ ("MIL" | "COP"))) | (None, Some(s)) => Some(s.into()),
                    (s, _) => s.map(str::to_string),
                };
                let merged = ActorMention {
                    tokens: first.tokens.start..second.tokens.end,
                    sector,
                    ..first.clone()
                };
                actors.splice(k..k + 2, [merged]);
            } else {
                k += 1;
            }
        }
    }
    // Demonyms: qualify an adjacent actor (الشرطة الكازاخستانية, Kazakh police) or stand alone (الروس).
    for i in range.clone() {
        let Some(country) = d.demonyms[i].map(|p| p.country_iso3().to_string()) else {
            continue;
        };
        // The actor right next to the demonym first; in Arabic, one word further back only when
        // no actor stands between them (مسلحون القوات الأمريكية: the forces are American, not
        // the gunmen) and the word between is no count (مسلحون خمسة بريطانيين: five Britons).
        let next_to = |a: &ActorMention| match d.doc.lang {
            Lang::Ar => a.tokens.end == i,
            _ => i + 1 == a.tokens.start,
        };
        let counted = i > 0 && numbers.iter().any(|n| n.tokens.contains(&(i - 1)));
        let adjacent = match actors.iter().position(next_to) {
            Some(k) => actors.get_mut(k),
            None if d.doc.lang == Lang::Ar && !counted && !d.adverbial_demonym(i) => {
                actors.iter_mut().find(|a| a.tokens.end + 1 == i)
            }
            None => None,
        };
        match adjacent {
            Some(actor) => actor.qualify(&(i..i + 1), country),
            None if d.adverbial_demonym(i) => {}
            None => {
                let mut actor = ActorMention::of_country(i..i + 1, country);
                // A state's missile, air strike or shelling is its military's (صاروخ اسرائيلي،
                // الضربات الجوية الاميركية, "an Israeli air strike").
                if beside_attack(d, triggers.iter().map(|m| (&m.tokens, m.value)), markers, i) {
                    actor.sector = Some("MIL".into());
                }
                actors.push(actor);
            }
        }
    }
    actors.sort_by_key(|a| a.tokens.start);
    actors
}

/// Whether the word at `i` stands right beside an attack noun among `triggers` (the sentence's):
/// after it in Arabic (the adjective follows its noun), before it in English.
fn beside_attack<'a>(
    d: &Doc<'_>,
    triggers: impl IntoIterator<Item = (&'a Range<usize>, &'a TriggerEntry)>,
    markers: &[(Range<usize>, Marker)],
    i: usize,
) -> bool {
    triggers.into_iter().any(|(r, e)| {
        e.event_type == PloverType::Assault
            // A noun: after a killing verb, a demonym is the people killed (قتل عراقيان).
            && !e.verbal
            // What a state fires or strikes with, or an attack; not a killing, an abduction or
            // an assassination, whose demonym is the victim's (مقتل الأميركيين، خطف البريطانيين).
            && matches!(e.mode.as_deref(), None | Some("aerial" | "heavy-weapons" | "drone"))
            && !markers.iter().any(|(k, m)| {
                *m == Marker::Killed && k.start < r.end && r.start < k.end
            })
            && match d.doc.lang {
                Lang::Ar => r.end == i,
                _ => r.start == i + 1,
            }
    })
}

/// Source and target among a clause's actors by where they stand: in an Arabic verbal clause
/// (verb, subject, object) the first actor after the verb is its subject and the second (or the
/// last before it) its object; otherwise the last before is the source, the first after the target.
fn by_position<'a>(
    actors: &[&'a ActorMention],
    trigger: &Range<usize>,
    verbal: bool,
    object_marked: impl Fn(&ActorMention) -> bool,
) -> (Option<&'a ActorMention>, Option<&'a ActorMention>) {
    let before: Vec<&ActorMention> = actors
        .iter()
        .copied()
        .filter(|a| a.tokens.end <= trigger.start)
        .collect();
    let after: Vec<&ActorMention> = actors
        .iter()
        .copied()
        .filter(|a| a.tokens.start >= trigger.end)
        .collect();
    // A subject right before the verb ("قواته قتلت مسلحا", SVO): the actor after it is the object.
    let subject_first = before
        .last()
        .is_some_and(|a| a.tokens.end + SUBJECT_GAP >= trigger.start)
        && !after.is_empty();
    // "مسلحين من القبائل يطلقون النار على الطائرات": the one after "على/ضد" is the object,
    // the subject the actor before the verb.
    let object_first = after.first().is_some_and(|a| object_marked(a));
    if verbal && !subject_first && !object_first {
        match after.first() {
            Some(first) => (
                Some(*first),
                after.get(1).copied().or_else(|| before.last().copied()),
            ),
            None => (before.last().copied(), None),
        }
    } else {
        (before.last().copied(), after.first().copied())
    }
}

/// The recogniser's persons and organisations in `range`. A name over one lexicon actor, or
/// right after one that ends in a title or an organisation noun (a `HEAD` marker: "الرئيس" +
/// "قاسم جومارت توكاييف", "حزب" + "الله"), widens it and keeps its codes. A person named anywhere
/// else (الشرطة المغربية ناصر الزفزافي: the police, then the man they arrested) is an actor of
/// its own without codes — not after a place noun (ساحة عبد الحميد كرامي is a square). Names over
/// a trigger or over two actors are left alone.
fn with_names(
    d: &Doc<'_>,
    range: &Range<usize>,
    mut actors: Vec<ActorMention>,
    triggers: &[(Range<usize>, &TriggerEntry)],
    markers: &[(Range<usize>, Marker)],
    times: &[TimeMention],
) -> Vec<ActorMention> {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut named = Vec::new();
    for (name, kind) in &d.entities {
        if !matches!(kind, EntityKind::Person | EntityKind::Organization)
            || name.start < range.start
            || name.end > range.end
            || triggers.iter().any(|(t, _)| overlaps(t, name))
        {
            continue;
        }
        let over: Vec<usize> = (0..actors.len())
            .filter(|&k| overlaps(&actors[k].tokens, name))
            .collect();
        // The title may be longer than the actor it starts ("وزير الدفاع" + a name: the actor
        // is وزير), or the actor longer than its title ("وزير الدفاع اللبناني" + a name).
        let inside = |inner: &Range<usize>, outer: &Range<usize>| {
            inner.start >= outer.start && inner.end <= outer.end
        };
        // A comma or a quote may stand between a title and its name ("رئيسة الوزراء السابقة،
        // بي نظير بوتو").
        let beside = |end: usize, start: usize| {
            end == start
                || end + 1 == start
                    && d.tokens[end].kind == TokenKind::Punct
                    && matches!(d.text(end), "،" | "," | "«" | "»" | "\"")
        };
        let headed = || {
            actors.iter().position(|a| {
                markers.iter().any(|(r, m)| {
                    *m == Marker::Head
                        && (beside(a.tokens.end, name.start) && inside(r, &a.tokens)
                            || beside(r.end, name.start) && inside(&a.tokens, r))
                })
            })
        };
        // A name and the title after it, in apposition ("ثاباتيرو رئيس الوزراء الإسباني",
        // "جون اكيج السفير السوداني"): one person. Not a name right after the verb, which is
        // the verb's subject before its object (استقبل عبدالله رئيس الوزراء).
        let titled_after = || {
            actors.iter().position(|a| {
                d.doc.lang == Lang::Ar
                    && beside(name.end, a.tokens.start)
                    && !triggers
                        .iter()
                        .any(|(t, e)| e.verbal && t.end == name.start)
                    && markers
                        .iter()
                        .any(|(r, m)| *m == Marker::Head && r.start == a.tokens.start)
            })
        };
        let widen = match over[..] {
            [k] => Some(k),
            [] => headed().or_else(titled_after),
            _ => continue,
        };
        match widen {
            Some(k) => {
                let a = &mut actors[k];
                a.tokens = a.tokens.start.min(name.start)..a.tokens.end.max(name.end);
                a.name = Some(name.clone());
            }
            None if *kind == EntityKind::Person && !after_place_noun(d, name.start) => {
                named.push(ActorMention {
                    tokens: name.clone(),
                    sector: None,
                    country: None,
                    name_only: true,
                    entry: None,
                    gazetteer: false,
                    name: Some(name.clone()),
                    alias: None,
                });
            }
            None => {}
        }
    }
    actors.extend(named);
    actors.sort_by_key(|a| a.tokens.start);
    if d.doc.lang == Lang::En {
        titled_names(d, range, &mut actors, markers, times);
    }
    actors
}

/// English has no name recogniser: the capitalized words right after an actor that ends in a
/// title (a `HEAD` marker: "President" + "Robert Mugabe", "Prime Minister" + "Mahendra
/// Chaudhry") are its name, up to a lower-case word, punctuation, another actor, or a time the
/// grammar reads ("President Obama Monday"; "Prime Minister Theresa May" keeps its May).
fn titled_names(
    d: &Doc<'_>,
    range: &Range<usize>,
    actors: &mut [ActorMention],
    markers: &[(Range<usize>, Marker)],
    times: &[TimeMention],
) {
    let capitalized = |i: usize| {
        d.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.orig
                    .slice(&d.doc.text)
                    .starts_with(|c: char| c.is_uppercase())
        }) && !times.iter().any(|m| m.tokens.contains(&i))
    };
    let starts: Vec<usize> = actors.iter().map(|a| a.tokens.start).collect();
    for a in actors.iter_mut() {
        let titled = markers
            .iter()
            .any(|(r, m)| *m == Marker::Head && r.end == a.tokens.end && r.start >= a.tokens.start);
        if !titled {
            continue;
        }
        let mut end = a.tokens.end;
        while end < range.end && capitalized(end) && !starts.contains(&end) {
            end += 1;
        }
        if end > a.tokens.end {
            a.name = Some(a.tokens.end..end);
            a.tokens.end = end;
        }
    }
}

/// Whether the word before token `i` names a kind of place (a name after it is the place's).
fn after_place_noun(d: &Doc<'_>, i: usize) -> bool {
    i > 0
        && d.analyses[i - 1].iter().any(|a| {
            CITY_NOUNS.contains(&a.form.as_str()) || NAMED_PLACE_NOUNS.contains(&a.form.as_str())
        })
}

/// Whether the name at `tokens` is part of a street's, square's, palace's or (in Arabic) a
/// channel's or newspaper's name ([`THOROUGHFARE_NOUNS`]).
fn names_a_thoroughfare(d: &Doc<'_>, tokens: &Range<usize>) -> bool {
    match d.doc.lang {
        Lang::En => d.tokens.get(tokens.end).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.orig
                    .slice(&d.doc.text)
                    .starts_with(|c: char| c.is_uppercase())
                && THOROUGHFARE_NOUNS.contains(&d.text(tokens.end))
        }),
        _ => {
            tokens.start > 0
                && d.analyses[tokens.start - 1]
                    .iter()
                    .any(|a| THOROUGHFARE_NOUNS.contains(&a.form.as_str()))
        }
    }
}

/// Whether the recogniser read `tokens` (all of them) as part of one location's name.
fn named_location(d: &Doc<'_>, tokens: &Range<usize>) -> bool {
    d.entities.iter().any(|(name, kind)| {
        *kind == EntityKind::Location && name.start <= tokens.start && tokens.end <= name.end
    })
}

fn allowed_proclitic(d: &Doc<'_>, i: usize, a: &Analysis) -> bool {
    if a.proclitic_len == 0 {
        return true;
    }
    // و، ف، ب، ل، ال and their combinations; not the future س or the comparative ك.
    let prefix = d.text(i).get(..a.proclitic_len).unwrap_or("");
    !prefix.contains('س') && !prefix.contains('ك')
}

fn resolve_places(d: &Doc<'_>, sentences: &mut [Sentence]) {
    // Pass 1: names in the index.
    let mut found: Vec<Vec<(Range<usize>, Vec<u32>, bool)>> = Vec::new();
    for s in sentences.iter() {
        let mut in_sentence = Vec::new();
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let mut matched = None;
            let in_time = s.times.iter().any(|t| t.tokens.contains(&i));
            // An Arabic demonym is an adjective (الصومالية), not a place's name; English ones
            // are read as before ("Saudi" is also the country's short name).
            let demonym = d.doc.lang == Lang::Ar && d.demonyms[i].is_some();
            if d.tokens[i].kind == TokenKind::Word && !in_time && !demonym {
                'len: for n in (1..=3usize).rev() {
                    if i + n > s.tokens.end
                        || (i..i + n).any(|k| d.tokens[k].kind != TokenKind::Word)
                    {
                        continue;
                    }
                    if d.lex.function_words.contains(d.text(i))
                        || (n == 1 && d.lex.is_lexicon_word(d.text(i)))
                    {
                        continue;
                    }
                    for a in &d.analyses[i] {
                        // Place names take proclitics (بألماتي) but no pronoun enclitics.
                        let whole_rest = d.text(i).get(a.proclitic_len..) == Some(a.form.as_str());
                        // With the article split off (الخرطوم → خرطوم, as GeoNames spells some names)
                        // the reading is weaker: it needs a locative cue (see below).
                        if !whole_rest || !allowed_proclitic(d, i, a) || a.form.chars().count() < 3
                        {
                            continue;
                        }
                        if n == 1 && d.lex.is_lexicon_word(&a.form) {
                            continue;
                        }
                        if (i + 1..i + n).any(|k| d.lex.function_words.contains(d.text(k))) {
                            continue;
                        }
                        let mut key = a.form.clone();
                        for k in i + 1..i + n {
                            key.push(' ');
                            key.push_str(d.text(k));
                        }
                        let candidates: Vec<u32> =
                            d.gazetteer.lookup(&key).map(|p| p.index).collect();
                        if candidates.is_empty() {
                            continue;
                        }
                        if d.doc.lang == Lang::En
                            && !d.tokens[i]
                                .orig
                                .slice(&d.doc.text)
                                .starts_with(|c: char| c.is_uppercase())
                        {
                            continue;
                        }
                        let cue = i > s.tokens.start
                            && s.markers
                                .iter()
                                .any(|(r, m)| *m == Marker::LocPrep && r.end == i);
                        // The recogniser's reading of it as a location also lets it be a place
                        // (it says what the name is, not that the event happened there).
                        if a.definite && !cue && !named_location(d, &(i..i + n)) {
                            continue;
                        }
                        if names_a_thoroughfare(d, &(i..i + n)) {
                            continue;
                        }
                        matched = Some((i..i + n, candidates, cue));
                        break 'len;
                    }
                }
            }
            if let Some((range, candidates, cue)) = matched {
                i = range.end;
                in_sentence.push((range, candidates, cue));
            } else {
                i += 1;
            }
        }
        found.push(in_sentence);
    }
    // Countries the document names (by name or demonym): they settle ambiguous names.
    let mut doc_countries: HashMap<String, usize> = HashMap::default();
    for (_, candidates, _) in found.iter().flatten() {
        if let Some(p) = candidates
            .iter()
            .filter_map(|&c| d.gazetteer.place(c))
            .find(|p| p.kind() == PlaceKind::Country)
        {
            *doc_countries.entry(p.country().to_string()).or_default() += 1;
        }
    }
    for i in 0..d.demonyms.len() {
        if let Some(p) = locating_demonym(d, i) {
            *doc_countries.entry(p.country().to_string()).or_default() += 1;
        }
    }
    // The geocoder's ranking, in the light of the document's countries and of the towns resolved
    // so far.
    let mut context = GeoContext {
        countries: doc_countries.keys().cloned().collect(),
        near: Vec::new(),
    };
    context.countries.sort();
    for (s, in_sentence) in sentences.iter_mut().zip(found) {
        for (range, candidates, cue) in in_sentence {
            let ranked = rank(
                candidates
                    .iter()
                    .filter_map(|&c| d.gazetteer.place(c))
                    .map(Candidate::by_name)
                    .collect(),
                &context,
            );
            // "العاصمة عمّان", "the city of …": a city, not the country of the same name.
            let city_noun = range.start > 0
                && d.analyses[range.start - 1]
                    .iter()
                    .any(|a| CITY_NOUNS.contains(&a.form.as_str()));
            let chosen = if city_noun {
                ranked
                    .iter()
                    .position(|c| c.place.kind() == PlaceKind::City)
                    .unwrap_or(0)
            } else {
                0
            };
            let Some(best) = ranked.get(chosen).map(|c| c.place) else {
                continue;
            };
            let (confidence, runner_up) = reading_support(&ranked, chosen);
            // A city of a country the document never names needs a locative cue and some size,
            // or to be a metropolis: most false readings are small towns named like common words.
            let named = doc_countries.contains_key(best.country());
            // Villages are named like common words (جديدة, التحالف): a small place needs its place
            // noun ("قرية جديدة").
            if best.kind() == PlaceKind::City && best.population() < SMALL_PLACE && !city_noun {
                continue;
            }
            if best.kind() == PlaceKind::City
                && !named
                && !((cue || city_noun) && best.population() >= BIG_CITY / 2
                    || best.population() >= METROPOLIS)
            {
                continue;
            }
            if best.kind() == PlaceKind::City {
                context.near.push((best.lat(), best.lon()));
            }
            s.places.push(PlaceMention {
                tokens: range,
                place: best.index,
                kind: best.kind(),
                cue: cue || city_noun,
                method: Method::Name,
                confidence,
                runner_up,
            });
        }
        // Pass 2 (Arabic): a word after "مدينة/بلدة/قرية" that no index name matched, read by
        // transliteration against the Latin names of places in the document's countries.
        if d.doc.lang == Lang::Ar {
            for i in s.tokens.clone() {
                if i == s.tokens.start
                    || d.tokens[i].kind != TokenKind::Word
                    || s.places.iter().any(|p| p.tokens.contains(&i))
                {
                    continue;
                }
                // The place noun in construct, without the article (مدينة X, قاعدة حميميم): a
                // definite noun is followed by its adjective (القاعدة الإرهابي, "the terrorist
                // base" — al-Qaeda), not by a name.
                let after_place_noun = d.analyses[i - 1].iter().any(|a| {
                    !a.definite
                        && (CITY_NOUNS.contains(&a.form.as_str())
                            || matches!(a.form.as_str(), "بلدتي" | "محافظه" | "اقليم"))
                });

                let word = d.text(i);
                // A demonym is an adjective (العاصمة الصومالية), not a place's name.
                if !after_place_noun
                    || d.lex.is_lexicon_word(word)
                    || word.chars().count() < 4
                    || d.demonyms[i].is_some()
                {
                    continue;
                }
                // Read by transliteration against the Latin names of places in the document's
                // countries; a close reading only.
                let ranked = rank(
                    d.gazetteer
                        .transliterate_where(word, TRANSLIT_MAX_COST, |p| {
                            doc_countries.contains_key(p.country())
                        }),
                    &context,
                );
                let (confidence, runner_up) = reading_support(&ranked, 0);
                if let Some(best) = ranked.first().map(|c| c.place) {
                    s.places.push(PlaceMention {
                        tokens: i..i + 1,
                        place: best.index,
                        kind: best.kind(),
                        cue: true,
                        method: Method::Transliteration,
                        confidence,
                        runner_up,
                    });
                }
            }
            s.places.sort_by_key(|p| p.tokens.start);
        }
    }
}

/// A person named again by the same last name ("ميقاتي" after "الرئيس نجيب ميقاتي", "Mugabe"
/// after "Zimbabwean President Robert Mugabe") is the coded actor named first: the later mention
/// takes its codes. In Arabic the recogniser finds the later name; in English, which has no
/// recogniser, the capitalized word itself, outside any other actor, trigger or place.
fn named_again(d: &Doc<'_>, sentences: &mut [Sentence]) {
    type Codes = (Option<String>, Option<String>, Range<usize>);
    let mut known: HashMap<String, Codes> = HashMap::default();
    let key = |name: &Range<usize>| d.text(name.end - 1).to_string();
    for s in sentences.iter_mut() {
        if d.doc.lang == Lang::En && !known.is_empty() {
            let mut found = Vec::new();
            for i in s.tokens.clone() {
                let t = &d.tokens[i];
                let free = |r: &Range<usize>| !r.contains(&i);
                if t.kind == TokenKind::Word
                    && t.orig
                        .slice(&d.doc.text)
                        .starts_with(|c: char| c.is_uppercase())
                    && known.contains_key(d.text(i))
                    && s.actors.iter().all(|a| free(&a.tokens))
                    && s.triggers.iter().all(|(r, _)| free(r))
                    && s.places.iter().all(|p| free(&p.tokens))
                {
                    found.push(ActorMention {
                        tokens: i..i + 1,
                        sector: None,
                        country: None,
                        name_only: true,
                        entry: None,
                        gazetteer: false,
                        name: Some(i..i + 1),
                        alias: None,
                    });
                }
            }
            s.actors.extend(found);
            s.actors.sort_by_key(|a| a.tokens.start);
        }
        // "انصار موراليس": a name after a noun that heads it (supporters of, the party of) with
        // no actor there is that noun's complement, not the person acting.
        let complement = |name: &Range<usize>| {
            s.markers
                .iter()
                .any(|(r, m)| *m == Marker::Head && r.end == name.start)
        };
        for a in s.actors.iter_mut() {
            let Some(name) = &a.name else { continue };
            if a.name_only && !complement(name) {
                if let Some((sector, country, first)) = known.get(&key(name)) {
                    a.sector = sector.clone();
                    a.country = country.clone();
                    a.name_only = false;
                    a.alias = Some(first.clone());
                }
            } else if a.sector.is_some() || a.country.is_some() {
                known
                    .entry(key(name))
                    .or_insert_with(|| (a.sector.clone(), a.country.clone(), a.tokens.clone()));
            }
        }
    }
}

/// Country names as actors. A country named without a locative cue before it qualifies the actor
/// it stands beside ("رئيس وزراء العراق", "Iraq's government") or, alone, is an actor itself (the
/// state: "Hungary said", "قرار بريطانيا"), coded with its country and no sector, as CAMEO codes a
/// bare country.
fn country_actors(d: &Doc<'_>, sentences: &mut [Sentence]) {
    for s in sentences.iter_mut() {
        let names: Vec<(Range<usize>, String)> = s
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::Country && !p.cue && p.method == Method::Name)
            .filter(|p| {
                // Not inside or under a trigger-bearing phrase already read as an actor.
                !s.actors
                    .iter()
                    .any(|a| a.tokens.start <= p.tokens.start && p.tokens.end <= a.tokens.end)
            })
            .filter_map(|p| {
                let place = d.gazetteer.place(p.place)?;
                Some((p.tokens.clone(), place.country_iso3().to_string()))
            })
            .collect();
        for (tokens, iso3) in names {
            // Arabic: the country after its actor (construct state); English: before it, with
            // or without "'s".
            let next_to = |a: &ActorMention| match d.doc.lang {
                Lang::Ar => a.tokens.end == tokens.start,
                _ => {
                    a.tokens.start == tokens.end
                        || (d.text(tokens.end) == "'" || d.text(tokens.end) == "’")
                            && a.tokens.start == tokens.end + 2
                }
            };
            match s.actors.iter_mut().find(|a| next_to(a)) {
                Some(actor) => actor.qualify(&tokens, iso3),
                None => {
                    let mut actor = ActorMention::of_country(tokens.clone(), iso3);
                    if tokens.len() == 1
                        && beside_attack(
                            d,
                            s.triggers.iter().map(|(r, e)| (r, *e)),
                            &s.markers,
                            tokens.start,
                        )
                    {
                        actor.sector = Some("MIL".into());
                    }
                    s.actors.push(actor);
                }
            }
        }
        // A capital as the subject of a statement is its government ("Washington demanded",
        // "Beirut rejected", "رفضت طهران"), as CAMEO codes it: right before an English verb
        // (an adverb between) or right after an Arabic one. Not of an attack, a protest or a
        // coercion, which happen in the city.
        let capitals: Vec<(Range<usize>, String)> = s
            .places
            .iter()
            .filter(|p| p.kind != PlaceKind::Country && !p.cue && p.method == Method::Name)
            .filter(|p| {
                s.triggers.iter().any(|(r, e)| {
                    !matches!(
                        e.event_type,
                        PloverType::Assault | PloverType::Protest | PloverType::Coerce
                    ) && match d.doc.lang {
                        Lang::Ar => e.verbal && r.end == p.tokens.start,
                        // English patterns carry no part of speech: a past tense.
                        _ => {
                            d.text(r.start).ends_with("ed")
                                && p.tokens.end <= r.start
                                && r.start <= p.tokens.end + 1
                        }
                    }
                }) && !s
                    .actors
                    .iter()
                    .any(|a| a.tokens.start < p.tokens.end && p.tokens.start < a.tokens.end)
            })
            .filter_map(|p| {
                let place = d.gazetteer.place(p.place)?;
                let capital = d.gazetteer.capital(place.country())?;
                (capital.geonames_id() == place.geonames_id())
                    .then(|| (p.tokens.clone(), place.country_iso3().to_string()))
            })
            .collect();
        for (tokens, iso3) in capitals {
            let mut actor = ActorMention::of_country(tokens, iso3);
            actor.sector = Some("GOV".into());
            s.actors.push(actor);
        }
        s.actors.sort_by_key(|a| a.tokens.start);
    }
}

/// Countries whose demonyms do not tell where a document is: measured on gsr-ar and
/// detect-dev, an American actor (forces, planes, the embassy, the administration, a company)
/// is most often abroad in Arabic news — of the one-sentence documents the US demonym alone
/// placed, 12 of 12 read by hand in session 13 happened elsewhere. Their names still do.
const DEMONYMS_ABROAD: &[&str] = &["US"];

/// Whether the demonym at token `i` may say which country the document is about.
fn locating_demonym(d: &Doc<'_>, i: usize) -> Option<Place<'static>> {
    d.demonyms[i].filter(|p| !d.adverbial_demonym(i) && !DEMONYMS_ABROAD.contains(&p.country()))
}

/// The country the document is about: most named by its places (countries and cities), then by
/// demonyms, then first named.
fn main_country(d: &Doc<'_>, sentences: &[Sentence]) -> Option<String> {
    // (country, place names, demonyms, first token). Places first: a document about an attack
    // in Kabul that names "American soldiers" five times is still about Afghanistan.
    let mut counts: Vec<(String, usize, usize, usize)> = Vec::new();
    let mut count = |country: &str, at: usize, place: bool| match counts
        .iter_mut()
        .find(|(c, ..)| c == country)
    {
        Some(entry) => {
            entry.1 += usize::from(place);
            entry.2 += usize::from(!place);
        }
        None => counts.push((
            country.to_string(),
            usize::from(place),
            usize::from(!place),
            at,
        )),
    };
    for p in sentences.iter().flat_map(|s| &s.places) {
        if let Some(place) = d.gazetteer.place(p.place) {
            count(place.country(), p.tokens.start, true);
        }
    }
    for i in 0..d.demonyms.len() {
        if let Some(p) = locating_demonym(d, i) {
            count(p.country(), i, false);
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, places, demonyms, first)| (*places, *demonyms, std::cmp::Reverse(*first)))
        .map(|(c, ..)| c)
}

/// The city of the document's country that the document names more often than all its other
/// cities together (two cities named alike leave an event at the country).
fn main_city(d: &Doc<'_>, sentences: &[Sentence], country: Option<&str>) -> Option<u32> {
    let country = country?;
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for p in sentences.iter().flat_map(|s| &s.places) {
        if p.kind != PlaceKind::City
            || d.gazetteer
                .place(p.place)
                .is_none_or(|c| c.country() != country)
        {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == p.place) {
            Some(entry) => entry.1 += 1,
            None => counts.push((p.place, 1)),
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match counts.as_slice() {
        [] => None,
        [(only, _)] => Some(*only),
        [(first, a), rest @ ..] => (*a > rest.iter().map(|(_, n)| n).sum()).then_some(*first),
    }
}

/// The geocoder's confidence in the chosen candidate, and the runner-up.
fn reading_support(ranked: &[Candidate<'_>], chosen: usize) -> (f32, Option<u32>) {
    let Some(best) = ranked.get(chosen) else {
        return (0.0, None);
    };
    let runner_up = ranked
        .iter()
        .enumerate()
        .find(|(i, _)| *i != chosen)
        .map(|(_, c)| c);
    let pair: Vec<Candidate<'_>> = std::iter::once(best).chain(runner_up).cloned().collect();
    (confidence(&pair), runner_up.map(|c| c.place.index))
}

fn location_of(d: &Doc<'_>, place: Place<'_>, mention: Option<&PlaceMention>) -> Location {
    let (text, span) = match mention {
        Some(m) => {
            let ts = d.text_span(&m.tokens);
            (Some(ts.text), Some(ts.span))
        }
        None => (None, None),
    };
    let runner_up = mention
        .and_then(|m| m.runner_up)
        .and_then(|r| d.gazetteer.place(r))
        .map(|r| RunnerUp {
            geonames_id: r.geonames_id(),
            name: r.name().to_string(),
            country: r.country().to_string(),
        });
    Location {
        admin1: Some(place.admin1().to_string())
            .filter(|a| !a.is_empty() && place.kind() == PlaceKind::City),
        method: match mention.map(|m| m.method) {
            Some(Method::Name) => "name",
            Some(Method::Transliteration) => "transliteration",
            None => "context",
        }
        .to_string(),
        confidence: mention.map(|m| (f64::from(m.confidence) * 100.0).round() / 100.0),
        runner_up,
        text,
        span,
        name: place.name().to_string(),
        country: place.country().to_string(),
        lat: (place.lat() * 1e4).round() / 1e4,
        lon: (place.lon() * 1e4).round() / 1e4,
        geonames_id: place.geonames_id(),
        precision: if place.kind() == PlaceKind::Country {
            "country".into()
        } else {
            "town".into()
        },
    }
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

struct Fatality {
    quantity: Quantity,
    tokens: Range<usize>,
}

/// The number nearest a marker of `kind` (killed, injured, arrested) and nearer it than any
/// other count marker: "قتل 15 شخصا وجرح 30" gives 15 killed and 30 injured.
fn count_in(d: &Doc<'_>, s: &Sentence, kind: Marker) -> Option<Fatality> {
    const COUNTS: [Marker; 3] = [Marker::Killed, Marker::Injured, Marker::Arrested];
    let at = |m: Marker| -> Vec<usize> {
        s.markers
            .iter()
            .filter(|(_, k)| *k == m)
            .map(|(r, _)| r.start)
            .collect()
    };
    let target = at(kind);
    if target.is_empty() {
        return None;
    }
    let others: Vec<Vec<usize>> = COUNTS
        .iter()
        .filter(|m| **m != kind)
        .map(|m| at(*m))
        .collect();
    // Words between a number and a marker, or none when punctuation parts them ("killed; 12
    // were injured").
    let apart = |a: usize, b: usize| {
        (a..b).any(|k| {
            d.tokens[k].kind == TokenKind::Punct
                && matches!(d.text(k), "," | "،" | ";" | "؛" | ":" | ".")
        })
    };
    let distance = |at: &[usize], r: &Range<usize>| {
        at.iter()
            .filter_map(|&k| {
                let (gap, lo, hi) = if k >= r.end {
                    (k - r.end, r.end, k)
                } else {
                    (r.start.saturating_sub(k + 1), k + 1, r.start)
                };
                (!apart(lo, hi)).then_some(gap)
            })
            .min()
            .unwrap_or(usize::MAX)
    };
    s.numbers
        .iter()
        .filter(|n| {
            !s.times
                .iter()
                .any(|t| t.tokens.start < n.tokens.end && n.tokens.start < t.tokens.end)
        })
        .filter(|n| {
            !s.markers
                .iter()
                .any(|(r, m)| *m == Marker::Unit && r.start == n.tokens.end)
        })
        .filter(|n| {
            // A bare four-digit year is not a count.
            let last = n.tokens.end - 1;
            !(d.tokens[last].kind == TokenKind::Number
                && d.text(last).len() == 4
                && (1900..=2100).contains(&d.text(last).parse::<u32>().unwrap_or(0)))
        })
        .filter(|n| {
            let near = distance(&target, &n.tokens);
            near <= FATALITY_WINDOW && others.iter().all(|o| near <= distance(o, &n.tokens))
        })
        .min_by_key(|n| distance(&target, &n.tokens))
        .map(|n| Fatality {
            quantity: n.quantity,
            tokens: n.tokens.clone(),
        })
}

fn count_record(d: &Doc<'_>, f: &Fatality) -> Fatalities {
    let ts = d.text_span(&f.tokens);
    Fatalities {
        count: f.quantity.count(),
        min: f.quantity.min,
        // "at least 40": no upper bound.
        max: (!f.quantity.at_least && f.quantity.max != u64::MAX).then_some(f.quantity.max),
        vague: f.quantity.vague,
        text: ts.text,
        span: ts.span,
    }
}

/// Whether the event happened, per the text, and the words (and rule) that say otherwise.
fn factuality(
    d: &Doc<'_>,
    s: &Sentence,
    trigger: &Range<usize>,
) -> (Factuality, Option<(Range<usize>, &'static str)>) {
    let at = trigger.start;
    let in_number = |r: &Range<usize>| {
        s.numbers
            .iter()
            .any(|n| n.tokens.start <= r.start && r.end <= n.tokens.end)
    };
    if let Some((r, _)) = s
        .markers
        .iter()
        .find(|(r, m)| *m == Marker::Neg && r.end <= at && at - r.end < 2 && !in_number(r))
    {
        return (
            Factuality::Negated,
            Some((r.clone(), "negation-before-trigger")),
        );
    }
    if let Some((r, _)) = s
        .markers
        .iter()
        .find(|(r, m)| *m == Marker::Hypo && r.end <= at)
    {
        return (
            Factuality::Hypothetical,
            Some((r.clone(), "condition-before-trigger")),
        );
    }
    let future_prefix = d.doc.lang == Lang::Ar && {
        let word = d.text(at);
        (word.starts_with("سي") || word.starts_with("ست") || word.starts_with("سن"))
            && d.analyses[at]
                .iter()
                .any(|a| a.proclitic_len > 0 && d.text(at)[..a.proclitic_len].ends_with('س'))
    };
    if future_prefix {
        return (Factuality::Planned, Some((at..at + 1, "future-prefix")));
    }
    if let Some(r) = s.marker_before(at, Marker::Plan, 4) {
        return (Factuality::Planned, Some((r, "plan-before-trigger")));
    }
    if let Some((r, _)) = s
        .markers
        .iter()
        .find(|(r, m)| *m == Marker::Claim && r.end <= at)
    {
        return (
            Factuality::Claimed,
            Some((r.clone(), "attribution-before-trigger")),
        );
    }
    // "…, police said", "…، بحسب مصادر طبية": an attribution after a comma that follows the trigger.
    if let Some((r, _)) = s.markers.iter().find(|(r, m)| {
        *m == Marker::Claim
            && r.start > trigger.end
            && (r.start.saturating_sub(ATTRIBUTION_GAP)..r.start).any(|k| {
                k >= trigger.end
                    && d.tokens[k].kind == TokenKind::Punct
                    && matches!(d.text(k), "," | "،")
            })
    }) {
        return (
            Factuality::Claimed,
            Some((r.clone(), "attribution-after-comma")),
        );
    }
    (Factuality::Asserted, None)
}

/// Where an actor came from, for `--explain`.
fn actor_origin(d: &Doc<'_>, a: &ActorMention) -> String {
    let mut parts = vec![format!("«{}»", d.text_span(&a.tokens).text)];
    if let Some(e) = a.entry {
        parts.push(e.source.clone());
    }
    if a.gazetteer {
        parts.push("a demonym, a country's name or its capital's (the gazetteer's)".into());
    }
    if let Some(first) = &a.alias {
        parts.push(format!(
            "the name of «{}», earlier in the document: its codes",
            d.text_span(first).text
        ));
    } else if a.name.is_some() {
        parts.push(if a.name_only {
            "a person's name (the recogniser's), no code".into()
        } else {
            "widened by a name".into()
        });
    }
    parts.join("; ")
}

/// The steps of `--explain`, collected only when asked for.
struct Why {
    steps: Option<Vec<Step>>,
}

impl Why {
    fn new(on: bool) -> Why {
        Why {
            steps: on.then(Vec::new),
        }
    }

    /// Records a step; `evidence` is only computed when explaining.
    fn add(&mut self, field: &str, rule: &str, evidence: impl FnOnce() -> String) {
        if let Some(steps) = &mut self.steps {
            steps.push(Step {
                field: field.into(),
                rule: rule.into(),
                evidence: evidence(),
            });
        }
    }

    fn steps(self) -> Option<Vec<Step>> {
        self.steps
    }
}

fn to_actor(d: &Doc<'_>, a: &ActorMention, default_country: Option<&str>) -> Actor {
    let ts = d.text_span(&a.tokens);
    // A person named alone is taken to be of the country where the event happens, as a coded
    // domestic actor is.
    let domestic = a.name_only
        || a.sector
            .as_deref()
            .is_some_and(|s| !matches!(s, "IGO" | "NGO"));
    let (country, country_source) = match (&a.country, default_country) {
        (Some(c), _) => (Some(c.clone()), Some(CountrySource::Text)),
        (None, Some(c)) if domestic => (Some(c.to_string()), Some(CountrySource::Context)),
        _ => (None, None),
    };
    Actor {
        text: ts.text,
        span: ts.span,
        country,
        country_source,
        sector: a.sector.clone(),
    }
}

/// A protest with no one named as its target is aimed at the state where it happens (the CAMEO
/// convention, which the UniversalPetrarch gold standard follows: country code, no sector). The
/// target's text is the place name in the sentence; without one, there is no target.
fn protest_target(
    event_type: PloverType,
    location: Option<&Location>,
    sentence: Span,
    country_iso3: Option<&str>,
) -> Option<Actor> {
    if event_type != PloverType::Protest {
        return None;
    }
    let l = location?;
    let (text, span) = (l.text.clone()?, l.span?);
    if span.start() < sentence.start() || sentence.end() < span.end() {
        return None;
    }
    Some(Actor {
        text,
        span,
        country: Some(country_iso3?.to_string()),
        country_source: Some(CountrySource::Text),
        sector: None,
    })
}

fn build_events(
    d: &Doc<'_>,
    sentences: &[Sentence],
    doc_country: Option<String>,
    explain: bool,
) -> Vec<Event> {
    let doc_country_place = doc_country.as_deref().and_then(|c| d.gazetteer.country(c));
    let doc_city = main_city(d, sentences, doc_country.as_deref());
    // "the capital" is the document's country's only where a place of that country is named (a
    // demonym alone — "the American army" — does not say where the news is).
    let says_capital = sentences
        .iter()
        .any(|s| s.markers.iter().any(|(_, m)| *m == Marker::Capital));
    let doc_capital = doc_country
        .as_deref()
        .filter(|_| says_capital)
        .filter(|c| {
            sentences.iter().flat_map(|s| &s.places).any(|p| {
                d.gazetteer
                    .place(p.place)
                    .is_some_and(|place| place.country() == *c)
            })
        })
        .and_then(|c| d.gazetteer.capital(c));
    let default_start = d.published.checked_sub(6.days()).unwrap_or(d.published);
    let mut events = Vec::new();
    let mut last_city: Option<(u32, usize)> = None;
    let mut paragraph_date: Option<(usize, EventDate)> = None;
    for (s_idx, s) in sentences.iter().enumerate() {
        let fatality = count_in(d, s, Marker::Killed);
        let injured = count_in(d, s, Marker::Injured);
        let arrested = count_in(d, s, Marker::Arrested);
        // The nearest ASSAULT trigger takes the count; else the nearest violent type.
        let fatality_owner = fatality.as_ref().and_then(|f| {
            let candidates = |types: &[PloverType]| {
                s.triggers
                    .iter()
                    .filter(|(_, e)| types.contains(&e.event_type))
                    .min_by_key(|(r, _)| r.start.abs_diff(f.tokens.start))
                    .map(|(r, _)| r.start)
            };
            candidates(&[PloverType::Assault])
                .or_else(|| candidates(&[PloverType::Protest, PloverType::Coerce]))
        });
        // One event per type and sentence: the count goes to the event of the owner's type.
        let fatality_type = fatality_owner
            .and_then(|at| s.triggers.iter().find(|(r, _)| r.start == at))
            .map(|(_, e)| e.event_type);
        // "العاصمة الصومالية", "the Somali capital": that country's capital (read once a
        // sentence, used by its events that have no place of their own).
        let named_capital = s
            .markers
            .iter()
            .filter(|(_, m)| *m == Marker::LocPrep)
            .find_map(|(r, _)| {
                let i = r.start;
                let demonym = match d.text(i) {
                    "العاصمه" => d.demonyms.get(i + 1),
                    "capital" if i > 0 => d.demonyms.get(i - 1),
                    _ => None,
                };
                d.gazetteer.capital(demonym.copied().flatten()?.country())
            });
        let mut done_types: Vec<PloverType> = Vec::new();
        let mut sentence_explicit_date: Option<EventDate> = None;
        for (trigger, entry) in &s.triggers {
            if done_types.contains(&entry.event_type) {
                continue;
            }
            let clause = s.clause(trigger.start);
            if !entry.needs.is_empty()
                && !s.actors.iter().any(|a| {
                    s.clause(a.tokens.start) == clause
                        && a.sector
                            .as_ref()
                            .is_some_and(|sec| entry.needs.contains(sec))
                })
            {
                continue;
            }
            done_types.push(entry.event_type);
            let mut why = Why::new(explain);
            why.add("type", "trigger-lexicon", || {
                format!("«{}» matches {}", d.text_span(trigger).text, entry.source)
            });
            if !entry.needs.is_empty() {
                why.add("type", "needs-actor-in-clause", || {
                    let a = s.actors.iter().find(|a| {
                        s.clause(a.tokens.start) == clause
                            && a.sector
                                .as_ref()
                                .is_some_and(|sec| entry.needs.contains(sec))
                    });
                    format!(
                        "needs one of {}: «{}»",
                        entry.needs.join("|"),
                        a.map(|a| d.text_span(&a.tokens).text).unwrap_or_default()
                    )
                });
            }
            // Date: same clause first, then the sentence (not from a "since" clause).
            let nearest = |pred: &dyn Fn(&TimeMention) -> bool| {
                s.times
                    .iter()
                    .filter(|t| pred(t))
                    .min_by_key(|t| t.tokens.start.abs_diff(trigger.start))
            };
            // A time after "منذ/since" dates what the since-clause says, not this trigger.
            let behind_since = |t: &TimeMention| {
                s.markers.iter().any(|(r, m)| {
                    *m == Marker::Since && r.start >= trigger.end && r.start <= t.tokens.start
                }) || s.since_clauses.contains(&s.clause(t.tokens.start))
            };
            // "قال مسؤول الخميس إن عشرات قتلوا", "… were killed, police said on Thursday": the
            // time of a speech verb dates the report; what was said happened by then.
            let marker_between = |m: Marker, from: usize, to: usize| {
                s.markers
                    .iter()
                    .any(|(r, mk)| *mk == m && r.start >= from && r.end <= to)
            };
            let report_time = |t: &TimeMention| {
                let claim_before = |gap: usize| {
                    s.markers.iter().any(|(r, m)| {
                        *m == Marker::Claim
                            && r.end <= t.tokens.start
                            && t.tokens.start - r.end <= gap
                            && !(r.start..t.tokens.end).contains(&trigger.start)
                    })
                };
                if t.tokens.end <= trigger.start {
                    claim_before(REPORT_GAP)
                        && marker_between(Marker::Comp, t.tokens.end, trigger.start)
                } else {
                    claim_before(2)
                        && s.markers.iter().any(|(r, m)| {
                            *m == Marker::Claim && r.start >= trigger.end && r.end <= t.tokens.start
                        })
                }
            };
            // "في عام 2019 عندما تنحى", "in 2019, when he resigned": the time right before the
            // "when" that opens the trigger's clause.
            let before_when = |t: &TimeMention| {
                s.markers.iter().any(|(r, m)| {
                    *m == Marker::When
                        && s.clause(r.start) == clause
                        && r.start >= t.tokens.end
                        && (t.tokens.end..r.start).all(|k| d.tokens[k].kind == TokenKind::Punct)
                })
            };
            let time = nearest(&before_when)
                .or_else(|| {
                    nearest(&|t| {
                        s.clause(t.tokens.start) == clause && !behind_since(t) && !report_time(t)
                    })
                })
                .or_else(|| nearest(&|t| !behind_since(t) && !report_time(t)));
            let reported_by = nearest(&report_time);
            let mut confidence: f64 = 0.4;
            let date = match time {
                Some(t) => {
                    confidence += 0.2;
                    let ts = d.text_span(&t.tokens);
                    let rule = if before_when(t) {
                        "time-before-when"
                    } else if s.clause(t.tokens.start) == clause {
                        "time-in-clause"
                    } else {
                        "time-in-sentence"
                    };
                    why.add("date", rule, || {
                        format!("«{}» → {}..{}", ts.text, t.start, t.end)
                    });
                    let date = EventDate {
                        start: t.start,
                        end: t.end,
                        precision: precision_name(t.precision).into(),
                        text: Some(ts.text),
                        span: Some(ts.span),
                    };
                    sentence_explicit_date = Some(date.clone());
                    date
                }
                None => match (&paragraph_date, reported_by) {
                    (Some((p, date)), _) if *p == s.paragraph => {
                        why.add("date", "paragraph-date", || {
                            format!(
                                "«{}» earlier in the paragraph",
                                date.text.clone().unwrap_or_default()
                            )
                        });
                        EventDate {
                            text: None,
                            span: None,
                            ..date.clone()
                        }
                    }
                    (_, Some(t)) => {
                        let ts = d.text_span(&t.tokens);
                        why.add("date", "before-report-date", || {
                            format!("said «{}»: in the week up to {}", ts.text, t.end)
                        });
                        EventDate {
                            start: t.end.checked_sub(6.days()).unwrap_or(t.end),
                            end: t.end,
                            precision: "week".into(),
                            text: None,
                            span: None,
                        }
                    }
                    _ => {
                        why.add("date", "week-before-publication", || {
                            format!("no date written; published {}", d.published)
                        });
                        EventDate {
                            start: default_start,
                            end: d.published,
                            precision: "week".into(),
                            text: None,
                            span: None,
                        }
                    }
                },
            };
            // Place: same clause, nearest; cities before countries; a country used as an actor
            // (no locative cue) only as a last resort.
            let in_doc_country = |p: &PlaceMention| {
                doc_country.as_deref().is_none_or(|c| {
                    d.gazetteer
                        .place(p.place)
                        .is_some_and(|place| place.country() == c)
                })
            };
            let best_place = s
                .places
                .iter()
                .filter(|p| {
                    !s.actors.iter().any(|a| {
                        a.tokens.start <= p.tokens.start
                            && p.tokens.end <= a.tokens.end
                            && a.sector.is_some()
                    })
                })
                // A place named without "في/in" before it is often an actor or a comparison
                // (روسيا والصين): only a place in the document's own country stands as the location.
                .filter(|p| p.cue || in_doc_country(p))
                .max_by_key(|p| {
                    let same_clause = s.clause(p.tokens.start) == clause;
                    (
                        same_clause,
                        p.kind == PlaceKind::City,
                        std::cmp::Reverse(p.tokens.start.abs_diff(trigger.start)),
                    )
                });
            let anaphor = |m: Marker| s.markers.iter().any(|(_, mk)| *mk == m);
            let (location, place_rule) = match best_place {
                Some(p) => {
                    // A place the name could well be another place supports the event less.
                    confidence += if p.confidence >= 0.6 { 0.2 } else { 0.1 };
                    let rule = match (s.clause(p.tokens.start) == clause, p.cue) {
                        (true, true) => "place-in-clause-after-cue",
                        (true, false) => "place-in-clause",
                        (false, true) => "place-in-sentence-after-cue",
                        (false, false) => "place-in-sentence",
                    };
                    let place = d
                        .gazetteer
                        .place(p.place)
                        .map(|place| location_of(d, place, Some(p)));
                    (place, rule)
                }
                // No place in the sentence: "the city" (the last one named), a city of the
                // document's country in the neighbouring sentence of the paragraph, the city the
                // document's news is about (for an event of the days before publication:
                // background years earlier stays at the country), else the document's country.
                None => {
                    let (city, rule) = if let Some(c) = named_capital {
                        confidence += 0.1;
                        (Some(c.index), "capital-named")
                    } else if let Some(c) = doc_capital.filter(|_| anaphor(Marker::Capital)) {
                        confidence += 0.1;
                        (Some(c.index), "capital-of-country")
                    } else if anaphor(Marker::City) && last_city.is_some() {
                        confidence += 0.1;
                        (last_city.map(|(c, _)| c), "city-anaphora")
                    } else if let Some(c) =
                        neighbour_city(d, sentences, s_idx, doc_country.as_deref())
                    {
                        (Some(c), "city-in-paragraph")
                    } else if doc_city.is_some() && date.end >= default_start {
                        (doc_city, "document-city")
                    } else {
                        (None, "document-country")
                    };
                    let place = match city {
                        Some(c) => d.gazetteer.place(c),
                        None => doc_country_place,
                    };
                    (place.map(|place| location_of(d, place, None)), rule)
                }
            };
            if let Some(l) = &location {
                why.add("location", place_rule, || {
                    format!(
                        "{}{} ({}, {}, GeoNames {}, method {}{})",
                        l.text
                            .as_deref()
                            .map(|t| format!("«{t}» → "))
                            .unwrap_or_default(),
                        l.name,
                        l.country,
                        l.precision,
                        l.geonames_id,
                        l.method,
                        l.confidence
                            .map(|c| format!(", confidence {c:.2}"))
                            .unwrap_or_default()
                    )
                });
            }
            // Actors in the clause, not overlapping the trigger. Names without codes count only
            // for a role no coded actor takes: the roles are read over all of them, and kept
            // where the coded actors alone leave a role empty.
            // An event noun after another trigger of its clause ("condemned the attack", ودانت
            // الحكومة الهجوم) takes no actor from before it: those are the other event's.
            let after_other = !entry.verbal
                && s.triggers
                    .iter()
                    .any(|(r, _)| r.end <= trigger.start && s.clause(r.start) == clause);
            let in_clause = |with_names: bool| -> Vec<&ActorMention> {
                s.actors
                    .iter()
                    .filter(|a| {
                        (with_names || !a.name_only)
                            && s.clause(a.tokens.start) == clause
                            && (a.tokens.end <= trigger.start || a.tokens.start >= trigger.end)
                            && !(after_other && a.tokens.end <= trigger.start)
                    })
                    .collect()
            };
            let verbal = d.doc.lang == Lang::Ar && entry.verbal;
            let position = if verbal {
                "verb-subject-object"
            } else {
                "before-after-trigger"
            };
            // "على/ضد" right before an actor: what a violent verb acts on.
            let object_marked = |a: &ActorMention| {
                matches!(entry.event_type, PloverType::Assault | PloverType::Coerce)
                    && a.tokens.start > 0
                    && matches!(d.text(a.tokens.start - 1), "علي" | "ضد")
            };
            let (source, target) = by_position(&in_clause(false), trigger, verbal, object_marked);
            let (mut source_rule, mut target_rule) = (position, position);
            let (source, target) = if source.is_none() || target.is_none() {
                let (any_source, any_target) =
                    by_position(&in_clause(true), trigger, verbal, object_marked);
                let same = |a: &ActorMention, b: Option<&ActorMention>| {
                    b.is_some_and(|b| a.tokens == b.tokens)
                };
                if source.is_none() {
                    source_rule = "name-fills-role";
                }
                if target.is_none() {
                    target_rule = "name-fills-role";
                }
                let source = source.or(any_source.filter(|a| !same(a, target)));
                // A name read as the subject where a coded subject stands before the verb
                // (مجهولين اغتالوا هشام سيموري) is the object.
                let unplaced = [any_source, any_target]
                    .into_iter()
                    .flatten()
                    .find(|a| a.name_only && !same(a, source));
                let target = target
                    .or(any_target.filter(|a| !same(a, source)))
                    .or(unplaced);
                (source, target)
            } else {
                (source, target)
            };
            // People who protest: civilians, opposition, workers, students, clergy, parties,
            // journalists, refugees — not an official or a court.
            let can_protest = |a: &ActorMention| {
                matches!(
                    a.sector.as_deref(),
                    Some("CVL" | "OPP" | "LAB" | "EDU" | "REL" | "PTY" | "MED" | "REF")
                )
            };
            // A protest's lone actor protests, unless it is the state ("ransacked the office of
            // President Kabore": what was protested).
            let (source, target) = if entry.event_type == PloverType::Protest
                && source.is_none()
                && target.is_some_and(|t| can_protest(t) || t.sector.is_none())
            {
                source_rule = "protest-actor-is-source";
                (target, None)
            } else {
                (source, target)
            };
            // Protesters are not the police or the army: when the clause gives a protest no
            // source, or a security force as its source, the nearest actor of the sentence that
            // can protest is taken.
            let security = |a: &ActorMention| {
                matches!(a.sector.as_deref(), Some("COP" | "MIL" | "UAF" | "REB"))
            };
            // A country or people named alone (شهدت تركيا مظاهرات) gives way to protesters named.
            let bare = |a: &ActorMention| a.sector.is_none() && a.entry.is_none() && !a.name_only;
            let (source, target) = if entry.event_type == PloverType::Protest
                && source.is_none_or(|a| security(a) || bare(a))
            {
                let protester = s
                    .actors
                    .iter()
                    .filter(|a| {
                        can_protest(a)
                            && (a.tokens.end <= trigger.start || a.tokens.start >= trigger.end)
                    })
                    .min_by_key(|a| a.tokens.start.abs_diff(trigger.start));
                // The one who protests is not also the one protested against.
                let target = target.filter(|t| protester.is_none_or(|p| p.tokens != t.tokens));
                source_rule = "protester-not-security-force";
                (protester.or(source.filter(|a| !security(a))), target)
            } else {
                (source, target)
            };
            // Civilians in an attack are its victims, not its authors ("قتل 12 شخصا": twelve
            // people were killed — the passive is not written): a civilian source becomes the
            // target.
            let civilian = |a: &ActorMention| {
                matches!(a.sector.as_deref(), Some("CVL" | "EDU" | "REL" | "MED"))
            };
            let (source, target) = match source {
                Some(a) if entry.event_type == PloverType::Assault && civilian(a) => {
                    target_rule = "civilians-are-victims";
                    (None, Some(target.filter(|t| civilian(t)).unwrap_or(a)))
                }
                _ => (source, target),
            };
            // An actor inside a many-word trigger ("خرج آلاف المتظاهرين إلى الشوارع") is its
            // source when none stands outside it.
            // Those dispersed or arrested inside a coercion's trigger ("تفريق المتظاهرين") are its
            // target (inside an attack's, "هجوم انتحاري", the attacker stays its source).
            let inside = s.actors.iter().find(|a| {
                trigger.start <= a.tokens.start
                    && a.tokens.end <= trigger.end
                    && target.is_none_or(|t| t.tokens != a.tokens)
                    && source.is_none_or(|t| t.tokens != a.tokens)
            });
            let done_to = entry.event_type == PloverType::Coerce;
            let (source, target) = match inside {
                // "ورفع المتظاهرون لافتات", "ونزل المتظاهرون الى الشوارع": the protesters written
                // inside the protest's words are its source; one read as the source outside it
                // is what they protest when nothing else is.
                Some(a)
                    if entry.event_type == PloverType::Protest
                        && a.sector.is_some()
                        && !security(a) =>
                {
                    source_rule = "actor-inside-trigger";
                    let can_protest = |x: &ActorMention| {
                        matches!(
                            x.sector.as_deref(),
                            Some("CVL" | "OPP" | "LAB" | "EDU" | "PTY" | "REL" | "MED" | "BUS")
                        )
                    };
                    let protested = source.filter(|x| !can_protest(x) && x.tokens != a.tokens);
                    (Some(a), target.filter(|t| !can_protest(t)).or(protested))
                }
                // The authorities inside a coercion's words do it ("أغلقت السلطات مكتب قناة").
                Some(a)
                    if done_to
                        && source.is_none()
                        && matches!(a.sector.as_deref(), Some("GOV" | "COP" | "MIL" | "JUD")) =>
                {
                    source_rule = "actor-inside-trigger";
                    (Some(a), target)
                }
                Some(a) if done_to && target.is_none() => {
                    target_rule = "actor-inside-trigger";
                    (source, Some(a))
                }
                Some(a) if !done_to && source.is_none() => {
                    source_rule = "actor-inside-trigger";
                    (Some(a), target)
                }
                _ => (source, target),
            };
            // "تعرضت القوات الأمريكية لهجوم", "X came under attack": the one subjected to it is
            // the target (the last actor of the clause before the trigger), and not its source.
            let violent = matches!(entry.event_type, PloverType::Assault | PloverType::Coerce);
            let subjected = violent
                .then(|| {
                    s.markers.iter().find(|(r, m)| {
                        *m == Marker::Undergo
                            && r.end <= trigger.start
                            && trigger.start - r.end <= UNDERGO_GAP
                            && s.clause(r.start) == clause
                    })
                })
                .flatten()
                .and_then(|(r, _)| {
                    s.actors
                        .iter()
                        .filter(|a| {
                            !a.name_only
                                && s.clause(a.tokens.start) == clause
                                && a.tokens.end <= trigger.start
                                && (a.tokens.start >= r.end || a.tokens.end <= r.start)
                        })
                        .max_by_key(|a| a.tokens.start)
                })
                // "جرح وزير الدفاع في تفجير", "قتل ثلاثة جنود بانفجار": a killing or wounding
                // verb, the one it befell right after it, then the attack noun — that one is the
                // attack's target.
                .or_else(|| {
                    if !violent || entry.verbal {
                        return None;
                    }
                    s.actors
                        .iter()
                        .filter(|a| {
                            s.clause(a.tokens.start) == clause
                                && a.tokens.end <= trigger.start
                                && trigger.start - a.tokens.end <= 1
                        })
                        .max_by_key(|a| a.tokens.start)
                        .filter(|a| {
                            s.markers.iter().any(|(r, m)| {
                                matches!(m, Marker::Killed | Marker::Injured)
                                    && r.end <= a.tokens.start
                                    && a.tokens.start - r.end <= 1
                            })
                        })
                });
            // "جنديان قتلا في هجوم", "X قتلوا بهجمات": a killing verb followed by the attack that
            // killed — the verb is passive, the actor right before it its victim. The actor after
            // "على يد/برصاص/by" is the one who did it.
            let killing_verb = s
                .markers
                .iter()
                .any(|(r, m)| *m == Marker::Killed && r.contains(&trigger.start));
            // Not a word that is also an actor ("قتل مفجر انتحاري 42 مجندا": a suicide bomber
            // killed, انتحاري names no attack after the verb).
            let passive = verbal
                && violent
                && killing_verb
                && s.triggers.iter().any(|(r, e)| {
                    e.event_type == entry.event_type
                        && !e.verbal
                        && r.start >= trigger.end
                        && r.start <= trigger.end + PASSIVE_GAP
                        && !(r.len() == 1 && d.lex.actors.has_word(d.text(r.start)))
                });
            // The actor after "على يد/برصاص/by" within `reach` words of the trigger (and
            // `slack` words of the marker) in its clause.
            let agent_within = |reach: usize, slack: usize| {
                s.markers
                    .iter()
                    .filter(|(r, m)| {
                        *m == Marker::Agent
                            && r.start >= trigger.end
                            && r.start <= trigger.end + reach
                            && s.clause(r.start) == clause
                    })
                    .find_map(|(r, _)| {
                        s.actors
                            .iter()
                            .find(|a| a.tokens.start >= r.end && a.tokens.start <= r.end + slack)
                    })
            };
            let agent = agent_within(PASSIVE_GAP, 1);
            // Its victim: the actor right before the verb, or else right after it (VSO).
            let victim = s
                .actors
                .iter()
                .rfind(|a| {
                    !a.name_only
                        && a.tokens.end <= trigger.start
                        && a.tokens.end + SUBJECT_GAP >= trigger.start
                })
                .or_else(|| {
                    s.actors.iter().find(|a| {
                        !a.name_only
                            && a.tokens.start >= trigger.end
                            && a.tokens.start <= trigger.end + SUBJECT_GAP
                            && agent.is_none_or(|g| g.tokens != a.tokens)
                    })
                });
            let (source, target) = match (passive || violent && agent.is_some(), victim) {
                (true, Some(victim)) if verbal => {
                    source_rule = "agent-of-passive";
                    target_rule = "subject-of-passive";
                    (agent, Some(victim))
                }
                _ => (source, target),
            };
            // English passive: "five people were killed by gunmen", "twelve soldiers were
            // killed in an ambush by militants" — the subject before "was/were" is the target,
            // the actor after "by" the source.
            let be = |i: usize| {
                matches!(
                    d.text(i),
                    "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got"
                )
            };
            // A past participle after "be": "were killed", "was shot" ("is demanding" is active).
            let participle = {
                let w = d.text(trigger.start);
                w.ends_with("ed")
                    || matches!(
                        w,
                        "shot"
                            | "hit"
                            | "struck"
                            | "beaten"
                            | "taken"
                            | "held"
                            | "burnt"
                            | "thrown"
                            | "slain"
                            | "hurt"
                            | "caught"
                            | "driven"
                            | "seen"
                    )
            };
            let english_passive = d.doc.lang == Lang::En
                && participle
                && trigger.start > 0
                && (be(trigger.start - 1) || trigger.start > 1 && be(trigger.start - 2));
            let (source, target) = if english_passive {
                let subject = s
                    .actors
                    .iter()
                    .filter(|a| !a.name_only && a.tokens.end <= trigger.start)
                    .filter(|a| a.tokens.end + 3 >= trigger.start)
                    // Only "be" and adverbs between: in "X said he is prepared to" the subject
                    // of "is" is "he", not X.
                    .filter(|a| {
                        (a.tokens.end..trigger.start).all(|i| {
                            be(i)
                                || matches!(
                                    d.text(i),
                                    "have"
                                        | "has"
                                        | "had"
                                        | "reportedly"
                                        | "also"
                                        | "allegedly"
                                        | "later"
                                        | "not"
                                        | "all"
                                )
                        })
                    })
                    .max_by_key(|a| a.tokens.end);
                // "killed in an ambush by militants": a little further.
                let by = agent_within(PASSIVE_GAP + 2, 2);
                match (subject, by) {
                    (Some(subject), by) => {
                        target_rule = "subject-of-passive";
                        if by.is_some() {
                            source_rule = "agent-of-passive";
                        }
                        (by, Some(subject))
                    }
                    (None, Some(by)) => {
                        source_rule = "agent-of-passive";
                        (Some(by), target.filter(|t| t.tokens != by.tokens))
                    }
                    (None, None) => (source, target),
                }
            } else {
                (source, target)
            };
            // "أعلنت الشرطة مقتل خمسة", "الجيش الأميركي أعلن مقتل أحد جنوده": an actor before a
            // speech verb that reports an event noun is the speaker, not the event's author.
            let speaker = |a: &ActorMention| {
                d.doc.lang == Lang::Ar
                    && !entry.verbal
                    && a.tokens.end <= trigger.start
                    && s.markers.iter().any(|(r, m)| {
                        *m == Marker::Claim
                            && r.end <= trigger.start
                            && r.start + 1 >= a.tokens.start
                            && s.clause(r.start) == clause
                    })
            };
            let source = match source {
                Some(a) if speaker(a) => {
                    source_rule = "speaker-is-not-source";
                    None
                }
                other => other,
            };
            // "قتل جنديان أميركيان", "وخطف ثلاثة جنود": a killing or kidnapping verb (one spelling
            // for both voices) with one actor right after it and no object is passive (the active
            // needs the one killed): that actor is the victim.
            // Not when the verb carries its object ("اختطفتهم حركة طالبان", the stem ends in ف)
            // or the one after it is an armed group ("خطف مسلحون": gunmen kidnapped).
            let carries_object = ["ه", "ها", "هم", "هما", "هن"]
                .iter()
                .any(|p| d.text(trigger.end - 1).ends_with(p));
            let abduct = |a: &ActorMention| {
                entry.mode.as_deref() == Some("abduct")
                    && !carries_object
                    && !matches!(a.sector.as_deref(), Some("UAF" | "REB"))
            };
            // So is a killing verb with the one right before it and none after it in its clause
            // ("إن مقاتلا قتل بعدما أطلقت طائرة صاروخا": a fighter was killed).
            let (source, target) = match (source, target) {
                (Some(a), None)
                    if verbal
                        && violent
                        && (killing_verb || abduct(a))
                        && a.tokens.start >= trigger.end
                        && a.tokens.start <= trigger.end + SUBJECT_GAP =>
                {
                    target_rule = "subject-of-passive";
                    (None, Some(a))
                }
                (Some(a), None)
                    if verbal
                        && violent
                        && killing_verb
                        && !carries_object
                        && a.tokens.end <= trigger.start
                        && a.tokens.end + SUBJECT_GAP >= trigger.start =>
                {
                    target_rule = "subject-of-passive";
                    (None, Some(a))
                }
                pair => pair,
            };
            // "the minister said the army must withdraw": the one who must is the target of the
            // demand, the speaker before it its source.
            let must = entry.event_type == PloverType::Request
                && s.markers
                    .iter()
                    .any(|(r, m)| *m == Marker::Must && r.start == trigger.start);
            let (source, target) = if must {
                let before: Vec<&ActorMention> = s
                    .actors
                    .iter()
                    .filter(|a| !a.name_only && a.tokens.end <= trigger.start)
                    .collect();
                match before.as_slice() {
                    [.., speaker, addressee] => {
                        source_rule = "speaker-of-demand";
                        target_rule = "addressee-before-must";
                        (Some(*speaker), Some(*addressee))
                    }
                    [addressee] => {
                        target_rule = "addressee-before-must";
                        (None, Some(*addressee))
                    }
                    [] => (source, target),
                }
            } else {
                (source, target)
            };
            // "demanded that the US cancel", "reiterated its demand today that Israel ease": the
            // one a demand is made of stands right after the "that" that follows it, in the clause
            // it opens.
            let addressee = (entry.event_type == PloverType::Request && target.is_none())
                .then(|| {
                    let that = s.markers.iter().find(|(r, m)| {
                        *m == Marker::Comp && r.start >= trigger.end && r.start <= trigger.end + 2
                    })?;
                    s.actors.iter().find(|a| {
                        a.tokens.start >= that.0.end
                            && a.tokens.start <= that.0.end + 1
                            && source.is_none_or(|x| x.tokens != a.tokens)
                    })
                })
                .flatten();
            let target = match addressee {
                Some(a) => {
                    target_rule = "addressee-after-that";
                    Some(a)
                }
                None => target,
            };
            let (source, target) = match subjected {
                Some(victim) => {
                    target_rule = "subject-of-undergo";
                    (source.filter(|a| a.tokens != victim.tokens), Some(victim))
                }
                None => (source, target),
            };
            // The people a count of the dead or wounded counts ("مقتل 4 أشخاص", "killed 150
            // civilians") are the victims when no target was found.
            let counted = [fatality.as_ref(), injured.as_ref()]
                .into_iter()
                .flatten()
                .find_map(|f| {
                    // "ثلاثة من عناصر الجيش": "of" between the count and the counted.
                    let of = usize::from(matches!(d.text(f.tokens.end), "من" | "of"));
                    s.actors.iter().find(|a| {
                        a.tokens.start >= f.tokens.end
                            && a.tokens.start <= f.tokens.end + 1 + of
                            && !a.name_only
                    })
                });
            let (source, target) = match counted {
                Some(victims)
                    if entry.event_type == PloverType::Assault
                        && source.is_some_and(|a| a.tokens == victims.tokens)
                        && target.is_some_and(|t| t.tokens != victims.tokens) =>
                {
                    // The counted read as the subject were killed, and the one read as the object
                    // did it ("اثنين من عناصر الشرطة قتلا ... انتحاري", "ثلاثين متمردا قتلوا في
                    // مواجهات مع قوات الأمن"): the roles swap.
                    source_rule = "counted-are-victims";
                    target_rule = "counted-are-victims";
                    (target, Some(victims))
                }
                Some(victims) if entry.event_type == PloverType::Assault => {
                    // The counted are never the source ("قتلت 47 ارهابيا": those killed).
                    let source = source.filter(|a| a.tokens != victims.tokens);
                    match target {
                        None => {
                            target_rule = "counted-are-victims";
                            (source, Some(victims))
                        }
                        target => (source, target),
                    }
                }
                _ => (source, target),
            };
            // "صاروخ اسرائيلي", "an Israeli air strike": the state whose military the weapon is
            // did it.
            let weapon_owner = (entry.event_type == PloverType::Assault)
                .then(|| {
                    s.actors.iter().find(|a| {
                        a.gazetteer
                            && a.tokens.len() == 1
                            && a.sector.as_deref() == Some("MIL")
                            && match d.doc.lang {
                                Lang::Ar => a.tokens.start == trigger.end,
                                _ => a.tokens.end == trigger.start,
                            }
                    })
                })
                .flatten();
            let (source, target) = match weapon_owner {
                Some(w) if source.is_none_or(|x| x.tokens != w.tokens) => {
                    source_rule = "weapon-of-a-state";
                    (Some(w), target.filter(|t| t.tokens != w.tokens))
                }
                _ => (source, target),
            };
            // "تجمع المتظاهرون أمام البرلمان", "protesters gathered outside parliament": the
            // institution before whose building a protest gathers is what it addresses.
            // It is not the protest's source, even when it stands nearest before the trigger
            // ("وصلت حشود من المعلمين الى باحة البرلمان للاحتجاج").
            let before_building = (entry.event_type == PloverType::Protest)
                .then(|| {
                    s.actors.iter().find(|a| {
                        !a.name_only
                            && s.clause(a.tokens.start) == clause
                            && matches!(
                                a.sector.as_deref(),
                                Some("GOV" | "LEG" | "JUD" | "COP" | "MIL" | "IGO")
                            )
                            && s.markers.iter().any(|(r, m)| {
                                *m == Marker::Front
                                    && r.end <= a.tokens.start
                                    && a.tokens.start - r.end <= 1
                            })
                    })
                })
                .flatten();
            let (source, target) = match before_building {
                // Also when the institution was read as the protest's subject, the actor
                // after it its object ("تظاهر الآلاف أمام البرلمان احتجاجا على اعتقال رئيس
                // الوزراء").
                Some(b) if target.is_none() || source.is_some_and(|x| x.tokens == b.tokens) => {
                    target_rule = "institution-protested-before";
                    let source = match source {
                        Some(x) if x.tokens == b.tokens => {
                            source_rule = "institution-protested-before";
                            s.actors
                                .iter()
                                .filter(|a| {
                                    !a.name_only
                                        && a.tokens.end <= b.tokens.start
                                        && s.clause(a.tokens.start) == clause
                                })
                                .max_by_key(|a| a.tokens.start)
                        }
                        other => other,
                    };
                    (source, Some(b))
                }
                _ => (source, target),
            };
            // "هتافات معادية لإيران", "«الموت لأميركا»", "ضد الحكومة", "برحيل السلطات العسكرية",
            // "against the war": what a protest is against, anywhere in its sentence, is its
            // target (the one nearest the trigger).
            let against = |marker: Marker| {
                (entry.event_type == PloverType::Protest)
                    .then(|| {
                        s.markers
                            .iter()
                            .filter(|(_, m)| *m == marker)
                            .filter_map(|(r, _)| {
                                s.actors.iter().find(|a| {
                                    a.tokens.start >= r.end
                                    && a.tokens.start <= r.end + 1
                                    // Not "a campaign against protesters": a crackdown, not
                                    // what protesters protest.
                                    && a.sector.as_deref() != Some("CVL")
                                    && (a.tokens.end <= trigger.start
                                        || a.tokens.start >= trigger.end)
                                })
                            })
                            .min_by_key(|a| a.tokens.start.abs_diff(trigger.start))
                    })
                    .flatten()
            };
            // "احتجاجا على ترشيح الرئيس نجيب ميقاتي": whom a protest is about, where nothing
            // else named its target.
            let against = against(Marker::Against).or_else(|| {
                target
                    .is_none()
                    .then(|| against(Marker::Protested))
                    .flatten()
            });
            let (source, target) = match against {
                Some(a) if target.is_none_or(|t| t.tokens != a.tokens) => {
                    target_rule = "protest-against";
                    // What protesters are against is not who protests ("تظاهر الآلاف ضد رئيس
                    // الوزراء": the thousands are no actor of the lexicon).
                    (source.filter(|x| x.tokens != a.tokens), Some(a))
                }
                _ => (source, target),
            };
            for (field, rule, actor) in [
                ("source", source_rule, source),
                ("target", target_rule, target),
            ] {
                if let Some(a) = actor {
                    why.add(field, rule, || actor_origin(d, a));
                }
            }
            if source.is_some() {
                confidence += 0.1;
            }
            let actor_country = location
                .as_ref()
                .and_then(|l| d.gazetteer.country(&l.country))
                .map(|p| p.country_iso3().to_string());
            let fatalities = (fatality_type == Some(entry.event_type))
                .then_some(fatality.as_ref())
                .flatten()
                .map(|f| count_record(d, f));
            // The injured go with the violence of the sentence, the arrested with its arrests.
            let injured = matches!(entry.event_type, PloverType::Assault | PloverType::Protest)
                .then(|| injured.as_ref())
                .flatten()
                .map(|f| count_record(d, f));
            let arrested = (entry.event_type == PloverType::Coerce)
                .then_some(arrested.as_ref())
                .flatten()
                .map(|f| count_record(d, f));
            let (factuality, marker) = factuality(d, s, trigger);
            why.add(
                "factuality",
                marker.as_ref().map_or("no-marker", |(_, rule)| *rule),
                || {
                    marker.map_or_else(
                        || "no negation, condition, plan or attribution before the trigger".into(),
                        |(r, _)| format!("«{}»", d.text_span(&r).text),
                    )
                },
            );
            for (field, count) in [
                ("fatalities", &fatalities),
                ("injured", &injured),
                ("arrested", &arrested),
            ] {
                if let Some(c) = count {
                    why.add(field, "count-next-to-marker", || format!("«{}»", c.text));
                }
            }
            if !matches!(factuality, Factuality::Asserted | Factuality::Claimed) {
                confidence *= 0.8;
            }
            let (cameo_root, acled) = mapping::map(entry.event_type, entry.mode.as_deref());
            let evidence = TextSpan {
                text: s.span.slice(&d.doc.text).to_string(),
                span: s.span,
            };
            events.push(Event {
                id: String::new(),
                doc_id: d.doc.id.clone(),
                event_type: entry.event_type,
                mode: entry.mode.clone(),
                cameo_root,
                acled,
                source: source.map(|a| to_actor(d, a, actor_country.as_deref())),
                target: target
                    .map(|a| to_actor(d, a, actor_country.as_deref()))
                    .or_else(|| {
                        let state = protest_target(
                            entry.event_type,
                            location.as_ref(),
                            s.span,
                            actor_country.as_deref(),
                        );
                        if let Some(t) = &state {
                            why.add("target", "protest-target-is-the-state", || {
                                format!("no target named; «{}» where it happens", t.text)
                            });
                        }
                        state
                    }),
                date,
                location,
                fatalities,
                injured,
                arrested,
                factuality,
                confidence: (confidence.min(1.0) * 100.0).round() / 100.0,
                trigger: d.text_span(trigger),
                evidence,
                mentions: Vec::new(),
                explain: why.steps(),
            });
        }
        if let Some(date) = sentence_explicit_date.or_else(|| {
            s.times.first().map(|t| {
                let ts = d.text_span(&t.tokens);
                EventDate {
                    start: t.start,
                    end: t.end,
                    precision: precision_name(t.precision).into(),
                    text: Some(ts.text),
                    span: Some(ts.span),
                }
            })
        }) {
            paragraph_date = Some((s.paragraph, date));
        }
        let usable = |p: &&PlaceMention| {
            p.cue
                || doc_country.as_deref().is_none_or(|c| {
                    d.gazetteer
                        .place(p.place)
                        .is_some_and(|place| place.country() == c)
                })
        };
        if let Some(city) = s
            .places
            .iter()
            .rev()
            .filter(usable)
            .find(|p| p.kind == PlaceKind::City)
        {
            last_city = Some((city.place, s.paragraph));
        }
    }
    events
}

/// A city of `country` named in the sentence before or after `s_idx`, in the same paragraph.
fn neighbour_city(
    d: &Doc<'_>,
    sentences: &[Sentence],
    s_idx: usize,
    country: Option<&str>,
) -> Option<u32> {
    let paragraph = sentences[s_idx].paragraph;
    let in_country = |c: u32| {
        d.gazetteer
            .place(c)
            .is_some_and(|p| country.is_none_or(|cc| p.country() == cc))
    };
    // A neighbour that lists several cities (الكرك وإربد والرمثا) is about them, not about
    // this sentence: only a neighbour naming one city lends it.
    [s_idx.checked_sub(1), Some(s_idx + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| sentences.get(i))
        .filter(|s| s.paragraph == paragraph)
        .find_map(|s| {
            let mut cities = s
                .places
                .iter()
                .filter(|p| p.kind == PlaceKind::City && in_country(p.place))
                .map(|p| p.place);
            let first = cities.next()?;
            cities.all(|c| c == first).then_some(first)
        })
}

/// The same place, or a place and its country when the mention placed there had no place of its
/// own (the document's country).
fn same_place(a: &Option<Location>, b: &Option<Location>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.geonames_id == b.geonames_id
                || a.country == b.country
                    && [(a, b), (b, a)].iter().any(|(x, y)| {
                        x.precision == "country"
                            && x.method == "context"
                            && y.precision != "country"
                    })
        }
        (None, None) => true,
        _ => false,
    }
}

/// A count that is one number: not vague ("dozens"), not a bound ("at least 15").
fn exact(f: &Fatalities) -> bool {
    !f.vague && f.max == Some(f.min)
}

/// Two counts of one event's dead agree when they are the same, or when one is vague
/// ("dozens", عشرات) or a bound ("at least 15") and the other is a number within it.
fn counts_agree(a: &Fatalities, b: &Fatalities) -> bool {
    let within = |x: &Fatalities, n: u64| x.min <= n && x.max.is_none_or(|max| n <= max);
    a.count == b.count && a.min == b.min
        || !exact(a) && exact(b) && within(a, b.min)
        || exact(a) && !exact(b) && within(b, a.min)
}

/// Whether count `a` is narrower than `b`, one of two that agree: a number is narrower than
/// a vague quantifier or a bound ("43" than "dozens", "15" than "at least 15").
fn narrower(a: &Fatalities, b: &Fatalities) -> bool {
    exact(a) && !exact(b)
}

/// Merges repeated mentions of one event: same type (and mode, where both have one) and place,
/// overlapping dates, compatible counts, and at least one of the two dated only by context (or
/// both by the same words).
fn merge(events: &mut Vec<Event>) {
    let mut merged: Vec<Event> = Vec::new();
    for event in events.drain(..) {
        let target = merged.iter_mut().find(|m| {
            m.event_type == event.event_type
                // Two kinds of one type (an arrest and a curfew) are two events.
                && (m.mode == event.mode || m.mode.is_none() || event.mode.is_none())
                && same_place(&m.location, &event.location)
                && m.date.start <= event.date.end
                && event.date.start <= m.date.end
                && (m.date.text.is_none()
                    || event.date.text.is_none()
                    || m.date.start == event.date.start && m.date.end == event.date.end)
                && match (&m.fatalities, &event.fatalities) {
                    (Some(a), Some(b)) => counts_agree(a, b),
                    _ => true,
                }
                && (m.factuality == event.factuality
                    || matches!(
                        (m.factuality, event.factuality),
                        (
                            Factuality::Asserted | Factuality::Claimed,
                            Factuality::Asserted | Factuality::Claimed
                        )
                    ))
        });
        match target {
            Some(m) => {
                let mention = event.trigger.clone();
                let note = |kept: &mut Event, other: &TextSpan| {
                    if let Some(steps) = &mut kept.explain {
                        steps.push(Step {
                            field: "mentions".into(),
                            rule: "same-type-date-place".into(),
                            evidence: format!("«{}» merged into this record", other.text),
                        });
                    }
                };

                let other_count = if event.confidence > m.confidence {
                    let other_count = m.fatalities.take();
                    let mut event = event;
                    event.mentions = std::mem::take(&mut m.mentions);
                    event.mentions.push(m.trigger.clone());
                    let other = m.trigger.clone();
                    note(&mut event, &other);
                    *m = event;
                    other_count
                } else {
                    note(m, &mention);
                    m.mentions.push(mention);
                    event.fatalities
                };
                // The count of the kept record stays unless the other is narrower.
                match (&m.fatalities, other_count) {
                    (Some(kept), Some(other)) if narrower(&other, kept) => {
                        if let Some(steps) = &mut m.explain {
                            steps.push(Step {
                                field: "fatalities".into(),
                                rule: "most-specific-count".into(),
                                evidence: format!(
                                    "«{}» of a merged mention, narrower than «{}»",
                                    other.text, kept.text
                                ),
                            });
                        }
                        m.fatalities = Some(other);
                    }
                    (None, other) => m.fatalities = other,
                    _ => {}
                }
            }
            None => merged.push(event),
        }
    }
    merged.sort_by_key(|e| e.trigger.span.start());
    *events = merged;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            id: "t".into(),
            text: text.into(),
            lang: Lang::Ar,
            published: "2022-01-06".parse().ok(),
            url: None,
        }
    }

    /// The pack's readings of token `i` after the word analyser read the whole text.
    fn forms_after_analyser(text: &str, i: usize) -> Vec<String> {
        let document = doc(text);
        let mut d = Doc::new(&document, "2022-01-06".parse().unwrap());
        let n = d.tokens.len();
        analyse_words(&mut d, 0..n);
        d.analyses[i].iter().map(|a| a.form.clone()).collect()
    }

    #[test]
    fn same_host_allows_a_cut_enclitic_and_a_restored_letter() {
        assert!(same_host("دعاهم", "دعا"));
        assert!(same_host("حكومه", "حكومت"));
        assert!(same_host("متظاهرين", "متظاهرين"));
        // Another proclitic split gives another host.
        assert!(!same_host("الحرس", "حرس"));
        assert!(!same_host("قاء", "لقاء"));
    }

    #[test]
    fn the_analyser_keeps_the_readings_of_its_own_proclitic_split() {
        // و + دعا + هم "and he called on them": the analyser splits only و; the pack's reading
        // دعا (enclitic cut) must stay, or the trigger is lost.
        let forms = forms_after_analyser("ودعاهم إلى الهدوء.", 0);
        assert!(forms.iter().any(|f| f == "دعا"), "{forms:?}");
        // و + الحرس: the article is the host's in the treebank; both الحرس and حرس stay (the
        // actor lexicon reads الحرس الوطني).
        let forms = forms_after_analyser("انتشرت الشرطة والحرس الوطني.", 2);
        assert!(forms.iter().any(|f| f == "الحرس"), "{forms:?}");
        assert!(forms.iter().any(|f| f == "حرس"), "{forms:?}");
    }

    #[test]
    fn extraction_with_and_without_the_analyser_agrees_on_plain_sentences() {
        let d = doc("اعتقلت الشرطة عشرات المتظاهرين في القاهرة يوم الجمعة.");
        let with = extract_with(&d, &Options::default()).0;
        let without = extract_with(
            &d,
            &Options {
                morphology: false,
                entities: false,
                ..Options::default()
            },
        )
        .0;
        assert_eq!(with.len(), 1);
        assert_eq!(with[0].event_type, PloverType::Coerce);
        assert_eq!(with[0].trigger.text, without[0].trigger.text);
    }
}
