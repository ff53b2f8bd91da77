//! The hostile corpus: every kind of damaged input a scheduled run meets,
//! generated here at test time (no binary blobs in the repository). Every
//! file must end as a letter or as a reject with a reason, the run must
//! succeed, and the manifest's counts must add up.
//!
//! Unreadable files: CI runs as root, and `chmod 000` does not stop root
//! from reading. The corpus therefore holds kinds of unreadable entries that
//! stop root too (a FIFO, a socket, a dangling symlink, symlink loops, a
//! file that vanishes between the listing and the reading), and also a
//! `chmod 000` file whose expected outcome is decided by trying to read it:
//! a reject when the test runs as an ordinary user, a letter under root.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use missive_runner::{Config, Progress, Summary};

use crate::common::{missive, random_bytes, utf16};

/// What a file must become.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Expect {
    Letter,
    Reject(&'static str),
}

/// A letter that passes every check of extract: English, about the
/// Security Council, long enough.
fn letter(topic: &str) -> String {
    format!(
        "S/2004/{n}\n\nUnited Nations\nSecurity Council\nDistr.: General\n3 May 2004\nOriginal: English\n\n\
         Letter dated 3 May 2004 from the Secretary-General addressed to the President of the Security Council\n\n\
         I have the honour to refer to {topic}. The United Nations Mission in Sierra Leone (UNAMSIL) deployed \
         1,250 military observers in the region and supported the elections in the country. I should be \
         grateful if you would bring the present letter to the attention of the members of the Security \
         Council.\n\n(Signed) Kofi A. Annan\n",
        n = 100 + topic.len()
    )
}

/// A letter whose first 20,000 characters (what the language check reads)
/// are plain English, followed by `tail`: the tail reaches the parsers.
fn letter_with_tail(tail: &str) -> String {
    let filler = "The Council will continue to follow the situation in the region closely and to support the \
                  efforts of the Mission to protect civilians and to assist in the return of refugees. ";
    letter("a long letter").replace("(Signed)", &format!("{}\n\n{tail}\n\n(Signed)", filler.repeat(120)))
}

/// The corpus and what each entry must become, keyed by the relative path
/// the manifest will show.
struct Corpus {
    root: PathBuf,
    expect: BTreeMap<String, Expect>,
    vanishing: PathBuf,
}

const BIG: u64 = 200 * 1024 * 1024;

