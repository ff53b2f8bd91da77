//! Layout detection and the split into header, title, body and signature.

use std::sync::LazyLock;

use missive_model::Layout;
use regex::Regex;

/// The parts of a document as printed (not yet cleaned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub layout: Layout,
    pub symbol: Option<String>,
    pub issue_date: Option<String>,
    pub title: Option<String>,
    pub subjects: Vec<String>,
    pub body: String,
    pub signatory: Option<String>,
}

static SYMBOL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^(?:[AES]|ST|SG)/(?:[A-Z0-9.\-]+/)*(?:[A-Z0-9.\-]+|(?:Add|Rev|Corr|Amend)\.\d+)\*?$",
    )
    .unwrap()
});
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}$").unwrap()
});
/// Header lines as a scanner reads them: "Dirtr.", "Pistr,", "DPatr. GENERAL",
/// "Dirtr . GKNKRAL".
static SCANNED_DISTR: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^(?:(?:[DP][A-Za-z]{3}r|Dis[a-z]{1,2})\s?[.,]|Di[a-z]tr)\s*(?:GENE\.?RAL|G[A-Z.]{4,6}L)?$",
    )
    .unwrap()
});
/// An issue date as a scan may have kept it: "26.October 1990", "2 Jume
/// 1992" (a month one letter off).
static SCANNED_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^(\d{1,2})[\s.,]+([A-Za-z][A-Za-z:;,.'`]{2,11})[\s.,]+((?:19|20)\d\d)$").unwrap()
});
/// "26.October 1990" as "26 October 1990"; a month a letter off read as
/// the month ("Octobar"; two letters in a month of seven or more:
/// "N:,srember" is November), when no other month is as near, never one
/// shorter than four letters.
fn scanned_date(t: &str) -> Option<String> {
    let c = SCANNED_DATE_LINE.captures(t)?;
    let word: String = c[2].chars().filter(char::is_ascii_alphabetic).collect::<String>().to_ascii_lowercase();
    let off = |m: &str| {
        let m = m.to_ascii_lowercase();
        (m.len() == word.len()).then(|| m.bytes().zip(word.bytes()).filter(|(a, b)| a != b).count())
    };
    let mut near: Vec<(usize, &str)> =
        missive_model::MONTH_NAMES.iter().filter_map(|m| off(m).map(|d| (d, *m))).collect();
    near.sort();
    let &(d, month) = near.first()?;
    let allowed = match month.len() {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    };
    if d > allowed || near.get(1).is_some_and(|n| n.0 == d) {
        return None;
    }
    Some(format!("{} {month} {}", &c[1], &c[3]))
}

