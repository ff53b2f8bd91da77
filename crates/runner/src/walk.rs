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

/// The path of `path` under `root`, `/`-separated. Bytes of a name that are
/// not UTF-8 are written `\xNN`, so two such names never collapse into one
/// (as they would with U+FFFD).
pub fn relative(root: &Path, path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for chunk in c.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    use super::*;

    #[test]
    fn names_that_are_not_utf8_stay_distinct() {
        let root = Path::new("/corpus");
        let a = root.join("d\u{e9}j\u{e0}").join(OsStr::from_bytes(b"caf\xe9.txt"));
        let b = root.join(OsStr::from_bytes(b"caf\xe8.txt"));
        assert_eq!(relative(root, &a), "d\u{e9}j\u{e0}/caf\\xE9.txt");
        assert_eq!(relative(root, &b), "caf\\xE8.txt");
    }
}
