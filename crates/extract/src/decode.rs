//! Bytes to text: BOMs, UTF-16 without BOM, UTF-8, Windows-1252, and the
//! checks that turn binary or undecodable input into a reject.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary(String),
    Undecodable(String),
}

/// Decodes `bytes` into text, returning the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return decode_with(enc, &bytes[bom..]);
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return decode_with(enc, bytes);
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x0b)).count();
    if controls * 100 > sample.len() || sample.contains(&0) {
        return Err(DecodeError::Binary(format!("{controls} control bytes in the first {} bytes", sample.len())));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_owned(), UTF_8.name())),
        Err(e) => {
            // Legacy single-byte text: mostly ASCII, high bytes here and there.
            let high = bytes.iter().filter(|&&b| b >= 0x80).count();
            if high * 10 > bytes.len() * 3 {
                return Err(DecodeError::Undecodable(format!(
                    "invalid UTF-8 at byte {} and {high} of {} bytes above 0x7F",
                    e.valid_up_to(),
                    bytes.len()
                )));
            }
            decode_with(WINDOWS_1252, bytes)
        }
    }
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if had_errors && replaced * 100 > text.chars().count().max(1) {
        return Err(DecodeError::Undecodable(format!("{replaced} malformed sequences as {}", enc.name())));
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text.into_owned(), enc.name()))
}

/// UTF-16 without a BOM: text in the Latin range has a zero in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 < pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::utf16;

    #[test]
    fn encodings() {
        let text = "Letter dated 1 June 2000 – Côte d’Ivoire";
        for (le, bom) in [(true, true), (false, true), (true, false), (false, false)] {
            assert_eq!(decode(&utf16(text, le, bom)).unwrap().0, text, "le={le} bom={bom}");
        }
        let (cp, enc) = decode(b"C\xf4te d\x92Ivoire \x96 report").unwrap();
        assert_eq!((cp.as_str(), enc), ("Côte d’Ivoire – report", "windows-1252"));
        assert_eq!(decode(b"  \n").unwrap_err(), DecodeError::Empty);
        assert!(matches!(decode(b"\x00\x01\x02\x03binary\x00"), Err(DecodeError::Binary(_))));
        let random: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 | 0x80).collect();
        assert!(decode(&random).is_err());
    }
}
