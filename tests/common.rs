use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use missive_pipeline::{Config, Silent, Summary};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Runs the pipeline from the library.
pub fn run(corpus: &Path, out: &Path, threads: usize) -> Summary {
    let cfg = Config { corpus: corpus.to_owned(), out: out.to_owned(), threads, ..Config::default() };
    missive_pipeline::run(&cfg, &Silent).expect("pipeline runs")
}

/// Runs the binary.
pub fn missive(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_missive")).args(args).current_dir(root()).output().expect("missive starts")
}

pub fn table(out: &Path, name: &str, cols: &[&str]) -> String {
    missive_store::pretty(&out.join(format!("{name}.parquet")), cols).expect("table reads")
}
