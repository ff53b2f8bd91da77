//! Output guarantees: byte-identical results whatever the thread count, and
//! atomic replacement of the output folder.

use crate::common::{files, fixture, missive, run};

#[test]
fn same_bytes_with_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = crate::common::root().join("data/corpus/real/letters");
    run(&corpus, &dir.path().join("t1"), 1);
    run(&corpus, &dir.path().join("t2"), 2);
    let (a, b) = (files(&dir.path().join("t1")), files(&dir.path().join("t2")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert!(a.len() >= 9, "tables and manifest: {:?}", a.keys());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between 1 and 2 threads");
    }
}

#[test]
fn output_is_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&fixture("layouts"), &out, 1);
    std::fs::write(out.join("stale.txt"), "from an older run").unwrap();
    let before = files(&out);

    // A failed run leaves the previous output as it was, and no partial folder.
    let status = missive(&["run", "--corpus", "/nonexistent/corpus", "--out", out.to_str().unwrap()]);
    assert!(!status.status.success());
    assert_eq!(files(&out), before);

    // A successful run replaces the whole folder.
    run(&fixture("layouts"), &out, 2);
    assert!(!out.join("stale.txt").exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "out")
        .collect();
    assert!(leftovers.is_empty(), "partial folders left behind: {leftovers:?}");
}
