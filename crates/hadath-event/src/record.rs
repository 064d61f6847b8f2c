use hadath_text::Span;
use jiff::civil::Date;
use serde::Serialize;

/// The 16 PLOVER event types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum PloverType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl PloverType {
    /// All types, in codebook order.
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Protest,
        PloverType::Sanction,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// The upper-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }

    /// Parses an upper- or lower-case name.
    pub fn parse(name: &str) -> Option<PloverType> {
        PloverType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(name.trim()))
    }
}

/// Whether, per the text, the event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Factuality {
    /// Reported as fact.
    Asserted,
    /// Said not to have happened (لم، نفى، "did not").
    Negated,
    /// Attributed to a speaker (قال، according to).
    Claimed,
    /// Intended, called for or future (سوف، يعتزم، "will").
    Planned,
    /// Under a condition (لو، إذا، "if").
    Hypothetical,
}

/// A piece of the document: its text and byte span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// The text exactly as in the document.
    pub text: String,
    /// Byte range `[start, end)`.
    pub span: Span,
}

/// ACLED event type and sub-type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Acled {
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
}

/// A source or target actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// The actor as written.
    pub text: String,
    /// Byte range.
    pub span: Span,
    /// ISO 3166-1 alpha-3 country (or CAMEO pseudo-country such as IGO), when known.
    pub country: Option<String>,
    /// Where the country comes from: the actor's own words, or the event's place.
    pub country_source: Option<CountrySource>,
    /// CAMEO/PLOVER sector code (GOV, MIL, COP, CVL, …), when known.
    pub sector: Option<String>,
}

/// Where an actor's country comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CountrySource {
    /// The actor's words name it: a lexicon entry (الشرطة المغربية), a demonym, a place.
    Text,
    /// Not written: the country of the event's place, for a domestic actor (protesters in Baghdad
    /// are taken to be Iraqi). Coders who code only what is written leave it out.
    Context,
}

/// When the event happened: `[start, end]`, both inclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// First possible day.
    pub start: Date,
    /// Last possible day.
    pub end: Date,
    /// day, week, month, year or decade.
    pub precision: String,
    /// The date expression, when the text has one for this event.
    pub text: Option<String>,
    /// Its span.
    pub span: Option<Span>,
}

/// Where the event happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// The place as written (null when inferred from the document).
    pub text: Option<String>,
    /// Its span.
    pub span: Option<Span>,
    /// Canonical name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id.
    pub geonames_id: u32,
    /// `town` or `country`.
    pub precision: String,
    /// GeoNames admin-1 code of a town (null for a country).
    pub admin1: Option<String>,
    /// How the place was read: `name` (one of its names), `transliteration` (an Arabic name read
    /// as one of its Latin names), `context` (no place in the sentence: taken from the document).
    pub method: String,
    /// How sure the geocoder is of this reading against the runner-up (0–1; null from context).
    pub confidence: Option<f64>,
    /// The next best reading of the same name, when there is one.
    pub runner_up: Option<RunnerUp>,
}

/// Another place the same name could be.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RunnerUp {
    /// GeoNames id.
    pub geonames_id: u32,
    /// Canonical name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

/// A count of people as written: the killed, the injured or the arrested.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fatalities {
    /// The number, when the text gives one ("at least 15": 15).
    pub count: Option<u64>,
    /// Lower bound.
    pub min: u64,
    /// Upper bound (null when open-ended).
    pub max: Option<u64>,
    /// Vague quantifier ("dozens", عشرات) rather than a number.
    pub vague: bool,
    /// The expression as written.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// One event record: a line of hadath's JSON Lines output (`schema/event.schema.json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// `doc_id#n`.
    pub id: String,
    /// The document.
    pub doc_id: String,
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub event_type: PloverType,
    /// PLOVER mode, when known.
    pub mode: Option<String>,
    /// CAMEO root code (two digits).
    pub cameo_root: String,
    /// ACLED type and sub-type, for types ACLED records.
    pub acled: Option<Acled>,
    /// Who acted.
    pub source: Option<Actor>,
    /// Who was acted upon.
    pub target: Option<Actor>,
    /// When.
    pub date: EventDate,
    /// Where.
    pub location: Option<Location>,
    /// People killed.
    pub fatalities: Option<Fatalities>,
    /// People injured, when the text gives a count (violent events).
    pub injured: Option<Fatalities>,
    /// People arrested or detained, when the text gives a count (arrests).
    pub arrested: Option<Fatalities>,
    /// Whether it happened, per the text.
    pub factuality: Factuality,
    /// 0–1: how much of the record the text states rather than context supplies.
    pub confidence: f64,
    /// The word or phrase that names the event.
    pub trigger: TextSpan,
    /// The sentence.
    pub evidence: TextSpan,
    /// Further mentions of the same event in the document (merged into this record).
    pub mentions: Vec<TextSpan>,
    /// Why each field has its value: present only when asked for (`hadath extract --explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<Step>>,
}

/// One decision behind a record (`--explain`): which field, by which rule, on what evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The field decided: `type`, `source`, `target`, `date`, `location`, `factuality`,
    /// `fatalities`, `injured`, `arrested`, `mentions`.
    pub field: String,
    /// The rule, a stable name (listed in `schema/event.schema.json`).
    pub rule: String,
    /// What it rested on: the lexicon row (file:line pattern), the words, the place.
    pub evidence: String,
}
