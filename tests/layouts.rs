//! Every input layout (official letters and reports, old upper-case scans,
//! keyword headers, markup, a president's letter; `tests/fixtures/layouts`),
//! and
//! every kind of bad file, read into `documents` or `rejects`: one snapshot
//! of the metadata per fixture folder.

use crate::common::{fixture, run, table};

#[test]
fn layouts_metadata() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("out");
    run(&fixture("layouts"), &out, 2);
    insta::assert_snapshot!(
        "letters",
        table(
            &out,
            "documents",
            &[
                "source_path",
                "symbol",
                "doc_type",
                "letter_date",
                "issue_date",
                "signatory",
                "layout",
                "countries",
                "duplicate_of"
            ]
        )
    );
    insta::assert_snapshot!(
        "titles",
        table(&out, "documents", &["source_path", "title", "sender", "recipient", "subjects"])
    );
    insta::assert_snapshot!("rejects", table(&out, "rejects", &["source_path", "reason", "detail"]));
    insta::assert_snapshot!(
        "references",
        table(&out, "citations", &["doc_id", "symbol", "kind", "char_start", "char_end"])
    );
}

#[test]
fn encodings_are_decoded_not_rejected() {
    // The same letter as Windows-1252 and as UTF-16 with and without BOM
    // gives the same text as the UTF-8 original.
    let original = std::fs::read_to_string(fixture("layouts/official_letter.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a_utf8.txt"), &original).unwrap();
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(&original);
    assert!(!lossy);
    std::fs::write(corpus.join("b_cp1252.txt"), &cp1252).unwrap();
    let utf16 = |le: bool, bom: bool| {
        let mut v: Vec<u8> = Vec::new();
        if bom {
            v.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in original.encode_utf16() {
            v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    };
    std::fs::write(corpus.join("c_utf16le_bom.txt"), utf16(true, true)).unwrap();
    std::fs::write(corpus.join("d_utf16be_bom.txt"), utf16(false, true)).unwrap();
    std::fs::write(corpus.join("e_utf16le.txt"), utf16(true, false)).unwrap();
    let out = dir.path().join("out");
    let summary = run(&corpus, &out, 1);
    assert_eq!(summary.manifest.counts.rejects, 0);
    insta::assert_snapshot!(
        "encodings",
        table(&out, "documents", &["source_path", "encoding", "symbol", "n_words", "duplicate_of"])
    );
}

/// Missions: proposed and renamed missions, names broken across lines,
/// acronyms defined in the text, relative dates, closures stated by their
/// owner ("before its closure on"), and organisations that are not
/// missions.
#[test]
fn missions_and_mandate_events() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("out");
    run(&fixture("missions"), &out, 1);
    insta::assert_snapshot!(
        "mission_mentions",
        table(&out, "mission_mentions", &["doc_id", "mission_id", "field", "surface", "in_gazetteer"])
    );
    insta::assert_snapshot!(
        "mandate_events",
        table(&out, "mandate_events", &["mission_id", "event", "status", "date", "until", "resolution", "doc_date"])
    );
    insta::assert_snapshot!(
        "missions",
        table(
            &out,
            "missions",
            &[
                "mission_id",
                "kind",
                "is_un",
                "n_docs",
                "start_date",
                "end_date",
                "current_mandate_until",
                "in_gazetteer"
            ]
        )
    );
    insta::assert_snapshot!(
        "mission_timeline",
        table(
            &out,
            "mission_timeline",
            &["mission_id", "period", "period_start", "period_end", "event", "status", "resolution"]
        )
    );
}

/// Indicators: every number form, and every class of number that is not a
/// quantity (dates, years, times, symbols, labels, ordinals, grades, names,
/// telephone numbers, list labels, pronoun "one", vague words, furniture).
#[test]
fn indicators_forms_and_exclusions() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("out");
    run(&fixture("indicators"), &out, 1);
    insta::assert_snapshot!(
        "indicators",
        table(
            &out,
            "indicators",
            &["surface", "value", "value_high", "qualifier", "unit", "unit_surface", "category", "subject"]
        )
    );
}

/// Activities of S/2004/331 (issue 5): UNTOP's sessions, seminars,
/// round tables, education project and resource centres, with the
/// quantities their sentences state linked to them.
#[test]
fn activities_of_untop_and_their_indicators() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("out");
    run(&fixture("layouts"), &out, 1);
    let letters =
        missive_store::read_strings(&out.join("documents.parquet"), &["source_path", "doc_id", "duplicate_of"])
            .unwrap();
    // The letter repeats markup_no_symbol.txt: the rows are the original's.
    let row = letters.iter().find(|r| r[0].as_deref() == Some("official_letter.txt")).unwrap();
    let doc = row[2].clone().or(row[1].clone());
    let acts = missive_store::read_strings(
        &out.join("activities.parquet"),
        &["doc_id", "activity_id", "mission_id", "sentence", "categories"],
    )
    .unwrap();
    let acts: Vec<_> = acts.into_iter().filter(|a| a[0] == doc).collect();
    for phrase in [
        "Political Discussion Club",
        "training seminars",
        "round-table discussions",
        "human rights education project",
        "resource centre",
    ] {
        let a = acts.iter().find(|a| a[3].as_deref().is_some_and(|s| s.contains(phrase)));
        let a = a.unwrap_or_else(|| panic!("no activity for {phrase}"));
        assert_eq!(a[2].as_deref(), Some("UNTOP"), "{phrase}");
        assert_ne!(a[4].as_deref(), Some("[]"), "{phrase} has PACT categories");
    }
    let inds =
        missive_store::read_strings(&out.join("indicators.parquet"), &["doc_id", "surface", "activity_id"]).unwrap();
    for surface in ["11 sessions", "90 participants", "some 200 schoolteachers"] {
        let i = inds
            .iter()
            .find(|i| i[0] == doc && i[1].as_deref() == Some(surface))
            .unwrap_or_else(|| panic!("{surface}"));
        let id = i[2].as_ref().unwrap_or_else(|| panic!("{surface} has no activity"));
        assert!(acts.iter().any(|a| a[1].as_ref() == Some(id)), "{surface} links to an activity of the letter");
    }
}

/// Activities are what the mission did: its acts as the subject of a
/// clause, the passive of its own kinds of work, its head's meetings; not
/// the future, plans, needs, what it has not done, the Council's mandate
/// text, other organisations' work, harm done to it, states, or sentences
/// where it is an object, a possessive or inside a subordinate clause.
#[test]
fn activities_who_did_what() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("out");
    run(&fixture("activities"), &out, 1);
    insta::assert_snapshot!("activities", table(&out, "activities", &["mission_id", "categories", "mode", "sentence"]));
}
