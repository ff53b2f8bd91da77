//! Literal gates in front of the stages' large patterns.
//!
//! A pattern such as the mandate-event trigger is a long case-insensitive
//! alternation that the regex engine cannot prefilter: it reads every byte
//! of every sentence. Yet each of its matches contains one of a few words
//! ("mandate", "extend", "establish", ...). A [`Gate`] looks for those
//! words with one Aho-Corasick automaton (a vectorised search, many times
//! faster than the lazy DFA), and the pattern runs only on a sentence that
//! holds one. A gate only skips work: it must list a word of every match,
//! which the tests of each gate check alternative by alternative.

use aho_corasick::AhoCorasick;

/// The literals, one of which every match of a pattern contains.
pub struct Gate {
    words: AhoCorasick,
}

impl Gate {
    /// A gate for `words`, matched without regard to ASCII case.
    pub fn new(words: &[&str]) -> Self {
        let words = AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("valid gate words");
        Gate { words }
    }

    /// Whether `s` may hold a match: it holds one of the words, or one of
    /// the two non-ASCII letters a case-insensitive pattern reads as an
    /// ASCII one (the long s and the Kelvin sign), which the automaton
    /// does not fold.
    pub fn may_match(&self, s: &str) -> bool {
        self.words.is_match(s) || (!s.is_ascii() && s.contains(['\u{17F}', '\u{212A}']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_ascii_case_and_the_unfolded_letters() {
        let g = Gate::new(&["mandate", "set"]);
        assert!(g.may_match("The MANDATE was renewed"));
        assert!(g.may_match("to be Set up"));
        assert!(!g.may_match("The report was submitted."));
        assert!(g.may_match("the mandate was \u{17F}et up"));
    }
}
