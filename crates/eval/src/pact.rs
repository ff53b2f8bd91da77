//! Scoring activity categories against the PACT paragraph codes
//! (`data/gold/pact/paragraph_codes.csv`): for each coded paragraph of a
//! report in the output, the union of the categories of its activities
//! against the coded set; micro-F1 over all categories, over the seven the
//! PACT team's classifiers report, and per category.
//!
//! The shipped model was trained on these codes, so the scores are
//! cross-validated over reports: each fold's paragraphs are coded by a
//! model trained on the other folds' reports only.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use missive_enrich::classifier::Model;

use crate::train::{self, TrainParams};
use serde::Serialize;

use crate::{Error, Prf};

/// The categories the PACT team's own classifiers report.
pub const SEVEN: [&str; 7] = [
    "PoliceReform",
    "Operations_PatrolsInterventions",
    "StateAdministration",
    "RefugeeAssistance",
    "ElectionAssistance",
    "LegalReform",
    "CivilSocietyAssistance",
];

/// One coded paragraph.
#[derive(Debug, Clone)]
pub struct Code {
    pub file: String,
    pub paragraph: String,
    pub categories: Vec<String>,
}

/// Reads the codes: `file,paragraphNumber,paragraph_ID,<one column per category>`.
pub fn read_codes(path: &Path) -> Result<(Vec<String>, Vec<Code>), Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    let bad = |m: String| Error::Gold { path: path.to_owned(), message: m };
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().map_err(|e| bad(e.to_string()))?.clone();
    let classes: Vec<String> = headers.iter().skip(3).map(str::to_owned).collect();
    let mut codes = Vec::new();
    for row in rdr.records() {
        let row = row.map_err(|e| bad(e.to_string()))?;
        let categories = classes
            .iter()
            .enumerate()
            .filter(|(i, _)| !row.get(i + 3).unwrap_or("").trim().is_empty())
            .map(|(_, c)| c.clone())
            .collect();
        codes.push(Code {
            file: row.get(0).unwrap_or("").to_owned(),
            paragraph: row.get(1).unwrap_or("").to_owned(),
            categories,
        });
    }
    Ok((classes, codes))
}

/// A coded paragraph found in an output folder.
#[derive(Debug, Clone)]
pub struct Sample {
    pub file: String,
    pub paragraph: String,
    pub text: String,
    pub gold: Vec<String>,
    /// Whether the output has an activity in this paragraph.
    pub has_activity: bool,
}

/// The coded paragraphs of the reports in `out`, with their text.
pub fn samples(out: &Path, codes: &[Code]) -> Result<Vec<Sample>, Error> {
    let letters = missive_store::read_strings(&out.join("documents.parquet"), &["source_path", "doc_id", "text"])?;
    let activities_path = out.join("activities.parquet");
    let mut with_activity: BTreeSet<(String, String)> = BTreeSet::new();
    if activities_path.exists() {
        for r in missive_store::read_strings(&activities_path, &["doc_id", "paragraph"])? {
            if let (Some(d), Some(p)) = (&r[0], &r[1]) {
                with_activity.insert((d.clone(), p.clone()));
            }
        }
    }
    let mut by_file: HashMap<&str, (&str, HashMap<String, String>)> = HashMap::new();
    for l in &letters {
        let (Some(path), Some(doc), Some(text)) = (&l[0], &l[1], &l[2]) else { continue };
        let name = path.rsplit('/').next().unwrap_or(path);
        let mut paras = HashMap::new();
        for line in text.lines() {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&digits) && line[digits..].starts_with(". ") {
                paras.entry(line[..digits].to_owned()).or_insert_with(|| line[digits + 2..].to_owned());
            }
        }
        by_file.insert(name, (doc.as_str(), paras));
    }
    let mut out = Vec::new();
    for c in codes {
        let Some((doc, paras)) = by_file.get(c.file.as_str()) else { continue };
        let Some(text) = paras.get(&c.paragraph) else { continue };
        out.push(Sample {
            file: c.file.clone(),
            paragraph: c.paragraph.clone(),
            text: text.clone(),
            gold: c.categories.clone(),
            has_activity: with_activity.contains(&((*doc).to_owned(), c.paragraph.clone())),
        });
    }
    out.sort_by(|a, b| (&a.file, a.paragraph.parse::<u32>().ok()).cmp(&(&b.file, b.paragraph.parse::<u32>().ok())));
    Ok(out)
}

