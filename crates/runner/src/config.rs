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
    /// Documents processed per batch: the results of a batch are held in
    /// memory until written. The output does not depend on it.
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
    /// Process only this share of the corpus (`missive run --shard K/N`).
    pub shard: Option<Shard>,
    /// Keep the rows of every document whose file is unchanged since the
    /// previous run into `out` (same settings, reference data and
    /// version), and process only new and changed files.
    pub incremental: bool,
    /// What the dataset is called (the report's title); default: the
    /// corpus folder's name.
    pub title: Option<String>,
}

/// Share `index` of `count` (1 ≤ index ≤ count) of a corpus. A readable
/// file belongs to the share its `doc_id` falls in (the doc_id, 16 hex
/// digits of the SHA-256, read as a number, modulo `count`), so identical
/// files go together; a file that cannot be read belongs to the share of
/// its path's hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// Parses `K/N`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (k, n) = s.split_once('/').ok_or_else(|| format!("shard {s:?} is not K/N"))?;
        let k: u32 = k.trim().parse().map_err(|_| format!("shard {s:?}: K is not a number"))?;
        let n: u32 = n.trim().parse().map_err(|_| format!("shard {s:?}: N is not a number"))?;
        if n == 0 || k == 0 || k > n {
            return Err(format!("shard {s:?}: K must be between 1 and N"));
        }
        Ok(Self { index: k, count: n })
    }

    /// Whether the document with this doc_id belongs to this share.
    pub fn has_doc(&self, doc_id: &str) -> bool {
        match u64::from_str_radix(doc_id, 16) {
            Ok(n) => self.has(n),
            Err(_) => self.has_path(doc_id),
        }
    }

    /// Whether a file that cannot be read belongs to this share.
    pub fn has_path(&self, rel: &str) -> bool {
        let sha = missive_extract::sha256_hex(rel.as_bytes());
        self.has(u64::from_str_radix(&sha[..16], 16).expect("hex"))
    }

    fn has(&self, n: u64) -> bool {
        n % u64::from(self.count) == u64::from(self.index - 1)
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            corpus: PathBuf::from("data/corpus"),
            out: PathBuf::from("data/out"),
            threads: 0,
            batch_size: 256,
            extensions: vec!["txt".into(), "pdf".into()],
            max_bytes: 64 * 1024 * 1024,
            time_limit_ms: 60_000,
            reference: None,
            shard: None,
            incremental: false,
            title: None,
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
    incremental: Option<bool>,
    title: Option<String>,
}

impl Config {
    /// The dataset's title: the configured one, else the corpus folder's name.
    pub fn dataset_title(&self) -> String {
        self.title.clone().unwrap_or_else(|| {
            let named = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
            named(&self.corpus)
                .or_else(|| self.corpus.canonicalize().ok().as_deref().and_then(named))
                .unwrap_or_else(|| "corpus".to_owned())
        })
    }

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
            shard: None,
            incremental: f.incremental.unwrap_or(d.incremental),
            title: f.title,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Shard;

    #[test]
    fn shards_partition_the_documents() {
        assert!(Shard::parse("0/3").is_err() && Shard::parse("4/3").is_err() && Shard::parse("3").is_err());
        let shards: Vec<Shard> = (1..=3).map(|k| Shard::parse(&format!("{k}/3")).unwrap()).collect();
        for i in 0..300u64 {
            let id = format!("{:016x}", i.wrapping_mul(0x9e37_79b9_7f4a_7c15));
            assert_eq!(shards.iter().filter(|s| s.has_doc(&id)).count(), 1, "{id}");
            let path = format!("letters/{i}.txt");
            assert_eq!(shards.iter().filter(|s| s.has_path(&path)).count(), 1, "{path}");
        }
        assert_eq!(shards[1].to_string(), "2/3");
    }
}
