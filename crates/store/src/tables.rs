//! The table contract: every table's columns, types and descriptions.

use std::sync::Arc;

use arrow::array::RecordBatch;
use arrow::datatypes::Schema;
use missive_model::rows::{
    ActivityRow, EventRow, IndicatorRow, MentionRow, MissionRow, ReferenceRow, Tables, TimelineRow,
};
use missive_model::{Letter, Reject, SCHEMA_VERSION};

use crate::Error;
use crate::columns::{self as c, Column};

/// A table of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableInfo {
    pub name: &'static str,
    pub description: &'static str,
    /// Columns that order the rows (and identify them).
    pub key: &'static [&'static str],
}

pub const TABLES: &[TableInfo] = &[
    TableInfo {
        name: "letters",
        description: "One row per accepted document: metadata and the cleaned text.",
        key: &["source_path"],
    },
    TableInfo {
        name: "references",
        description: "Every UN document symbol cited in a document's text.",
        key: &["doc_id", "char_start"],
    },
    TableInfo {
        name: "mission_mentions",
        description: "Every mention of a mission in a document's text.",
        key: &["doc_id", "char_start"],
    },
    TableInfo {
        name: "mandate_events",
        description: "Dated changes in a mission's life stated in a document (GUIDELINES §3).",
        key: &["doc_id", "char_start", "mission_id", "event"],
    },
    TableInfo {
        name: "indicators",
        description: "Quantities a document states about the world (GUIDELINES §4).",
        key: &["doc_id", "char_start"],
    },
    TableInfo {
        name: "activities",
        description: "What missions did, do or will do, one row per sentence, coded with PACT categories.",
        key: &["doc_id", "char_start"],
    },
    TableInfo {
        name: "missions",
        description: "One row per mission seen in the corpus, consolidated across documents.",
        key: &["mission_id"],
    },
    TableInfo {
        name: "mission_timeline",
        description: "Mandate periods per mission, derived from mandate events, ready to plot.",
        key: &["mission_id", "period"],
    },
    TableInfo {
        name: "rejects",
        description: "One row per input file that could not be read as an English UN document.",
        key: &["source_path"],
    },
];

const OFFSET_START: &str = "Unicode code-point offset into letters.text where the evidence starts";
const OFFSET_END: &str = "Unicode code-point offset into letters.text where the evidence ends (exclusive)";
const DOC_ID: &str = "Document identifier: first 16 hex digits of the file's SHA-256 (joins letters.doc_id)";

fn batch(table: &str, cols: Vec<Column>) -> Result<RecordBatch, Error> {
    let info = TABLES.iter().find(|t| t.name == table).expect("known table");
    let metadata = [
        ("missive.table".to_owned(), table.to_owned()),
        ("missive.description".to_owned(), info.description.to_owned()),
        ("missive.schema_version".to_owned(), SCHEMA_VERSION.to_owned()),
        ("missive.key".to_owned(), info.key.join(",")),
    ];
    let (fields, arrays): (Vec<_>, Vec<_>) = cols.into_iter().map(|c| (c.field, c.array)).unzip();
    let schema = Arc::new(Schema::new(fields).with_metadata(std::collections::HashMap::from(metadata)));
    Ok(RecordBatch::try_new(schema, arrays)?)
}

