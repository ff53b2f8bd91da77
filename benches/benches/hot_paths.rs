//! Micro-benchmarks of the hot paths, over the reports of the default
//! corpus (`data/corpus/real/reports`): decoding, cleaning, sentence
//! splitting, number parsing, gazetteer matching, activity classification,
//! and each stage whole.
//!
//! `cargo bench -p missive-bench` (or `make bench-micro`); figures in
//! BENCHMARKS.md. Throughput is in input bytes of the stage.

use std::path::PathBuf;
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;
use missive_model::{Document, Extracted, SourceFile};
use missive_runner::Reference;

fn main() {
    divan::main();
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/corpus/real/reports")
}

static FILES: LazyLock<Vec<SourceFile>> = LazyLock::new(|| {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(corpus_dir()).expect("the default corpus").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SourceFile { path: p.display().to_string(), bytes: std::fs::read(&p).expect("readable") })
        .collect()
});

static REFERENCE: LazyLock<Reference> = LazyLock::new(|| Reference::builtin().expect("built-in reference data"));

static EXTRACTED: LazyLock<Vec<Extracted>> = LazyLock::new(|| {
    FILES.iter().filter_map(|f| missive_extract::extract(f, missive_extract::Limits::default()).ok()).collect()
});

static DOCS: LazyLock<Vec<Document>> =
    LazyLock::new(|| EXTRACTED.iter().map(|e| missive_normalise::normalise(e.clone(), &REFERENCE.normalise)).collect());

fn bytes_of<'a>(texts: impl Iterator<Item = &'a str>) -> BytesCount {
    BytesCount::new(texts.map(str::len).sum::<usize>())
}

#[divan::bench]
fn decode(b: Bencher) {
    b.counter(BytesCount::new(FILES.iter().map(|f| f.bytes.len()).sum::<usize>())).bench(|| {
        for f in FILES.iter() {
            divan::black_box(missive_extract::decode(&f.bytes).ok());
        }
    });
}

#[divan::bench]
fn extract(b: Bencher) {
    b.counter(BytesCount::new(FILES.iter().map(|f| f.bytes.len()).sum::<usize>())).bench(|| {
        for f in FILES.iter() {
            divan::black_box(missive_extract::extract(f, missive_extract::Limits::default()).ok());
        }
    });
}

#[divan::bench]
fn clean(b: Bencher) {
    b.counter(bytes_of(EXTRACTED.iter().map(|e| e.body.as_str()))).bench(|| {
        for e in EXTRACTED.iter() {
            divan::black_box(missive_normalise::clean(&e.body, e.symbol.as_deref()));
        }
    });
}

#[divan::bench]
fn sentences(b: Bencher) {
    b.counter(bytes_of(DOCS.iter().map(|d| d.letter.text.as_str()))).bench(|| {
        for d in DOCS.iter() {
            divan::black_box(missive_normalise::sentences::split(&d.letter.text, &d.paragraphs));
        }
    });
}

#[divan::bench]
fn numbers(b: Bencher) {
    b.counter(bytes_of(DOCS.iter().map(|d| d.letter.text.as_str()))).bench(|| {
        for d in DOCS.iter() {
            divan::black_box(missive_normalise::numbers::find(&d.letter.text));
        }
    });
}

#[divan::bench]
fn gazetteer(b: Bencher) {
    let matcher = &REFERENCE.enrich.missions;
    b.counter(bytes_of(DOCS.iter().map(|d| d.letter.text.as_str()))).bench(|| {
        for d in DOCS.iter() {
            divan::black_box(matcher.find(&d.letter.text));
        }
    });
}

#[divan::bench]
fn countries(b: Bencher) {
    let countries = &REFERENCE.normalise.countries;
    b.counter(bytes_of(DOCS.iter().map(|d| d.letter.text.as_str()))).bench(|| {
        for d in DOCS.iter() {
            divan::black_box(countries.find(&d.letter.text));
        }
    });
}

#[divan::bench]
fn classify(b: Bencher) {
    let model = REFERENCE.enrich.activity_model.as_ref().expect("the built-in activity model");
    let paragraphs: Vec<&str> =
        DOCS.iter().flat_map(|d| d.paragraphs.iter().map(|p| p.span.slice(&d.letter.text))).collect();
    b.counter(bytes_of(paragraphs.iter().copied())).bench(|| {
        for p in &paragraphs {
            divan::black_box(model.predict(p));
        }
    });
}

#[divan::bench]
fn normalise(b: Bencher) {
    b.counter(bytes_of(EXTRACTED.iter().map(|e| e.body.as_str()))).bench(|| {
        for e in EXTRACTED.iter() {
            divan::black_box(missive_normalise::normalise(e.clone(), &REFERENCE.normalise));
        }
    });
}

#[divan::bench]
fn enrich(b: Bencher) {
    b.counter(bytes_of(DOCS.iter().map(|d| d.letter.text.as_str()))).bench(|| {
        for d in DOCS.iter() {
            divan::black_box(missive_enrich::enrich(d, &REFERENCE.enrich));
        }
    });
}