/// An old-series Security Council symbol with its "S/" misread ("5121349",
/// "8124333", "s/23402"): the digits after are the number (20000-26999,
/// the series of 1986-1994).
static SCANNED_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^(?:[Ss5]/|[5689S][1l])(2[0-6]\d{3})$").unwrap());
/// "24 April" with its year on a later line.
static DAY_MONTH_LINE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)$",
    )
    .unwrap()
});
static YEAR_LINE: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"^(?:19[4-9]\d|20\d\d)$").unwrap());
/// "ORIGINAL: ENGLISH" as scanned ("OUGINALI", "EWLISH", "ORIGINALt").
static SCANNED_ORIGINAL: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^(?:[A-Z]{1,3}I?[GN]INAL\S{0,2}(?:\s+\S{0,3}LISH)?|[A-Z]{1,2}[A-Z]?LI\S?H|ENGLISH)$",
    )
    .unwrap()
});
static LETTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    let party = r"(?:the\s+)?(?:President\s+of\s+the\s+Security\s+Council|Secretary-General|President\s+of\s+the\s+General\s+Assembly|Chair(?:man|person)?\s+of\s+the\s+[^\n]{0,120}?Committee[^\n]{0,80}?|Security\s+Council)";
    missive_model::pattern::regex(&format!(
        r"(?is)^\s*(?:identical\s+)?(?:letters?|note\s+verbale)\s+(?:dated|of)\s+\d.{{0,400}}?(?-u:\b)(?:addressed\s+)?to\s+{party}(?:\s+and\s+(?:to\s+)?{party})?"
    ))
    .unwrap()
});
/// A line of a scanned header read as the title's first line: a language
/// ("ENGLISH", "ENGLISH/SPANISH" scanned as "EHCLxSB/SPANISH"), a lone word
/// ending in a colon ("ORIGINAL:" scanned as "CMGINAL:"), "ORIGINAL: ...",
/// "GENERAL", a symbol, a stray letter or two of the scan ("f", "s").
static HEADER_LEFTOVER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^(?:\S*/\s*(?:ENGLISH|FRENCH|SPANISH|RUSSIAN|ARABIC|CHINESE)\S*|(?:ENGLISH|FRENCH|SPANISH|RUSSIAN|ARABIC|CHINESE)(?:/\S*)?|\S+:|\S{0,3}RIGINAL\S{0,2}(?:\s.*)?|GENERAL|[A-Za-z]{1,2}/\S+|[A-Za-z]{1,2})$").unwrap()
});
static SIGNED: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"(?i)\(\s*signed\s*\)").unwrap());
static FURNITURE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^(?:[-_`*=~.\s]*|\d{2}-\d{4,6}\s*\([A-Z]\).*|\d{4,}(?:\s+\d{4,})*|\*[\dA-Z]+\*|/\.\.\.|Page \d+|English)$",
    )
    .unwrap()
});

/// Splits a decoded text into its parts.
pub fn split(text: &str) -> Parts {
    let mut parts = split_header(text);
    let missing = parts.title.as_deref().is_none_or(|t| {
        let t = t.trim();
        t.is_empty() || COUNCIL_FURNITURE.is_match(t) || SCANNED_DISTR.is_match(t)
    });
    if missing && let Some(title) = scanned_report_title(text) {
        parts.title = Some(title);
    }
    parts
}

/// "Security Council" as a scan may have kept it ("Secuaity cahxlncil"):
/// page furniture, not a title (as "Distr. GENERAL" is, [`SCANNED_DISTR`]).
static COUNCIL_FURNITURE: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)^s\S{4,6}ty\s+c\S{4,8}$").unwrap());

/// "REPORT OF THE SECRETARY-GENERAL ON ..." as a scan may have kept it
/// ("BEPOBT OF TBB SBCBBTABY-GBBBBALOB", "RWQRT OF THE SECRETARY-GENEEUU.",
/// "REPOki OF THE SECRET&-GENERAL"), maybe after a word ("SPUW4.L REPORT
/// OF THE SKCRETARY-GEPERAX" is a special report).
static SCANNED_REPORT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^(?:[A-Z][A-Z0-9.]{4,7}\s+)?(?:[RB][A-Z]{2,4}[RT]|R[A-Za-z]{1,5})\s+OF\s+T[A-Z]{2}\s+S[A-Z&$]{2,}",
    )
    .unwrap()
});

/// A scanned report whose header the scan garbled: the title is the line
/// in capitals that reads "REPORT OF THE SECRETARY-GENERAL ..." in the
/// first 40 lines, and the lines in capitals after it, up to a heading
/// ("I.") or a line of prose.
fn scanned_report_title(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).take(40).collect();
    let first = lines.iter().position(|l| SCANNED_REPORT_LINE.is_match(l))?;
    // Mostly capitals as a scan keeps them ("REsoLuTIoN 743 (1992)"), or
    // a resolution's number alone ("752 (1992)").
    let capitals = |l: &str| {
        let letters: Vec<char> = l.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 {
            return l.len() <= 16 && l.contains(|c: char| c.is_ascii_digit());
        }
        letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 6
    };
    let mut title = vec![lines[first]];
    for l in &lines[first + 1..] {
        let heading = l.trim_end_matches('.').chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'l' | '1'));
        if title.len() >= 8 || heading || !capitals(l) {
            break;
        }
        title.push(l);
    }
    Some(collapse(&title.join(" ")))
}

fn split_header(text: &str) -> Parts {
    let lines = line_spans(text);
    let first = lines.iter().position(|&(s, e)| !text[s..e].trim().is_empty());
    let Some(first) = first else {
        return plain(text, 0);
    };
    let first_line = text[lines[first].0..lines[first].1].trim();
    if let Some(keys) = first_line.strip_prefix("%%%") {
        let subjects = keys.split('|').map(str::trim).filter(|k| !k.is_empty()).map(str::to_owned).collect();
        let mut parts = body_with_title(text, lines[first].1, Layout::Keyword);
        parts.subjects = subjects;
        return parts;
    }

    // The header block: symbol, "Distr.", issue date, "Original:".
    let mut symbol = None;
    let mut issue_date = None;
    let mut saw_distr = false;
    let mut upper = false;
    let mut header_end = None;
    // The last line read as part of the header, for scanned headers
    // without a legible "ORIGINAL:" line.
    let mut last_header = first;
    let mut i = first;
    while i < lines.len() && i < first + 40 {
        let raw = &text[lines[i].0..lines[i].1];
        let t = raw.trim().trim_matches('*').trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        // The line right under the symbol (a scan's date may be there).
        let under_symbol = symbol.is_some() && i == last_header + 1;
        // A joint document (A/44/806 and S/21029) is the Council's here:
        // its Council symbol replaces an Assembly one read before it.
        let assembly_so_far = symbol.as_deref().is_some_and(|s: &str| s.starts_with("A/") || s.starts_with("E/"));
        if (symbol.is_none() || assembly_so_far && raw.trim().starts_with("S/")) && SYMBOL_LINE.is_match(raw.trim()) {
            symbol = Some(raw.trim().trim_end_matches('*').to_owned());
            last_header = i;
        } else if (symbol.is_none() || assembly_so_far)
            && saw_distr
            && let Some(c) = SCANNED_SYMBOL.captures(t)
        {
            symbol = Some(format!("S/{}", &c[1]));
            last_header = i;
        } else if t.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("distr")) || SCANNED_DISTR.is_match(t) {
            saw_distr = true;
            upper |= t.contains("GENERAL") || t == "Distr.";
            last_header = i;
        } else if matches!(t, "UNITED" | "NATIONS" | "UNITED NATIONS") {
            upper = true;
        } else if saw_distr && issue_date.is_none() && DATE_LINE.is_match(t) {
            issue_date = Some(t.to_owned());
            last_header = i;
        } else if (saw_distr || under_symbol)
            && issue_date.is_none()
            && let Some(d) = scanned_date(t)
        {
            // A scan's date, or one right under the symbol when the scan
            // lost the "Distr." line.
            issue_date = Some(d);
            last_header = i;
        } else if (saw_distr || under_symbol) && issue_date.is_none() && DAY_MONTH_LINE.is_match(t) {
            // "24 April", then "1992" within the next few lines (also right
            // under the symbol when the scan lost the "Distr." line).
            let year = (i + 1..lines.len().min(i + 6))
                .map(|j| (j, text[lines[j].0..lines[j].1].trim()))
                .find(|(_, l)| YEAR_LINE.is_match(l));
            if let Some((j, y)) = year {
                issue_date = Some(format!("{t} {y}"));
                last_header = j;
            }
        } else if saw_distr && (YEAR_LINE.is_match(t) || SCANNED_ORIGINAL.is_match(t)) && i <= last_header + 4 {
            last_header = i;
        } else if t.get(..9).is_some_and(|p| p.eq_ignore_ascii_case("original:")) {
            upper |= t.starts_with("ORIGINAL");
            let mut end = i + 1;
            if t[9..].trim().is_empty() {
                // "ORIGINAL:" then the language on a later line.
                if let Some(j) =
                    (i + 1..lines.len().min(i + 4)).find(|&j| !text[lines[j].0..lines[j].1].trim().is_empty())
                {
                    end = j + 1;
                }
            }
            header_end = Some(end);
            break;
        } else if LETTER_TITLE.is_match(t) {
            header_end = Some(i);
            break;
        }
        i += 1;
    }
    // A scanned header: "Distr." read (or a symbol with its date right
    // under it, the "Distr." line lost), no "ORIGINAL:" line found; the
    // header ends after the last line recognised as part of it.
    let scanned = saw_distr || (symbol.is_some() && issue_date.is_some());
    if header_end.is_none() && scanned && (symbol.is_some() || issue_date.is_some()) {
        header_end = Some(last_header + 1);
    }
    match header_end {
        Some(end) if saw_distr || symbol.is_some() => {
            let layout = if upper { Layout::OldUpper } else { Layout::Official };
            let start = lines.get(end).map_or(text.len(), |l| l.0);
            let mut parts = body_with_title(text, start, layout);
            parts.symbol = symbol;
            parts.issue_date = issue_date;
            parts
        }
        _ => {
            let mut parts = plain(text, lines[first].0);
            parts.symbol = symbol;
            parts
        }
    }
}

fn plain(text: &str, start: usize) -> Parts {
    body_with_title(text, start, Layout::Plain)
}

/// Finds the title at `start` and returns the rest as the body.
fn body_with_title(text: &str, start: usize, layout: Layout) -> Parts {
    let rest = &text[start..];
    let (title, body_start) = if let Some(m) = LETTER_TITLE.find(rest) {
        (Some(collapse(m.as_str())), start + m.end())
    } else {
        other_title(text, start)
    };
    let body = text[body_start..].trim_start_matches([' ', '\t', '\r', '\n']).to_owned();
    let signatory = signatory(&body);
    Parts { layout, symbol: None, issue_date: None, title, subjects: Vec::new(), body, signatory }
}

/// A report's or note's title: the lines up to a blank line, up to
/// "Report of the Secretary-General", or before a line as long as body text.
fn other_title(text: &str, start: usize) -> (Option<String>, usize) {
    // A joint General Assembly and Council document prints the Assembly's
    // agenda item and its title, then "SECURITY COUNCIL" and the Council's
    // year, before its own title.
    let start = joint_header_end(text, start).unwrap_or(start);
    let mut title_lines = Vec::new();
    let mut end = start;
    let mut pos = start;
    let mut leftovers = 0;
    for line in text[start..].split_inclusive('\n') {
        let t = line.trim();
        let line_end = pos + line.len();
        if title_lines.is_empty() && HEADER_LEFTOVER.is_match(t) {
            leftovers += 1;
            pos = line_end;
            end = line_end;
            continue;
        }
        if t.is_empty() {
            // "Report" alone, then a blank line, then "of the
            // Secretary-General": one title broken by the scan.
            let broken = title_lines.last().is_some_and(|l: &&str| l.eq_ignore_ascii_case("report"));
            if title_lines.is_empty() || broken {
                pos = line_end;
                end = line_end;
                continue;
            }
            break;
        }
        // A resolution's preamble opens its text: "The Security Council,".
        let preamble =
            t.ends_with(',') && (t.starts_with("The Security Council") || t.starts_with("The General Assembly"));
        // The first sentence of the body: "The present report is
        // submitted", "This raport has been prepared".
        let lower_t = t.to_ascii_lowercase();
        let body_sentence = ["the present report", "the present note", "this report", "this raport", "this is a"]
            .iter()
            .any(|p| lower_t.starts_with(p));
        // A title printed in capitals ends before a line of prose (eight
        // words or more, in sentence case) that a lone paragraph number
        // follows: the paragraph's first line,
        // which the scan put above its number ("REPORT OF THE
        // SECRETARY-GENERAL ON ... (ONUSAL)", "The purpose of the present
        // report is to inform the Security Council that,", "1.").
        let above_number = !title_lines.is_empty()
            && title_lines.iter().all(|l| in_capitals(l))
            && !in_capitals(t)
            && t.split_whitespace().count() >= 8
            && text[line_end..].lines().map(str::trim).find(|l| !l.is_empty()).is_some_and(lone_number);
        if t.chars().count() >= 78
            || title_lines.len() >= 6
            || starts_paragraph(t)
            || starts_section(t)
            || lone_heading(t)
            || preamble
            || body_sentence
            || above_number
        {
            break;
        }
        title_lines.push(t);
        end = line_end;
        pos = line_end;
        // "Addendum", "Corrigendum", "Revision" under a title close it, as
        // the symbol closes a draft's amendment ("...: amendment to the
        // draft resolution contained in document S/2025/112").
        let amended = t.split_whitespace().last().is_some_and(|w| SYMBOL_LINE.is_match(w))
            && title_lines.iter().any(|l| l.to_ascii_lowercase().contains("amendment"));
        if title_lines.len() > 1 && is_part_line(t) || amended {
            break;
        }
        let lower = t.to_lowercase();
        if lower == "report of the secretary-general" || lower.starts_with("note by the") {
            // "Note by the Secretary-General" / "Addendum": the line under
            // it that says which part this is belongs to the title.
            let next = text[pos..].split_inclusive('\n').next().unwrap_or("");
            if is_part_line(next.trim()) {
                title_lines.push(next.trim());
                end = pos + next.len();
            }
            break;
        }
    }
    // After a scanned header's leftovers, in capitals, or in lower case, a
    // lone word is a piece of a title scattered across the header
    // ("AMERICA", "v-Generu"), not the title.
    let lone_word = title_lines.len() == 1
        && !title_lines[0].contains(char::is_whitespace)
        && (leftovers > 0
            || !title_lines[0].contains(char::is_lowercase)
            || title_lines[0].starts_with(char::is_lowercase));
    // The letterhead ("UNITED NATIONS", "Security Council") is no title.
    let title = collapse(&title_lines.join(" "));
    // Its scan may trail noise ("UNITED NATIONS -. _---. __-..."): the words
    // with letters are read.
    let words: Vec<String> = title
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .map(str::to_lowercase)
        .collect();
    let letterhead =
        ["united nations", "security council", "united nations security council"].contains(&words.join(" ").as_str());
    // A scanned symbol and a date ("5123870 2 May 1992") are header, not
    // a title: a title has a word that is not a month's name.
    let wordless = !title.split_whitespace().any(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !missive_model::MONTH_NAMES
                .iter()
                .any(|m| m.eq_ignore_ascii_case(w.trim_matches(|c: char| !c.is_alphabetic())))
    });
    if title_lines.is_empty() || title_lines.len() >= 6 || lone_word || letterhead || wordless {
        return (None, start);
    }
    (Some(title), end)
}

/// Where the header of a joint General Assembly and Council document ends:
/// after the Council's year ("Fifty-first year") that follows an "Agenda
/// item" line, within the first 40 lines.
fn joint_header_end(text: &str, start: usize) -> Option<usize> {
    let mut pos = start;
    let mut agenda = false;
    for line in text[start..].split_inclusive('\n').take(40) {
        pos += line.len();
        let t = line.trim();
        if t.to_ascii_lowercase().starts_with("agenda item") {
            agenda = true;
        } else if agenda && COUNCIL_YEAR.is_match(t) {
            return Some(pos);
        }
    }
    None
}

static COUNCIL_YEAR: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| missive_model::pattern::regex(r"(?i)^[a-z]+(?:-[a-z]+)?\s+year$").unwrap());

/// "Addendum", "Corrigendum" or "Revision" alone: the part of a document
/// its title's last line names.
fn is_part_line(t: &str) -> bool {
    ["addendum", "corrigendum", "revision"].contains(&t.to_ascii_lowercase().as_str())
}

/// "INTRODUCTION" or "Background" alone on its line: a section heading
/// without its numeral, the body's start.
fn lone_heading(t: &str) -> bool {
    ["introduction", "background"].contains(&t.trim_end_matches(['.', ':']).to_ascii_lowercase().as_str())
}

/// Whether a line's letters are mostly capitals ("OBSERVER MISSION IN EL
/// SALVADOR (ONUSAL)"); a line without letters is not.
fn in_capitals(t: &str) -> bool {
    let (upper, lower) =
        t.chars().fold((0, 0), |(u, l), c| (u + usize::from(c.is_uppercase()), l + usize::from(c.is_lowercase())));
    upper > 0 && upper >= lower * 4
}

/// A paragraph's number alone on its line ("1.").
fn lone_number(t: &str) -> bool {
    t.strip_suffix('.').is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A section heading ("I. Introduction", "I.", "A. Political developments"):
/// the body has begun.
fn starts_section(t: &str) -> bool {
    let numeral = t.bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L')).count();
    let letter = usize::from(t.len() > 1 && t.as_bytes()[0].is_ascii_uppercase() && t.as_bytes()[1] == b'.');
    let n = if numeral > 0 { numeral } else { letter };
    n > 0 && t[n..].starts_with('.') && (t.len() == n + 1 || t[n + 1..].starts_with([' ', '\t']))
}

fn starts_paragraph(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    // "12. The ...", and a scanned "1," alone on its line.
    digits > 0 && (t[digits..].starts_with('.') || (digits <= 3 && &t[digits..] == ","))
}

/// The name after the first "(Signed)", as written, markup removed.
fn signatory(body: &str) -> Option<String> {
    let m = SIGNED.find(body)?;
    let after = &body[m.end()..];
    let mut lines = after.split('\n');
    let same = lines.next().unwrap_or("");
    if let Some(name) = name_prefix(same) {
        return Some(name);
    }
    for line in lines.take(12) {
        let t = line.trim();
        if FURNITURE_LINE.is_match(t) {
            continue;
        }
        return name_prefix(t);
    }
    None
}

/// The leading run of capitalised words and initials, at most six.
fn name_prefix(s: &str) -> Option<String> {
    let cleaned = s.replace("**", "").replace("__", "");
    let mut out: Vec<&str> = Vec::new();
    for tok in cleaned.split_whitespace() {
        let first = tok.chars().next()?;
        let particle = matches!(
            tok,
            "de" | "da"
                | "do"
                | "dos"
                | "das"
                | "del"
                | "van"
                | "von"
                | "der"
                | "den"
                | "bin"
                | "ibn"
                | "al"
                | "el"
                | "la"
                | "le"
                | "du"
                | "di"
        );
        if (first.is_uppercase() && !tok.chars().any(|c| c.is_ascii_digit())) || (particle && !out.is_empty()) {
            out.push(tok);
            if out.len() == 6 {
                break;
            }
        } else {
            break;
        }
    }
    while out.last().is_some_and(|t| t.chars().next().is_some_and(char::is_lowercase)) {
        out.pop();
    }
    (!out.is_empty()).then(|| out.join(" ").trim_end_matches([',', ';']).to_owned())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte ranges of the lines of `text`, without their line breaks.
fn line_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
            out.push((start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(name_prefix(" Kofi A. **Annan**").as_deref(), Some("Kofi A. Annan"));
        assert_eq!(name_prefix("Kofi A. Annan I should").as_deref(), Some("Kofi A. Annan I"));
        assert_eq!(name_prefix("Luis de Alba").as_deref(), Some("Luis de Alba"));
        assert_eq!(name_prefix("   "), None);
    }

    #[test]
    fn scanned_dates() {
        let cases = [
            ("26.October 1990", Some("26 October 1990")),
            ("2 Jume 1992", Some("2 June 1992")),
            ("12 Juno 1992", Some("12 June 1992")),
            ("23 N:,srember 1995", Some("23 November 1995")),
            // As near December as November: no date rather than a wrong one.
            ("3 Nedember 1995", None),
            ("26 Kay 1992", None),
            ("4 Mav 1993", None),
        ];
        for (line, want) in cases {
            assert_eq!(scanned_date(line).as_deref(), want, "{line}");
        }
    }
}
