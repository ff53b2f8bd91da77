//! Reading a PDF's text layer with poppler's `pdftotext`, the tool the
//! corpus's text files were made with (so a PDF reads as its `.txt`
//! twin does). IO at the edge: a child process fed the bytes already read,
//! killed when the document's deadline passes; what it says about a bad
//! file becomes a reject reason.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use missive_model::{Deadline, RejectReason};

use crate::read::Failure;

/// The tool, overridable for a system that installs it elsewhere.
fn tool() -> String {
    std::env::var("MISSIVE_PDFTOTEXT").unwrap_or_else(|_| "pdftotext".to_owned())
}

/// Whether a file is a PDF: its first bytes say so (the extension alone
/// does not: a text file named `.pdf` is read as text).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// The text of the PDF `bytes` (UTF-8, pages separated by form feeds, as
/// `pdftotext` lays it out), at most `max_bytes` long.
pub fn to_text(bytes: Vec<u8>, max_bytes: u64, deadline: &Deadline) -> Result<Vec<u8>, Failure> {
    let mut child = Command::new(tool())
        .args(["-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            let why = if e.kind() == std::io::ErrorKind::NotFound {
                "pdftotext is not installed (Debian's poppler-utils; `make pdf-tools` installs it)".to_owned()
            } else {
                format!("pdftotext could not be started: {e}")
            };
            (RejectReason::Unreadable, why)
        })?;
    let mut stdin = child.stdin.take().expect("piped");
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    // Feed and drain on threads, so that neither pipe fills and blocks.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&bytes);
    });
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = (&mut stdout).take(max_bytes.saturating_add(1)).read_to_end(&mut out);
        // Drain the rest so the tool can finish.
        let _ = std::io::copy(&mut stdout, &mut std::io::sink());
        out
    });
    let errors = std::thread::spawn(move || {
        let mut err = Vec::new();
        let _ = (&mut stderr).take(16 * 1024).read_to_end(&mut err);
        let _ = std::io::copy(&mut stderr, &mut std::io::sink());
        String::from_utf8_lossy(&err).into_owned()
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if deadline.expired() => {
                let _ = child.kill();
                let _ = child.wait();
                return Err((RejectReason::TimeLimit, "time limit reached in read/pdf".to_owned()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err((RejectReason::Unreadable, format!("pdftotext: {e}"))),
        }
    };
    let _ = writer.join();
    let text = reader.join().unwrap_or_default();
    let errors = errors.join().unwrap_or_default();
    classify(status.code(), text, &errors, max_bytes)
}

/// What `pdftotext`'s exit code, output and messages say about the file.
fn classify(code: Option<i32>, text: Vec<u8>, errors: &str, max_bytes: u64) -> Result<Vec<u8>, Failure> {
    let first_error = || errors.lines().find(|l| l.contains("Error")).unwrap_or("").trim().to_owned();
    let lower = errors.to_lowercase();
    match code {
        Some(0) => {}
        Some(3) => return Err((RejectReason::PdfEncrypted, "the PDF forbids copying its text".to_owned())),
        _ if lower.contains("password") || lower.contains("encrypt") => {
            return Err((RejectReason::PdfEncrypted, "the PDF is encrypted and needs a password".to_owned()));
        }
        Some(c) => return Err((RejectReason::PdfDamaged, format!("pdftotext exit {c}: {}", first_error()))),
        None => return Err((RejectReason::PdfDamaged, "pdftotext was killed by a signal".to_owned())),
    }
    if text.len() as u64 > max_bytes {
        return Err(crate::read::too_large(text.len() as u64, max_bytes));
    }
    let letters = String::from_utf8_lossy(&text).chars().filter(|c| c.is_alphabetic()).count();
    // A corrupted file can still yield a few garbled characters.
    if lower.contains("syntax error") && letters < 200 {
        return Err((RejectReason::PdfDamaged, format!("{letters} letters of text; {}", first_error())));
    }
    if letters == 0 {
        return Err((RejectReason::PdfNoText, "no text layer (scanned images only?)".to_owned()));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_pdftotext_says_becomes_a_reason() {
        let text = |s: &str| s.as_bytes().to_vec();
        let reason = |r: Result<Vec<u8>, Failure>| r.map_err(|e| e.0);
        assert_eq!(
            reason(classify(Some(0), text("Report of the Secretary-General"), "", 100)),
            Ok(text("Report of the Secretary-General"))
        );
        assert_eq!(reason(classify(Some(0), text("\u{c}\u{c}"), "", 100)), Err(RejectReason::PdfNoText));
        assert_eq!(reason(classify(Some(0), text("%$ x"), "Syntax Error: bad", 100)), Err(RejectReason::PdfDamaged));
        assert_eq!(
            reason(classify(Some(1), Vec::new(), "Syntax Error: Couldn't read xref table", 100)),
            Err(RejectReason::PdfDamaged)
        );
        assert_eq!(
            reason(classify(Some(1), Vec::new(), "Command Line Error: Incorrect password", 100)),
            Err(RejectReason::PdfEncrypted)
        );
        assert_eq!(reason(classify(Some(3), Vec::new(), "", 100)), Err(RejectReason::PdfEncrypted));
        assert_eq!(reason(classify(Some(0), text("long enough"), "", 5)), Err(RejectReason::TooLarge));
        assert!(is_pdf(b"%PDF-1.7\n") && !is_pdf(b"S/2025/102"));
    }
}
