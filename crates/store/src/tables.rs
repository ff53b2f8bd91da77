//! The table contract: every table's columns, types and descriptions.

use std::sync::Arc;

use arrow::array::RecordBatch;
use arrow::datatypes::Schema;
use missive_model::rows::{
    ActivityRow, EventRow, IndicatorRow, MentionRow, MissionRow, ReferenceRow, Tables, TimelineRow,
};
use missive_model::{
    DocType, EventKind, EventStatus, Layout, Letter, PartialDate, Qualifier, RefKind, Reject, RejectReason,
    SCHEMA_VERSION, Subject,
};

use crate::Error;
use crate::columns::{self as c, Column};

/// A table of the contract, declared once: its name, description and key,
/// how it is written, and the builder that fills it from a batch of rows.
/// Every list of tables ([`TABLES`], the per-document tables of merges and
/// incremental runs, the writer's files) is derived from these.
#[derive(Debug, Clone, Copy)]
pub struct TableInfo {
    pub name: &'static str,
    pub description: &'static str,
    /// Columns that identify a row: the primary key (in `datapackage.json` too).
    pub key: &'static [&'static str],
    /// Whether each row belongs to one document (read back per document
    /// when shards are merged or an incremental run reuses a file's rows).
    pub per_doc: bool,
    /// Rows per Parquet row group (see `row_group_rows`).
    pub row_group_rows: usize,
    /// The table's record batch for a batch of rows.
    pub build: fn(&Tables) -> Result<RecordBatch, Error>,
}

pub const DOCUMENTS: TableInfo = TableInfo {
    name: "documents",
    description: "One row per accepted document: metadata and the cleaned text.",
    key: &["source_path"],
    per_doc: false,
    // A document carries its whole text: keep a row group a few MB.
    row_group_rows: 256,
    build: |t| letters(&t.letters),
};
pub const CITATIONS: TableInfo = TableInfo {
    name: "citations",
    description: "Every UN document symbol cited in a document's text.",
    key: &["doc_id", "char_start"],
    per_doc: true,
    row_group_rows: 8192,
    build: |t| references(&t.references),
};
pub const MISSION_MENTIONS: TableInfo = TableInfo {
    name: "mission_mentions",
    description: "Every mention of a mission in a document's title or text.",
    key: &["doc_id", "field", "char_start"],
    per_doc: true,
    row_group_rows: 8192,
    build: |t| mission_mentions(&t.mission_mentions),
};
pub const MANDATE_EVENTS: TableInfo = TableInfo {
    name: "mandate_events",
    description: "Dated changes in a mission's life stated in a document (GUIDELINES §3).",
    // One sentence can state two events of a kind for a mission (two dates).
    key: &["doc_id", "char_start", "mission_id", "event", "date", "until"],
    per_doc: true,
    row_group_rows: 8192,
    build: |t| mandate_events(&t.mandate_events),
};
pub const INDICATORS: TableInfo = TableInfo {
    name: "indicators",
    description: "Quantities a document states about the world (GUIDELINES §4).",
    key: &["doc_id", "char_start"],
    per_doc: true,
    row_group_rows: 8192,
    build: |t| indicators(&t.indicators),
};
pub const ACTIVITIES: TableInfo = TableInfo {
    name: "activities",
    description: "What missions did or are doing, one row per sentence, coded with PACT categories.",
    key: &["doc_id", "char_start"],
    per_doc: true,
    row_group_rows: 8192,
    build: |t| activities(&t.activities),
};
pub const MISSIONS: TableInfo = TableInfo {
    name: "missions",
    description: "One row per mission mentioned in the corpus or that a document is about, consolidated across documents.",
    key: &["mission_id"],
    per_doc: false,
    row_group_rows: 8192,
    build: |t| missions(&t.missions),
};
pub const MISSION_TIMELINE: TableInfo = TableInfo {
    name: "mission_timeline",
    description: "Mandate periods per mission, derived from mandate events, ready to plot.",
    key: &["mission_id", "period"],
    per_doc: false,
    row_group_rows: 8192,
    build: |t| mission_timeline(&t.mission_timeline),
};
pub const REJECTS: TableInfo = TableInfo {
    name: "rejects",
    description: "One row per input file that could not be read as an English UN document.",
    key: &["source_path"],
    per_doc: false,
    row_group_rows: 8192,
    build: |t| rejects(&t.rejects),
};

