//! Scoring an output folder against gold annotations (GUIDELINES §5):
//! per document, predictions are matched to gold one to one; precision,
//! recall and F1 are micro-averaged over documents.

pub mod agree;
pub mod gold;
pub mod pact;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use gold::GoldIndicator;
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
    pub references: Option<Prf>,
    pub missions: Option<Prf>,
    pub mandate_events: Option<Prf>,
    pub event_status: Option<Accuracy>,
    pub indicators: Option<Prf>,
    pub indicator_qualifier: Option<Accuracy>,
    pub missing_tables: Vec<&'static str>,
    pub misses: Vec<Miss>,
}

/// A predicted indicator: value, upper bound, unit, qualifier, unit as written.
type PredIndicator = (f64, Option<f64>, String, String, String);

struct Tables {
    /// doc_id whose rows a gold file's document has (its own, or for a
    /// duplicate its original's), by file name, with the document's metadata.
    letters: Vec<(String, String, [Option<String>; 4])>,
    references: Option<HashMap<String, Vec<String>>>,
    missions: Option<HashMap<String, Vec<String>>>,
    events: Option<HashMap<String, Vec<[Option<String>; 5]>>>,
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
    let events = table("mandate_events", &["doc_id", "mission_id", "event", "status", "date", "until"])?
        .map(|r| group(r, |c| [c[0].clone(), c[1].clone(), c[2].clone(), c[3].clone(), c[4].clone()]));
    let indicators =
        table("indicators", &["doc_id", "value", "value_high", "unit", "qualifier", "unit_surface"])?.map(|r| {
            group(r, |c| {
                let f = |s: &Option<String>| s.as_deref().and_then(|v| v.parse::<f64>().ok());
                (
                    f(&c[0]).unwrap_or(f64::NAN),
                    f(&c[1]),
                    c[2].clone().unwrap_or_default(),
                    c[3].clone().unwrap_or_default(),
                    c[4].clone().unwrap_or_default(),
                )
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
    let mut refs = Prf::default();
    let mut missions = Prf::default();
    let mut events = Prf::default();
    let mut status = Accuracy::default();
    let mut inds = Prf::default();
    let mut qual = Accuracy::default();
    for g in &golds {
        report.documents += 1;
        // The gold of `NAME.txt` applies to `NAME.pdf`, the same document.
        let pdf = g.file.strip_suffix(".txt").map(|stem| format!("{stem}.pdf"));
        let is_file = |p: &str, f: &str| p == f || p.ends_with(&format!("/{f}"));
        let letter = tables
            .letters
            .iter()
            .find(|(p, _, _)| is_file(p, &g.file) || pdf.as_deref().is_some_and(|f| is_file(p, f)));
        let (doc_id, meta) = match letter {
            Some((_, id, meta)) => (id.clone(), meta.clone()),
            None => {
                report.documents_missing.push(g.file.clone());
                (String::new(), [None, None, None, None])
            }
        };
        for (i, (name, want)) in [
            ("symbol", &g.symbol),
            ("doc_type", &g.doc_type),
            ("letter_date", &g.letter_date),
            ("signatory", &g.signatory),
        ]
        .into_iter()
        .enumerate()
        {
            if !g.scores(name) {
                continue;
            }
            let ok = &meta[i] == want;
            if !ok {
                report.misses.push(Miss {
                    file: g.file.clone(),
                    table: "documents",
                    kind: name,
                    item: format!("want {want:?}, got {:?}", meta[i]),
                });
            }
            report.metadata.entry(name).or_default().push(ok);
        }
        let empty = Vec::new();
        if let Some(r) = tables.references.as_ref().filter(|_| g.scores("references")) {
            refs.add(set_score(
                &g.references,
                r.get(&doc_id).unwrap_or(&empty),
                &g.file,
                "references",
                &mut report.misses,
            ));
        }
        if let Some(m) = tables.missions.as_ref().filter(|_| g.scores("missions")) {
            let keys = |ids: &[String]| ids.iter().map(|m| gold::mission_key(m)).collect::<Vec<_>>();
            missions.add(set_score(
                &keys(&g.missions),
                &keys(m.get(&doc_id).unwrap_or(&empty)),
                &g.file,
                "missions",
                &mut report.misses,
            ));
        }
        if let Some(e) = tables.events.as_ref().filter(|_| g.scores("mandate_events")) {
            let pred = e.get(&doc_id).map(Vec::as_slice).unwrap_or(&[]);
            let mut used = vec![false; pred.len()];
            let mut tp = 0;
            for ge in &g.mandate_events {
                let hit = pred.iter().enumerate().position(|(i, p)| {
                    !used[i]
                        && p[0].as_deref().map(gold::mission_key) == Some(gold::mission_key(&ge.mission))
                        && p[1].as_deref() == Some(ge.event.as_str())
                        && date_ok(&ge.date, &p[3])
                        && date_ok(&ge.until, &p[4])
                });
                match hit {
                    Some(i) => {
                        used[i] = true;
                        tp += 1;
                        status.push(pred[i][2].as_deref() == Some(ge.status.as_str()));
                    }
                    None => report.misses.push(Miss {
                        file: g.file.clone(),
                        table: "mandate_events",
                        kind: "missed",
                        item: format!(
                            "{} {} {} date={:?} until={:?}",
                            ge.mission, ge.event, ge.status, ge.date, ge.until
                        ),
                    }),
                }
            }
            for (i, p) in pred.iter().enumerate().filter(|(i, _)| !used[*i]) {
                let _ = i;
                report.misses.push(Miss {
                    file: g.file.clone(),
                    table: "mandate_events",
                    kind: "spurious",
                    item: format!("{p:?}"),
                });
            }
            events.add(Prf { tp, fp: (pred.len() as u64) - tp, fn_: g.mandate_events.len() as u64 - tp });
        }
        if let Some(ind) = tables.indicators.as_ref().filter(|_| g.scores("indicators")) {
            let pred = ind.get(&doc_id).map(Vec::as_slice).unwrap_or(&[]);
            let mut used = vec![false; pred.len()];
            let mut tp = 0;
            for gi in &g.indicators {
                let hit = (0..pred.len()).find(|&i| {
                    !used[i]
                        && value_ok(gi, pred[i].0, pred[i].1)
                        && (unit_ok(gi, &pred[i].4) || unit_ok(gi, &pred[i].2))
                });
                match hit {
                    Some(i) => {
                        used[i] = true;
                        tp += 1;
                        qual.push(pred[i].3 == gi.qualifier);
                    }
                    None => report.misses.push(Miss {
                        file: g.file.clone(),
                        table: "indicators",
                        kind: "missed",
                        item: format!("{} {} ({})", gi.value, gi.unit, gi.text),
                    }),
                }
            }
            // Optional gold indicators absorb predictions without counting.
            for gi in &g.optional_indicators {
                if let Some(i) = (0..pred.len()).find(|&i| !used[i] && value_ok(gi, pred[i].0, pred[i].1)) {
                    used[i] = true;
                }
            }
            let fp = used.iter().filter(|u| !**u).count() as u64;
            for (i, p) in pred.iter().enumerate().filter(|(i, _)| !used[*i]) {
                let _ = i;
                report.misses.push(Miss {
                    file: g.file.clone(),
                    table: "indicators",
                    kind: "spurious",
                    item: format!("{} {} ({})", p.0, p.4, p.2),
                });
            }
            inds.add(Prf { tp, fp, fn_: g.indicators.len() as u64 - tp });
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

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents scored: {} ({} missing from documents)", self.documents, self.documents_missing.len())?;
        writeln!(f, "{:<22} {:>9} {:>9} {:>9}   tp/fp/fn", "table", "precision", "recall", "f1")?;
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
