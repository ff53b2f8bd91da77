//! Scoring an output folder against gold annotations (GUIDELINES §5):
//! per document, predictions are matched to gold one to one; precision,
//! recall and F1 are micro-averaged over documents.

pub mod agree;
pub mod gold;
pub mod pact;
pub mod train;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use gold::{Gold, GoldIndicator};
use missive_model::PartialDate;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("gold file {path}: {message}")]
    Gold { path: PathBuf, message: String },
    #[error("no gold files in {0}")]
    NoGold(PathBuf),
    #[error("no documents table in {0}: run the pipeline first")]
    NoLetters(PathBuf),
    #[error(transparent)]
    Store(#[from] missive_store::Error),
}

/// Counts for one set-matching score.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Prf {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    /// The header of a table of [`Self::write_row`] rows, `name` over the
    /// names' column.
    pub fn write_header(f: &mut fmt::Formatter<'_>, name: &str, width: usize) -> fmt::Result {
        writeln!(f, "{name:<width$} {:>9} {:>9} {:>9}   tp/fp/fn", "precision", "recall", "f1")
    }

    /// One table row: name, precision, recall, F1 and the counts.
    pub fn write_row(&self, f: &mut fmt::Formatter<'_>, name: &str, width: usize) -> fmt::Result {
        let (p, r, f1) = (self.precision(), self.recall(), self.f1());
        writeln!(f, "{name:<width$} {p:>9.3} {r:>9.3} {f1:>9.3}   {}/{}/{}", self.tp, self.fp, self.fn_)
    }

    pub fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Correct out of total.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Accuracy {
    pub correct: u64,
    pub total: u64,
}

impl Accuracy {
    pub fn value(&self) -> f64 {
        ratio(self.correct, self.total)
    }
    pub(crate) fn push(&mut self, ok: bool) {
        self.total += 1;
        self.correct += u64::from(ok);
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A document-level error, for the report's details.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub file: String,
    pub table: &'static str,
    pub kind: &'static str,
    pub item: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub documents: u64,
    pub documents_missing: Vec<String>,
    pub metadata: BTreeMap<&'static str, Accuracy>,
    /// The same over the letters alone (gold `doc_type` `letter`,
    /// `letter_other` or `note`): the letters' metadata the targets name.
    pub letter_metadata: BTreeMap<&'static str, Accuracy>,
    pub references: Option<Prf>,
    pub missions: Option<Prf>,
    pub mandate_events: Option<Prf>,
    pub event_status: Option<Accuracy>,
    pub indicators: Option<Prf>,
    pub indicator_qualifier: Option<Accuracy>,
    pub missing_tables: Vec<&'static str>,
    pub misses: Vec<Miss>,
}

/// A predicted mandate event (the columns scored).
struct PredEvent {
    mission: Option<String>,
    event: Option<String>,
    status: Option<String>,
    date: Option<String>,
    until: Option<String>,
}

/// A predicted indicator (the columns scored).
struct PredIndicator {
    value: f64,
    value_high: Option<f64>,
    unit: String,
    qualifier: String,
    unit_surface: String,
}

/// A gold document's metadata fields, in the order of [`METADATA`].
type Metadata = [Option<String>; 4];
const METADATA: [&str; 4] = ["symbol", "doc_type", "letter_date", "signatory"];

struct Tables {
    /// doc_id whose rows a gold file's document has (its own, or for a
    /// duplicate its original's), by file name, with the document's metadata.
    letters: Vec<(String, String, Metadata)>,
    references: Option<HashMap<String, Vec<String>>>,
    missions: Option<HashMap<String, Vec<String>>>,
    events: Option<HashMap<String, Vec<PredEvent>>>,
    indicators: Option<HashMap<String, Vec<PredIndicator>>>,
}

fn group<T>(rows: Vec<Vec<Option<String>>>, f: impl Fn(&[Option<String>]) -> T) -> HashMap<String, Vec<T>> {
    let mut m: HashMap<String, Vec<T>> = HashMap::new();
    for r in rows {
        let id = r[0].clone().unwrap_or_default();
        m.entry(id).or_default().push(f(&r[1..]));
    }
    m
}

fn read(out: &Path, missing: &mut Vec<&'static str>) -> Result<Tables, Error> {
    let path = |t: &str| out.join(missive_store::file_name(t));
    if !path("documents").exists() {
        return Err(Error::NoLetters(out.to_owned()));
    }
    let letters = missive_store::read_strings(
        &path("documents"),
        &["source_path", "doc_id", "symbol", "doc_type", "letter_date", "signatory", "duplicate_of"],
    )?
    .into_iter()
    .map(|r| {
        (
            r[0].clone().unwrap_or_default(),
            // A duplicate's rows are its original's (the table contract).
            r[6].clone().or(r[1].clone()).unwrap_or_default(),
            [r[2].clone(), r[3].clone(), r[4].clone(), r[5].clone()],
        )
    })
    .collect();
    let mut table = |name: &'static str, cols: &[&str]| -> Result<Option<Vec<Vec<Option<String>>>>, Error> {
        if path(name).exists() {
            Ok(Some(missive_store::read_strings(&path(name), cols)?))
        } else {
            missing.push(name);
            Ok(None)
        }
    };
    let references = table("citations", &["doc_id", "symbol"])?.map(|r| group(r, |c| c[0].clone().unwrap_or_default()));
    let missions =
        table("mission_mentions", &["doc_id", "mission_id"])?.map(|r| group(r, |c| c[0].clone().unwrap_or_default()));
    let events = table("mandate_events", &["doc_id", "mission_id", "event", "status", "date", "until"])?.map(|r| {
        group(r, |c| PredEvent {
            mission: c[0].clone(),
            event: c[1].clone(),
            status: c[2].clone(),
            date: c[3].clone(),
            until: c[4].clone(),
        })
    });
    let indicators =
        table("indicators", &["doc_id", "value", "value_high", "unit", "qualifier", "unit_surface"])?.map(|r| {
            group(r, |c| {
                let f = |s: &Option<String>| s.as_deref().and_then(|v| v.parse::<f64>().ok());
                PredIndicator {
                    value: f(&c[0]).unwrap_or(f64::NAN),
                    value_high: f(&c[1]),
                    unit: c[2].clone().unwrap_or_default(),
                    qualifier: c[3].clone().unwrap_or_default(),
                    unit_surface: c[4].clone().unwrap_or_default(),
                }
            })
        });
    Ok(Tables { letters, references, missions, events, indicators })
}

