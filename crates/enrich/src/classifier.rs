//! A small multi-label text classifier: TF-IDF over word unigrams and
//! bigrams, one logistic regression per category (class-balanced, L2),
//! trained deterministically by full-batch Adam. It codes activities with
//! the PACT categories; `missive train-activities` trains it from the PACT
//! paragraph codes and writes it as a plain-text model file.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use foldhash::fast::FixedState;

use crate::Error;

/// Feature to (index, idf), hashed fast with a fixed seed.
type Vocab = HashMap<String, (usize, f64), FixedState>;

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainParams {
    /// Inverse L2 strength (as in scikit-learn's `C`).
    pub c: f64,
    pub iterations: usize,
    pub learning_rate: f64,
    /// Minimum number of training texts a feature must appear in.
    pub min_df: usize,
    /// Features kept per category in the saved model (largest weights).
    pub keep_per_class: usize,
    /// Probability at or above which a category is assigned.
    pub threshold: f64,
}

impl Default for TrainParams {
    fn default() -> Self {
        Self { c: 4.0, iterations: 250, learning_rate: 0.05, min_df: 2, keep_per_class: 3000, threshold: 0.4 }
    }
}

/// A trained model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub classes: Vec<String>,
    pub threshold: f64,
    /// Feature to (index, idf).
    vocab: Vocab,
    /// Per class: bias and sparse weights (feature index, weight).
    weights: Vec<(f64, Vec<(usize, f64)>)>,
    /// The same weights by feature, for fast scoring: feature `i`'s
    /// (class, weight) pairs are `by_feature[feature_start[i]..feature_start[i + 1]]`.
    feature_start: Vec<usize>,
    by_feature: Vec<(usize, f64)>,
}

/// Lower-case word unigrams and bigrams.
pub fn features(text: &str) -> Vec<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect();
    let mut out: Vec<String> = words.clone();
    out.extend(words.windows(2).map(|w| format!("{} {}", w[0], w[1])));
    out
}

/// Sparse TF-IDF vector (sublinear tf, l2-normalised), sorted by index.
/// The same features as [`features`], looked up without allocating one
/// string per feature: the lower-cased words are written once, separated
/// by single spaces, so that a bigram is a slice of that buffer too.
fn vectorise(vocab: &Vocab, text: &str) -> Vec<(usize, f64)> {
    let mut buf = String::with_capacity(text.len());
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.len() < 2 || w.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if !buf.is_empty() {
            buf.push(' ');
        }
        let start = buf.len();
        if w.is_ascii() {
            buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            buf.push_str(&w.to_lowercase());
        }
        spans.push((start, buf.len()));
    }
    // The (index, idf) of every feature found, counted after sorting.
    let mut found: Vec<(usize, f64)> = Vec::new();
    let mut count = |f: &str| {
        if let Some(&hit) = vocab.get(f) {
            found.push(hit);
        }
    };
    for &(a, b) in &spans {
        count(&buf[a..b]);
    }
    for pair in spans.windows(2) {
        count(&buf[pair[0].0..pair[1].1]);
    }
    found.sort_unstable_by_key(|f| f.0);
    let mut v: Vec<(usize, f64)> = Vec::with_capacity(found.len());
    for run in found.chunk_by(|a, b| a.0 == b.0) {
        let (i, idf) = run[0];
        v.push((i, (1.0 + (run.len() as f64).ln()) * idf));
    }
    let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in &mut v {
            x.1 /= norm;
        }
    }
    v
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Trains one model on `(text, categories)` samples.
pub fn train(samples: &[(String, Vec<String>)], classes: &[String], p: TrainParams) -> Model {
    // Vocabulary: features in at least `min_df` texts, in sorted order.
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    for (text, _) in samples {
        let mut f = features(text);
        f.sort();
        f.dedup();
        for x in f {
            *df.entry(x).or_default() += 1;
        }
    }
    let n = samples.len() as f64;
    let mut vocab = Vocab::default();
    for (f, d) in df.into_iter().filter(|(_, d)| *d >= p.min_df) {
        let idf = ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0;
        let i = vocab.len();
        vocab.insert(f, (i, idf));
    }
    let xs: Vec<Vec<(usize, f64)>> = samples.iter().map(|(t, _)| vectorise(&vocab, t)).collect();
    let dim = vocab.len();
    let mut weights = Vec::with_capacity(classes.len());
    for class in classes {
        let ys: Vec<f64> = samples.iter().map(|(_, l)| f64::from(u8::from(l.contains(class)))).collect();
        let pos = ys.iter().sum::<f64>();
        if pos == 0.0 || pos == n {
            weights.push((if pos == 0.0 { -10.0 } else { 10.0 }, Vec::new()));
            continue;
        }
        // Class-balanced sample weights, as scikit-learn's "balanced".
        let (wp, wn) = (n / (2.0 * pos), n / (2.0 * (n - pos)));
        let lambda = 1.0 / (p.c * n);
        let mut w = vec![0.0f64; dim];
        let mut b = 0.0f64;
        let (mut m, mut v) = (vec![0.0f64; dim + 1], vec![0.0f64; dim + 1]);
        let (beta1, beta2, eps) = (0.9, 0.999, 1e-8);
        let mut grad = vec![0.0f64; dim + 1];
        for t in 1..=p.iterations {
            grad.iter_mut().for_each(|g| *g = 0.0);
            for (x, &y) in xs.iter().zip(&ys) {
                let z = b + x.iter().map(|&(i, xi)| w[i] * xi).sum::<f64>();
                let sw = if y > 0.5 { wp } else { wn };
                let e = sw * (sigmoid(z) - y) / n;
                for &(i, xi) in x {
                    grad[i] += e * xi;
                }
                grad[dim] += e;
            }
            for (i, wi) in w.iter().enumerate() {
                grad[i] += lambda * wi;
            }
            let lr = p.learning_rate;
            let (c1, c2) = (1.0 - f64::powi(beta1, t as i32), 1.0 - f64::powi(beta2, t as i32));
            for i in 0..=dim {
                m[i] = beta1 * m[i] + (1.0 - beta1) * grad[i];
                v[i] = beta2 * v[i] + (1.0 - beta2) * grad[i] * grad[i];
                let step = lr * (m[i] / c1) / ((v[i] / c2).sqrt() + eps);
                if i == dim {
                    b -= step;
                } else {
                    w[i] -= step;
                }
            }
        }
        let mut sparse: Vec<(usize, f64)> = w.into_iter().enumerate().filter(|(_, x)| x.abs() > 1e-6).collect();
        sparse.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        sparse.truncate(p.keep_per_class);
        sparse.sort_by_key(|x| x.0);
        weights.push((b, sparse));
    }
    let mut model = Model {
        classes: classes.to_vec(),
        threshold: p.threshold,
        vocab,
        weights,
        feature_start: Vec::new(),
        by_feature: Vec::new(),
    };
    model.prune_vocab();
    model.index();
    model
}

