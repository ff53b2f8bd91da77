//! `manifest.json`: what went in, what came out, with counts that add up.
//! Holds nothing that changes between identical runs (no times, no thread
//! count), so it is as reproducible as the tables.

use std::collections::BTreeMap;
use std::path::Path;

use missive_model::{Letter, RejectReason, SCHEMA_VERSION};
use serde::Serialize;

use crate::walk::Listing;
use crate::{Config, Error};

#[derive(Debug, Clone, Serialize)]
pub struct InputRecord {
    pub path: String,
    pub bytes: u64,
    /// `letter` or `reject`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    /// Files found under the corpus root that match the extensions.
    pub files: u64,
    pub letters: u64,
    pub rejects: u64,
    /// Letters that repeat an earlier letter (they are still letters).
    pub duplicates: u64,
    /// Files left out by the extension filter (not inputs).
    pub skipped: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub tool: &'static str,
    pub tool_version: &'static str,
    pub schema_version: &'static str,
    pub extensions: Vec<String>,
    pub max_bytes: u64,
    pub time_limit_ms: u64,
    pub counts: Counts,
    pub rejects_by_reason: BTreeMap<&'static str, u64>,
    pub tables: BTreeMap<String, u64>,
    pub inputs: Vec<InputRecord>,
    pub skipped: Vec<String>,
}

impl Manifest {
    pub(crate) fn new(cfg: &Config, listing: &Listing) -> Self {
        let mut m = Manifest {
            tool: "missive",
            tool_version: env!("CARGO_PKG_VERSION"),
            schema_version: SCHEMA_VERSION,
            extensions: cfg.extensions.clone(),
            max_bytes: cfg.max_bytes,
            time_limit_ms: cfg.time_limit_ms,
            counts: Counts { files: 0, letters: 0, rejects: 0, duplicates: 0, skipped: listing.skipped.len() as u64 },
            rejects_by_reason: BTreeMap::new(),
            tables: BTreeMap::new(),
            inputs: Vec::new(),
            skipped: listing.skipped.clone(),
        };
        for r in &listing.rejects {
            m.record(&r.source_path, r.bytes, None, Some(r.reason));
        }
        m
    }

    pub(crate) fn record(&mut self, path: &str, bytes: u64, letter: Option<&Letter>, reason: Option<RejectReason>) {
        self.counts.files += 1;
        match (letter, reason) {
            (Some(l), _) => {
                self.counts.letters += 1;
                self.counts.duplicates += u64::from(l.duplicate_of.is_some());
                self.inputs.push(InputRecord {
                    path: path.into(),
                    bytes,
                    status: "letter",
                    doc_id: Some(l.doc_id.clone()),
                    reason: None,
                });
            }
            (None, r) => {
                let r = r.unwrap_or(RejectReason::Unreadable);
                self.counts.rejects += 1;
                *self.rejects_by_reason.entry(r.as_str()).or_default() += 1;
                self.inputs.push(InputRecord {
                    path: path.into(),
                    bytes,
                    status: "reject",
                    doc_id: None,
                    reason: Some(r.as_str()),
                });
            }
        }
    }

    pub(crate) fn finish(&mut self, counts: &BTreeMap<&'static str, usize>) {
        self.tables = counts.iter().map(|(k, v)| ((*k).to_owned(), *v as u64)).collect();
        self.inputs.sort_by(|a, b| a.path.cmp(&b.path));
    }

    pub(crate) fn write(&self, dir: &Path) -> Result<(), Error> {
        let path = dir.join("manifest.json");
        let json = serde_json::to_string_pretty(self).expect("manifest serialises");
        std::fs::write(&path, json + "\n").map_err(|source| Error::Io { path, source })
    }
}
