//! One pass of a multi-pattern automaton for the cue tables' words.
//!
//! Most alternatives of a cue pattern are words with a few variants
//! ("elect(?:ions?|oral)\b", "cease-?fire", "women['’]s rights"): they are
//! expanded to literals and found by one Aho-Corasick pass over the
//! sentence, their word boundaries checked at each match. The few that are
//! real regular expressions ("train\w*[^.;]{0,60}armed forces") are each
//! compiled alone and run only from where the same pass finds the literal
//! they open with ("train"), not over every sentence. The answer is the
//! regex set's over the whole patterns: the patterns are read
//! case-insensitively with ASCII word boundaries (`Cues` in `cues.rs`),
//! which is what the literals honour.

use aho_corasick::{AhoCorasick, MatchKind};
use missive_model::FOLDS_TO_ASCII;
use regex::RegexSet;

/// The most variants one alternative may expand to.
const MAX_VARIANTS: usize = 4096;

/// A boundary marker inside an expanded literal (`\b` in the pattern).
const BOUNDARY: char = '\u{0}';

pub(crate) struct CueWords {
    words: AhoCorasick,
    /// Per pattern of `words`: a literal of a class, or the leading
    /// literal of an alternative that is no literal.
    literals: Vec<Literal>,
    /// The alternatives that are no literals, each compiled alone, with
    /// its class: one is run only from where its leading literal is found.
    rest: Vec<(RegexSet, usize)>,
    /// Every pattern whole, for sentences [`FOLDS_TO_ASCII`] concerns.
    full: RegexSet,
    classes: usize,
}

/// What a match of the Aho-Corasick automaton stands for.
#[derive(Clone, Copy)]
enum Literal {
    /// A whole alternative of a class, and whether a word boundary must
    /// follow it.
    Word { class: usize, end: bool },
    /// The leading literal of the `rest` alternative of this index.
    Lead(usize),
}

impl CueWords {
    /// `patterns` as the cue tables write them; `compile` makes the set
    /// (the same transformation for the rest and the full set).
    pub(crate) fn new(patterns: &[&str], compile: impl Fn(&[String]) -> RegexSet) -> Self {
        let mut words = Vec::new();
        let mut literals = Vec::new();
        let mut rest = Vec::new();
        for (class, pattern) in patterns.iter().enumerate() {
            for alternative in top_level(pattern) {
                match expand(alternative) {
                    Some(variants) => {
                        for (word, end) in variants {
                            words.push(word);
                            literals.push(Literal::Word { class, end });
                        }
                    }
                    None => {
                        let lead = leading(alternative).unwrap_or_else(|| {
                            panic!("a cue alternative that is no literal opens with one: {alternative}")
                        });
                        for word in lead {
                            words.push(word);
                            literals.push(Literal::Lead(rest.len()));
                        }
                        rest.push((compile(&[alternative.to_owned()]), class));
                    }
                }
            }
        }
        let full = compile(&patterns.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>());
        let words = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .expect("cue words compile");
        CueWords { words, literals, rest, full, classes: patterns.len() }
    }

    /// Whether each class's pattern matches `text`, by index.
    pub(crate) fn matches(&self, text: &str) -> Vec<bool> {
        // A Kelvin sign or a long s, which the literals' ASCII case
        // folding misses: the full set reads the sentence.
        if text.contains(FOLDS_TO_ASCII) {
            let set = self.full.matches(text);
            return (0..self.classes).map(|i| set.matched(i)).collect();
        }
        let mut out = vec![false; self.classes];
        // Per `rest` alternative, the first place its leading literal
        // opens a word: no match of it can start before.
        let mut first: Vec<Option<usize>> = vec![None; self.rest.len()];
        let bytes = text.as_bytes();
        for m in self.words.find_overlapping_iter(text) {
            if !boundary(bytes, m.start()) {
                continue;
            }
            match self.literals[m.pattern().as_usize()] {
                Literal::Word { class, end } => {
                    if !out[class] && (!end || boundary(bytes, m.end())) {
                        out[class] = true;
                    }
                }
                Literal::Lead(i) => {
                    first[i] = Some(first[i].map_or(m.start(), |f| f.min(m.start())));
                }
            }
        }
        for ((set, class), from) in self.rest.iter().zip(first) {
            if let Some(from) = from
                && !out[*class]
                && set.is_match_at(text, from)
            {
                out[*class] = true;
            }
        }
        out
    }
}

#[cfg(test)]
impl CueWords {
    /// The set of the whole patterns, to check [`CueWords::matches`] by.
    pub(crate) fn full_matches_for_tests(&self) -> &RegexSet {
        &self.full
    }
}

/// An ASCII word boundary at `at` (`(?-u:\b)`).
fn boundary(bytes: &[u8], at: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let before = at > 0 && word(bytes[at - 1]);
    let after = at < bytes.len() && word(bytes[at]);
    before != after
}

