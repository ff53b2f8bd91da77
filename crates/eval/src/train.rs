//! Training the activity classifier (`missive train-activities`, and the
//! PACT cross-validation): a one-vs-rest logistic regression over tf-idf
//! features, as scikit-learn's with class-balanced weights, fitted with
//! Adam. The runtime crate (`missive-enrich`) only scores with the model.

use std::collections::BTreeMap;

use missive_enrich::classifier::{Features, Model, features, sigmoid};

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
    let vocab = Features::new(
        df.into_iter().filter(|(_, d)| *d >= p.min_df).map(|(f, d)| (f, ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0)),
    );
    let xs: Vec<Vec<(usize, f64)>> = samples.iter().map(|(t, _)| vocab.vector(t)).collect();
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
    Model::from_weights(classes.to_vec(), p.threshold, vocab, weights)
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
