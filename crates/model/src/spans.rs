//! Span lookups in logarithmic time. The stages ask "which sentence holds
//! this number", "which mentions lie in this sentence", "does anything
//! overlap this span" once per item; a scan of the whole list each time is
//! quadratic, and a crafted document (10 MB of numbers on one line) turns
//! that into hours. These lookups keep every stage linear-logarithmic.

use crate::Span;

/// The items whose span lies inside `outer`, in order. `items` must be
/// sorted by span start (mentions, dates, numbers, sentences are).
pub fn inside<'a, T>(
    items: &'a [T],
    span: impl Fn(&T) -> Span + Copy + 'a,
    outer: Span,
) -> impl Iterator<Item = &'a T> {
    let lo = items.partition_point(|x| span(x).start < outer.start);
    let hi = lo + items[lo..].partition_point(|x| span(x).start <= outer.end);
    items[lo..hi].iter().filter(move |x| outer.contains(span(x)))
}

/// The item whose span contains `inner`. `items` must be sorted by start
/// and disjoint (sentences, paragraphs), so only one can.
pub fn containing<T>(items: &[T], span: impl Fn(&T) -> Span, inner: Span) -> Option<&T> {
    let i = items.partition_point(|x| span(x).start <= inner.start);
    items[..i].last().filter(|x| span(x).contains(inner))
}

/// A set of spans (overlapping or not) asked whether anything overlaps a span.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    starts: Vec<usize>,
    /// The largest end among the spans up to each start.
    max_end: Vec<usize>,
}

impl Coverage {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut v: Vec<Span> = spans.into_iter().collect();
        v.sort_unstable();
        let mut max = 0;
        let max_end = v
            .iter()
            .map(|s| {
                max = max.max(s.end);
                max
            })
            .collect();
        Self { starts: v.iter().map(|s| s.start).collect(), max_end }
    }

    /// Whether any span of the set overlaps `s` (as [`Span::overlaps`]).
    pub fn overlaps(&self, s: Span) -> bool {
        let k = self.starts.partition_point(|&st| st < s.end);
        k > 0 && self.max_end[k - 1] > s.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans from a byte string: each (start, len).
    fn spans(seed: &[(u8, u8)]) -> Vec<Span> {
        let mut v: Vec<Span> =
            seed.iter().map(|&(s, l)| Span::new(s as usize, s as usize + (l % 9) as usize)).collect();
        v.sort();
        v
    }

    #[test]
    fn agree_with_a_scan() {
        let mut x = 0x1234_5678_u32;
        let mut rnd = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x % 60) as u8
        };
        for _ in 0..300 {
            let list = spans(&(0..rnd() / 4).map(|_| (rnd(), rnd())).collect::<Vec<_>>());
            let cov = Coverage::new(list.iter().copied());
            // Disjoint, sorted sentences: every other 5-byte block.
            let sentences: Vec<Span> = (0..12).map(|i| Span::new(i * 10, i * 10 + 5)).collect();
            for _ in 0..20 {
                let (a, b) = (rnd() as usize, rnd() as usize % 7);
                let q = Span::new(a, a + b);
                let scan: Vec<&Span> = list.iter().filter(|s| q.contains(**s)).collect();
                assert_eq!(inside(&list, |s| *s, q).collect::<Vec<_>>(), scan, "{q:?} in {list:?}");
                assert_eq!(cov.overlaps(q), list.iter().any(|s| s.overlaps(q)), "{q:?} {list:?}");
                let want = sentences.iter().find(|s| s.contains(q));
                assert_eq!(containing(&sentences, |s| *s, q), want, "{q:?}");
            }
        }
    }
}
