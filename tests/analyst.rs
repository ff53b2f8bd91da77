//! The analyst's side: the codebook and data package stay in step with the
//! table contract, the report and the inspect summary of a real run, and
//! printing into a closed pipe.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{fixture, missive, root, run};

fn stdout(args: &[&str]) -> String {
    let o = missive(args);
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn committed(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn committed_codebook_matches_the_schemas() {
    // Drift between the Arrow schemas and the committed documents fails here:
    // `make codebook` regenerates both.
    assert!(
        stdout(&["codebook"]) == committed("docs/CODEBOOK.md"),
        "docs/CODEBOOK.md is not what `missive codebook` prints: run `make codebook`"
    );
    assert!(
        stdout(&["codebook", "--format", "datapackage"]) == committed("docs/datapackage.json"),
        "docs/datapackage.json is not what `missive codebook --format datapackage` prints: run `make codebook`"
    );
}

#[test]
fn codebook_documents_every_column() {
    let md = stdout(&["codebook"]);
    let pkg: serde_json::Value = serde_json::from_str(&stdout(&["codebook", "--format", "datapackage"])).unwrap();
    for (info, cols) in missive_store::describe().unwrap() {
        assert!(md.contains(&format!("\n## {}\n", info.name)), "{}", info.name);
        let res = pkg["resources"].as_array().unwrap().iter().find(|r| r["name"] == info.name).unwrap();
        let fields = res["schema"]["fields"].as_array().unwrap();
        assert_eq!(fields.len(), cols.len(), "{}", info.name);
        for (c, f) in cols.iter().zip(fields) {
            assert_eq!(f["name"], c.name.as_str());
            assert_eq!(f["description"], c.description.as_str());
            assert!(md.contains(&format!("| `{}` |", c.name)), "{}.{}", info.name, c.name);
        }
    }
    // Enumerations come from the contract: every reject reason, every event kind.
    assert!(md.contains("`internal_error`") && md.contains("`time_limit`"));
    assert!(md.contains("`established`, `extended`, `expires`, `terminated`"));
}

#[test]
fn every_run_writes_the_datapackage() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&fixture("layouts"), &out, 1);
    let written = std::fs::read_to_string(out.join("datapackage.json")).unwrap();
    assert_eq!(written, committed("docs/datapackage.json"));
}

fn report_of(out: &Path) -> String {
    let o = missive(&["report", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("report.html"));
    std::fs::read_to_string(out.join("report.html")).unwrap()
}

#[test]
fn report_of_a_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&fixture("layouts"), &out, 2);
    let html = report_of(&out);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for id in ["summary", "rejects", "missions", "indicators", "activities", "citations", "coverage", "mission-index"] {
        assert!(html.contains(&format!("<section id=\"{id}\">")), "section {id}");
    }
    // Every mission has its section, reached from the index.
    assert!(
        html.contains("<a href=\"#m-UNTOP\">UNTOP</a>") && html.contains("<section id=\"m-UNTOP\" class=\"mission\">")
    );
    let corpus_charts = ["chart-documents", "chart-rejects", "chart-timeline", "chart-indicators", "chart-coverage"];
    for id in corpus_charts {
        assert!(html.contains(&format!("id=\"{id}\"")), "chart {id}");
    }
    // The rejects of the fixtures are listed with their reasons.
    assert!(html.contains("russian.txt") && html.contains("non_english"), "rejects listed");
    assert!(html.contains("UNTOP"), "missions listed");
    // Self-contained: nothing to fetch (links to the documents on undocs.org are plain links).
    let body = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").replace("<a href=\"https://undocs.org/", "<a ");
    assert!(!body.contains("http") && !body.contains("<script") && !body.contains("src="));
    // Same tables, same page.
    assert_eq!(report_of(&out), html);

    let o = missive(&["report", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not an output folder"));
}

#[test]
fn inspect_summarises_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&fixture("layouts"), &out, 2);
    let text = stdout(&["inspect", out.to_str().unwrap()]);
    let summary = run_summary(&out);
    assert!(text.contains(&format!("schema {}", missive_model::SCHEMA_VERSION)), "{text}");
    assert!(text.contains(&summary), "{text}\nexpected {summary}");
    for t in missive_store::TABLES {
        let (rows, _) = missive_store::table_summary(&out.join(format!("{}.parquet", t.name))).unwrap();
        assert!(
            text.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()[..]
                == [t.name, &rows.to_string(), missive_model::SCHEMA_VERSION]),
            "{}: {rows} rows\n{text}",
            t.name
        );
    }
    assert!(text.contains("top missions"), "{text}");
    assert!(text.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()[..] == ["non_english", "1"]), "{text}");

    std::fs::remove_file(out.join("activities.parquet")).unwrap();
    let text = stdout(&["inspect", out.to_str().unwrap()]);
    assert!(text.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()[..] == ["activities", "missing"]), "{text}");
}

/// The inputs line `inspect` prints, from the manifest.
fn run_summary(out: &Path) -> String {
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let c = &m["counts"];
    format!(
        "inputs: {} files -> {} documents ({} duplicates) + {} rejects",
        c["files"], c["documents"], c["duplicates"], c["rejects"]
    )
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&fixture("layouts"), &out, 1);
    let out = out.to_str().unwrap();
    for args in [&["inspect", out][..], &["schema"], &["codebook"], &["report", out]] {
        // The reader is gone before the program writes a byte: every write is EPIPE.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let o = Command::new(env!("CARGO_BIN_EXE_missive"))
            .args(args)
            .current_dir(root())
            .stdout(Stdio::from(writer))
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{args:?}: {:?} {err}", o.status);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
    }
}
