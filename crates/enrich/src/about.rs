//! The mission a document is about.

use missive_model::{Document, MainMission, MissionMention, PartialDate};

use crate::Gazetteer;

/// Kinds of UN presence a country report is about.
const FIELD_KINDS: &[&str] =
    &["peacekeeping", "special_political_mission", "political_office", "peacebuilding_office", "observer_mission"];

/// The mission a document is about, when it is about one: the mission
/// named first in the title; else the most mentioned in the text (ties: the
/// first mentioned) when it dominates the text (at least
/// [`MIN_MENTIONS`] mentions and [`MIN_SHARE`] of all mission mentions),
/// as in a report on a mission; else, for a report, the UN field presence
/// that the gazetteer places, at the document's date, in the country the
/// text names most. A thematic letter (a sanctions panel, a Member State's
/// note) that names a mission in passing is about none.
pub fn main_mission(
    doc: &Document,
    title: &[MissionMention],
    text: &[MissionMention],
    g: &Gazetteer,
) -> Option<MainMission> {
    if let Some(m) = title.first() {
        return Some(MainMission { mission_id: m.mission_id.clone(), source: "title" });
    }
    // UN missions first: a UN report on UNOMIG speaks of the CIS force too.
    let un: Vec<MissionMention> =
        text.iter().filter(|m| g.missions.get(&m.mission_id).is_some_and(|i| i.is_un)).cloned().collect();
    let report = doc.letter.doc_type == missive_model::DocType::Report;
    // The share is of all mentions, except that a Secretary-General's
    // report is about a UN operation: there it is of the UN missions'
    // mentions (S/2009/69 names the CIS force and the OSCE more often than
    // UNOMIG, and is UNOMIG's report).
    let dominant = |ms: &[MissionMention], of: usize| {
        let id = most_mentioned(ms)?;
        let n = text.iter().filter(|m| m.mission_id == id).count();
        (n >= MIN_MENTIONS && n as f64 >= MIN_SHARE * of as f64).then_some(id)
    };
    if let Some(id) = dominant(&un, if report { un.len() } else { text.len() }) {
        return Some(MainMission { mission_id: id, source: "mentions" });
    }
    // A UN report on a country is about the UN presence there before
    // another organisation's operation it speaks of.
    let in_country = report.then(|| un_presence(doc, g)).flatten();
    in_country.or_else(|| dominant(text, text.len()).map(|id| MainMission { mission_id: id, source: "mentions" }))
}

/// The UN field presence that the gazetteer places, at the document's
/// date, in the country the text names most.
fn un_presence(doc: &Document, g: &Gazetteer) -> Option<MainMission> {
    let date = PartialDate::from(doc.letter.letter_date?);
    let country = most_named_country(doc)?;
    let active = |start: Option<PartialDate>, end: Option<PartialDate>| {
        start.is_some_and(|s| s.start() <= date.start())
            && end.is_none_or(|e| {
                e.year > date.year || (e.year == date.year && e.month.is_none_or(|m| Some(m) >= date.month))
            })
    };
    g.missions
        .values()
        .filter(|m| m.is_un && FIELD_KINDS.contains(&m.kind.as_str()) && m.countries.iter().any(|c| c == &country))
        .filter(|m| active(m.start_date, m.end_date))
        .max_by_key(|m| (m.start_date, std::cmp::Reverse(m.mission_id.clone())))
        .map(|m| MainMission { mission_id: m.mission_id.clone(), source: "country_and_date" })
}

/// How often, and what share of the mission mentions, the most mentioned
/// mission needs to be what a document without one in its title is about.
const MIN_MENTIONS: usize = 3;
const MIN_SHARE: f64 = 0.4;

fn most_mentioned(mentions: &[MissionMention]) -> Option<String> {
    most_frequent(mentions.iter().map(|m| m.mission_id.as_str()))
}

fn most_named_country(doc: &Document) -> Option<String> {
    most_frequent(doc.country_mentions.iter().map(|c| c.iso3.as_str()))
}

/// The most frequent of `items`; of equals, the first seen.
fn most_frequent<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, x) in items.enumerate() {
        match counts.iter_mut().find(|c| c.0 == x) {
            Some(c) => c.1 += 1,
            None => counts.push((x, 1, i)),
        }
    }
    counts.into_iter().max_by_key(|c| (c.1, std::cmp::Reverse(c.2))).map(|c| c.0.to_owned())
}
