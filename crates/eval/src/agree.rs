//! Two annotators' gold for the same documents: how far they agree, and
//! the merged gold (`data/gold/FORMAT.md`, "How these files were made"):
//! what both gave stands, an indicator only one gave becomes optional, and
//! every other disagreement is listed for a person to decide by the
//! guidelines (the merged file keeps what both gave, or the first
//! annotator's value for a metadata field).

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::gold::{self, Gold, GoldEvent, GoldIndicator};
use crate::{Accuracy, Error, Prf};

/// Agreement between two annotators, over one or many documents.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Agreement {
    pub documents: u64,
    pub metadata: Accuracy,
    pub references: Prf,
    pub missions: Prf,
    pub mandate_events: Prf,
    pub event_status: Accuracy,
    pub indicators: Prf,
    pub indicator_qualifier: Accuracy,
}

impl Agreement {
    fn add(&mut self, o: &Agreement) {
        self.documents += o.documents;
        for (a, b) in [
            (&mut self.metadata, o.metadata),
            (&mut self.event_status, o.event_status),
            (&mut self.indicator_qualifier, o.indicator_qualifier),
        ] {
            a.correct += b.correct;
            a.total += b.total;
        }
        self.references.add(o.references);
        self.missions.add(o.missions);
        self.mandate_events.add(o.mandate_events);
        self.indicators.add(o.indicators);
    }
}

impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents annotated twice: {}", self.documents)?;
        writeln!(f, "{:<22} {:>9} {:>9} {:>9}   both/only A/only B", "section", "B vs A: P", "R", "F1")?;
        for (name, p) in [
            ("references", self.references),
            ("missions", self.missions),
            ("mandate_events", self.mandate_events),
            ("indicators", self.indicators),
        ] {
            // Read B as predictions of A: tp = both, fp = only B, fn = only A.
            let (pr, r, f1) = (p.precision(), p.recall(), p.f1());
            writeln!(f, "{name:<22} {pr:>9.3} {r:>9.3} {f1:>9.3}   {}/{}/{}", p.tp, p.fn_, p.fp)?;
        }
        for (name, a) in [
            ("metadata fields", self.metadata),
            ("event status", self.event_status),
            ("indicator qualifier", self.indicator_qualifier),
        ] {
            writeln!(f, "{name:<22} {:>9.3}   {}/{} agree", a.value(), a.correct, a.total)?;
        }
        Ok(())
    }
}

/// A disagreement left for a person to decide.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub file: String,
    pub section: &'static str,
    pub a: String,
    pub b: String,
}

/// The outcome of merging two folders.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Merged {
    pub total: Agreement,
    pub per_document: BTreeMap<String, Agreement>,
    pub disagreements: Vec<Disagreement>,
    /// Files only one annotator wrote (not merged).
    pub unpaired: Vec<String>,
    #[serde(skip)]
    pub files: Vec<Gold>,
}

fn same_indicator(a: &GoldIndicator, b: &GoldIndicator) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-6 * x.abs().max(1.0);
    let units = |g: &GoldIndicator| {
        std::iter::once(g.unit.to_lowercase()).chain(g.unit_alt.iter().map(|u| u.to_lowercase())).collect::<Vec<_>>()
    };
    close(a.value, b.value)
        && match (a.value_high, b.value_high) {
            (None, None) => true,
            (Some(x), Some(y)) => close(x, y),
            _ => false,
        }
        && units(a).iter().any(|u| units(b).contains(u))
}

fn same_event(a: &GoldEvent, b: &GoldEvent) -> bool {
    gold::mission_key(&a.mission) == gold::mission_key(&b.mission)
        && a.event == b.event
        && a.date == b.date
        && a.until == b.until
}

/// Matches `b` against `a` one to one; returns the pairs and what each
/// gave alone.
fn pair<T>(a: &[T], b: &[T], same: impl Fn(&T, &T) -> bool) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut used = vec![false; b.len()];
    let mut pairs = Vec::new();
    let mut only_a = Vec::new();
    for (i, x) in a.iter().enumerate() {
        match (0..b.len()).find(|&j| !used[j] && same(x, &b[j])) {
            Some(j) => {
                used[j] = true;
                pairs.push((i, j));
            }
            None => only_a.push(i),
        }
    }
    let only_b = (0..b.len()).filter(|&j| !used[j]).collect();
    (pairs, only_a, only_b)
}