/// The characters of `pattern` that give it its shape (neither escaped
/// nor inside a character class), each with its byte index and the depth
/// of groups around it: a group's own parentheses stand at the depth
/// outside it.
fn shape(pattern: &str) -> impl Iterator<Item = (usize, char, i32)> + '_ {
    let (mut depth, mut escaped, mut class) = (0i32, false, false);
    pattern.char_indices().filter_map(move |(i, c)| {
        if escaped {
            escaped = false;
            return None;
        }
        match c {
            '\\' => escaped = true,
            '[' if !class => class = true,
            ']' if class => class = false,
            _ if class => {}
            '(' => {
                depth += 1;
                return Some((i, c, depth - 1));
            }
            ')' => {
                depth -= 1;
                return Some((i, c, depth));
            }
            _ => return Some((i, c, depth)),
        }
        None
    })
}

/// The alternatives of `pattern` at the top level (not inside a group).
fn top_level(pattern: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _, _) in shape(pattern).filter(|&(_, c, depth)| c == '|' && depth == 0) {
        out.push(&pattern[start..i]);
        start = i + 1;
    }
    out.push(&pattern[start..]);
    out
}

/// The literals an alternative opens with, up to its first atom that is
/// no literal (or a word boundary inside): every match of the alternative
/// starts where one of them does. `None` when it opens with no literal.
fn leading(alternative: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = alternative.chars().collect();
    let mut at = 0;
    let mut out = vec![String::new()];
    while at < chars.len() && !matches!(chars[at], '|' | ')') {
        let from = at;
        let Some(mut atom) = atom(&chars, &mut at) else {
            // A group with an alternative that is no literal
            // ("(?:met|engag\w*)"): the leading literals of each.
            // Not when the group may be absent ("(?:[\w-]+ ){0,2}").
            if let Some(inner) = group_at(alternative, &chars, from) {
                let after = from + 3 + inner.chars().count() + 1;
                let lead: Option<Vec<String>> =
                    top_level(inner).into_iter().map(leading).collect::<Option<Vec<_>>>().map(|v| v.concat());
                if let Some(lead) = lead.filter(|_| !matches!(chars.get(after), Some('*' | '+' | '{' | '?'))) {
                    out = out.iter().flat_map(|p| lead.iter().map(move |a| format!("{p}{a}"))).collect();
                }
            }
            break;
        };
        match chars.get(at) {
            Some('*' | '+' | '{') => break,
            Some('?') => {
                at += 1;
                atom.push(String::new());
            }
            _ => {}
        }
        out = out.iter().flat_map(|p| atom.iter().map(move |a| format!("{p}{a}"))).collect();
        if out.len() > MAX_VARIANTS {
            return None;
        }
    }
    let out: Vec<String> = out
        .into_iter()
        .map(|v| {
            let v = v.trim_start_matches(BOUNDARY);
            v.split(BOUNDARY).next().unwrap_or_default().to_owned()
        })
        .collect();
    out.iter().all(|v| v.starts_with(|c: char| c.is_ascii_alphanumeric())).then_some(out)
}

/// The inside of the non-capturing group that opens at char `from`.
fn group_at<'a>(text: &'a str, chars: &[char], from: usize) -> Option<&'a str> {
    if chars.get(from..from + 3) != Some(&['(', '?', ':']) {
        return None;
    }
    let start: usize = chars[..from + 3].iter().map(|c| c.len_utf8()).sum();
    let inner = &text[start..];
    // Its closing parenthesis is the first to fall below its depth.
    shape(inner).find(|&(_, c, depth)| c == ')' && depth < 0).map(|(i, _, _)| &inner[..i])
}

/// The literals one alternative stands for, each with whether a word
/// boundary must follow it; `None` when it is no set of literals (a class
/// like `\w`, a repetition, a boundary inside it).
fn expand(alternative: &str) -> Option<Vec<(String, bool)>> {
    let chars: Vec<char> = alternative.chars().collect();
    let mut at = 0;
    let variants = sequence(&chars, &mut at)?;
    if at != chars.len() {
        return None;
    }
    let mut out = Vec::new();
    for v in variants {
        let v = v.strip_prefix(BOUNDARY).unwrap_or(&v).to_owned();
        let (word, end) = match v.strip_suffix(BOUNDARY) {
            Some(w) => (w.to_owned(), true),
            None => (v, false),
        };
        // A boundary only at the ends, a literal that opens with a word
        // character (the start's boundary is checked as for one).
        if word.is_empty() || word.contains(BOUNDARY) || !word.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        if end && !word.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push((word, end));
    }
    Some(out)
}