/// One sentence of an activity coded blind (`sentence_codes.csv`): the
/// file it is from, its text, the categories of its act (none when no
/// category of the codebook fits it) and its mode when both coders gave
/// the same one.
#[derive(Debug, Clone)]
pub struct SentenceCode {
    pub file: String,
    pub text: String,
    pub categories: Vec<String>,
    pub mode: Option<String>,
}

/// Reads the sentence codes: `file,sentence,categories,mode` (categories
/// `|`-separated, empty for none; mode one of [`missive_model::PACT_MODES`] or empty). A
/// category that is not one of `classes`, or an unknown mode, is an error,
/// with its line.
pub fn read_sentence_codes(path: &Path, classes: &[String]) -> Result<Vec<SentenceCode>, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    let bad = |m: String| Error::Gold { path: path.to_owned(), message: m };
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().map_err(|e| bad(e.to_string()))?.clone();
    if headers.iter().collect::<Vec<_>>() != ["file", "sentence", "categories", "mode"] {
        return Err(bad("the header must be file,sentence,categories,mode".to_owned()));
    }
    let mut out = Vec::new();
    for row in rdr.records() {
        let row = row.map_err(|e| bad(e.to_string()))?;
        let line = row.position().map_or(0, csv::Position::line);
        let categories: Vec<String> =
            row[2].split('|').map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect();
        if let Some(c) = categories.iter().find(|c| !classes.contains(c)) {
            return Err(bad(format!("line {line}: unknown category {c:?}")));
        }
        let mode = row[3].trim();
        if !mode.is_empty() && !missive_model::PACT_MODES.contains(&mode) {
            return Err(bad(format!("line {line}: unknown mode {mode:?}")));
        }
        let mode = (!mode.is_empty()).then(|| mode.to_owned());
        out.push(SentenceCode { file: row[0].to_owned(), text: row[1].to_owned(), categories, mode });
    }
    Ok(out)
}

/// The coded sentences that have categories, each with its context in its
/// document ([`missive_enrich::classifier::context_of`] of the document's
/// text in the run `out`, as the pipeline reads it); a sentence not found
/// in its document is left out. Returns them and how many were left out.
pub fn in_context(out: &Path, sentences: &[SentenceCode]) -> Result<(Vec<train::Labelled>, usize), Error> {
    let docs = missive_store::read_strings(&out.join("documents.parquet"), &["source_path", "text"])?;
    let mut by_file: HashMap<&str, &str> = HashMap::new();
    for d in &docs {
        if let (Some(path), Some(text)) = (&d[0], &d[1]) {
            by_file.entry(path.rsplit('/').next().unwrap_or(path)).or_insert(text);
        }
    }
    let mut data = Vec::new();
    let mut missing = 0;
    for s in sentences.iter().filter(|s| !s.categories.is_empty()) {
        let found = by_file.get(s.file.as_str()).and_then(|text| text.find(&s.text).map(|at| (text, at)));
        let Some((text, at)) = found else {
            missing += 1;
            continue;
        };
        data.push(train::Labelled {
            text: s.text.clone(),
            labels: s.categories.clone(),
            weight: 1.0,
            context: Some(missive_enrich::classifier::context_of(text, at, at + s.text.len()).to_owned()),
        });
    }
    Ok((data, missing))
}

/// Trains the category model: what one act is about, read from its
/// sentence in its context, on the coded sentences ([`in_context`]).
pub fn train_categories(data: &[train::Labelled], classes: &[String], params: TrainParams) -> Model {
    train::train(data, classes, params)
}

/// Trains the mode model on the coded sentences that have a mode: one
/// logistic regression per mode over the sentence's words; the pipeline
/// takes the best-scoring mode where no word of the act names one.
pub fn train_modes(sentences: &[SentenceCode], params: TrainParams) -> Model {
    let data: Vec<train::Labelled> = sentences
        .iter()
        .filter_map(|s| {
            let mode = s.mode.clone()?;
            Some(train::Labelled { text: s.text.clone(), labels: vec![mode], weight: 1.0, context: None })
        })
        .collect();
    let classes: Vec<String> = missive_model::PACT_MODES.map(String::from).to_vec();
    train::train(&data, &classes, params)
}

