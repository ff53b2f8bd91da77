//! Near-duplicate documents: the same body under another layout or name.
//!
//! Each document is reduced to a sample of hashed five-word shingles; a
//! document whose sample overlaps an earlier one's by 80% both ways repeats
//! it. Documents are offered in a fixed order (sorted paths), so the
//! original is always the first one seen and the result does not depend on
//! the thread count.

use std::collections::HashMap;

use foldhash::fast::FixedState;

const SHINGLE: usize = 5;
/// Keep one shingle in `SAMPLE` (by hash), so memory grows slowly.
const SAMPLE: u64 = 4;
const MIN_SHINGLES: usize = 8;

#[derive(Debug, Default)]
pub struct DuplicateIndex {
    /// Shingle hash to the first distinct document that has it; the keys
    /// are hashes already, so the map's own hasher only needs to be fast.
    index: HashMap<u64, u32, FixedState>,
    docs: Vec<(String, usize)>,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// FNV-1a over the bytes of a word, lower-cased: no allocation. (The
/// specification of what [`fingerprint`] computes in one pass.)
#[cfg(test)]
fn word_hash(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut eat = |b: u8| h = fnv(h, b);
    if word.is_ascii() {
        word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
    }
    h
}

/// The splitmix64 finaliser: every output bit depends on every input bit,
/// so that sampling by the low bits is fair.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The words of `text`: maximal runs of alphanumeric characters.
#[cfg(test)]
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The hash of a shingle from the hashes of its words.
fn shingle_hash(words: &[u64; SHINGLE], newest: usize) -> u64 {
    let oldest = newest + 1;
    mix((0..SHINGLE).fold(0u64, |acc, k| acc.rotate_left(13).wrapping_mul(31) ^ words[(oldest + k) % SHINGLE]))
}

/// The sampled shingle hashes of a text: five lower-cased words in a row
/// (words are maximal runs of alphanumeric characters), hashed word by
/// word (FNV-1a) and combined, keeping one in [`SAMPLE`]. One pass over
/// the bytes: ASCII is neither decoded nor copied.
pub fn fingerprint(text: &str) -> Vec<u64> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // The last SHINGLE word hashes, a ring; `seen` words so far.
    let mut last = [0u64; SHINGLE];
    let mut seen = 0usize;
    let mut word: Option<u64> = None;
    let mut end_word = |h: u64, seen: &mut usize| {
        last[*seen % SHINGLE] = h;
        *seen += 1;
        if *seen >= SHINGLE {
            let s = shingle_hash(&last, (*seen - 1) % SHINGLE);
            if s.is_multiple_of(SAMPLE) {
                out.push(s);
            }
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() {
                word = Some(fnv(word.unwrap_or(FNV_OFFSET), b.to_ascii_lowercase()));
                continue;
            }
        } else {
            let c = text[i..].chars().next().expect("i is at a char boundary");
            i += c.len_utf8();
            if c.is_alphanumeric() {
                let mut buf = [0u8; 4];
                let h = c
                    .to_lowercase()
                    .fold(word.unwrap_or(FNV_OFFSET), |h, l| l.encode_utf8(&mut buf).bytes().fold(h, fnv));
                word = Some(h);
                continue;
            }
        }
        if let Some(h) = word.take() {
            end_word(h, &mut seen);
        }
    }
    if let Some(h) = word {
        end_word(h, &mut seen);
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl DuplicateIndex {
    /// Offers a document; returns the doc_id of the earlier document it repeats.
    pub fn offer(&mut self, doc_id: &str, fingerprint: &[u64]) -> Option<String> {
        if fingerprint.len() < MIN_SHINGLES {
            return None;
        }
        let mut hits: HashMap<u32, usize, FixedState> = HashMap::default();
        for h in fingerprint {
            if let Some(&d) = self.index.get(h) {
                *hits.entry(d).or_default() += 1;
            }
        }
        let best = hits
            .into_iter()
            .filter(|&(d, n)| n * 10 >= fingerprint.len() * 8 && n * 10 >= self.docs[d as usize].1 * 8)
            .max_by_key(|&(d, n)| (n, std::cmp::Reverse(d)));
        if let Some((d, _)) = best {
            return Some(self.docs[d as usize].0.clone());
        }
        let id = self.docs.len() as u32;
        self.docs.push((doc_id.to_owned(), fingerprint.len()));
        for &h in fingerprint {
            self.index.entry(h).or_insert(id);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mod corpus_files {
        include!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/support/corpus_files.rs"));
    }

    /// The fingerprint as first specified: split into words, hash each,
    /// combine every five in a row.
    fn specified(text: &str) -> Vec<u64> {
        let hashes: Vec<u64> = words(text).map(word_hash).collect();
        let mut out: Vec<u64> = hashes
            .windows(SHINGLE)
            .map(|w| mix(w.iter().fold(0u64, |acc, &h| acc.rotate_left(13).wrapping_mul(31) ^ h)))
            .filter(|h| h % SAMPLE == 0)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn one_pass_fingerprint_is_the_specified_one() {
        let mut texts = vec![
            String::new(),
            "one two three four".into(),
            "Ünïcode ÉCOLE İstanbul ΣΊΣΥΦΟΣ straße ǅemal 1er 2e ½ x²; ＦＵＬＬ width – and ‘quotes’ end".into(),
        ];
        for t in texts.clone() {
            texts.push(t.repeat(7));
        }
        texts.extend(corpus_files::corpus_texts());
        assert!(texts.len() > 20);
        for t in &texts {
            assert_eq!(fingerprint(t), specified(t));
        }
    }

    #[test]
    fn finds_repeats_across_layouts() {
        let body = "The United Nations Tajikistan Office of Peace-building (UNTOP) was established on 1 June 2000 with the support of the Security Council following the withdrawal of the United Nations Mission of Observers in Tajikistan. In view of the important and positive role being played by UNTOP, I decided last May to extend the mandate of the Office for an additional period of one year.";
        let reflowed = body.replace(" the ", "\nthe ");
        let other = "In support of dialogue and national reconciliation, during the past year the Office conducted eleven sessions of the Political Discussion Club on political pluralism, democratization, and consolidation of peace in the country, and trained ninety participants.";
        let mut idx = DuplicateIndex::default();
        assert_eq!(idx.offer("a", &fingerprint(body)), None);
        assert_eq!(idx.offer("b", &fingerprint(other)), None);
        assert_eq!(idx.offer("c", &fingerprint(&reflowed)).as_deref(), Some("a"));
    }
}
