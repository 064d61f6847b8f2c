use hadath_text::{Analysis, LanguagePack, NormalizedText, Token, TokenKind, tokenize};

/// Borrowed view of analysed tokens: what the grammars read.
#[derive(Clone, Copy, Debug)]
pub struct WordView<'a> {
    /// The normalized text the tokens point into.
    pub norm: &'a str,
    /// The tokens.
    pub tokens: &'a [Token],
    /// Analyses of each token (empty for punctuation).
    pub analyses: &'a [Vec<Analysis>],
}

impl<'a> WordView<'a> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when there is no token.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Every matching form of token `i` (the word itself first); empty past the end.
    pub fn forms(&self, i: usize) -> impl Iterator<Item = &'a str> {
        self.analyses
            .get(i)
            .into_iter()
            .flatten()
            .map(|a| a.form.as_str())
    }

    /// The analysis of token `i` whose form satisfies `pred`, if any.
    pub fn find_form(&self, i: usize, pred: impl Fn(&str) -> bool) -> Option<&'a Analysis> {
        self.analyses.get(i)?.iter().find(|a| pred(&a.form))
    }

    /// The normalized text of token `i`, or `""` past the end.
    pub fn text(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map(|t| t.norm.slice(self.norm))
            .unwrap_or("")
    }

    /// The kind of token `i` (punctuation past the end).
    pub fn kind(&self, i: usize) -> TokenKind {
        self.tokens
            .get(i)
            .map(|t| t.kind)
            .unwrap_or(TokenKind::Punct)
    }
}

/// Owned analysed tokens of one text (for tests, examples and tools).
#[derive(Debug)]
pub struct Words {
    norm: NormalizedText,
    tokens: Vec<Token>,
    analyses: Vec<Vec<Analysis>>,
}

impl Words {
    /// Normalizes, tokenizes and analyses `text` with `pack`.
    pub fn analyse(pack: &dyn LanguagePack, text: &str) -> Words {
        let norm = pack.normalize(text);
        let tokens = tokenize(&norm);
        let analyses = tokens
            .iter()
            .map(|t| {
                let mut out = Vec::new();
                if t.kind != TokenKind::Punct {
                    pack.analyses(t.text(&norm), &mut out);
                }
                out
            })
            .collect();
        Words {
            norm,
            tokens,
            analyses,
        }
    }

    /// A view over all tokens.
    pub fn view(&self) -> WordView<'_> {
        WordView {
            norm: self.norm.as_str(),
            tokens: &self.tokens,
            analyses: &self.analyses,
        }
    }
}
