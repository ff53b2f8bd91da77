//! Output folders read back document by document, so that the outputs of
//! sharded runs (`missive run --shard K/N`) can be merged into exactly what
//! one run over the whole corpus writes.
//!
//! A run writes the letters in source-path order and, for each letter, its
//! rows of the per-document tables ([`per_doc_tables`]) in a run of consecutive
//! rows. [`ShardReader`] walks the tables of one folder in step, one
//! document at a time, holding one record batch per table; the rows are
//! handed to [`TableWriter::append_doc`] unchanged (Arrow arrays, no round
//! trip through the domain types), except `letters.duplicate_of`, which the
//! merge recomputes.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, RecordBatch, StringArray};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Date32Type, Int64Type, UInt32Type};
use chrono::NaiveDate;
use missive_model::rows::{EventRow, MentionRow};
use missive_model::{EventKind, EventStatus, PartialDate, Reject, RejectReason};
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};

use crate::{DOCUMENTS, Error, MANDATE_EVENTS, MISSION_MENTIONS, REJECTS, Result, TABLES, TableWriter, file_name};

/// The tables with rows per document ([`TableInfo::per_doc`]), each ordered
/// like `documents`.
pub fn per_doc_tables() -> impl Iterator<Item = &'static str> {
    TABLES.iter().filter(|t| t.per_doc).map(|t| t.name)
}

fn bad(path: &Path, what: impl Into<String>) -> Error {
    Error::Invalid { path: path.to_owned(), message: what.into() }
}

/// A table read row by row, a record batch at a time.
struct Cursor {
    path: PathBuf,
    reader: ParquetRecordBatchReader,
    batch: Option<RecordBatch>,
    row: usize,
}

impl Cursor {
    fn open(dir: &Path, table: &str) -> Result<Self> {
        let path = dir.join(file_name(table));
        let file = File::open(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)?.build()?;
        Ok(Self { path, reader, batch: None, row: 0 })
    }

    /// Makes `batch` hold the next unread row; false at the end of the table.
    fn ready(&mut self) -> Result<bool> {
        loop {
            if self.batch.as_ref().is_some_and(|b| self.row < b.num_rows()) {
                return Ok(true);
            }
            match self.reader.next() {
                Some(b) => {
                    self.batch = Some(b?);
                    self.row = 0;
                }
                None => {
                    self.batch = None;
                    return Ok(false);
                }
            }
        }
    }

    /// The rows from the current one on whose `doc_id` is `doc_id`, at
    /// most `limit`.
    fn take_doc(&mut self, doc_id: &str) -> Result<Vec<RecordBatch>> {
        let mut out = Vec::new();
        while self.ready()? {
            let b = self.batch.as_ref().expect("ready");
            let ids = strings(&self.path, b, "doc_id")?;
            let start = self.row;
            let mut end = start;
            while end < b.num_rows() && ids.value(end) == doc_id {
                end += 1;
            }
            if end > start {
                out.push(b.slice(start, end - start));
            }
            self.row = end;
            if end < b.num_rows() {
                break;
            }
        }
        Ok(out)
    }
}

/// A column as plain strings (dictionary columns decoded).
fn strings(path: &Path, b: &RecordBatch, col: &str) -> Result<StringArray> {
    let a = b.column_by_name(col).ok_or_else(|| Error::NoColumn { path: path.to_owned(), column: col.to_owned() })?;
    let a = cast(a, &DataType::Utf8)?;
    Ok(a.as_string::<i32>().clone())
}

fn column<'a>(path: &Path, b: &'a RecordBatch, col: &str) -> Result<&'a ArrayRef> {
    b.column_by_name(col).ok_or_else(|| Error::NoColumn { path: path.to_owned(), column: col.to_owned() })
}

use missive_model::from_epoch_days as date_of;

fn dates(path: &Path, b: &RecordBatch, col: &str) -> Result<Vec<Option<NaiveDate>>> {
    let a = column(path, b, col)?;
    let a = a.as_primitive_opt::<Date32Type>().ok_or_else(|| bad(path, format!("{col} is not a date")))?;
    Ok(a.iter().map(|d| d.and_then(date_of)).collect())
}

fn u32s(path: &Path, b: &RecordBatch, col: &str) -> Result<Vec<u32>> {
    let a = column(path, b, col)?;
    let a = a.as_primitive_opt::<UInt32Type>().ok_or_else(|| bad(path, format!("{col} is not u32")))?;
    Ok(a.values().to_vec())
}

