use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use missive_runner::{Config, Silent, Summary};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Runs the pipeline from the library.
pub fn run(corpus: &Path, out: &Path, threads: usize) -> Summary {
    let cfg = Config { corpus: corpus.to_owned(), out: out.to_owned(), threads, ..Config::default() };
    missive_runner::run(&cfg, &Silent).expect("pipeline runs")
}

/// Runs the binary.
pub fn missive(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_missive")).args(args).current_dir(root()).output().expect("missive starts")
}

pub fn table(out: &Path, name: &str, cols: &[&str]) -> String {
    missive_store::pretty(&out.join(format!("{name}.parquet")), cols).expect("table reads")
}

/// Every file of a folder (not recursive) by name, with its bytes: two
/// outputs are equal when these maps are.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap())
        })
        .collect()
}

/// `s` encoded as UTF-16, little- or big-endian, with or without a BOM.
pub fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
    }
    for u in s.encode_utf16() {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

/// xorshift64*: the tests' one reproducible random sequence, without a
/// dependency (kill points, random and flipped bytes).
pub struct Rng(u64);

impl Rng {
    /// A sequence from a non-zero seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let x = &mut self.0;
        *x ^= *x >> 12;
        *x ^= *x << 25;
        *x ^= *x >> 27;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// `n` reproducible random bytes.
pub fn random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| (rng.next_u64() >> 56) as u8).collect()
}
