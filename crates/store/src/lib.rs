//! Storage: the only crate that knows Arrow schemas and Parquet.
//!
//! [`tables`] holds the table contract (columns, types, descriptions);
//! [`TableWriter`] appends rows as Parquet row groups; the readers turn a
//! written table back into plain values for `missive eval` and `inspect`.

pub mod codebook;
mod columns;
pub mod shards;
pub mod tables;

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::compute::concat_batches;
use arrow::datatypes::SchemaRef;
use arrow::util::display::{ArrayFormatter, FormatOptions};
use missive_model::rows::Tables;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

pub use tables::{
    ACTIVITIES, CITATIONS, DOCUMENTS, INDICATORS, MANDATE_EVENTS, MISSION_MENTIONS, MISSION_TIMELINE, MISSIONS,
    REJECTS, TABLES, TableInfo,
};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("arrow")]
    Arrow(#[from] arrow::error::ArrowError),
    #[error("parquet")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("{path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("{path}: no column {column}")]
    NoColumn { path: PathBuf, column: String },
}

pub type Result<T> = std::result::Result<T, Error>;

/// File name of a table inside an output folder.
pub fn file_name(table: &str) -> String {
    format!("{table}.parquet")
}

fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).expect("valid level")))
        .set_created_by(format!("missive {}", env!("CARGO_PKG_VERSION")))
        .build()
}

/// Rows per Parquet row group of a table. Row groups are cut by row count
/// (or earlier, before a row that would take a column's strings past
/// [`MAX_GROUP_BYTES`]), decided row by row and not by how the rows were
/// handed over, so a table's bytes depend only on its rows: the same
/// whatever the batch size, thread count or shards.
pub fn row_group_rows(table: &str) -> usize {
    TABLES.iter().find(|t| t.name == table).map_or(8192, |t| t.row_group_rows)
}

/// Per row, an upper bound of the bytes it puts in any one string column.
fn batch_row_bytes(batch: &RecordBatch) -> Vec<usize> {
    let mut sizes = vec![SMALL; batch.num_rows()];
    for col in batch.columns() {
        if let Some(a) = col.as_string_opt::<i32>() {
            for (i, w) in a.offsets().windows(2).enumerate() {
                sizes[i] += (w[1] - w[0]) as usize;
            }
        }
    }
    sizes
}

/// One table being written: the rows of the row group being filled wait in
/// `pending`.
struct Sink {
    writer: ArrowWriter<File>,
    schema: SchemaRef,
    pending: Vec<RecordBatch>,
    pending_rows: usize,
    pending_bytes: usize,
    rows: usize,
    group: usize,
}

impl Sink {
    fn push(&mut self, batch: RecordBatch) -> Result<()> {
        let sizes = batch_row_bytes(&batch);
        let mut from = 0;
        for (i, &size) in sizes.iter().enumerate() {
            let full = self.pending_rows == self.group || self.pending_bytes + size > MAX_GROUP_BYTES;
            if self.pending_rows > 0 && full {
                if i > from {
                    self.pending.push(batch.slice(from, i - from));
                }
                self.write_group()?;
                from = i;
            }
            self.pending_rows += 1;
            self.pending_bytes += size;
        }
        if batch.num_rows() > from {
            self.pending.push(batch.slice(from, batch.num_rows() - from));
        }
        self.rows += batch.num_rows();
        Ok(())
    }

    /// Writes the pending rows as one row group.
    fn write_group(&mut self) -> Result<()> {
        if self.pending_rows > 0 {
            let group = concat_batches(&self.schema, &self.pending)?;
            self.writer.write(&group)?;
            self.writer.flush()?;
        }
        self.pending.clear();
        self.pending_rows = 0;
        self.pending_bytes = 0;
        Ok(())
    }
}

/// Writes every table of the contract into one folder, in row groups of
/// [`row_group_rows`] rows.
pub struct TableWriter {
    sinks: BTreeMap<&'static str, Sink>,
}

impl TableWriter {
    pub fn create(dir: &Path) -> Result<Self> {
        let mut sinks = BTreeMap::new();
        for (name, batch) in tables::batches(&Tables::default())? {
            let path = dir.join(file_name(name));
            let file = File::create(&path).map_err(|source| Error::Io { path, source })?;
            let schema = batch.schema();
            let writer = ArrowWriter::try_new(file, schema.clone(), Some(properties()))?;
            let group = row_group_rows(name);
            let sink = Sink { writer, schema, pending: Vec::new(), pending_rows: 0, pending_bytes: 0, rows: 0, group };
            sinks.insert(name, sink);
        }
        Ok(Self { sinks })
    }

