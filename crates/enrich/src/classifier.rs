//! A small multi-label text classifier: TF-IDF over word unigrams and
//! bigrams (and, for a model that reads a sentence in its context, its
//! words' character n-grams and the words around it), one logistic
//! regression per category (class-balanced, L2), trained deterministically
//! by full-batch Adam. It codes activities with the PACT categories, their
//! modes and whether a sentence is an act at all; `missive
//! train-activities` trains the shipped models from sentences coded blind
//! and writes them as plain-text model files; `missive eval --pact` trains
//! the same learner on the PACT paragraph codes to score it.

use hashbrown::HashTable;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::BuildHasher as _;

use foldhash::fast::FixedState;

use crate::Error;

/// The features (a word or two words), numbered in insertion order.
///
/// Scoring looks up every word and word pair of a paragraph, most of them
/// absent, so lookups are arranged to touch little memory: a word is found
/// by hash in a `hashbrown::HashTable` of word numbers (its text compared
/// only on a hit), and a pair by the two words' numbers, with no text at all.
#[derive(Debug, Clone, Default)]
struct Vocab {
    /// The words of all features, in one buffer; word `w` ends at
    /// `word_info[w].end`.
    words: String,
    word_info: Vec<WordInfo>,
    /// Word numbers, by the hash of the word's text.
    word_table: HashTable<u32>,
    /// The pair key (`(a + 1) << 32 | (b + 1)`) and the feature number, by
    /// the key's hash.
    pair_table: HashTable<(u64, u32)>,
    /// One bit per hash bucket of a known word, and of a known pair (16 KiB
    /// each, so they stay in the nearest caches): they turn most absent
    /// words and pairs away without reading the tables.
    word_bits: Bits,
    pair_bits: Bits,
    /// The character n-gram features of ASCII n-grams (`#` and the n-gram),
    /// by the n-gram's bytes packed in a `u64` ([`gram_key`]): a sentence
    /// read in its context looks up hundreds of them, found without their
    /// text.
    grams: HashTable<(u64, u32)>,
    /// Feature `i`: its word numbers (second `None` for a unigram).
    features: Vec<(u32, Option<u32>)>,
    /// Feature `i`'s idf and weights, apart from its text: scoring reads
    /// them for every feature found, in one cache line.
    feature_info: Vec<FeatureInfo>,
}

/// The tables are derived from the features: two vocabularies are equal
/// when their features are.
impl PartialEq for Vocab {
    fn eq(&self, o: &Self) -> bool {
        self.words == o.words
            && self.word_info == o.word_info
            && self.features == o.features
            && self.feature_info == o.feature_info
    }
}

/// Where word `w` ends in [`Vocab::words`], and the feature that is the
/// word alone (`NO_FEATURE` if none): side by side, so that a word found
/// costs one read of this table.
#[derive(Debug, Clone, Copy, PartialEq)]
struct WordInfo {
    end: u32,
    unigram: u32,
}

const NO_FEATURE: u32 = u32::MAX;

/// A feature's idf, and its weights: `Model::by_feature[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FeatureInfo {
    idf: f64,
    start: u32,
    end: u32,
}

/// A fixed-size bit set indexed by the top bits of a hash.
#[derive(Debug, Clone, PartialEq)]
struct Bits(Vec<u64>);

impl Default for Bits {
    fn default() -> Self {
        Self(vec![0; 1 << (Self::LOG2 - 6)])
    }
}

impl Bits {
    /// 2^17 bits: 16 KiB.
    const LOG2: u32 = 17;

    fn at(h: u64) -> (usize, u64) {
        let i = (h >> (64 - Self::LOG2)) as usize;
        (i >> 6, 1 << (i & 63))
    }

    fn set(&mut self, h: u64) {
        let (word, bit) = Self::at(h);
        self.0[word] |= bit;
    }

