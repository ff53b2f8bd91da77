//! The pipeline: lists the corpus, runs extract → normalise → enrich per
//! document in parallel (rayon), consolidates across documents, and writes
//! the tables into a fresh folder that replaces the output atomically.
//!
//! The only crate that spawns threads or touches the output folder.

mod config;
mod manifest;
mod merge;
mod pdf;
mod previous;
mod read;
mod reference;
mod rows;
pub mod swap;
mod unchanged;
mod walk;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use missive_consolidate::{Consolidator, DuplicateIndex};
use missive_model::rows::Tables;
use missive_model::{Deadline, Document, Enrichment, Letter, Reject, RejectReason, SourceFile};
use rayon::prelude::*;

pub use config::{Config, Shard};
pub use manifest::Manifest;
pub use merge::{MergeSummary, merge};
pub use reference::Reference;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("corpus folder {0} does not exist or is not a folder")]
    MissingCorpus(PathBuf),
    #[error("{path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot write the output {path}")]
    Output { path: PathBuf, source: std::io::Error },
    #[error("{0} exists and is not a missive output folder (no manifest.json): refusing to replace it")]
    Foreign(PathBuf),
    #[error("config {path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error("reference data: {0}")]
    Reference(String),
    #[error(transparent)]
    Store(#[from] missive_store::Error),
    #[error("consolidation")]
    Consolidate(#[from] missive_consolidate::Error),
    #[error("thread pool: {0}")]
    Threads(String),
    #[error("merge: {0}")]
    Merge(String),
}

/// Progress reports; the binary draws them, the library only counts.
pub trait Progress: Sync {
    fn start(&self, _files: u64, _bytes: u64) {}
    fn advance(&self, _files: u64, _bytes: u64) {}
    fn finish(&self) {}
}

/// No progress reports.
pub struct Silent;
impl Progress for Silent {}

/// Time spent per stage, summed over threads.
#[derive(Debug, Default)]
pub struct StageTimes {
    pub read: AtomicU64,
    pub extract: AtomicU64,
    pub normalise: AtomicU64,
    pub enrich: AtomicU64,
    pub cross_document: AtomicU64,
    pub write: AtomicU64,
}

impl StageTimes {
    fn add(slot: &AtomicU64, since: Instant) {
        slot.fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
    }

    /// (stage, seconds) pairs in pipeline order.
    pub fn seconds(&self) -> Vec<(&'static str, f64)> {
        [
            ("read", &self.read),
            ("extract", &self.extract),
            ("normalise", &self.normalise),
            ("enrich", &self.enrich),
            ("cross_document", &self.cross_document),
            ("write", &self.write),
        ]
        .into_iter()
        .map(|(n, a)| (n, a.load(Ordering::Relaxed) as f64 / 1e9))
        .collect()
    }
}

/// What a run did.
#[derive(Debug)]
pub struct Summary {
    pub manifest: Manifest,
    pub elapsed: Duration,
    pub input_bytes: u64,
    pub stages: StageTimes,
    /// What was cleaned up after runs killed before this one.
    pub recovered: swap::Recovery,
    /// Documents whose rows were taken from the previous output (incremental).
    pub reused: u64,
    /// Why an incremental run reused nothing, if it could not.
    pub not_reused: Option<String>,
    /// An incremental run found no file changed and copied the previous
    /// output whole.
    pub copied: bool,
}

/// A document read and enriched on a worker thread.
struct Processed {
    letter: Letter,
    /// Its rows in the other tables.
    rows: Tables,
    /// Its duplicate fingerprint.
    fingerprint: Vec<u64>,
}

enum Outcome {
    Accepted(Box<Processed>),
    Rejected(Reject),
    /// Another shard's document.
    Elsewhere,
    /// Unchanged since the previous run (incremental): its rows are taken
    /// from the previous output.
    Reused,
}

fn process(
    input: &walk::Input,
    cfg: &Config,
    reference: &Reference,
    previous: Option<&previous::Previous>,
    times: &StageTimes,
) -> Outcome {
    let started = Instant::now();
    let reject = |reason, detail| {
        Outcome::Rejected(Reject { source_path: input.rel.clone(), reason, detail, bytes: input.bytes })
    };
    let elsewhere = |shard: &Shard| !shard.has_path(&input.rel);
    if input.bytes > cfg.max_bytes {
        if cfg.shard.as_ref().is_some_and(elsewhere) {
            return Outcome::Elsewhere;
        }
        let (reason, detail) = read::too_large(input.bytes, cfg.max_bytes);
        return reject(reason, detail);
    }
    // The budget covers the whole document, reading included.
    let deadline = Deadline::after(cfg.time_limit());
    let limit_detail = |what: &dyn std::fmt::Display| {
        format!("{what} after {} ms (limit {} ms)", started.elapsed().as_millis(), cfg.time_limit_ms)
    };
    let timed_out = |t: missive_model::TimedOut| reject(RejectReason::TimeLimit, limit_detail(&t));
    let t = Instant::now();
    let bytes = match read::read_capped(&input.path, cfg.max_bytes) {
        Ok(b) => b,
        Err(_) if cfg.shard.as_ref().is_some_and(elsewhere) => return Outcome::Elsewhere,
        Err((reason, detail)) => return reject(reason, detail),
    };
    // A PDF is read through its text layer; everything after sees text.
    let bytes = if pdf::is_pdf(&bytes) {
        match pdf::to_text(bytes, cfg.max_bytes, &deadline) {
            Ok(text) => text,
            Err((RejectReason::TimeLimit, detail)) => return reject(RejectReason::TimeLimit, limit_detail(&detail)),
            Err((reason, detail)) => return reject(reason, detail),
        }
    } else {
        bytes
    };
    StageTimes::add(&times.read, t);
    if let Some(shard) = &cfg.shard {
        let id = missive_extract::doc_id(&missive_extract::sha256_hex(&bytes));
        if !shard.has_doc(&id) {
            return Outcome::Elsewhere;
        }
    }
    if previous.is_some_and(|p| p.unchanged(&input.rel, &bytes)) {
        return Outcome::Reused;
    }
    let file = SourceFile { path: input.rel.clone(), bytes };
    let t = Instant::now();
    let limits = missive_extract::Limits { max_bytes: cfg.max_bytes, deadline };
    let extracted = missive_extract::extract(&file, limits);
    StageTimes::add(&times.extract, t);
    let extracted = match extracted {
        Ok(e) => e,
        Err(mut r) => {
            if r.reason == RejectReason::TimeLimit {
                r.detail = limit_detail(&r.detail);
            }
            return Outcome::Rejected(r);
        }
    };
    let t = Instant::now();
    let doc = missive_normalise::normalise_within(extracted, &reference.normalise, &deadline);
    StageTimes::add(&times.normalise, t);
    let doc = match doc {
        Ok(d) => d,
        Err(e) => return timed_out(e),
    };
    let t = Instant::now();
    let enr = missive_enrich::enrich_within(&doc, &reference.enrich, &deadline);
    StageTimes::add(&times.enrich, t);
    let enr = match enr {
        Ok(e) => e,
        Err(e) => return timed_out(e),
    };
    Outcome::Accepted(Box::new(to_rows(doc, enr)))
}

/// A document's rows, built on the worker thread (and inside the panic
/// guard): the main thread only decides duplicates and aggregates.
fn to_rows(mut doc: Document, enr: Enrichment) -> Processed {
    let fingerprint = missive_consolidate::fingerprint(&doc.letter.text);
    if let Some(m) = &enr.main_mission {
        doc.letter.main_mission = Some(m.mission_id.clone());
        doc.letter.main_mission_source = Some(m.source);
    }
    let mut rows = Tables::default();
    rows::push_doc_rows(&doc, &enr, &mut rows);
    Processed { letter: doc.letter, rows, fingerprint }
}

/// [`process`] behind a panic guard: a bug costs one document, not the
/// run; the panic becomes a reject with its message.
fn guarded(
    input: &walk::Input,
    cfg: &Config,
    reference: &Reference,
    previous: Option<&previous::Previous>,
    times: &StageTimes,
    progress: &dyn Progress,
) -> Outcome {
    let o = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(input, cfg, reference, previous, times)))
        .unwrap_or_else(|panic| {
            let msg = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown panic");
            Outcome::Rejected(Reject {
                source_path: input.rel.clone(),
                reason: RejectReason::Internal,
                detail: format!("missive failed on this document: {msg}"),
                bytes: input.bytes,
            })
        });
    progress.advance(1, input.bytes);
    o
}

