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
    pub documents: u64,
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
    /// What the dataset is called (`title` in the pipeline file, else the
    /// corpus folder's name): the report's title.
    pub title: String,
    pub extensions: Vec<String>,
    pub max_bytes: u64,
    pub time_limit_ms: u64,
    /// [`crate::Reference::fingerprint`] of the reference data used.
    pub reference_sha256: String,
    /// `K/N` when the run processed one share of the corpus (`--shard`);
    /// absent for a whole run and for a merge of all shards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    pub counts: Counts,
    pub rejects_by_reason: BTreeMap<&'static str, u64>,
    pub tables: BTreeMap<String, u64>,
    pub inputs: Vec<InputRecord>,
    pub skipped: Vec<String>,
}

impl Manifest {
    /// The skipped files per extension (`(none)` for a name without one),
    /// most first, ties by extension.
    pub fn skipped_by_extension(&self) -> Vec<(String, u64)> {
        let mut by: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
        for path in &self.skipped {
            let name = path.rsplit('/').next().unwrap_or(path);
            let ext = match name.rsplit_once('.') {
                Some((stem, ext)) if !stem.is_empty() => format!(".{}", ext.to_lowercase()),
                _ => "(none)".to_owned(),
            };
            *by.entry(ext).or_default() += 1;
        }
        let mut v: Vec<(String, u64)> = by.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    pub(crate) fn new(cfg: &Config, listing: &Listing, reference_sha256: &str) -> Self {
        let mut m = Manifest {
            tool: "missive",
            tool_version: env!("CARGO_PKG_VERSION"),
            schema_version: SCHEMA_VERSION,
            title: cfg.dataset_title(),
            extensions: cfg.extensions.clone(),
            max_bytes: cfg.max_bytes,
            time_limit_ms: cfg.time_limit_ms,
            reference_sha256: reference_sha256.to_owned(),
            shard: cfg.shard.map(|s| s.to_string()),
            counts: Counts { files: 0, documents: 0, rejects: 0, duplicates: 0, skipped: listing.skipped.len() as u64 },
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
        match (letter, reason) {
            (Some(l), _) => self.record_letter(path, bytes, &l.doc_id, l.duplicate_of.is_some()),
            (None, r) => {
                self.counts.files += 1;
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

    pub(crate) fn record_letter(&mut self, path: &str, bytes: u64, doc_id: &str, duplicate: bool) {
        self.counts.files += 1;
        self.counts.documents += 1;
        self.counts.duplicates += u64::from(duplicate);
        self.inputs.push(InputRecord {
            path: path.into(),
            bytes,
            status: "letter",
            doc_id: Some(doc_id.to_owned()),
            reason: None,
        });
    }

    /// An empty manifest for merging shards' outputs.
    pub(crate) fn for_merge(
        title: String,
        extensions: Vec<String>,
        max_bytes: u64,
        time_limit_ms: u64,
        reference_sha256: &str,
        skipped: Vec<String>,
    ) -> Self {
        Manifest {
            tool: "missive",
            tool_version: env!("CARGO_PKG_VERSION"),
            schema_version: SCHEMA_VERSION,
            title,
            extensions,
            max_bytes,
            time_limit_ms,
            reference_sha256: reference_sha256.to_owned(),
            shard: None,
            counts: Counts { files: 0, documents: 0, rejects: 0, duplicates: 0, skipped: skipped.len() as u64 },
            rejects_by_reason: BTreeMap::new(),
            tables: BTreeMap::new(),
            inputs: Vec::new(),
            skipped,
        }
    }

    pub(crate) fn finish(&mut self, counts: &BTreeMap<&'static str, usize>) {
        self.tables = counts.iter().map(|(k, v)| ((*k).to_owned(), *v as u64)).collect();
        self.inputs.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// `manifest.json` as written.
    pub(crate) fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("manifest serialises") + "\n"
    }

    pub(crate) fn write(&self, dir: &Path) -> Result<(), Error> {
        let path = dir.join("manifest.json");
        std::fs::write(&path, self.to_json()).map_err(|source| Error::Io { path, source })
    }
}
