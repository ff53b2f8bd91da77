//! The output folder's life cycle: a fresh staging folder beside the output,
//! an atomic swap into place, and the recovery of what a killed run left.
//!
//! - A run writes into `.NAME.partial-PID` beside the output `NAME` and holds
//!   an exclusive `flock` on that folder while it lives; `manifest.json` is
//!   written last, so a folder without it is never a complete dataset.
//! - When everything is written and synced, the staging folder and the output
//!   trade places in one `renameat2(RENAME_EXCHANGE)`: at every instant `NAME`
//!   is either the previous dataset or the new one. The previous one, now
//!   under the staging name, is then removed. On file systems without
//!   `RENAME_EXCHANGE` the swap falls back to two renames through
//!   `.NAME.old-PID`; a run killed between them is repaired by the next run.
//! - At start, every `.NAME.partial-*` and `.NAME.old-*` whose lock can be
//!   taken (its run is dead: the kernel drops a dead process's locks) is a
//!   leftover: an `.old` folder goes back into place if `NAME` is missing,
//!   everything else is removed. Folders of runs still alive are left alone.
//! - An existing output is only replaced if it is empty or holds a
//!   `manifest.json`: missive never deletes a folder that is not its own.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use rustix::fs::{CWD, FlockOperation, RenameFlags};

use crate::Error;

/// What [`recover`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Leftover folders removed.
    pub removed: Vec<PathBuf>,
    /// A previous output moved back into place after a run died mid-swap.
    pub restored: Option<PathBuf>,
}

impl Recovery {
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.restored.is_none()
    }
}

impl std::fmt::Display for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        write!(f, "cleaned up after killed runs:")?;
        if let Some(p) = &self.restored {
            write!(f, " restored the previous output from {};", name(p))?;
        }
        let removed: Vec<String> = self.removed.iter().map(|p| name(p)).collect();
        write!(f, " removed {} leftover(s) [{}]", removed.len(), removed.join(", "))
    }
}

/// A locked staging folder beside the output.
#[derive(Debug)]
pub struct Staging {
    pub path: PathBuf,
    out: PathBuf,
    /// Held open for its `flock`: released by the kernel when the process dies.
    _lock: File,
}

fn out_err(path: &Path) -> impl Fn(io::Error) -> Error + '_ {
    move |source| Error::Output { path: path.to_owned(), source }
}

fn parent_and_name(out: &Path) -> (PathBuf, String) {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_owned();
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    (parent, name)
}