/// Batches the pool holds at a time, so that a core freed at the end of
/// one batch starts on the next, and the pool still has work while the
/// main thread (which shares the cores) folds a batch and hands out the
/// next. On 2 threads, 100 MB: 2 gave 175-185% CPU, 3 gives 183-189%
/// (wall about 4% lower) for about 45 MB more memory.
const IN_FLIGHT: usize = 3;

/// Runs the pipeline described by `cfg`.
pub fn run(cfg: &Config, progress: &dyn Progress) -> Result<Summary, Error> {
    let started = Instant::now();
    if !cfg.corpus.is_dir() {
        return Err(Error::MissingCorpus(cfg.corpus.clone()));
    }
    let reference = match &cfg.reference {
        Some(dir) => Reference::from_dir(dir)?,
        None => Reference::builtin()?,
    };
    // An incremental run reads the output it is about to replace.
    let (previous, not_reused) = if cfg.incremental {
        match previous::Previous::open(cfg, &reference) {
            Ok(p) => (Some(p), None),
            Err(why) => (None, Some(why)),
        }
    } else {
        (None, None)
    };
    let (staging, recovered) = swap::Staging::create(&cfg.out)?;
    let outcome = match &previous {
        Some(p) => same_as_before(cfg, &reference, p, &staging.path, progress, started).transpose(),
        None => None,
    };
    let outcome =
        outcome.unwrap_or_else(|| run_into(cfg, &reference, previous.as_ref(), &staging.path, progress, started));
    match outcome {
        Ok(summary) => {
            staging.commit()?;
            Ok(Summary { recovered, not_reused, ..summary })
        }
        Err(e) => {
            staging.abandon();
            Err(e)
        }
    }
}

