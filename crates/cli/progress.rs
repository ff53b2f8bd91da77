//! Progress: a bar on a terminal, plain log lines otherwise.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

pub struct Bar {
    bar: Option<ProgressBar>,
    quiet: bool,
    total: AtomicU64,
    done: AtomicU64,
    last_log: Mutex<Instant>,
}

impl Bar {
    pub fn new(quiet: bool) -> Self {
        Self {
            bar: None,
            quiet,
            total: AtomicU64::new(0),
            done: AtomicU64::new(0),
            last_log: Mutex::new(Instant::now()),
        }
        .with_terminal()
    }

    fn with_terminal(mut self) -> Self {
        if !self.quiet && std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files {per_sec} eta {eta}",
                )
                .expect("valid template"),
            );
            self.bar = Some(bar);
        }
        self
    }
}

impl missive_runner::Progress for Bar {
    fn start(&self, files: u64, bytes: u64) {
        self.total.store(files, Ordering::Relaxed);
        match &self.bar {
            Some(b) => b.set_length(files),
            None if !self.quiet => {
                eprintln!("missive: {files} files, {:.1} MB", bytes as f64 / 1e6)
            }
            None => {}
        }
    }

    fn advance(&self, files: u64, _bytes: u64) {
        let done = self.done.fetch_add(files, Ordering::Relaxed) + files;
        match &self.bar {
            Some(b) => b.inc(files),
            None if !self.quiet => {
                let mut last = self.last_log.lock().expect("log lock");
                if last.elapsed().as_secs() >= 5 {
                    *last = Instant::now();
                    eprintln!("missive: {done}/{} files", self.total.load(Ordering::Relaxed));
                }
            }
            None => {}
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