    fn may_hold(&self, h: u64) -> bool {
        let (word, bit) = Self::at(h);
        self.0[word] & bit != 0
    }
}

fn hash_pair(key: u64) -> u64 {
    FixedState::default().hash_one(key)
}

fn hash_word(w: &str) -> u64 {
    FixedState::default().hash_one(w.as_bytes())
}

/// An ASCII character n-gram of at most seven bytes packed in a `u64`
/// (its length in the top byte).
fn gram_key(gram: &[u8]) -> Option<u64> {
    (gram.len() <= 7 && gram.is_ascii()).then(|| {
        let mut key = (gram.len() as u64) << 56;
        for (i, &b) in gram.iter().enumerate() {
            key |= u64::from(b) << (8 * i);
        }
        key
    })
}

fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) + 1) << 32 | (u64::from(b) + 1)
}

/// Word `w`'s text in the buffer of all words.
fn text_of<'v>(words: &'v str, info: &[WordInfo], w: u32) -> &'v str {
    let w = w as usize;
    let start = if w == 0 { 0 } else { info[w - 1].end as usize };
    &words[start..info[w].end as usize]
}

impl Vocab {
    fn len(&self) -> usize {
        self.features.len()
    }

    fn idf(&self, i: usize) -> f64 {
        self.feature_info[i].idf
    }

    fn word_text(&self, w: u32) -> &str {
        text_of(&self.words, &self.word_info, w)
    }

    /// The feature that is word `w` alone, if any.
    fn unigram(&self, w: u32) -> Option<u32> {
        Some(self.word_info[w as usize].unigram).filter(|&f| f != NO_FEATURE)
    }

    /// Feature `i` as text: the word, or the two words and a space.
    fn feature(&self, i: usize) -> String {
        match self.features[i] {
            (a, None) => self.word_text(a).to_owned(),
            (a, Some(b)) => format!("{} {}", self.word_text(a), self.word_text(b)),
        }
    }

    fn word(&self, w: &str) -> Option<u32> {
        let h = hash_word(w);
        if !self.word_bits.may_hold(h) {
            return None;
        }
        self.word_table.find(h, |&id| self.word_text(id) == w).copied()
    }

    /// The feature of the ASCII character n-gram `key` ([`gram_key`]).
    fn gram(&self, key: u64) -> Option<usize> {
        self.grams.find(hash_pair(key), |&(k, _)| k == key).map(|&(_, f)| f as usize)
    }

    fn pair(&self, a: u32, b: u32) -> Option<usize> {
        let key = pair_key(a, b);
        let h = hash_pair(key);
        if !self.pair_bits.may_hold(h) {
            return None;
        }
        self.pair_table.find(h, |&(k, _)| k == key).map(|&(_, f)| f as usize)
    }

    /// The feature `f` ("word" or "word word"), if known.
    fn get(&self, f: &str) -> Option<usize> {
        match f.split_once(' ') {
            None => self.word(f).and_then(|w| self.unigram(w)).map(|i| i as usize),
            Some((a, b)) => self.pair(self.word(a)?, self.word(b)?),
        }
    }

    fn add_word(&mut self, w: &str) -> u32 {
        if let Some(id) = self.word(w) {
            return id;
        }
        let id = u32::try_from(self.word_info.len()).expect("fewer than 2^32 words");
        self.words.push_str(w);
        let end = u32::try_from(self.words.len()).expect("under 4 GiB of words");
        self.word_info.push(WordInfo { end, unigram: NO_FEATURE });
        let h = hash_word(w);
        self.word_bits.set(h);
        let (words, info) = (&self.words, &self.word_info);
        self.word_table.insert_unique(h, id, |&w| hash_word(text_of(words, info, w)));
        id
    }

    fn place_pair(&mut self, key: u64, f: u32) {
        let h = hash_pair(key);
        self.pair_bits.set(h);
        self.pair_table.insert_unique(h, (key, f), |&(k, _)| hash_pair(k));
    }

