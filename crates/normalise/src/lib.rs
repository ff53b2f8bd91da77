//! Normalise: an extracted document to clean text, metadata and the
//! annotations later stages build on (sentences, paragraphs, dates,
//! numbers, symbols, countries). Pure: no IO, no threads.

// A stage reads as the steps it takes: no function over clippy's default
// 100 lines (make clippy denies warnings).
#![warn(clippy::too_many_lines)]

mod clean;
mod countries;
pub mod dates;
mod meta;
pub mod numbers;
pub mod sentences;
pub mod symbols;

pub use clean::{Cleaned, clean, tidy_chars};
pub use countries::Countries;

use missive_model::{Deadline, Document, Extracted, Letter, TimedOut};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("reference data: {0}")]
    Reference(String),
}

/// Reference data the stage needs, loaded once by the caller.
#[derive(Debug, Clone)]
pub struct Context {
    pub countries: Countries,
}

/// Normalises one extracted document.
pub fn normalise(ex: Extracted, ctx: &Context) -> Document {
    match normalise_within(ex, ctx, &Deadline::none()) {
        Ok(doc) => doc,
        Err(never) => unreachable!("a deadline that never passes passed: {never}"),
    }
}

/// Normalises one extracted document, giving up with [`TimedOut`] once
/// `deadline` has passed (checked between steps and inside the cleaning loop).
pub fn normalise_within(ex: Extracted, ctx: &Context, deadline: &Deadline) -> Result<Document, TimedOut> {
    let Cleaned { text, paragraphs } = clean::clean_within(&ex.body, ex.symbol.as_deref(), deadline)?;
    let title = ex.title.as_deref().map(|t| tidy_chars(t).replace("**", ""));
    let doc_type = meta::doc_type(title.as_deref(), &text);
    let issue_date = ex.issue_date_raw.as_deref().and_then(dates::parse_day_month_year);
    let letter_date = meta::title_date(title.as_deref()).or(issue_date);
    let (sender, recipient) = meta::parties(title.as_deref());
    deadline.check("normalise/meta")?;
    let sentences = sentences::split(&text, &paragraphs);
    deadline.check("normalise/sentences")?;
    let date_mentions = dates::find(&text, letter_date);
    deadline.check("normalise/dates")?;
    let numbers = numbers::find(&text);
    deadline.check("normalise/numbers")?;
    let symbols = symbols::find(&text, ex.symbol.as_deref());
    deadline.check("normalise/symbols")?;
    let country_mentions = ctx.countries.find(&text);
    deadline.check("normalise/countries")?;
    let mut countries: Vec<String> = country_mentions.iter().map(|c| c.iso3.clone()).collect();
    countries.sort();
    countries.dedup();
    let n_words = count_words(&text);
    let letter = Letter {
        doc_id: ex.doc_id,
        source_path: ex.source_path,
        sha256: ex.sha256,
        bytes: ex.bytes,
        encoding: ex.encoding.to_owned(),
        symbol: ex.symbol.map(|s| symbols::canonical(&s)),
        doc_type,
        letter_date,
        issue_date,
        title,
        sender,
        recipient,
        signatory: meta::signatory(ex.signatory_raw.as_deref()),
        subjects: ex.subjects,
        countries,
        layout: ex.layout,
        n_words,
        text,
        duplicate_of: None,
        main_mission: None,
        main_mission_source: None,
    };
    Ok(Document { letter, sentences, paragraphs, dates: date_mentions, numbers, symbols, country_mentions })
}

/// The words of `text` as `split_whitespace().count()` counts them (runs
/// of anything but Unicode white space), eight bytes at a time where they
/// are ASCII: this runs over every document's whole text, and
/// `split_whitespace` decodes every character.
fn count_words(text: &str) -> u32 {
    const fn ascii_white() -> [bool; 128] {
        let mut t = [false; 128];
        let mut b = 0;
        while b < 128 {
            t[b] = (b as u8 as char).is_whitespace();
            b += 1;
        }
        t
    }
    const WHITE: [bool; 128] = ascii_white();
    let bytes = text.as_bytes();
    let (mut words, mut white_before, mut i) = (0, true, 0);
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8)
            && chunk.is_ascii()
        {
            // Bit k: byte k is white space; a word starts where a byte is
            // not and the one before it is.
            let white = chunk.iter().enumerate().fold(0u32, |m, (k, &b)| m | u32::from(WHITE[usize::from(b)]) << k);
            let before = white << 1 | u32::from(white_before);
            words += (!white & before & 0xff).count_ones();
            white_before = white & 0x80 != 0;
            i += 8;
            continue;
        }
        let c = text[i..].chars().next().expect("i is at a char boundary");
        let white = c.is_whitespace();
        words += u32::from(white_before && !white);
        white_before = white;
        i += c.len_utf8();
    }
    words
}

#[cfg(test)]
mod tests {
    pub use missive_testkit::corpus_texts;

    #[test]
    fn counts_words_as_split_whitespace_does() {
        // Every white space character of Unicode, and look-alikes that are not.
        let white: String = (0..=0x3000u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        for text in [
            String::new(),
            "  ".into(),
            "one".into(),
            " one  two\tthree\n".into(),
            format!("a{white}b{white}"),
            "a\u{1c}b\u{1f}c\u{200b}d\u{feff}e".into(),
            "été\u{a0}à\u{3000}l’ONU\u{2028}x".into(),
            white.chars().flat_map(|c| ['w', c, 'é']).collect(),
            (0..0x80u8).map(char::from).collect(),
            // Words and gaps of every length from 1 to 11 across the 8-byte chunks.
            (1..12).flat_map(|w| (1..12).map(move |g| format!("{}{}", "x".repeat(w), " \t\n".repeat(g)))).collect(),
        ] {
            assert_eq!(super::count_words(&text) as usize, text.split_whitespace().count(), "{text:?}");
        }
    }
}