impl Model {
    /// Drops features no class uses, renumbering the rest in sorted order.
    fn prune_vocab(&mut self) {
        let mut used: Vec<usize> = self.weights.iter().flat_map(|(_, w)| w.iter().map(|x| x.0)).collect();
        used.sort_unstable();
        used.dedup();
        let mut by_index: Vec<(&String, &(usize, f64))> = self.vocab.iter().collect();
        by_index.sort_by_key(|(_, (i, _))| *i);
        let mut remap = HashMap::new();
        let mut vocab = Vocab::default();
        for (f, &(i, idf)) in by_index {
            if used.binary_search(&i).is_ok() {
                remap.insert(i, vocab.len());
                vocab.insert(f.clone(), (vocab.len(), idf));
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
            for &(i, x) in w {
                per_feature[i].push((c, x));
            }
        }
        self.feature_start = Vec::with_capacity(per_feature.len() + 1);
        self.by_feature = Vec::new();
        for f in per_feature {
            self.feature_start.push(self.by_feature.len());
            self.by_feature.extend(f);
        }
        self.feature_start.push(self.by_feature.len());
    }

    /// Probability of every class for `text`.
    pub fn scores(&self, text: &str) -> Vec<f64> {
        let mut z: Vec<f64> = self.weights.iter().map(|(b, _)| *b).collect();
        for (i, xi) in vectorise(&self.vocab, text) {
            for &(c, w) in &self.by_feature[self.feature_start[i]..self.feature_start[i + 1]] {
                z[c] += w * xi;
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

    /// The model as text: a header, the vocabulary, then one line per weight.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# missive activity model: TF-IDF (unigrams+bigrams) + logistic regression per category");
        let _ = writeln!(out, "threshold\t{}", self.threshold);
        let _ = writeln!(out, "classes\t{}", self.classes.join("\t"));
        let mut feats: Vec<(&String, &(usize, f64))> = self.vocab.iter().collect();
        feats.sort_by_key(|(_, (i, _))| *i);
        for (f, (_, idf)) in feats {
            let _ = writeln!(out, "f\t{f}\t{idf:.6}");
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
            feature_start: Vec::new(),
            by_feature: Vec::new(),
        };
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let num = |s: &str| s.parse::<f64>().map_err(|_| bad(n, "bad number"));
            let idx = |s: &str| s.parse::<usize>().map_err(|_| bad(n, "bad index"));
            match cols.as_slice() {
                ["threshold", t] => m.threshold = num(t)?,
                ["classes", rest @ ..] => {
                    m.classes = rest.iter().map(|s| (*s).to_owned()).collect();
                    m.weights = vec![(0.0, Vec::new()); m.classes.len()];
                }
                ["f", f, idf] => {
                    let i = m.vocab.len();
                    m.vocab.insert((*f).to_owned(), (i, num(idf)?));
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

    #[test]
    fn learns_and_round_trips() {
        let s = |t: &str, l: &[&str]| (t.to_owned(), l.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>());
        let samples = vec![
            s("civilian police trained national police officers", &["Police"]),
            s("police advisers mentored the national police", &["Police"]),
            s("the police component co-located with police stations", &["Police"]),
            s("electoral assistance to the electoral commission for voter registration", &["Elections"]),
            s("the Mission supported voter registration and the electoral commission", &["Elections"]),
            s("the electoral calendar and polling stations were prepared", &["Elections"]),
        ];
        let classes = vec!["Police".to_owned(), "Elections".to_owned()];
        let m = train(&samples, &classes, TrainParams { min_df: 1, ..TrainParams::default() });
        assert_eq!(m.predict("police officers were trained"), ["Police"]);
        assert_eq!(m.predict("voter registration for the electoral commission"), ["Elections"]);
        let back = Model::from_text(&m.to_text()).unwrap();
        assert_eq!(back.predict("police officers were trained"), ["Police"]);
        assert!((back.scores("police")[0] - m.scores("police")[0]).abs() < 1e-4);
    }
}
