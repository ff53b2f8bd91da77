//! Extract: bytes to a laid-out document.
//!
//! Decodes the bytes, rejects what is not an English UN document, detects
//! the layout (keyword header, official, old upper-case, plain) and splits
//! the header, title, body and signature. Pure: no file system, no threads.

// A stage reads as the steps it takes: no function over clippy's default
// 100 lines (make clippy denies warnings).
#![warn(clippy::too_many_lines)]

mod decode;
mod layout;

pub use decode::{DecodeError, decode};

use missive_model::{Deadline, Extracted, Reject, RejectReason, SourceFile};
use sha2::{Digest, Sha256};

/// Limits that turn a pathological file into a reject.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Larger files are `too_large` rejects.
    pub max_bytes: u64,
    /// Past it, the file is a `time_limit` reject.
    pub deadline: Deadline,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_bytes: 64 * 1024 * 1024, deadline: Deadline::none() }
    }
}

/// The first 16 hex digits of the SHA-256 of the bytes: stable, from content.
pub fn doc_id(sha256_hex: &str) -> String {
    sha256_hex[..16].to_owned()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Extracts one file. A file that is not a readable English UN document is
/// a [`Reject`], never a panic.
pub fn extract(file: &SourceFile, limits: Limits) -> Result<Extracted, Reject> {
    let bytes = file.bytes.len() as u64;
    let reject = |reason, detail: String| Reject { source_path: file.path.clone(), reason, detail, bytes };
    if bytes > limits.max_bytes {
        return Err(reject(RejectReason::TooLarge, format!("{bytes} bytes is over the limit of {}", limits.max_bytes)));
    }
    let (text, encoding) = decode(&file.bytes).map_err(|e| match e {
        DecodeError::Empty => reject(RejectReason::Empty, "no text in the file".into()),
        DecodeError::Binary(d) => reject(RejectReason::Binary, d),
        DecodeError::Undecodable(d) => reject(RejectReason::Undecodable, d),
    })?;
    let timed_out = |t: missive_model::TimedOut| reject(RejectReason::TimeLimit, t.to_string());
    limits.deadline.check("extract/decode").map_err(timed_out)?;
    if let Some(detail) = non_english(&text) {
        return Err(reject(RejectReason::NonEnglish, detail));
    }
    if let Some(detail) = not_un_document(&text) {
        return Err(reject(RejectReason::NotUnDocument, detail));
    }
    limits.deadline.check("extract/checks").map_err(timed_out)?;
    let parts = layout::split(&text);
    limits.deadline.check("extract/layout").map_err(timed_out)?;
    let sha = sha256_hex(&file.bytes);
    Ok(Extracted {
        source_path: file.path.clone(),
        doc_id: doc_id(&sha),
        sha256: sha,
        bytes,
        encoding,
        layout: parts.layout,
        symbol: reconcile_symbol(
            parts.symbol,
            symbol_from_file_name(&file.path).filter(|_| carries_a_symbol(&text)),
            parts.issue_date.as_deref(),
        ),
        issue_date_raw: parts.issue_date,
        title: parts.title,
        subjects: parts.subjects,
        body: parts.body,
        signatory_raw: parts.signatory,
    })
}

/// The header's symbol, or the file name's when the header has none or a
/// scan misread its year (a file name may be wrong too, so the header
/// stands unless its year is impossible or is not the issue date's year
/// while the file name's is: "S/1935/987" issued in 1995, in
/// S_1995_987.txt).
fn reconcile_symbol(header: Option<String>, file: Option<String>, issued: Option<&str>) -> Option<String> {
    let year = |s: &str| s.split('/').nth(1).filter(|y| y.len() == 4).and_then(|y| y.parse::<u32>().ok());
    let issued = issued.and_then(|d| d.rsplit(' ').next()).and_then(|y| y.parse::<u32>().ok());
    match (header, file) {
        (Some(h), Some(f))
            if year(&h).is_some_and(|hy| {
                year(&f).is_some_and(|fy| {
                    (!(1946..=2100).contains(&hy) || issued.is_some_and(|i| i != hy)) && issued.is_none_or(|i| i == fy)
                })
            }) =>
        {
            Some(f)
        }
        (h, f) => h.or(f),
    }
}

/// Whether the text's head prints a document symbol at all, however a scan
/// kept it ("s/25421", "5/23777", "S /1995/987", "5123870" on a line of
/// its own): only then may the file name stand in for one the scan
/// garbled. A text with none (a map sent with a report) has no symbol
/// (GUIDELINES §1).
fn carries_a_symbol(text: &str) -> bool {
    static PRINTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        missive_model::pattern::regex(r"(?m)(?:^|[^A-Za-z])[Ss5$]\s?/\s?[0-9A-Za-z]|^\s*[Ss5$][/1lI|]\d{4,5}\s*$")
            .unwrap()
    });
    let head = &text[..missive_model::floor_boundary(text, 3000.min(text.len()))];
    PRINTED.is_match(head)
}

/// A Security Council symbol that ends a file's name, as the UN's document
/// system names its files ("S_2010_522.txt", "..._S_23106_Add.1.txt",
/// "S_2025_231.en.txt"): the symbol of a document whose header has none
/// the scan kept readable.
fn symbol_from_file_name(path: &str) -> Option<String> {
    static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        missive_model::pattern::regex(
            r"(?i)(?:^|_)S_((?:\d{4}_)?\d{1,5}(?:_(?:Add|Corr|Rev)\.\d{1,2})*)(?:\.[a-z]{2})?\.(?:txt|pdf)$",
        )
        .unwrap()
    });
    let name = path.rsplit(['/', '\\']).next()?;
    let c = NAME.captures(name)?;
    let parts: Vec<String> = c[1]
        .split('_')
        .map(|p| {
            let mut chars = p.chars();
            match chars.next() {
                Some(f) if f.is_ascii_alphabetic() => {
                    f.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
                }
                _ => p.to_owned(),
            }
        })
        .collect();
    Some(format!("S/{}", parts.join("/")))
}

