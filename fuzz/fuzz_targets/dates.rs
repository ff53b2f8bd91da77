//! Date parsing on any text, with or without an anchor date: no panic,
//! spans on character boundaries, and dates that exist.
#![no_main]

use chrono::Datelike;
use libfuzzer_sys::fuzz_target;
use missive_model::NaiveDate;
use missive_normalise::dates;

fuzz_target!(|input: (u16, u8, u8, &str)| {
    let (year, month, day, text) = input;
    let anchor = NaiveDate::from_ymd_opt(i32::from(year % 3000), u32::from(month % 13), u32::from(day % 32));
    for d in dates::find(text, anchor) {
        let s = d.span;
        assert!(s.start < s.end && s.end <= text.len(), "{s:?} outside 0..{}", text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?} inside a character");
        let _ = d.date.start();
    }
    if let Some(d) = dates::parse_day_month_year(text) {
        // The day read is the number the text starts with ("23rd April 2004").
        let first = text.split_whitespace().next().unwrap();
        let day: u32 = first.trim_end_matches(|c: char| c.is_alphabetic()).parse().unwrap();
        assert_eq!(d.day(), day, "{text:?}");
    }
});