    /// Appends the rows of `t` to each table (in parts when its strings
    /// would not fit one Arrow array, see [`split`]).
    pub fn append(&mut self, t: &Tables) -> Result<()> {
        match split(t, MAX_GROUP_BYTES) {
            None => self.append_group(t),
            Some(parts) => parts.iter().try_for_each(|p| self.append_group(p)),
        }
    }

    fn append_group(&mut self, t: &Tables) -> Result<()> {
        for (name, batch) in tables::batches(t)? {
            self.push(name, batch)?;
        }
        Ok(())
    }

    fn push(&mut self, table: &str, batch: RecordBatch) -> Result<()> {
        self.sinks.get_mut(table).expect("writer per table").push(batch)
    }

    /// Writes what is pending, closes every file; returns the row count per table.
    pub fn finish(self) -> Result<BTreeMap<&'static str, usize>> {
        let mut counts = BTreeMap::new();
        for (name, mut sink) in self.sinks {
            sink.write_group()?;
            sink.writer.close()?;
            counts.insert(name, sink.rows);
        }
        Ok(counts)
    }
}

/// The most string bytes a row group may hold in one column. Arrow's
/// `Utf8` offsets are `i32`: past 2 GiB an array cannot be built at all.
/// Half of that leaves room for the estimate's slack.
const MAX_GROUP_BYTES: usize = 1 << 30;

/// An upper bound of the bytes a row puts in any one string column.
trait RowBytes {
    fn row_bytes(&self) -> usize;
}

const SMALL: usize = 256;
fn total(v: &[String]) -> usize {
    v.iter().map(String::len).sum()
}

impl RowBytes for missive_model::rows::LetterRow {
    fn row_bytes(&self) -> usize {
        SMALL + self.text.len() + self.title.as_ref().map_or(0, String::len) + total(&self.subjects)
    }
}
impl RowBytes for missive_model::rows::ReferenceRow {
    fn row_bytes(&self) -> usize {
        SMALL + self.symbol.len() + self.surface.len()
    }
}
impl RowBytes for missive_model::rows::MentionRow {
    fn row_bytes(&self) -> usize {
        SMALL + self.surface.len()
    }
}
impl RowBytes for missive_model::rows::EventRow {
    fn row_bytes(&self) -> usize {
        SMALL + self.sentence.len() + self.resolution.as_ref().map_or(0, String::len)
    }
}
impl RowBytes for missive_model::rows::IndicatorRow {
    fn row_bytes(&self) -> usize {
        SMALL + self.sentence.len() + self.surface.len() + self.unit.len() + self.unit_surface.len()
    }
}
impl RowBytes for missive_model::rows::ActivityRow {
    fn row_bytes(&self) -> usize {
        SMALL + self.sentence.len() + total(&self.categories) + total(&self.location)
    }
}
impl RowBytes for missive_model::rows::MissionRow {
    fn row_bytes(&self) -> usize {
        SMALL + self.name.as_ref().map_or(0, String::len) + total(&self.countries) + total(&self.aliases)
    }
}
impl RowBytes for missive_model::rows::TimelineRow {
    fn row_bytes(&self) -> usize {
        SMALL
    }
}
impl RowBytes for missive_model::rows::RejectRow {
    fn row_bytes(&self) -> usize {
        SMALL + self.source_path.len() + self.detail.len()
    }
}

/// Cuts `rows` into runs of at most `max` estimated bytes (a single larger
/// row stays alone in its run).
fn runs<T: RowBytes + Clone>(rows: &[T], max: usize) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = vec![Vec::new()];
    let mut bytes = 0;
    for r in rows {
        let b = r.row_bytes();
        if bytes + b > max && !out.last().is_some_and(Vec::is_empty) {
            out.push(Vec::new());
            bytes = 0;
        }
        bytes += b;
        out.last_mut().expect("a run").push(r.clone());
    }
    out
}