pub fn letters(rows: &[Letter]) -> Result<RecordBatch, Error> {
    batch(
        "letters",
        vec![
            c::string("doc_id", DOC_ID, rows.iter().map(|r| r.doc_id.as_str())),
            c::string(
                "source_path",
                "Path of the input file relative to the corpus root",
                rows.iter().map(|r| r.source_path.as_str()),
            ),
            c::string("sha256", "SHA-256 of the input file's bytes, hex", rows.iter().map(|r| r.sha256.as_str())),
            c::u64("bytes", "Size of the input file in bytes", rows.iter().map(|r| r.bytes)),
            c::dict(
                "encoding",
                "Encoding the file was decoded from (UTF-8, windows-1252, UTF-16LE, UTF-16BE)",
                rows.iter().map(|r| Some(r.encoding.as_str())),
                false,
            ),
            c::opt_string(
                "symbol",
                "The document's own symbol as printed in its header, canonical (S/2004/331); null if none",
                rows.iter().map(|r| r.symbol.as_deref()),
            ),
            c::dict(
                "doc_type",
                "letter (from the Secretary-General), letter_other, report, note, resolution, other",
                rows.iter().map(|r| Some(r.doc_type.as_str())),
                false,
            ),
            c::date(
                "letter_date",
                "Date in the title (\"Letter dated ...\"); for reports and notes the issue date",
                rows.iter().map(|r| r.letter_date),
            ),
            c::date("issue_date", "Date printed under \"Distr.\" in the header", rows.iter().map(|r| r.issue_date)),
            c::opt_string("title", "The title, line breaks joined", rows.iter().map(|r| r.title.as_deref())),
            c::opt_string("sender", "Who the title says the letter is from", rows.iter().map(|r| r.sender.as_deref())),
            c::opt_string(
                "recipient",
                "Who the title says the letter is addressed to",
                rows.iter().map(|r| r.recipient.as_deref()),
            ),
            c::opt_string(
                "signatory",
                "Name after \"(Signed)\" as written, markup removed",
                rows.iter().map(|r| r.signatory.as_deref()),
            ),
            c::list("subjects", "Subject keywords of the keyword layout header", rows.iter().map(|r| &r.subjects)),
            c::list(
                "countries",
                "ISO 3166 alpha-3 codes of the countries named in the text, sorted",
                rows.iter().map(|r| &r.countries),
            ),
            c::dict(
                "layout",
                "Input layout: keyword, official, old_upper, plain",
                rows.iter().map(|r| Some(r.layout.as_str())),
                false,
            ),
            c::u32("n_words", "Number of white-space separated words in text", rows.iter().map(|r| r.n_words)),
            c::string(
                "text",
                "The cleaned body: page furniture removed, hyphenation repaired, one paragraph per line",
                rows.iter().map(|r| r.text.as_str()),
            ),
            c::opt_string(
                "duplicate_of",
                "doc_id of the document this one repeats (same body), null if none",
                rows.iter().map(|r| r.duplicate_of.as_deref()),
            ),
            c::opt_string(
                "main_mission",
                "The mission the document is about (joins missions.mission_id), null if none",
                rows.iter().map(|r| r.main_mission.as_deref()),
            ),
            c::dict(
                "main_mission_source",
                "How main_mission was found: title, mentions (the most mentioned), country_and_date (gazetteer)",
                rows.iter().map(|r| r.main_mission_source),
                true,
            ),
        ],
    )
}

pub fn references(rows: &[ReferenceRow]) -> Result<RecordBatch, Error> {
    batch(
        "references",
        vec![
            c::string("doc_id", DOC_ID, rows.iter().map(|r| r.doc_id.as_str())),
            c::string(
                "symbol",
                "Cited symbol in canonical form (S/2000/214, S/RES/1701(2006), A/RES/79/308)",
                rows.iter().map(|r| r.symbol.as_str()),
            ),
            c::dict(
                "kind",
                "resolution, presidential_statement, ga_resolution, report, letter, note, meeting, document",
                rows.iter().map(|r| Some(r.kind.as_str())),
                false,
            ),
            c::string("surface", "The citation as written", rows.iter().map(|r| r.surface.as_str())),
            c::u32("char_start", OFFSET_START, rows.iter().map(|r| r.char_start)),
            c::u32("char_end", OFFSET_END, rows.iter().map(|r| r.char_end)),
        ],
    )
}

