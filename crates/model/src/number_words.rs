//! Number words ("twenty-three", "one hundred and fifty"): the one parser
//! of them, for the numbers of normalise and the periods of mandate events.

use std::collections::HashMap;
use std::sync::LazyLock;

use foldhash::fast::FixedState;

pub const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];
pub const TENS: &[(&str, u64)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
pub const SCALES: &[(&str, u64)] =
    &[("hundred", 100), ("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000)];

pub fn word_value(w: &str) -> Option<(u64, bool)> {
    // Called on every word of the text: no allocation, most words are
    // turned away by their length (number words have 3 to 9 letters) or
    // their first two letters, and the rest by one hash lookup.
    static WORDS: LazyLock<HashMap<&'static [u8], (u64, bool), FixedState>> = LazyLock::new(|| {
        let plain = UNITS.iter().chain(TENS).map(|&(n, v)| (n.as_bytes(), (v, false)));
        plain.chain(SCALES.iter().map(|&(n, v)| (n.as_bytes(), (v, true)))).collect()
    });
    /// Bit `26 * a + b` is set when a number word begins with the letters
    /// numbered `a` and `b`.
    static STARTS: LazyLock<[u64; 11]> = LazyLock::new(|| {
        let mut bits = [0u64; 11];
        for w in WORDS.keys() {
            let i = 26 * usize::from(w[0] - b'a') + usize::from(w[1] - b'a');
            bits[i / 64] |= 1 << (i % 64);
        }
        bits
    });
    let b = w.as_bytes();
    if !(3..=9).contains(&b.len()) {
        return None;
    }
    // `| 0x20` lower-cases an ASCII letter and makes no other byte one.
    let (x, y) = (b[0] | 0x20, b[1] | 0x20);
    if !(x.is_ascii_lowercase() && y.is_ascii_lowercase()) {
        return None;
    }
    let i = 26 * usize::from(x - b'a') + usize::from(y - b'a');
    if STARTS[i / 64] & (1 << (i % 64)) == 0 {
        return None;
    }
    let mut buf = [0u8; 9];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    WORDS.get(&buf[..b.len()]).copied()
}

/// Parses a run of number words ("one hundred and fifty", "twenty-three").
pub fn parse_words(words: &[&str]) -> Option<f64> {
    let (mut total, mut current, mut any) = (0u64, 0u64, false);
    for w in words {
        if w.eq_ignore_ascii_case("and") {
            continue;
        }
        for part in w.split('-') {
            let (v, scale) = word_value(part)?;
            any = true;
            // Saturating: "hundred hundred hundred ..." must not overflow.
            if scale {
                if v == 100 {
                    current = current.max(1).saturating_mul(100);
                } else {
                    total = total.saturating_add(current.max(1).saturating_mul(v));
                    current = 0;
                }
            } else {
                current = current.saturating_add(v);
            }
        }
    }
    any.then_some(total.saturating_add(current) as f64)
}
