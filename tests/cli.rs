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
    assert!(String::from_utf8_lossy(&o.stderr).contains("no documents table"));
}

/// Each message a user meets when a command cannot do its work, as printed
/// (one line per distinct cause), and the exit codes: 1 for an error, 2
/// for a usage error (clap), 3 for a run that `--strict` fails.
#[test]
fn error_messages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let shown = |args: &[&str]| {
        let o = missive(args);
        let err = String::from_utf8_lossy(&o.stderr).replace(d, "TMP");
        format!("$ missive {}\nexit {}\n{}", args.join(" ").replace(d, "TMP"), o.status.code().unwrap_or(-1), err)
    };
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("empty.txt"), "").unwrap();
    let out = dir.path().join("out");
    let messages = [
        shown(&["run", "--corpus", "/nonexistent/corpus", "--out", &format!("{d}/o1")]),
        shown(&["run", "--corpus", corpus.to_str().unwrap(), "--out", &format!("{d}/o2"), "--max-bytes", "64 parsecs"]),
        shown(&["run", "--corpus", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet", "--strict"]),
        shown(&["report", "/nonexistent/out"]),
        shown(&["report", d]),
    ];
    insta::assert_snapshot!("error_messages", messages.join("\n"));
}

/// Sizes as people write them.
#[test]
fn sizes_in_units() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("big.txt"), "x".repeat(2000)).unwrap();
    for (size, rejected) in [("1KB", true), ("1KiB", true), ("2KiB", false), ("0.001MB", true), ("1MiB", false)] {
        let out = dir.path().join(format!("out-{size}"));
        let o = missive(&[
            "run",
            "--corpus",
            corpus.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--quiet",
            "--max-bytes",
            size,
        ]);
        assert!(o.status.success(), "{size}: {}", String::from_utf8_lossy(&o.stderr));
        let rejects = missive_store::read_strings(&out.join("rejects.parquet"), &["reason"]).unwrap();
        assert_eq!(rejects.iter().any(|r| r[0].as_deref() == Some("too_large")), rejected, "{size}");
    }
}

/// `missive run --report` writes report.html beside the tables.
#[test]
fn run_writes_the_report_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o =
        missive(&["run", "--corpus", "tests/fixtures/layouts", "--out", out.to_str().unwrap(), "--quiet", "--report"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(page.contains("<svg"), "the report has its charts");
    // Without a `title` in a pipeline file, the corpus folder names the dataset.
    assert!(page.contains("<title>missive report: layouts</title>"), "{}", &page[..300]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("report -> "));
}
