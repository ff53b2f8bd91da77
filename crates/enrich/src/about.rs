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

/// A scanned report's misreadings of the acronym of the mission it is
/// about ("ONuSkL", "UNXKOM" for ONUSAL and UNIKOM), for a report whose
/// mission was placed by its country and date because the scan left no
/// exact mention: a word of the acronym's length, at least three of its
/// letters capitals, that differs from it in at most a third of its
/// letters (one in five, two in six to eight), read after the scanner's
/// usual digit-for-letter confusions. Acronyms under five letters are
/// left alone: one letter makes another word of too many of them.
pub fn misread_mentions(text: &str, main: &MainMission) -> Vec<MissionMention> {
    if main.source != "country_and_date" {
        return Vec::new();
    }
    let id: Vec<char> = main.mission_id.chars().collect();
    if id.len() < 5 || !id.iter().all(char::is_ascii_uppercase) {
        return Vec::new();
    }
    let unscan = |c: char| match c {
        '0' => 'O',
        '1' | '!' | '|' => 'I',
        '5' | '$' => 'S',
        '8' => 'B',
        c => c.to_ascii_uppercase(),
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = !c.is_whitespace() && !matches!(c, '(' | ')' | ',' | '.' | ';' | ':' | '"' | '\'' | '’' | '/');
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = &text[s..i];
                if word.chars().count() != id.len() || word.chars().filter(char::is_ascii_uppercase).count() < 3 {
                    continue;
                }
                let differ = word.chars().zip(&id).filter(|(a, b)| unscan(*a) != **b).count();
                if differ > 0 && differ <= id.len() / 3 {
                    out.push(MissionMention {
                        mission_id: main.mission_id.clone(),
                        surface: word.to_owned(),
                        span: missive_model::Span::new(s, i),
                        in_gazetteer: true,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misreadings_of_the_inferred_mission_only() {
        let placed = MainMission { mission_id: "UNIKOM".to_owned(), source: "country_and_date" };
        let named = MainMission { mission_id: "UNIKOM".to_owned(), source: "title" };
        let short = MainMission { mission_id: "UNMIH".to_owned(), source: "country_and_date" };
        let cases: &[(&str, &MainMission, &[&str])] = &[
            ("the UNXKOM patrols and UNIKOM itself", &placed, &["UNXKOM"]),
            ("(UNXXOM), U#IKOM.", &placed, &["UNXXOM", "U#IKOM"]),
            ("UNDOF UNITED unikom Unikom", &placed, &[]),
            ("the UNXKOM patrols", &named, &[]),
            ("the UNMXH team", &short, &["UNMXH"]),
            ("the UNMXX team", &short, &[]),
        ];
        for (text, main, want) in cases {
            let got: Vec<String> = misread_mentions(text, main).into_iter().map(|m| m.surface).collect();
            assert_eq!(&got, want, "{text}");
        }
    }
}