/// Every table, in the order of the codebook and the writer.
pub const TABLES: &[TableInfo] = &[
    DOCUMENTS,
    CITATIONS,
    MISSION_MENTIONS,
    MANDATE_EVENTS,
    INDICATORS,
    ACTIVITIES,
    MISSIONS,
    MISSION_TIMELINE,
    REJECTS,
];

const OFFSET_START: &str = "Unicode code-point offset into documents.text where the evidence starts";
const OFFSET_END: &str = "Unicode code-point offset into documents.text where the evidence ends (exclusive)";
const DOC_ID: &str = "Document identifier: first 16 hex digits of the file's SHA-256";
const DOC_ID_EXAMPLE: &str = "e322c7294c25159d";
const HEX16: &str = "[0-9a-f]{16}";
/// A partial date as stated: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
const PARTIAL_DATE: &str = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";
/// Indicator categories: those of `data/reference/units.csv`, plus money and percent.
const CATEGORIES: [&str; 17] = [
    "people",
    "personnel",
    "events",
    "facilities",
    "places",
    "equipment",
    "documents",
    "organisations",
    "animals",
    "money",
    "duration",
    "percent",
    "area",
    "length",
    "mass",
    "volume",
    "other",
];
const ENCODINGS: [&str; 4] = ["UTF-8", "windows-1252", "UTF-16LE", "UTF-16BE"];

fn doc_id<'a>(v: impl IntoIterator<Item = &'a str>) -> Column {
    c::string("doc_id", DOC_ID, v).pattern(HEX16).example(DOC_ID_EXAMPLE).joins("documents.doc_id")
}

fn char_start(v: impl IntoIterator<Item = u32>, example: &str) -> Column {
    c::u32("char_start", OFFSET_START, v).example(example)
}

fn char_end(v: impl IntoIterator<Item = u32>, example: &str) -> Column {
    c::u32("char_end", OFFSET_END, v).example(example)
}

fn batch(info: &TableInfo, cols: Vec<Column>) -> Result<RecordBatch, Error> {
    let metadata = [
        ("missive.table".to_owned(), info.name.to_owned()),
        ("missive.description".to_owned(), info.description.to_owned()),
        ("missive.schema_version".to_owned(), SCHEMA_VERSION.to_owned()),
        ("missive.key".to_owned(), info.key.join(",")),
    ];
    let (fields, arrays): (Vec<_>, Vec<_>) = cols.into_iter().map(|c| (c.field, c.array)).unzip();
    let schema = Arc::new(Schema::new(fields).with_metadata(std::collections::HashMap::from(metadata)));
    Ok(RecordBatch::try_new(schema, arrays)?)
}

/// How much of a partial date is known.
fn precision(d: &Option<PartialDate>) -> Option<&'static str> {
    d.map(|d| match (d.month, d.day) {
        (Some(_), Some(_)) => "day",
        (Some(_), None) => "month",
        _ => "year",
    })
}

/// The one convention for a date a text states: the partial date `X` as
/// stated (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), `X_date` its first day as a
/// DATE, `X_precision` how much of it is known.
fn partial_dates(name: &str, desc: &str, v: &[Option<PartialDate>], example: &str) -> [Column; 3] {
    [
        c::partial_date(name, &format!("{desc}: YYYY, YYYY-MM or YYYY-MM-DD"), v)
            .pattern(PARTIAL_DATE)
            .example(example),
        c::partial_start(&format!("{name}_date"), &format!("First day of `{name}`, as a date"), v)
            .example(&first_day(example)),
        c::dict(
            &format!("{name}_precision"),
            &format!("How much of `{name}` is known: day, month or year"),
            v.iter().map(precision),
            true,
        )
        .allowed(PRECISIONS)
        .example(match example.len() {
            4 => "year",
            7 => "month",
            _ => "day",
        }),
    ]
}