/// `None` when `t` fits one row group per table; else the parts to write
/// one after the other, the rows of every table in their order. Depends
/// only on the rows, so the output stays deterministic.
fn split(t: &Tables, max: usize) -> Option<Vec<Tables>> {
    fn fits<T: RowBytes>(rows: &[T], max: usize) -> bool {
        rows.iter().map(RowBytes::row_bytes).sum::<usize>() <= max
    }
    if fits(&t.letters, max)
        && fits(&t.references, max)
        && fits(&t.mission_mentions, max)
        && fits(&t.mandate_events, max)
        && fits(&t.indicators, max)
        && fits(&t.activities, max)
        && fits(&t.missions, max)
        && fits(&t.mission_timeline, max)
        && fits(&t.rejects, max)
    {
        return None;
    }
    let mut parts: Vec<Tables> = Vec::new();
    fn spread<T: RowBytes + Clone>(
        parts: &mut Vec<Tables>,
        rows: &[T],
        max: usize,
        field: fn(&mut Tables) -> &mut Vec<T>,
    ) {
        for (i, run) in runs(rows, max).into_iter().enumerate() {
            if parts.len() <= i {
                parts.push(Tables::default());
            }
            *field(&mut parts[i]) = run;
        }
    }
    spread(&mut parts, &t.letters, max, |t| &mut t.letters);
    spread(&mut parts, &t.references, max, |t| &mut t.references);
    spread(&mut parts, &t.mission_mentions, max, |t| &mut t.mission_mentions);
    spread(&mut parts, &t.mandate_events, max, |t| &mut t.mandate_events);
    spread(&mut parts, &t.indicators, max, |t| &mut t.indicators);
    spread(&mut parts, &t.activities, max, |t| &mut t.activities);
    spread(&mut parts, &t.missions, max, |t| &mut t.missions);
    spread(&mut parts, &t.mission_timeline, max, |t| &mut t.mission_timeline);
    spread(&mut parts, &t.rejects, max, |t| &mut t.rejects);
    Some(parts)
}

/// Writes all tables of `t` into `dir` in one go.
pub fn write_all(dir: &Path, t: &Tables) -> Result<BTreeMap<&'static str, usize>> {
    let mut w = TableWriter::create(dir)?;
    w.append(t)?;
    w.finish()
}

/// A column as documented for users (`missive schema`, the codebook).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnDoc {
    pub name: String,
    pub data_type: String,
    pub nullable: bool,
    pub description: String,
    /// The only values the column holds, if the contract fixes them.
    pub allowed: Vec<String>,
    /// A typical value.
    pub example: String,
    /// `(table, column)` this column references, if any.
    pub joins: Option<(String, String)>,
    /// A regular expression every non-null value matches in full.
    pub pattern: Option<String>,
    /// The Frictionless Table Schema type (`string`, `integer`, `date`, ...).
    pub frictionless_type: &'static str,
    /// A short type name for people (`string`, `date`, `list<string>`, ...).
    pub short_type: &'static str,
}

fn types(dt: &arrow::datatypes::DataType) -> (&'static str, &'static str) {
    use arrow::datatypes::DataType as D;
    match dt {
        D::Utf8 | D::LargeUtf8 => ("string", "string"),
        D::Dictionary(..) => ("string", "string (dictionary)"),
        D::UInt32 => ("integer", "uint32"),
        D::UInt64 => ("integer", "uint64"),
        D::Int32 | D::Int64 => ("integer", "int64"),
        D::Float64 => ("number", "float64"),
        D::Boolean => ("boolean", "boolean"),
        D::Date32 => ("date", "date"),
        D::List(_) => ("array", "list<string>"),
        _ => ("any", "other"),
    }
}

/// Every table with its columns, types and descriptions.
pub fn describe() -> Result<Vec<(TableInfo, Vec<ColumnDoc>)>> {
    let mut out = Vec::new();
    for (name, batch) in tables::batches(&Tables::default())? {
        let info = *TABLES.iter().find(|t| t.name == name).expect("known table");
        let cols = batch
            .schema()
            .fields()
            .iter()
            .map(|f| {
                let m = f.metadata();
                let (frictionless_type, short_type) = types(f.data_type());
                ColumnDoc {
                    name: f.name().clone(),
                    data_type: f.data_type().to_string(),
                    nullable: f.is_nullable(),
                    description: m.get("description").cloned().unwrap_or_default(),
                    allowed: m
                        .get(columns::ALLOWED)
                        .map(|a| a.split('|').map(str::to_owned).collect())
                        .unwrap_or_default(),
                    example: m.get(columns::EXAMPLE).cloned().unwrap_or_default(),
                    joins: m
                        .get(columns::JOINS)
                        .and_then(|j| j.split_once('.'))
                        .map(|(t, c)| (t.to_owned(), c.to_owned())),
                    pattern: m.get(columns::PATTERN).cloned(),
                    frictionless_type,
                    short_type,
                }
            })
            .collect();
        out.push((info, cols));
    }
    Ok(out)
}

fn read_batches(path: &Path) -> Result<Vec<RecordBatch>> {
    read_columns(path, None)
}

