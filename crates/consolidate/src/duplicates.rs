//! Near-duplicate documents: the same body under another layout or name.
//!
//! Each document is reduced to a sketch of hashed five-word shingles: of
//! the shingles whose hash is a multiple of [`SAMPLE`], the [`SKETCH`]
//! smallest hashes (a bottom-k sketch: at most [`SKETCH`] hashes per
//! document, however long). A document whose sketch shares 80% of its
//! hashes with an earlier distinct one's, and 80% of that one's, repeats
//! it: for documents up to [`SKETCH`] sampled shingles (about 500 words)
//! the sketch is the whole sample and the test exact; for longer ones the
//! overlap of two bottom-k sketches estimates how much of each document
//! the other holds (standard error about 3.5 points at 80%).
//!
//! The earlier documents to compare with are found through the [`KEYS`]
//! smallest hashes of each distinct document's sketch: a document that
//! repeats another shares some of them with near certainty, and every
//! earlier document found is compared, not only the first that had a
//! hash. Documents are offered in a fixed order (sorted paths), so the
//! original is always the first one seen and the result does not depend
//! on the thread count.

use std::collections::HashMap;

use foldhash::fast::FixedState;

const SHINGLE: usize = 5;
/// Keep one shingle in `SAMPLE` (by hash).
const SAMPLE: u64 = 4;
/// Keep at most this many sampled hashes per document, the smallest: the
/// index's memory grows with the number of distinct documents, not with
/// their length. (Keeping a quarter of all shingles, as the index did
/// before sketches, took about one byte per byte of distinct text.)
const SKETCH: usize = 128;
const MIN_SHINGLES: usize = 8;
/// How many of a distinct document's smallest hashes find it.
const KEYS: usize = 16;
/// At most this many distinct documents are found through one hash: a
/// shingle that common says nothing about which document repeats which,
/// and a longer list would make each offer cost as much as the documents
/// already seen.
const POSTINGS: u32 = 32;

#[derive(Debug, Default)]
pub struct DuplicateIndex {
    /// A key hash to the last of its postings and how many it has; the
    /// keys are hashes already, so the map's own hasher only needs to be
    /// fast.
    keys: HashMap<u64, (u32, u32), FixedState>,
    /// The distinct documents found through a key, as chains: a
    /// document's number and the posting before it (`NONE` ends a chain).
    postings: Vec<(u32, u32)>,
    /// Each distinct document's id and sketch, each hash's upper half (a
    /// kilobyte less per distinct document; two hashes of two sketches
    /// that differ only in their lower half: about one comparison in
    /// 250,000).
    docs: Vec<(String, Box<[u32]>)>,
}

const NONE: u32 = u32::MAX;

/// A sketch as kept: the upper half of each hash, sorted, without repeats.
fn halves(sketch: &[u64]) -> Vec<u32> {
    let mut v: Vec<u32> = sketch.iter().map(|h| (h >> 32) as u32).collect();
    v.dedup();
    v
}

/// How many hashes two sorted sketches share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
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

/// The sketch of a text: its shingles (five lower-cased words in a row;
/// words are maximal runs of alphanumeric characters), hashed word by word
/// (FNV-1a) and combined, keeping one in [`SAMPLE`], then the [`SKETCH`]
/// smallest, sorted. One pass over the bytes: ASCII is neither decoded nor
/// copied.
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
    out.truncate(SKETCH);
    out
}

impl DuplicateIndex {
    /// Offers a document by its [`fingerprint`] (sorted); returns the
    /// doc_id of the earlier document it repeats.
    pub fn offer(&mut self, doc_id: &str, fingerprint: &[u64]) -> Option<String> {
        if fingerprint.len() < MIN_SHINGLES {
            return None;
        }
        // The earlier distinct documents one of whose keys is in this sketch.
        let mut candidates: Vec<u32> = Vec::new();
        for h in fingerprint {
            let mut at = self.keys.get(h).map_or(NONE, |&(last, _)| last);
            while at != NONE {
                let (d, before) = self.postings[at as usize];
                candidates.push(d);
                at = before;
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let kept = halves(fingerprint);
        let best = candidates
            .into_iter()
            .map(|d| (d, shared(&kept, &self.docs[d as usize].1)))
            .filter(|&(d, n)| n * 10 >= kept.len() * 8 && n * 10 >= self.docs[d as usize].1.len() * 8)
            .max_by_key(|&(d, n)| (n, std::cmp::Reverse(d)));
        if let Some((d, _)) = best {
            return Some(self.docs[d as usize].0.clone());
        }
        let id = self.docs.len() as u32;
        self.docs.push((doc_id.to_owned(), kept.into()));
        for &h in &fingerprint[..fingerprint.len().min(KEYS)] {
            let (last, n) = self.keys.entry(h).or_insert((NONE, 0));
            if *n < POSTINGS {
                self.postings.push((id, *last));
                *last = (self.postings.len() - 1) as u32;
                *n += 1;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use missive_testkit as corpus_files;

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
        out.truncate(SKETCH);
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

    /// Long documents (whose sketch is cut) of the corpus against copies
    /// that drop one word in 50 (about 10% of the shingles change: a
    /// repeat) and one word in 10 (about half change: not a repeat).
    #[test]
    fn sketches_tell_long_repeats() {
        let drop_every = |t: &str, n: usize| {
            t.split(' ').enumerate().filter(|(i, _)| i % n != n - 1).map(|(_, w)| w).collect::<Vec<_>>().join(" ")
        };
        let long: Vec<String> =
            corpus_files::corpus_texts().into_iter().filter(|t| fingerprint(t).len() == SKETCH).collect();
        assert!(long.len() > 50, "{}", long.len());
        for t in &long {
            let mut idx = DuplicateIndex::default();
            assert_eq!(idx.offer("a", &fingerprint(t)), None);
            assert_eq!(idx.offer("b", &fingerprint(&drop_every(t, 50))).as_deref(), Some("a"));
            assert_eq!(idx.offer("c", &fingerprint(&drop_every(t, 10))), None);
        }
    }

    /// A document that shares part of its text with an earlier one is
    /// still found when it is repeated: it is compared with every earlier
    /// document it shares a key with, not only the first that had a hash.
    #[test]
    fn repeats_of_a_document_that_shares_text_are_found() {
        let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        let long: Vec<Vec<String>> =
            corpus_files::corpus_texts().iter().map(|t| words(t)).filter(|w| w.len() > 3000).take(2).collect();
        let [a, b] = &long[..] else { panic!("two documents of over 3,000 words") };
        // Two fifths from `a`, three fifths from `b`: `a` holds 40% of it.
        let n = a.len().min(b.len());
        let shared = [&a[..n * 2 / 5], &b[..n * 3 / 5]].concat().join(" ");
        let mut idx = DuplicateIndex::default();
        assert_eq!(idx.offer("a", &fingerprint(&a.join(" "))), None);
        assert_eq!(idx.offer("ab", &fingerprint(&shared)), None);
        assert_eq!(idx.offer("again", &fingerprint(&shared.replace(' ', "\n"))).as_deref(), Some("ab"));
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
