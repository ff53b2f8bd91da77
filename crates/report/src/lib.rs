//! The analyst's views of an output folder: the terminal summary of
//! `missive inspect` ([`inspect`]) and the self-contained HTML report of
//! `missive report` ([`html`]) with its charts drawn as inline SVG
//! ([`svg`]). Reads the tables through `missive-store`; knows no Arrow.

pub mod html;
pub mod inspect;
pub mod svg;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0} is not an output folder of missive (no manifest.json and no documents.parquet)")]
    NotAnOutput(PathBuf),
    #[error("{0} does not exist")]
    Missing(PathBuf),
    #[error("{path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {message}")]
    Manifest { path: PathBuf, message: String },
    #[error(transparent)]
    Store(#[from] missive_store::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

/// A table file of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableStat {
    pub name: &'static str,
    /// `None` when the file is missing.
    pub rows: Option<i64>,
    pub schema_version: Option<String>,
}

/// The manifest's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub files: u64,
    pub letters: u64,
    pub rejects: u64,
    pub duplicates: u64,
    pub skipped: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub tool_version: String,
    pub schema_version: String,
    /// The dataset's title, when the manifest has one.
    pub title: Option<String>,
    pub counts: Counts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterRow {
    pub doc_id: String,
    pub doc_type: String,
    /// `YYYY-MM-DD`.
    pub letter_date: Option<String>,
    pub layout: String,
    pub symbol: Option<String>,
    pub title: Option<String>,
    pub signatory: Option<String>,
    pub main_mission: Option<String>,
    pub has_countries: bool,
    pub duplicate_of: Option<String>,
}

impl LetterRow {
    pub fn year(&self) -> Option<i32> {
        self.letter_date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RejectRow {
    pub source_path: String,
    pub reason: String,
    pub detail: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MissionRow {
    pub mission_id: String,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub n_docs: u64,
    pub n_mentions: u64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// `missions.start_date` (the official record's start, else the corpus').
    pub established: Option<String>,
    /// `missions.end_date` (the official record's closure); none while it operates.
    pub mandate_end: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodRow {
    pub mission_id: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub event: String,
    pub status: String,
}

/// A mandate event with its evidence, for a mission's section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventView {
    pub mission_id: String,
    pub event: String,
    pub status: String,
    pub date: Option<String>,
    pub until: Option<String>,
    pub resolution: Option<String>,
    pub doc_id: String,
    pub sentence: String,
}

/// An indicator, as the views count it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorView {
    pub doc_id: String,
    pub category: String,
    pub mission_id: Option<String>,
}

/// An activity, as the views count it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityView {
    pub doc_id: String,
    pub mission_id: Option<String>,
    pub categories: Vec<String>,
}

/// What the views need of an output folder, read once.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub manifest: Option<Manifest>,
    pub tables: Vec<TableStat>,
    pub letters: Vec<LetterRow>,
    pub rejects: Vec<RejectRow>,
    pub missions: Vec<MissionRow>,
    pub periods: Vec<PeriodRow>,
    pub indicators: Vec<IndicatorView>,
    pub events: Vec<EventView>,
    pub activities: Vec<ActivityView>,
    /// `(doc_id, symbol)` of every cited resolution.
    pub resolutions: Vec<(String, String)>,
    /// Per table with a `doc_id` column: the documents that have a row.
    pub docs_with: BTreeMap<&'static str, BTreeSet<String>>,
    /// Whether `datapackage.json` is beside the tables.
    pub has_datapackage: bool,
}

fn num(s: &Option<String>) -> u64 {
    s.as_deref().and_then(|v| v.parse().ok()).unwrap_or(0)
}

fn text(s: &mut Option<String>) -> String {
    s.take().unwrap_or_default()
}

