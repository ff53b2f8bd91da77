//! Domain types shared by every stage of missive.
//!
//! This crate knows nothing of files, Arrow, Parquet, polars or threads: it
//! is the vocabulary the stages speak. Offsets inside a document are byte
//! offsets into [`Letter::text`] while the stages run; the pipeline converts
//! them to Unicode code-point offsets (see [`CharIndex`]) when it builds the
//! output rows, so analysts can slice `text[char_start:char_end]` in Python.

use std::fmt;

pub use chrono::NaiveDate;

mod chars;
mod date;
mod deadline;
pub mod number_words;
pub mod pattern;
pub mod rows;
pub mod spans;

pub use chars::{CharIndex, FOLDS_TO_ASCII, LOWERS_TO_ASCII, ceil_boundary, floor_boundary};
pub use date::{MONTH_NAMES, PartialDate, epoch_days, from_epoch_days};
pub use deadline::{Deadline, TimedOut};

/// Version of the table contract. Bump on any column change.
pub const SCHEMA_VERSION: &str = "2.2.0";

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// One input file as read from the corpus.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the corpus root, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// An enum whose variants are written as fixed strings in the tables,
/// declared once: the variants with their strings, and from them `ALL`
/// (every variant, in order) and `as_str`.
macro_rules! string_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $s:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: [$name; [$($s),+].len()] = [$($name::$variant),+];

            /// The variant as written in the tables.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $s,)+
                }
            }
        }
    };
}

string_enum! {
    /// How the document was laid out on input.
    pub enum Layout {
        /// `%%%K1|K2|` subject keywords then the body on one line.
        Keyword = "keyword",
        /// The official layout: symbol, "Distr.: General", title, body, "(Signed)".
        Official = "official",
        /// The older upper-case layout: "Distr. GENERAL", "LETTER DATED ...".
        OldUpper = "old_upper",
        /// Anything else that reads as an English UN document.
        Plain = "plain",
    }
}

string_enum! {
    /// What kind of document this is (GUIDELINES §1).
    pub enum DocType {
        /// A letter from the Secretary-General.
        Letter = "letter",
        /// A letter from anyone else.
        LetterOther = "letter_other",
        Report = "report",
        Note = "note",
        Resolution = "resolution",
        Other = "other",
    }
}

string_enum! {
    /// Why a file did not become a letter.
    pub enum RejectReason {
        Empty = "empty",
        Binary = "binary",
        Undecodable = "undecodable",
        NonEnglish = "non_english",
        NotUnDocument = "not_un_document",
        TooLarge = "too_large",
        Unreadable = "unreadable",
        TimeLimit = "time_limit",
        /// A bug in missive: the document made a stage panic.
        Internal = "internal_error",
        /// A PDF that cannot be parsed (truncated, corrupted, not a PDF).
        PdfDamaged = "pdf_damaged",
        /// A PDF that needs a password or forbids copying its text.
        PdfEncrypted = "pdf_encrypted",
        /// A PDF without a text layer (scanned images only).
        PdfNoText = "pdf_no_text",
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A file that could not be read as a UN document. Data, never an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    pub source_path: String,
    pub reason: RejectReason,
    pub detail: String,
    pub bytes: u64,
}

/// A document after extraction: decoded, laid out, split into parts.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub source_path: String,
    pub sha256: String,
    pub doc_id: String,
    pub bytes: u64,
    /// Name of the encoding the bytes were decoded from (`UTF-8`, `windows-1252`, ...).
    pub encoding: &'static str,
    pub layout: Layout,
    /// The document's own symbol, as printed in its header.
    pub symbol: Option<String>,
    /// The issue date printed under "Distr.", as printed.
    pub issue_date_raw: Option<String>,
    /// The title, with line breaks joined.
    pub title: Option<String>,
    /// Subject keywords of the keyword layout.
    pub subjects: Vec<String>,
    /// The body as printed, page furniture still in it.
    pub body: String,
    /// The name after "(Signed)", as printed.
    pub signatory_raw: Option<String>,
}

/// A numbered or unnumbered paragraph of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// The number printed before the paragraph in a report (`12`), if any.
    pub number: Option<String>,
}

/// A calendar date found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub date: PartialDate,
    /// Resolved relative to the letter's date ("last May").
    pub relative: bool,
}

/// A number found in the text, parsed (digits, words, scale, currency).
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    pub span: Span,
    pub value: f64,
    pub value_high: Option<f64>,
    /// ISO 4217 code when the number is an amount of money.
    pub currency: Option<String>,
    pub percent: bool,
    /// Written in words (`eleven`) rather than digits.
    pub words: bool,
}

/// A UN document symbol cited in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolMention {
    pub span: Span,
    /// Canonical form (GUIDELINES §1): `S/2000/214`, `S/RES/1701(2006)`.
    pub symbol: String,
    pub kind: RefKind,
}

string_enum! {
    /// What a cited symbol denotes.
    pub enum RefKind {
        Resolution = "resolution",
        PresidentialStatement = "presidential_statement",
        GaResolution = "ga_resolution",
        Report = "report",
        Letter = "letter",
        Note = "note",
        Meeting = "meeting",
        Document = "document",
    }
}

/// A country named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryMention {
    pub span: Span,
    pub iso3: String,
}