/// The first day of an example partial date.
fn first_day(example: &str) -> String {
    match example.len() {
        4 => format!("{example}-01-01"),
        7 => format!("{example}-01"),
        _ => example.to_owned(),
    }
}

const PRECISIONS: [&str; 3] = ["day", "month", "year"];

/// `documents`: the file, what its header and title say, its text and links.
pub fn letters(rows: &[Letter]) -> Result<RecordBatch, Error> {
    let mut cols = file_columns(rows);
    cols.extend(metadata_columns(rows));
    cols.extend(content_columns(rows));
    batch(&DOCUMENTS, cols)
}

/// The input file: its id, path, hash, size and encoding.
fn file_columns(rows: &[Letter]) -> Vec<Column> {
    vec![
        c::string("doc_id", DOC_ID, rows.iter().map(|r| r.doc_id.as_str())).pattern(HEX16).example(DOC_ID_EXAMPLE),
        c::string(
            "source_path",
            "Path of the input file relative to the corpus root",
            rows.iter().map(|r| r.source_path.as_str()),
        )
        .example("real/letters/S_2004_331.txt"),
        c::string("sha256", "SHA-256 of the input file's bytes, hex", rows.iter().map(|r| r.sha256.as_str()))
            .pattern("[0-9a-f]{64}")
            .example("e322c7294c25159d5f1c4a0e4b5e4a8e1f0b3c7d2a9e8f6b5c4d3e2f1a0b9c8d"),
        c::i64("bytes", "Size of the input file in bytes", rows.iter().map(|r| r.bytes as i64)).example("5412"),
        c::dict(
            "encoding",
            "Encoding the file was decoded from",
            rows.iter().map(|r| Some(r.encoding.as_str())),
            false,
        )
        .allowed(ENCODINGS)
        .example("UTF-8"),
    ]
}