fn set_score(gold: &[String], pred: &[String], file: &str, table: &'static str, misses: &mut Vec<Miss>) -> Prf {
    let mut g: Vec<&String> = gold.iter().collect();
    g.sort();
    g.dedup();
    let mut p: Vec<&String> = pred.iter().collect();
    p.sort();
    p.dedup();
    let tp = g.iter().filter(|x| p.contains(x)).count() as u64;
    for x in g.iter().filter(|x| !p.contains(x)) {
        misses.push(Miss { file: file.into(), table, kind: "missed", item: (*x).clone() });
    }
    for x in p.iter().filter(|x| !g.contains(x)) {
        misses.push(Miss { file: file.into(), table, kind: "spurious", item: (*x).clone() });
    }
    Prf { tp, fp: p.len() as u64 - tp, fn_: g.len() as u64 - tp }
}

fn date_ok(gold: &Option<String>, pred: &Option<String>) -> bool {
    match gold {
        None => true,
        Some(g) => match (PartialDate::parse(g), pred.as_deref().and_then(PartialDate::parse)) {
            (Some(g), Some(p)) => g.accepts(p),
            _ => false,
        },
    }
}

fn unit_ok(g: &GoldIndicator, unit: &str) -> bool {
    g.unit == unit || g.unit_alt.iter().any(|u| u == unit)
}

fn value_ok(g: &GoldIndicator, v: f64, hi: Option<f64>) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(1.0);
    close(g.value, v)
        && match (g.value_high, hi) {
            (None, None) => true,
            (Some(a), Some(b)) => close(a, b),
            _ => false,
        }
}