/// Letter metadata and the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    pub doc_id: String,
    pub source_path: String,
    pub sha256: String,
    pub bytes: u64,
    pub encoding: String,
    pub symbol: Option<String>,
    pub doc_type: DocType,
    pub letter_date: Option<NaiveDate>,
    pub issue_date: Option<NaiveDate>,
    pub title: Option<String>,
    pub sender: Option<String>,
    pub recipient: Option<String>,
    pub signatory: Option<String>,
    pub subjects: Vec<String>,
    pub countries: Vec<String>,
    pub layout: Layout,
    pub n_words: u32,
    pub text: String,
    pub duplicate_of: Option<String>,
    /// Set by the enrich stage: see [`Enrichment::main_mission`].
    pub main_mission: Option<String>,
    pub main_mission_source: Option<&'static str>,
}

/// A document after normalisation: metadata, cleaned text and the
/// annotations that later stages build on.
#[derive(Debug, Clone)]
pub struct Document {
    pub letter: Letter,
    pub sentences: Vec<Span>,
    pub paragraphs: Vec<Paragraph>,
    pub dates: Vec<DateMention>,
    pub numbers: Vec<NumberMention>,
    pub symbols: Vec<SymbolMention>,
    pub country_mentions: Vec<CountryMention>,
}

/// A mission named in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissionMention {
    pub mission_id: String,
    pub surface: String,
    pub span: Span,
    /// False when the mission was found through an acronym the text defines
    /// and the gazetteer does not know it.
    pub in_gazetteer: bool,
}

string_enum! {
    pub enum EventKind {
        Established = "established",
        Extended = "extended",
        Expires = "expires",
        Terminated = "terminated",
    }
}

string_enum! {
    pub enum EventStatus {
        Done = "done",
        Decided = "decided",
        Requested = "requested",
    }
}

impl EventStatus {
    /// How firm the status is, firmest first: done 0, decided 1,
    /// requested 2.
    pub fn rank(self) -> i32 {
        match self {
            EventStatus::Done => 0,
            EventStatus::Decided => 1,
            EventStatus::Requested => 2,
        }
    }
}

string_enum! {
    /// Who or what a quantity is about.
    pub enum Subject {
        /// A mission, its personnel or its work (`mission_id` says which).
        Mission = "mission",
        /// A state's government, armed forces, police, courts or administration.
        NationalAuthorities = "national_authorities",
        /// A non-state armed group, militia, gang or rebel movement.
        ArmedGroup = "armed_group",
        /// People: civilians, refugees, displaced persons, victims, voters.
        Population = "population",
        /// Another organisation: a UN agency, fund or programme, a regional or
        /// non-governmental organisation, donors.
        OtherOrganisation = "other_organisation",
        Unknown = "unknown",
    }
}

/// A dated change in a mission's life (GUIDELINES §3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MandateEvent {
    pub mission_id: String,
    pub event: EventKind,
    pub status: EventStatus,
    pub date: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// The resolution that acted, as a canonical symbol (`S/RES/1244(1999)`),
    /// when the sentence names it; never for a requested event.
    pub resolution: Option<String>,
    /// The sentence the event was read from.
    pub sentence: Span,
}

string_enum! {
    pub enum Qualifier {
        Exact = "exact",
        Approx = "approx",
        AtLeast = "at_least",
        AtMost = "at_most",
    }
}

/// A quantity the text states about the world (GUIDELINES §4).
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub value: f64,
    pub value_high: Option<f64>,
    pub qualifier: Qualifier,
    /// The canonical unit (`data/reference/unit_vocabulary.csv`).
    pub unit: String,
    /// The counted noun as the text has it, in the singular (GUIDELINES §4).
    pub unit_surface: String,
    pub category: String,
    /// Who the quantity is about; `mission_id` is set only for `Mission`.
    pub subject: Subject,
    pub mission_id: Option<String>,
    /// The words of the mention, hedge and unit included.
    pub span: Span,
    pub sentence: Span,
}

/// The PACT modes of engagement (data/reference/PACT_CODEBOOK.md), the
/// values of an activity's `mode`.
pub const PACT_MODES: [&str; 6] =
    ["Monitor", "Assist", "Implement", "MaterialSupport", "ProvideSecurity", "InternationalActor"];

/// Something a mission did, does or will do, as a sentence says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub sentence: Span,
    /// The printed number of the paragraph, in reports.
    pub paragraph: Option<String>,
    pub mission_id: Option<String>,
    /// PACT categories of the activity's paragraph.
    pub categories: Vec<String>,
    /// PACT mode of engagement: Monitor, Assist, Implement, MaterialSupport,
    /// ProvideSecurity, InternationalActor.
    pub mode: Option<String>,
    pub period_start: Option<PartialDate>,
    pub period_end: Option<PartialDate>,
    /// Place names in the sentence.
    pub location: Vec<String>,
}

/// Everything the enrich stage found in one document.
#[derive(Debug, Clone, Default)]
pub struct Enrichment {
    pub mentions: Vec<MissionMention>,
    /// Missions named in the title; spans index [`Letter::title`].
    pub title_mentions: Vec<MissionMention>,
    /// The mission the document is about: named in the title, else the most
    /// mentioned, else the UN mission the gazetteer places in the country
    /// the document speaks of most at its date.
    pub main_mission: Option<MainMission>,
    pub events: Vec<MandateEvent>,
    pub indicators: Vec<Indicator>,
    pub activities: Vec<Activity>,
}

/// The mission a document is about, and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MainMission {
    pub mission_id: String,
    /// `title`, `mentions` or `country_and_date`.
    pub source: &'static str,
}

/// A mission as the gazetteer describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MissionInfo {
    pub mission_id: String,
    pub name: String,
    pub kind: String,
    pub is_un: bool,
    pub countries: Vec<String>,
    pub start_date: Option<PartialDate>,
    pub end_date: Option<PartialDate>,
    pub predecessor: Option<String>,
    /// The founding instrument's symbol (`S/RES/1244(1999)`), when the record has one.
    pub established_by: Option<String>,
}