    /// Adds the feature `f`, a word or two words and a space, not known so
    /// far; returns its number, or `None` if `f` is no such feature.
    fn insert(&mut self, f: &str, idf: f64) -> Option<usize> {
        let words: Vec<&str> = f.split(' ').collect();
        if words.iter().any(|w| w.is_empty()) || words.len() > 2 || self.get(f).is_some() {
            return None;
        }
        let i = self.len();
        let number = u32::try_from(i).ok().filter(|&n| n != NO_FEATURE).expect("fewer than 2^32 - 1 features");
        let a = self.add_word(words[0]);
        self.feature_info.push(FeatureInfo { idf, start: 0, end: 0 });
        if let Some(b) = words.get(1) {
            let b = self.add_word(b);
            self.features.push((a, Some(b)));
            self.place_pair(pair_key(a, b), number);
        } else {
            self.features.push((a, None));
            self.word_info[a as usize].unigram = number;
            if let Some(key) = f.strip_prefix('#').and_then(|g| gram_key(g.as_bytes())) {
                self.grams.insert_unique(hash_pair(key), (key, number), |&(k, _)| hash_pair(k));
            }
        }
        Some(i)
    }
}

/// One weight of a feature, packed: the by-feature weights of a large
/// model exceed the L2 cache, and scoring reads them in random order.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, packed)]
struct ClassWeight {
    class: u16,
    weight: f64,
}

/// A trained model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub classes: Vec<String>,
    pub threshold: f64,
    /// The features and their idf.
    vocab: Vocab,
    /// Per class: bias and sparse weights (feature index, weight).
    weights: Vec<(f64, Vec<(usize, f64)>)>,
    /// The same weights by feature, for fast scoring: feature `i`'s
    /// weights are `by_feature[start..end]` of its [`FeatureInfo`].
    by_feature: Vec<ClassWeight>,
    /// Whether the model reads a sentence in its context
    /// ([`Self::scores_in_context`]): besides the sentence's words and word
    /// pairs, the character n-grams of its words and the words around it.
    pub in_context: bool,
}

/// Lower-case word unigrams and bigrams.
pub fn features(text: &str) -> Vec<String> {
    let words: Vec<String> = feature_words(text).map(str::to_lowercase).collect();
    let mut out: Vec<String> = words.clone();
    out.extend(words.windows(2).map(|w| format!("{} {}", w[0], w[1])));
    out
}

/// How many bytes of text either side of a sentence make its context
/// ([`context_of`]).
pub const CONTEXT_BYTES: usize = 700;

/// The context of the sentence at `start..end` of `text`: the sentence with
/// up to [`CONTEXT_BYTES`] of the text either side (cut at characters).
pub fn context_of(text: &str, start: usize, end: usize) -> &str {
    let mut a = start.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    &text[a..b]
}

/// The words features are made of: runs of letters and digits, two
/// characters or more, not all digits.
fn feature_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 2 && !w.bytes().all(|b| b.is_ascii_digit()))
}

/// Calls `f` with every character n-gram (3 to 5 characters) of the
/// lower-case `word` padded with `_` on both sides, each written after a
/// `#` (no word holds one, so no n-gram is taken for a word).
fn char_grams(word: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let padded: Vec<char> = std::iter::once('_').chain(word.chars()).chain(std::iter::once('_')).collect();
    for n in 3..=5 {
        for gram in padded.windows(n) {
            buf.clear();
            buf.push('#');
            buf.extend(gram);
            f(buf);
        }
    }
}

/// The features of a sentence read in its context: those of the sentence
/// ([`features`]), its words' character n-grams (`#` and the n-gram) and
/// the words of its context (`@` and the word).
pub fn context_features(sentence: &str, context: &str) -> Vec<String> {
    let mut out = features(sentence);
    let mut buf = String::new();
    for w in feature_words(sentence) {
        char_grams(&w.to_lowercase(), &mut buf, |g| out.push(g.to_owned()));
    }
    out.extend(feature_words(context).map(|w| format!("@{}", w.to_lowercase())));
    out
}

