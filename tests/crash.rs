//! Crash safety: the pipeline killed (SIGKILL) at random points while it
//! writes leaves the previous output intact, its partial folder is never
//! taken for the dataset, and the next run cleans up and completes.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{files, fixture, root, run};

/// Entries beside the output other than the output itself.
fn beside(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect();
    v.sort();
    v
}

/// Bytes written so far into staging folders.
fn staged_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.file_name().to_string_lossy().starts_with(".out.partial-")
            && let Ok(inner) = std::fs::read_dir(e.path())
        {
            total += inner.flatten().filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum::<u64>();
        }
    }
    total
}

#[test]
fn killed_runs_leave_the_previous_output_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // Small batches: the tables are written in many steps all through the run.
    let pipeline = dir.path().join("p.toml");
    let corpus = root().join("data/corpus/real/letters");
    std::fs::write(&pipeline, format!("corpus = {:?}\nout = \"out\"\nbatch_size = 3\nthreads = 2\n", corpus)).unwrap();
    let missive = |extra: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_missive"));
        c.args(["run", pipeline.to_str().unwrap(), "--quiet"]).args(extra);
        c
    };

    // What a complete run writes, measured once elsewhere.
    let t = Instant::now();
    let expected_dir = dir.path().join("expected");
    assert!(missive(&["--out", expected_dir.to_str().unwrap()]).status().unwrap().success());
    let full_run = t.elapsed();
    let expected = files(&expected_dir);
    let expected_bytes: u64 = expected.values().map(|b| b.len() as u64).sum();

    let previous_output = || {
        run(&fixture("layouts"), &out, 1);
        files(&out)
    };
    let mut before = previous_output();
    assert_ne!(before, expected);

    let seed = std::env::var("MISSIVE_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x006d_6973_7369_7665);
    let mut rng = crate::common::Rng::new(seed);
    let (mut killed_mid_write, mut completed) = (0, 0);
    for round in 0..10 {
        // Even rounds kill when the staged files reach a random size, odd
        // rounds after a random delay (which may fall before any writing).
        let threshold = 1 + rng.next_u64() % expected_bytes;
        let delay = Duration::from_micros(rng.next_u64() % (full_run.as_micros() as u64 * 3 / 2).max(1));
        let by_bytes = round % 2 == 0;
        let mut child = missive(&[]).spawn().unwrap();
        let started = Instant::now();
        let finished = loop {
            if child.try_wait().unwrap().is_some() {
                break true;
            }
            let staged = staged_bytes(dir.path());
            if (by_bytes && staged >= threshold) || (!by_bytes && started.elapsed() >= delay) {
                child.kill().unwrap(); // SIGKILL
                let status = child.wait().unwrap();
                if status.success() {
                    break true; // it finished just before the signal
                }
                killed_mid_write += u32::from(staged > 0);
                break false;
            }
            std::thread::sleep(Duration::from_millis(1));
        };
        let now = files(&out);
        let leftovers = beside(dir.path());
        if finished {
            completed += 1;
            assert!(now == expected, "round {round} (seed {seed}): a completed run wrote something unexpected");
            assert!(leftovers.is_empty(), "round {round}: a completed run left {leftovers:?}");
            before = previous_output();
        } else {
            // Killed before the swap: the previous output, whole. Killed
            // after it (removing the previous output): the new one, whole.
            assert!(
                now == before || now == expected,
                "round {round} (seed {seed}): a killed run left a broken output (threshold {threshold}, delay {delay:?})"
            );
            // Only staging folders may be left, never under the output's name.
            assert!(leftovers.iter().all(|n| n.starts_with(".out.partial-")), "round {round}: {leftovers:?}");
            if now == expected {
                before = previous_output();
            }
        }
    }
    println!("seed {seed}: {killed_mid_write} runs killed mid-write, {completed} completed");
    assert!(killed_mid_write >= 1, "no kill landed while the tables were being written (seed {seed})");

    // A rerun cleans the leftovers, says so, and completes.
    let leftovers = beside(dir.path());
    let o = missive(&[]).output().unwrap();
    assert!(o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    for l in &leftovers {
        assert!(stderr.contains(l.as_str()), "{l} not reported as cleaned: {stderr}");
    }
    assert!(files(&out) == expected, "the rerun's output differs from a clean run's");
    assert_eq!(beside(dir.path()), Vec::<String>::new());
}
