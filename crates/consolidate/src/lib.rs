//! The cross-document step: consolidates missions across the corpus with
//! polars, derives mandate timelines, and finds repeated documents.
//!
//! Knows polars but not Parquet: it takes and returns domain rows.

// A stage reads as the steps it takes: no function over clippy's default
// 100 lines (make clippy denies warnings).
#![warn(clippy::too_many_lines)]

pub mod duplicates;
mod queries;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use missive_model::rows::{EventRow, MentionRow, MissionRow, TimelineRow};
use missive_model::{EventKind, EventStatus, MissionInfo, NaiveDate, PartialDate};
use polars::prelude::*;

pub use duplicates::{DuplicateIndex, fingerprint};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("polars")]
    Polars(#[from] PolarsError),
}

/// One mission mention with the date of its document, the input of
/// [`missions`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seen {
    pub mission_id: String,
    pub doc_id: String,
    pub surface: String,
    pub letter_date: Option<NaiveDate>,
    pub in_gazetteer: bool,
}

impl Seen {
    pub fn from_mention(m: &MentionRow, letter_date: Option<NaiveDate>) -> Self {
        Self {
            mission_id: m.mission_id.clone(),
            doc_id: m.doc_id.clone(),
            surface: m.surface.clone(),
            letter_date,
            in_gazetteer: m.in_gazetteer,
        }
    }
}

fn doc_key(doc_id: &str) -> u64 {
    // A missive doc_id is 16 hex digits; anything else gets a stable hash.
    u64::from_str_radix(doc_id, 16).unwrap_or_else(|_| {
        doc_id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
    })
}

/// Mentions wait in a buffer of this many before polars aggregates them.
const BATCH: usize = 8192;

/// The cross-document state of a run, fed one document at a time: the
/// per-mission aggregates of mentions (a mission a document is about
/// without naming it gets one, empty), and the mandate events without their
/// sentences (the timeline orders all of a mission's events). Memory grows
/// with missions, with mission-document pairs (8 bytes each) and with
/// mandate events, not with the text.
#[derive(Debug, Default)]
pub struct Consolidator {
    pending: Vec<Seen>,
    /// The per-mission aggregate of the mentions flushed so far
    /// ([`queries::fold`]): missions, documents (8 bytes each), aliases.
    aggregate: Option<DataFrame>,
    about: BTreeSet<String>,
    events: Vec<EventRow>,
}

impl Consolidator {
    /// Adds one document: its date, the mission it is about
    /// (`letters.main_mission`), its mission mentions and mandate events.
    pub fn add_doc(
        &mut self,
        letter_date: Option<NaiveDate>,
        about: Option<&str>,
        mentions: &[MentionRow],
        events: &[EventRow],
    ) -> Result<(), Error> {
        if let Some(id) = about
            && !self.about.contains(id)
        {
            self.about.insert(id.to_owned());
        }
        self.pending.extend(mentions.iter().map(|m| Seen::from_mention(m, letter_date)));
        self.events.extend(events.iter().map(|e| EventRow { sentence: String::new(), ..e.clone() }));
        if self.pending.len() >= BATCH { self.flush() } else { Ok(()) }
    }

    /// Adds mentions already paired with their documents' dates.
    pub fn add_seen(&mut self, seen: &[Seen]) -> Result<(), Error> {
        self.pending.extend_from_slice(seen);
        if self.pending.len() >= BATCH { self.flush() } else { Ok(()) }
    }

    fn flush(&mut self) -> Result<(), Error> {
        if !self.pending.is_empty() {
            self.aggregate = Some(queries::fold(self.aggregate.take(), &self.pending)?);
            self.pending.clear();
        }
        Ok(())
    }

    /// The `missions` and `mission_timeline` tables.
    pub fn finish(
        mut self,
        gazetteer: &HashMap<String, MissionInfo>,
    ) -> Result<(Vec<MissionRow>, Vec<TimelineRow>), Error> {
        self.flush()?;
        let missions = queries::missions(self.aggregate, &self.about, &self.events, gazetteer)?;
        Ok((missions, timeline(&self.events, gazetteer)))
    }
}

