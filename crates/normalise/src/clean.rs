//! Cleaning: page furniture out, lines joined into paragraphs, hyphenation
//! across lines repaired, markup removed, Unicode tidied.

use std::collections::HashSet;
use std::sync::LazyLock;

use missive_model::{Deadline, Paragraph, Span, TimedOut};
use regex::Regex;

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"^(?:",
        r"[-_`~*=•·.\s]*",                          // rules, dots, empty
        r"|\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+\d{6})*", // job number 04-33192 (E) 290404
        r"|\d{2}-\d{5}",                            // job number alone: 16-14584
        r"|GE\.\d{2}-\d{4,6}.*",                    // Geneva job number
        r"|\d{6}(?:\s+\d{6})*",                     // date stamps 290404
        r"|\*\s*[0-9A-Z]{5,}\s*\*",                 // bar code *0433192*
        r"|/\.\.\.|\.\.\./",                        // continuation marks
        r"|Page\s+\d+|-\s*\d+\s*-|\d{1,3}/\d{1,3}", // page numbers
        r"|English|ENGLISH|Original:\s*\w+",
        r")$"
    ))
    .unwrap()
});
/// A footnote's mark at the start of a footnote line: "17", "17 Office".
static FOOTNOTE_MARK: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"^\d{1,3}(?:$|\s+)").unwrap());
/// How many lines the footnotes of one page may take.
const FOOTNOTE_LINES: usize = 40;
static SYMBOL_ONLY: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^(?:[AES]|ST)/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]+\*?$").unwrap());
static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"\*\*|__|</?(?:b|i|u|em|strong|p|span|sup|sub|br)\s*/?>").unwrap());
static HEADING_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^(?:[IVXL]+|[A-Z]|\d{1,3})\.$").unwrap());
static PARA_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^(\d{1,3})\.(?:\s+|$)").unwrap());

/// Prefixes whose hyphen is kept when a word is broken after them.
const KEEP_HYPHEN: &[&str] = &[
    "peace",
    "post",
    "non",
    "self",
    "co",
    "ex",
    "anti",
    "pre",
    "well",
    "long",
    "short",
    "follow",
    "cross",
    "multi",
    "inter",
    "intra",
    "semi",
    "sub",
    "counter",
    "cease",
    "state",
    "war",
    "de",
    "high",
    "low",
    "full",
    "part",
    "first",
    "second",
    "third",
    "two",
    "three",
    "four",
    "five",
    "one",
    "six",
    "ten",
    "mid",
    "vice",
    "under",
    "secretary",
    "self",
    "socio",
    "cost",
    "decision",
    "capacity",
    "confidence",
    "community",
    "gender",
    "child",
    "human",
    "re",
    "at",
    "on",
    "in",
    "risk",
    "mine",
    "rule",
    "police",
    "troop",
    "year",
    "month",
    "day",
    "week",
    "sub",
    "head",
];

/// Cleaned text and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
}

/// Tidies characters that only get in the way: NBSP, soft hyphens,
/// zero-width marks, ligatures, form feeds, carriage returns, other
/// control characters. Runs of printable ASCII (and line feeds), most of
/// a text, are copied whole; only the other characters are looked at one
/// by one.
pub fn tidy_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().position(|&b| !(b' '..0x7f).contains(&b) && b != b'\n').unwrap_or(bytes.len() - i);
        out.push_str(&s[i..i + run]);
        i += run;
        if let Some(c) = s[i..].chars().next() {
            tidy_char(c, &mut out);
            i += c.len_utf8();
        }
    }
    out
}

fn tidy_char(c: char, out: &mut String) {
    match c {
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\t' => out.push(' '),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\r' => {}
        '\u{000C}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
        '\u{FB00}' => out.push_str("ff"),
        '\u{FB01}' => out.push_str("fi"),
        '\u{FB02}' => out.push_str("fl"),
        '\u{FB03}' => out.push_str("ffi"),
        '\u{FB04}' => out.push_str("ffl"),
        '\u{2010}' | '\u{2011}' => out.push('-'),
        c if c.is_control() && c != '\n' => out.push(' '),
        c => out.push(c),
    }
}

struct Line<'a> {
    text: &'a str,
    blank_before: bool,
}