fn build(root: &Path) -> Corpus {
    let mut expect = BTreeMap::new();
    let mut put = |rel: &str, bytes: &[u8], e: Expect| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        expect.insert(rel.to_owned(), e);
    };
    use Expect::{Letter, Reject};

    // Encodings.
    let text = letter("Côte d’Ivoire – the “Linas-Marcoussis” agreement");
    put("encodings/utf8.txt", text.as_bytes(), Letter);
    put("encodings/utf8_bom.txt", &[b"\xEF\xBB\xBF", letter("a BOM").as_bytes()].concat(), Letter);
    let (cp, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    put("encodings/windows1252.txt", &cp, Letter);
    for (name, le, bom) in [("le_bom", true, true), ("be_bom", false, true), ("le", true, false), ("be", false, false)]
    {
        put(&format!("encodings/utf16_{name}.txt"), &utf16(&letter(name), le, bom), Letter);
    }
    put("encodings/crlf_formfeed.txt", letter("pages").replace('\n', "\r\n\x0c").as_bytes(), Letter);
    // A few stray bytes that are not UTF-8: read as Windows-1252.
    let mut stray = letter("stray bytes").into_bytes();
    stray.splice(200..200, *b"\xC3\x28\xA0\xA1\xFF");
    put("encodings/invalid_utf8_few.txt", &stray, Letter);
    // A truncated multi-byte sequence at the very end.
    let mut cut = letter("a cut end é").into_bytes();
    cut.extend_from_slice("é".as_bytes().split_at(1).0);
    put("encodings/truncated_utf8.txt", &cut, Letter);

    // Damaged files.
    put("damaged/empty.txt", b"", Reject("empty"));
    put("damaged/whitespace.txt", b" \n\t\r\n  ", Reject("empty"));
    put("damaged/png.txt", &[&b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..], &[0u8; 512]].concat(), Reject("binary"));
    put("damaged/random.txt", &random_bytes(7, 64 * 1024), Reject("binary"));
    let mut nul = letter("a NUL byte").into_bytes();
    nul.insert(100, 0);
    put("damaged/nul_inside.txt", &nul, Reject("binary"));
    // Mostly high bytes without NUL or controls: no encoding fits.
    let high: Vec<u8> = random_bytes(11, 32 * 1024).into_iter().map(|b| b | 0x80).collect();
    put("damaged/invalid_utf8_mostly.txt", &high, Reject("undecodable"));
    put(
        "damaged/russian.txt",
        "Организация Объединенных Наций. Совет Безопасности. ".repeat(40).as_bytes(),
        Reject("non_english"),
    );
    put(
        "damaged/not_un.txt",
        "The weather in the valley was fine and the river was high. ".repeat(20).as_bytes(),
        Reject("not_un_document"),
    );

    // Texts crafted to break parsers.
    let digits = "7".repeat(5_000);
    let groups = format!("1{}", ",000".repeat(3_000));
    let decimals = format!("3.{}", "1415926535".repeat(500));
    put(
        "parsers/huge_numbers.txt",
        letter(&format!(
            "{digits} troops, {groups} refugees, {decimals} per cent, US$ {digits} million, {digits}-{digits} \
             persons and between {groups} and {digits} civilians"
        ))
        .as_bytes(),
        Letter,
    );
    let words = "one hundred thousand million billion ".repeat(2_000);
    put("parsers/number_words.txt", letter_with_tail(&format!("{words} and hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred")).as_bytes(), Letter);
    put(
        "parsers/unbalanced_parens.txt",
        letter(&format!("{}resolution 1509 (2003{}", "(".repeat(50_000), ")".repeat(20_001))).as_bytes(),
        Letter,
    );
    put(
        "parsers/endless_hyphenation.txt",
        letter_with_tail(&"peace-\nkeep-\ning-\nop-\n".repeat(20_000)).as_bytes(),
        Letter,
    );
    put("parsers/dates.txt", letter("31 February 2004, 32 June 2000, 1 January 99999, 0 May 0, May 99999999999999999999, early 99999999999 and last May of 2004").as_bytes(), Letter);
    put(
        "parsers/symbols.txt",
        letter(&format!("S/{}2004 and resolution {} (2004)", "1/".repeat(20_000), "9".repeat(10_000))).as_bytes(),
        Letter,
    );
    // One sentence of 50,000 numbers: every indicator row repeats its
    // sentence, which once made the tables quadratic (and overflowed Arrow).
    let numbers: Vec<String> = (0..50_000).map(|i| format!("{i} troops (UNAMSIL) and")).collect();
    put("parsers/one_sentence_numbers.txt", letter_with_tail(&numbers.join(" ")).as_bytes(), Letter);
    put("parsers/markup.txt", letter(&"**__<b><i>".repeat(20_000)).as_bytes(), Letter);

    // Size: a 10 MB line is processed (in linear time); 200 MB is rejected
    // by its size, without being read.
    let sentence = "The Mission recorded 1,234 incidents in 2004 (up from 987), and 12 per cent of them \
                    involved between 300 and 400 persons in the eastern provinces of the country. ";
    let long_line =
        format!("{}{}", letter("one long line").replace('\n', " "), sentence.repeat(10 * 1024 * 1024 / sentence.len()));
    put("size/long_line.txt", long_line.as_bytes(), Letter);
    {
        let p = root.join("size/huge.txt");
        let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
        let chunk = letter("a very long report").repeat(64);
        let mut written = 0u64;
        while written < BIG {
            f.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len() as u64;
        }
        f.flush().unwrap();
        expect.insert("size/huge.txt".into(), Reject("too_large"));
    }

    // The file system.
    let mut deep = PathBuf::from("fs/deep");
    for i in 0..120 {
        deep.push(format!("level{i:03}"));
    }
    let deep_file = deep.join("bottom.txt");
    std::fs::create_dir_all(root.join(&deep)).unwrap();
    std::fs::write(root.join(&deep_file), letter("the bottom of a deep folder")).unwrap();
    expect.insert(deep_file.to_str().unwrap().to_owned(), Letter);

    std::fs::create_dir_all(root.join("fs/loop")).unwrap();
    std::os::unix::fs::symlink("..", root.join("fs/loop/parent")).unwrap();
    expect.insert("fs/loop/parent".into(), Reject("unreadable"));
    std::os::unix::fs::symlink("b.txt", root.join("fs/loop/a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", root.join("fs/loop/b.txt")).unwrap();
    expect.insert("fs/loop/a.txt".into(), Reject("unreadable"));
    expect.insert("fs/loop/b.txt".into(), Reject("unreadable"));
    std::os::unix::fs::symlink("nowhere.txt", root.join("fs/dangling.txt")).unwrap();
    expect.insert("fs/dangling.txt".into(), Reject("unreadable"));

    let fifo = root.join("fs/fifo.txt");
    let ok = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(ok.success());
    expect.insert("fs/fifo.txt".into(), Reject("unreadable"));
    // The listener is dropped at once; the socket file stays.
    drop(std::os::unix::net::UnixListener::bind(root.join("fs/socket.txt")).unwrap());
    expect.insert("fs/socket.txt".into(), Reject("unreadable"));

    // A folder named like a document is a folder: what it holds is read.
    std::fs::create_dir_all(root.join("fs/folder.txt")).unwrap();
    std::fs::write(root.join("fs/folder.txt/inside.txt"), letter("a folder named .txt")).unwrap();
    expect.insert("fs/folder.txt/inside.txt".into(), Letter);

    let locked = root.join("fs/mode000.txt");
    std::fs::write(&locked, letter("a file nobody may read")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let e = if std::fs::read(&locked).is_ok() { Letter } else { Reject("unreadable") };
    expect.insert("fs/mode000.txt".into(), e);

    // Names that are not UTF-8, and would collapse into one name with U+FFFD.
    for (raw, shown) in [(&b"caf\xE9.txt"[..], "fs/names/caf\\xE9.txt"), (b"caf\xE8.txt", "fs/names/caf\\xE8.txt")] {
        std::fs::create_dir_all(root.join("fs/names")).unwrap();
        std::fs::write(root.join("fs/names").join(OsStr::from_bytes(raw)), letter(shown)).unwrap();
        expect.insert(shown.into(), Letter);
    }

    // Removed by the progress hook after the listing, before the reading.
    let vanishing = root.join("fs/vanishing.txt");
    std::fs::write(&vanishing, letter("a file that will vanish")).unwrap();
    expect.insert("fs/vanishing.txt".into(), Reject("unreadable"));

    Corpus { root: root.to_owned(), expect, vanishing }
}

/// Deletes a file once the corpus is listed: the file vanishes mid-run.
struct Vanish(Mutex<Option<PathBuf>>);

impl Progress for Vanish {
    fn start(&self, _files: u64, _bytes: u64) {
        if let Some(p) = self.0.lock().unwrap().take() {
            std::fs::remove_file(p).unwrap();
        }
    }
}

/// The manifest's counts add up and match the tables.
fn check_counts(out: &Path, s: &Summary) {
    let m = &s.manifest;
    let c = &m.counts;
    assert_eq!(c.documents + c.rejects, c.files, "{c:?}");
    assert_eq!(m.inputs.len() as u64, c.files);
    assert_eq!(m.rejects_by_reason.values().sum::<u64>(), c.rejects);
    assert_eq!(m.inputs.iter().filter(|i| i.status == "letter").count() as u64, c.documents);
    assert_eq!(m.tables["documents"], c.documents);
    assert_eq!(m.tables["rejects"], c.rejects);
    let letters = missive_store::read_strings(&out.join("documents.parquet"), &["source_path"]).unwrap();
    let rejects =
        missive_store::read_strings(&out.join("rejects.parquet"), &["source_path", "reason", "detail"]).unwrap();
    assert_eq!(letters.len() as u64, c.documents);
    assert_eq!(rejects.len() as u64, c.rejects);
    for r in &rejects {
        assert!(r.iter().all(|v| v.as_deref().is_some_and(|v| !v.is_empty())), "reject without a reason: {r:?}");
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["counts"]["files"], c.files);
}

fn outcomes(s: &Summary) -> BTreeMap<String, Expect> {
    s.manifest
        .inputs
        .iter()
        .map(|i| {
            let e = match i.reason {
                None => Expect::Letter,
                Some(r) => Expect::Reject(r),
            };
            (i.path.clone(), e)
        })
        .collect()
}

#[test]
fn hostile_corpus_every_file_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = build(&dir.path().join("corpus"));
    let out = dir.path().join("out");
    let cfg = Config { corpus: corpus.root.clone(), out: out.clone(), threads: 2, ..Config::default() };
    let summary = missive_runner::run(&cfg, &Vanish(Mutex::new(Some(corpus.vanishing.clone())))).expect("run succeeds");
    check_counts(&out, &summary);
    let got = outcomes(&summary);
    let mismatches: Vec<String> = corpus
        .expect
        .iter()
        .filter(|(p, e)| got.get(*p) != Some(e))
        .map(|(p, e)| format!("{p}: expected {e:?}, got {:?}", got.get(p)))
        .collect();
    assert!(mismatches.is_empty(), "{mismatches:#?}");
    let unexpected: Vec<&String> = got.keys().filter(|p| !corpus.expect.contains_key(*p)).collect();
    assert!(unexpected.is_empty(), "files nobody expected: {unexpected:?}");
    let size = summary.manifest.inputs.iter().find(|i| i.path == "size/huge.txt").unwrap();
    assert_eq!(size.bytes, std::fs::metadata(corpus.root.join("size/huge.txt")).unwrap().len());
    assert!(size.bytes >= BIG);

    // The binary over the same corpus (the vanished file is gone now):
    // exit 0, the same outcome for every file.
    let out2 = dir.path().join("out2");
    let o = missive(&["run", "--corpus", corpus.root.to_str().unwrap(), "--out", out2.to_str().unwrap(), "--quiet"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.contains("rejects by reason: binary 3, empty 2,"), "{stdout}");
    let mut got2: BTreeMap<String, String> = BTreeMap::new();
    for r in missive_store::read_strings(&out2.join("rejects.parquet"), &["source_path", "reason"]).unwrap() {
        got2.insert(r[0].clone().unwrap(), r[1].clone().unwrap());
    }
    for l in missive_store::read_strings(&out2.join("documents.parquet"), &["source_path"]).unwrap() {
        got2.insert(l[0].clone().unwrap(), "letter".into());
    }
    let mut want: BTreeMap<String, String> = got
        .iter()
        .map(|(p, e)| {
            (
                p.clone(),
                match e {
                    Expect::Letter => "letter".into(),
                    Expect::Reject(r) => (*r).into(),
                },
            )
        })
        .collect();
    want.remove("fs/vanishing.txt");
    assert_eq!(got2, want);
}

#[test]
fn strict_exits_3_with_a_summary_of_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("good.txt"), letter("a good letter")).unwrap();
    let run = |strict: bool| {
        let out = dir.path().join("out");
        let mut args = vec!["run", "--corpus", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet"];
        if strict {
            args.push("--strict");
        }
        missive(&args)
    };
    assert!(run(true).status.success(), "nothing rejected: --strict exits 0");
    std::fs::write(corpus.join("empty.txt"), "").unwrap();
    std::fs::write(corpus.join("empty2.txt"), "\n").unwrap();
    std::fs::write(corpus.join("binary.txt"), b"\x00\x01\x02").unwrap();
    assert!(run(false).status.success(), "without --strict rejects do not fail the run");
    let o = run(true);
    assert_eq!(o.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("3 files were rejected (--strict): binary 1, empty 2"), "{stderr}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("rejects by reason: binary 1, empty 2"));
    // The output is still written: the rejects are there to read.
    let rejects = missive_store::read_strings(&dir.path().join("out/rejects.parquet"), &["reason"]).unwrap();
    assert_eq!(rejects.len(), 3);
}

#[test]
fn skipped_files_are_reported_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for name in ["a.doc", "b.DOC", "c.docx"] {
        std::fs::write(corpus.join(name), b"\xd0\xcf\x11\xe0").unwrap();
    }
    let run = |strict: bool| {
        let out = dir.path().join("out");
        let mut args = vec!["run", "--corpus", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet"];
        if strict {
            args.push("--strict");
        }
        missive(&args)
    };
    let o = run(false);
    assert!(o.status.success(), "skipping is not an error without --strict");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("3 files skipped by extension (.doc 2, .docx 1)"), "{stderr}");
    assert!(stderr.contains("no document was accepted"), "{stderr}");
    assert_eq!(run(true).status.code(), Some(3), "--strict fails a run that skipped files");
}