/// The tf-idf vector of a sentence read in its context: three blocks,
/// each l2-normalised on its own (the sentence's words and pairs, their
/// character n-grams, the context's words), in one vector sorted by index.
fn vectorise_in_context(vocab: &Vocab, sentence: &str, context: &str) -> Vec<(usize, f64)> {
    let mut v = vectorise(vocab, sentence);
    let mut buf = String::new();
    let mut found: Vec<usize> = Vec::new();
    let mut padded: Vec<u8> = Vec::new();
    for w in feature_words(sentence) {
        if w.is_ascii() {
            // The n-grams of an ASCII word, by their packed bytes.
            padded.clear();
            padded.push(b'_');
            padded.extend(w.bytes().map(|b| b.to_ascii_lowercase()));
            padded.push(b'_');
            for n in 3..=5 {
                found.extend(padded.windows(n).filter_map(|g| gram_key(g).and_then(|k| vocab.gram(k))));
            }
        } else {
            char_grams(&w.to_lowercase(), &mut buf, |g| {
                if let Some(f) = vocab.word(g).and_then(|id| vocab.unigram(id)) {
                    found.push(f as usize);
                }
            });
        }
    }
    v.extend(tf_idf_block(vocab, &mut found));
    for w in feature_words(context) {
        buf.clear();
        buf.push('@');
        push_lower(&mut buf, w);
        if let Some(f) = vocab.word(&buf).and_then(|id| vocab.unigram(id)) {
            found.push(f as usize);
        }
    }
    v.extend(tf_idf_block(vocab, &mut found));
    v.sort_unstable_by_key(|f| f.0);
    v
}

/// The l2-normalised sublinear tf-idf of the features `found` (one entry
/// per occurrence), which it empties.
fn tf_idf_block(vocab: &Vocab, found: &mut Vec<usize>) -> Vec<(usize, f64)> {
    found.sort_unstable();
    let mut v: Vec<(usize, f64)> = found
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], (1.0 + (run.len() as f64).ln()) * vocab.idf(run[0])))
        .collect();
    found.clear();
    let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in &mut v {
            x.1 /= norm;
        }
    }
    v
}

/// Sparse TF-IDF vector (sublinear tf, l2-normalised), sorted by index.
/// The same features as [`features`], looked up without allocating one
/// string per feature: each lower-cased word is looked up once, and a
/// bigram by the numbers of its two words.
fn vectorise(vocab: &Vocab, text: &str) -> Vec<(usize, f64)> {
    let mut lower = String::new();
    // The vocabulary's number of each word in order (`None`: unknown).
    let mut ids: Vec<Option<u32>> = Vec::new();
    // Every feature found, counted after sorting.
    let mut found: Vec<usize> = Vec::new();
    for w in feature_words(text) {
        let id = if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            lower.clear();
            push_lower(&mut lower, w);
            vocab.word(&lower)
        } else {
            vocab.word(w)
        };
        if let Some(f) = id.and_then(|id| vocab.unigram(id)) {
            found.push(f as usize);
        }
        ids.push(id);
    }
    for pair in ids.windows(2) {
        if let [Some(a), Some(b)] = *pair
            && let Some(f) = vocab.pair(a, b)
        {
            found.push(f);
        }
    }
    tf_idf_block(vocab, &mut found)
}

/// Appends `w` lower-cased to `buf` (byte by byte when it is ASCII).
fn push_lower(buf: &mut String, w: &str) {
    if w.is_ascii() {
        buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&w.to_lowercase());
    }
}

/// A vocabulary for training a model: features (a word, or two words and
/// a space) with their idf, in order, and the tf-idf vector of a text over
/// them. Training itself lives outside the runtime (`missive-eval`).
#[derive(Debug, Clone, Default)]
pub struct Features(Vocab);

