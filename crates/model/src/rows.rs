//! Flat output rows, one struct per table. Offsets here are Unicode
//! code-point offsets into `documents.text`.

use chrono::NaiveDate;

use crate::{EventKind, EventStatus, PartialDate, Qualifier, RefKind};

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceRow {
    pub doc_id: String,
    pub symbol: String,
    pub kind: RefKind,
    pub surface: String,
    pub char_start: u32,
    pub char_end: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MentionRow {
    pub doc_id: String,
    pub mission_id: String,
    /// `text` or `title`: the letters column the offsets index.
    pub field: &'static str,
    pub surface: String,
    pub in_gazetteer: bool,
    pub char_start: u32,
    pub char_end: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub doc_id: String,
    pub mission_id: String,
    pub event: EventKind,
    pub status: EventStatus,
    pub date: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// Canonical symbol of the resolution that acted, when the sentence names it.
    pub resolution: Option<String>,
    /// The letter's date, for ordering events in time.
    pub letter_date: Option<NaiveDate>,
    pub sentence: String,
    pub char_start: u32,
    pub char_end: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub doc_id: String,
    pub indicator_id: String,
    pub mission_id: Option<String>,
    pub activity_id: Option<String>,
    pub value: f64,
    pub value_high: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: String,
    pub unit_surface: String,
    pub category: String,
    pub subject: crate::Subject,
    pub surface: String,
    pub sentence: String,
    pub char_start: u32,
    pub char_end: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRow {
    pub doc_id: String,
    pub activity_id: String,
    pub mission_id: Option<String>,
    pub paragraph: Option<String>,
    pub categories: Vec<String>,
    pub mode: Option<String>,
    pub sentence: String,
    pub period_start: Option<PartialDate>,
    pub period_end: Option<PartialDate>,
    pub location: Vec<String>,
    pub char_start: u32,
    pub char_end: u32,
}

/// One mission seen in the corpus, consolidated across documents.
#[derive(Debug, Clone, PartialEq)]
pub struct MissionRow {
    pub mission_id: String,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub is_un: Option<bool>,
    pub countries: Vec<String>,
    pub aliases: Vec<String>,
    pub n_docs: u32,
    pub n_mentions: u32,
    pub first_seen: Option<NaiveDate>,
    pub last_seen: Option<NaiveDate>,
    /// Start: the record's (data/reference/missions.csv), else the earliest
    /// establishment the corpus states as done.
    pub start: Option<PartialDate>,
    /// End: the record's, else a termination the corpus states as done;
    /// none while the mission operates.
    pub end: Option<PartialDate>,
    /// The latest end of mandate the corpus states as decided or done.
    pub current_mandate_until: Option<PartialDate>,
    pub established_by: Option<String>,
    pub predecessor: Option<String>,
    pub in_gazetteer: bool,
}

/// One mandate period of a mission, for plotting.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub mission_id: String,
    pub period: u32,
    pub period_start: Option<PartialDate>,
    pub period_end: Option<PartialDate>,
    /// The event that set the period's end (`established` for an initial
    /// period, `extended`, `expires`, `terminated`).
    pub event: EventKind,
    pub status: EventStatus,
    /// The resolution that decided the period, when a sentence names it.
    pub resolution: Option<String>,
    /// The documents that state the period (sorted).
    pub doc_ids: Vec<String>,
}

/// The letters table's row is [`crate::Letter`]; rejects are [`crate::Reject`].
pub type LetterRow = crate::Letter;
pub type RejectRow = crate::Reject;

/// All tables of one run, in row order.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub letters: Vec<LetterRow>,
    pub references: Vec<ReferenceRow>,
    pub mission_mentions: Vec<MentionRow>,
    pub mandate_events: Vec<EventRow>,
    pub indicators: Vec<IndicatorRow>,
    pub activities: Vec<ActivityRow>,
    pub missions: Vec<MissionRow>,
    pub mission_timeline: Vec<TimelineRow>,
    pub rejects: Vec<RejectRow>,
}

impl Tables {
    /// Moves every row of `other` to the end of this table set.
    pub fn append(&mut self, mut other: Tables) {
        self.letters.append(&mut other.letters);
        self.references.append(&mut other.references);
        self.mission_mentions.append(&mut other.mission_mentions);
        self.mandate_events.append(&mut other.mandate_events);
        self.indicators.append(&mut other.indicators);
        self.activities.append(&mut other.activities);
        self.missions.append(&mut other.missions);
        self.mission_timeline.append(&mut other.mission_timeline);
        self.rejects.append(&mut other.rejects);
    }
}