/// Cleans a body. `symbol` is the document's own symbol, dropped where it
/// stands alone as a running header.
pub fn clean(body: &str, symbol: Option<&str>) -> Cleaned {
    match clean_within(body, symbol, &Deadline::none()) {
        Ok(c) => c,
        Err(never) => unreachable!("a deadline that never passes passed: {never}"),
    }
}

/// The non-empty lines of a text without its page furniture (job numbers,
/// bar codes, running heads: the document's own symbol, or any symbol-only
/// line that repeats), each knowing whether a blank line preceded it.
fn content_lines<'a>(
    tidy: &'a str,
    rules: &[bool],
    symbol: Option<&str>,
    deadline: &Deadline,
) -> Result<Vec<Line<'a>>, TimedOut> {
    let raw_lines: Vec<&str> = tidy.split('\n').map(str::trim).collect();
    // Symbol-only lines that repeat are running headers even without a known symbol.
    let mut symbol_lines: HashSet<&str> = HashSet::new();
    let mut seen = HashSet::new();
    for l in &raw_lines {
        if may_be_symbol(l) && SYMBOL_ONLY.is_match(l) && !seen.insert(*l) {
            symbol_lines.insert(*l);
        }
    }
    let own = symbol.map(|s| s.trim_end_matches('*'));
    deadline.check("normalise/clean")?;
    let mut lines: Vec<Line> = Vec::with_capacity(raw_lines.len());
    let mut blank = false;
    // Lines left in the footnotes of the page: from the rule that opens
    // them ("__________") to the page's furniture, at most a page's worth.
    let mut footnotes = 0usize;
    for (i, l) in raw_lines.into_iter().enumerate() {
        deadline.check_every(i, "normalise/clean")?;
        let bare = l.trim_end_matches('*');
        let furniture = (may_be_furniture(l) && FURNITURE.is_match(l))
            || (may_be_symbol(l) && SYMBOL_ONLY.is_match(l) && (own == Some(bare) || symbol_lines.contains(l)));
        if rules.get(i).copied().unwrap_or(false) {
            footnotes = FOOTNOTE_LINES;
        } else if furniture && !l.is_empty() {
            footnotes = 0;
        } else if footnotes > 0 && !l.is_empty() {
            footnotes -= 1;
        }
        // A footnote's number, on its own line or before its text, is a
        // mark, not a number the text states ("17 Office of the High
        // Representative (OHR), Order ...").
        let l = match FOOTNOTE_MARK.find(l).filter(|_| footnotes > 0) {
            Some(m)
                if l[m.end()..].is_empty()
                    || l[m.end()..].starts_with(|c: char| c.is_uppercase() || "\"“‘'".contains(c)) =>
            {
                &l[m.end()..]
            }
            _ => l,
        };
        if l.is_empty() {
            blank = true;
        } else if !furniture {
            lines.push(Line { text: l, blank_before: blank });
            blank = false;
        }
    }
    Ok(lines)
}

/// Which lines of `text` are rules of underscores ("__________").
fn tidy_rules(text: &str) -> Vec<bool> {
    text.split('\n')
        .map(|l| {
            let t = l.trim();
            t.len() >= 5 && t.bytes().all(|b| b == b'_')
        })
        .collect()
}

