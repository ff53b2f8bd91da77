//! Normalise: an extracted document to clean text, metadata and the
//! annotations later stages build on (sentences, paragraphs, dates,
//! numbers, symbols, countries). Pure: no IO, no threads.

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
/// of anything but Unicode white space), a byte at a time: ASCII needs no
/// decoding, and this runs over every document's whole text.
fn count_words(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let (white, len) = match bytes[i] {
            b @ 0..0x80 => (matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '), 1),
            _ => {
                let c = text[i..].chars().next().expect("i is at a char boundary");
                (c.is_whitespace(), c.len_utf8())
            }
        };
        words += u32::from(!white && !in_word);
        in_word = !white;
        i += len;
    }
    words
}

#[cfg(test)]
mod tests {
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
        ] {
            assert_eq!(super::count_words(&text) as usize, text.split_whitespace().count(), "{text:?}");
        }
    }
}
