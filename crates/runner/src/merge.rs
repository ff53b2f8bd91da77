//! `missive merge`: the outputs of `missive run --shard K/N` for every K
//! combined into the output of one run over the whole corpus.
//!
//! The per-document rows are copied as they are; what depends on the other
//! documents is computed again, in the order a single run sees the
//! documents (source path): `letters.duplicate_of`, `missions`,
//! `mission_timeline`, and the manifest (`datapackage.json` is written as
//! by a run). The result is byte for byte what
//! one run writes (`tests/shards.rs`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use missive_consolidate::{Consolidator, DuplicateIndex};
use missive_model::rows::Tables;
use missive_store::shards::{ShardReader, read_rejects};

use crate::{Error, Manifest, Reference, Shard, swap};

/// What a merge did.
#[derive(Debug)]
pub struct MergeSummary {
    pub manifest: Manifest,
    pub elapsed: Duration,
}

/// The facts of a shard's manifest that the merge checks and keeps.
struct ShardManifest {
    shard: Shard,
    tool_version: String,
    schema_version: String,
    title: String,
    extensions: Vec<String>,
    max_bytes: u64,
    time_limit_ms: u64,
    reference_sha256: String,
    skipped: Vec<String>,
}

fn read_manifest(dir: &Path) -> Result<ShardManifest, Error> {
    let path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
    let bad = |what: &str| Error::Merge(format!("{}: {what}", path.display()));
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| bad(&e.to_string()))?;
    let shard = v["shard"]
        .as_str()
        .ok_or_else(|| bad("not the output of a sharded run (no \"shard\"); run with --shard K/N"))?;
    let strings = |key: &str| -> Result<Vec<String>, Error> {
        v[key]
            .as_array()
            .ok_or_else(|| bad(&format!("no {key}")))?
            .iter()
            .map(|s| s.as_str().map(str::to_owned).ok_or_else(|| bad(&format!("{key} holds a non-string"))))
            .collect()
    };
    let string = |key: &str| v[key].as_str().map(str::to_owned).ok_or_else(|| bad(&format!("no {key}")));
    Ok(ShardManifest {
        shard: Shard::parse(shard).map_err(|e| bad(&e))?,
        tool_version: string("tool_version")?,
        title: string("title")?,
        schema_version: string("schema_version")?,
        extensions: strings("extensions")?,
        max_bytes: v["max_bytes"].as_u64().ok_or_else(|| bad("no max_bytes"))?,
        time_limit_ms: v["time_limit_ms"].as_u64().ok_or_else(|| bad("no time_limit_ms"))?,
        reference_sha256: string("reference_sha256")?,
        skipped: strings("skipped")?,
    })
}

/// Checks that `manifests` are the N shares of one run's settings, once each.
fn check(dirs: &[PathBuf], manifests: &[ShardManifest]) -> Result<(), Error> {
    let first = manifests.first().ok_or_else(|| Error::Merge("no shard folders given".into()))?;
    let n = first.shard.count;
    let mut seen = BTreeSet::new();
    for (dir, m) in dirs.iter().zip(manifests) {
        let differs =
            |what: &str| Err(Error::Merge(format!("{} has another {what} than {}", dir.display(), dirs[0].display())));
        if m.shard.count != n {
            return differs("shard count");
        }
        if m.tool_version != first.tool_version || m.schema_version != first.schema_version {
            return differs("missive or schema version");
        }
        if m.extensions != first.extensions || m.max_bytes != first.max_bytes || m.time_limit_ms != first.time_limit_ms
        {
            return differs("extensions, max_bytes or time_limit_ms setting");
        }
        if m.reference_sha256 != first.reference_sha256 {
            return differs("reference data");
        }
        if !seen.insert(m.shard.index) {
            return Err(Error::Merge(format!("shard {} is given twice", m.shard)));
        }
    }
    let missing: Vec<String> = (1..=n).filter(|k| !seen.contains(k)).map(|k| format!("{k}/{n}")).collect();
    if !missing.is_empty() {
        return Err(Error::Merge(format!("shards missing: {}", missing.join(", "))));
    }
    Ok(())
}

