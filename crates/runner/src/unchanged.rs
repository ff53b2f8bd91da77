//! An incremental run over a corpus that has not changed since the
//! previous output: every file still reads as the document or the reject
//! it was, and outputs are deterministic, so the new output is the previous
//! one byte for byte. It is copied instead of computed again: the run
//! reads and hashes every file (and reads the rejects again), and writes
//! nothing but copies.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;

use crate::manifest::Manifest;
use crate::previous::Previous;
use crate::{Config, Error, Outcome, Reference, StageTimes, pdf, process, read, walk};

/// Copies the previous output into `staging` when no file changed; its
/// manifest, or `None` (nothing copied) when something did.
pub(crate) fn copy_if_unchanged(
    cfg: &Config,
    reference: &Reference,
    previous: &Previous,
    staging: &Path,
    pool: &rayon::ThreadPool,
) -> Result<Option<Manifest>, Error> {
    let manifest_path = previous.dir().join("manifest.json");
    let Ok(before) = std::fs::read_to_string(&manifest_path) else { return Ok(None) };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&before) else { return Ok(None) };
    let records: HashMap<&str, &serde_json::Value> = json["inputs"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| Some((r["path"].as_str()?, r))).collect())
        .unwrap_or_default();
    let mut listing = walk::list(&cfg.corpus, &cfg.extensions);
    listing.inputs.sort_by(|a, b| a.rel.cmp(&b.rel));
    let mut manifest = Manifest::new(cfg, &listing, &reference.fingerprint);
    if listing.inputs.len() + listing.rejects.len() != records.len() {
        return Ok(None);
    }
    let rejects: HashMap<String, (String, String)> = missive_store::shards::read_rejects(previous.dir())?
        .into_iter()
        .map(|r| (r.source_path, (r.reason.as_str().to_owned(), r.detail)))
        .collect();
    let times = StageTimes::default();
    // Each file as it was: a document whose text hashes the same, or a
    // reject for the same reason, in the same words.
    let same = |input: &walk::Input| -> bool {
        let Some(r) = records.get(input.rel.as_str()) else { return false };
        if r["bytes"].as_u64() != Some(input.bytes) {
            return false;
        }
        match r["status"].as_str() {
            Some("letter") => text_of(input, cfg).is_some_and(|text| previous.unchanged(&input.rel, &text)),
            _ => match process(input, cfg, reference, None, &times) {
                Outcome::Rejected(now) => rejects
                    .get(&input.rel)
                    .is_some_and(|(reason, detail)| now.reason.as_str() == reason && &now.detail == detail),
                _ => false,
            },
        }
    };
    if !pool.install(|| listing.inputs.par_iter().all(same)) {
        return Ok(None);
    }
    for input in &listing.inputs {
        let r = records[input.rel.as_str()];
        match (r["status"].as_str(), r["doc_id"].as_str()) {
            (Some("letter"), Some(id)) => {
                manifest.record_letter(&input.rel, input.bytes, id, previous.was_duplicate(&input.rel));
            }
            _ => {
                let reason = r["reason"]
                    .as_str()
                    .and_then(|s| missive_model::RejectReason::ALL.into_iter().find(|x| x.as_str() == s));
                manifest.record(&input.rel, input.bytes, None, reason);
            }
        }
    }
    let counts: BTreeMap<&'static str, usize> =
        missive_store::TABLES.iter().map(|t| (t.name, json["tables"][t.name].as_u64().unwrap_or(0) as usize)).collect();
    manifest.finish(&counts);
    // The manifest this run would write must be the one it found.
    if manifest.to_json() != before {
        return Ok(None);
    }
    // What a run writes, and nothing else (not a report written beside it).
    let tables = missive_store::TABLES.iter().map(|t| missive_store::file_name(t.name));
    for name in tables.chain(["manifest.json".to_owned(), missive_store::codebook::DATAPACKAGE.to_owned()]) {
        let (from, to) = (previous.dir().join(&name), staging.join(&name));
        std::fs::copy(&from, &to).map_err(|source| Error::Io { path: from, source })?;
    }
    Ok(Some(manifest))
}

/// What a run reads of a file: its bytes, or a PDF's text layer.
fn text_of(input: &walk::Input, cfg: &Config) -> Option<Vec<u8>> {
    let bytes = read::read_capped(&input.path, cfg.max_bytes).ok()?;
    if pdf::is_pdf(&bytes) {
        let deadline = missive_model::Deadline::after(cfg.time_limit());
        pdf::to_text(bytes, cfg.max_bytes, &deadline).ok()
    } else {
        Some(bytes)
    }
}