/// Locks `dir` if no live process holds it; `None` when a live run does.
fn try_lock(dir: &Path) -> io::Result<Option<File>> {
    let f = File::open(dir)?;
    match rustix::fs::flock(&f, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(Some(f)),
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Cleans what killed runs left beside `out` (see the module docs).
pub fn recover(out: &Path) -> Result<Recovery, Error> {
    let (parent, name) = parent_and_name(out);
    let mut rec = Recovery::default();
    let entries = match std::fs::read_dir(&parent) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(rec),
        Err(e) => return Err(out_err(out)(e)),
    };
    let (partial, old) = (format!(".{name}.partial-"), format!(".{name}.old-"));
    let mut leftovers: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            let is_old = n.starts_with(&old);
            (is_old || n.starts_with(&partial)).then(|| (e.path(), is_old))
        })
        .collect();
    leftovers.sort();
    for (path, is_old) in leftovers {
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        let _lock = if is_dir {
            match try_lock(&path) {
                Ok(Some(lock)) => Some(lock),
                Ok(None) => continue, // a live run's folder
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(out_err(&path)(e)),
            }
        } else {
            None
        };
        if is_old && is_dir && std::fs::symlink_metadata(out).is_err() {
            std::fs::rename(&path, out).map_err(out_err(out))?;
            rec.restored = Some(path);
            continue;
        }
        let removed = if is_dir { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
        match removed {
            Ok(()) => rec.removed.push(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(out_err(&path)(e)),
        }
    }
    Ok(rec)
}

/// Checks that `out`, if it exists, is a folder missive may replace.
fn check_replaceable(out: &Path) -> Result<(), Error> {
    let Ok(meta) = std::fs::symlink_metadata(out) else { return Ok(()) };
    let foreign = || Error::Foreign(out.to_owned());
    if !meta.is_dir() {
        return Err(foreign());
    }
    let mut entries = std::fs::read_dir(out).map_err(out_err(out))?;
    if entries.next().is_none() || out.join("manifest.json").is_file() { Ok(()) } else { Err(foreign()) }
}

impl Staging {
    /// Recovers leftovers, then creates and locks a fresh `.NAME.partial-PID`.
    pub fn create(out: &Path) -> Result<(Self, Recovery), Error> {
        let (parent, name) = parent_and_name(out);
        std::fs::create_dir_all(&parent).map_err(out_err(out))?;
        check_replaceable(out)?;
        let recovery = recover(out)?;
        let path = parent.join(format!(".{name}.partial-{}", std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(out_err(&path))?;
        }
        std::fs::create_dir(&path).map_err(out_err(out))?;
        let lock = try_lock(&path).map_err(out_err(&path))?.ok_or_else(|| {
            out_err(&path)(io::Error::new(io::ErrorKind::WouldBlock, "staging folder locked by another process"))
        })?;
        Ok((Self { path, out: out.to_owned(), _lock: lock }, recovery))
    }

    /// Syncs the staged files and swaps the staging folder into place.
    pub fn commit(self) -> Result<(), Error> {
        let out = &self.out;
        sync_dir_files(&self.path).map_err(out_err(out))?;
        check_replaceable(out)?;
        if std::fs::symlink_metadata(out).is_ok() {
            match rustix::fs::renameat_with(CWD, &self.path, CWD, out, RenameFlags::EXCHANGE) {
                Ok(()) => {}
                // No RENAME_EXCHANGE here (old kernel, some network or
                // overlay file systems): two renames, repaired by `recover`
                // if the run dies between them.
                Err(e)
                    if e == rustix::io::Errno::INVAL
                        || e == rustix::io::Errno::NOSYS
                        || e == rustix::io::Errno::OPNOTSUPP =>
                {
                    let (parent, name) = parent_and_name(out);
                    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
                    std::fs::rename(out, &old).map_err(out_err(out))?;
                    std::fs::rename(&self.path, out).map_err(out_err(out))?;
                    std::fs::rename(&old, &self.path).map_err(out_err(out))?;
                }
                Err(e) => return Err(out_err(out)(e.into())),
            }
            // The staging name now holds the previous output.
            std::fs::remove_dir_all(&self.path).map_err(out_err(out))?;
        } else {
            std::fs::rename(&self.path, out).map_err(out_err(out))?;
        }
        let (parent, _) = parent_and_name(out);
        File::open(&parent).and_then(|d| d.sync_all()).map_err(out_err(out))?;
        Ok(())
    }

    /// Removes the staging folder of a failed run.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// `fsync` of every file in `dir` and of `dir` itself, so the swap never
/// publishes data still only in the page cache.
fn sync_dir_files(dir: &Path) -> io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        if e.file_type()?.is_file() {
            File::open(e.path())?.sync_all()?;
        }
    }
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_dataset(dir: &Path, marker: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("manifest.json"), marker).unwrap();
        std::fs::write(dir.join("documents.parquet"), marker).unwrap();
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn commit_exchanges_and_removes_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write_dataset(&out, "old");
        let (staging, rec) = Staging::create(&out).unwrap();
        assert_eq!(rec, Recovery::default());
        write_dataset(&staging.path, "new");
        staging.commit().unwrap();
        assert_eq!(std::fs::read_to_string(out.join("manifest.json")).unwrap(), "new");
        assert_eq!(names(dir.path()), ["out"]);
    }

    #[test]
    fn first_run_renames_into_place() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("nested/out");
        let (staging, _) = Staging::create(&out).unwrap();
        write_dataset(&staging.path, "new");
        staging.commit().unwrap();
        assert_eq!(std::fs::read_to_string(out.join("manifest.json")).unwrap(), "new");
    }

    #[test]
    fn leftovers_of_dead_runs_are_recovered() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        // A run died writing, another died between the two renames of the
        // fallback swap (the output is missing, its previous version is `.old`).
        write_dataset(&dir.path().join(".out.partial-4000000"), "half");
        std::fs::write(dir.path().join(".out.partial-4000001"), "a stray file").unwrap();
        write_dataset(&dir.path().join(".out.old-4000002"), "previous");
        write_dataset(&dir.path().join(".other.partial-1"), "not ours");
        let rec = recover(&out).unwrap();
        assert_eq!(rec.restored, Some(dir.path().join(".out.old-4000002")));
        assert_eq!(rec.removed.len(), 2, "{rec:?}");
        assert_eq!(std::fs::read_to_string(out.join("manifest.json")).unwrap(), "previous");
        assert_eq!(names(dir.path()), [".other.partial-1", "out"]);
        assert_eq!(
            rec.to_string(),
            "cleaned up after killed runs: restored the previous output from .out.old-4000002; \
             removed 2 leftover(s) [.out.partial-4000000, .out.partial-4000001]"
        );
        assert!(recover(&out).unwrap().is_empty());
    }

    #[test]
    fn a_live_runs_staging_folder_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let live = dir.path().join(".out.partial-4000003");
        std::fs::create_dir(&live).unwrap();
        let held = try_lock(&live).unwrap().expect("lock");
        // flock locks belong to the open file description: a second open
        // of the folder (as another process would) cannot take it.
        assert!(try_lock(&live).unwrap().is_none());
        let rec = recover(&out).unwrap();
        assert!(rec.removed.is_empty());
        assert!(live.exists());
        drop(held);
        assert_eq!(recover(&out).unwrap().removed, [live]);
    }

    #[test]
    fn never_replaces_a_folder_that_is_not_a_dataset() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("home");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("thesis.tex"), "years of work").unwrap();
        let err = Staging::create(&out).unwrap_err();
        assert!(matches!(err, Error::Foreign(_)), "{err}");
        assert!(out.join("thesis.tex").exists());
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert!(matches!(Staging::create(&file).unwrap_err(), Error::Foreign(_)));
    }
}
