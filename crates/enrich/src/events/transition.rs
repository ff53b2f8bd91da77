//! Transitions to a successor the text does not name (GUIDELINES §3
//! conventions, handovers): "a seamless transition to a special political
//! mission beginning on 16 October 2019", "the transition to a
//! non-peacekeeping presence in the country beyond 15 October 2019". The
//! document's mission ends and its successor in the record
//! (`missions.csv`: the mission whose predecessor it is) starts: on the
//! day named ("beginning on"), the day before ending the predecessor; or
//! after it ("beyond"), the day named ending the predecessor.

use std::sync::LazyLock;

use missive_model::spans::inside;
use missive_model::{DateMention, Document, EventKind, EventStatus, MandateEvent, MissionMention, PartialDate, Span};
use regex::Regex;

use super::{REQUESTED, on_day};

/// "transition to a [follow-on] mission|presence|office [...] beginning on
/// | starting | from | as of | beyond | after", up to the date.
pub(super) static TRANSITION: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)transition\s+to\s+(?P<what>(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:mission|presence|office))",
        r"(?:\s+[^.;,]{0,40}?)?\s+(?P<when>beginning|starting|from|as\s+of|beyond|after)\s+(?:on\s+)?$",
    ))
    .unwrap()
});

/// The transitions of a sentence: each date of `dates` a transition phrase
/// leads up to, with the phrase.
fn transitions<'a>(
    text: &'a str,
    sent: Span,
    dates: impl Iterator<Item = &'a DateMention>,
) -> impl Iterator<Item = (regex::Captures<'a>, &'a DateMention)> {
    let s = sent.slice(text);
    dates.filter_map(move |d| Some((TRANSITION.captures(&s[..d.span.start - sent.start])?, d)))
}

/// The day before or after a date that names its day.
fn shift(d: PartialDate, days: i64) -> Option<PartialDate> {
    let date = d.to_date()?;
    date.checked_add_signed(chrono::Duration::days(days)).map(PartialDate::from)
}

/// The transition events of one sentence of a document about `main`,
/// whose successor in the record is `successor`.
pub(super) fn find(
    text: &str,
    sent: Span,
    dates: &[&DateMention],
    main: Option<&str>,
    successor: Option<&str>,
) -> Vec<MandateEvent> {
    let (Some(pred), Some(succ)) = (main, successor) else { return Vec::new() };
    let mut out = Vec::new();
    for (c, d) in transitions(text, sent, dates.iter().copied()) {
        // "beginning on 16 October": the successor starts that day; "beyond
        // 15 October": the predecessor ends that day.
        let begins = !matches!(c["when"].to_ascii_lowercase().as_str(), "beyond" | "after");
        let (ends, starts) = if begins { (shift(d.date, -1), Some(d.date)) } else { (Some(d.date), shift(d.date, 1)) };
        let status = if REQUESTED.is_match(&sent.slice(text)[..c.get(0).unwrap().start()]) {
            EventStatus::Requested
        } else {
            EventStatus::Decided
        };
        out.extend(ends.map(|d| on_day(pred, EventKind::Terminated, status, d, sent)));
        out.extend(starts.map(|d| on_day(succ, EventKind::Established, status, d, sent)));
    }
    out
}

/// The successor as the transition describes it ("a special political
/// mission beginning on 16 October 2019"): a mention of it (GUIDELINES §2:
/// every mission the document mentions), one per transition.
pub fn mentions(doc: &Document, successor: Option<&str>) -> Vec<MissionMention> {
    let Some(succ) = successor else { return Vec::new() };
    let text = &doc.letter.text;
    let mut out = Vec::new();
    for &sent in doc.sentences.iter().filter(|s| s.slice(text).contains("transition")) {
        for (c, _) in transitions(text, sent, inside(&doc.dates, |d| d.span, sent)) {
            let Some(what) = c.name("what") else { continue };
            let span = Span::new(sent.start + what.start(), sent.start + what.end());
            out.push(MissionMention {
                mission_id: succ.to_owned(),
                surface: span.slice(text).to_owned(),
                span,
                in_gazetteer: true,
            });
        }
    }
    out
}
