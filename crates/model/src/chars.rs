/// Converts byte offsets of one text into Unicode code-point offsets.
///
/// Built once per document; each lookup is a binary search over the
/// positions of the multi-byte characters, so ASCII-heavy texts cost little.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offsets of every character wider than one byte, with the number
    /// of extra bytes seen up to and including it.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let w = c.len_utf8();
            if w > 1 {
                extra += w - 1;
                wide.push((i, extra));
            }
        }
        Self { wide }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        // Characters starting strictly before `byte` contribute their extra bytes.
        let n = self.wide.partition_point(|&(pos, _)| pos < byte);
        if n == 0 { byte } else { byte - self.wide[n - 1].1 }
    }
}

/// The characters beyond ASCII whose lower case holds ASCII: the Kelvin
/// sign (to `k`) and the capital I with a dot (to `i` and a combining
/// dot). A text without them, searched for ASCII words case-insensitively
/// (ASCII only), finds what a search of its `to_lowercase` copy finds.
pub const LOWERS_TO_ASCII: [char; 2] = ['\u{212A}', '\u{130}'];

/// The characters beyond ASCII that Unicode case folding maps onto ASCII
/// letters, as a `(?i)` regex reads them: the Kelvin sign (`k`) and the
/// long s (`s`). A text without them, searched for ASCII words with ASCII
/// case-insensitivity, finds what the case-insensitive regex finds.
pub const FOLDS_TO_ASCII: [char; 2] = ['\u{212A}', '\u{17F}'];

/// The char boundary at or before byte `i` of `text` (`i` at most its
/// length): where a window that starts `i` bytes in may start.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after byte `i` of `text`, at most its length:
/// where a window that ends `i` bytes in may end.
pub fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn only_these_characters_lower_case_to_ascii() {
        let found: Vec<char> = (0x80..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        let mut expected = super::LOWERS_TO_ASCII.to_vec();
        expected.sort_unstable();
        assert_eq!(found, expected);
    }

    #[test]
    fn matches_char_counts() {
        let text = "a’b Côte d’Ivoire — x";
        let idx = CharIndex::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.char_offset(b), text[..b].chars().count(), "byte {b}");
        }
    }
}