pub fn mission_mentions(rows: &[MentionRow]) -> Result<RecordBatch, Error> {
    batch(
        "mission_mentions",
        vec![
            c::string("doc_id", DOC_ID, rows.iter().map(|r| r.doc_id.as_str())),
            c::string(
                "mission_id",
                "Canonical mission identifier: the acronym the UN uses (joins missions.mission_id)",
                rows.iter().map(|r| r.mission_id.as_str()),
            ),
            c::dict(
                "field",
                "The letters column the offsets index: text or title",
                rows.iter().map(|r| Some(r.field)),
                false,
            ),
            c::string("surface", "The mention as written", rows.iter().map(|r| r.surface.as_str())),
            c::boolean(
                "in_gazetteer",
                "False when the mission is known only from an acronym the text defines",
                rows.iter().map(|r| Some(r.in_gazetteer)),
                false,
            ),
            c::u32("char_start", OFFSET_START, rows.iter().map(|r| r.char_start)),
            c::u32("char_end", OFFSET_END, rows.iter().map(|r| r.char_end)),
        ],
    )
}

pub fn mandate_events(rows: &[EventRow]) -> Result<RecordBatch, Error> {
    let dates: Vec<_> = rows.iter().map(|r| r.date).collect();
    let untils: Vec<_> = rows.iter().map(|r| r.until).collect();
    batch(
        "mandate_events",
        vec![
            c::string("doc_id", DOC_ID, rows.iter().map(|r| r.doc_id.as_str())),
            c::string(
                "mission_id",
                "Mission the event is about (joins missions.mission_id)",
                rows.iter().map(|r| r.mission_id.as_str()),
            ),
            c::dict(
                "event",
                "established, extended, expires, terminated",
                rows.iter().map(|r| Some(r.event.as_str())),
                false,
            ),
            c::dict(
                "status",
                "done (happened), decided (will happen), requested (proposed or intended)",
                rows.iter().map(|r| Some(r.status.as_str())),
                false,
            ),
            c::partial_date(
                "date",
                "Start (established) or end (terminated) as stated: YYYY, YYYY-MM or YYYY-MM-DD",
                &dates,
            ),
            c::partial_start("date_start", "First day of `date`, as a date", &dates),
            c::partial_date(
                "until",
                "New or current end of the mandate as stated: YYYY, YYYY-MM or YYYY-MM-DD",
                &untils,
            ),
            c::partial_start("until_start", "First day of `until`, as a date", &untils),
            c::date("letter_date", "Date of the document the event was read from", rows.iter().map(|r| r.letter_date)),
            c::string("sentence", "The sentence the event was read from", rows.iter().map(|r| r.sentence.as_str())),
            c::u32("char_start", OFFSET_START, rows.iter().map(|r| r.char_start)),
            c::u32("char_end", OFFSET_END, rows.iter().map(|r| r.char_end)),
        ],
    )
}

pub fn indicators(rows: &[IndicatorRow]) -> Result<RecordBatch, Error> {
    batch(
        "indicators",
        vec![
            c::string("doc_id", DOC_ID, rows.iter().map(|r| r.doc_id.as_str())),
            c::string(
                "indicator_id",
                "Stable identifier: doc_id and the mention's position",
                rows.iter().map(|r| r.indicator_id.as_str()),
            ),
            c::opt_string(
                "mission_id",
                "Mission the sentence or document is about, if any",
                rows.iter().map(|r| r.mission_id.as_deref()),
            ),
            c::opt_string(
                "activity_id",
                "Activity whose sentence states the quantity, if any",
                rows.iter().map(|r| r.activity_id.as_deref()),
            ),
            c::f64(
                "value",
                "The quantity, scaled (1.5 million is 1500000); lower bound of a range",
                rows.iter().map(|r| Some(r.value)),
                false,
            ),
            c::f64("value_high", "Upper bound of a range, else null", rows.iter().map(|r| r.value_high), true),
            c::dict(
                "qualifier",
                "exact, approx, at_least, at_most",
                rows.iter().map(|r| Some(r.qualifier.as_str())),
                false,
            ),
            c::dict(
                "unit",
                "Counted noun in singular lower case, measure unit, or ISO 4217 currency code",
                rows.iter().map(|r| Some(r.unit.as_str())),
                false,
            ),
            c::dict(
                "category",
                "people, personnel, events, facilities, money, duration, percent, area, other",
                rows.iter().map(|r| Some(r.category.as_str())),
                false,
            ),
            c::string("surface", "The mention as written", rows.iter().map(|r| r.surface.as_str())),
            c::string("sentence", "The sentence that states the quantity", rows.iter().map(|r| r.sentence.as_str())),
            c::u32("char_start", OFFSET_START, rows.iter().map(|r| r.char_start)),
            c::u32("char_end", OFFSET_END, rows.iter().map(|r| r.char_end)),
        ],
    )
}

