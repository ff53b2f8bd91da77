//! The one way the stages compile their regular expressions.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// The lazy DFA's cache per regex and thread. The stages' patterns are
/// large alternations matched case-insensitively over long texts; with the
/// regex crate's default (2 MiB) their caches fill, are cleared and the
/// same states are built again, which cost about a fifth of a run. States
/// are built only as the text needs them, so the cap is seldom reached.
pub const LAZY_DFA_CACHE: usize = 32 << 20;

/// Compiles `pattern` with a lazy DFA cache large enough for the texts.
pub fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).dfa_size_limit(LAZY_DFA_CACHE).build()
}

/// Compiles `patterns` into one set, searched in a single pass, with the
/// same lazy DFA cache as [`regex`].
pub fn regex_set<I, S>(patterns: I) -> Result<RegexSet, regex::Error>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    RegexSetBuilder::new(patterns).dfa_size_limit(LAZY_DFA_CACHE).build()
}