/// One sentence coded blind as a PACT activity of the mission or not
/// (`act_codes.csv`): not, when both coders judged it no act, or an act no
/// category of the codebook fits (the mission's own premises, staff, moves
/// and plans).
#[derive(Debug, Clone)]
pub struct ActCode {
    pub file: String,
    pub text: String,
    pub activity: bool,
}

/// The act filter's one class: the sentence is no PACT activity.
pub const NOT_ACTIVITY: &str = "NotActivity";

/// The probability of [`NOT_ACTIVITY`] at or above which the pipeline
/// drops a sentence: 0.5, the class-balanced model's midpoint. On coded
/// batches 12-15 held out it keeps 401 of 459 coded acts and takes the
/// share of kept rows that are coded acts with a right category from
/// 0.637 to 0.717 (`data/models/README.md` has the other thresholds).
pub const ACT_THRESHOLD: f64 = 0.5;

/// Reads the act codes: `file,sentence,activity` (`yes` or `no`); anything
/// else is an error, with its line.
pub fn read_act_codes(path: &Path) -> Result<Vec<ActCode>, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    let bad = |m: String| Error::Gold { path: path.to_owned(), message: m };
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().map_err(|e| bad(e.to_string()))?.clone();
    if headers.iter().collect::<Vec<_>>() != ["file", "sentence", "activity"] {
        return Err(bad("the header must be file,sentence,activity".to_owned()));
    }
    let mut out = Vec::new();
    for row in rdr.records() {
        let row = row.map_err(|e| bad(e.to_string()))?;
        let line = row.position().map_or(0, csv::Position::line);
        let activity = match row[2].trim() {
            "yes" => true,
            "no" => false,
            other => return Err(bad(format!("line {line}: activity must be yes or no, not {other:?}"))),
        };
        out.push(ActCode { file: row[0].to_owned(), text: row[1].to_owned(), activity });
    }
    Ok(out)
}

/// Trains the act filter: one logistic regression for [`NOT_ACTIVITY`]
/// over the sentence's words, its threshold [`ACT_THRESHOLD`].
pub fn train_acts(codes: &[ActCode], params: TrainParams) -> Model {
    let data: Vec<train::Labelled> = codes
        .iter()
        .map(|c| train::Labelled {
            text: c.text.clone(),
            labels: if c.activity { Vec::new() } else { vec![NOT_ACTIVITY.to_owned()] },
            weight: 1.0,
            context: None,
        })
        .collect();
    // One class: every weight is kept (the 3,000 largest leave the many
    // words of a plain act, "patrolled", "road", at zero, and a short
    // sentence to the few that are left).
    train::train(
        &data,
        &[NOT_ACTIVITY.to_owned()],
        TrainParams { threshold: ACT_THRESHOLD, keep_per_class: usize::MAX, ..params },
    )
}

/// The act filter cross-validated over the coded sentences' reports: how
/// many it drops, how many of those are no PACT activity (`dropped`: tp
/// rightly dropped, fp an activity dropped, fn_ a non-activity kept), and
/// the share of activities among the sentences kept, before and after.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ActReport {
    pub sentences: usize,
    pub not_activity: usize,
    pub folds: usize,
    pub threshold: f64,
    pub dropped: Prf,
    pub activities_before: f64,
    pub activities_after: f64,
    /// The same at other thresholds: (threshold, dropped, share after).
    pub sweep: Vec<(f64, Prf, f64)>,
}

/// Each report's fold: the files in sorted order, dealt round the folds.
fn fold_by_file<'a>(files: impl Iterator<Item = &'a str>, folds: usize) -> HashMap<&'a str, usize> {
    let files: BTreeSet<&str> = files.collect();
    files.into_iter().enumerate().map(|(i, f)| (f, i % folds.max(1))).collect()
}

/// The thresholds [`ActReport::sweep`] tries.
const SWEEP: [f64; 6] = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75];

