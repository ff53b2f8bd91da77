//! Dates: absolute ("1 June 2000", "June 2000", "early 2005") and relative
//! to the letter's date ("last May", "next year").

use std::sync::LazyLock;

use chrono::Datelike;
use missive_model::{DateMention, NaiveDate, PartialDate, Span, floor_boundary};
use regex::Regex;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_RE: &str = "(January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)";

static DATES: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(&format!(
        concat!(
            r"(?-u:\b)(?:",
            // 1: day, 2: month, 3: year  (1 June 2000, 1st of June, 2000)
            r"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{m}(?:\s*,?\s+(\d{{4}}))?",
            // 4: month, 5: day, 6: year  (June 1, 2000)
            r"|{m}\s+(\d{{1,2}}),\s+(\d{{4}})",
            // 7: relative word, 8: month  (last May)
            r"|(last|next|this|past|coming)\s+{m}",
            // 9: month, 10: year  (June 2000, mid-June 2000)
            r"|{m}\s+(?:of\s+)?(\d{{4}})",
            // 11: relative year
            r"|(last\s+year|next\s+year|this\s+year|the\s+current\s+year|the\s+previous\s+year|the\s+following\s+year)",
            // 12: period word, 13: year  (early 2005, the end of 2004)
            r"|(early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+spring\s+of|the\s+summer\s+of|the\s+autumn\s+of|the\s+fall\s+of|the\s+winter\s+of|spring|summer|autumn)[-\s]+(\d{{4}})(?-u:\b)",
            // 14: a month alone ("during February"), last: a year or day
            // after it is one of the forms above.
            r"|{m}",
            r")"
        ),
        m = MONTH_RE
    ))
    .unwrap()
});

pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    MONTHS.iter().position(|m| *m == lower).map(|i| i as u32 + 1)
}

