use super::*;

use missive_testkit as corpus_files;

fn file(text: &str) -> SourceFile {
    SourceFile { path: "x.txt".into(), bytes: text.as_bytes().to_vec() }
}

#[test]
fn rejects_with_reasons() {
    let cases: [(&[u8], RejectReason); 4] = [
        (b"", RejectReason::Empty),
        (b"\x00\x01\x02binary", RejectReason::Binary),
        ("Организация Объединенных Наций Совет Безопасности".as_bytes(), RejectReason::NonEnglish),
        (
            b"The document you are looking for does not exist in the Official Document System (ODS).",
            RejectReason::NotUnDocument,
        ),
    ];
    for (bytes, reason) in cases {
        let f = SourceFile { path: "x".into(), bytes: bytes.to_vec() };
        assert_eq!(extract(&f, Limits::default()).unwrap_err().reason, reason);
    }
    let big = file(&"the Security Council ".repeat(100));
    let r = extract(&big, Limits { max_bytes: 100, ..Limits::default() }).unwrap_err();
    assert_eq!(r.reason, RejectReason::TooLarge);
    let past = missive_model::Deadline::at(std::time::Instant::now());
    let r = extract(&big, Limits { deadline: past, ..Limits::default() }).unwrap_err();
    assert_eq!((r.reason, r.detail.as_str()), (RejectReason::TimeLimit, "time limit reached in extract/decode"));
}

#[test]
fn doc_id_is_stable() {
    let e = extract(
        &file(&"Letter to the Security Council about the situation in the region. ".repeat(5)),
        Limits::default(),
    )
    .unwrap();
    assert_eq!(e.doc_id, e.sha256[..16]);
    assert_eq!(
        e.sha256,
        sha256_hex(&file(&"Letter to the Security Council about the situation in the region. ".repeat(5)).bytes)
    );
}

/// `s` as UTF-16, little- or big-endian, with or without a BOM.
pub(crate) fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
    }
    for u in s.encode_utf16() {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

proptest::proptest! {
    #[test]
    fn any_bytes_are_a_document_or_a_reject(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2000)) {
        let f = SourceFile { path: "x.txt".into(), bytes };
        match extract(&f, Limits::default()) {
            Ok(e) => {
                proptest::prop_assert_eq!(e.bytes, f.bytes.len() as u64);
                proptest::prop_assert_eq!(&e.doc_id, &e.sha256[..16]);
            }
            Err(r) => proptest::prop_assert!(!r.detail.is_empty()),
        }
    }

    #[test]
    fn text_survives_every_encoding(s in "[a-zA-Z0-9 ,.;:()’“”éèàç–\\n]{1,300}", le: bool, bom: bool) {
        let s = format!("The Security Council {s}");
        // With a BOM any text decodes; without one, UTF-16 is recognised
        // by its zero bytes, so the text is Latin (as here).
        let units = s.encode_utf16().count();
        let wide = s.encode_utf16().filter(|&u| u > 0xFF).count();
        if bom || wide * 5 < units {
            let (text, _) = decode(&utf16(&s, le, bom)).unwrap();
            proptest::prop_assert_eq!(text, s.clone());
        }
        let (text, enc) = decode(s.as_bytes()).unwrap();
        proptest::prop_assert_eq!((text.as_str(), enc), (s.as_str(), "UTF-8"));
        if let (cp, _, false) = encoding_rs::WINDOWS_1252.encode(&s) {
            let high = cp.iter().filter(|&&b| b >= 0x80).count();
            // Mostly high bytes is not taken for Windows-1252 (see `decode`),
            // and bytes that are also valid UTF-8 (`ç“’` is E7 93 92, `瓒`)
            // are read as UTF-8: nothing can tell them apart.
            if high > 0 && high * 10 <= cp.len() * 3 && std::str::from_utf8(&cp).is_err() {
                let (text, enc) = decode(&cp).unwrap();
                proptest::prop_assert_eq!((text.as_str(), enc), (s.as_str(), "windows-1252"));
            }
        }
    }
}

/// Found by `make fuzz` (target `document`): a header line with a
/// multi-byte character across byte 5 or 9 made the "Distr" and
/// "Original:" checks slice inside it and panic.
#[test]
fn fuzz_regression_header_line_sliced_inside_a_character() {
    for line in ["tpea con\u{f4}inues its work.", "Dist\u{f4}r.: General", "Original\u{e9}: English"] {
        let text = format!(
            "S/2000/999\n\nUnited Nations\n\n{line}\nThe Peace-building Support Office in Tajikistan would be \
             established for an initial period of one year, following the withdrawal of the United Nations \
             Mission of Observers in Tajikistan (UNMOT) on 15 May 2000, and the Security Council was informed.\n"
        );
        let e = extract(&file(&text), Limits::default()).expect("a document");
        assert_eq!(e.symbol.as_deref(), Some("S/2000/999"), "{line}");
    }
}

/// `not_un_document` as first written: the head's words joined by
/// spaces, lower-cased, searched phrase by phrase.
fn specified_not_un_document(text: &str) -> Option<String> {
    let head = head(text, 20_000);
    let spaced = head.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = head.split_whitespace().count();
    let lower = spaced.to_lowercase();
    if lower.contains(ERROR_PAGE[0]) {
        return Some("download error page: the document does not exist".into());
    }
    let symbol_line = head.lines().take(40).any(|l| {
        let l = l.trim();
        l.starts_with("S/") && l.len() <= 30 && l[2..].starts_with(|c: char| c.is_ascii_digit())
    });
    if !symbol_line && !UN_MARKERS.iter().any(|m| lower.contains(m)) {
        return Some("no mention of the United Nations, the Security Council or the Secretary-General".into());
    }
    if words < 20 {
        return Some(format!("only {words} words"));
    }
    None
}