/// [`clean`], giving up once `deadline` has passed.
pub fn clean_within(body: &str, symbol: Option<&str>, deadline: &Deadline) -> Result<Cleaned, TimedOut> {
    let tidy = tidy_chars(body);
    // The rules that open a page's footnotes, before the markup pass
    // takes their underscores for emphasis (it keeps the lines).
    let rules: Vec<bool> = tidy_rules(&tidy);
    let tidy = MARKUP.replace_all(&tidy, "");
    let lines = content_lines(&tidy, &rules, symbol, deadline)?;

    let width = typical_width(&lines);
    // Built on the first hyphen broken across lines: many texts have none.
    let mut vocab: Option<HashSet<String>> = None;

    let mut text = String::with_capacity(body.len());
    let mut paragraphs = Vec::new();
    let mut cur_start: Option<usize> = None;
    let mut cur_number: Option<String> = None;
    let mut pending_number: Option<String> = None;
    let mut prev: Option<&str> = None;

    let close =
        |text: &mut String, start: &mut Option<usize>, number: &mut Option<String>, paragraphs: &mut Vec<Paragraph>| {
            if let Some(s) = start.take() {
                let end = text.trim_end().len();
                if end > s {
                    paragraphs.push(Paragraph { span: Span::new(s, end), number: number.take() });
                }
                text.truncate(end);
                text.push('\n');
            }
            *number = None;
        };

    deadline.check("normalise/clean")?;
    for (i, line) in lines.iter().enumerate() {
        deadline.check_every(i, "normalise/clean")?;
        let t = line.text;
        // A page number alone between a sentence and its continuation on
        // the next page ("release of" / "9" / "prisoners irregularly
        // detained"): furniture.
        let page_number = t.len() <= 3
            && t.bytes().all(|b| b.is_ascii_digit())
            && line.blank_before
            && prev.zip(lines.get(i + 1)).is_some_and(|(p, n)| n.blank_before && continues_across_page(p, n.text));
        if page_number {
            continue;
        }
        // A paragraph number alone on its line: "12."
        if t.len() <= 4 && PARA_NUMBER.is_match(t) && t.ends_with('.') {
            close(&mut text, &mut cur_start, &mut cur_number, &mut paragraphs);
            pending_number = Some(t.trim_end_matches('.').to_owned());
            prev = None;
            continue;
        }
        let heading = HEADING_NUMBER.is_match(t);
        let new_para = match prev {
            None => true,
            Some(p) => {
                (line.blank_before && !continues_across_page(p, t))
                    || heading
                    || pending_number.is_some()
                    || HEADING_NUMBER.is_match(p)
                    || starts_numbered(t)
                    || t.starts_with("(Signed)")
                    || ends_paragraph(p, t, width)
            }
        };
        if new_para {
            close(&mut text, &mut cur_start, &mut cur_number, &mut paragraphs);
            if let Some(n) = pending_number.take() {
                text.push_str(&n);
                text.push_str(". ");
                cur_number = Some(n);
            } else if let Some(c) = PARA_NUMBER.captures(t).filter(|_| !heading) {
                cur_number = Some(c[1].to_owned());
            }
            cur_start = Some(text.len());
            push_collapsed(&mut text, t);
        } else {
            // Same paragraph: repair a hyphen broken across the line.
            let joined_hyphen = text.ends_with('-')
                && text[..text.len() - 1].chars().last().is_some_and(char::is_alphabetic)
                && t.chars().next().is_some_and(char::is_lowercase);
            if joined_hyphen {
                let prefix = last_word(&text[..text.len() - 1]).to_lowercase();
                let first = first_word(t).to_lowercase();
                let vocab = vocab.get_or_insert_with(|| hyphenated_vocabulary(&lines));
                let keep = vocab.contains(&format!("{prefix}-{first}"))
                    || (KEEP_HYPHEN.contains(&prefix.as_str()) && !vocab.contains(&format!("{prefix}{first}")));
                if !keep {
                    text.pop();
                }
            } else {
                text.push(' ');
            }
            push_collapsed(&mut text, t);
        }
        prev = Some(t);
    }
    close(&mut text, &mut cur_start, &mut cur_number, &mut paragraphs);
    let end = text.trim_end().len();
    text.truncate(end);
    Ok(Cleaned { text, paragraphs })
}

/// Whether `t` goes on with the sentence `p` left open, across a blank
/// line that a page break left ("The Mission facilitated the organization
/// of a" / page number, job number / "two-day induction training ..."):
/// `p` ends without a sentence's closing mark and `t` starts in lower case.
fn continues_across_page(p: &str, t: &str) -> bool {
    let open = p.chars().any(char::is_alphabetic) && p.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',');
    // A sentence never ends on an article or a preposition: "worked with
    // the Kosovo police to introduce the" / "14" / "European Union-compatible".
    let function_word = p.rsplit(' ').next().is_some_and(|w| OPEN_ENDINGS.contains(&w));
    open && (t.chars().next().is_some_and(char::is_lowercase)
        || (function_word && t.chars().next().is_some_and(char::is_uppercase)))
}

/// Words a sentence cannot end on.
const OPEN_ENDINGS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "its", "their", "his",
    "her", "this", "these", "that", "between", "into", "under", "over", "through", "against", "among",
];

