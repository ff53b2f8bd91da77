//! UN document symbols cited in the text, in canonical form (GUIDELINES §1).

use std::sync::LazyLock;

use missive_model::{RefKind, Span, SymbolMention, floor_boundary};
use regex::Regex;

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    // S/2000/214, S/PRST/2000/9, A/55/305, S/2004/331/Add.1, A/RES/79/308,
    // E/CN.4/2000/3, S/RES/1701 (2006); a space may follow a slash where
    // pdftotext broke the line.
    missive_model::pattern::regex(r"(?-u:\b)(?:S|A|E|ST|SG)(?:/ ?[A-Za-z0-9][A-Za-z0-9.\-]*)+(?:\s?\(\d{4}\))?")
        .unwrap()
});
static RESOLUTIONS: LazyLock<Regex> = LazyLock::new(|| {
    // "resolutions 1312 (2000) of 31 July 2000 and 1320 (2000)": items may
    // carry a date.
    let item =
        r"(?:\d{1,4}\s?\(\d{4}\)|\d{1,3}/\d{1,4}(?:\s?[A-H](?-u:\b))?)(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?";
    missive_model::pattern::regex(&format!(
        r"(?i)(?-u:\b)resolutions?\s+{item}(?:(?:\s*,\s*|\s*,?\s+and\s+|\s+to\s+){item})*"
    ))
    .unwrap()
});
static RES_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(\d{1,4})\s?\((\d{4})\)|(\d{1,3})/(\d{1,4})(?:\s?([A-H])(?-u:\b))?").unwrap()
});
/// Addenda or corrigenda named right after a symbol: "and Add.1",
/// "and Add.l-3" as scanned.
static AND_ADDENDA: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^\s+and\s+(Add|Corr|Rev)\.\s?([0-9li]{1,2})(?:\s?[-–]\s?([0-9li]{1,2}))?(?-u:\b)")
        .unwrap()
});

fn canonical_part(p: &str) -> &'static str {
    match p {
        "Add" => "Add",
        "Corr" => "Corr",
        _ => "Rev",
    }
}

/// Where a joint symbol ("A/79/604-S/2024/809", "A/44/872S/21019" as
/// scanned) passes from one document's symbol to the next.
static JOINT: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"(?:[-–]\s?|\d)(?:S|s|A|E)/").unwrap());

