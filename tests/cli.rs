//! The binary: help, schema and clear errors.

use crate::common::missive;

#[test]
fn help_everywhere() {
    for args in
        [&["--help"][..], &["run", "--help"], &["eval", "--help"], &["schema", "--help"], &["inspect", "--help"]]
    {
        let o = missive(args);
        assert!(o.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stdout).contains("Usage"), "{args:?}");
    }
}

#[test]
fn schema_lists_every_table() {
    let o = missive(&["schema"]);
    assert!(o.status.success());
    insta::assert_snapshot!("schema", String::from_utf8(o.stdout).unwrap());
}

#[test]
fn clear_errors() {
    let o = missive(&["run", "--corpus", "/nonexistent/corpus", "--out", "/tmp/missive-never"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("corpus folder /nonexistent/corpus does not exist"), "{err}");

    let file = tempfile::NamedTempFile::new().unwrap();
    let out = file.path().join("out");
    let o = missive(&["run", "--corpus", "tests/fixtures/layouts", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("cannot write the output"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let o = missive(&["eval", "--out", "/nonexistent/out", "--gold", "data/gold/dev"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no letters table"));
}