/// An incremental run over an unchanged corpus: the previous output,
/// copied (see `unchanged`); `None` when some file changed.
fn same_as_before(
    cfg: &Config,
    reference: &Reference,
    previous: &previous::Previous,
    staging: &Path,
    progress: &dyn Progress,
    started: Instant,
) -> Result<Option<Summary>, Error> {
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(cfg.threads).build().map_err(|e| Error::Threads(e.to_string()))?;
    let Some(manifest) = unchanged::copy_if_unchanged(cfg, reference, previous, staging, &pool)? else {
        return Ok(None);
    };
    let input_bytes = manifest.inputs.iter().map(|i| i.bytes).sum();
    progress.finish();
    let reused = manifest.counts.documents;
    Ok(Some(Summary {
        manifest,
        elapsed: started.elapsed(),
        input_bytes,
        stages: StageTimes::default(),
        recovered: Default::default(),
        reused,
        not_reused: None,
        copied: true,
    }))
}

/// Folds a document that repeats none before it into the manifest, the
/// cross-document step and the batch of rows.
fn fold_original(
    letter: Letter,
    rows: Tables,
    input: &walk::Input,
    manifest: &mut Manifest,
    cross: &mut Consolidator,
    batch: &mut Tables,
) -> Result<(), Error> {
    manifest.record(&input.rel, input.bytes, Some(&letter), None);
    cross.add_doc(letter.letter_date, letter.main_mission.as_deref(), &rows.mission_mentions, &rows.mandate_events)?;
    batch.append(rows);
    batch.letters.push(letter);
    Ok(())
}

/// Folds a document copied from an existing output (a shard's in a merge,
/// the previous run's in an incremental run) into the manifest and, unless
/// it repeats an earlier one, the cross-document step, as a processed one
/// is folded.
fn fold_copied(
    doc: &missive_store::shards::ShardDoc,
    path: &str,
    bytes: u64,
    duplicate: bool,
    manifest: &mut Manifest,
    cross: &mut Consolidator,
) -> Result<(), Error> {
    manifest.record_letter(path, bytes, &doc.doc_id, duplicate);
    if !duplicate {
        cross.add_doc(doc.letter_date, doc.main_mission.as_deref(), &doc.mentions, &doc.events)?;
    }
    Ok(())
}

/// What the writer thread is handed, in document order.
enum Write {
    /// The rows of a batch of processed documents.
    Rows(Tables),
    /// An unchanged document's rows from the previous output, and its
    /// `duplicate_of` in this run.
    Reused(Box<missive_store::shards::ShardDoc>, Option<String>),
}

/// The writer thread: it appends what it is handed to the tables while the
/// pool works on the next batches. Its channel holds one item, so memory
/// stays bounded.
fn spawn_writer<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    mut writer: missive_store::TableWriter,
    times: &'scope StageTimes,
) -> (
    std::sync::mpsc::SyncSender<Write>,
    std::thread::ScopedJoinHandle<'scope, Result<missive_store::TableWriter, Error>>,
) {
    let (to_writer, received) = std::sync::mpsc::sync_channel::<Write>(1);
    let handle = scope.spawn(move || {
        for item in received {
            let t = Instant::now();
            match item {
                Write::Rows(batch) => writer.append(&batch)?,
                Write::Reused(doc, duplicate_of) => writer.append_doc(*doc, duplicate_of.as_deref())?,
            }
            StageTimes::add(&times.write, t);
        }
        Ok(writer)
    });
    (to_writer, handle)
}