impl Features {
    /// The features in order; one that is no word or word pair, or is
    /// given twice, is left out.
    pub fn new(features: impl IntoIterator<Item = (String, f64)>) -> Self {
        let mut vocab = Vocab::default();
        for (f, idf) in features {
            vocab.insert(&f, idf);
        }
        Features(vocab)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.len() == 0
    }

    /// The text's tf-idf vector: (feature number, weight), L2-normalised.
    pub fn vector(&self, text: &str) -> Vec<(usize, f64)> {
        vectorise(&self.0, text)
    }

    /// A sentence's tf-idf vector read in its context
    /// ([`context_features`]).
    pub fn vector_in_context(&self, sentence: &str, context: &str) -> Vec<(usize, f64)> {
        vectorise_in_context(&self.0, sentence, context)
    }
}

/// The logistic function.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl Model {
    /// A trained model: its classes, the probability at which a class is
    /// assigned, its features and, per class, the bias and the sparse
    /// weights (feature number, weight). Features no class uses are dropped.
    pub fn from_weights(
        classes: Vec<String>,
        threshold: f64,
        features: Features,
        weights: Vec<(f64, Vec<(usize, f64)>)>,
    ) -> Model {
        let mut model =
            Model { classes, threshold, vocab: features.0, weights, by_feature: Vec::new(), in_context: false };
        model.prune_vocab();
        model.index();
        model
    }

    /// Drops features no class uses, renumbering the rest in sorted order.
    fn prune_vocab(&mut self) {
        let mut used: Vec<usize> = self.weights.iter().flat_map(|(_, w)| w.iter().map(|x| x.0)).collect();
        used.sort_unstable();
        used.dedup();
        let mut remap = HashMap::new();
        let mut vocab = Vocab::default();
        for i in 0..self.vocab.len() {
            if used.binary_search(&i).is_ok() {
                let known = vocab.insert(&self.vocab.feature(i), self.vocab.idf(i));
                remap.insert(i, known.expect("a feature of the vocabulary"));
            }
        }
        for (_, w) in &mut self.weights {
            for x in w.iter_mut() {
                x.0 = remap[&x.0];
            }
        }
        self.vocab = vocab;
    }

    /// Builds the by-feature view of the weights, in one flat array.
    fn index(&mut self) {
        let mut per_feature = vec![Vec::new(); self.vocab.len()];
        for (c, (_, w)) in self.weights.iter().enumerate() {
            let class = u16::try_from(c).expect("fewer than 65,536 classes");
            for &(i, weight) in w {
                per_feature[i].push(ClassWeight { class, weight });
            }
        }
        let at = |n: usize| u32::try_from(n).expect("fewer than 2^32 weights");
        self.by_feature = Vec::new();
        for (info, f) in self.vocab.feature_info.iter_mut().zip(per_feature) {
            info.start = at(self.by_feature.len());
            self.by_feature.extend(f);
            info.end = at(self.by_feature.len());
        }
    }

    /// Probability of every class for `text`.
    pub fn scores(&self, text: &str) -> Vec<f64> {
        self.probabilities(vectorise(&self.vocab, text))
    }

    /// Probability of every class for `sentence` read in its `context`
    /// (a model trained on sentences in context, [`Self::in_context`]).
    pub fn scores_in_context(&self, sentence: &str, context: &str) -> Vec<f64> {
        self.probabilities(vectorise_in_context(&self.vocab, sentence, context))
    }

    /// Every class, the best-scoring for `sentence` in its `context` first.
    pub fn ranked_in_context(&self, sentence: &str, context: &str) -> Vec<String> {
        self.rank(&self.scores_in_context(sentence, context))
    }

    fn probabilities(&self, x: Vec<(usize, f64)>) -> Vec<f64> {
        let mut z: Vec<f64> = self.weights.iter().map(|(b, _)| *b).collect();
        for (i, xi) in x {
            let FeatureInfo { start, end, .. } = self.vocab.feature_info[i];
            let weights = &self.by_feature[start as usize..end as usize];
            for &ClassWeight { class, weight } in weights {
                z[usize::from(class)] += weight * xi;
            }
        }
        z.into_iter().map(sigmoid).collect()
    }

    /// The classes at or above the threshold, in model order.
    pub fn predict(&self, text: &str) -> Vec<String> {
        self.scores(text)
            .into_iter()
            .zip(&self.classes)
            .filter(|(s, _)| *s >= self.threshold)
            .map(|(_, c)| c.clone())
            .collect()
    }

    /// The best-scoring class for `text` (the first of [`Self::ranked`]),
    /// without ranking the others.
    pub fn best(&self, text: &str) -> Option<&str> {
        let scores = self.scores(text);
        // The first of the highest scores, as `rank` orders equals.
        let best = (0..scores.len()).reduce(|a, b| if scores[b] > scores[a] { b } else { a })?;
        self.classes.get(best).map(String::as_str)
    }

    /// The classes by `scores`, best first (the model's order among equals).
    fn rank(&self, scores: &[f64]) -> Vec<String> {
        let mut order: Vec<usize> = (0..self.classes.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        order.into_iter().map(|i| self.classes[i].clone()).collect()
    }

    /// The classes at or over the threshold by `scores`, else the best one.
    fn at_least_one(&self, scores: &[f64]) -> Vec<String> {
        let over: Vec<String> =
            scores.iter().zip(&self.classes).filter(|(s, _)| **s >= self.threshold).map(|(_, c)| c.clone()).collect();
        if !over.is_empty() {
            return over;
        }
        let best = scores.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)));
        best.map(|(i, _)| vec![self.classes[i].clone()]).unwrap_or_default()
    }

    /// The categories over the threshold, or, when none is, the one with the
    /// highest score: an activity row always carries a category (the
    /// cross-validated scores of `missive eval --pact` use [`Self::predict`]).
    pub fn predict_at_least_one(&self, text: &str) -> Vec<String> {
        self.at_least_one(&self.scores(text))
    }

    /// The model as text: a header, the vocabulary, then one line per weight.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# missive activity model: TF-IDF (unigrams+bigrams) + logistic regression per category");
        if self.in_context {
            let _ = writeln!(out, "input\tsentence in context");
        }
        let _ = writeln!(out, "threshold\t{}", self.threshold);
        let _ = writeln!(out, "classes\t{}", self.classes.join("\t"));
        for i in 0..self.vocab.len() {
            let _ = writeln!(out, "f\t{}\t{:.6}", self.vocab.feature(i), self.vocab.idf(i));
        }
        for (c, (b, w)) in self.weights.iter().enumerate() {
            let _ = writeln!(out, "b\t{c}\t{b:.6}");
            for (i, x) in w {
                let _ = writeln!(out, "w\t{c}\t{i}\t{x:.6}");
            }
        }
        out
    }

    pub fn from_text(text: &str) -> Result<Self, Error> {
        let bad = |line: usize, what: &str| Error::Reference(format!("activity model line {}: {what}", line + 1));
        let mut m = Model {
            classes: Vec::new(),
            threshold: 0.5,
            vocab: Vocab::default(),
            weights: Vec::new(),
            by_feature: Vec::new(),
            in_context: false,
        };
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let num = |s: &str| s.parse::<f64>().map_err(|_| bad(n, "bad number"));
            let idx = |s: &str| s.parse::<usize>().map_err(|_| bad(n, "bad index"));
            match cols.as_slice() {
                ["input", "sentence in context"] => m.in_context = true,
                ["threshold", t] => m.threshold = num(t)?,
                ["classes", rest @ ..] => {
                    m.classes = rest.iter().map(|s| (*s).to_owned()).collect();
                    m.weights = vec![(0.0, Vec::new()); m.classes.len()];
                }
                ["f", f, idf] => {
                    let idf = num(idf)?;
                    m.vocab.insert(f, idf).ok_or_else(|| bad(n, "a feature listed twice, or not one or two words"))?;
                }
                ["b", c, b] => m.weights.get_mut(idx(c)?).ok_or_else(|| bad(n, "unknown class"))?.0 = num(b)?,
                ["w", c, i, x] => {
                    let i = idx(i)?;
                    if i >= m.vocab.len() {
                        return Err(bad(n, "unknown feature"));
                    }
                    m.weights.get_mut(idx(c)?).ok_or_else(|| bad(n, "unknown class"))?.1.push((i, num(x)?));
                }
                _ => return Err(bad(n, "unrecognised line")),
            }
        }
        m.index();
        Ok(m)
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features as first specified: every feature's text looked up.
    fn specified_vectorise(vocab: &Vocab, text: &str) -> Vec<(usize, f64)> {
        specified_block(vocab, &features(text))
    }

    /// One l2-normalised block of the features `texts`, each looked up.
    fn specified_block(vocab: &Vocab, texts: &[String]) -> Vec<(usize, f64)> {
        let mut found: Vec<usize> = texts.iter().filter_map(|f| vocab.get(f)).collect();
        found.sort_unstable();
        let mut v: Vec<(usize, f64)> = found
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0], (1.0 + (run.len() as f64).ln()) * vocab.idf(run[0])))
            .collect();
        let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| x.1 /= norm);
        }
        v
    }

    #[test]
    fn one_pass_vectorise_is_the_specified_one() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/models/activities.tsv");
        let m = Model::from_text(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut texts = vec![
            String::new(),
            "The Mission TRAINED 40 police officers in 2024; 12 3 a b".into(),
            "ΣΊΣΥΦΟΣ İstanbul Straße ÉLECTORAL électoral x² ½ 2e ＦＵＬＬ co-located — police".into(),
        ];
        texts.extend(crate::tests::corpus_texts());
        assert!(texts.len() > 20);
        for t in &texts {
            assert_eq!(vectorise(&m.vocab, t), specified_vectorise(&m.vocab, t));
            // The best class without ranking is the first of the ranking.
            assert_eq!(m.best(t), m.rank(&m.scores(t)).first().map(String::as_str));
        }
        // Read in context, the same three blocks as the feature texts that
        // training counts ([`context_features`]) give.
        for pair in texts.windows(2) {
            let (sentence, context) = (&pair[0], &pair[1]);
            let all = context_features(sentence, context);
            let block = |keep: &dyn Fn(&String) -> bool| {
                let texts: Vec<String> = all.iter().filter(|f| keep(f)).cloned().collect();
                specified_block(&m.vocab, &texts)
            };
            let mut want = block(&|f| !f.starts_with(['#', '@']));
            want.extend(block(&|f| f.starts_with('#')));
            want.extend(block(&|f| f.starts_with('@')));
            want.sort_unstable_by_key(|f| f.0);
            assert_eq!(vectorise_in_context(&m.vocab, sentence, context), want, "{sentence}");
        }
    }

    /// The shipped model reads back to the same text, and every feature is
    /// found by its text.
    #[test]
    fn shipped_model_round_trips() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/models/activities.tsv");
        let text = std::fs::read_to_string(path).unwrap();
        let m = Model::from_text(&text).unwrap();
        assert_eq!(m.to_text(), text);
        for i in 0..m.vocab.len() {
            assert_eq!(m.vocab.get(&m.vocab.feature(i)), Some(i));
        }
        assert_eq!(m.vocab.get("no such feature"), None);
        assert!(Model::from_text("classes\tA\nf\tpolice\t1.0\nf\tpolice\t2.0\n").is_err());
    }
}
