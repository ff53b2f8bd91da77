//! Pipeline configuration: `pipelines/*.toml`, overridden by CLI flags.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::Error;

/// A run's settings. Relative paths in a config file are relative to the
/// file's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub corpus: PathBuf,
    pub out: PathBuf,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Documents processed and written per batch (a row group each).
    pub batch_size: usize,
    /// File extensions read from the corpus; empty reads every file.
    pub extensions: Vec<String>,
    /// Files larger than this become `too_large` rejects.
    pub max_bytes: u64,
    /// A document still being processed after this many milliseconds
    /// becomes a `time_limit` reject; 0 means no limit.
    pub time_limit_ms: u64,
    /// A folder with `missions.csv`, `not_missions.csv`, `countries.csv`
    /// to use instead of the reference data built into the binary.
    pub reference: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            corpus: PathBuf::from("data/corpus"),
            out: PathBuf::from("data/out"),
            threads: 0,
            batch_size: 256,
            extensions: vec!["txt".into()],
            max_bytes: 64 * 1024 * 1024,
            time_limit_ms: 60_000,
            reference: None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    corpus: Option<PathBuf>,
    out: Option<PathBuf>,
    threads: Option<usize>,
    batch_size: Option<usize>,
    extensions: Option<Vec<String>>,
    max_bytes: Option<u64>,
    time_limit_ms: Option<u64>,
    reference: Option<PathBuf>,
}

impl Config {
    /// The per-document time budget, if any.
    pub fn time_limit(&self) -> Option<std::time::Duration> {
        (self.time_limit_ms > 0).then(|| std::time::Duration::from_millis(self.time_limit_ms))
    }

    /// Reads a pipeline file.
    pub fn from_toml(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
        let f: File =
            toml::from_str(&text).map_err(|e| Error::Config { path: path.to_owned(), message: e.to_string() })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let rel = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };
        let d = Config::default();
        Ok(Config {
            corpus: f.corpus.map(rel).unwrap_or(d.corpus),
            out: f.out.map(rel).unwrap_or(d.out),
            threads: f.threads.unwrap_or(d.threads),
            batch_size: f.batch_size.unwrap_or(d.batch_size).max(1),
            extensions: f.extensions.unwrap_or(d.extensions),
            max_bytes: f.max_bytes.unwrap_or(d.max_bytes),
            time_limit_ms: f.time_limit_ms.unwrap_or(d.time_limit_ms),
            reference: f.reference.map(rel),
        })
    }
}
