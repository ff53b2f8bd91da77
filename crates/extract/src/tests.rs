use super::*;

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
    let r = extract(&big, Limits { max_bytes: 100 }).unwrap_err();
    assert_eq!(r.reason, RejectReason::TooLarge);
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
