//! Numbers in the text: digits with thousands separators, decimals, number
//! words ("twenty-three", "one hundred and fifty"), scale words ("5.2
//! million"), currencies ("$", "US$", "USD", "euros"), percentages and
//! ranges ("between 300 and 400", "300-400", "four to six").

use std::sync::LazyLock;

pub use missive_model::number_words::parse_words;
use missive_model::number_words::{SCALES, word_value};
use missive_model::{NumberMention, Span};
use regex::Regex;

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?P<cur>(?:US\$|\$|€|£|USD|EUR|CHF|GBP)\s?)?",
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?-u:\b)(?:\.\d+)?|\d+(?:\.\d+)?)",
        r"(?P<scale>[\s-]?(?:million|billion|trillion|thousand|bn)(?-u:\b))?",
        r"(?P<pct>\s?(?:per\s?cent|percent)(?-u:\b)|\s?%)?",
    ))
    .unwrap()
});
/// The indices of DIGITS' groups `cur`, `num`, `scale` and `pct`: looking
/// a group up by name hashes the name, on every number of the text.
static DIGIT_GROUPS: LazyLock<[usize; 4]> = LazyLock::new(|| {
    let at = |name: &str| DIGITS.capture_names().position(|n| n == Some(name)).expect("a group of DIGITS");
    [at("cur"), at("num"), at("scale"), at("pct")]
});
static CURRENCY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^\s+(?:(?:United\s+States|US|U\.S\.)\s+dollars?|dollars?|euros?|Swiss\s+francs?|pounds\s+sterling|CFA\s+francs?)(?-u:\b)").unwrap()
});

/// Parses digits with separators: "1,300", "1 300", "5.2". Digits beyond
/// what an `f64` holds (over 308 of them) are not a number.
pub fn parse_digits(s: &str) -> Option<f64> {
    // Most numbers have no separator: parsed without a copy.
    let parsed = if s.contains([',', ' ']) {
        s.chars().filter(|c| *c != ',' && *c != ' ').collect::<String>().parse()
    } else {
        s.parse()
    };
    parsed.ok().filter(|v: &f64| v.is_finite())
}

fn scale_of(s: &str) -> f64 {
    match s.trim_start_matches(|c: char| c.is_whitespace() || c == '-').to_ascii_lowercase().as_str() {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

fn currency_code(s: &str) -> Option<String> {
    let t = s.trim();
    let code = match t {
        "$" | "US$" | "USD" => "USD",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "CHF" => "CHF",
        _ => {
            let lower = t.to_ascii_lowercase();
            if lower.contains("dollar") {
                "USD"
            } else if lower.contains("euro") {
                "EUR"
            } else if lower.contains("swiss") {
                "CHF"
            } else if lower.contains("sterling") {
                "GBP"
            } else if lower.contains("cfa") {
                "XOF"
            } else {
                return None;
            }
        }
    };
    Some(code.to_owned())
}

/// A group of a DIGITS match.
struct Group<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Whether a DIGITS match is ASCII digits and separators alone, so that
/// it has no currency, scale or percent and the number is all of it.
fn is_plain(m: &str) -> bool {
    m.bytes().all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b' '))
}