#[test]
fn un_document_check_is_the_specified_one() {
    let mut texts: Vec<String> = vec![
        "The SECURITY\n\u{a0}COUNCIL met.".into(),
        "the Document you are LOOKING\tfor does not exist".into(),
        "the document you are looking for does not exist".replace('k', "\u{212A}"),
        "the document you are looking for does not exist".replace('i', "\u{130}"),
        "UNITED NATIONS, Secretary-\u{212A}General\u{b}words".into(),
        "ſecurity council and the united\u{2028}nations ".repeat(12),
        "S/24090\nsome words".into(),
        " \u{b} \u{85} ".into(),
    ];
    texts.extend(corpus_files::corpus_files().iter().filter_map(|(_, bytes)| decode(bytes).ok().map(|(text, _)| text)));
    let rejected = texts.iter().filter(|t| specified_not_un_document(t).is_some()).count();
    assert!(texts.len() > 100 && rejected >= 5, "{} texts, {rejected} rejected", texts.len());
    for t in &texts {
        assert_eq!(not_un_document(t), specified_not_un_document(t), "{:?}", &t[..t.len().min(200)]);
    }
}

#[test]
fn head_is_the_first_characters() {
    let specified = |t: &str, n: usize| t.chars().take(n).collect::<String>();
    let mut texts: Vec<String> =
        vec![String::new(), "abc".into(), "é".repeat(30), format!("{}é{}", "a".repeat(9), "b".repeat(9))];
    texts.extend(corpus_files::corpus_files().iter().filter_map(|(_, bytes)| decode(bytes).ok().map(|(text, _)| text)));
    for t in &texts {
        for n in [0, 1, 9, 10, 11, 20, 20_000] {
            assert_eq!(head(t, n), specified(t, n));
        }
    }
}

#[test]
fn symbol_from_file_name_when_the_header_has_none() {
    let cases = [
        ("data/corpus/S_2010_522.txt", Some("S/2010/522")),
        ("real/og_reports_Middle_East_UNIKOM_S_23106_Add.1.txt", Some("S/23106/Add.1")),
        ("reports/S_2025_231.en.txt", Some("S/2025/231")),
        ("x/og_reports_Europe_UNMIK_S_2017_95_rev.1.txt", Some("S/2017/95/Rev.1")),
        ("x/og_reports_Americas_ONUCA_A_45_706_S_21931.txt", Some("S/21931")),
        ("x/000_18a761e4b8eb5b48.txt", None),
        ("x/BUS_2010_5.txt", None),
    ];
    for (path, want) in cases {
        assert_eq!(symbol_from_file_name(path).as_deref(), want, "{path}");
    }
    // Only a text that prints a symbol, however garbled, takes the file
    // name's; one that prints none (a map sent with a report) has none.
    let symbol = |text: String| {
        let e = extract(&SourceFile { path: "a/S_2004_331.txt".into(), bytes: text.into_bytes() }, Limits::default());
        e.unwrap().symbol
    };
    let body = "Letter to the Security Council about the situation in the region. ".repeat(5);
    assert_eq!(symbol(body.clone()), None);
    assert_eq!(symbol(format!("5l2004\n2 May 2004\n\n{body}")).as_deref(), Some("S/2004/331"));
    // A header's symbol stands unless a scan misread a digit or two of it.
    let s = |x: &str| Some(x.to_owned());
    assert_eq!(reconcile_symbol(s("S/21509"), s("S/21909"), None), s("S/21509"));
    assert_eq!(reconcile_symbol(s("S/1935/987"), s("S/1995/987"), None), s("S/1995/987"));
    assert_eq!(reconcile_symbol(s("S/1935/987"), s("S/1995/987"), Some("23 November 1995")), s("S/1995/987"));
    assert_eq!(reconcile_symbol(s("S/2006/707"), s("S/2007/707"), Some("1 September 2006")), s("S/2006/707"));
    assert_eq!(reconcile_symbol(s("S/2004/331"), s("S/2005/99"), None), s("S/2004/331"));
    assert_eq!(reconcile_symbol(None, s("S/2005/99"), None), s("S/2005/99"));
}

#[test]
fn scanned_headers() {
    let header = |h: &str| {
        let text = format!(
            "{h}\n\nREPORT OF THE SECRETARY-GENERAL\n\n1. The present report is submitted to the Security Council.\n"
        );
        let e = extract(&file(&text), Limits::default()).unwrap();
        (e.symbol, e.issue_date_raw)
    };
    let s = |x: &str| Some(x.to_owned());
    assert_eq!(
        header("Security Council\nDistr.\nGENERAL\nS/21509\n26.October 1990\nORIGINAL: ENGLISH"),
        (s("S/21509"), s("26 October 1990"))
    );
    assert_eq!(
        header("Security Council\nDisk.\nGENERAL\nS/23000\n3 September 1991\nORIGINAL:\nENGLISH"),
        (s("S/23000"), s("3 September 1991"))
    );
    assert_eq!(
        header("Security Council\nDistr.\nGENERAL\nS/24075\n6 Jume 1992\nORIGINAL: ENGLISH"),
        (s("S/24075"), s("6 June 1992"))
    );
    // No "Distr." the scan kept, the date broken over two lines under the
    // symbol.
    assert_eq!(
        header("Secuaity cahxlncil\n\nDirts.\nGsdlBBA.L\n\nS/23514\n25 January\n\n1992"),
        (s("S/23514"), s("25 January 1992"))
    );
}
