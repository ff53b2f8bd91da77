//! Founding resolutions (GUIDELINES §3, conventions): "a resolution that
//! set up a mission or set out its mandate, cited with its year, is an
//! `established` event with that year (or the resolution's full date when
//! the text gives it); a resolution cited only for reporting or tasking is
//! not". Which resolution set a mission up is the record's fact
//! (`established_by` in `data/reference/missions.csv`), not the sentence's:
//! "the mandate entrusted to UNIKOM in accordance with resolutions 687
//! (1991) of 3 April 1991, 689 (1991) of 9 April 1991 and 806 (1993)" is
//! UNIKOM established on 9 April 1991, because 689 (1991) is the one that
//! set it up.

use std::collections::HashMap;
use std::sync::LazyLock;

use missive_model::spans::inside;
use missive_model::{
    DateMention, Document, EventKind, EventStatus, MandateEvent, MissionMention, PartialDate, RefKind, Span,
    floor_boundary,
};
use regex::Regex;

/// The sentence speaks of the mission's mandate or of its setting up.
static MANDATE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:mandate[ds]?|establish\w*|set\s+up|creat(?:ed|ion)|authori[sz](?:ed|ing|ation))(?-u:\b)",
    )
    .unwrap()
});
/// A citation for reporting or tasking right before the resolution:
/// "submitted pursuant to paragraph 4 of resolution 968 (1994)", "as
/// requested by the Council in its resolutions 2350 (2017)".
static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:submitted|report(?:s|ed|ing)?|request(?:s|ed)?|in\s+compliance\s+with|pursuant\s+to|",
        r"in\s+(?:accordance|line)\s+with\s+paragraph|(?:by|in)\s+(?:paragraph|para\.)\s+\d+)",
        r"[^.;]{0,80}$"
    ))
    .unwrap()
});
/// The words after which a citation is the mandate's ground ("pursuant to
/// the mandate set out in", "mandate entrusted to it ... in resolutions"):
/// a reporting phrase before them does not count.
static MANDATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:mandate[ds]?|establish\w*)(?-u:\b)[^.;]*$").unwrap()
});

/// Reporting or tasking right after the resolution: "resolution 2767
/// (2024), by which the Council requested me to submit a report", "In
/// accordance with resolution 1123 (1997) ..., I have submitted".
static REPORTING_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^[^.;]{0,160}?(?-u:\b)(?:request(?:s|ed)?\s+(?:me|the\s+Secretary-General|that\s+I)|",
        r"I\s+(?:have\s+)?(?:submitted|submit|report(?:ed)?)(?-u:\b))"
    ))
    .unwrap()
});

/// A citation as the ground of another act or of one task: "extending the
/// mandate of UNTAES on the basis of the Basic Agreement, its resolution
/// 1037 (1996)", "child protection activities as mandated in resolution
/// 2753 (2024)".
static BASIS: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?:(?-u:\b)on\s+the\s+basis\s+of[^.;]{0,80}|(?-u:\b)as\s+(?:mandated|called\s+for|requested|provided\s+for|envisaged|foreseen|required)\s+(?:in|by|under)\s+(?:the\s+)?(?:Security\s+Council\s+)?(?:its\s+)?(?:resolutions?\s+)?)$",
    )
    .unwrap()
});

/// The body a sentence says the resolution set up, when it is not the
/// mission: "the Security Council established the Military Liaison Group".
static OTHER_BODY: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?-u:\b)establish(?:ed|es|ing)?\s+(?:the|a|an)\s+(?:[A-Z][\w-]*\s+){1,4}(?:Group|Unit|Component|Cell|Team|Section|Committee|Commission|Panel|Mechanism|Fund|Centre|Center|Task\s+Force)(?-u:\b)",
    )
    .unwrap()
});

/// Missions by the symbol of the instrument that set them up.
pub type Founded = HashMap<String, Vec<String>>;

