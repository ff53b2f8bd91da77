//! Scale-out: `missive run --shard K/N` for every K, then `missive merge`,
//! gives the same bytes as one run; so does an incremental run after files
//! were added, changed and deleted; the output does not depend on the batch
//! size either.

use std::path::Path;

use missive_runner::{Config, Shard, Silent};

use crate::common::{files, fixture, missive, root};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
}

/// A small corpus with what makes merging hard: letters and reports that
/// name missions and mandate events, an identical copy and a near-copy
/// (duplicates), damaged files (rejects) and a file the extension filter
/// skips.
fn corpus(dir: &Path) {
    let r = root();
    copy_dir(&r.join("data/corpus/real/letters"), &dir.join("letters"));
    copy_dir(&r.join("data/corpus/real/reports"), &dir.join("reports"));
    copy_dir(&r.join("data/corpus/seeds"), &dir.join("seeds"));
    copy_dir(&fixture("layouts"), &dir.join("layouts"));
    copy_dir(&fixture("missions"), &dir.join("missions"));
    let seed = std::fs::read_dir(r.join("data/corpus/seeds")).unwrap().next().unwrap().unwrap().path();
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::create_dir_all(dir.join("zz")).unwrap();
    std::fs::write(dir.join("zz/identical_copy.txt"), &text).unwrap();
    std::fs::write(dir.join("zz/near_copy.txt"), text.replacen(' ', "  ", 3)).unwrap();
    std::fs::write(dir.join("zz/empty.txt"), "").unwrap();
    std::fs::write(dir.join("zz/binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3].repeat(64)).unwrap();
    std::fs::write(dir.join("zz/notes.pdf"), "not read").unwrap();
}

fn run(corpus: &Path, out: &Path, shard: Option<Shard>, batch_size: usize) {
    let cfg =
        Config { corpus: corpus.to_owned(), out: out.to_owned(), threads: 2, batch_size, shard, ..Config::default() };
    missive_runner::run(&cfg, &Silent).expect("pipeline runs");
}

#[test]
fn three_shards_merge_into_the_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    corpus(&c);
    let single = dir.path().join("single");
    run(&c, &single, None, 256);
    for k in 1..=3 {
        let out = dir.path().join(format!("shard{k}"));
        let arg = format!("{k}/3");
        let o =
            missive(&["run", "--corpus", c.to_str().unwrap(), "--out", out.to_str().unwrap(), "--shard", &arg, "-q"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let merged = dir.path().join("merged");
    // Shards in any order.
    let shards: Vec<String> =
        [3, 1, 2].iter().map(|k| dir.path().join(format!("shard{k}")).to_string_lossy().into_owned()).collect();
    let mut args = vec!["merge", "--out", merged.to_str().unwrap()];
    args.extend(shards.iter().map(String::as_str));
    let o = missive(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // Each shard holds a real share: every shard has letters, none has all.
    let whole: serde_json::Value =
        serde_json::from_slice(&std::fs::read(single.join("manifest.json")).unwrap()).unwrap();
    assert!(whole["counts"]["duplicates"].as_u64().unwrap() >= 2, "{}", whole["counts"]);
    assert!(whole["counts"]["rejects"].as_u64().unwrap() >= 4, "{}", whole["counts"]);
    let mut letters = 0;
    for k in 1..=3 {
        let m: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join(format!("shard{k}/manifest.json"))).unwrap())
                .unwrap();
        assert_eq!(m["shard"], format!("{k}/3"));
        let n = m["counts"]["documents"].as_u64().unwrap();
        assert!(n > 0 && n < whole["counts"]["documents"].as_u64().unwrap(), "shard {k}: {n} letters");
        letters += n;
    }
    assert_eq!(letters, whole["counts"]["documents"].as_u64().unwrap());

    // The merged folder is the single run, byte for byte, manifest included.
    let (a, b) = (files(&single), files(&merged));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between the single run and the merged shards");
    }
}

#[test]
fn merge_refuses_an_incomplete_set_of_shards() {
    let dir = tempfile::tempdir().unwrap();
    let c = fixture("layouts");
    for k in [1, 3] {
        run(&c, &dir.path().join(format!("s{k}")), Some(Shard { index: k, count: 3 }), 256);
    }
    let out = dir.path().join("merged");
    let o = missive(&[
        "merge",
        dir.path().join("s1").to_str().unwrap(),
        dir.path().join("s3").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("shards missing: 2/3"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!out.exists());
}

#[test]
fn output_does_not_depend_on_the_batch_size() {
    let dir = tempfile::tempdir().unwrap();
    let c = root().join("data/corpus/real/letters");
    run(&c, &dir.path().join("b256"), None, 256);
    run(&c, &dir.path().join("b3"), None, 3);
    let (a, b) = (files(&dir.path().join("b256")), files(&dir.path().join("b3")));
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between batch sizes 256 and 3");
    }
}

/// `missive run --incremental` after files were added, changed, deleted
/// (one of them the original of a duplicate) and left alone: the same bytes
/// as a full run over the corpus as it now is, with the unchanged documents
/// reused; with other settings nothing is reused, and the bytes still agree.
#[test]
fn incremental_run_equals_a_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    corpus(&c);
    let inc = dir.path().join("incremental");
    let incremental = |out: &Path, extra: &[&str]| {
        let mut args = vec!["run", "--corpus", c.to_str().unwrap(), "--out", out.to_str().unwrap(), "--incremental"];
        args.extend(extra);
        let o = missive(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let first = incremental(&inc, &[]);
    assert!(first.contains("incremental: nothing reused (no previous output"), "{first}");

    // Change the corpus: a letter edited, a report deleted, the original of
    // the identical copy deleted (the copy becomes the original), a new file.
    let letters: Vec<_> = std::fs::read_dir(c.join("letters")).unwrap().map(|e| e.unwrap().path()).collect();
    let edited = &letters[0];
    let text = std::fs::read_to_string(edited).unwrap();
    std::fs::write(edited, text.replacen("Security Council", "Security  Council", 1) + "\nA line added.\n").unwrap();
    let reports: Vec<_> = std::fs::read_dir(c.join("reports")).unwrap().map(|e| e.unwrap().path()).collect();
    std::fs::remove_file(&reports[0]).unwrap();
    let seed = std::fs::read_dir(c.join("seeds")).unwrap().next().unwrap().unwrap().path();
    std::fs::remove_file(&seed).unwrap();
    std::fs::copy(&letters[1], c.join("letters/aaa_new_copy_of_a_letter.txt")).unwrap();

    let second = incremental(&inc, &[]);
    let full = dir.path().join("full");
    run(&c, &full, None, 256);
    let whole: serde_json::Value = serde_json::from_slice(&std::fs::read(full.join("manifest.json")).unwrap()).unwrap();
    let letters_now = whole["counts"]["documents"].as_u64().unwrap();
    // Every document but the edited one, the new one and the former copy
    // (an original now, whose rows were never written) is reused.
    let reused: u64 = second
        .lines()
        .find_map(|l| l.strip_prefix("incremental: ")?.split(' ').next()?.parse().ok())
        .unwrap_or_else(|| panic!("{second}"));
    assert!(reused >= letters_now - 3 && reused < letters_now, "{reused} of {letters_now} reused: {second}");
    let (a, b) = (files(&full), files(&inc));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between the full run and the incremental one");
    }

    // Nothing changed since: the previous output is copied whole, as it is.
    let fourth = incremental(&inc, &[]);
    assert!(fourth.contains(&format!("incremental: {letters_now} of {letters_now} documents unchanged")), "{fourth}");
    assert!(fourth.contains("no file changed: the previous output copied"), "{fourth}");
    assert_eq!(files(&inc), b, "an unchanged corpus gives the same output");

    // Other settings: nothing is reused, the output is still right.
    let third = incremental(&inc, &["--max-bytes", "10MiB"]);
    assert!(
        third.contains("nothing reused (the previous output was made with another extensions, max_bytes"),
        "{third}"
    );
}
