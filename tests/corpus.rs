//! The default corpus: every file accounted for, and the quality gates of
//! the foundation issue on the dev gold.

use std::sync::OnceLock;

use crate::common::{root, run};

/// One run over data/corpus shared by the tests of this module.
fn default_run() -> &'static (tempfile::TempDir, missive_pipeline::Summary) {
    static RUN: OnceLock<(tempfile::TempDir, missive_pipeline::Summary)> = OnceLock::new();
    RUN.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let summary = run(&root().join("data/corpus"), &dir.path().join("out"), 2);
        (dir, summary)
    })
}

#[test]
fn every_file_is_a_letter_or_a_reject() {
    let (_, s) = default_run();
    let c = &s.manifest.counts;
    assert_eq!(c.files, 370, "the default corpus has 370 documents");
    assert_eq!(c.letters + c.rejects, c.files);
    assert_eq!(s.manifest.inputs.len() as u64, c.files);
    let rejected: Vec<(&str, &str)> = s
        .manifest
        .inputs
        .iter()
        .filter(|i| i.status == "reject")
        .map(|i| (i.path.as_str(), i.reason.unwrap_or("")))
        .collect();
    insta::assert_debug_snapshot!("default_corpus_rejects", rejected);
    // The seeds repeat two real letters.
    let dup_paths: Vec<&str> =
        s.manifest.inputs.iter().filter(|i| i.path.starts_with("seeds/")).map(|i| i.path.as_str()).collect();
    assert_eq!(dup_paths.len(), 2);
    assert!(c.duplicates >= 2, "the two seeds are duplicates: {c:?}");
}

#[test]
fn seeds_are_duplicates_of_the_real_letters() {
    let (dir, _) = default_run();
    let out = dir.path().join("out");
    let rows =
        missive_store::read_strings(&out.join("letters.parquet"), &["source_path", "doc_id", "duplicate_of"]).unwrap();
    let id_of = |p: &str| rows.iter().find(|r| r[0].as_deref() == Some(p)).and_then(|r| r[1].clone());
    let dup_of = |p: &str| rows.iter().find(|r| r[0].as_deref() == Some(p)).and_then(|r| r[2].clone());
    assert_eq!(dup_of("seeds/000_18a761e4b8eb5b48.txt"), id_of("real/letters/S_2000_518.txt"));
    assert_eq!(dup_of("seeds/002_8d2c3f6428e617ed.txt"), id_of("real/letters/S_2004_331.txt"));
}

#[test]
fn dev_gold_quality_gates() {
    let (dir, _) = default_run();
    let report = missive_eval::evaluate(&dir.path().join("out"), &root().join("data/gold/dev")).unwrap();
    println!("{report}");
    for field in ["symbol", "doc_type", "letter_date", "signatory"] {
        let a = report.metadata[field];
        assert!(a.value() >= 0.95, "{field} accuracy {:.3} < 0.95", a.value());
    }
    let f1_gates = [
        ("references", report.references, 0.95),
        ("missions", report.missions, 0.95),
        ("mandate_events", report.mandate_events, 0.85),
        ("indicators", report.indicators, 0.90),
    ];
    for (table, prf, gate) in f1_gates {
        let f1 = prf.unwrap_or_else(|| panic!("{table} table missing")).f1();
        assert!(f1 >= gate, "{table} F1 {f1:.3} < {gate}");
    }
    let status = report.event_status.unwrap().value();
    assert!(status >= 0.90, "mandate event status accuracy {status:.3} < 0.90");
    let qualifier = report.indicator_qualifier.unwrap().value();
    assert!(qualifier >= 0.95, "indicator qualifier accuracy {qualifier:.3} < 0.95");
}

/// PACT labels that differ from the UN's own acronyms.
const PACT_LABELS: &[(&str, &str)] = &[("MINUNGUA", "MINUGUA"), ("UNCPSG", "UNPSG")];

#[test]
fn pact_reports_find_their_mission() {
    // The file name says which mission a PACT report is about
    // (og_reports_<Region>_<MISSION>_S_...); it is used here only to check.
    let (dir, _) = default_run();
    let out = dir.path().join("out");
    let letters =
        missive_store::read_strings(&out.join("letters.parquet"), &["source_path", "doc_id", "main_mission"]).unwrap();
    let mentions =
        missive_store::read_strings(&out.join("mission_mentions.parquet"), &["doc_id", "mission_id"]).unwrap();
    let regions = ["Americas_", "Asia_Pacific_", "Europe_", "Middle_East_", "Africa_"];
    let (mut total, mut found, mut missed) = (0, 0, Vec::new());
    for l in letters.iter().filter(|l| l[0].as_deref().is_some_and(|p| p.starts_with("real/pact_reports/"))) {
        let path = l[0].as_deref().unwrap();
        let name = path.rsplit('/').next().unwrap().trim_start_matches("og_reports_");
        let name = regions.iter().find_map(|r| name.strip_prefix(r)).unwrap_or(name);
        let label = name.split('_').next().unwrap();
        let want = PACT_LABELS.iter().find(|(p, _)| *p == label).map_or(label, |(_, u)| u);
        let doc = l[1].as_deref();
        let hit = l[2].as_deref() == Some(want)
            || mentions.iter().any(|m| m[0].as_deref() == doc && m[1].as_deref() == Some(want));
        total += 1;
        if hit {
            found += 1;
        } else {
            missed.push(path.to_owned());
        }
    }
    let rate = found as f64 / total as f64;
    assert!(total >= 240, "{total} PACT reports read");
    assert!(rate >= 0.98, "mission found in {found}/{total} = {rate:.3} of PACT reports; missed: {missed:#?}");
}
