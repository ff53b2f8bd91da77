//! `scale-corpus FROM OUT BYTES [--distinct]`: writes copies of the corpus
//! FROM into OUT until OUT holds at least BYTES (suffixes K, M, G
//! accepted), for `make bench`.
//!
//! Copy `c` of file `f` is `OUT/cNNNN/<f's relative path>`, its bytes
//! followed by a tail of white space that spells the file's serial number
//! in binary (space 0, tab 1), in the file's own encoding (UTF-16 files get
//! UTF-16 white space). No two files of OUT are identical, and each reads
//! as the document it copies: the white space is dropped by cleaning. OUT
//! is written afresh when it does not already hold the same request.
//!
//! With `--distinct`, copy `c > 0` also changes every third word of four
//! or more lower-case ASCII letters (`word` becomes `wordxC`; UTF-16 files
//! are left as they are): no copy is a near-duplicate of another, so the
//! duplicate index holds every document, as it would over a corpus of
//! distinct letters (`make bench-memory`).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

fn parse_size(s: &str) -> Result<u64> {
    let s = s.trim();
    let (num, mult) = match s.chars().last() {
        Some('K' | 'k') => (&s[..s.len() - 1], 1u64 << 10),
        Some('M' | 'm') => (&s[..s.len() - 1], 1 << 20),
        Some('G' | 'g') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    let n: f64 = num.parse().with_context(|| format!("size {s:?}"))?;
    Ok((n * mult as f64) as u64)
}

/// The file's encoding as far as white space goes: UTF-16 LE, BE, or bytes.
fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => {
            // UTF-16 without a byte-order mark: mostly zero bytes on one side.
            let n = bytes.len().min(4096) / 2;
            if n < 8 {
                return None;
            }
            let zeros = |off: usize| (0..n).filter(|i| bytes[2 * i + off] == 0).count();
            if zeros(1) * 10 > n * 8 {
                Some(true)
            } else if zeros(0) * 10 > n * 8 {
                Some(false)
            } else {
                None
            }
        }
    }
}

fn tail(serial: u64, enc: Option<bool>) -> Vec<u8> {
    let mut chars = vec![b'\n'];
    for bit in (0..20).rev() {
        chars.push(if serial >> bit & 1 == 1 { b'\t' } else { b' ' });
    }
    chars.push(b'\n');
    match enc {
        None => chars,
        Some(le) => chars.iter().flat_map(|&c| if le { [c, 0] } else { [0, c] }).collect(),
    }
}

/// `bytes` with every third word of four or more lower-case ASCII letters
/// followed by `x` and the copy number.
fn distinct(bytes: &[u8], copy: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 16);
    let (mut run, mut words) = (0usize, 0u64);
    for (i, &b) in bytes.iter().enumerate() {
        out.push(b);
        run = if b.is_ascii_lowercase() { run + 1 } else { 0 };
        let ends = !bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase);
        if run >= 4 && ends {
            words += 1;
            if words % 3 == 0 {
                out.extend(format!("x{copy}").bytes());
            }
        }
    }
    out
}

fn main() -> Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let distinct_copies = args.iter().any(|a| a == "--distinct");
    args.retain(|a| a != "--distinct");
    let [from, out, size] = args.as_slice() else {
        bail!("usage: scale-corpus FROM OUT BYTES [--distinct] (e.g. data/corpus target/bench/corpus-1G 1G)");
    };
    let (from, out, want) = (PathBuf::from(from), PathBuf::from(out), parse_size(size)?);
    let stamp = out.join(".scaled");
    let request = format!("{} {want}{}\n", from.display(), if distinct_copies { " distinct" } else { "" });
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(request.as_str()) {
        println!("{} already holds {want} bytes of copies of {}", out.display(), from.display());
        return Ok(());
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for e in walkdir::WalkDir::new(&from).sort_by_file_name() {
        let e = e?;
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(&from)?.to_string_lossy().into_owned();
            files.push((rel, std::fs::read(e.path()).with_context(|| format!("reading {}", e.path().display()))?));
        }
    }
    let per_copy: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    if per_copy == 0 {
        bail!("{} holds no bytes", from.display());
    }
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("removing {}", out.display()))?;
    }
    let (mut written, mut serial, mut n_files) = (0u64, 0u64, 0u64);
    let mut copy = 0;
    while written < want {
        let dir = out.join(format!("c{copy:04}"));
        for (rel, bytes) in &files {
            let path: &Path = &dir.join(rel);
            std::fs::create_dir_all(path.parent().expect("in dir"))?;
            let enc = utf16(bytes);
            let mut b =
                if distinct_copies && copy > 0 && enc.is_none() { distinct(bytes, copy) } else { bytes.clone() };
            b.extend(tail(serial, enc));
            std::fs::write(path, &b).with_context(|| format!("writing {}", path.display()))?;
            written += b.len() as u64;
            serial += 1;
            n_files += 1;
        }
        copy += 1;
    }
    std::fs::write(&stamp, request)?;
    println!("{}: {copy} copies, {n_files} files, {written} bytes", out.display());
    Ok(())
}