/// Most letters of the text are not Latin, or English function words are
/// rare, in its first 20,000 characters and in its own words, before its
/// first annex or its first line in another script: a letter in English
/// that transmits an annex in another language is English (its annex
/// yields no rows, but the letter loses nothing).
fn non_english(text: &str) -> Option<String> {
    let sample = head(text, 20_000);
    let whole = not_english(sample)?;
    let own = &sample[..own_words_end(sample)];
    // At least a short letter's worth of words.
    if own.split_whitespace().nth(40).is_some() { not_english(own).map(|_| whole) } else { Some(whole) }
}

/// Where a document's own words end: at its first line that opens an
/// annex or is written mostly in a script other than Latin.
fn own_words_end(text: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let (latin, other) = scripts(line);
        if line.starts_with("Annex") || (other > latin && other >= 5) {
            return at;
        }
        at += line.len();
    }
    text.len()
}

/// How many letters of `text` are Latin, and how many are not.
fn scripts(text: &str) -> (usize, usize) {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    (latin, other)
}

/// Why `sample` does not read as English, if it does not.
fn not_english(sample: &str) -> Option<String> {
    let (latin, other) = scripts(sample);
    if other > latin {
        return Some(format!("{} per cent of letters are not Latin", other * 100 / (latin + other)));
    }
    const FUNCTION: [&str; 12] = ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "by", "with"];
    let (mut words, mut function) = (0usize, 0usize);
    for w in sample.split_whitespace() {
        words += 1;
        if w.len() <= 4 && FUNCTION.iter().any(|f| w.eq_ignore_ascii_case(f)) {
            function += 1;
        }
    }
    if words >= 40 && function * 100 < words * 5 {
        return Some(format!("{function} English function words in {words} words"));
    }
    None
}

/// The first `chars` characters of `text`, borrowed.
fn head(text: &str, chars: usize) -> &str {
    // A text of at most `chars` bytes has at most `chars` characters, and
    // `chars` ASCII bytes are `chars` characters: no walk for either.
    if text.len() <= chars {
        return text;
    }
    if text.as_bytes()[..chars].is_ascii() {
        return &text[..chars];
    }
    text.char_indices().nth(chars).map_or(text, |(i, _)| &text[..i])
}

/// The words of `text` (as `split_whitespace` finds them) joined by single
/// spaces, and how many there are.
fn spaced_words(text: &str) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut spaced = String::with_capacity(text.len());
    let (mut words, mut word_start, mut i) = (0, None, 0);
    while i < bytes.len() {
        let (white, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_whitespace() || bytes[i] == 0x0b, 1)
        } else {
            let c = text[i..].chars().next().expect("i is at a char boundary");
            (c.is_whitespace(), c.len_utf8())
        };
        match (white, word_start) {
            (false, None) => word_start = Some(i),
            (true, Some(start)) => {
                if words > 0 {
                    spaced.push(' ');
                }
                spaced.push_str(&text[start..i]);
                words += 1;
                word_start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word_start {
        if words > 0 {
            spaced.push(' ');
        }
        spaced.push_str(&text[start..]);
        words += 1;
    }
    (spaced, words)
}

/// What a download error page says.
const ERROR_PAGE: [&str; 1] = ["document you are looking for does not exist"];
/// What names the UN in a document.
const UN_MARKERS: [&str; 5] = ["security council", "united nations", "secretary-general", "general assembly", "%%%"];

/// Finds lower-case ASCII phrases in any case.
struct Phrases {
    phrases: &'static [&'static str],
    any_case: aho_corasick::AhoCorasick,
}

impl Phrases {
    fn new(phrases: &'static [&'static str]) -> Self {
        let any_case = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(phrases)
            .expect("a few short phrases compile");
        Self { phrases, any_case }
    }

    /// Whether `text` lower-cased contains one of the phrases. Without
    /// lower-casing a copy: the phrases are ASCII, and the only characters
    /// that are not ASCII and lower-case to something holding ASCII are
    /// the Kelvin sign and the dotted capital I (`LOWERS_TO_ASCII`), for
    /// which the copy is made.
    fn in_lowercased(&self, text: &str) -> bool {
        if text.contains(missive_model::LOWERS_TO_ASCII) {
            let lower = text.to_lowercase();
            return self.phrases.iter().any(|p| lower.contains(p));
        }
        self.any_case.is_match(text)
    }
}

static ERROR_PAGE_PHRASES: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| Phrases::new(&ERROR_PAGE));
static UN_PHRASES: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| Phrases::new(&UN_MARKERS));

/// No trace of the United Nations, or a download error page.
fn not_un_document(text: &str) -> Option<String> {
    let head = head(text, 20_000);
    let (spaced, words) = spaced_words(head);
    if ERROR_PAGE_PHRASES.in_lowercased(&spaced) {
        return Some("download error page: the document does not exist".into());
    }
    // A symbol on a line of its own near the top ("S/24090") marks a UN
    // document even when conversion noise mangled the words.
    let symbol_line = head.lines().take(40).any(|l| {
        let l = l.trim();
        l.starts_with("S/") && l.len() <= 30 && l[2..].starts_with(|c: char| c.is_ascii_digit())
    });
    if !symbol_line && !UN_PHRASES.in_lowercased(&spaced) {
        return Some("no mention of the United Nations, the Security Council or the Secretary-General".into());
    }
    if words < 20 {
        return Some(format!("only {words} words"));
    }
    None
}

#[cfg(test)]
mod tests;