impl Dataset {
    /// Reads `dir`. Missing tables are empty (and reported as missing); a
    /// folder with neither a manifest nor a letters table is an error.
    pub fn load(dir: &Path) -> Result<Self> {
        let manifest_path = dir.join("manifest.json");
        let letters_path = dir.join(missive_store::file_name("documents"));
        if !dir.exists() {
            return Err(Error::Missing(dir.to_owned()));
        }
        if !manifest_path.is_file() && !letters_path.is_file() {
            return Err(Error::NotAnOutput(dir.to_owned()));
        }
        let mut d = Dataset {
            manifest: if manifest_path.is_file() { Some(read_manifest(&manifest_path)?) } else { None },
            has_datapackage: dir.join(missive_store::codebook::DATAPACKAGE).is_file(),
            ..Dataset::default()
        };
        let path = |t: &str| dir.join(missive_store::file_name(t));
        for info in missive_store::TABLES {
            let p = path(info.name);
            let stat = if p.is_file() {
                let (rows, version) = missive_store::table_summary(&p)?;
                TableStat { name: info.name, rows: Some(rows), schema_version: version }
            } else {
                TableStat { name: info.name, rows: None, schema_version: None }
            };
            d.tables.push(stat);
        }
        let read = |t: &str, cols: &[&str]| -> Result<Vec<Vec<Option<String>>>> {
            let p = path(t);
            if p.is_file() { Ok(missive_store::read_strings(&p, cols)?) } else { Ok(Vec::new()) }
        };

        let cols = [
            "doc_id",
            "doc_type",
            "letter_date",
            "layout",
            "symbol",
            "title",
            "signatory",
            "main_mission_id",
            "countries",
            "duplicate_of",
        ];
        for mut r in read("documents", &cols)? {
            d.letters.push(LetterRow {
                doc_id: text(&mut r[0]),
                doc_type: text(&mut r[1]),
                letter_date: r[2].take(),
                layout: text(&mut r[3]),
                symbol: r[4].take(),
                title: r[5].take(),
                signatory: r[6].take(),
                main_mission: r[7].take(),
                has_countries: r[8].as_deref().is_some_and(|c| c != "[]"),
                duplicate_of: r[9].take(),
            });
        }
        for mut r in read("rejects", &["source_path", "reason", "detail", "bytes"])? {
            d.rejects.push(RejectRow {
                source_path: text(&mut r[0]),
                reason: text(&mut r[1]),
                detail: text(&mut r[2]),
                bytes: num(&r[3]),
            });
        }
        let cols =
            ["mission_id", "name", "kind", "n_docs", "n_mentions", "first_seen", "last_seen", "start_date", "end_date"];
        for mut r in read("missions", &cols)? {
            d.missions.push(MissionRow {
                mission_id: text(&mut r[0]),
                name: r[1].take(),
                kind: r[2].take(),
                n_docs: num(&r[3]),
                n_mentions: num(&r[4]),
                first_seen: r[5].take(),
                last_seen: r[6].take(),
                established: r[7].take(),
                mandate_end: r[8].take(),
            });
        }
        let cols = ["mission_id", "period_start", "period_end", "event", "status"];
        for mut r in read("mission_timeline", &cols)? {
            d.periods.push(PeriodRow {
                mission_id: text(&mut r[0]),
                start: r[1].take(),
                end: r[2].take(),
                event: text(&mut r[3]),
                status: text(&mut r[4]),
            });
        }
        for mut r in read("indicators", &["doc_id", "category", "mission_id"])? {
            d.indicators.push(IndicatorView {
                doc_id: text(&mut r[0]),
                category: text(&mut r[1]),
                mission_id: r[2].take(),
            });
        }
        let cols = ["mission_id", "event", "status", "date", "until", "resolution", "doc_id", "sentence"];
        for mut r in read("mandate_events", &cols)? {
            d.events.push(EventView {
                mission_id: text(&mut r[0]),
                event: text(&mut r[1]),
                status: text(&mut r[2]),
                date: r[3].take(),
                until: r[4].take(),
                resolution: r[5].take(),
                doc_id: text(&mut r[6]),
                sentence: text(&mut r[7]),
            });
        }
        for mut r in read("activities", &["doc_id", "mission_id", "categories"])? {
            // A list column reads as "[A, B]".
            let categories = text(&mut r[2])
                .trim_matches(|c| c == '[' || c == ']')
                .split(", ")
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            d.activities.push(ActivityView { doc_id: text(&mut r[0]), mission_id: r[1].take(), categories });
        }
        for mut r in read("citations", &["doc_id", "symbol", "kind"])? {
            if r[2].as_deref() == Some("resolution") {
                d.resolutions.push((text(&mut r[0]), text(&mut r[1])));
            }
        }
        for t in missive_store::shards::per_doc_tables() {
            let docs = read(t, &["doc_id"])?.into_iter().filter_map(|mut r| r[0].take()).collect();
            d.docs_with.insert(t, docs);
        }
        Ok(d)
    }