/// Merges the output folders of every shard of a run into `out` (replaced
/// atomically). `reference` is the reference folder the shards ran with,
/// if not the built-in data.
pub fn merge(dirs: &[PathBuf], out: &Path, reference: Option<&Path>) -> Result<MergeSummary, Error> {
    let started = Instant::now();
    let manifests = dirs.iter().map(|d| read_manifest(d)).collect::<Result<Vec<_>, _>>()?;
    check(dirs, &manifests)?;
    let reference = match reference {
        Some(dir) => Reference::from_dir(dir)?,
        None => Reference::builtin()?,
    };
    if manifests[0].reference_sha256 != reference.fingerprint {
        return Err(Error::Merge(format!(
            "{} was made with other reference data than the merge's (pass the shards' --reference)",
            dirs[0].display()
        )));
    }
    let (staging, _recovered) = swap::Staging::create(out)?;
    match merge_into(dirs, &manifests, &reference, &staging.path) {
        Ok(manifest) => {
            staging.commit()?;
            Ok(MergeSummary { manifest, elapsed: started.elapsed() })
        }
        Err(e) => {
            staging.abandon();
            Err(e)
        }
    }
}

fn merge_into(
    dirs: &[PathBuf],
    manifests: &[ShardManifest],
    reference: &Reference,
    staging: &Path,
) -> Result<Manifest, Error> {
    let skipped: BTreeSet<String> = manifests.iter().flat_map(|m| m.skipped.iter().cloned()).collect();
    let first = &manifests[0];
    let mut manifest = Manifest::for_merge(
        first.title.clone(),
        first.extensions.clone(),
        first.max_bytes,
        first.time_limit_ms,
        &first.reference_sha256,
        skipped.into_iter().collect(),
    );
    let mut readers = dirs.iter().map(|d| ShardReader::open(d)).collect::<Result<Vec<_>, _>>()?;
    let mut heads = readers.iter_mut().map(|r| r.peek()).collect::<Result<Vec<_>, _>>()?;
    let mut writer = missive_store::TableWriter::create(staging)?;
    let mut dups = DuplicateIndex::default();
    let mut cross = Consolidator::default();
    // The documents of all shards in source-path order, as one run sees them.
    while let Some(i) = (0..heads.len()).filter(|&i| heads[i].is_some()).min_by(|&a, &b| heads[a].cmp(&heads[b])) {
        if let Some(j) = (0..heads.len()).find(|&j| j != i && heads[j] == heads[i]) {
            return Err(Error::Merge(format!(
                "{} is in two shards: {} and {}",
                heads[i].as_deref().unwrap_or_default(),
                dirs[i].display(),
                dirs[j].display()
            )));
        }
        let doc = readers[i].next_doc()?.expect("peeked");
        heads[i] = readers[i].peek()?;
        let duplicate_of = dups.offer(&doc.doc_id, &missive_consolidate::fingerprint(&doc.text));
        crate::fold_copied(&doc, &doc.source_path, doc.bytes, duplicate_of.is_some(), &mut manifest, &mut cross)?;
        writer.append_doc(doc, duplicate_of.as_deref())?;
    }
    for r in readers {
        r.finish()?;
    }
    let mut rejects = Vec::new();
    for dir in dirs {
        rejects.extend(read_rejects(dir)?);
    }
    rejects.sort_by(|a, b| a.source_path.cmp(&b.source_path));
    for r in &rejects {
        manifest.record(&r.source_path, r.bytes, None, Some(r.reason));
    }
    let (missions, mission_timeline) = cross.finish(&reference.enrich.gazetteer.missions)?;
    writer.append(&Tables { missions, mission_timeline, rejects, ..Tables::default() })?;
    let counts = writer.finish()?;
    manifest.finish(&counts);
    manifest.write(staging)?;
    missive_store::codebook::write_datapackage(staging)?;
    Ok(manifest)
}