fn prf(pairs: usize, only_a: usize, only_b: usize) -> Prf {
    Prf { tp: pairs as u64, fp: only_b as u64, fn_: only_a as u64 }
}

/// Merges one document's two annotations.
pub fn merge_one(a: &Gold, b: &Gold, out: &mut Vec<Disagreement>) -> (Gold, Agreement) {
    let mut ag = Agreement { documents: 1, ..Agreement::default() };
    let mut m = a.clone();
    let mut disagree = |section: &'static str, x: String, y: String| {
        out.push(Disagreement { file: a.file.clone(), section, a: x, b: y });
    };
    for (name, x, y) in [
        ("symbol", &a.symbol, &b.symbol),
        ("doc_type", &a.doc_type, &b.doc_type),
        ("letter_date", &a.letter_date, &b.letter_date),
        ("signatory", &a.signatory, &b.signatory),
    ] {
        ag.metadata.push(x == y);
        if x != y {
            disagree(name, format!("{x:?}"), format!("{y:?}"));
        }
    }
    // Sets: what both gave stands.
    let set = |xs: &[String], key: &dyn Fn(&str) -> String| {
        let mut v: Vec<String> = xs.iter().map(|x| key(x)).collect();
        v.sort();
        v.dedup();
        v
    };
    let ident = |s: &str| s.to_owned();
    let (ra, rb) = (set(&a.references, &ident), set(&b.references, &ident));
    let both: Vec<String> = ra.iter().filter(|x| rb.contains(x)).cloned().collect();
    for x in ra.iter().filter(|x| !rb.contains(x)) {
        disagree("references", x.clone(), String::new());
    }
    for x in rb.iter().filter(|x| !ra.contains(x)) {
        disagree("references", String::new(), x.clone());
    }
    ag.references = prf(both.len(), ra.len() - both.len(), rb.len() - both.len());
    m.references = both;
    let key = |s: &str| gold::mission_key(s);
    let (ma, mb) = (set(&a.missions, &key), set(&b.missions, &key));
    let both: Vec<String> = a.missions.iter().filter(|x| mb.contains(&key(x))).cloned().collect();
    for x in a.missions.iter().filter(|x| !mb.contains(&key(x))) {
        disagree("missions", x.clone(), String::new());
    }
    for x in b.missions.iter().filter(|x| !ma.contains(&key(x))) {
        disagree("missions", String::new(), x.clone());
    }
    ag.missions = prf(both.len(), ma.len() - both.len(), mb.len() - both.len());
    m.missions = both;
    let (pairs, only_a, only_b) = pair(&a.mandate_events, &b.mandate_events, same_event);
    ag.mandate_events = prf(pairs.len(), only_a.len(), only_b.len());
    m.mandate_events = Vec::new();
    for &(i, j) in &pairs {
        let (x, y) = (&a.mandate_events[i], &b.mandate_events[j]);
        ag.event_status.push(x.status == y.status);
        if x.status != y.status {
            disagree("mandate_events.status", format!("{x:?}"), format!("{y:?}"));
        }
        m.mandate_events.push(x.clone());
    }
    for &i in &only_a {
        disagree("mandate_events", format!("{:?}", a.mandate_events[i]), String::new());
    }
    for &j in &only_b {
        disagree("mandate_events", String::new(), format!("{:?}", b.mandate_events[j]));
    }
    // Indicators: what both gave is required (either unit accepted); what
    // one gave, or either marked optional, is optional.
    let (pairs, only_a, only_b) = pair(&a.indicators, &b.indicators, same_indicator);
    ag.indicators = prf(pairs.len(), only_a.len(), only_b.len());
    m.indicators = pairs
        .iter()
        .map(|&(i, j)| {
            let (x, y) = (&a.indicators[i], &b.indicators[j]);
            ag.indicator_qualifier.push(x.qualifier == y.qualifier);
            let mut g = x.clone();
            for u in std::iter::once(&y.unit).chain(&y.unit_alt) {
                if *u != g.unit && !g.unit_alt.contains(u) {
                    g.unit_alt.push(u.clone());
                }
            }
            g
        })
        .collect();
    let mut optional: Vec<GoldIndicator> = Vec::new();
    let extra = only_a.iter().map(|&i| &a.indicators[i]).chain(only_b.iter().map(|&j| &b.indicators[j]));
    for g in extra.chain(&a.optional_indicators).chain(&b.optional_indicators) {
        if !optional.iter().any(|o| same_indicator(o, g)) {
            optional.push(g.clone());
        }
    }
    m.optional_indicators = optional;
    // Sections annotated: those both annotated.
    m.annotated = match (&a.annotated, &b.annotated) {
        (None, None) => None,
        (Some(x), None) | (None, Some(x)) => Some(x.clone()),
        (Some(x), Some(y)) => Some(x.iter().filter(|s| y.contains(s)).cloned().collect()),
    };
    (m, ag)
}

