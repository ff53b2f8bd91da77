//! Near-duplicate documents: the same body under another layout or name.
//!
//! Each document is reduced to a sample of hashed five-word shingles; a
//! document whose sample overlaps an earlier one's by 80% both ways repeats
//! it. Documents are offered in a fixed order (sorted paths), so the
//! original is always the first one seen and the result does not depend on
//! the thread count.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

const SHINGLE: usize = 5;
/// Keep one shingle in `SAMPLE` (by hash), so memory grows slowly.
const SAMPLE: u64 = 4;
const MIN_SHINGLES: usize = 8;

#[derive(Debug, Default)]
pub struct DuplicateIndex {
    index: HashMap<u64, u32>,
    docs: Vec<(String, usize)>,
}

/// The sampled shingle hashes of a text.
pub fn fingerprint(text: &str) -> Vec<u64> {
    // A `Cow<str>` hashes as its `str`, so as the `String` it saves
    // allocating: the hashes are those of lower-cased owned words.
    let words: Vec<Cow<str>> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
        .collect();
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .filter(|h| h % SAMPLE == 0)
        .collect();
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
        let mut hits: HashMap<u32, usize> = HashMap::new();
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