/// Every number in `text`, ranges merged, in text order.
pub fn find(text: &str) -> Vec<NumberMention> {
    let bytes = text.as_bytes();
    let mut out: Vec<NumberMention> = Vec::new();
    let [cur, num, scale, pct] = *DIGIT_GROUPS;
    // The match's groups land in one reused set of locations (no
    // allocation per number); DIGITS never matches the empty string.
    let mut groups = DIGITS.capture_locations();
    let mut at = 0;
    while let Some(m) = DIGITS.find_at(text, at) {
        at = m.end();
        // Most numbers are digits and separators alone: the number group
        // is the whole match. Only the others need the groups searched.
        let (cur, num, scale, pct) = if is_plain(m.as_str()) {
            (None, Group { start: m.start(), end: m.end(), text: m.as_str() }, None, None)
        } else {
            DIGITS.captures_read_at(&mut groups, text, m.start()).expect("the match just found");
            let group = |i: usize| groups.get(i).map(|(a, b)| Group { start: a, end: b, text: &text[a..b] });
            (group(cur), group(num).expect("DIGITS has a number"), group(scale), group(pct))
        };
        // Not part of a word or a longer token ("G-20" stays, "A4", "2nd").
        if num.start > 0 && (is_word_byte(bytes[num.start - 1]) || bytes[num.start - 1] == b'.') && cur.is_none() {
            continue;
        }
        if num.end < bytes.len() && bytes[num.end].is_ascii_alphabetic() && scale.is_none() && pct.is_none() {
            continue;
        }
        let Some(mut value) = parse_digits(num.text) else { continue };
        let mut end = m.end();
        if let Some(s) = scale {
            value *= scale_of(s.text);
            if !value.is_finite() {
                continue;
            }
        }
        // Trailing sentence dot is not a decimal point.
        let mut currency = cur.and_then(|x| currency_code(x.text));
        if currency.is_none()
            && let Some(w) = CURRENCY_WORD.find(&text[end..])
        {
            currency = currency_code(w.as_str());
            end += w.end();
        }
        out.push(NumberMention {
            span: Span::new(m.start(), end),
            value,
            value_high: None,
            currency,
            percent: pct.is_some(),
            words: false,
        });
    }
    // Digits win over number words they overlap ("US$ 6.2 million-three").
    let digits = missive_model::spans::Coverage::new(out.iter().map(|n| n.span));
    out.extend(find_words(text).into_iter().filter(|w| !digits.overlaps(w.span)));
    out.sort_by_key(|n| n.span);
    for n in &mut out {
        add_broken_unit(text, n);
        add_half(text, n);
    }
    // The units word a broken tens word took in is no number of its own.
    out.dedup_by(|later, earlier| later.span.start < earlier.span.end);
    let out = join_spaced_thousands(text, out);
    merge_ranges(text, out)
}

/// "2, 000 houses", "12, 331 representatives": a scan's space after the
/// thousands comma, one number. Only before a word in lower case that is
/// no conjunction or preposition, so that a list ("sessions 1, 234 and")
/// stays apart.
fn join_spaced_thousands(text: &str, numbers: Vec<NumberMention>) -> Vec<NumberMention> {
    let mut out: Vec<NumberMention> = Vec::with_capacity(numbers.len());
    for n in numbers {
        if let Some(prev) = out.last_mut()
            && spaced_thousands(text, prev, &n)
        {
            prev.value = prev.value * 1000.0 + n.value;
            prev.span.end = n.span.end;
            continue;
        }
        if let Some(prev) = out.last_mut()
            && let Some(value) = split_decimal(text, prev, &n)
        {
            prev.value = value;
            prev.span.end = n.span.end;
            continue;
        }
        out.push(n);
    }
    out
}

/// Whether a list of short numbers goes before ("1, 2, 345 ..."), not a
/// year ("In the course of 1999, 4, 000 refugees").
fn short_number_before(before: &str) -> bool {
    before
        .trim_end()
        .strip_suffix(',')
        .and_then(|b| b.rsplit(|c: char| !c.is_ascii_digit()).next())
        .is_some_and(|d| (1..=3).contains(&d.len()))
}

fn spaced_thousands(text: &str, a: &NumberMention, b: &NumberMention) -> bool {
    let plain = |n: &NumberMention, max: usize| {
        let t = n.span.slice(text);
        !n.words
            && n.currency.is_none()
            && !n.percent
            && n.value_high.is_none()
            && (1..=max).contains(&t.len())
            && t.bytes().all(|c| c.is_ascii_digit())
    };
    let next_word = text[b.span.end..].strip_prefix(' ').and_then(|r| r.split(|c: char| !c.is_alphabetic()).next());
    plain(a, 3)
        && plain(b, 3)
        && b.span.slice(text).len() == 3
        && &text[a.span.end..b.span.start] == ", "
        && !short_number_before(&text[..a.span.start])
        && next_word.is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase()) && !matches!(w, "and" | "or" | "of" | "in" | "per")
        })
}

