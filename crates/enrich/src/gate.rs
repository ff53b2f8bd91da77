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
        let words = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(words)
            .expect("valid gate words");
        Gate { words }
    }

    /// Whether `s` may hold a match: it holds one of the words, or one of
    /// the two non-ASCII letters a case-insensitive pattern reads as an
    /// ASCII one (the long s and the Kelvin sign), which the automaton
    /// does not fold.
    pub fn may_match(&self, s: &str) -> bool {
        self.words.is_match(s) || folds_to_ascii(s)
    }

    /// Where the words stand in a whole text, found in one pass, for
    /// asking of each of its sentences in turn ([`Hits::any_in`]).
    pub fn hits(&self, text: &str) -> Hits {
        Hits { starts: self.words.find_iter(text).map(|m| m.start()).collect(), all: folds_to_ascii(text) }
    }
}

/// The long s and the Kelvin sign, which a case-insensitive pattern reads
/// as "s" and "k".
fn folds_to_ascii(s: &str) -> bool {
    !s.is_ascii() && s.contains(['\u{17F}', '\u{212A}'])
}

/// The starts of a gate's words in a text. A word never spans two
/// sentences (the words hold no space or stop), so a sentence holds one
/// exactly when a start falls inside it.
pub struct Hits {
    starts: Vec<usize>,
    /// The text holds a letter the automaton does not fold: let everything through.
    all: bool,
}

impl Hits {
    /// Whether a word of the gate starts inside `start..end`.
    pub fn any_in(&self, start: usize, end: usize) -> bool {
        self.all || self.starts.get(self.starts.partition_point(|&s| s < start)).is_some_and(|&s| s < end)
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
        let text = "One. The mandate ends. Nothing here. It was Set up.";
        let h = g.hits(text);
        let at = |w: &str| text.find(w).unwrap();
        assert!(h.any_in(at("The"), at("Nothing")));
        assert!(!h.any_in(at("Nothing"), at("It")));
        assert!(h.any_in(at("It"), text.len()));
    }
}