/// Scores the tables in `out` against the gold files in `gold_dir`.
pub fn evaluate(out: &Path, gold_dir: &Path) -> Result<Report, Error> {
    let golds = gold::read_dir(gold_dir)?;
    if golds.is_empty() {
        return Err(Error::NoGold(gold_dir.to_owned()));
    }
    let mut report = Report::default();
    let tables = read(out, &mut report.missing_tables)?;
    let (mut refs, mut missions, mut events, mut inds) =
        (Prf::default(), Prf::default(), Prf::default(), Prf::default());
    let (mut status, mut qual) = (Accuracy::default(), Accuracy::default());
    let empty = Vec::new();
    for g in &golds {
        report.documents += 1;
        let (doc_id, meta) = match document_of(&tables, g) {
            Some((id, meta)) => (id.clone(), meta.clone()),
            None => {
                report.documents_missing.push(g.file.clone());
                (String::new(), Metadata::default())
            }
        };
        score_metadata(g, &meta, &mut report);
        let misses = &mut report.misses;
        if let Some(r) = tables.references.as_ref().filter(|_| g.scores("references")) {
            refs.add(set_score(&g.references, r.get(&doc_id).unwrap_or(&empty), &g.file, "references", misses));
        }
        if let Some(m) = tables.missions.as_ref().filter(|_| g.scores("missions")) {
            let keys = |ids: &[String]| ids.iter().map(|m| gold::mission_key(m)).collect::<Vec<_>>();
            let pred = keys(m.get(&doc_id).unwrap_or(&empty));
            missions.add(set_score(&keys(&g.missions), &pred, &g.file, "missions", misses));
        }
        if let Some(e) = tables.events.as_ref().filter(|_| g.scores("mandate_events")) {
            let pred = e.get(&doc_id).map(Vec::as_slice).unwrap_or(&[]);
            events.add(score_events(g, pred, &mut status, misses));
        }
        if let Some(ind) = tables.indicators.as_ref().filter(|_| g.scores("indicators")) {
            let pred = ind.get(&doc_id).map(Vec::as_slice).unwrap_or(&[]);
            inds.add(score_indicators(g, pred, &mut qual, misses));
        }
    }
    report.references = tables.references.as_ref().map(|_| refs);
    report.missions = tables.missions.as_ref().map(|_| missions);
    report.mandate_events = tables.events.as_ref().map(|_| events);
    report.event_status = tables.events.as_ref().map(|_| status);
    report.indicators = tables.indicators.as_ref().map(|_| inds);
    report.indicator_qualifier = tables.indicators.as_ref().map(|_| qual);
    Ok(report)
}

/// The doc_id whose rows a gold file's document has, and its metadata.
/// The gold of `NAME.txt` applies to `NAME.pdf`, the same document.
fn document_of<'t>(tables: &'t Tables, g: &Gold) -> Option<(&'t String, &'t Metadata)> {
    let pdf = g.file.strip_suffix(".txt").map(|stem| format!("{stem}.pdf"));
    let is_file = |p: &str, f: &str| p == f || p.ends_with(&format!("/{f}"));
    tables
        .letters
        .iter()
        .find(|(p, _, _)| is_file(p, &g.file) || pdf.as_deref().is_some_and(|f| is_file(p, f)))
        .map(|(_, id, meta)| (id, meta))
}

fn score_metadata(g: &Gold, meta: &Metadata, report: &mut Report) {
    let want = [&g.symbol, &g.doc_type, &g.letter_date, &g.signatory];
    for ((name, want), got) in METADATA.into_iter().zip(want).zip(meta) {
        if !g.scores(name) {
            continue;
        }
        let ok = got == want;
        if !ok {
            report.misses.push(Miss {
                file: g.file.clone(),
                table: "documents",
                kind: name,
                item: format!("want {want:?}, got {got:?}"),
            });
        }
        report.metadata.entry(name).or_default().push(ok);
        if matches!(g.doc_type.as_deref(), Some("letter" | "letter_other" | "note")) {
            report.letter_metadata.entry(name).or_default().push(ok);
        }
    }
}

/// Pairs gold items with predictions one to one: each gold item, in order,
/// takes the first prediction not yet taken that `matches` it. `taken`
/// marks the predictions paired (optional gold may take more after).
fn pair<G, P>(gold: &[G], pred: &[P], taken: &mut [bool], matches: impl Fn(&G, &P) -> bool) -> Vec<Option<usize>> {
    gold.iter()
        .map(|g| {
            let hit = (0..pred.len()).find(|&i| !taken[i] && matches(g, &pred[i]));
            if let Some(i) = hit {
                taken[i] = true;
            }
            hit
        })
        .collect()
}

/// Records a miss for each gold item without a prediction and each
/// prediction not taken; returns the counts.
fn tally<G, P>(
    file: &str,
    table: &'static str,
    (gold, pairs): (&[G], &[Option<usize>]),
    (pred, taken): (&[P], &[bool]),
    show_gold: impl Fn(&G) -> String,
    show_pred: impl Fn(&P) -> String,
    misses: &mut Vec<Miss>,
) -> Prf {
    let mut miss = |kind, item| misses.push(Miss { file: file.to_owned(), table, kind, item });
    for (g, _) in gold.iter().zip(pairs).filter(|(_, p)| p.is_none()) {
        miss("missed", show_gold(g));
    }
    for (p, _) in pred.iter().zip(taken).filter(|(_, t)| !**t) {
        miss("spurious", show_pred(p));
    }
    let tp = pairs.iter().flatten().count() as u64;
    let fp = taken.iter().filter(|t| !**t).count() as u64;
    Prf { tp, fp, fn_: gold.len() as u64 - tp }
}

