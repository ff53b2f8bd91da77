//! Sentence splitting inside paragraphs.

use missive_model::{Paragraph, Span};

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "no", "nos", "para", "paras", "art", "arts", "vol", "p", "pp", "e.g", "i.e",
    "etc", "st", "gen", "lt", "col", "maj", "brig", "capt", "sgt", "gov", "amb", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "add", "rev", "corr", "inc", "co", "ltd", "jr", "sr", "u.s",
    "u.n", "rep", "chap", "fig", "approx", "h.e", "s.e", "op", "cit", "ibid", "sect", "amend", "cf", "viz", "vs", "km",
    "distr",
];

/// A sentence longer than this (bytes) is cut at the next space: no real
/// sentence is this long, and every row of evidence repeats its sentence,
/// so an unbounded one (10 MB without a full stop) would make the tables
/// quadratic in the input.
pub const MAX_SENTENCE: usize = 2_000;
/// Without a space, a sentence is cut at the next character boundary here.
const HARD_MAX_SENTENCE: usize = 4 * MAX_SENTENCE;

/// Splits each paragraph into sentences; spans index the cleaned text.
pub fn split(text: &str, paragraphs: &[Paragraph]) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs {
        split_span(text, p.span, &mut out);
    }
    out
}

fn split_span(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = &text[span.start..span.end];
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let long = i - start;
        if (long >= MAX_SENTENCE && b == b' ') || (long >= HARD_MAX_SENTENCE && s.is_char_boundary(i)) {
            push(span.start + start, span.start + i, text, out);
            start = if b == b' ' { i + 1 } else { i };
            i = start.max(i + 1);
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Swallow closing quotes and brackets.
            let mut end = i + 1;
            while end < bytes.len()
                && (matches!(bytes[end], b'"' | b')' | b'\'') || s[end..].starts_with('”') || s[end..].starts_with('’'))
            {
                end += s[end..].chars().next().map_or(1, char::len_utf8);
            }
            if end < bytes.len() && bytes[end] == b' ' {
                let next = s[end + 1..].chars().next();
                let starts =
                    next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '(' | '‘'));
                if starts && (b != b'.' || !is_abbreviation(&s[start..i])) {
                    push(span.start + start, span.start + end, text, out);
                    start = end + 1;
                    i = start;
                    continue;
                }
            }
        }
        i += 1;
    }
    push(span.start + start, span.end, text, out);
}

fn push(start: usize, end: usize, text: &str, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit([' ', '(', '\n']).next().unwrap_or("");
    let lower = word.to_lowercase();
    // Initials ("Kofi A. Annan") and paragraph numbers ("12.") do not end sentences.
    let single_cap = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let number = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) && before.trim() == word;
    single_cap || number || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endless_sentences_are_cut() {
        let text = format!("{} {}", "word ".repeat(1_000), "x".repeat(20_000));
        let para = [Paragraph { span: Span::new(0, text.len()), number: None }];
        let got = split(&text, &para);
        assert!(
            got.iter().all(|s| s.len() <= HARD_MAX_SENTENCE),
            "{:?}",
            got.iter().map(Span::len).collect::<Vec<_>>()
        );
        assert!(got.iter().any(|s| s.len() > MAX_SENTENCE), "cut at a space when there is one");
        let joined: String = got.iter().map(|s| s.slice(&text).replace(' ', "")).collect();
        assert_eq!(joined, text.replace(' ', ""), "nothing lost");
        for w in got.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }

    #[test]
    fn splits() {
        let text = "1. Mr. Ghazi left on 31 Dec. 1999. Kofi A. Annan thanked him (see S/2000/1, para. 3). The “Club” met 11 times.";
        let para = [Paragraph { span: Span::new(0, text.len()), number: Some("1".into()) }];
        let got: Vec<&str> = split(text, &para).iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            got,
            [
                "1. Mr. Ghazi left on 31 Dec. 1999.",
                "Kofi A. Annan thanked him (see S/2000/1, para. 3).",
                "The “Club” met 11 times."
            ]
        );
    }
}
