//! Word stems that decide, before a costly regular expression is run over
//! a sentence, whether it can match there at all.
//!
//! A large alternation of phrases ("extended the mandate", "was replaced
//! by") offers the regex engine no literal prefilter when one of its
//! alternatives opens with a common word, so it is run over every
//! sentence. When every alternative holds one of a few stems ("extend",
//! "replac"), one Aho-Corasick search for them settles most sentences
//! first. Debug builds (the test suite) check each sentence the stems
//! turn away against the regex itself.

use aho_corasick::AhoCorasick;
use missive_model::FOLDS_TO_ASCII;
use regex::Regex;

pub(crate) struct Stems {
    words: AhoCorasick,
    regex: &'static Regex,
}

impl Stems {
    /// `stems`, one of which every alternative of `regex` holds (ASCII
    /// letters, matched case-insensitively anywhere in a word).
    pub(crate) fn new(stems: &[&str], regex: &'static Regex) -> Self {
        let words = AhoCorasick::builder().ascii_case_insensitive(true).build(stems).expect("stems compile");
        Stems { words, regex }
    }

    /// Whether the regex matches `s`, searched only when `s` holds a stem.
    pub(crate) fn is_match(&self, s: &str) -> bool {
        let may = s.contains(FOLDS_TO_ASCII) || self.words.is_match(s);
        debug_assert!(may || !self.regex.is_match(s), "a match without any of the stems: {s}");
        may && self.regex.is_match(s)
    }
}