fn score_events(g: &Gold, pred: &[PredEvent], status: &mut Accuracy, misses: &mut Vec<Miss>) -> Prf {
    let mut taken = vec![false; pred.len()];
    let pairs = pair(&g.mandate_events, pred, &mut taken, |ge, p| {
        p.mission.as_deref().map(gold::mission_key) == Some(gold::mission_key(&ge.mission))
            && p.event.as_deref() == Some(ge.event.as_str())
            && date_ok(&ge.date, &p.date)
            && date_ok(&ge.until, &p.until)
    });
    for (ge, i) in g.mandate_events.iter().zip(&pairs) {
        if let Some(i) = i {
            status.push(pred[*i].status.as_deref() == Some(ge.status.as_str()));
        }
    }
    tally(
        &g.file,
        "mandate_events",
        (&g.mandate_events, &pairs),
        (pred, &taken),
        |ge| format!("{} {} {} date={:?} until={:?}", ge.mission, ge.event, ge.status, ge.date, ge.until),
        |p| {
            let s = |v: &Option<String>| v.clone().unwrap_or_default();
            format!("{} {} {} date={:?} until={:?}", s(&p.mission), s(&p.event), s(&p.status), p.date, p.until)
        },
        misses,
    )
}

fn score_indicators(g: &Gold, pred: &[PredIndicator], qual: &mut Accuracy, misses: &mut Vec<Miss>) -> Prf {
    let mut taken = vec![false; pred.len()];
    let pairs = pair(&g.indicators, pred, &mut taken, |gi, p| {
        value_ok(gi, p.value, p.value_high) && (unit_ok(gi, &p.unit_surface) || unit_ok(gi, &p.unit))
    });
    for (gi, i) in g.indicators.iter().zip(&pairs) {
        if let Some(i) = i {
            qual.push(pred[*i].qualifier == gi.qualifier);
        }
    }
    // Optional gold indicators absorb predictions without counting.
    pair(&g.optional_indicators, pred, &mut taken, |gi, p| value_ok(gi, p.value, p.value_high));
    tally(
        &g.file,
        "indicators",
        (&g.indicators, &pairs),
        (pred, &taken),
        |gi| format!("{} {} ({})", gi.value, gi.unit, gi.text),
        |p| format!("{} {} ({})", p.value, p.unit_surface, p.unit),
        misses,
    )
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents scored: {} ({} missing from documents)", self.documents, self.documents_missing.len())?;
        Prf::write_header(f, "table", 22)?;
        let prf = |f: &mut fmt::Formatter<'_>, name: &str, p: &Option<Prf>| match p {
            Some(p) => p.write_row(f, name, 22),
            None => writeln!(f, "{name:<22} (table missing)"),
        };
        prf(f, "references", &self.references)?;
        prf(f, "missions", &self.missions)?;
        prf(f, "mandate_events", &self.mandate_events)?;
        prf(f, "indicators", &self.indicators)?;
        writeln!(f, "{:<22} {:>9}   correct/total", "accuracy", "value")?;
        for (k, a) in &self.metadata {
            writeln!(f, "{:<22} {:>9.3}   {}/{}", format!("documents.{k}"), a.value(), a.correct, a.total)?;
        }
        for (k, a) in &self.letter_metadata {
            writeln!(f, "{:<22} {:>9.3}   {}/{}", format!("letters.{k}"), a.value(), a.correct, a.total)?;
        }
        if let Some(a) = self.event_status {
            writeln!(f, "{:<22} {:>9.3}   {}/{}", "mandate_events.status", a.value(), a.correct, a.total)?;
        }
        if let Some(a) = self.indicator_qualifier {
            writeln!(f, "{:<22} {:>9.3}   {}/{}", "indicators.qualifier", a.value(), a.correct, a.total)?;
        }
        if !self.missing_tables.is_empty() {
            writeln!(f, "missing tables: {}", self.missing_tables.join(", "))?;
        }
        Ok(())
    }
}