/// "$1. 6 million": an amount whose decimal point a line break set apart
/// from its decimals, one number ($1.6 million). Only an amount with a
/// currency before a scaled number of one or two digits: a sentence that
/// ends in an amount is not followed by "6 million" in lower case.
fn split_decimal(text: &str, a: &NumberMention, b: &NumberMention) -> Option<f64> {
    // The gap first: it turns almost every pair away before any parse.
    if &text[a.span.end..b.span.start] != ". "
        || a.currency.is_none()
        || b.currency.is_some()
        || a.percent
        || b.percent
        || b.words
        || a.value_high.is_some()
        || b.value_high.is_some()
    {
        return None;
    }
    let a_text = a.span.slice(text);
    let decimals = b.span.slice(text).split(' ').next()?;
    let plain_a = a_text.ends_with(|c: char| c.is_ascii_digit()) && a_text.bytes().all(|c| !matches!(c, b'.' | b','));
    if !plain_a || !(1..=2).contains(&decimals.len()) || !decimals.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: f64 = decimals.parse().ok()?;
    let scale = b.value / whole;
    let fraction = whole / 10f64.powi(decimals.len() as i32);
    (scale == 1e6 || scale == 1e9).then_some((a.value + fraction) * scale)
}

/// "Twenty -three lawmakers": a tens word whose hyphen a line break moved
/// away from its units word, one number.
fn add_broken_unit(text: &str, n: &mut NumberMention) {
    if !n.words || n.value < 20.0 || n.value > 90.0 || n.value % 10.0 != 0.0 {
        return;
    }
    let rest = &text[n.span.end..];
    let dash = rest.len() - rest.trim_start_matches([' ', '-']).len();
    if dash < 2 || !rest[..dash].contains('-') {
        return;
    }
    let word_len = rest[dash..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len() - dash);
    if let Some((v, false)) = word_value(&rest[dash..dash + word_len]).filter(|(v, _)| *v < 10) {
        n.value += v as f64;
        n.span.end += dash + word_len;
    }
}

/// "two and a half years", "3 and a half", "seven-and-a-half years": a
/// whole number and a half.
fn add_half(text: &str, n: &mut NumberMention) {
    let rest = &text[n.span.end..];
    for half in [" and a half", "-and-a-half"] {
        let follows = rest.get(..half.len()).is_some_and(|h| h.eq_ignore_ascii_case(half))
            && !rest[half.len()..].starts_with(|c: char| c.is_alphanumeric());
        if follows && n.value.fract() == 0.0 && n.currency.is_none() && !n.percent && n.value_high.is_none() {
            n.value += 0.5;
            n.span.end += half.len();
            return;
        }
    }
}