/// Canonical form of a raw symbol: upper case, no spaces, `/Add.1` kept.
pub fn canonical(raw: &str) -> String {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.trim_end_matches(['.', ',', ';', ':', '-']);
    compact
        .split('/')
        .map(|seg| {
            let lower = seg.to_ascii_lowercase();
            for (pre, canon) in [("add.", "Add."), ("rev.", "Rev."), ("corr.", "Corr."), ("amend.", "Amend.")] {
                if let Some(rest) = lower.strip_prefix(pre) {
                    // "Add.l" as scanned is "Add.1".
                    let rest: String = rest.chars().map(|c| if c == 'l' || c == 'i' { '1' } else { c }).collect();
                    return format!("{canon}{rest}");
                }
            }
            seg.to_ascii_uppercase()
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Every symbol cited in `text` except `own`.
pub fn find(text: &str, own: Option<&str>) -> Vec<SymbolMention> {
    let own = own.map(canonical);
    let mut out = Vec::new();
    for m in SYMBOL.find_iter(text) {
        // A joint symbol (an Assembly and a Council document) is two
        // references; a joint symbol that holds the document's own names
        // the document itself.
        let parts = joint_parts(m.as_str());
        let symbols: Vec<String> = parts.iter().map(|(_, p)| canonical(p)).collect();
        if own.as_ref().is_some_and(|o| symbols.contains(o)) {
            continue;
        }
        for ((offset, raw), symbol) in parts.into_iter().zip(symbols) {
            let segs: Vec<&str> = raw.split('/').collect();
            // A symbol has at least two segments after the body and a digit;
            // the Council's old series has one (S/21019, 1946-1993).
            let old_series = segs.len() == 2
                && segs[0] == "S"
                && (4..=5).contains(&segs[1].trim_end_matches(['.', ',', ';', ':', '-']).len())
                && segs[1].trim_end_matches(['.', ',', ';', ':', '-']).bytes().all(|b| b.is_ascii_digit());
            if segs.len() < 3 && !raw.contains("PV.") && !old_series || !raw.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let start = m.start() + offset;
            let end = start + raw.trim_end_matches(['.', ',', ';', ':', '-']).len();
            let kind = kind_of(&symbol, &text[floor_boundary(text, start.saturating_sub(120))..start]);
            // "S/22454 and Add.1-3", "S/PV.4154 and Corr.1": the
            // addenda and corrigenda named after it are documents of their own.
            // Each cites from its own characters (a citation is keyed by
            // where it starts): the first from "Add.1", the last from its
            // number after the dash, the one between them from the dash.
            if let Some(c) = AND_ADDENDA.captures(&text[end..]) {
                let number =
                    |m: Option<regex::Match>| m.and_then(|m| m.as_str().replace(['l', 'i'], "1").parse::<u32>().ok());
                let part = canonical_part(&c[1]);
                if let (Some(first), Some(kind_m), Some(first_m)) = (number(c.get(2)), c.get(1), c.get(2)) {
                    let first_span = Span::new(end + kind_m.start(), end + first_m.end());
                    out.push(SymbolMention { span: first_span, symbol: format!("{symbol}/{part}.{first}"), kind });
                    if let (Some(last), Some(last_m)) = (number(c.get(3)), c.get(3))
                        && (first + 1..=first + 2).contains(&last)
                    {
                        if last == first + 2 {
                            let dash = Span::new(first_span.end, end + last_m.start());
                            out.push(SymbolMention {
                                span: dash,
                                symbol: format!("{symbol}/{part}.{}", first + 1),
                                kind,
                            });
                        }
                        let last_span = Span::new(end + last_m.start(), end + last_m.end());
                        out.push(SymbolMention { span: last_span, symbol: format!("{symbol}/{part}.{last}"), kind });
                    }
                }
            }
            out.push(SymbolMention { span: Span::new(start, end), symbol, kind });
        }
    }
    for m in RESOLUTIONS.find_iter(text) {
        let before = &text[floor_boundary(text, m.start().saturating_sub(40))..m.start()];
        let general_assembly = before.contains("General Assembly") || before.contains("Assembly,");
        for item in RES_ITEM.captures_iter(m.as_str()) {
            let g = item.get(0).unwrap();
            let span = Span::new(m.start() + g.start(), m.start() + g.end());
            let (symbol, kind) = if let (Some(n), Some(y)) = (item.get(1), item.get(2)) {
                if general_assembly {
                    continue;
                }
                (format!("S/RES/{}({})", n.as_str(), y.as_str()), RefKind::Resolution)
            } else {
                let part = item.get(5).map_or("", |p| p.as_str());
                (format!("A/RES/{}/{}{part}", &item[3], &item[4]), RefKind::GaResolution)
            };
            out.push(SymbolMention { span, symbol, kind });
        }
    }
    out.sort_by_key(|s| s.span);
    out
}

/// The documents of a joint symbol, with their offsets in it.
fn joint_parts(raw: &str) -> Vec<(usize, &str)> {
    let mut cuts: Vec<usize> = JOINT.find_iter(raw).filter(|m| m.start() > 0).map(|m| m.end() - 2).collect();
    cuts.retain(|&c| c > 0);
    let mut parts = Vec::new();
    let mut from = 0;
    for c in cuts {
        let piece = raw[from..c].trim_end_matches(['-', '–', ' ']);
        if !piece.is_empty() {
            parts.push((from, piece));
        }
        from = c;
    }
    parts.push((from, &raw[from..]));
    parts
}

fn kind_of(symbol: &str, before: &str) -> RefKind {
    if symbol.starts_with("S/RES/") {
        return RefKind::Resolution;
    }
    if symbol.starts_with("S/PRST/") {
        return RefKind::PresidentialStatement;
    }
    if symbol.starts_with("A/RES/") {
        return RefKind::GaResolution;
    }
    if symbol.contains("/PV.") {
        return RefKind::Meeting;
    }
    let before = before.to_lowercase();
    let last = |w: &str| before.rfind(w);
    let best = [("report", RefKind::Report), ("letter", RefKind::Letter), ("note", RefKind::Note)]
        .into_iter()
        .filter_map(|(w, k)| last(w).map(|i| (i, k)))
        .max_by_key(|&(i, _)| i);
    best.map_or(RefKind::Document, |(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_symbols() {
        let text = "resolutions 1312 (2000) of 31 July 2000 and 1320 (2000); my report (S/2000/214) and (S/PRST/2000/9), see S/2000/601, annex, A/55/305 and S/2004/331/Add.1; resolutions 1312 (2000) and 1320 (2000), resolution 79/308 of the Assembly, and S/RES/1701 (2006); General Assembly resolution 1514 (1960). Our own S/2004/331. A letter (A/79/604-S/2024/809), a scan (A/44/872S/21019 and A/44/344/Add.l-s/20699/Add.l), resolution 59/17 B. My plan (S/22454 and Add.l-3).";
        let got: Vec<String> =
            find(text, Some("S/2004/331")).iter().map(|s| format!("{} {}", s.symbol, s.kind.as_str())).collect();
        assert_eq!(
            got,
            [
                "S/RES/1312(2000) resolution",
                "S/RES/1320(2000) resolution",
                "S/2000/214 report",
                "S/PRST/2000/9 presidential_statement",
                "S/2000/601 report",
                "A/55/305 report",
                "S/2004/331/Add.1 report",
                "S/RES/1312(2000) resolution",
                "S/RES/1320(2000) resolution",
                "A/RES/79/308 ga_resolution",
                "S/RES/1701(2006) resolution",
                "A/79/604 letter",
                "S/2024/809 letter",
                "A/44/872 letter",
                "S/21019 letter",
                "A/44/344/Add.1 letter",
                "S/20699/Add.1 letter",
                "A/RES/59/17B ga_resolution",
                "S/22454 letter",
                "S/22454/Add.1 letter",
                "S/22454/Add.2 letter",
                "S/22454/Add.3 letter",
            ]
        );
    }
}