    /// Missions by documents then mentions (most first), ties by id.
    pub fn top_missions(&self) -> Vec<&MissionRow> {
        let mut m: Vec<&MissionRow> = self.missions.iter().collect();
        m.sort_by(|a, b| {
            b.n_docs.cmp(&a.n_docs).then(b.n_mentions.cmp(&a.n_mentions)).then(a.mission_id.cmp(&b.mission_id))
        });
        m
    }

    /// Rejects per reason, most frequent first.
    pub fn rejects_by_reason(&self) -> Vec<(String, u64)> {
        let mut by: BTreeMap<&str, u64> = BTreeMap::new();
        for r in &self.rejects {
            *by.entry(r.reason.as_str()).or_default() += 1;
        }
        let mut v: Vec<(String, u64)> = by.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// The schema version the tables were written with, if they agree.
    pub fn schema_version(&self) -> Option<String> {
        let versions: BTreeSet<&str> = self.tables.iter().filter_map(|t| t.schema_version.as_deref()).collect();
        match versions.len() {
            1 => versions.into_iter().next().map(str::to_owned),
            0 => self.manifest.as_ref().map(|m| m.schema_version.clone()),
            _ => Some(versions.into_iter().collect::<Vec<_>>().join(" / ")),
        }
    }

    /// Share of accepted documents that have each kind of extraction:
    /// `(what, documents with it)`, over [`Dataset::letters`].
    pub fn coverage(&self, doc_type: Option<&str>) -> Vec<(&'static str, usize)> {
        let docs: Vec<&LetterRow> = self.letters.iter().filter(|l| doc_type.is_none_or(|t| l.doc_type == t)).collect();
        let count = |f: &dyn Fn(&LetterRow) -> bool| docs.iter().filter(|l| f(l)).count();
        let with = |t: &str| {
            let set = &self.docs_with[t];
            docs.iter().filter(|l| set.contains(&l.doc_id)).count()
        };
        vec![
            ("own symbol", count(&|l| l.symbol.is_some())),
            ("date", count(&|l| l.letter_date.is_some())),
            ("title", count(&|l| l.title.is_some())),
            ("signatory", count(&|l| l.signatory.is_some())),
            ("countries", count(&|l| l.has_countries)),
            ("main mission", count(&|l| l.main_mission.is_some())),
            ("citations", with("citations")),
            ("mission mentions", with("mission_mentions")),
            ("mandate events", with("mandate_events")),
            ("indicators", with("indicators")),
            ("activities", with("activities")),
        ]
    }
}

fn read_manifest(path: &Path) -> Result<Manifest> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| Error::Manifest { path: path.to_owned(), message: e.to_string() })?;
    let c = &v["counts"];
    let n = |k: &str| c[k].as_u64().unwrap_or(0);
    let s = |k: &str| v[k].as_str().unwrap_or("?").to_owned();
    Ok(Manifest {
        tool_version: s("tool_version"),
        schema_version: s("schema_version"),
        title: v["title"].as_str().map(str::to_owned),
        counts: Counts {
            files: n("files"),
            letters: n("documents"),
            rejects: n("rejects"),
            duplicates: n("duplicates"),
            skipped: n("skipped"),
        },
    })
}

/// `YYYY[-MM[-DD]]` as a fractional year (the first day of what is stated).
pub fn fractional_year(date: &str) -> Option<f64> {
    let mut parts = date.split('-');
    let y: f64 = parts.next()?.parse().ok()?;
    let m: f64 = parts.next().map(|m| m.parse().ok()).unwrap_or(Some(1.0))?;
    let d: f64 = parts.next().map(|d| d.parse().ok()).unwrap_or(Some(1.0))?;
    Some(y + (m - 1.0) / 12.0 + (d - 1.0) / 365.25)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractional_years() {
        assert_eq!(fractional_year("2004"), Some(2004.0));
        assert_eq!(fractional_year("2004-07"), Some(2004.5));
        assert!((fractional_year("2004-12-31").unwrap() - 2004.999).abs() < 0.01);
        assert_eq!(fractional_year("soon"), None);
    }

    #[test]
    fn an_empty_folder_is_not_an_output() {
        let dir = tempfile::tempdir().unwrap();
        let e = Dataset::load(dir.path()).unwrap_err();
        assert!(e.to_string().contains("is not an output folder"), "{e}");
    }
}