fn find_words(text: &str) -> Vec<NumberMention> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let flush = |run: &mut Vec<(usize, usize)>, out: &mut Vec<NumberMention>| {
        while run.last().is_some_and(|&(s, e)| text[s..e].eq_ignore_ascii_case("and")) {
            run.pop();
        }
        if let (Some(&(s, _)), Some(&(_, e))) = (run.first(), run.last()) {
            let words: Vec<&str> = run.iter().map(|&(a, b)| &text[a..b]).collect();
            // A bare scale word ("thousands", "hundred") is not a number.
            let only_scale = words.iter().all(|w| SCALES.iter().any(|(n, _)| w.eq_ignore_ascii_case(n)));
            if let Some(v) = parse_words(&words).filter(|_| !only_scale) {
                out.push(NumberMention {
                    span: Span::new(s, e),
                    value: v,
                    value_high: None,
                    currency: None,
                    percent: false,
                    words: true,
                });
            }
        }
        run.clear();
    };
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() || (i > 0 && is_word_byte(bytes[i - 1])) {
            if !bytes[i].is_ascii_whitespace() && !run.is_empty() {
                flush(&mut run, &mut out);
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len()
            && (bytes[j].is_ascii_alphabetic()
                || (bytes[j] == b'-' && j + 1 < bytes.len() && bytes[j + 1].is_ascii_alphabetic()))
        {
            j += 1;
        }
        let w = &text[i..j];
        let is_number =
            if w.contains('-') { w.split('-').all(|p| word_value(p).is_some()) } else { word_value(w).is_some() };
        // "and" inside a number follows a scale ("one hundred and fifty",
        // "two thousand and ten"); "one and three years" are two numbers.
        let joins = w.eq_ignore_ascii_case("and")
            && run.last().is_some_and(|&(a, b)| {
                text[a..b].rsplit('-').next().is_some_and(|l| SCALES.iter().any(|(n, _)| l.eq_ignore_ascii_case(n)))
            });
        if is_number || joins {
            run.push((i, j));
        } else {
            // "six-month": a number word joined to a noun by a hyphen.
            // ("Twenty-Eighth" is an ordinal, not a number.)
            if let Some((head, rest)) = w.split_once('-')
                && word_value(head).is_some_and(|(_, scale)| !scale)
                && !is_ordinal(rest)
            {
                flush(&mut run, &mut out);
                run.push((i, i + head.len()));
            }
            flush(&mut run, &mut out);
        }
        i = j;
    }
    flush(&mut run, &mut out);
    out
}

fn is_ordinal(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "hundredth"
            | "thousandth"
            | "millionth"
    ) || l.ends_with("teenth")
        || l.ends_with("ieth")
}

static RANGE_BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)(?-u:\b)(?:between|from)\s+$").unwrap());
/// "increased from 43 per cent to 52.9 per cent", "would raise the ceiling
/// from 6,700 to 7,500 troops", "extended the prison sentence of the
/// former President, who had been found guilty, from 5 to 15 years": a
/// change from one value to another, two values rather than a range.
static CHANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:increas|decreas|rais|rose|rise|rising|fell|fall|declin|reduc|grow|grew|drop|went|gone|expand|jump|climb|improv|doubl|tripl|shr[iau]nk|cut|lower|chang|upgrad|downgrad|revis|adjust|mov|shift|extend|lengthen|shorten|halv|went\s+up|went\s+down)\w*(?-u:\b)[^.;:]{0,140}?(?-u:\b)from\s+$").unwrap()
});
/// "collections up 15 per cent to 50 per cent": a change told by the
/// word of change right before the first value, each with its own unit.
static CHANGE_RIGHT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:up|down|rose|fell|increased|decreased|grew|dropped|declined|climbed|jumped)\s+$",
    )
    .unwrap()
});
/// "from the current 1,649 to 2,349": a level now and the one it goes to.
static FROM_CURRENT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)from\s+(?:the\s+|its\s+|their\s+)?(?:current|present|existing)\s+$")
        .unwrap()
});
/// "a ratio ... of about 1 to 220": a proportion, "1 to" the whole.
static RATIO_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)(?-u:\b)ratios?(?-u:\b)").unwrap());

/// Whether "a to b" is two values rather than a range: a change each of
/// whose values carries its own unit ("up 15 per cent to 50 per cent"),
/// or a ratio ("that ratio is about 1 to 220").
fn two_values(text: &str, a: &NumberMention, b: &NumberMention, before: &str, wide_before: &str) -> bool {
    text[a.span.end..b.span.start].trim() == "to"
        && ((a.percent && b.percent && CHANGE_RIGHT_BEFORE.is_match(before))
            || FROM_CURRENT.is_match(wide_before)
            || (a.value == 1.0 && b.value >= 10.0 && RATIO_BEFORE.is_match(wide_before)))
}

static RANGE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^(?:\s*(?:-|–|—)\s*|\s+(?:to|and)\s+)$").unwrap());

