//! Any bytes through extract, normalise and enrich: no panic, and every
//! offset the stages return lies on a character boundary of the text it
//! indexes (the pipeline slices and converts them without checking).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use missive_model::{SourceFile, Span};

struct Reference {
    normalise: missive_normalise::Context,
    enrich: missive_enrich::Context,
}

static REFERENCE: LazyLock<Reference> = LazyLock::new(|| {
    let d = |name: &str| std::fs::read_to_string(format!("{}/../data/reference/{name}", env!("CARGO_MANIFEST_DIR")));
    let countries = missive_normalise::Countries::from_csv(&d("countries.csv").unwrap()).unwrap();
    let gazetteer =
        missive_enrich::Gazetteer::from_csv(&d("missions.csv").unwrap(), &d("not_missions.csv").unwrap()).unwrap();
    let units = missive_enrich::Units::from_csv(&d("units.csv").unwrap()).unwrap();
    let mut enrich = missive_enrich::Context::new(gazetteer, units);
    let model = std::fs::read_to_string(format!("{}/../data/models/activities.tsv", env!("CARGO_MANIFEST_DIR")));
    enrich.activity_model = Some(missive_enrich::classifier::Model::from_text(&model.unwrap()).unwrap());
    Reference { normalise: missive_normalise::Context { countries }, enrich }
});

fn check(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what} {span:?} outside 0..{}", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what} {span:?} inside a character");
}

fuzz_target!(|bytes: &[u8]| {
    let file = SourceFile { path: "fuzz.txt".into(), bytes: bytes.to_vec() };
    let Ok(extracted) = missive_extract::extract(&file, missive_extract::Limits::default()) else { return };
    let r = &*REFERENCE;
    let doc = missive_normalise::normalise(extracted, &r.normalise);
    let text = &doc.letter.text;
    for s in &doc.sentences {
        check(text, *s, "sentence");
    }
    for p in &doc.paragraphs {
        check(text, p.span, "paragraph");
    }
    for d in &doc.dates {
        check(text, d.span, "date");
    }
    for n in &doc.numbers {
        check(text, n.span, "number");
    }
    for s in &doc.symbols {
        check(text, s.span, "symbol");
    }
    for c in &doc.country_mentions {
        check(text, c.span, "country");
    }
    let enr = missive_enrich::enrich(&doc, &r.enrich);
    for m in &enr.mentions {
        check(text, m.span, "mission mention");
    }
    if let Some(title) = &doc.letter.title {
        for m in &enr.title_mentions {
            check(title, m.span, "title mention");
        }
    }
    for e in &enr.events {
        check(text, e.sentence, "event sentence");
    }
    for i in &enr.indicators {
        check(text, i.span, "indicator");
        check(text, i.sentence, "indicator sentence");
    }
    for a in &enr.activities {
        check(text, a.sentence, "activity sentence");
    }
});