type BatchResult = std::thread::Result<Vec<Outcome>>;

/// Batches' outcomes as the pool finishes them, handed on in batch order.
struct Reorder {
    finished: std::sync::mpsc::Receiver<(usize, BatchResult)>,
    arrived: std::collections::BTreeMap<usize, BatchResult>,
}

impl Reorder {
    /// The outcomes of batch `k`, once it has arrived; a worker's panic is
    /// passed on.
    fn take(&mut self, k: usize) -> Vec<Outcome> {
        loop {
            if let Some(o) = self.arrived.remove(&k) {
                return o.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            }
            let (i, o) = self.finished.recv().expect("every spawned batch reports");
            self.arrived.insert(i, o);
        }
    }
}

/// The single-threaded fold of outcomes in document order: the manifest,
/// duplicates, the cross-document step and the rejects, and the rows handed
/// to the writer.
struct Fold<'a> {
    cfg: &'a Config,
    reference: &'a Reference,
    previous: Option<&'a previous::Previous>,
    times: &'a StageTimes,
    reader: Option<missive_store::shards::ShardReader>,
    dups: DuplicateIndex,
    cross: Consolidator,
    manifest: Manifest,
    rejects: Vec<Reject>,
    reused: u64,
}

impl Fold<'_> {
    /// Folds one batch; false when the writer has stopped (on an error it
    /// reports when joined).
    fn batch(
        &mut self,
        chunk: &[walk::Input],
        outcomes: Vec<Outcome>,
        to_writer: &std::sync::mpsc::SyncSender<Write>,
    ) -> Result<bool, Error> {
        let mut batch = Tables::default();
        for (input, outcome) in chunk.iter().zip(outcomes) {
            match outcome {
                Outcome::Elsewhere => {}
                Outcome::Reused => {
                    let Some(doc) = self.reused_doc(input, &mut batch)? else { continue };
                    // The rows before it first, in document order.
                    let rows = std::mem::take(&mut batch);
                    if to_writer.send(Write::Rows(rows)).is_err()
                        || to_writer.send(Write::Reused(doc.0, doc.1)).is_err()
                    {
                        return Ok(false);
                    }
                }
                Outcome::Rejected(r) => self.reject(input, r),
                Outcome::Accepted(p) => self.accepted(*p, input, &mut batch)?,
            }
        }
        Ok(to_writer.send(Write::Rows(batch)).is_ok())
    }

    fn reject(&mut self, input: &walk::Input, r: Reject) {
        self.manifest.record(&input.rel, input.bytes, None, Some(r.reason));
        self.rejects.push(r);
    }

    fn accepted(&mut self, p: Processed, input: &walk::Input, batch: &mut Tables) -> Result<(), Error> {
        let Processed { mut letter, rows, fingerprint } = p;
        letter.duplicate_of = self.dups.offer(&letter.doc_id, &fingerprint);
        if letter.duplicate_of.is_some() {
            // A document that repeats an earlier one is a row of
            // `documents` only: its rows are the original's.
            self.manifest.record(&input.rel, input.bytes, Some(&letter), None);
            batch.letters.push(letter);
            Ok(())
        } else {
            fold_original(letter, rows, input, &mut self.manifest, &mut self.cross, batch)
        }
    }

    /// An unchanged document of the previous output, folded, with its
    /// `duplicate_of` in this run; none when it had to be read again (a
    /// former duplicate that is an original now: its rows were never
    /// written), its rows then in `batch`.
    #[allow(clippy::type_complexity)]
    fn reused_doc(
        &mut self,
        input: &walk::Input,
        batch: &mut Tables,
    ) -> Result<Option<(Box<missive_store::shards::ShardDoc>, Option<String>)>, Error> {
        let reader = self.reader.as_mut().expect("a previous output to reuse");
        let doc = previous::take(reader, &input.rel)?;
        let duplicate_of = self.dups.offer(&doc.doc_id, &missive_consolidate::fingerprint(&doc.text));
        if duplicate_of.is_none() && self.previous.is_some_and(|p| p.was_duplicate(&input.rel)) {
            match process(input, self.cfg, self.reference, None, self.times) {
                Outcome::Accepted(p) => {
                    let Processed { letter, rows, .. } = *p;
                    fold_original(letter, rows, input, &mut self.manifest, &mut self.cross, batch)?;
                }
                Outcome::Rejected(r) => self.reject(input, r),
                Outcome::Elsewhere | Outcome::Reused => {}
            }
            return Ok(None);
        }
        fold_copied(&doc, &input.rel, input.bytes, duplicate_of.is_some(), &mut self.manifest, &mut self.cross)?;
        self.reused += 1;
        Ok(Some((Box::new(doc), duplicate_of)))
    }
}