/// Alternatives separated by `|` up to a closing parenthesis or the end.
fn alternation(chars: &[char], at: &mut usize) -> Option<Vec<String>> {
    let mut out = sequence(chars, at)?;
    while *at < chars.len() && chars[*at] == '|' {
        *at += 1;
        out.extend(sequence(chars, at)?);
        if out.len() > MAX_VARIANTS {
            return None;
        }
    }
    Some(out)
}

/// Atoms one after another, each optionally followed by `?`.
fn sequence(chars: &[char], at: &mut usize) -> Option<Vec<String>> {
    let mut out = vec![String::new()];
    while *at < chars.len() && !matches!(chars[*at], '|' | ')') {
        let mut atom = atom(chars, at)?;
        if *at < chars.len() && chars[*at] == '?' {
            *at += 1;
            atom.push(String::new());
        }
        if *at < chars.len() && matches!(chars[*at], '*' | '+' | '{' | '?') {
            return None;
        }
        out = out.iter().flat_map(|p| atom.iter().map(move |a| format!("{p}{a}"))).collect();
        if out.len() > MAX_VARIANTS {
            return None;
        }
    }
    Some(out)
}

/// One literal character, an escape, a character set of literals or a
/// non-capturing group.
fn atom(chars: &[char], at: &mut usize) -> Option<Vec<String>> {
    let c = chars[*at];
    *at += 1;
    match c {
        '\\' => {
            let e = *chars.get(*at)?;
            *at += 1;
            match e {
                'b' => Some(vec![BOUNDARY.to_string()]),
                '.' | '-' | '\'' | '(' | ')' | '/' | '&' => Some(vec![e.to_string()]),
                _ => None,
            }
        }
        '(' => {
            if chars.get(*at..*at + 2) != Some(&['?', ':']) {
                return None;
            }
            *at += 2;
            let inner = alternation(chars, at)?;
            (chars.get(*at) == Some(&')')).then(|| *at += 1)?;
            Some(inner)
        }
        '[' => {
            let mut set = Vec::new();
            while *at < chars.len() && chars[*at] != ']' {
                let m = chars[*at];
                // A '-' is itself only first or last ("[- ]").
                let edge = chars[*at - 1] == '[' || chars.get(*at + 1) == Some(&']');
                if matches!(m, '\\' | '^' | '[') || (m == '-' && !edge) {
                    return None;
                }
                set.push(m.to_string());
                *at += 1;
            }
            (chars.get(*at) == Some(&']')).then(|| *at += 1)?;
            Some(set)
        }
        '.' | '^' | '$' | '*' | '+' | '{' | '}' | '?' | ']' => None,
        // A letter whose ASCII case folding is not the whole of its
        // Unicode one is left to the regex set.
        c if !c.is_ascii() && c.to_lowercase().ne(c.to_uppercase()) => None,
        c => Some(vec![c.to_string()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_words_and_keeps_the_rest() {
        let got = |p: &str| {
            expand(p)
                .map(|v| v.into_iter().map(|(w, e)| format!("{w}{}", if e { "$" } else { "" })).collect::<Vec<_>>())
        };
        assert_eq!(got(r"elect(?:ions?|oral)\b").unwrap(), ["elections$", "election$", "electoral$"]);
        assert_eq!(got(r"cease-?fire").unwrap(), ["cease-fire", "ceasefire"]);
        assert_eq!(got(r"women['’]s rights").unwrap(), ["women's rights", "women’s rights"]);
        assert_eq!(got(r"\bDDR\b").unwrap(), ["DDR$"]);
        assert_eq!(got(r"mine[- ]clearance").unwrap(), ["mine-clearance", "mine clearance"]);
        assert!(got(r"[a-z]").is_none());
        assert!(got(r"train\w*[^.;]{0,60}army").is_none());
        assert!(got(r"returned\s+home").is_none());
        assert_eq!(leading(r"returned\s+home").unwrap(), ["returned"]);
        assert_eq!(leading(r"(?:met|meetings?)\s+with").unwrap(), ["met", "meetings", "meeting"]);
        assert_eq!(leading(r"secur\w* (?:the )?ballot").unwrap(), ["secur"]);
        assert_eq!(leading(r"withdrawal of (?:[\w-]+ ){0,2}troops").unwrap(), ["withdrawal of "]);
        assert!(leading(r"\w+ed").is_none());
        assert_eq!(leading(r"(?:met|engag\w*)\s+with").unwrap(), ["met", "engag"]);
        assert_eq!(leading(r"x(?:a|b\w+)").unwrap(), ["xa", "xb"]);
        assert_eq!(leading(r"x(?:a|b\w+)?y").unwrap(), ["x"]);
        assert_eq!(top_level(r"a|(?:b|c)d|[|]"), ["a", "(?:b|c)d", "[|]"]);
    }
}