/// The `missions` table: every mission seen, with the gazetteer's facts and
/// the corpus' evidence. `about` holds the missions documents are about
/// (`letters.main_mission`): one the text never names (found from the
/// country and the date) still gets a row, with no mentions, so that every
/// `mission_id` of the other tables joins.
pub fn missions(
    seen: &[Seen],
    about: &BTreeSet<String>,
    events: &[EventRow],
    gazetteer: &HashMap<String, MissionInfo>,
) -> Result<Vec<MissionRow>, Error> {
    let aggregate = if seen.is_empty() { None } else { Some(queries::fold(None, seen)?) };
    Ok(queries::missions(aggregate, about, events, gazetteer)?)
}

/// The earlier of two partial dates; on a tie the more precise.
fn earlier(a: PartialDate, b: PartialDate) -> PartialDate {
    match a.start().cmp(&b.start()) {
        std::cmp::Ordering::Less => a,
        std::cmp::Ordering::Greater => b,
        std::cmp::Ordering::Equal => {
            if b.day.is_some() {
                b
            } else {
                a
            }
        }
    }
}

/// Whether two partial dates name the same day as far as both say
/// (`2005-05` and `2005-05-20` do).
fn same_point(a: PartialDate, b: PartialDate) -> bool {
    a.accepts(b) || b.accepts(a)
}

/// How far (days) a stated end may fall from the record's closure and still
/// agree with it: a month, for closures the record gives to the month.
const RECORD_SLACK_DAYS: i64 = 31;

/// One end of a mandate period and what states it.
#[derive(Debug, Clone)]
struct Boundary {
    at: PartialDate,
    event: EventKind,
    status: EventStatus,
    resolution: Option<String>,
    docs: BTreeSet<String>,
}

impl Boundary {
    fn new(at: PartialDate, e: &EventRow) -> Self {
        Self {
            at,
            event: e.event,
            status: e.status,
            resolution: e.resolution.clone(),
            docs: BTreeSet::from([e.doc_id.clone()]),
        }
    }

    /// Folds another statement of the same end into this one: the firmest
    /// status, the most precise date, every document.
    fn absorb(&mut self, o: Boundary) {
        let rank = |s: EventStatus| match s {
            EventStatus::Done => 0,
            EventStatus::Decided => 1,
            EventStatus::Requested => 2,
        };
        if rank(o.status) < rank(self.status) {
            self.status = o.status;
            self.event = o.event;
        }
        if self.at.day.is_none() && o.at.day.is_some() || self.at.month.is_none() && o.at.month.is_some() {
            self.at = o.at;
        }
        self.resolution = self.resolution.take().or(o.resolution);
        self.docs.extend(o.docs);
    }
}

/// Adds `b` to `list`, merged into a boundary that names the same point.
fn push_boundary(list: &mut Vec<Boundary>, b: Boundary) {
    match list.iter_mut().find(|x| same_point(x.at, b.at)) {
        Some(x) => x.absorb(b),
        None => list.push(b),
    }
}

fn by_start(list: &mut [Boundary]) {
    list.sort_by(|a, b| a.at.start().cmp(&b.at.start()).then(a.at.cmp(&b.at)));
}

/// Mandate periods per mission (one row per period the Council decided):
/// the mission starts at the record's start (else its earliest stated
/// establishment) and every end the corpus states as decided or done (an
/// establishment's initial period, an extension's new end, an expiry)
/// closes a period that the next one continues; a termination ends the
/// last period and drops any end stated after it. Periods therefore never
/// overlap nor share a start. Requested extensions are rows of their own
/// (status `requested`), after the decided ones, each from the decided end
/// before it.
pub fn timeline(events: &[EventRow], gazetteer: &HashMap<String, MissionInfo>) -> Vec<TimelineRow> {
    let mut by_mission: BTreeMap<&str, Vec<&EventRow>> = BTreeMap::new();
    for e in events {
        by_mission.entry(&e.mission_id).or_default().push(e);
    }
    let mut out = Vec::new();
    for (id, evs) in by_mission {
        mission_timeline(id, &evs, gazetteer.get(id), &mut out);
    }
    out
}