/// Parses "23 April 2004" (any case).
pub fn parse_day_month_year(s: &str) -> Option<NaiveDate> {
    let mut it = s.split_whitespace();
    let day: u32 = it.next()?.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()?;
    let month = month_number(it.next()?.trim_end_matches(','))?;
    let year: i32 = it.next()?.trim_end_matches([',', '.']).parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Every date in `text`; `anchor` is the letter's date, for relative dates
/// and dates without a year.
pub fn find(text: &str, anchor: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut yearless = Vec::new();
    for c in DATES.captures_iter(text) {
        let m = c.get(0).unwrap();
        let span = Span::new(m.start(), m.end());
        let num = |i: usize| c.get(i).and_then(|g| g.as_str().parse::<i32>().ok());
        let (date, relative) = if let (Some(d), Some(mo)) = (num(1), c.get(2)) {
            let month = month_number(mo.as_str()).unwrap();
            match num(3) {
                Some(y) => (PartialDate::ymd(y, month, d as u32), false),
                // No year: the one nearest the document's date ("expired on
                // 31 December" in a report of February 2009 is 2008).
                None => {
                    let before = &text[floor_boundary(text, m.start().saturating_sub(60))..m.start()];
                    let past = PAST_BEFORE.is_match(before) && !FUTURE_BEFORE.is_match(before);
                    // A clause told in the past tense further back ("the CIS
                    // force had withdrawn ... following the deployment of
                    // the monitoring mission on 1 October", in a report of
                    // February 2009) puts a day months ahead of the report
                    // in the year before.
                    let wide = &text[floor_boundary(text, m.start().saturating_sub(240))..m.start()];
                    let clause = &wide[wide.rfind(['.', ';']).map_or(0, |i| i + 1)..];
                    let told_past = PAST_CLAUSE.is_match(clause) && !FUTURE_BEFORE.is_match(clause);
                    let far = |a: NaiveDate| {
                        NaiveDate::from_ymd_opt(a.year(), month, d as u32)
                            .is_some_and(|x| x > a.checked_add_days(chrono::Days::new(90)).unwrap_or(a))
                    };
                    (anchor.and_then(|a| yearless_day(a, month, d as u32, past || (told_past && far(a)))), true)
                }
            }
        } else if let (Some(mo), Some(d), Some(y)) = (c.get(4), num(5), num(6)) {
            (PartialDate::ymd(y, month_number(mo.as_str()).unwrap(), d as u32), false)
        } else if let (Some(w), Some(mo)) = (c.get(7), c.get(8)) {
            let month = month_number(mo.as_str()).unwrap();
            (anchor.and_then(|a| relative_month(a, w.as_str(), month)), true)
        } else if let (Some(mo), Some(y)) = (c.get(9), num(10)) {
            (PartialDate::ym(y, month_number(mo.as_str()).unwrap()), false)
        } else if let Some(w) = c.get(11) {
            let w = w.as_str().to_lowercase();
            let shift = if w.contains("next") || w.contains("following") {
                1
            } else if w.contains("last") || w.contains("previous") {
                -1
            } else {
                0
            };
            (anchor.map(|a| PartialDate::y(a.year() + shift)), true)
        } else if let Some(y) = num(13) {
            (Some(PartialDate::y(y)), false)
        } else if let Some(mo) = c.get(14) {
            // Only after a word that makes it a time ("in May", "during
            // the month of February"), never "May" the verb.
            let lead = MONTH_LEAD.is_match(&text[floor_boundary(text, m.start().saturating_sub(24))..m.start()]);
            let month = month_number(mo.as_str()).unwrap();
            (anchor.filter(|_| lead && mo.as_str() != "MAY").map(|a| nearest_month(a, month)), true)
        } else {
            (None, false)
        };
        if let Some(date) = date.filter(|d| (1900..=2100).contains(&d.year)) {
            if c.get(1).is_some() && c.get(3).is_none() {
                yearless.push(out.len());
            }
            out.push(DateMention { span, date, relative });
        }
    }
    // "from 14 March to 17 June 2025": the year of the next date carries back.
    for i in yearless {
        let next = out.get(i + 1).filter(|n| !n.relative && n.span.start - out[i].span.end <= 40).map(|n| n.date.year);
        if let Some(year) = next {
            let d = out[i].date;
            if let Some(fixed) = PartialDate::ymd(year, d.month.unwrap_or(1), d.day.unwrap_or(1)) {
                out[i].date = fixed;
                out[i].relative = false;
            }
        }
    }
    out
}

/// "last May" written on 2004-04-23 is May 2003; "next May" is May 2004.
/// What makes a month named alone a time: a preposition right before it.
static MONTH_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:in|during|since|by|until|till|from|before|after|through|throughout|of|early|mid|late|end\s+of)[-\s]+$",
    )
    .unwrap()
});

/// A day and month named without a year: in the document's year, or the
/// year before when the clause speaks of the past and the day is still to
/// come in the document's year ("expired on 31 December" in a report of
/// February 2009 is 2008).
fn yearless_day(anchor: NaiveDate, month: u32, day: u32, past: bool) -> Option<PartialDate> {
    let y = anchor.year();
    let later = NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d > anchor);
    PartialDate::ymd(if past && later { y - 1 } else { y }, month, day)
}

/// A verb in the past right before a date ("expired on", "was officially
/// terminated as at").
static PAST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:expired|ended|occurred|took\s+place|began|started|was|were|had|met|died)(?:\s+\w+){0,2}?\s+(?:on|in|by|since|from|until|till|as\s+(?:at|of|from))?\s*$").unwrap()
});
/// A clause told in the past: "had" or "was"/"were" with a participle.
static PAST_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:had\s+(?:been\s+)?\w+(?:ed|en|wn|un|ft)|(?:was|were)\s+\w+ed)(?-u:\b)",
    )
    .unwrap()
});
/// Words of the future before a date: the date is not past.
static FUTURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:will|would|shall|to\s+be|is\s+to|are\s+to|scheduled|expected|planned|due)(?-u:\b)",
    )
    .unwrap()
});