/// Whether `line` (trimmed) can match [`FURNITURE`]: by its first byte,
/// which saves running the regex on every line of text.
fn may_be_furniture(line: &str) -> bool {
    match line.as_bytes().first() {
        None => true,
        // '•' and '·' start with 0xE2 and 0xC2 in UTF-8.
        Some(b) => b.is_ascii_digit() || b"-_`~*=./GPEO\xE2\xC2".contains(b),
    }
}

/// Whether `line` can match [`SYMBOL_ONLY`]: it starts "A/", "E/", "S/" or "ST/".
fn may_be_symbol(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= 2 && (matches!(&b[..2], b"A/" | b"E/" | b"S/") || b.starts_with(b"ST/"))
}

/// Appends `s` with each run of spaces made one space (none at the end,
/// and none after a space or line break already in `out`).
fn push_collapsed(out: &mut String, s: &str) {
    for (k, piece) in s.split(' ').enumerate() {
        if piece.is_empty() {
            continue;
        }
        // Every piece but the first had spaces before it.
        if k > 0 && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        out.push_str(piece);
    }
}

fn starts_numbered(t: &str) -> bool {
    // "(a) To provide", "12. The Council" start a new paragraph.
    PARA_NUMBER.is_match(t)
        || (t.starts_with('(') && t.get(1..4).is_some_and(|s| s.ends_with(')') || s.as_bytes()[1] == b')'))
}

/// Whether the break after line `p` ends a paragraph, for texts without blank lines.
fn ends_paragraph(p: &str, next: &str, width: usize) -> bool {
    let terminal = p.ends_with(['.', ':', ';', '!', '?', '”', '"']) || p.ends_with(".)");
    let short = p.chars().count() * 100 < width * 80;
    let next_upper = next.chars().next().is_some_and(|c| c.is_uppercase() || c == '(' || c == '“');
    terminal && short && next_upper
}

/// The 90th percentile of line lengths: the page width.
fn typical_width(lines: &[Line]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[lens.len() * 9 / 10].max(40)
}

/// Hyphenated words that appear whole on a line: they keep their hyphen
/// when broken; and unhyphenated words, which join.
fn hyphenated_vocabulary(lines: &[Line]) -> HashSet<String> {
    let mut v = HashSet::new();
    for l in lines {
        for w in l.text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            if w.len() > 3 && !w.starts_with('-') && !w.ends_with('-') {
                v.insert(w.to_lowercase());
            }
        }
    }
    v
}

/// The last word of `s`, looking back at most 64 bytes: a longer "word" is
/// no real prefix, and an unbounded look back over a text joined from
/// endless hyphenation ("peace-\nkeep-\ning-\n...") is quadratic.
fn last_word(s: &str) -> &str {
    let mut from = s.len().saturating_sub(64);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let s = &s[from..];
    let start =
        s.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[start..]
}

fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collapsing by pieces is collapsing character by character.
    #[test]
    fn push_collapsed_is_char_by_char() {
        fn specified(out: &mut String, s: &str) {
            let mut space = false;
            for c in s.chars() {
                if c == ' ' {
                    space = true;
                } else {
                    if space && !out.is_empty() && !out.ends_with([' ', '\n']) {
                        out.push(' ');
                    }
                    space = false;
                    out.push(c);
                }
            }
        }
        let pieces = ["", " ", "  ", "a", "é b", " x  y ", "\n", "z\n", "- ", " \u{a0} "];
        for before in pieces {
            for s in pieces.iter().flat_map(|a| pieces.map(|b| format!("{a}{b}{a}"))) {
                let (mut got, mut want) = (before.to_owned(), before.to_owned());
                push_collapsed(&mut got, &s);
                specified(&mut want, &s);
                assert_eq!(got, want, "{before:?} + {s:?}");
            }
        }
    }

    /// Copying runs whole tidies as looking at every character does.
    #[test]
    fn tidy_chars_is_char_by_char() {
        let every_ascii: String = (0..0x80u8).map(char::from).collect();
        let mut texts = crate::tests::corpus_texts();
        texts.push(format!("{every_ascii}\u{a0}é\u{ad}\u{200b}\u{fb03}x\u{2028}\u{85}\u{9f}\u{2011}end\r\n"));
        for t in &texts {
            let mut specified = String::new();
            t.chars().for_each(|c| tidy_char(c, &mut specified));
            assert_eq!(tidy_chars(t), specified);
        }
    }

    /// The first-byte prefilters must let through every line their regex
    /// matches: checked on every line of the project's corpus and on the
    /// shapes the regexes describe.
    #[test]
    fn prefilters_never_hide_a_match() {
        let mut lines: Vec<String> = [
            "",
            "----",
            "• • •",
            "· · ·",
            "04-33192 (E) 290404",
            "GE.04-12345 (E)",
            "290404 300404",
            "*0433192*",
            "/...",
            ".../",
            "Page 3",
            "- 3 -",
            "3/12",
            "English",
            "ENGLISH",
            "Original: French",
            "S/2004/331",
            "A/58/323*",
            "E/CN.4/2004/1",
            "ST/SGB/2004/1",
        ]
        .map(str::to_owned)
        .to_vec();
        for text in crate::tests::corpus_texts() {
            lines.extend(tidy_chars(&text).split('\n').map(|l| l.trim().to_owned()));
        }
        let (mut furniture, mut symbols) = (0, 0);
        for l in &lines {
            if FURNITURE.is_match(l) {
                furniture += 1;
                assert!(may_be_furniture(l), "furniture prefilter hides {l:?}");
            }
            if SYMBOL_ONLY.is_match(l) {
                symbols += 1;
                assert!(may_be_symbol(l), "symbol prefilter hides {l:?}");
            }
        }
        assert!(furniture > 1000 && symbols > 100, "{furniture} furniture lines, {symbols} symbol lines");
    }

    #[test]
    fn cleaning_cases() {
        let body = "The United Nations Office was estab-\nlished in Tajikistan. It supports peace-\nbuilding and post-\nconflict work.\n\n04-33192 (E) 290404\n\n*0433192*\n\nS/2004/331\n\nThe Office, led by **Annan**, will continue.\n(Signed) Kofi A. Annan";
        let c = clean(body, Some("S/2004/331"));
        assert_eq!(
            c.text,
            "The United Nations Office was established in Tajikistan. It supports peace-building and post-conflict work.\nThe Office, led by Annan, will continue.\n(Signed) Kofi A. Annan"
        );
        for p in &c.paragraphs {
            assert!(!p.span.slice(&c.text).contains('\n'));
        }
    }

    #[test]
    fn numbered_paragraphs() {
        let body = "I.\n\nINTRODUCTION\n\n1.\nThe present report is submitted pursuant to resolution\n1094 (1997).\n2.\nBy the same resolution, the Council requested me.\n";
        let c = clean(body, None);
        let numbers: Vec<_> = c.paragraphs.iter().map(|p| p.number.clone()).collect();
        assert_eq!(numbers, [None, None, Some("1".into()), Some("2".into())]);
        assert!(c.text.contains("1. The present report is submitted pursuant to resolution 1094 (1997)."));
    }

    #[test]
    fn footnote_marks_dropped() {
        let body = "40. Text of the paragraph goes on here and ends.\n\n__________________\n\nJoseph Marko, Five Years (July 2004) at 17 and 18.\n17\nOffice of the High Representative (OHR), Order on it.\n18 Michael Martens, Der Konig.\n";
        let c = clean(body, None);
        assert!(!c.text.contains("17 Office"), "{}", c.text);
        assert!(!c.text.contains("18 Michael"), "{}", c.text);
    }

    #[test]
    fn sentences_go_on_across_a_page_break() {
        // (body, what the cleaned text holds)
        let cases = [
            (
                "34. The Mission facilitated the organization of a\n\n8/22\n\n16-14584\n\ntwo-day training in Port-au-Prince.\n",
                "organization of a two-day training",
            ),
            (
                "enabling the release of\n\n12-47315\n\n9\n\nS/2012/678\n\nprisoners irregularly detained. MINUSTAH works.\n",
                "release of prisoners irregularly detained",
            ),
            ("The Council met.\n\nthe next paragraph starts in lower case.\n", "met.\nthe next"),
            (
                "EULEX has been assisting the\n\n11\n\nKosovo authorities with drafting.\n",
                "assisting the Kosovo authorities",
            ),
            ("Sector headings: Police and the\n\nJustice\n", "and the Justice"),
        ];
        for (body, want) in cases {
            let c = clean(body, Some("S/2012/678"));
            assert!(c.text.contains(want), "{want:?} not in {:?}", c.text);
        }
    }
}
