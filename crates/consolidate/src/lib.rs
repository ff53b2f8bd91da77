//! The cross-document step: consolidates missions across the corpus with
//! polars, derives mandate timelines, and finds repeated documents.
//!
//! Knows polars but not Parquet: it takes and returns domain rows.

// A stage reads as the steps it takes: no function over clippy's default
// 100 lines (make clippy denies warnings).
#![warn(clippy::too_many_lines)]

pub mod duplicates;
mod queries;
mod timeline;

use std::collections::{BTreeSet, HashMap};

use missive_model::rows::{EventRow, MentionRow, MissionRow, TimelineRow};
use missive_model::{MissionInfo, NaiveDate};
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
        Ok((missions, timeline(&self.events, gazetteer)?))
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

/// Mandate periods per mission (one row per period the Council decided),
/// from polars queries over the events: see [`timeline`](mod@timeline).
pub fn timeline(events: &[EventRow], gazetteer: &HashMap<String, MissionInfo>) -> Result<Vec<TimelineRow>, Error> {
    Ok(timeline::timeline(events, gazetteer)?)
}

#[cfg(test)]
mod tests;