pub fn activities(rows: &[ActivityRow]) -> Result<RecordBatch, Error> {
    let start: Vec<_> = rows.iter().map(|r| r.period_start).collect();
    let end: Vec<_> = rows.iter().map(|r| r.period_end).collect();
    batch(
        "activities",
        vec![
            c::string("doc_id", DOC_ID, rows.iter().map(|r| r.doc_id.as_str())),
            c::string(
                "activity_id",
                "Stable identifier: doc_id, 'a' and the sentence's char_start",
                rows.iter().map(|r| r.activity_id.as_str()),
            ),
            c::opt_string(
                "mission_id",
                "Mission whose activity the sentence reports (joins missions.mission_id)",
                rows.iter().map(|r| r.mission_id.as_deref()),
            ),
            c::opt_string(
                "paragraph",
                "Number printed before the paragraph, in reports; null if none",
                rows.iter().map(|r| r.paragraph.as_deref()),
            ),
            c::list(
                "categories",
                "PACT activity categories of the activity's paragraph (data/reference/PACT_CODEBOOK.md), predicted by data/models/activities.tsv",
                rows.iter().map(|r| &r.categories),
            ),
            c::dict(
                "mode",
                "PACT mode of engagement: Monitor, Assist, Implement, MaterialSupport, ProvideSecurity, InternationalActor",
                rows.iter().map(|r| r.mode.as_deref()),
                true,
            ),
            c::string("sentence", "The sentence that states the activity", rows.iter().map(|r| r.sentence.as_str())),
            c::partial_date(
                "period_start",
                "Start of the period of the activity: the earliest date in the sentence, else the report's period",
                &start,
            ),
            c::partial_date(
                "period_end",
                "End of the period of the activity: the latest date in the sentence, else the report's period",
                &end,
            ),
            c::list("location", "Place names in the sentence", rows.iter().map(|r| &r.location)),
            c::u32("char_start", OFFSET_START, rows.iter().map(|r| r.char_start)),
            c::u32("char_end", OFFSET_END, rows.iter().map(|r| r.char_end)),
        ],
    )
}

