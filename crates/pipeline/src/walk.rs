//! Finding the input files: sorted, filtered by extension, with unreadable
//! entries kept as rejects.

use std::path::{Path, PathBuf};

use missive_model::{Reject, RejectReason};
use walkdir::WalkDir;

/// One file to read.
#[derive(Debug, Clone)]
pub struct Input {
    pub rel: String,
    pub path: PathBuf,
    pub bytes: u64,
}

/// What the corpus holds.
#[derive(Debug, Default)]
pub struct Listing {
    pub inputs: Vec<Input>,
    pub rejects: Vec<Reject>,
    /// Files left out by the extension filter.
    pub skipped: Vec<String>,
}

pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

pub fn list(root: &Path, extensions: &[String]) -> Listing {
    let mut out = Listing::default();
    for entry in WalkDir::new(root).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                let rel = relative(root, e.path());
                let ext_ok = extensions.is_empty()
                    || e.path()
                        .extension()
                        .is_some_and(|x| extensions.iter().any(|w| x.eq_ignore_ascii_case(w.as_str())));
                if !ext_ok {
                    out.skipped.push(rel);
                    continue;
                }
                match e.metadata() {
                    Ok(m) if m.is_file() => out.inputs.push(Input { rel, path: e.path().to_owned(), bytes: m.len() }),
                    Ok(_) => out.rejects.push(Reject {
                        source_path: rel,
                        reason: RejectReason::Unreadable,
                        detail: "not a regular file".into(),
                        bytes: 0,
                    }),
                    Err(err) => out.rejects.push(Reject {
                        source_path: rel,
                        reason: RejectReason::Unreadable,
                        detail: err.to_string(),
                        bytes: 0,
                    }),
                }
            }
            Err(err) => {
                let rel = err.path().map(|p| relative(root, p)).unwrap_or_default();
                out.rejects.push(Reject {
                    source_path: rel,
                    reason: RejectReason::Unreadable,
                    detail: err.to_string(),
                    bytes: 0,
                });
            }
        }
    }
    out
}