/// Cross-validates the act filter over `folds` folds of reports.
pub fn evaluate_acts(codes: &[ActCode], folds: usize, params: TrainParams) -> ActReport {
    let fold_of = fold_by_file(codes.iter().map(|c| c.file.as_str()), folds);
    // Each sentence's cross-validated score, by the model of the folds
    // that left its report out.
    let mut scored: Vec<(f64, bool)> = Vec::with_capacity(codes.len());
    for k in 0..folds.max(1) {
        let train_set: Vec<ActCode> = codes.iter().filter(|c| fold_of[c.file.as_str()] != k).cloned().collect();
        let model = train_acts(&train_set, params);
        for c in codes.iter().filter(|c| fold_of[c.file.as_str()] == k) {
            scored.push((model.scores(&c.text)[0], c.activity));
        }
    }
    let n = codes.len() as u64;
    let not_activity = codes.iter().filter(|c| !c.activity).count();
    let share = |kept_activities: u64, kept: u64| if kept == 0 { 0.0 } else { kept_activities as f64 / kept as f64 };
    let at = |threshold: f64| {
        let mut dropped = Prf::default();
        for &(p, activity) in &scored {
            let drop = p >= threshold;
            dropped.add(Prf {
                tp: u64::from(drop && !activity),
                fp: u64::from(drop && activity),
                fn_: u64::from(!drop && !activity),
            });
        }
        let after = share(n - not_activity as u64 - dropped.fp, n - dropped.tp - dropped.fp);
        (dropped, after)
    };
    let (dropped, activities_after) = at(ACT_THRESHOLD);
    ActReport {
        sentences: codes.len(),
        not_activity,
        folds,
        threshold: ACT_THRESHOLD,
        activities_before: share(n - not_activity as u64, n),
        activities_after,
        dropped,
        sweep: SWEEP
            .iter()
            .map(|&t| {
                let (d, a) = at(t);
                (t, d, a)
            })
            .collect(),
    }
}

impl std::fmt::Display for ActReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "act filter: {} coded sentences, {} no PACT activity; {}-fold cross-validation over reports, threshold {}",
            self.sentences, self.not_activity, self.folds, self.threshold
        )?;
        Prf::write_header(f, "", 34)?;
        self.dropped.write_row(f, "sentences dropped as no activity", 34)?;
        writeln!(
            f,
            "activities among the sentences kept: {:.3} before the filter, {:.3} after",
            self.activities_before, self.activities_after
        )?;
        for (t, d, a) in &self.sweep {
            d.write_row(f, &format!("  at {t:.2} (kept: {a:.3} activities)"), 34)?;
        }
        Ok(())
    }
}