fn run_into(
    cfg: &Config,
    reference: &Reference,
    previous: Option<&previous::Previous>,
    staging: &Path,
    progress: &dyn Progress,
    started: Instant,
) -> Result<Summary, Error> {
    let mut listing = walk::list(&cfg.corpus, &cfg.extensions);
    listing.inputs.sort_by(|a, b| a.rel.cmp(&b.rel));
    let input_bytes: u64 = listing.inputs.iter().map(|i| i.bytes).sum();
    progress.start(listing.inputs.len() as u64, input_bytes);

    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(cfg.threads).build().map_err(|e| Error::Threads(e.to_string()))?;
    let times = StageTimes::default();
    let writer = missive_store::TableWriter::create(staging)?;
    if let Some(shard) = &cfg.shard {
        listing.rejects.retain(|r| shard.has_path(&r.source_path));
    }
    let mut fold = Fold {
        cfg,
        reference,
        previous,
        times: &times,
        reader: previous.map(|p| p.reader()).transpose()?,
        dups: DuplicateIndex::default(),
        cross: Consolidator::default(),
        manifest: Manifest::new(cfg, &listing, &reference.fingerprint),
        rejects: std::mem::take(&mut listing.rejects),
        reused: 0,
    };

    let mut writer = std::thread::scope(|scope| -> Result<missive_store::TableWriter, Error> {
        let (to_writer, write) = spawn_writer(scope, writer, &times);
        let times = &times;
        let chunks: Vec<&[walk::Input]> = listing.inputs.chunks(cfg.batch_size).collect();
        let (done, finished) = std::sync::mpsc::channel::<(usize, BatchResult)>();
        let mut reorder = Reorder { finished, arrived: Default::default() };
        pool.in_place_scope(|pool_scope| -> Result<(), Error> {
            // The pool works on the next batches while this thread folds
            // the one before them: no core waits for the fold or for the
            // last document of a batch.
            let mut spawned = 0;
            let mut spawn_next = || {
                if let Some(&chunk) = chunks.get(spawned) {
                    let (k, done) = (spawned, done.clone());
                    pool_scope.spawn(move |_| {
                        // A panic here (outside the per-document guard) is
                        // passed on, so that the fold never waits for it.
                        let outcomes = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            chunk
                                .par_iter()
                                .map(|input| guarded(input, cfg, reference, previous, times, progress))
                                .collect()
                        }));
                        // The fold stopped on an error: it says which.
                        let _ = done.send((k, outcomes));
                    });
                    spawned += 1;
                }
            };
            for _ in 0..IN_FLIGHT {
                spawn_next();
            }
            for (k, chunk) in chunks.iter().enumerate() {
                let outcomes = reorder.take(k);
                spawn_next();
                let t = Instant::now();
                let writing = fold.batch(chunk, outcomes, &to_writer)?;
                StageTimes::add(&times.cross_document, t);
                if !writing {
                    // The writer stopped on an error: it says which below.
                    break;
                }
            }
            Ok(())
        })?;
        drop(to_writer);
        write.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })?;
    let Fold { cross, mut manifest, mut rejects, reused, .. } = fold;

    let t = Instant::now();
    let (missions, mission_timeline) = cross.finish(&reference.enrich.gazetteer.missions)?;
    let mut last = Tables { missions, mission_timeline, ..Tables::default() };
    rejects.sort_by(|a, b| a.source_path.cmp(&b.source_path));
    last.rejects = rejects;
    StageTimes::add(&times.cross_document, t);
    let t = Instant::now();
    writer.append(&last)?;
    let counts = writer.finish()?;
    manifest.finish(&counts);
    manifest.write(staging)?;
    missive_store::codebook::write_datapackage(staging)?;
    StageTimes::add(&times.write, t);
    progress.finish();
    Ok(Summary {
        manifest,
        elapsed: started.elapsed(),
        input_bytes,
        stages: times,
        recovered: Default::default(),
        reused,
        not_reused: None,
        copied: false,
    })
}