/// What the header, title and signature say.
fn metadata_columns(rows: &[Letter]) -> Vec<Column> {
    vec![
        c::opt_string(
            "symbol",
            "The document's own symbol as printed in its header, canonical; else the Council symbol its file is named by (S_2010_522.txt); null if none",
            rows.iter().map(|r| r.symbol.as_deref()),
        )
        .example("S/2004/331"),
        c::dict(
            "doc_type",
            "Kind of document: letter is a letter from the Secretary-General, letter_other one from anyone else",
            rows.iter().map(|r| Some(r.doc_type.as_str())),
            false,
        )
        .allowed(DocType::ALL.map(DocType::as_str))
        .example("letter"),
        c::date(
            "letter_date",
            "Date in the title (\"Letter dated ...\"); for reports and notes the issue date",
            rows.iter().map(|r| r.letter_date),
        )
        .example("2004-04-23"),
        c::date("issue_date", "Date printed under \"Distr.\" in the header", rows.iter().map(|r| r.issue_date))
            .example("2004-04-29"),
        c::date(
            "doc_date",
            "The one date of the document: letter_date, else issue_date",
            rows.iter().map(|r| r.letter_date.or(r.issue_date)),
        )
        .example("2004-04-23"),
        c::opt_string("title", "The title, line breaks joined", rows.iter().map(|r| r.title.as_deref())).example(
            "Letter dated 23 April 2004 from the Secretary-General addressed to the President of the Security Council",
        ),
        c::opt_string("sender", "Who the title says the letter is from", rows.iter().map(|r| r.sender.as_deref()))
            .example("the Secretary-General"),
        c::opt_string(
            "recipient",
            "Who the title says the letter is addressed to",
            rows.iter().map(|r| r.recipient.as_deref()),
        )
        .example("the President of the Security Council"),
        c::opt_string(
            "signatory",
            "Name after \"(Signed)\" as written, markup removed",
            rows.iter().map(|r| r.signatory.as_deref()),
        )
        .example("Kofi A. Annan"),
        c::list("subjects", "Subject keywords of the keyword layout header", rows.iter().map(|r| &r.subjects))
            .example(r#"["TAJIKISTAN", "UNMOT"]"#),
        c::list(
            "countries",
            "ISO 3166 alpha-3 codes of the countries named in the text, sorted",
            rows.iter().map(|r| &r.countries),
        )
        .example(r#"["ERI", "ETH"]"#),
    ]
}

/// The layout, the cleaned text and the links to other rows.
fn content_columns(rows: &[Letter]) -> Vec<Column> {
    vec![
        c::dict("layout", "Input layout", rows.iter().map(|r| Some(r.layout.as_str())), false)
            .allowed(Layout::ALL.map(Layout::as_str))
            .example("official"),
        c::u32("n_words", "Number of white-space separated words in text", rows.iter().map(|r| r.n_words))
            .example("412"),
        c::string(
            "text",
            "The cleaned body: page furniture removed, hyphenation repaired, one paragraph per line",
            rows.iter().map(|r| r.text.as_str()),
        )
        .example("I have the honour to refer to ..."),
        c::opt_string(
            "duplicate_of",
            "doc_id of the document this one repeats (same body), null if none; a duplicate has no rows in the other tables (they are the original's)",
            rows.iter().map(|r| r.duplicate_of.as_deref()),
        )
        .pattern(HEX16)
        .example("ca5b55bcc4ab7b46")
        .joins("documents.doc_id"),
        c::opt_string(
            "main_mission_id",
            "The mission the document is about, null if none",
            rows.iter().map(|r| r.main_mission.as_deref()),
        )
        .example("UNMOT")
        .joins("missions.mission_id"),
        c::dict(
            "main_mission_source",
            "How main_mission was found: from the title, the most mentioned mission, or the gazetteer's mission in the country at the date",
            rows.iter().map(|r| r.main_mission_source),
            true,
        )
        .allowed(["title", "mentions", "country_and_date"])
        .example("title"),
    ]
}

pub fn references(rows: &[ReferenceRow]) -> Result<RecordBatch, Error> {
    batch(
        &CITATIONS,
        vec![
            doc_id(rows.iter().map(|r| r.doc_id.as_str())),
            c::string("symbol", "Cited symbol in canonical form", rows.iter().map(|r| r.symbol.as_str()))
                .example("S/RES/1701(2006)"),
            c::dict(
                "kind",
                "What the symbol denotes (from its form)",
                rows.iter().map(|r| Some(r.kind.as_str())),
                false,
            )
            .allowed(RefKind::ALL.map(RefKind::as_str))
            .example("resolution"),
            c::string("surface", "The citation as written", rows.iter().map(|r| r.surface.as_str()))
                .example("resolution 1701 (2006)"),
            char_start(rows.iter().map(|r| r.char_start), "80"),
            char_end(rows.iter().map(|r| r.char_end), "90"),
        ],
    )
}

pub fn mission_mentions(rows: &[MentionRow]) -> Result<RecordBatch, Error> {
    batch(
        &MISSION_MENTIONS,
        vec![
            doc_id(rows.iter().map(|r| r.doc_id.as_str())),
            c::string(
                "mission_id",
                "Canonical mission identifier: the acronym the UN uses",
                rows.iter().map(|r| r.mission_id.as_str()),
            )
            .example("UNIFIL")
            .joins("missions.mission_id"),
            c::dict("field", "The letters column the offsets index", rows.iter().map(|r| Some(r.field)), false)
                .allowed(["text", "title"])
                .example("text"),
            c::string("surface", "The mention as written", rows.iter().map(|r| r.surface.as_str()))
                .example("United Nations Interim Force in Lebanon"),
            c::boolean(
                "in_gazetteer",
                "False when the mission is known only from an acronym the text defines",
                rows.iter().map(|r| Some(r.in_gazetteer)),
                false,
            )
            .example("true"),
            char_start(rows.iter().map(|r| r.char_start), "1024"),
            char_end(rows.iter().map(|r| r.char_end), "1063"),
        ],
    )
}

pub fn mandate_events(rows: &[EventRow]) -> Result<RecordBatch, Error> {
    let dates: Vec<_> = rows.iter().map(|r| r.date).collect();
    let untils: Vec<_> = rows.iter().map(|r| r.until).collect();
    batch(
        &MANDATE_EVENTS,
        vec![
            doc_id(rows.iter().map(|r| r.doc_id.as_str())),
            c::string("mission_id", "Mission the event is about", rows.iter().map(|r| r.mission_id.as_str()))
                .example("UNOPCA")
                .joins("missions.mission_id"),
            c::dict("event", "What happens to the mandate", rows.iter().map(|r| Some(r.event.as_str())), false)
                .allowed(EventKind::ALL.map(EventKind::as_str))
                .example("extended"),
            c::dict(
                "status",
                "done (happened), decided (will happen), requested (proposed or intended)",
                rows.iter().map(|r| Some(r.status.as_str())),
                false,
            )
            .allowed(EventStatus::ALL.map(EventStatus::as_str))
            .example("requested"),
        ]
        .into_iter()
        .chain(partial_dates("date", "Start (established) or end (terminated) as stated", &dates, "2002-03-01"))
        .chain(partial_dates("until", "New or current end of the mandate as stated", &untils, "2005-12"))
        .chain([
            c::opt_string(
                "resolution",
                "The resolution that acted (canonical symbol), when the sentence names it; null for a requested event and for a reference that cannot be read",
                rows.iter().map(|r| r.resolution.as_deref()),
            )
            .pattern(r"^S/RES/\d{1,4}\(\d{4}\)$")
            .example("S/RES/1244(1999)"),
            c::date("doc_date", "Date of the document the event was read from", rows.iter().map(|r| r.letter_date))
                .example("2004-04-23"),
            c::string("sentence", "The sentence the event was read from", rows.iter().map(|r| r.sentence.as_str()))
                .example("I propose to extend the mandate of UNOPCA until 31 December 2005."),
            char_start(rows.iter().map(|r| r.char_start), "2210"),
            char_end(rows.iter().map(|r| r.char_end), "2276"),
        ])
        .collect(),
    )
}

pub fn indicators(rows: &[IndicatorRow]) -> Result<RecordBatch, Error> {
    batch(
        &INDICATORS,
        vec![
            doc_id(rows.iter().map(|r| r.doc_id.as_str())),
            c::string(
                "indicator_id",
                "Stable identifier: doc_id and the mention's position",
                rows.iter().map(|r| r.indicator_id.as_str()),
            )
            .example("e322c7294c25159d-1187"),
            c::opt_string(
                "mission_id",
                "The mission the quantity is about (subject = mission), else null",
                rows.iter().map(|r| r.mission_id.as_deref()),
            )
            .example("UNMOT")
            .joins("missions.mission_id"),
            c::opt_string(
                "activity_id",
                "Activity whose sentence states the quantity, if any",
                rows.iter().map(|r| r.activity_id.as_deref()),
            )
            .example("e322c7294c25159d-a1120")
            .joins("activities.activity_id"),
            c::f64(
                "value",
                "The quantity, scaled (1.5 million is 1500000); lower bound of a range",
                rows.iter().map(|r| Some(r.value)),
                false,
            )
            .example("1300"),
            c::f64("value_high", "Upper bound of a range, else null", rows.iter().map(|r| r.value_high), true)
                .example("400"),
            c::dict(
                "qualifier",
                "How the text hedges the value",
                rows.iter().map(|r| Some(r.qualifier.as_str())),
                false,
            )
            .allowed(Qualifier::ALL.map(Qualifier::as_str))
            .example("at_least"),
            c::dict(
                "unit",
                "The canonical unit (data/reference/unit_vocabulary.csv): the vocabulary's unit the counted noun is, a synonym or a kind of (persons, individuals, Kenyans -> person; motorcycles -> vehicle; speedboats -> vessel, by WordNet's hypernyms), else the widest unit of its WordNet class (person, item, document, organisation, place, incident, activity), else the noun itself; measures, ISO 4217 currency codes and percent; null when the counted word is no known noun. The noun as written is unit_surface",
                rows.iter().map(|r| Some(r.unit.as_str()).filter(|u| !u.is_empty())),
                true,
            )
            .example("official"),
            c::dict(
                "unit_surface",
                "The counted noun as the text has it (the head of the noun phrase), in singular lower case (GUIDELINES §4)",
                rows.iter().map(|r| Some(r.unit_surface.as_str())),
                false,
            )
            .example("schoolteacher"),
            c::dict(
                "category",
                "What the unit counts (data/reference/units.csv)",
                rows.iter().map(|r| Some(r.category.as_str())),
                false,
            )
            .allowed(CATEGORIES)
            .example("people"),
            c::dict(
                "subject",
                "Who the quantity is about: mission (its personnel or its work; mission_id says which), national_authorities, armed_group, population, other_organisation or unknown",
                rows.iter().map(|r| Some(r.subject.as_str())),
                false,
            )
            .allowed(Subject::ALL.map(Subject::as_str))
            .example("mission"),
            c::string("surface", "The mention as written", rows.iter().map(|r| r.surface.as_str()))
                .example("over 1,300 officials"),
            c::string("sentence", "The sentence that states the quantity", rows.iter().map(|r| r.sentence.as_str()))
                .example("UNTOP trained over 1,300 officials in 2003."),
            char_start(rows.iter().map(|r| r.char_start), "1187"),
            char_end(rows.iter().map(|r| r.char_end), "1207"),
        ],
    )
}

pub fn activities(rows: &[ActivityRow]) -> Result<RecordBatch, Error> {
    let start: Vec<_> = rows.iter().map(|r| r.period_start).collect();
    let end: Vec<_> = rows.iter().map(|r| r.period_end).collect();
    batch(
        &ACTIVITIES,
        vec![
            doc_id(rows.iter().map(|r| r.doc_id.as_str())),
            c::string(
                "activity_id",
                "Stable identifier: doc_id, 'a' and the sentence's char_start",
                rows.iter().map(|r| r.activity_id.as_str()),
            )
            .example("e322c7294c25159d-a1120"),
            c::opt_string(
                "mission_id",
                "Mission whose activity the sentence reports",
                rows.iter().map(|r| r.mission_id.as_deref()),
            )
            .example("UNMEE")
            .joins("missions.mission_id"),
            c::opt_string(
                "paragraph",
                "Number printed before the paragraph, in reports; null if none",
                rows.iter().map(|r| r.paragraph.as_deref()),
            )
            .example("23"),
            c::list(
                "categories",
                "PACT activity category of the act (one; empty when none fits), read from its sentence in its context by data/models/activities.tsv (data/reference/PACT_CODEBOOK.md says how)",
                rows.iter().map(|r| &r.categories),
            )
            .example(r#"["Demilitarization", "Operations_PatrolsInterventions"]"#),
            c::dict(
                "mode",
                "PACT mode of engagement the sentence's verb speaks of",
                rows.iter().map(|r| r.mode.as_deref()),
                true,
            )
            .allowed(missive_model::PACT_MODES)
            .example("Monitor"),
            c::string("sentence", "The sentence that states the activity", rows.iter().map(|r| r.sentence.as_str()))
                .example("UNMEE continued to monitor the Temporary Security Zone."),
        ]
        .into_iter()
        .chain(partial_dates(
            "period_start",
            "Start of the period of the activity: the earliest date in the sentence, else the report's period",
            &start,
            "2003-03",
        ))
        .chain(partial_dates(
            "period_end",
            "End of the period of the activity: the latest date in the sentence, else the report's period",
            &end,
            "2003-07",
        ))
        .chain([
            c::list("location", "Place names in the sentence", rows.iter().map(|r| &r.location))
                .example(r#"["Zalambessa", "Assab"]"#),
            char_start(rows.iter().map(|r| r.char_start), "1120"),
            char_end(rows.iter().map(|r| r.char_end), "1176"),
        ])
        .collect(),
    )
}

pub fn missions(rows: &[MissionRow]) -> Result<RecordBatch, Error> {
    let start: Vec<_> = rows.iter().map(|r| r.start).collect();
    let end: Vec<_> = rows.iter().map(|r| r.end).collect();
    let until: Vec<_> = rows.iter().map(|r| r.current_mandate_until).collect();
    batch(
        &MISSIONS,
        vec![
            c::string(
                "mission_id",
                "Canonical mission identifier: the acronym the UN (or the regional organisation) uses",
                rows.iter().map(|r| r.mission_id.as_str()),
            )
            .example("UNMOT"),
            c::opt_string("name", "Official name, from the gazetteer", rows.iter().map(|r| r.name.as_deref()))
                .example("United Nations Mission of Observers in Tajikistan"),
            c::dict(
                "kind",
                "Kind of operation, from the gazetteer: peacekeeping, special_political_mission, observer_mission, regional_operation, multinational_force, ...",
                rows.iter().map(|r| r.kind.as_deref()),
                true,
            )
            .example("peacekeeping"),
            c::boolean("is_un", "Whether the United Nations runs the mission", rows.iter().map(|r| r.is_un), true)
                .example("true"),
            c::list("countries", "ISO 3166 alpha-3 codes of the host countries", rows.iter().map(|r| &r.countries))
                .example(r#"["TJK"]"#),
            c::list("aliases", "Surface forms seen in the corpus, sorted", rows.iter().map(|r| &r.aliases))
                .example(r#"["UNMOT", "United Nations Mission of Observers in Tajikistan"]"#),
            c::u32("n_docs", "Number of accepted documents that mention the mission (0 for a mission a document is about without naming it)", rows.iter().map(|r| r.n_docs))
                .example("12"),
            c::u32("n_mentions", "Number of mentions in the corpus", rows.iter().map(|r| r.n_mentions)).example("57"),
            c::date(
                "first_seen",
                "Earliest letter_date of a document that mentions it",
                rows.iter().map(|r| r.first_seen),
            )
            .example("2000-01-06"),
            c::date("last_seen", "Latest letter_date of a document that mentions it", rows.iter().map(|r| r.last_seen))
                .example("2000-05-26"),
            c::partial_start(
                "start_date",
                "Start of the mission: the official record's (data/reference/missions.csv), else the earliest establishment the corpus states as done; the first day of what is known (see start_precision)",
                &start,
            )
            .example("1994-12-01"),
            c::dict(
                "start_precision",
                "How much of start_date is known: day, month or year",
                start.iter().map(precision),
                true,
            )
            .allowed(["day", "month", "year"])
            .example("month"),
            c::partial_start(
                "end_date",
                "End of the mission: the official record's closure, else a termination the corpus states as done; null while the mission operates (first day of what is known, see end_precision)",
                &end,
            )
            .example("2000-05-01"),
            c::dict("end_precision", "How much of end_date is known: day, month or year", end.iter().map(precision), true)
                .allowed(["day", "month", "year"])
                .example("month"),
            c::opt_string(
                "established_by",
                "Symbol of the instrument that set the mission up, from the official record",
                rows.iter().map(|r| r.established_by.as_deref()),
            )
            .example("S/RES/968(1994)"),
        ]
        .into_iter()
        .chain(partial_dates(
            "current_mandate_until",
            "Latest end of mandate the corpus states as decided or done",
            &until,
            "2000-05-15",
        ))
        .chain([
            c::opt_string(
                "predecessor_mission_id",
                "mission_id of the predecessor, from the gazetteer (it may not be in this table)",
                rows.iter().map(|r| r.predecessor.as_deref()),
            )
            .example("UNAMSIL"),
            c::boolean(
                "in_gazetteer",
                "Whether data/reference/missions.csv knows the mission",
                rows.iter().map(|r| Some(r.in_gazetteer)),
                false,
            )
            .example("true"),
        ])
        .collect(),
    )
}

pub fn mission_timeline(rows: &[TimelineRow]) -> Result<RecordBatch, Error> {
    let start: Vec<_> = rows.iter().map(|r| r.period_start).collect();
    let end: Vec<_> = rows.iter().map(|r| r.period_end).collect();
    batch(
        &MISSION_TIMELINE,
        vec![
            c::string("mission_id", "Mission", rows.iter().map(|r| r.mission_id.as_str()))
                .example("UNIFIL")
                .joins("missions.mission_id"),
            c::u32("period", "Order of the period within the mission, from 1", rows.iter().map(|r| r.period))
                .example("1"),
        ]
        .into_iter()
        .chain(partial_dates("period_start", "Start of the mandate period as stated", &start, "2004-08-31"))
        .chain(partial_dates("period_end", "End of the mandate period as stated", &end, "2005-08-31"))
        .chain([
            c::dict(
                "event",
                "The event that set the period's end: established (an initial period, or a start with no end known), extended, expires or terminated",
                rows.iter().map(|r| Some(r.event.as_str())),
                false,
            )
            .allowed(EventKind::ALL.map(EventKind::as_str))
            .example("extended"),
            c::dict(
                "status",
                "done or decided (the periods the Council decided, in order, never overlapping), or requested (a proposed extension, in a row of its own)",
                rows.iter().map(|r| Some(r.status.as_str())),
                false,
            )
            .allowed(EventStatus::ALL.map(EventStatus::as_str))
            .example("done"),
            c::opt_string(
                "resolution",
                "The resolution that decided the period, when a sentence names it",
                rows.iter().map(|r| r.resolution.as_deref()),
            )
            .pattern(r"^S/RES/\d{1,4}\(\d{4}\)$")
            .example("S/RES/1308(2000)"),
            c::list("doc_ids", "The documents that state the period, sorted", rows.iter().map(|r| &r.doc_ids))
                .example(r#"["4f0c2a1d9e8b7c65"]"#),
        ])
        .collect(),
    )
}

pub fn rejects(rows: &[Reject]) -> Result<RecordBatch, Error> {
    batch(
        &REJECTS,
        vec![
            c::string(
                "source_path",
                "Path of the input file relative to the corpus root",
                rows.iter().map(|r| r.source_path.as_str()),
            )
            .example("real/other/S_2001_1012_ru.txt"),
            c::dict(
                "reason",
                "Why the file is not a letter (internal_error: a bug in missive, reported with the file)",
                rows.iter().map(|r| Some(r.reason.as_str())),
                false,
            )
            .allowed(RejectReason::ALL.map(RejectReason::as_str))
            .example("non_english"),
            c::string("detail", "What was found, in words", rows.iter().map(|r| r.detail.as_str()))
                .example("mostly Cyrillic text"),
            c::i64("bytes", "Size of the input file in bytes", rows.iter().map(|r| r.bytes as i64)).example("31744"),
        ],
    )
}

/// Every table of `t` as a record batch, in [`TABLES`] order.
pub fn batches(t: &Tables) -> Result<Vec<(&'static str, RecordBatch)>, Error> {
    TABLES.iter().map(|info| Ok((info.name, (info.build)(t)?))).collect()
}
