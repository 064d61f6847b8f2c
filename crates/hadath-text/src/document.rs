use jiff::civil::Date;
use serde::Serialize;

/// The languages hadath reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic (Modern Standard Arabic news).
    Ar,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// Parses `ar` or `en` (any case).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" | "ara" | "arabic" => Some(Lang::Ar),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// Guesses the language from the share of Arabic-script letters among all letters.
    pub fn detect(text: &str) -> Lang {
        let (mut arabic, mut latin) = (0usize, 0usize);
        for c in text.chars().take(20_000) {
            if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
                arabic += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        if arabic > 0 && arabic * 2 >= latin {
            Lang::Ar
        } else {
            Lang::En
        }
    }
}

/// One article: its text exactly as read, and what is known about it.
#[derive(Clone, Debug)]
pub struct Document {
    /// Stable identifier (file stem, JSONL `id`, …).
    pub id: String,
    /// The text every span points into.
    pub text: String,
    /// Language of the text.
    pub lang: Lang,
    /// Publication date: relative dates ("yesterday", "on Wednesday") resolve against it.
    pub published: Option<Date>,
    /// Where the article came from, when known.
    pub url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_arabic_even_with_latin_names() {
        assert_eq!(
            Lang::detect("قال مسؤول في الشرطة في Almaty الخميس"),
            Lang::Ar
        );
        assert_eq!(Lang::detect("Police said on Thursday"), Lang::En);
        assert_eq!(Lang::detect(""), Lang::En);
    }
}