/// A column of sizes (`bytes`, signed 64-bit in the table), as `u64`.
fn i64s(path: &Path, b: &RecordBatch, col: &str) -> Result<Vec<u64>> {
    let a = column(path, b, col)?;
    let a = a.as_primitive_opt::<Int64Type>().ok_or_else(|| bad(path, format!("{col} is not i64")))?;
    a.values().iter().map(|&v| u64::try_from(v).map_err(|_| bad(path, format!("{col}: negative size {v}")))).collect()
}

fn opt(a: &StringArray, i: usize) -> Option<&str> {
    (!a.is_null(i)).then(|| a.value(i))
}

fn partial(path: &Path, s: Option<&str>) -> Result<Option<PartialDate>> {
    s.map(|s| PartialDate::parse(s).ok_or_else(|| bad(path, format!("bad partial date {s:?}")))).transpose()
}

/// One document of a shard: what the merge needs to know, and its rows.
pub struct ShardDoc {
    pub source_path: String,
    pub doc_id: String,
    pub bytes: u64,
    pub letter_date: Option<NaiveDate>,
    /// `documents.main_mission_id`.
    pub main_mission: Option<String>,
    /// `documents.text`, for the duplicate fingerprint.
    pub text: String,
    /// Its mission mentions, read back.
    pub mentions: Vec<MentionRow>,
    /// Its mandate events, read back (`sentence` left empty).
    pub events: Vec<EventRow>,
    letter: RecordBatch,
    rows: Vec<(&'static str, Vec<RecordBatch>)>,
}

/// An output folder read back one document at a time, in row order.
pub struct ShardReader {
    letters: Cursor,
    per_doc: Vec<(&'static str, Cursor)>,
}

impl ShardReader {
    pub fn open(dir: &Path) -> Result<Self> {
        let letters = Cursor::open(dir, DOCUMENTS.name)?;
        let per_doc = per_doc_tables().map(|t| Ok((t, Cursor::open(dir, t)?))).collect::<Result<_>>()?;
        Ok(Self { letters, per_doc })
    }

    /// The source path of the next document, if any.
    pub fn peek(&mut self) -> Result<Option<String>> {
        if !self.letters.ready()? {
            return Ok(None);
        }
        let b = self.letters.batch.as_ref().expect("ready");
        let paths = strings(&self.letters.path, b, "source_path")?;
        Ok(Some(paths.value(self.letters.row).to_owned()))
    }

    /// The next document with its rows of every per-document table.
    pub fn next_doc(&mut self) -> Result<Option<ShardDoc>> {
        if !self.letters.ready()? {
            return Ok(None);
        }
        let path = self.letters.path.clone();
        let letter = self.letters.batch.as_ref().expect("ready").slice(self.letters.row, 1);
        self.letters.row += 1;
        let doc_id = strings(&path, &letter, "doc_id")?.value(0).to_owned();
        let mut doc = ShardDoc {
            source_path: strings(&path, &letter, "source_path")?.value(0).to_owned(),
            bytes: i64s(&path, &letter, "bytes")?[0],
            letter_date: dates(&path, &letter, "letter_date")?[0],
            main_mission: opt(&strings(&path, &letter, "main_mission_id")?, 0).map(str::to_owned),
            text: strings(&path, &letter, "text")?.value(0).to_owned(),
            mentions: Vec::new(),
            events: Vec::new(),
            letter,
            rows: Vec::new(),
            doc_id,
        };
        // A duplicate has no rows of its own (identical copies share a
        // doc_id: only the first, the original, has rows).
        let duplicate = opt(&strings(&path, &doc.letter, "duplicate_of")?, 0).is_some();
        for (table, cursor) in self.per_doc.iter_mut() {
            let rows = if duplicate { Vec::new() } else { cursor.take_doc(&doc.doc_id)? };
            for b in &rows {
                if *table == MISSION_MENTIONS.name {
                    doc.mentions.extend(mentions(&cursor.path, b)?);
                } else if *table == MANDATE_EVENTS.name {
                    doc.events.extend(events(&cursor.path, b)?);
                }
            }
            doc.rows.push((table, rows));
        }
        Ok(Some(doc))
    }