/// Trains the activity model on coded paragraphs and on sentences coded
/// blind (weighted by `params.sentence_weight`).
pub fn train(samples: &[Sample], sentences: &[SentenceCode], classes: &[String], params: TrainParams) -> Model {
    let paragraphs = samples.iter().map(|s| train::Labelled {
        text: s.text.clone(),
        labels: s.gold.clone(),
        weight: 1.0,
        context: None,
    });
    let sentences = sentences.iter().map(|s| train::Labelled {
        text: s.text.clone(),
        labels: s.categories.clone(),
        weight: params.sentence_weight,
        context: None,
    });
    let data: Vec<train::Labelled> = paragraphs.chain(sentences).collect();
    train::train(&data, classes, params)
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PactReport {
    pub coded_paragraphs: usize,
    pub aligned_paragraphs: usize,
    pub with_activity: usize,
    pub folds: usize,
    pub seven: Prf,
    pub all: Prf,
    /// The classifier alone, as the PACT team's classifiers are scored:
    /// the seven categories of every coded paragraph, each coded with at
    /// least one, whether or not missive finds an activity in it.
    pub seven_classifier: Prf,
    pub per_category: BTreeMap<String, Prf>,
}

/// Cross-validated scores over `folds` folds of reports. Each fold's
/// model also learns the coded sentences (`sentences_path`) of every file
/// but the fold's own reports.
pub fn evaluate(
    out: &Path,
    codes_path: &Path,
    sentences_path: Option<&Path>,
    folds: usize,
    params: TrainParams,
) -> Result<PactReport, Error> {
    let (classes, codes) = read_codes(codes_path)?;
    let sentences = match sentences_path {
        Some(p) => read_sentence_codes(p, &classes)?,
        None => Vec::new(),
    };
    let samples = samples(out, &codes)?;
    let fold_of = fold_by_file(samples.iter().map(|s| s.file.as_str()), folds);
    let mut report = PactReport {
        coded_paragraphs: codes.len(),
        aligned_paragraphs: samples.len(),
        with_activity: samples.iter().filter(|s| s.has_activity).count(),
        folds,
        ..PactReport::default()
    };
    for c in &classes {
        report.per_category.insert(c.clone(), Prf::default());
    }
    for k in 0..folds {
        let train_set: Vec<Sample> = samples.iter().filter(|s| fold_of[s.file.as_str()] != k).cloned().collect();
        let held_out = |file: &str| fold_of.get(file) == Some(&k);
        let train_sentences: Vec<SentenceCode> = sentences.iter().filter(|s| !held_out(&s.file)).cloned().collect();
        let model = train(&train_set, &train_sentences, &classes, params);
        for s in samples.iter().filter(|s| fold_of[s.file.as_str()] == k) {
            // As the pipeline codes an activity: at least one category.
            let coded = model.predict_at_least_one(&s.text);
            let predicted: Vec<String> = if s.has_activity { coded.clone() } else { Vec::new() };
            for c in SEVEN {
                let (p, g) = (coded.iter().any(|x| x == c), s.gold.iter().any(|x| x == c));
                report.seven_classifier.add(Prf {
                    tp: u64::from(p && g),
                    fp: u64::from(p && !g),
                    fn_: u64::from(!p && g),
                });
            }
            for c in &classes {
                let (p, g) = (predicted.contains(c), s.gold.contains(c));
                let cell = Prf { tp: u64::from(p && g), fp: u64::from(p && !g), fn_: u64::from(!p && g) };
                report.all.add(cell);
                if SEVEN.contains(&c.as_str()) {
                    report.seven.add(cell);
                }
                report.per_category.get_mut(c).expect("class").add(cell);
            }
        }
    }
    Ok(report)
}

impl std::fmt::Display for PactReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "PACT paragraphs: {} coded, {} found in the output, {} with an activity; {}-fold cross-validation over reports",
            self.coded_paragraphs, self.aligned_paragraphs, self.with_activity, self.folds
        )?;
        Prf::write_header(f, "categories", 34)?;
        let line = |f: &mut std::fmt::Formatter<'_>, name: &str, p: &Prf| p.write_row(f, name, 34);
        line(f, "micro, the seven PACT categories", &self.seven)?;
        line(f, "micro, all categories", &self.all)?;
        line(f, "the seven, classifier alone (*)", &self.seven_classifier)?;
        for (c, p) in &self.per_category {
            line(f, &format!("  {c}"), p)?;
        }
        writeln!(
            f,
            "(*) every coded paragraph coded by the classifier, whether or not missive finds an activity in it"
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_codes_name_known_categories() {
        let dir = std::env::temp_dir().join(format!("missive-sentence-codes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("codes.csv");
        let classes = vec!["PoliceReform".to_owned(), "HumanRights".to_owned()];
        std::fs::write(
            &path,
            "file,sentence,categories,mode\na.txt,\"It trained, and advised.\",PoliceReform|HumanRights,Assist\nb.txt,It moved.,,\n",
        )
        .unwrap();
        let codes = read_sentence_codes(&path, &classes).unwrap();
        assert_eq!(codes.len(), 2);
        assert_eq!(codes[0].categories, ["PoliceReform", "HumanRights"]);
        assert!(codes[1].categories.is_empty());
        assert_eq!(codes[0].mode.as_deref(), Some("Assist"));
        assert_eq!(codes[1].mode, None);
        let codes = |body: &str| {
            std::fs::write(&path, format!("file,sentence,categories,mode\n{body}")).unwrap();
            read_sentence_codes(&path, &classes).unwrap_err().to_string()
        };
        let err = codes("a.txt,It trained.,PoliceReform,\nb.txt,It moved.,Policing,\n");
        assert!(err.contains("line 3") && err.contains("Policing"), "{err}");
        let err = codes("a.txt,It trained.,PoliceReform,Trains\n");
        assert!(err.contains("line 2") && err.contains("Trains"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
