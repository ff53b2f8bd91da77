//! The files of the project's corpus (`data/corpus`), for unit tests that
//! check a faster form of a step against its specified form on real text.
//! A dev-dependency of the stage crates: a test
//! helper, not an API of any of them.

use std::path::PathBuf;

/// Every readable file under `data/corpus`, as bytes, in no particular order.
pub fn corpus_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/corpus")];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                files.push((path, bytes));
            }
        }
    }
    files
}

/// Every file under `data/corpus` that is UTF-8, as text.
pub fn corpus_texts() -> Vec<String> {
    corpus_files().into_iter().filter_map(|(_, bytes)| String::from_utf8(bytes).ok()).collect()
}