/// The table's batches, with only `columns` decoded when given (a
/// document's text is most of an output's bytes).
fn read_columns(path: &Path, columns: Option<&[&str]>) -> Result<Vec<RecordBatch>> {
    let file = File::open(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    let mut builder = ParquetRecordBatchReaderBuilder::try_new(file)?;
    if let Some(columns) = columns {
        let mask = parquet::arrow::ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
        builder = builder.with_projection(mask);
    }
    Ok(builder.build()?.collect::<std::result::Result<Vec<_>, _>>()?)
}

/// Reads the named columns of a table file as display strings (`None` for
/// nulls; lists as `[a, b]`; dates as `YYYY-MM-DD`).
pub fn read_strings(path: &Path, columns: &[&str]) -> Result<Vec<Vec<Option<String>>>> {
    let mut rows = Vec::new();
    let opts = FormatOptions::default();
    for batch in read_columns(path, Some(columns))? {
        let mut arrays = Vec::new();
        for c in columns {
            let a = batch
                .column_by_name(c)
                .ok_or_else(|| Error::NoColumn { path: path.to_owned(), column: (*c).to_owned() })?;
            arrays.push(a.clone());
        }
        let mut fmts = Vec::new();
        for a in &arrays {
            fmts.push(ArrayFormatter::try_new(a.as_ref(), &opts)?);
        }
        for i in 0..batch.num_rows() {
            rows.push(arrays.iter().zip(&fmts).map(|(a, f)| (!a.is_null(i)).then(|| f.value(i).to_string())).collect());
        }
    }
    Ok(rows)
}

/// Row count and schema version of a table file, from its footer.
pub fn table_summary(path: &Path) -> Result<(i64, Option<String>)> {
    let file = File::open(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)?;
    let rows = builder.metadata().file_metadata().num_rows();
    let version = builder.schema().metadata().get("missive.schema_version").cloned();
    Ok((rows, version))
}

/// A table as pretty-printed text, for `assert_batches_eq!`-style tests.
pub fn pretty(path: &Path, columns: &[&str]) -> Result<String> {
    let mut out = Vec::new();
    for batch in read_batches(path)? {
        let idx: Vec<usize> =
            columns.iter().map(|c| batch.schema().index_of(c).map_err(Error::from)).collect::<Result<_>>()?;
        out.push(batch.project(&idx)?);
    }
    Ok(arrow::util::pretty::pretty_format_batches(&out)?.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_batches_split_into_row_groups_in_order() {
        let reject = |i: usize, n: usize| missive_model::Reject {
            source_path: format!("f{i:02}.txt"),
            reason: missive_model::RejectReason::Empty,
            detail: "x".repeat(n),
            bytes: 0,
        };
        let t = Tables { rejects: (0..10).map(|i| reject(i, 300 + i * 100)).collect(), ..Tables::default() };
        assert!(split(&t, 1 << 20).is_none(), "a batch that fits is written as it is");
        let parts = split(&t, 2_000).expect("too big for one group");
        assert!(parts.len() > 2);
        for p in &parts {
            let bytes: usize = p.rejects.iter().map(RowBytes::row_bytes).sum();
            assert!(bytes <= 2_000 || p.rejects.len() == 1, "{bytes}");
        }
        let again: Vec<_> = parts.iter().flat_map(|p| p.rejects.clone()).collect();
        assert_eq!(again, t.rejects);
        // The parts write and read back as the same table.
        let dir = tempfile::tempdir().unwrap();
        let mut w = TableWriter::create(dir.path()).unwrap();
        for p in &parts {
            w.append(p).unwrap();
        }
        assert_eq!(w.finish().unwrap()["rejects"], 10);
        let rows = read_strings(&dir.path().join("rejects.parquet"), &["source_path"]).unwrap();
        assert_eq!(rows.len(), 10);
        assert_eq!(rows[9][0].as_deref(), Some("f09.txt"));
    }

    #[test]
    fn every_field_is_described() {
        for (info, cols) in describe().unwrap() {
            assert!(!cols.is_empty(), "{}", info.name);
            for c in cols {
                assert!(!c.description.is_empty(), "{}.{} has no description", info.name, c.name);
                assert!(!c.example.is_empty(), "{}.{} has no example", info.name, c.name);
                assert_ne!(c.frictionless_type, "any", "{}.{}: no Frictionless type", info.name, c.name);
            }
        }
    }

    #[test]
    fn keys_and_joins_name_real_columns() {
        let all = describe().unwrap();
        let has = |t: &str, c: &str| all.iter().any(|(i, cols)| i.name == t && cols.iter().any(|x| x.name == c));
        for (info, cols) in &all {
            for k in info.key {
                assert!(has(info.name, k), "key {}.{k}", info.name);
            }
            for c in cols {
                if let Some((t, col)) = &c.joins {
                    assert!(has(t, col), "{}.{} joins {t}.{col}, which does not exist", info.name, c.name);
                }
                if !c.allowed.is_empty() {
                    assert!(c.allowed.contains(&c.example), "{}.{}: example not allowed", info.name, c.name);
                }
            }
        }
    }
}
