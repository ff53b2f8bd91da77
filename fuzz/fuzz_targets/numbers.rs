//! Number parsing on any text: no panic, spans on character boundaries and
//! in order, ranges that go up, and the digit and word parsers total.
#![no_main]

use libfuzzer_sys::fuzz_target;
use missive_normalise::numbers;

fuzz_target!(|text: &str| {
    let found = numbers::find(text);
    let mut last = 0;
    for n in &found {
        let s = n.span;
        assert!(s.start < s.end && s.end <= text.len(), "{s:?} outside 0..{}", text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?} inside a character");
        assert!(s.start >= last, "numbers out of order or overlapping: {found:?}");
        last = s.end;
        assert!(!n.value.is_nan(), "NaN from {:?}", &text[s.start..s.end]);
        if let Some(high) = n.value_high {
            assert!(high > n.value, "a range that goes down: {n:?}");
        }
    }
    let _ = numbers::parse_digits(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let _ = numbers::parse_words(&words);
});
