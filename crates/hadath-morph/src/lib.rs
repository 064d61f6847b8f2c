//! Arabic word analysis: clitic segmentation, part of speech, features and lemma, from compact
//! perceptron models trained on UD Arabic-PADT (`hadath train morph`; model card in
//! `models/README.md`).
//!
//! ```
//! let analyzer = hadath_morph::arabic();
//! let words = analyzer.analyse(&["وبالمتظاهرين"]);
//! let forms: Vec<&str> = words.iter().map(|w| w.form.as_str()).collect();
//! assert_eq!(forms, ["و", "ب", "المتظاهرين"]);
//! ```
#![deny(missing_docs)]

pub mod conllu;
pub mod model;
pub mod surface;
pub mod train;

use std::sync::LazyLock;

pub use model::{Analysed, Analyzer, Role};

/// The committed Arabic model (UD Arabic-PADT, CC BY-NC-SA 3.0: see `models/README.md`).
static ARABIC_MODEL: &[u8] = include_bytes!("../models/ar-padt.morph");

static ARABIC: LazyLock<Analyzer> =
    LazyLock::new(|| Analyzer::from_bytes(ARABIC_MODEL).expect("the committed Arabic model reads"));

/// The Arabic analyser built into hadath (read on first use).
pub fn arabic() -> &'static Analyzer {
    &ARABIC
}