/// "between 300 and 400", "300 to 400", "300-400", "four to six" become one
/// mention with `value_high`.
fn merge_ranges(text: &str, nums: Vec<NumberMention>) -> Vec<NumberMention> {
    let mut out: Vec<NumberMention> = Vec::with_capacity(nums.len());
    let mut it = nums.into_iter().peekable();
    while let Some(mut a) = it.next() {
        if let Some(b) = it.peek() {
            let gap = &text[a.span.end..b.span.start.max(a.span.end)];
            let mut from = a.span.start.saturating_sub(12);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = &text[from..a.span.start];
            let mut wide = a.span.start.saturating_sub(170);
            while !text.is_char_boundary(wide) {
                wide += 1;
            }
            // The join first (a dash, "to" or "and" between spaces: at
            // most three bytes once trimmed, which turns most gaps away
            // before any pattern runs), then the change, asked only of the
            // numbers a join follows.
            let joined = gap.trim().len() <= 3
                && RANGE_JOIN.is_match(gap)
                && !(RANGE_BETWEEN.is_match(before) && CHANGE_BEFORE.is_match(&text[wide..a.span.start]))
                && !two_values(text, &a, b, before, &text[wide..a.span.start]);
            let and_needs_between = gap.trim() == "and";
            // "four or five helicopters", "seven or eight soldiers": two
            // neighbouring small counts are one estimate.
            let neighbours = gap == " or " && b.value == a.value + 1.0 && a.value >= 1.0 && a.value <= 12.0;
            if ((joined && (!and_needs_between || RANGE_BETWEEN.is_match(before))) || neighbours)
                && b.value > a.value
                && a.words == b.words
            {
                let b = it.next().unwrap();
                a.value_high = Some(b.value);
                a.span.end = b.span.end;
                a.currency = a.currency.or(b.currency);
                a.percent |= b.percent;
                // "between 300 and 400": the range starts at "between" (not
                // at a space that may lie before the previous number).
                if let Some(m) = RANGE_BETWEEN.find(before) {
                    let prev_end = out.last().map_or(0, |p: &NumberMention| p.span.end);
                    a.span.start = (from + m.start()).max(prev_end);
                }
            }
        }
        out.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use missive_model::number_words::{TENS, UNITS};

    /// A plain match has no currency, scale or percent, and its number is
    /// all of it.
    #[test]
    fn plain_matches_are_their_number() {
        let [cur, num, scale, pct] = *DIGIT_GROUPS;
        let mut texts = crate::tests::corpus_texts();
        texts.push("1 300 000 and 1,300.5 or 7. and 8 .9 and US$ 5 and 5% and 3 million and ٣ and 12 345 678".into());
        let mut plain = 0;
        for t in &texts {
            for c in DIGITS.captures_iter(t) {
                let whole = c.get(0).unwrap();
                if is_plain(whole.as_str()) {
                    plain += 1;
                    assert!(c.get(cur).is_none() && c.get(scale).is_none() && c.get(pct).is_none(), "{c:?}");
                    assert_eq!(c.get(num).unwrap().range(), whole.range());
                }
            }
        }
        assert!(plain > 10_000, "{plain} plain numbers");
    }

    /// The value of a number word as specified: its ASCII lower case
    /// looked up in the three lists.
    #[test]
    fn word_values_are_the_specified_ones() {
        let specified = |w: &str| {
            let l = w.to_ascii_lowercase();
            let find = |list: &[(&str, u64)]| list.iter().find(|(n, _)| *n == l).map(|&(_, v)| v);
            find(UNITS).or_else(|| find(TENS)).map(|v| (v, false)).or_else(|| find(SCALES).map(|v| (v, true)))
        };
        let mut words: Vec<String> = UNITS.iter().chain(TENS).chain(SCALES).map(|(n, _)| (*n).to_owned()).collect();
        for w in words.clone() {
            words.extend([w.to_uppercase(), w[..1].to_uppercase() + &w[1..], format!("{w}s"), w[1..].to_owned()]);
        }
        words.extend(["ønë", "ONE\u{301}", "t\u{e9}n", "@ne", "[wo", "Ten", "tEN"].map(str::to_owned));
        let texts = crate::tests::corpus_texts();
        words.extend(texts.iter().flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-')).map(str::to_owned));
        let numbers = words.iter().filter(|w| specified(w).is_some()).count();
        assert!(numbers > 1000, "{numbers} number words");
        for w in &words {
            assert_eq!(word_value(w), specified(w), "{w:?}");
        }
    }

    fn show(text: &str) -> Vec<String> {
        find(text)
            .iter()
            .map(|n| {
                let mut s = format!("{}={}", n.span.slice(text), n.value);
                if let Some(h) = n.value_high {
                    s += &format!("..{h}");
                }
                if let Some(c) = &n.currency {
                    s += &format!(" {c}");
                }
                if n.percent {
                    s += " %";
                }
                s
            })
            .collect()
    }

    #[test]
    fn number_forms() {
        assert_eq!(
            show(
                "Over 1,300 officials, 12 500 troops, 5.2 million refugees, $49.4 million, US$ 1.3 billion, 80 per cent, 15%, 3.5 percent, 500 euros, $18-million"
            ),
            [
                "1,300=1300",
                "12 500=12500",
                "5.2 million=5200000",
                "$49.4 million=49400000 USD",
                "US$ 1.3 billion=1300000000 USD",
                "80 per cent=80 %",
                "15%=15 %",
                "3.5 percent=3.5 %",
                "500 euros=500 EUR",
                "$18-million=18000000 USD",
            ]
        );
        assert_eq!(
            show(
                "eleven sessions, twenty-three countries, one hundred and fifty observers, a 22-member Government, six-month cycles, its Twenty-Eighth session"
            ),
            ["eleven=11", "twenty-three=23", "one hundred and fifty=150", "22=22", "six=6"]
        );
        assert_eq!(
            show("between 300 and 400 troops, 300 to 400, 300-400, every four to six weeks, 10 and 20"),
            [
                "between 300 and 400=300..400",
                "300 to 400=300..400",
                "300-400=300..400",
                "four to six=4..6",
                "10=10",
                "20=20"
            ]
        );
        assert_eq!(show("G-20, A4, 2nd, COVID-19"), ["20=20", "19=19"]);
        assert_eq!(
            show(
                "collections up 15 per cent to 50 per cent; the ratio is about 1 to 220; 15 to 50 per cent; from the current 1,649 to 2,349"
            ),
            [
                "15 per cent=15 %",
                "50 per cent=50 %",
                "1=1",
                "220=220",
                "15 to 50 per cent=15..50 %",
                "1,649=1649",
                "2,349=2349"
            ]
        );
        assert_eq!(
            show("estimated at $1. 6 million; it rose by 3. 5 million; it cost $4. 12 staff"),
            ["$1. 6 million=1600000 USD", "3=3", "5 million=5000000", "$4=4 USD", "12=12"]
        );
        assert_eq!(
            show(
                "Twenty -three lawmakers, thirty- one, four or five helicopters, two and a half years, one and a half or two years, 14 or 15 of them, 5 or 7, one and three years, between one and three"
            ),
            [
                "Twenty -three=23",
                "thirty- one=31",
                "four or five=4..5",
                "two and a half=2.5",
                "one and a half=1.5",
                "two=2",
                "14=14",
                "15=15",
                "5=5",
                "7=7",
                "one=1",
                "three=3",
                "between one and three=1..3"
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn digits_round_trip(n in 0u64..10_000_000_000) {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, ch) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(ch);
            }
            let text = format!("about {grouped} people");
            let found = find(&text);
            proptest::prop_assert_eq!(found.len(), 1);
            proptest::prop_assert_eq!(found[0].value, n as f64);
        }

        #[test]
        fn words_round_trip(n in 1u64..1_000_000) {
            let text = format!("some {} people", spell(n));
            let found = find(&text);
            proptest::prop_assert_eq!(found.len(), 1, "{}", text);
            proptest::prop_assert_eq!(found[0].value, n as f64, "{}", text);
        }

        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = find(&s);
        }

        #[test]
        fn found_numbers_are_sound(
            s in "(one|twenty|hundred|thousand|million|billion|and|to|between|per cent|%|US\\$|[0-9]{1,5}|,|\\.|-|é| ){0,60}"
        ) {
            let found = find(&s);
            let mut last = 0;
            for n in &found {
                proptest::prop_assert!(n.span.start < n.span.end && n.span.end <= s.len(), "{:?} in {:?}", n, s);
                proptest::prop_assert!(s.is_char_boundary(n.span.start) && s.is_char_boundary(n.span.end));
                proptest::prop_assert!(n.span.start >= last, "overlapping numbers in {:?}: {:?}", s, found);
                last = n.span.end;
                proptest::prop_assert!(n.value.is_finite() && n.value >= 0.0, "{:?}", n);
                if let Some(high) = n.value_high {
                    proptest::prop_assert!(high > n.value, "a range that goes down: {:?}", n);
                }
            }
        }

        #[test]
        fn number_words_saturate(words in proptest::collection::vec("one|nine|ninety|hundred|thousand|million|billion|and", 0..300)) {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            if let Some(v) = parse_words(&refs) {
                proptest::prop_assert!(v.is_finite() && v >= 0.0);
            }
        }

        #[test]
        fn digits_of_any_length(n in 1usize..5000) {
            let digits = "9".repeat(n);
            let text = format!("some {digits} people");
            let found = find(&text);
            // An f64 holds up to 308 nines; longer runs of digits are not numbers.
            proptest::prop_assert_eq!(found.len(), usize::from(n <= 308));
            if let Some(f) = found.first() {
                proptest::prop_assert_eq!(f.span.slice(&text), digits.as_str());
                proptest::prop_assert!(f.value.is_finite() && f.value >= 9.0);
            }
        }
    }

    /// Found by `make fuzz` (target `numbers`): "between" glued to the
    /// previous number by punctuation stretched the range back over it.
    #[test]
    fn fuzz_regression_range_start_overlapped_the_previous_number() {
        let text = "US$ 5.2 million,`betweEn 300 and 400 persons";
        let found = find(text);
        let got: Vec<&str> = found.iter().map(|n| n.span.slice(text)).collect();
        assert_eq!(got, ["US$ 5.2 million", "betweEn 300 and 400"]);
        assert_eq!(found[1].value_high, Some(400.0));
    }

    /// Found by `make fuzz` (target `numbers`): a scale word of a digit
    /// mention also started a number-word mention ("million-three").
    #[test]
    fn fuzz_regression_words_overlapping_digits() {
        let text = "betwe US$ 6.2 million-three(ur , tbe";
        let got: Vec<&str> = find(text).iter().map(|n| n.span.slice(text)).collect();
        assert_eq!(got, ["US$ 6.2 million"]);
    }

    fn spell(n: u64) -> String {
        fn below_thousand(n: u64) -> String {
            let mut parts = Vec::new();
            if n >= 100 {
                parts.push(format!("{} hundred", UNITS[(n / 100) as usize].0));
            }
            let r = n % 100;
            if r > 0 {
                if n >= 100 {
                    parts.push("and".into());
                }
                if r < 20 {
                    parts.push(UNITS[r as usize].0.into());
                } else if r.is_multiple_of(10) {
                    parts.push(TENS[(r / 10 - 2) as usize].0.into());
                } else {
                    parts.push(format!("{}-{}", TENS[(r / 10 - 2) as usize].0, UNITS[(r % 10) as usize].0));
                }
            }
            parts.join(" ")
        }
        if n >= 1000 {
            let rest = n % 1000;
            let mut s = format!("{} thousand", below_thousand(n / 1000));
            if rest > 0 {
                s += " ";
                s += &below_thousand(rest);
            }
            s
        } else {
            below_thousand(n)
        }
    }
}