pub fn missions(rows: &[MissionRow]) -> Result<RecordBatch, Error> {
    let est: Vec<_> = rows.iter().map(|r| r.established).collect();
    let end: Vec<_> = rows.iter().map(|r| r.mandate_end).collect();
    batch(
        "missions",
        vec![
            c::string(
                "mission_id",
                "Canonical mission identifier: the acronym the UN (or the regional organisation) uses",
                rows.iter().map(|r| r.mission_id.as_str()),
            ),
            c::opt_string("name", "Official name, from the gazetteer", rows.iter().map(|r| r.name.as_deref())),
            c::dict(
                "kind",
                "peacekeeping, special_political_mission, political_office, peacebuilding_office, envoy_office, regional_operation, ...",
                rows.iter().map(|r| r.kind.as_deref()),
                true,
            ),
            c::boolean("is_un", "Whether the United Nations runs the mission", rows.iter().map(|r| r.is_un), true),
            c::list("countries", "ISO 3166 alpha-3 codes of the host countries", rows.iter().map(|r| &r.countries)),
            c::list("aliases", "Surface forms seen in the corpus, sorted", rows.iter().map(|r| &r.aliases)),
            c::u32("n_docs", "Number of accepted documents that mention the mission", rows.iter().map(|r| r.n_docs)),
            c::u32("n_mentions", "Number of mentions in the corpus", rows.iter().map(|r| r.n_mentions)),
            c::date(
                "first_seen",
                "Earliest letter_date of a document that mentions it",
                rows.iter().map(|r| r.first_seen),
            ),
            c::date("last_seen", "Latest letter_date of a document that mentions it", rows.iter().map(|r| r.last_seen)),
            c::partial_date(
                "established",
                "Start date: earliest from done established events, else the gazetteer",
                &est,
            ),
            c::partial_date("mandate_end", "Latest known end of the mandate from events in the corpus", &end),
            c::opt_string(
                "predecessor",
                "mission_id of the predecessor, from the gazetteer",
                rows.iter().map(|r| r.predecessor.as_deref()),
            ),
            c::boolean(
                "in_gazetteer",
                "Whether data/reference/missions.csv knows the mission",
                rows.iter().map(|r| Some(r.in_gazetteer)),
                false,
            ),
        ],
    )
}

pub fn mission_timeline(rows: &[TimelineRow]) -> Result<RecordBatch, Error> {
    let start: Vec<_> = rows.iter().map(|r| r.period_start).collect();
    let end: Vec<_> = rows.iter().map(|r| r.period_end).collect();
    batch(
        "mission_timeline",
        vec![
            c::string("mission_id", "Mission (joins missions.mission_id)", rows.iter().map(|r| r.mission_id.as_str())),
            c::u32("period", "Order of the period within the mission, from 1", rows.iter().map(|r| r.period)),
            c::partial_date("period_start", "Start of the mandate period as stated", &start),
            c::partial_start("period_start_date", "First day of period_start, as a date", &start),
            c::partial_date("period_end", "End of the mandate period as stated", &end),
            c::partial_start("period_end_date", "First day of period_end, as a date", &end),
            c::dict(
                "event",
                "The event that opened the period: established or extended",
                rows.iter().map(|r| Some(r.event.as_str())),
                false,
            ),
            c::dict("status", "Status of that event", rows.iter().map(|r| Some(r.status.as_str())), false),
            c::string("doc_id", "Document the period was read from", rows.iter().map(|r| r.doc_id.as_str())),
        ],
    )
}

pub fn rejects(rows: &[Reject]) -> Result<RecordBatch, Error> {
    batch(
        "rejects",
        vec![
            c::string(
                "source_path",
                "Path of the input file relative to the corpus root",
                rows.iter().map(|r| r.source_path.as_str()),
            ),
            c::dict(
                "reason",
                "empty, binary, undecodable, non_english, not_un_document, too_large, unreadable, time_limit, internal_error",
                rows.iter().map(|r| Some(r.reason.as_str())),
                false,
            ),
            c::string("detail", "What was found, in words", rows.iter().map(|r| r.detail.as_str())),
            c::u64("bytes", "Size of the input file in bytes", rows.iter().map(|r| r.bytes)),
        ],
    )
}

/// Every table of `t` as a record batch, in [`TABLES`] order.
pub fn batches(t: &Tables) -> Result<Vec<(&'static str, RecordBatch)>, Error> {
    Ok(vec![
        ("letters", letters(&t.letters)?),
        ("references", references(&t.references)?),
        ("mission_mentions", mission_mentions(&t.mission_mentions)?),
        ("mandate_events", mandate_events(&t.mandate_events)?),
        ("indicators", indicators(&t.indicators)?),
        ("activities", activities(&t.activities)?),
        ("missions", missions(&t.missions)?),
        ("mission_timeline", mission_timeline(&t.mission_timeline)?),
        ("rejects", rejects(&t.rejects)?),
    ])
}