/// The periods of one mission, appended to `out`.
fn mission_timeline(id: &str, evs: &[&EventRow], record: Option<&MissionInfo>, out: &mut Vec<TimelineRow>) {
    let stated_start = evs
        .iter()
        .filter(|e| e.event == EventKind::Established && e.status != EventStatus::Requested)
        .filter_map(|e| e.date)
        .reduce(earlier);
    let start = record.and_then(|r| r.start_date).or(stated_start);
    let (mut ends, mut requested, termination) = boundaries(evs, start, record);
    if let Some(t) = termination {
        ends.retain(|b| b.at.start() < t.at.start() && !same_point(b.at, t.at));
        ends.push(t);
    }
    by_start(&mut ends);
    by_start(&mut requested);
    let mut period = 0;
    let mut from = start;
    for b in &ends {
        period += 1;
        out.push(TimelineRow {
            mission_id: id.to_owned(),
            period,
            period_start: from,
            period_end: Some(b.at),
            event: b.event,
            status: b.status,
            resolution: b.resolution.clone(),
            doc_ids: b.docs.iter().cloned().collect(),
        });
        from = Some(b.at);
    }
    // Only a start: one period, open unless the record has the end.
    if ends.is_empty()
        && let Some(s) = start
    {
        let stated: Vec<&&EventRow> =
            evs.iter().filter(|e| e.event == EventKind::Established && e.status != EventStatus::Requested).collect();
        if let Some(first) = stated.first() {
            period += 1;
            out.push(TimelineRow {
                mission_id: id.to_owned(),
                period,
                period_start: Some(s),
                period_end: record.and_then(|r| r.end_date),
                event: EventKind::Established,
                status: if stated.iter().any(|e| e.status == EventStatus::Done) {
                    EventStatus::Done
                } else {
                    first.status
                },
                resolution: stated.iter().find_map(|e| e.resolution.clone()),
                doc_ids: stated.iter().map(|e| e.doc_id.clone()).collect::<BTreeSet<_>>().into_iter().collect(),
            });
        }
    }
    let last_decided = ends.last().map(|b| b.at);
    for b in requested {
        // A request already decided (the same end) is no row of its own.
        if ends.iter().any(|d| same_point(d.at, b.at)) {
            continue;
        }
        let before = ends.iter().rev().find(|d| d.at.start() < b.at.start()).map(|d| d.at).or(start);
        period += 1;
        out.push(TimelineRow {
            mission_id: id.to_owned(),
            period,
            period_start: before.or(last_decided),
            period_end: Some(b.at),
            event: b.event,
            status: b.status,
            resolution: None,
            doc_ids: b.docs.iter().cloned().collect(),
        });
    }
}

/// The ends an event list states for a mission: decided ends, requested
/// ends and the earliest termination; none before the start, and none that
/// contradicts the record's closure.
fn boundaries(
    evs: &[&EventRow],
    start: Option<PartialDate>,
    record: Option<&MissionInfo>,
) -> (Vec<Boundary>, Vec<Boundary>, Option<Boundary>) {
    let mut ends: Vec<Boundary> = Vec::new();
    let mut requested: Vec<Boundary> = Vec::new();
    let mut termination: Option<Boundary> = None;
    // Where the record has the closure, the record stands: a decided end
    // after it, or a termination stated well before it, contradicts it
    // (the event stays in mandate_events with its evidence).
    let record_end = record.and_then(|r| r.end_date).and_then(|d| d.start());
    let after_record =
        |at: PartialDate| record_end.zip(at.start()).is_some_and(|(end, at)| (at - end).num_days() > RECORD_SLACK_DAYS);
    let before_record =
        |at: PartialDate| record_end.zip(at.start()).is_some_and(|(end, at)| (end - at).num_days() > RECORD_SLACK_DAYS);
    for e in evs {
        let at = match e.event {
            EventKind::Terminated => e.date,
            _ => e.until,
        };
        let Some(at) = at else { continue };
        if start.is_some_and(|s| at.start() <= s.start()) {
            continue;
        }
        if e.status != EventStatus::Requested
            && (after_record(at) || (e.event == EventKind::Terminated && before_record(at)))
        {
            continue;
        }
        let b = Boundary::new(at, e);
        match (e.event, e.status) {
            (EventKind::Terminated, EventStatus::Requested) => {}
            (EventKind::Terminated, _) => match &mut termination {
                Some(t) if same_point(t.at, at) => t.absorb(b),
                Some(t) if at.start() < t.at.start() => termination = Some(b),
                Some(_) => {}
                None => termination = Some(b),
            },
            (_, EventStatus::Requested) => push_boundary(&mut requested, b),
            _ => push_boundary(&mut ends, b),
        }
    }
    (ends, requested, termination)
}

#[cfg(test)]
mod tests;