    /// Fails unless every per-document row was taken by a letter.
    pub fn finish(mut self) -> Result<()> {
        for (table, cursor) in &mut self.per_doc {
            if cursor.ready()? {
                return Err(bad(&cursor.path, format!("{table} has rows of a document that is not in letters")));
            }
        }
        Ok(())
    }
}

fn mentions(path: &Path, b: &RecordBatch) -> Result<Vec<MentionRow>> {
    let (doc, mission, field, surface) = (
        strings(path, b, "doc_id")?,
        strings(path, b, "mission_id")?,
        strings(path, b, "field")?,
        strings(path, b, "surface")?,
    );
    let gaz = column(path, b, "in_gazetteer")?
        .as_boolean_opt()
        .ok_or_else(|| bad(path, "in_gazetteer is not a boolean"))?
        .clone();
    let (start, end) = (u32s(path, b, "char_start")?, u32s(path, b, "char_end")?);
    (0..b.num_rows())
        .map(|i| {
            Ok(MentionRow {
                doc_id: doc.value(i).to_owned(),
                mission_id: mission.value(i).to_owned(),
                field: match field.value(i) {
                    "title" => "title",
                    "text" => "text",
                    other => return Err(bad(path, format!("unknown field {other:?}"))),
                },
                surface: surface.value(i).to_owned(),
                in_gazetteer: gaz.value(i),
                char_start: start[i],
                char_end: end[i],
            })
        })
        .collect()
}

fn events(path: &Path, b: &RecordBatch) -> Result<Vec<EventRow>> {
    let (doc, mission, event, status, date, until) = (
        strings(path, b, "doc_id")?,
        strings(path, b, "mission_id")?,
        strings(path, b, "event")?,
        strings(path, b, "status")?,
        strings(path, b, "date")?,
        strings(path, b, "until")?,
    );
    let resolution = strings(path, b, "resolution")?;
    let letter_date = dates(path, b, "doc_date")?;
    let (start, end) = (u32s(path, b, "char_start")?, u32s(path, b, "char_end")?);
    (0..b.num_rows())
        .map(|i| {
            let kind = EventKind::ALL.into_iter().find(|k| k.as_str() == event.value(i));
            let st = EventStatus::ALL.into_iter().find(|k| k.as_str() == status.value(i));
            Ok(EventRow {
                doc_id: doc.value(i).to_owned(),
                mission_id: mission.value(i).to_owned(),
                event: kind.ok_or_else(|| bad(path, format!("unknown event {:?}", event.value(i))))?,
                status: st.ok_or_else(|| bad(path, format!("unknown status {:?}", status.value(i))))?,
                date: partial(path, opt(&date, i))?,
                until: partial(path, opt(&until, i))?,
                resolution: opt(&resolution, i).map(str::to_owned),
                letter_date: letter_date[i],
                sentence: String::new(),
                char_start: start[i],
                char_end: end[i],
            })
        })
        .collect()
}

/// Every row of an output folder's `rejects` table.
pub fn read_rejects(dir: &Path) -> Result<Vec<Reject>> {
    let mut cursor = Cursor::open(dir, REJECTS.name)?;
    let mut out = Vec::new();
    while cursor.ready()? {
        let b = cursor.batch.take().expect("ready");
        let path = &cursor.path;
        let (source, reason, detail) =
            (strings(path, &b, "source_path")?, strings(path, &b, "reason")?, strings(path, &b, "detail")?);
        let bytes = i64s(path, &b, "bytes")?;
        for (i, &bytes) in bytes.iter().enumerate() {
            let r = RejectReason::ALL.into_iter().find(|r| r.as_str() == reason.value(i));
            out.push(Reject {
                source_path: source.value(i).to_owned(),
                reason: r.ok_or_else(|| bad(path, format!("unknown reason {:?}", reason.value(i))))?,
                detail: detail.value(i).to_owned(),
                bytes,
            });
        }
    }
    Ok(out)
}

impl TableWriter {
    /// Appends a document read from a shard, with `duplicate_of` set anew.
    pub fn append_doc(&mut self, doc: ShardDoc, duplicate_of: Option<&str>) -> Result<()> {
        let schema = doc.letter.schema();
        let at = schema.index_of("duplicate_of")?;
        let mut columns = doc.letter.columns().to_vec();
        columns[at] = Arc::new(StringArray::from(vec![duplicate_of]));
        self.push(DOCUMENTS.name, RecordBatch::try_new(schema, columns)?)?;
        // A duplicate is a row of `documents` only (as a run writes it).
        if duplicate_of.is_some() {
            return Ok(());
        }
        for (table, batches) in doc.rows {
            for b in batches {
                self.push(table, b)?;
            }
        }
        Ok(())
    }
}