#[test]
fn limits_turn_documents_into_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("small.txt"), letter("a small letter")).unwrap();
    let sentence = "The Mission recorded 1,234 incidents in 2004 and 12 per cent of them in the east. ";
    let big = format!("{}{}", letter("a big letter"), sentence.repeat(4 * 1024 * 1024 / sentence.len()));
    std::fs::write(corpus.join("big.txt"), &big).unwrap();
    let out = dir.path().join("out");
    let run = |extra: &[&str]| {
        let mut args = vec!["run", "--corpus", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet"];
        args.extend_from_slice(extra);
        let o = missive(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        missive_store::read_strings(&out.join("rejects.parquet"), &["source_path", "reason", "detail"]).unwrap()
    };
    assert!(run(&[]).is_empty());
    let r = run(&["--max-bytes", "100000"]);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0][0].as_deref(), r[0][1].as_deref()), (Some("big.txt"), Some("too_large")));
    // Four megabytes cannot be read, decoded and hashed in a millisecond.
    let r = run(&["--time-limit-ms", "1"]);
    assert!(r.iter().any(|r| r[0].as_deref() == Some("big.txt") && r[1].as_deref() == Some("time_limit")), "{r:?}");
    let detail = r.iter().find(|r| r[0].as_deref() == Some("big.txt")).unwrap()[2].clone().unwrap();
    assert!(detail.starts_with("time limit reached in ") && detail.ends_with("(limit 1 ms)"), "{detail}");
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"time_limit_ms\": 1,"), "{manifest}");

    // The same limits from a pipeline file.
    let toml = dir.path().join("p.toml");
    std::fs::write(&toml, "corpus = \"corpus\"\nout = \"out\"\nmax_bytes = 100000\ntime_limit_ms = 0\n").unwrap();
    let o = missive(&["run", toml.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r = missive_store::read_strings(&out.join("rejects.parquet"), &["reason"]).unwrap();
    assert_eq!(r, [[Some("too_large".to_owned())]]);
}

/// A blank page: a PDF with no text layer, as a scan without OCR is.
const IMAGE_ONLY_PDF: &str = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n\
trailer<</Root 1 0 R>>\n%%EOF\n";

/// PDF input: a real UN PDF reads as its text twin does (the two are
/// duplicates), a text file named `.pdf` is read as text, and a PDF
/// truncated, with bytes flipped, encrypted (by qpdf, which `make
/// pdf-tools` installs with poppler's pdftotext) or without a text layer
/// is a reject with its own reason.
#[test]
fn pdfs_are_read_and_damaged_ones_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pdf = std::fs::read(root.join("data/pdf/S_2025_102.en.pdf")).unwrap();
    std::fs::write(corpus.join("good.pdf"), &pdf).unwrap();
    std::fs::copy(root.join("data/corpus/real/other/S_2025_102.en.txt"), corpus.join("twin.txt")).unwrap();
    std::fs::write(corpus.join("truncated.pdf"), &pdf[..pdf.len() / 2]).unwrap();
    let mut flipped = pdf.clone();
    for (i, r) in random_bytes(7, 400).chunks(2).enumerate() {
        let at = (usize::from(r[0]) << 8 | usize::from(r[1])) * 7919 % flipped.len();
        flipped[at] ^= 0xFF ^ (i as u8);
    }
    std::fs::write(corpus.join("flipped.pdf"), &flipped).unwrap();
    std::fs::write(corpus.join("image_only.pdf"), IMAGE_ONLY_PDF).unwrap();
    std::fs::write(corpus.join("text_named.pdf"), letter("a text file named as a PDF")).unwrap();
    let qpdf = std::process::Command::new("qpdf")
        .args(["--encrypt", "user", "owner", "256", "--"])
        .arg(corpus.join("good.pdf"))
        .arg(corpus.join("encrypted.pdf"))
        .status()
        .expect("qpdf is installed (make pdf-tools)");
    assert!(qpdf.success());
    let out = dir.path().join("out");
    let cfg = Config { corpus: corpus.clone(), out: out.clone(), threads: 2, ..Config::default() };
    let summary = missive_runner::run(&cfg, &missive_runner::Silent).expect("run succeeds");
    check_counts(&out, &summary);
    let want: BTreeMap<String, Expect> = [
        ("good.pdf", Expect::Letter),
        ("twin.txt", Expect::Letter),
        ("text_named.pdf", Expect::Letter),
        ("truncated.pdf", Expect::Reject("pdf_damaged")),
        ("flipped.pdf", Expect::Reject("pdf_damaged")),
        ("image_only.pdf", Expect::Reject("pdf_no_text")),
        ("encrypted.pdf", Expect::Reject("pdf_encrypted")),
    ]
    .into_iter()
    .map(|(p, e)| (p.to_owned(), e))
    .collect();
    assert_eq!(outcomes(&summary), want);
    let letters =
        missive_store::read_strings(&out.join("documents.parquet"), &["source_path", "symbol", "duplicate_of"])
            .unwrap();
    let good = letters.iter().find(|l| l[0].as_deref() == Some("good.pdf")).unwrap();
    assert_eq!(good[1].as_deref(), Some("S/2025/102"));
    assert!(letters.iter().any(|l| l[2].is_some()), "the PDF and its text twin are one document: {letters:?}");
}