/// The `established` events of one sentence: each resolution it cites that
/// the record gives as a mission's founding instrument, for a mission the
/// sentence names, or the document's own mission when it names none of
/// those the resolution set up.
pub(super) fn find(
    doc: &Document,
    sent: Span,
    in_sentence: &[&MissionMention],
    dates: &[&DateMention],
    main: Option<&str>,
    founded: &Founded,
) -> Vec<MandateEvent> {
    let text = &doc.letter.text;
    let s = sent.slice(text);
    let mut out = Vec::new();
    if founded.is_empty() || !MANDATE.is_match(s) || (in_sentence.is_empty() && OTHER_BODY.is_match(s)) {
        return out;
    }
    for sym in inside(&doc.symbols, |m| m.span, sent) {
        if !matches!(sym.kind, RefKind::Resolution | RefKind::GaResolution) {
            continue;
        }
        let Some(missions) = founded.get(&sym.symbol) else { continue };
        let before = &text[sent.start..sym.span.start];
        let reporting = REPORTING.is_match(before)
            && !MANDATE_BEFORE.is_match(&before[floor_boundary(before, before.len().saturating_sub(120))..]);
        if reporting || REPORTING_AFTER.is_match(&text[sym.span.end..sent.end]) || BASIS.is_match(before) {
            continue;
        }
        // The mission named nearest the citation, when the resolution set
        // it up ("UNMIH deployment under resolution 940 (1994)" is about
        // UNMIH, which 940 did not set up); with none named, the
        // document's own.
        let nearest = in_sentence.iter().min_by_key(|m| {
            if m.span.end <= sym.span.start { sym.span.start - m.span.end } else { m.span.start - sym.span.end }
        });
        let mission = match nearest {
            Some(m) => missions.iter().find(|id| **id == m.mission_id),
            None => missions.iter().find(|id| Some(id.as_str()) == main),
        };
        let Some(mission) = mission else { continue };
        // "resolution 689 (1991) of 9 April 1991": a date to the day, here
        // or where the document cites the same resolution with its date.
        let date = super::resolution_date(text, dates, sym.span.end, sent.end)
            .filter(|d| d.date.day.is_some())
            .map(|d| d.date)
            .or_else(|| dated_elsewhere(doc, &sym.symbol))
            .or_else(|| symbol_year(&sym.symbol).map(PartialDate::y));
        let Some(date) = date else { continue };
        let until = initial_end(date, before, &text[sym.span.end..sent.end]).or_else(|| {
            // "established by its resolution 797 (1992) of 16 December 1992
            // until 31 October 1993".
            let d = dates
                .iter()
                .find(|d| d.span.start >= sym.span.end && UNTIL_AFTER.is_match(&text[sym.span.end..d.span.start]))?;
            (!EXTENSION.is_match(before)).then_some(d.date).filter(|u| *u > date)
        });
        out.push(MandateEvent {
            mission_id: mission.clone(),
            event: EventKind::Established,
            status: EventStatus::Done,
            date: Some(date),
            until,
            resolution: Some(sym.symbol.clone()),
            sentence: sent,
        });
    }
    out
}

/// The end of the period the resolution set the mission up for, given in
/// the clause after its citation: "By its resolution 1037 (1996), the
/// Council established UNTAES for an initial period of 12 months" (not a
/// period of another act the sentence states: "and extended it for six
/// months", "Decides to extend ... the mandate of ONUCA as defined in
/// resolution 644 (1989), for a further period of six months").
fn initial_end(date: PartialDate, before: &str, after: &str) -> Option<PartialDate> {
    let p = super::PERIOD.captures(after)?;
    // "should run for at least 30 days beyond the elections": a span of
    // days is no initial period of a mandate, unless it says it is one
    // ("for a period of up to 40 days").
    if p[2].eq_ignore_ascii_case("day") && !p[0].to_ascii_lowercase().contains("period") {
        return None;
    }
    let between = &after[..p.get(0)?.start()];
    if between.len() > 160
        || between.contains([';', '.'])
        || OTHER_ACT.is_match(between)
        || EXTENSION.is_match(before)
        || FURTHER.is_match(p.get(0)?.as_str())
    {
        return None;
    }
    super::add_period(date, super::number_word(&p[1])?, &p[2])
}

/// Between a citation and the end of the period it set: "of 16 December
/// 1992 until", ", for a period ending on".
static UNTIL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^\s*(?:of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*)?,?\s*",
        r"(?:for\s+an?\s+(?:initial\s+|first\s+)?period\s+)?(?:until|till|through|ending(?:\s+on)?)\s+$"
    ))
    .unwrap()
});

/// The words of an extension or a renewal.
const EXTENSION_WORDS: &str = r"extend\w*|extension|renew\w*";

/// An extension or renewal before the citation.
static EXTENSION: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(&format!(r"(?i)(?-u:\b)(?:{EXTENSION_WORDS})(?-u:\b)")).unwrap());

/// A period that continues one before: an extension's.
static FURTHER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:further|additional|another|new|final)(?-u:\b)").unwrap()
});

/// Another act beside a citation and a period: an extension, a renewal,
/// a request, a budget.
static OTHER_ACT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(&format!(
        r"(?i)(?-u:\b)(?:{EXTENSION_WORDS}|request\w*|recommend\w*|resolution|budget|cost|appropriat\w*)(?-u:\b)"
    ))
    .unwrap()
});

/// The full date the document gives a resolution where it cites it with
/// one ("resolution 968 (1994) of 16 December 1994"): the first such
/// citation, when its date falls in the resolution's year.
fn dated_elsewhere(doc: &Document, symbol: &str) -> Option<PartialDate> {
    let text = &doc.letter.text;
    let year = symbol_year(symbol)?;
    doc.symbols.iter().filter(|m| m.symbol == symbol).find_map(|m| {
        // Sentences and dates are in text order: found by bisection.
        let sent_end =
            doc.sentences.get(doc.sentences.partition_point(|s| s.end < m.span.end)).map_or(text.len(), |s| s.end);
        let from = doc.dates.partition_point(|d| d.span.start < m.span.end);
        let near: Vec<&DateMention> =
            doc.dates[from..].iter().take_while(|d| d.span.start <= sent_end).take(4).collect();
        super::resolution_date(text, &near, m.span.end, sent_end)
            .map(|d| d.date)
            .filter(|d| d.day.is_some() && d.year == year)
    })
}

/// The year of `S/RES/689(1991)`.
fn symbol_year(symbol: &str) -> Option<i32> {
    let open = symbol.rfind('(')?;
    symbol[open + 1..].strip_suffix(')')?.parse().ok().filter(|y| (1945..=2100).contains(y))
}
