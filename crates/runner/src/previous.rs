//! Incremental runs: the previous output in `out`, when it was made with
//! the same version, schema, settings and reference data, says which
//! files are unchanged (same path, same SHA-256 of what was read), and its
//! rows of those documents are copied instead of computed again. The
//! cross-document tables and the manifest are computed again, as a merge
//! of shards does, so the output is byte for byte that of a full run.

use std::collections::HashMap;
use std::path::PathBuf;

use missive_store::shards::{ShardDoc, ShardReader};

use crate::{Config, Error, Reference};

/// The previous output and the SHA-256 of each of its documents by path.
pub(crate) struct Previous {
    dir: PathBuf,
    sha256: HashMap<String, String>,
    /// Documents that were duplicates (no rows of their own were written).
    duplicates: std::collections::HashSet<String>,
}

impl Previous {
    /// The previous output of `cfg.out`, or why it cannot be reused.
    pub(crate) fn open(cfg: &Config, reference: &Reference) -> Result<Self, String> {
        let dir = cfg.out.clone();
        let text = std::fs::read_to_string(dir.join("manifest.json"))
            .map_err(|_| format!("no previous output in {}", dir.display()))?;
        let m: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: manifest.json: {e}", dir.display()))?;
        let differs = |what: &str| Err(format!("the previous output was made with another {what}"));
        if m["tool_version"] != env!("CARGO_PKG_VERSION") {
            return differs("version of missive");
        }
        if m["schema_version"] != missive_model::SCHEMA_VERSION {
            return differs("schema version");
        }
        if m["extensions"] != serde_json::json!(cfg.extensions)
            || m["max_bytes"] != cfg.max_bytes
            || m["time_limit_ms"] != cfg.time_limit_ms
        {
            return differs("extensions, max_bytes or time_limit_ms setting");
        }
        if m["reference_sha256"] != reference.fingerprint.as_str() {
            return differs("reference data or activity model");
        }
        if !m["shard"].is_null() || cfg.shard.is_some() {
            return Err("incremental runs do not take shares (--shard)".to_owned());
        }
        let documents = missive_store::read_strings(
            &dir.join(missive_store::file_name("documents")),
            &["source_path", "sha256", "duplicate_of"],
        )
        .map_err(|e| format!("{}: {e}", dir.display()))?;
        let duplicates = documents.iter().filter(|r| r[2].is_some()).filter_map(|r| r[0].clone()).collect();
        let sha256 = documents.into_iter().filter_map(|r| Some((r[0].clone()?, r[1].clone()?))).collect();
        Ok(Self { dir, sha256, duplicates })
    }

    /// Whether the file at `rel`, read as `bytes`, is a document of the
    /// previous output, unchanged.
    pub(crate) fn unchanged(&self, rel: &str, bytes: &[u8]) -> bool {
        self.sha256.get(rel).is_some_and(|sha| *sha == missive_extract::sha256_hex(bytes))
    }

    /// Whether the document at `rel` was a duplicate (its rows are its
    /// original's, not written for it).
    pub(crate) fn was_duplicate(&self, rel: &str) -> bool {
        self.duplicates.contains(rel)
    }

    /// The previous output's folder.
    pub(crate) fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// A reader of the previous output, one document at a time.
    pub(crate) fn reader(&self) -> Result<ShardReader, Error> {
        Ok(ShardReader::open(&self.dir)?)
    }
}

/// The previous output's rows of the document at `rel`, skipping those of
/// documents before it (removed or changed since). Documents come in path
/// order in both the run and the previous output.
pub(crate) fn take(reader: &mut ShardReader, rel: &str) -> Result<ShardDoc, Error> {
    loop {
        match reader.peek()? {
            Some(p) if p.as_str() < rel => {
                reader.next_doc()?;
            }
            Some(p) if p == rel => return Ok(reader.next_doc()?.expect("peeked")),
            _ => return Err(Error::Merge(format!("the previous output has no rows for {rel}"))),
        }
    }
}