/// The month nearest to `anchor` ("during February" in a report of July
/// 2000 is February 2000; in one of December 1999, February 2000).
fn nearest_month(anchor: NaiveDate, month: u32) -> PartialDate {
    let (y, a) = (anchor.year(), anchor.month() as i32);
    let back = (a - month as i32).rem_euclid(12);
    let year = if back <= 6 {
        if month as i32 <= a { y } else { y - 1 }
    } else if month as i32 > a {
        y
    } else {
        y + 1
    };
    PartialDate { year, month: Some(month), day: None }
}

fn relative_month(anchor: NaiveDate, word: &str, month: u32) -> Option<PartialDate> {
    let a = anchor.month();
    let year = match word.to_ascii_lowercase().as_str() {
        "last" | "past" => {
            if month < a {
                anchor.year()
            } else {
                anchor.year() - 1
            }
        }
        "next" | "coming" => {
            if month > a {
                anchor.year()
            } else {
                anchor.year() + 1
            }
        }
        _ => anchor.year(),
    };
    PartialDate::ym(year, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates() {
        let anchor = NaiveDate::from_ymd_opt(2004, 4, 23);
        let text = "established on 1 June 2000; I decided last May to extend it until 1 June 2004, from 14 March to 17 June 2025, in early 2005, by June 2003 and next year; on March 3, 2001. It expired on 31 December; it will end on 31 December. During February, it May close.";
        let got: Vec<String> = find(text, anchor)
            .iter()
            .map(|d| format!("{}={}{}", d.span.slice(text), d.date, if d.relative { "~" } else { "" }))
            .collect();
        assert_eq!(
            got,
            [
                "1 June 2000=2000-06-01",
                "last May=2003-05~",
                "1 June 2004=2004-06-01",
                "14 March=2025-03-14",
                "17 June 2025=2025-06-17",
                "early 2005=2005",
                "June 2003=2003-06",
                "next year=2005~",
                "March 3, 2001=2001-03-03",
                "31 December=2003-12-31~",
                "31 December=2004-12-31~",
                "February=2004-02~"
            ]
        );
    }

    const NAMES: [&str; 12] = missive_model::MONTH_NAMES;

    proptest::proptest! {
        #[test]
        fn day_month_year_round_trip(y in 1900i32..=2100, m in 1u32..=12, d in 1u32..=31, upper: bool) {
            let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else { return Ok(()) };
            let month = if upper { NAMES[m as usize - 1].to_uppercase() } else { NAMES[m as usize - 1].to_owned() };
            let printed = format!("{d} {month} {y}");
            proptest::prop_assert_eq!(parse_day_month_year(&printed), Some(date));
            let text = format!("On {printed}, the Council met.");
            let found = find(&text, None);
            proptest::prop_assert_eq!(found.len(), 1, "{}", text);
            proptest::prop_assert_eq!(found[0].date, PartialDate::ymd(y, m, d).unwrap());
            proptest::prop_assert_eq!(found[0].span.slice(&text), printed.as_str());
        }

        #[test]
        fn found_dates_are_sound(
            s in "([0-9]{1,5}|June|MAY|March|last|next|early|the end of|of|year|,|st|é|’| ){0,40}",
            y in 1800i32..2200,
            anchored: bool,
        ) {
            let anchor = if anchored { NaiveDate::from_ymd_opt(y, 6, 15) } else { None };
            let found = find(&s, anchor);
            let mut last = 0;
            for d in &found {
                proptest::prop_assert!(d.span.start < d.span.end && d.span.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(d.span.start) && s.is_char_boundary(d.span.end));
                proptest::prop_assert!(d.span.start >= last, "overlapping dates in {:?}", s);
                last = d.span.end;
                proptest::prop_assert!((1900..=2100).contains(&d.date.year), "{:?}", d);
                proptest::prop_assert!(d.date.start().is_some(), "a date that does not exist: {:?}", d);
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = find(&s, NaiveDate::from_ymd_opt(2004, 4, 23));
            let _ = parse_day_month_year(&s);
        }
    }
}