/// Merges every file the two folders share.
pub fn merge_dirs(a: &Path, b: &Path) -> Result<Merged, Error> {
    let (ga, gb) = (gold::read_dir(a)?, gold::read_dir(b)?);
    let mut merged = Merged::default();
    for x in &ga {
        match gb.iter().find(|y| y.file == x.file) {
            Some(y) => {
                let (m, ag) = merge_one(x, y, &mut merged.disagreements);
                merged.total.add(&ag);
                merged.per_document.insert(x.file.clone(), ag);
                merged.files.push(m);
            }
            None => merged.unpaired.push(x.file.clone()),
        }
    }
    merged.unpaired.extend(gb.iter().filter(|y| !ga.iter().any(|x| x.file == y.file)).map(|y| y.file.clone()));
    Ok(merged)
}

/// Writes the merged files, one `<file>.json` each, pretty-printed.
pub fn write(merged: &Merged, out: &Path) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io { path, source }
    };
    std::fs::create_dir_all(out).map_err(io(out))?;
    for g in &merged.files {
        let path = out.join(format!("{}.json", g.file));
        let text = serde_json::to_string_pretty(g).expect("gold serialises") + "\n";
        std::fs::write(&path, text).map_err(io(&path))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(json: &str) -> Gold {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn both_stand_one_becomes_optional() {
        let a = gold(
            r#"{"file":"x.txt","symbol":"S/1","doc_type":"report","letter_date":null,"signatory":null,
            "references":["S/2"],"missions":["CIS PKF","UNMIK"],
            "mandate_events":[{"mission":"UNMIK","event":"established","status":"done","date":"1999","until":null}],
            "indicators":[{"value":3,"value_high":null,"qualifier":"exact","unit":"patrol","text":"3 patrols"},
                          {"value":5,"value_high":null,"qualifier":"approx","unit":"house","text":"about 5 houses"}],
            "optional_indicators":[]}"#,
        );
        let b = gold(
            r#"{"file":"x.txt","symbol":"S/1","doc_type":"report","letter_date":null,"signatory":null,
            "references":["S/2","S/3"],"missions":["CISPKF"],
            "mandate_events":[{"mission":"UNMIK","event":"established","status":"decided","date":"1999","until":null}],
            "indicators":[{"value":3,"value_high":null,"qualifier":"exact","unit":"foot patrol","unit_alt":["patrol"],"text":"3 patrols"}],
            "optional_indicators":[]}"#,
        );
        let mut d = Vec::new();
        let (m, ag) = merge_one(&a, &b, &mut d);
        assert_eq!(m.missions, vec!["CIS PKF"]);
        assert_eq!(m.references, vec!["S/2"]);
        assert_eq!(m.mandate_events.len(), 1);
        assert_eq!(m.indicators.len(), 1);
        assert_eq!(m.indicators[0].unit_alt, vec!["foot patrol"]);
        assert_eq!(m.optional_indicators.len(), 1);
        assert_eq!((ag.indicators.tp, ag.indicators.fn_, ag.indicators.fp), (1, 1, 0));
        assert_eq!((ag.event_status.correct, ag.event_status.total), (0, 1));
        let sections: Vec<&str> = d.iter().map(|x| x.section).collect();
        assert_eq!(sections, vec!["references", "missions", "mandate_events.status"]);
    }
}
