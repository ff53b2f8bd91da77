//! Quantitative indicators (GUIDELINES §4): a number the normalise stage
//! found, kept when it counts something in the world, with its qualifier
//! (the hedge before it), its unit (the head noun after it, or a currency
//! or percent) and a category from the noun lexicon
//! (`data/reference/units.csv`).

use std::collections::HashMap;
use std::sync::LazyLock;

use missive_model::spans::{Coverage, containing};
use missive_model::{Document, Indicator, NumberMention, Qualifier, Span, ceil_boundary, floor_boundary, number_words};
use regex::Regex;

use crate::Error;

/// The noun lexicon: surface form (lower case, singular or plural) to the
/// unit reported and its category.
#[derive(Debug, Clone, Default)]
pub struct Units {
    forms: HashMap<String, (String, String)>,
    /// Forms that are plurals or mass nouns: what a count is likely about.
    plural: std::collections::HashSet<String>,
    /// Mass nouns: the lexicon gives them as their own plural ("training").
    mass: std::collections::HashSet<String>,
    max_words: usize,
    /// The canonical unit vocabulary (`unit_vocabulary.csv`): every unit
    /// and synonym, in lower case, to the canonical unit and its category.
    vocabulary: HashMap<String, (String, String)>,
    /// Nouns that name a kind of a vocabulary unit ("motorcycle" of
    /// vehicle), to that unit and its category.
    kinds: HashMap<String, (String, String)>,
    /// Nouns whose WordNet hypernyms reach a vocabulary unit
    /// (`noun_units.tsv`, made from `unit_anchors.tsv`): "speedboat" is a
    /// vessel, "legislator" an official.
    anchored: HashMap<String, String>,
    /// WordNet's lexicographer file of each noun's first sense
    /// (`noun_classes.tsv`), and its irregular plurals (`noun_plurals.tsv`).
    classes: HashMap<String, u8>,
    irregular: HashMap<String, String>,
    /// Nationality nouns and adjectives ("Kenyan", "Serb") to their country.
    demonyms: HashMap<String, String>,
    /// A country's currency by its noun (`currencies.csv`: "LBY dinar" is LYD).
    currencies: HashMap<(String, String), String>,
}

/// The category of a WordNet lexicographer file, for a counted noun the
/// vocabulary does not list. Time nouns ("stage", "phase") are not
/// durations unless the vocabulary says so.
fn class_category(lexfile: u8) -> &'static str {
    match lexfile {
        4 | 11 => "events",
        5 => "animals",
        6 => "equipment",
        10 => "documents",
        14 => "organisations",
        15 => "places",
        18 => "people",
        _ => "other",
    }
}

/// The vocabulary's widest unit for a noun of a WordNet lexicographer file
/// that no unit's hypernyms reach (`noun_units.tsv`): a person, an item, a
/// communication ("request", "dispute": a document only when WordNet puts
/// it under one), an organisation, a place, an incident, an activity (an
/// act), an animal. Nouns of other files (attributes, states, quantities
/// ...) stay themselves.
const CLASS_UNITS: &[(u8, &str)] = &[
    (4, "activity"),
    (5, "animal"),
    (6, "item"),
    (10, "communication"),
    (11, "incident"),
    (14, "organisation"),
    (15, "place"),
    (18, "person"),
];

fn class_unit(lexfile: u8) -> Option<&'static str> {
    CLASS_UNITS.iter().find(|(f, _)| *f == lexfile).map(|(_, u)| *u)
}

/// Whether `unit` is one of the widest units ([`CLASS_UNITS`]): WordNet
/// placing a kind the vocabulary lists under one of them ("boy" is a
/// person) does not contradict the vocabulary's narrower unit (a child).
fn widest(unit: &str) -> bool {
    CLASS_UNITS.iter().any(|(_, u)| *u == unit)
}

/// The lines of a two-column TSV reference file after its header, each
/// with its line number; a line without a tab fails with the file's name
/// and line.
fn pairs(name: &str, text: &str) -> Result<Vec<(usize, String, String)>, Error> {
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| {
            l.split_once('\t')
                .map(|(a, b)| (i + 1, a.to_owned(), b.to_owned()))
                .ok_or_else(|| Error::Reference(format!("{name} line {}: expected two tab-separated fields", i + 1)))
        })
        .collect()
}

impl Units {
    /// Reads `noun,plural,category,unit` (plurals `|`-separated).
    pub fn from_csv(csv_text: &str) -> Result<Self, Error> {
        let mut u = Units::default();
        let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
        for (i, row) in rdr.records().enumerate() {
            let row = row.map_err(|e| Error::Reference(format!("units.csv row {}: {e}", i + 2)))?;
            let noun = row.get(0).unwrap_or("").trim().to_lowercase();
            if noun.is_empty() {
                continue;
            }
            let category = row.get(2).unwrap_or("other").trim().to_owned();
            let unit = row.get(3).map(str::trim).filter(|s| !s.is_empty()).unwrap_or(&noun).to_owned();
            let entry = (unit, category);
            u.max_words = u.max_words.max(noun.split(' ').count());
            u.forms.entry(noun.clone()).or_insert_with(|| entry.clone());
            for p in row.get(1).unwrap_or("").split('|').map(|p| p.trim().to_lowercase()).filter(|p| !p.is_empty()) {
                u.max_words = u.max_words.max(p.split(' ').count());
                if p == noun {
                    u.mass.insert(p.clone());
                }
                u.plural.insert(p.clone());
                u.forms.entry(p).or_insert_with(|| entry.clone());
            }
        }
        Ok(u)
    }

    fn get(&self, form: &str) -> Option<&(String, String)> {
        self.forms.get(&form.to_lowercase())
    }

    /// Adds the canonical vocabulary (`unit,category,synonyms,kinds`), WordNet's
    /// noun classes (`noun<TAB>lexfile`) and irregular plurals
    /// (`plural<TAB>singular`), and nationality adjectives (`iso3,adjective`).
    /// A line that cannot be read fails with its file and line.
    pub fn with_vocabulary(
        mut self,
        vocabulary: &str,
        classes: &str,
        plurals: &str,
        demonyms: &str,
    ) -> Result<Self, Error> {
        let mut rdr = csv::Reader::from_reader(vocabulary.as_bytes());
        for (i, row) in rdr.records().enumerate() {
            let row = row.map_err(|e| Error::Reference(format!("unit_vocabulary.csv line {}: {e}", i + 2)))?;
            let (unit, category) = (row.get(0).unwrap_or("").trim(), row.get(1).unwrap_or("").trim());
            if unit.is_empty() || category.is_empty() {
                return Err(Error::Reference(format!(
                    "unit_vocabulary.csv line {}: unit and category are required",
                    i + 2
                )));
            }
            let entry = (unit.to_owned(), category.to_owned());
            self.vocabulary.insert(unit.to_lowercase(), entry.clone());
            let list = |k: usize| {
                row.get(k).unwrap_or("").split('|').map(|a| a.trim().to_lowercase()).filter(|a| !a.is_empty())
            };
            for synonym in list(2) {
                self.vocabulary.entry(synonym).or_insert_with(|| entry.clone());
            }
            for kind in list(3) {
                self.kinds.entry(kind).or_insert_with(|| entry.clone());
            }
        }
        for (_, noun, lexfile) in pairs("noun_classes.tsv", classes)? {
            let n = lexfile.parse().map_err(|_| {
                Error::Reference(format!(
                    "noun_classes.tsv: lexicographer file {lexfile:?} of {noun:?} is not a number"
                ))
            })?;
            self.classes.insert(noun, n);
        }
        self.irregular = pairs("noun_plurals.tsv", plurals)?.into_iter().map(|(_, p, s)| (p, s)).collect();
        // WordNet's rule of detachment "-men" to "-man" ("policemen",
        // "chairmen"), which its exception list leaves out; not where the
        // "-men" word is a noun of its own ("specimen").
        let men: Vec<(String, String)> = self
            .classes
            .keys()
            .filter_map(|n| n.strip_suffix("man").map(|stem| (format!("{stem}men"), n.clone())))
            .filter(|(p, _)| !self.classes.contains_key(p))
            .collect();
        for (plural, singular) in men {
            self.irregular.entry(plural).or_insert(singular);
        }
        let mut rdr = csv::Reader::from_reader(demonyms.as_bytes());
        for (i, row) in rdr.records().enumerate() {
            let row = row.map_err(|e| Error::Reference(format!("demonyms.csv line {}: {e}", i + 2)))?;
            if let Some(a) = row.get(1).map(|a| a.trim().to_lowercase()).filter(|a| !a.is_empty()) {
                self.demonyms.entry(a).or_insert_with(|| row.get(0).unwrap_or("").trim().to_owned());
            }
        }
        // A nationality's plural as the counted noun ("12 Kenyans", "some 40
        // Somalis"): people. Not the singular, an adjective before the noun
        // it qualifies ("one Jordanian unit"), nor "-ese" and "-sh" words,
        // adjectives as often as nouns, nor a plural that is a country's
        // name ("Philippines (20)" in a list of contributions).
        let mut plurals: Vec<String> = self
            .demonyms
            .keys()
            .filter(|a| a.ends_with("ese") || !a.ends_with(['s', 'h', 'x', 'z', 'e']))
            .map(|a| if a.ends_with("ese") { a.clone() } else { format!("{a}s") })
            .filter(|p| !COUNTRY_PLURALS.contains(&p.as_str()))
            .collect();
        plurals.sort();
        for p in plurals {
            let singular = p.strip_suffix('s').unwrap_or(&p).to_owned();
            self.plural.insert(p.clone());
            self.forms.entry(p).or_insert((singular, "people".to_owned()));
        }
        Ok(self)
    }

    /// Adds the national currencies (`iso3,code,noun`), which name an
    /// amount in dinars, pounds, francs ... by the adjective before the noun.
    pub fn with_currencies(mut self, csv_text: &str) -> Result<Self, Error> {
        let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
        for (i, row) in rdr.records().enumerate() {
            let row = row.map_err(|e| Error::Reference(format!("currencies.csv line {}: {e}", i + 2)))?;
            let field = |k: usize| row.get(k).unwrap_or("").trim();
            let (iso3, code, noun) = (field(0), field(1), field(2).to_lowercase());
            if iso3.len() != 3 || code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) || noun.is_empty() {
                return Err(Error::Reference(format!(
                    "currencies.csv line {}: expected iso3,code,noun with ISO codes",
                    i + 2
                )));
            }
            self.currencies.insert((iso3.to_owned(), noun), code.to_owned());
        }
        Ok(self)
    }

    /// Adds WordNet's map of nouns to the vocabulary's units
    /// (`noun<TAB>unit`, `noun_units.tsv`). A unit the vocabulary does not
    /// list fails with the file's line.
    pub fn with_anchors(mut self, tsv_text: &str) -> Result<Self, Error> {
        for (line, noun, unit) in pairs("noun_units.tsv", tsv_text)? {
            if !self.vocabulary.contains_key(&unit.to_lowercase()) {
                return Err(Error::Reference(format!(
                    "noun_units.tsv line {line}: {unit:?} is not a unit of unit_vocabulary.csv"
                )));
            }
            self.anchored.insert(noun, unit);
        }
        Ok(self)
    }

    /// The vocabulary's unit for a noun the lexicons place under it: a kind
    /// the vocabulary lists ("motorcycle" is a vehicle), unless WordNet puts
    /// it under a unit of another group ("observer", listed as a kind of
    /// military observer, is in WordNet a person watching, and stays
    /// itself), or a
    /// noun WordNet alone puts under a unit ("speedboat" is a vessel). A
    /// kind written in several words is confirmed by its head word
    /// ("international staff" are staff members).
    fn class_of(&self, noun: &str) -> Option<(String, String)> {
        let head = noun.rsplit([' ', '-']).next().unwrap_or(noun);
        let head = self.irregular.get(head).map_or(head, String::as_str);
        let by_head = (head != noun)
            .then(|| self.vocabulary.get(head).map(|v| &v.0).or_else(|| self.anchored.get(head)))
            .flatten();
        let unit = match self.kinds.get(noun) {
            Some(kind) => {
                // WordNet contradicts the kind only with a unit of another
                // group (a person watching, not personnel): within one group
                // ("city", an administrative division in WordNet, a
                // locality here) the vocabulary's finer choice stands.
                let other_group = |u: &String| self.vocabulary.get(&u.to_lowercase()).is_none_or(|v| v.1 != kind.1);
                let contradicted =
                    self.anchored.get(noun).is_some_and(|u| *u != kind.0 && !widest(u) && other_group(u))
                        && by_head != Some(&kind.0);
                (!contradicted).then_some(&kind.0)?
            }
            // "primary schools": WordNet files the compound under a whole
            // class (an institution, an organisation) where its head word
            // names a unit of the vocabulary (a school).
            None => match (self.anchored.get(noun)?, by_head) {
                (anchored, Some(head)) if widest(anchored) => head,
                (anchored, _) => anchored,
            },
        };
        self.vocabulary.get(&unit.to_lowercase()).cloned()
    }

    /// A nationality adjective as written, capitalised ("Ethiopian").
    fn is_demonym(&self, w: &str) -> bool {
        w.starts_with(char::is_uppercase) && self.demonyms.contains_key(&w.to_lowercase())
    }

    /// "123.2 billion Libyan dinars": the currency a national adjective and
    /// a currency noun name together.
    fn national_currency(&self, adjective: &str, noun: &str) -> Option<&String> {
        let iso3 = self.demonyms.get(&adjective.to_lowercase())?;
        let noun = singular(noun);
        self.currencies.get(&(iso3.clone(), noun))
    }

    /// The canonical unit and category of a counted noun given in the
    /// singular (`unit_surface`): the vocabulary's unit for the noun (or a
    /// synonym of it) or for the lexicon's unit of it; the unit WordNet and
    /// the vocabulary place it under ([`Self::class_of`]: "motorcycle" is a
    /// vehicle); the noun itself, in the vocabulary's category, for a kind
    /// WordNet does not confirm; people for a nationality; a measure,
    /// currency or percent as the lexicon has it; else the same for the
    /// phrase's head word, and last the head word itself, in the category
    /// of its WordNet class.
    pub fn canonical(&self, surface: &str, category: &str) -> (String, String) {
        let s = surface.to_lowercase();
        if let Some(v) = self.vocabulary.get(&s) {
            return v.clone();
        }
        if let Some(v) = self.class_of(&s) {
            return v;
        }
        if let Some((_, c)) = self.kinds.get(&s) {
            return (s, c.clone());
        }
        if let Some(v) = self.forms.get(&s).and_then(|(u, _)| self.vocabulary.get(&u.to_lowercase())) {
            return v.clone();
        }
        if matches!(category, "money" | "percent" | "duration" | "area") {
            return (surface.to_owned(), category.to_owned());
        }
        // "international staff member": the longest tail of the phrase
        // that is a unit or a kind of one ("staff member") before its last
        // word alone ("member").
        let mut tail = s.as_str();
        while let Some((_, rest)) = tail.split_once(' ') {
            tail = rest;
            if !tail.contains(' ') {
                break;
            }
            if let Some(v) = self.vocabulary.get(tail) {
                return v.clone();
            }
            if let Some(v) = self.class_of(tail) {
                return v;
            }
        }
        let head = s.rsplit([' ', '-']).next().unwrap_or(&s);
        if self.demonyms.contains_key(head) {
            return ("person".to_owned(), "people".to_owned());
        }
        if let Some(v) = self.vocabulary.get(head) {
            return v.clone();
        }
        let singular = self.irregular.get(head).map_or(head, String::as_str);
        if let Some(v) = self.class_of(singular) {
            return v;
        }
        if let Some((_, c)) = self.kinds.get(head) {
            return (head.to_owned(), c.clone());
        }
        if let Some(&c) = self.classes.get(singular) {
            let unit = class_unit(c).unwrap_or(singular);
            return (unit.to_owned(), class_category(c).to_owned());
        }
        // A word no lexicon knows as a noun ("pronged", "remain", scanning
        // noise) is no unit: the row keeps its number without one.
        self.misread(singular).unwrap_or_else(|| (String::new(), "other".to_owned()))
    }

    /// A noun that no lexicon knows and that is one letter away from
    /// exactly one unit of the vocabulary is that unit misread by the
    /// scanner ("obsarver", "seldier", "vnhicle"). Short words are left
    /// alone: one letter changes too many of them into another word.
    fn misread(&self, noun: &str) -> Option<(String, String)> {
        let letters: Vec<char> = noun.chars().collect();
        if letters.len() < 6 || !letters.iter().all(|c| c.is_alphabetic()) {
            return None;
        }
        let one_off = |known: &str| {
            known.chars().count() == letters.len() && known.chars().zip(&letters).filter(|(a, b)| a != *b).count() == 1
        };
        let mut found: Option<&(String, String)> = None;
        for (known, entry) in self.vocabulary.iter().chain(self.forms.iter()) {
            if !one_off(known) {
                continue;
            }
            let entry = self.vocabulary.get(&entry.0.to_lowercase()).unwrap_or(entry);
            match found {
                Some(f) if f != entry => return None,
                _ => found = Some(entry),
            }
        }
        found.cloned()
    }
}

static STOP: &[&str] = &[
    "of",
    "in",
    "at",
    "to",
    "for",
    "from",
    "by",
    "and",
    "or",
    "with",
    "on",
    "that",
    "which",
    "who",
    "the",
    "a",
    "an",
    "were",
    "was",
    "is",
    "are",
    "have",
    "has",
    "had",
    "will",
    "would",
    "be",
    "been",
    "as",
    "per",
    "each",
    "during",
    "since",
    "than",
    "into",
    "over",
    "under",
    "including",
    "its",
    "their",
    "his",
    "her",
    "this",
    "these",
    "those",
    "such",
    "not",
    "also",
    "but",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "out",
    "up",
    "more",
    "less",
    "among",
    "because",
    "after",
    "before",
    "until",
    "following",
    "despite",
    "through",
    "against",
    "without",
    "within",
    "about",
    "across",
    "between",
    "beyond",
    "towards",
    "toward",
    "upon",
    "if",
    "unless",
    "although",
    "whereas",
];

/// Words before a number that make it a label, not a quantity; a list of
/// labels counts too ("paragraphs 38 and 39", "resolutions 1, 2 or 3",
/// "la résolution 2417 et 2573" in a French passage).
static LABEL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?:(?:(?-u:\b)|\s)(?:r[eé]solutions?|r[eé]soluciones|paragraphs?|paras?|subparagraphs?|articles?|arts?|pages?|pp?|chapters?|annex(?:es)?|sections?|rules?|",
        r"nos?|numbers?|items?|protocol|phase|level|grade|box|tel|telephone|fax|ext|room|vol|volume|footnotes?|tables?|figures?|",
        r"group\s+of|regulations?|principles?|points?|recommendations?|decisions?|option|category|categories|class|step|round|",
        r"unscr|sector|zone|region|camp|route|highway|battalion|brigade|division|platoon|company|hill|block|case|",
        r"district|ward|flight|gates?|pillars?)\.?\s*(?:\(?\d+[a-z]?\)?\s*(?:,|and|or|to|through|et|y|-|–)?\s*)*",
        r"|[A-Za-z]-|[/#№]\s*|\+\s*",
        // No abbreviation's point after these: "is on track. Three
        // prosecutors" is no label.
        r"|(?:(?-u:\b)|\s)(?:tracks?|tiers?|stages?|waves?|batch(?:es)?|cycles?|pillars?)\s+)$"
    ))
    .unwrap()
});
static BROKEN_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*-\s*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)(?-u:\b)")
        .unwrap()
});
static MONTH_ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?-u:\b)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+$").unwrap()
});
/// "30 Mar 2025": a month's abbreviation right after a day.
static MONTH_ABBREVIATION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"^\s(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?:\s+\d{4}(?-u:\b)|\s*[,;)]|\s*$)",
        // A date in French or Spanish, often inside a name ("Bloc
        // républicain ... du 30 mars 2016", "Movimiento 26 de julio").
        r"|(?i:(?:de\s+)?(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|",
        r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre))(?-u:\b))"
    ))
    .unwrap()
});
/// "per 100,000 inhabitants", "per 1,000 live births": the base of a rate
/// ("every 90 days" is a duration).
/// The UN's job number of a document, "14-21502", "04-33192".
static JOB_NUMBER: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"^\d{2}-\d{5}$").unwrap());
/// A number's qualifier and where its hedge starts (the number's start
/// when it has none).
fn hedge(text: &str, sentence: Span, n: &NumberMention, prev: Option<&Indicator>) -> (Qualifier, usize) {
    let before_start = floor_boundary(text, n.span.start.saturating_sub(40)).max(sentence.start);
    let (own, hedge_at) = qualifier(&text[before_start..n.span.start]);
    // "50 or fewer kidnappings", "one or more decisions": a bound after
    // the number.
    if let Some(c) = OR_BOUND.captures(&text[n.span.end..]) {
        let bound = if c.name("most").is_some() { Qualifier::AtMost } else { Qualifier::AtLeast };
        return (bound, n.span.start);
    }
    // "the above 19 outstanding issues": the ones listed above.
    let listed_above = own == Qualifier::AtLeast
        && text[before_start + hedge_at..n.span.start].trim_end().eq_ignore_ascii_case("above")
        && matches!(word_before(text, before_start + hedge_at).as_str(), "the" | "these" | "those" | "of");
    let not_hedge = listed_above
        || (own == Qualifier::AtLeast && over_not_hedge(text, before_start + hedge_at, n))
        || (own == Qualifier::AtMost && under_not_hedge(text, before_start + hedge_at, n));
    let own = if not_hedge { Qualifier::Exact } else { own };
    // "approximately 23, 25, 13 and 25 per cent": the hedge before a list
    // of bare numbers sharing the last one's unit applies to each.
    if own == Qualifier::Exact {
        let wide = floor_boundary(text, n.span.start.saturating_sub(100)).max(sentence.start);
        if let Some(list) = NUMBER_LIST_BEFORE.find(&text[wide..n.span.start]) {
            // HEDGE ends where the text it reads ends: right before the list.
            let (listed, _) = qualifier(&text[wide..wide + list.start()]);
            if listed != Qualifier::Exact {
                return (listed, n.span.start);
            }
        }
    }
    // A particle's "over" ("handed over two sets") is no part of the
    // quantity's surface either.
    let start = if not_hedge { n.span.start } else { before_start + hedge_at };
    (coordinated(text, n, prev, own), start)
}

/// "over" that is no "more than": across a span of time or of stages
/// ("certified 896 books over four certification sessions", "55,000
/// families over five years", "4,500 soldiers over three phases"), or the
/// particle of the verb before it ("handed over 21 bodily remains",
/// "turned over 40 weapons"). Across: not after a word that makes it a
/// comparison ("for over 18 months", "just over two weeks", "after over
/// eight months"), nor before one that measures a distance in time ("over
/// five months behind schedule"). A particle: not where the verb takes
/// hostages ("taking over 300 personnel as hostages" takes more than 300).
fn over_not_hedge(text: &str, hedge_at: usize, n: &NumberMention) -> bool {
    if !text[hedge_at..n.span.start].trim_end().eq_ignore_ascii_case("over") {
        return false;
    }
    let word_before = word_before(text, hedge_at);
    let after = &text[n.span.end..];
    let across = n.value <= 100.0
        && !COMPARING_OVER.contains(&word_before.as_str())
        && !word_before.ends_with(|c: char| c.is_ascii_digit())
        && SPAN_AFTER_OVER.captures(after).is_some_and(|c| c.name("distance").is_none());
    let particle = OVER_PARTICLE_VERBS.contains(&word_before.as_str())
        && !text[n.span.end..ceil_boundary(text, (n.span.end + 60).min(text.len()))].contains("hostage");
    across || particle
}

/// "under" that is a place in a text or a framework, not "fewer than":
/// after a verb of listing ("listed under four headings", "grouped under
/// three pillars"), or before a framework something is done within
/// ("carried out under three livelihood projects", "under two agreements").
fn under_not_hedge(text: &str, hedge_at: usize, n: &NumberMention) -> bool {
    if !text[hedge_at..n.span.start].trim_end().eq_ignore_ascii_case("under") {
        return false;
    }
    let framework = text[n.span.end..ceil_boundary(text, (n.span.end + 48).min(text.len()))]
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| FRAMEWORK_NOUNS.contains(&singular(w).as_str()));
    framework || LISTING_VERBS.contains(&word_before(text, hedge_at).as_str())
}

/// What something is done under, not a quantity it stays below.
const FRAMEWORK_NOUNS: &[&str] = &[
    "project",
    "programme",
    "program",
    "agreement",
    "arrangement",
    "resolution",
    "heading",
    "pillar",
    "category",
    "section",
    "article",
    "chapter",
    "component",
    "initiative",
    "framework",
    "plan",
    "mandate",
    "fund",
    "contract",
    "scheme",
    "track",
    "cluster",
];

/// The word before `at`, in lower case.
fn word_before(text: &str, at: usize) -> String {
    text[..at].trim_end().rsplit(char::is_whitespace).next().unwrap_or("").to_ascii_lowercase()
}

const LISTING_VERBS: &[&str] = &[
    "listed",
    "grouped",
    "classified",
    "organized",
    "organised",
    "arranged",
    "divided",
    "categorized",
    "categorised",
    "filed",
    "structured",
    "presented",
    "clustered",
    "summarized",
    "summarised",
];

/// Bare numbers listed before the last one, right before it: "23, 25, 13
/// and ", "4 or ".
static NUMBER_LIST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?:(?-u:\b)\d[\d.]*(?:,\d{3})*\s*,\s*)*(?-u:\b)\d[\d.]*(?:,\d{3})*\s*,?\s+(?:and|or)\s+$",
    )
    .unwrap()
});

/// A bound written after the number: "or fewer", "or less", "or more".
static OR_BOUND: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^\s+or\s+(?:(?P<most>fewer|less)|more)(?-u:\b)").unwrap());

/// Verbs that take "over" as their particle.
const OVER_PARTICLE_VERBS: &[&str] = &[
    "hand", "hands", "handed", "handing", "take", "takes", "took", "taken", "taking", "turn", "turns", "turned",
    "turning",
];

/// Words after which "over N" compares ("for over", "just over").
const COMPARING_OVER: &[&str] = &[
    "just", "well", "for", "of", "after", "lasted", "lasting", "than", "took", "taking", "about", "remained", "spent",
    "within", "in", "to", "by", "some", "since", "from", "at", "was", "were", "is", "are", "be", "been",
];

/// A span of time or of stages right after the number (one word may
/// stand between), not a distance in time.
static SPAN_AFTER_OVER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"^\s+(?:[a-z-]+\s+)?(?:years?|months?|weeks?|days?|nights?|decades?|phases?|stages?|sessions?)(?-u:\b)",
        r"(?P<distance>\s+(?:behind|ago|after|before|later|earlier|late|old|long)(?-u:\b))?"
    ))
    .unwrap()
});

/// The qualifier of a number with no hedge of its own that is coordinated
/// with the hedged one before it: "at least 13 children and 6 women" (a
/// hedge before coordinated numbers applies to each, GUIDELINES §4); not in
/// a list of separately hedged items ("up to 10 advisers, nearly 5 per
/// cent, 1.5 million refugees"): the hedged number opens the coordination,
/// or carries its hedge from the one that does.
fn coordinated(text: &str, n: &NumberMention, prev: Option<&Indicator>, own: Qualifier) -> Qualifier {
    match prev {
        Some(p)
            if own == Qualifier::Exact
                && p.qualifier != Qualifier::Exact
                // Of one kind: "fewer than 300 people, 9 per cent" are
                // two items of a list, not one hedge's coordination.
                && (p.unit == "percent") == n.percent
                && p.span.end <= n.span.start
                && (parallel(text, p.span.end, n.span)
                    || COORDINATED.is_match(&text[p.span.end..n.span.start])
                        && !text[p.span.end..n.span.start].split_whitespace().any(|w| PREPOSITIONS.contains(&w)))
                && (p.span.slice(text).starts_with(|c: char| c.is_ascii_digit())
                    || !text[..p.span.start].trim_end_matches(' ').ends_with(',')) =>
        {
            p.qualifier
        }
        _ => own,
    }
}

/// Two quantities of a parallel list, each with the same adjunct after it
/// and the second's noun elided: "approximately 59 staff in October, 81 in
/// November and 132 in December" (one hedge for the three).
fn parallel(text: &str, prev_end: usize, n: Span) -> bool {
    let Some(c) = PARALLEL_ADJUNCT.captures(&text[prev_end..n.start]) else { return false };
    let after = text[n.end..].trim_start_matches(' ');
    after.strip_prefix(&c["prep"]).is_some_and(|rest| rest.starts_with(' '))
}

/// Between two quantities of a parallel list: at most two words of the
/// first one's noun, its adjunct (a preposition and at most two words or
/// a year), then a comma or "and".
static PARALLEL_ADJUNCT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^\s*(?:[a-z][a-z-]*\s+){0,2}?(?P<prep>in|on|at|by|during)\s+(?:(?:the\s+)?[A-Za-z][a-z]*\s*){1,2}(?:\d{4}\s*)?(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)$",
    )
    .unwrap()
});

/// Words that open a phrase of their own between two numbers ("1,000
/// radios for communications and 161 vehicles"): not one coordination.
const PREPOSITIONS: &[&str] = &["for", "of", "in", "on", "at", "to", "by", "with", "from", "per", "into"];

/// Between two coordinated quantities: "and", "or", a comma, after at
/// most two words of the first one's phrase ("over 250 international and
/// 45 local organizations").
static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^\s*(?:[a-z][a-z-]*\s+){0,2}?(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)$").unwrap()
});
/// A legend's item before a number: "18% Abduction ".
static LEGEND_ITEM_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"\d%\s+[A-Z][\p{L} -]{0,25}$").unwrap());
/// A word of running text: a line that holds one is prose, not a legend.
static PROSE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?-u:\b)(?:by|of|to|at|in|was|is|were|are|from|reached|about|than|stood|rose|fell)(?-u:\b)",
    )
    .unwrap()
});
/// Optional by GUIDELINES §4's conventions, so no row: an age ("a
/// 19-year-old woman", "aged 16 years old", "under 5 years of age"), a proportion in words ("two
/// thirds of", "three quarters", "one in five"); and no count at all: a
/// number in an adjective ("a one-time payment", "a two-way exchange", "a
/// one-sided", "a three-pronged approach", "one-to-one").
static NOT_A_COUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^(?:[\s-]*(?:years?|months?)[\s-]+old(?-u:\b)|[\s-]*(?:years?|months?)\s+of\s+age(?-u:\b)",
        r"|[\s-]+(?:thirds?|quarters?|fifths?|halves)(?:\s+of)?(?-u:\b)",
        r"|\s?-(?:time|off|way|sided|stop|fold|pronged|tier(?:ed)?|dimensional|to-one|on-one|point|digit)(?-u:\b)",
        // "the zero-tolerance policy": a stance, not a count.
        r"|[\s-]+tolerance(?-u:\b)",
        // A schedule, not a quantity: "a twenty-four-hours-a-day,
        // seven-days-a-week schedule".
        r"|-(?:[a-z]+-)?[a-z]+-(?:a|per)-(?:day|week|month|year)(?-u:\b)",
        // "One notable incident": "one" as an article before a word that
        // singles out an example.
        // "three times the regional average": a multiplier, not a count.
        r"|\s+times\s+(?:the|as|higher|more|greater|larger|bigger|lower|less|smaller|fewer|what|that|its|their|over|above|below)(?-u:\b)",
        r"|\s+(?:notable|noteworthy|particular|striking|telling|illustrative|typical|prominent|positive|encouraging|worrying|disturbing|tragic)\s+(?:example|case|instance|incident|development|event|step|initiative|achievement|illustration)(?-u:\b))"
    ))
    .unwrap()
});
/// Time units after "in N": a period, not a proportion ("in three years").
const RELATIVE_UNITS: &[&str] =
    &["years", "months", "weeks", "days", "hours", "decades", "year", "month", "week", "day"];
/// "one in five", "1 in every 10": a proportion in words (with a small
/// number before it, not "39.3 per cent in three years").
static ONE_IN: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^\s+in\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?:[a-z]+)(?-u:\b)",
    )
    .unwrap()
});
/// "three years ago", "two months ago": a relative date.
static RELATIVE_AGO: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^[\s-]*(?:years?|months?|weeks?|days?|hours?|decades?)\s+ago(?-u:\b)").unwrap()
});
/// "7.62 mm rifles", "12.7-mm machine guns", "23mm ammunition": a calibre.
static CALIBRE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^[\s-]?mm(?-u:\b)[\s-]*(?:[a-z-]+\s+){0,2}",
        r"(?:ammunition|calib(?:re|er)|rifles?|guns?|machine|mortars?|rounds?|shells?|cannons?|howitzers?|",
        r"anti-aircraft|grenades?|rockets?|artillery|cartridges?|weapons?|pistols?)(?-u:\b)"
    ))
    .unwrap()
});
static PER_BEFORE: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"(?i)(?-u:\b)per\s+$").unwrap());
/// A capitalised word right before a number, not at the start of its sentence.
static NAME_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"[\p{Ll},’'\)]\s+([A-Z][\p{L}-]+)\s$").unwrap());
/// What follows a number inside a name: a capitalised word, the end of
/// the clause, or the noun a named case takes ("the Bllaca 2 case", "the
/// Drenica Group 2 trials").
static NAME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^(?:\s+[A-Z]|\s*[,;:)]|\s*\.(?:\s|$)|\s*$|\s+(?:cases?|trials?|verdicts?|indictments?|judge?ments?|proceedings)(?-u:\b))",
    )
    .unwrap()
});
/// "2 000 000 Canadian dollars", "41.3 billion Libyan dinars": money, not a name.
static CURRENCY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*(?:(?:thousand|million|billion)\s+)?[A-Z][\p{L}-]+\s+(?:dollars?|marks?|francs?|dinars?|pounds?|euros?|shillings?|pesos?|rupees?|kuna|lei|lev|rubles?|roubles?|yen|yuan|gourdes?|birr|naira|cedis?|rand)(?-u:\b)").unwrap()
});
/// Capitalised words that are not names.
const NAME_FUNCTION_WORDS: &[&str] =
    &["All", "With", "On", "Over", "About", "Some", "In", "Of", "The", "By", "Nearly", "Almost"];

/// Categories whose units are measures, kept whole ("square mile").
const MEASURES: &[&str] = &["money", "percent", "duration", "area", "length", "mass", "volume"];

/// "troops ... was at approximately 5,500", "the total reached 1,200": a
/// number that closes its clause after a verb or preposition.
static CLOSES_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:at|was|were|is|are|stood\s+at|totalled|totaled|reached|numbered|amounted\s+to|rose\s+to|fell\s+to|increased\s+to|decreased\s+to)\s+(?:(?:some|about|approximately|around|roughly|over|more\s+than|at\s+least|nearly|almost|up\s+to|fewer\s+than|less\s+than)\s+)?$").unwrap()
});

/// An abstract noun that opens a list: "three factors:", "two main
/// points: (a)".
static LIST_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s+(?:[\w-]+\s+){0,2}?(?:factors|points|questions|options|considerations|reasons)\s*(?::|,?\s+namely(?-u:\b))").unwrap()
});
/// "on 24 and 31 October": the first day of a date range.
static DAY_OF_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^\s*(?:and|to|-|–)\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)").unwrap()
});
/// A dot leader: the line of a table of contents or of a table ("15
/// Mission Staffing ........ ", "Four-wheel drive vehicles . . . . ."),
/// whose numbers are page numbers and labels, not quantities.
static DOT_LEADER: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"(?:\.[ \t]?){5}|…{2}").unwrap());
/// Words after a number that make it a time or a label.
static LABEL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^(?:\s*hours?(?-u:\b)|\s*hrs(?-u:\b)|\s*[ap]\.m\.|:\d|\s*\)|\.\d|/\d|-\d{2,}|\s*GMT|\s*UTC|\s*noon(?-u:\b)|\s*midnight(?-u:\b)|\s*o['’]clock(?-u:\b)|\s+(?:local|Zulu)\s+time(?-u:\b)|\s+https?:|\s+www\.|[\s-]tolerance(?-u:\b))",
    )
    .unwrap()
});
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:",
        // A negated "more than" or "exceed" is a ceiling ("should not
        // accommodate more than 1,088 inmates", "not to exceed"), tried
        // first because it starts earlier.
        // "will not be required for longer than two years" too.
        r"(?P<negated_most>(?:not|never)\s+(?:[a-z]+\s+){0,3}?(?:(?:more|longer|greater|higher|larger|older)\s+than|over|in\s+excess\s+of|exceed(?:ing)?))",
        r"|(?P<negated_least>(?:not|never)\s+(?:[a-z]+\s+){0,3}?(?:less|fewer|shorter|lower|smaller)\s+than)",
        // "It is estimated that 350", "estimated at 2,000", "is estimated
        // to be $511.9 million".
        r"|(?P<approx>some|about|approximately|approx\.|around|roughly|(?:an\s+)?estimated(?:\s+(?:total|loss|losses|cost|value|number|amount|sum)\s+of|\s+(?:that|at|to\s+(?:be|total|reach|number)))?|closer?\s+to|circa)",
        r"|(?P<least>over|more\s+than|at\s+least|in\s+excess\s+of|upwards\s+of|above|exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+(?:(?:period|term|duration|total|number)\s+)?of|(?:longer|greater|higher|larger|older)\s+than)",
        r"|(?P<most>no\s+(?:later|longer|greater|higher|larger|older)\s+than|(?:shorter|lower|smaller|younger)\s+than|up\s+to|fewer\s+than|less\s+than|under|nearly|almost|no\s+more\s+than|below|within|a\s+maximum\s+(?:(?:period|term|duration|total|number)\s+)?of|as\s+(?:many|much)\s+as)",
        r")\s+$"
    ))
    .unwrap()
});

fn qualifier(before: &str) -> (Qualifier, usize) {
    match HEDGE.captures(before) {
        Some(c) => {
            let q = if c.name("negated_most").is_some() {
                Qualifier::AtMost
            } else if c.name("approx").is_some() {
                Qualifier::Approx
            } else if c.name("least").is_some() || c.name("negated_least").is_some() {
                Qualifier::AtLeast
            } else {
                Qualifier::AtMost
            };
            (q, c.get(0).unwrap().start())
        }
        None => (Qualifier::Exact, before.len()),
    }
}

/// Words that come before a number in a noun phrase ("the remaining five
/// judges", "the first two rounds").
const BEFORE_NUMBERS: &[&str] =
    &["remaining", "other", "first", "last", "next", "additional", "further", "following", "previous", "past"];

/// "observation post 71 observed two aircraft": a number written in words
/// after a word of the phrase starts a quantity of its own (first, it is a
/// partitive's whole: "three of the four roads", as after a possessive or a
/// word that comes before numbers: "the Police's nine divisions", "the
/// remaining five judges").
fn starts_another(text: &str, out: &[Tok], start: usize, lower: &str) -> bool {
    !out.is_empty()
        && number_words::parse_words(&[lower]).is_some()
        && !["’s", "'s"].iter().any(|p| text[..start].trim_end().ends_with(p))
        && !out.last().is_some_and(|t| BEFORE_NUMBERS.contains(&t.word.to_lowercase().as_str()))
}

/// A word of a counted phrase without its possessive ending ("33
/// children’s centres") and a measure without the dimension it gives ("a
/// 25-km-wide zone", "a 3-metre-high wall").
fn bare_word<'a>(units: &Units, word: &'a str) -> &'a str {
    let word = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word);
    ["-wide", "-long", "-deep", "-high", "-thick", "-tall"]
        .iter()
        .find_map(|d| word.strip_suffix(d))
        .filter(|m| MEASURES.contains(&units.canonical(m.trim_start_matches('-'), "other").1.as_str()))
        .unwrap_or(word)
}

/// Countries whose names (lower case) are a nationality's plural.
const COUNTRY_PLURALS: &[&str] = &["philippines"];

/// A word token of the text after a number.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    word: &'a str,
    span: Span,
}

/// The words after `pos` up to a stop word or punctuation (a parenthesised
/// acronym is skipped): the noun phrase the number counts.
fn phrase_after<'a>(text: &'a str, units: &Units, pos: usize) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    // "a 24-hour security presence and robust patrols": a number's
    // compound adjective shares no noun with what follows.
    let compound = text[..pos].ends_with('-');
    let mut i = pos;
    let bytes = text.as_bytes();
    while out.len() < 7 && i < bytes.len() {
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        // "($24.97 billion)": a parenthesised amount is a quantity of its own.
        if bytes[i] == b'(' && text[i + 1..].starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£'))
        {
            break;
        }
        if bytes[i] == b'(' {
            // "(NATO)": skip a short parenthesis inside the phrase.
            match text.as_bytes()[i..].iter().take(13).position(|&b| b == b')') {
                Some(close) => {
                    i += close + 1;
                    continue;
                }
                _ => break,
            }
        }
        let start = i;
        i = word_end(text, start);
        if i == start {
            // "about 700 civilian, military and United Nations police
            // personnel": a list of modifiers before the noun they share.
            if bytes[i] == b','
                && !compound
                && let Some(head) = shared_head(text, units, &out, i + 1, false)
            {
                out = vec![head];
                break;
            }
            // "263 Eritrean, Ethiopian and Somali nationals": nationality
            // adjectives listed before the noun they share.
            if bytes[i] == b','
                && out.last().is_some_and(|t: &Tok| units.is_demonym(t.word))
                && text[i + 1..].split_whitespace().next().is_some_and(|w| units.is_demonym(w.trim_end_matches(',')))
            {
                i += 1;
                continue;
            }
            break;
        }
        let word = text[start..i].trim_end_matches(['-', '’', '\'']);
        // "531,366 m 2 of land": a superscript power that the text layer
        // set apart from its unit still belongs to it.
        if let Some(power) = detached_power(text, word, i) {
            out.push(Tok { word: power, span: Span::new(start, i + 2) });
            i += 2;
            continue;
        }
        let word = bare_word(units, word);
        let lower = word.to_lowercase();
        if starts_another(text, &out, start, &lower) {
            break;
        }
        if lower == "of" && name_of_before_noun(text, units, &out, i) {
            continue;
        }
        if word.is_empty() || STOP.contains(&lower.as_str()) {
            // "three more incidents": a comparative before the noun (not
            // "30 or more", not "more than") is no end of the phrase.
            if out.is_empty()
                && matches!(lower.as_str(), "more" | "fewer")
                && !text[i..].trim_start().starts_with("than")
            {
                continue;
            }
            // "30,173 local and international observers", "652
            // awareness-raising and civic education activities": modifiers
            // joined by a conjunction before the noun they share.
            let conjunction = matches!(lower.as_str(), "and" | "or");
            // "95,500 Lebanese and Syrian nationals": nationalities joined.
            if conjunction
                && !out.is_empty()
                && out.iter().all(|t: &Tok| units.is_demonym(t.word))
                && text[i..].split_whitespace().next().is_some_and(|w| units.is_demonym(w))
            {
                continue;
            }
            // "40 Congolese National Police and FARDC officers", "five new
            // building construction and restoration cases": modifiers and
            // names joined before the plural noun they share.
            if conjunction
                && !compound
                && let Some(head) = shared_head(text, units, &out, i, true)
            {
                out = vec![head];
                break;
            }
            if conjunction
                && !out.is_empty()
                && out.len() < 3
                && out
                    .iter()
                    .all(|t: &Tok| t.word.starts_with(|c: char| c.is_lowercase()) && !plural_form(units, t.word))
                && !text[i..].trim_start().starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
                && text[i..].split_whitespace().next().is_none_or(|w| {
                    // "458 at-risk youth and women": a plural noun right
                    // after the conjunction is a noun phrase of its own, so
                    // the words before it are one too (their head a noun
                    // whose plural is itself), not its modifiers.
                    number_words::parse_words(&[w]).is_none()
                        && !plural_form(units, w.trim_end_matches([',', '.', ';', ':']))
                })
            {
                continue;
            }
            break;
        }
        out.push(Tok { word, span: Span::new(start, start + word.len()) });
    }
    out
}

/// "300 Directorate of Prison Administration officers", "80 former
/// Serbian Ministry of Interior police officers": a name with "of" in it
/// before the plural noun it modifies. After a capitalised word and its
/// "of" (at `at`): one to four capitalised words, then up to two words in
/// lower case and a plural noun.
fn name_of_before_noun(text: &str, units: &Units, out: &[Tok], at: usize) -> bool {
    if !out.last().is_some_and(|t| t.word.starts_with(char::is_uppercase)) {
        return false;
    }
    let name_word = |w: &&&str| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-');
    let words: Vec<&str> = text[at..].split_whitespace().take(8).collect();
    let caps = words.iter().take_while(name_word).count();
    if !(1..=4).contains(&caps) {
        return false;
    }
    // Then the lower-case words up to the plural noun, at most three.
    for w in words[caps..].iter().take(3) {
        let w = w.trim_end_matches([',', '.', ';', ':', ')']);
        if !w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        if plural_form(units, w) || units.plural.contains(w) {
            return true;
        }
        if !w.chars().all(char::is_alphabetic) {
            return false;
        }
    }
    false
}

/// The unit with its power when a lone "2" or "3" follows a length unit
/// ("m 2", "km 3", then no digit or letter): square and cubic measures whose
/// superscript the text layer set apart.
fn detached_power(text: &str, word: &str, end: usize) -> Option<&'static str> {
    let rest = text[end..].strip_prefix(' ')?;
    let power = rest.chars().next().filter(|c| matches!(c, '2' | '3'))?;
    if rest[1..]
        .starts_with(|c: char| c.is_alphanumeric() || c == ',' && rest[2..].starts_with(|d: char| d.is_ascii_digit()))
    {
        return None;
    }
    match (word, power) {
        ("m", '2') => Some("m2"),
        ("m", '3') => Some("m3"),
        ("km", '2') => Some("km2"),
        ("km", '3') => Some("km3"),
        _ => None,
    }
}

/// Whether the words of a phrase so far are only modifiers: one to four,
/// none of them a noun of the lexicon's plurals or mass nouns in lower
/// case or a word that looks plural ("civilian", "Congolese National
/// Police"; not "personnel", "Kuwaitis", "United Nations").
fn modifiers_only(units: &Units, toks: &[Tok]) -> bool {
    (1..=4).contains(&toks.len())
        && !toks.iter().any(|t| {
            let lower = t.word.to_lowercase();
            (t.word.starts_with(|c: char| c.is_lowercase())
                && (units.plural.contains(&lower) || plural_form(units, t.word)))
                || (lower.ends_with('s') && !lower.ends_with("ss"))
        })
}

/// Where the word that starts at `start` ends: letters, hyphens and
/// apostrophes, and a unit's power ("km²", "km2").
fn word_end(text: &str, start: usize) -> usize {
    let mut i = start;
    for c in text[start..].chars() {
        let power = matches!(c, '²' | '³')
            || (matches!(c, '2' | '3')
                && matches!(&text[start..i], "km" | "m" | "sq km")
                && !text[i + 1..].starts_with(|d: char| d.is_ascii_alphanumeric()));
        if c.is_alphabetic() || c == '-' || c == '’' || c == '\'' || (power && i > start) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// The noun that modifiers read so far (`toks`) share with those that
/// follow from `at`, as the phrase's one word: [`shared_head_ahead`].
fn shared_head<'a>(text: &'a str, units: &Units, toks: &[Tok], at: usize, after_conjunction: bool) -> Option<Tok<'a>> {
    if !modifiers_only(units, toks) {
        return None;
    }
    let (from, to) = shared_head_ahead(units, &text[at..], after_conjunction)?;
    Some(Tok { word: &text[at + from..at + to], span: Span::new(at + from, at + to) })
}

/// Words that open a noun phrase of their own after "and".
const QUANTIFIERS: &[&str] =
    &["several", "many", "some", "other", "others", "more", "all", "numerous", "various", "few"];

/// The plural noun a coordination of modifiers shares, as its offsets in
/// `rest`: the first plural of the lexicon after the one "and" or "or"
/// (which opens `rest` when `after_conjunction`) that no other plural
/// follows, within seven words, with nothing on the way but modifiers,
/// names and commas ("military and United Nations police personnel" is
/// personnel; not "the Government", "in 2024", "two EULEX judges").
fn shared_head_ahead(units: &Units, rest: &str, after_conjunction: bool) -> Option<(usize, usize)> {
    let mut conjunctions = usize::from(after_conjunction);
    // Words read since the conjunction: one at least stands before the
    // head ("military and police personnel"; not "one year, and
    // individuals", "one death and injuries").
    let mut since = 0;
    let words: Vec<(usize, &str)> =
        rest.split_whitespace().take(8).map(|w| (w.as_ptr() as usize - rest.as_ptr() as usize, w)).collect();
    for (k, &(at, w)) in words.iter().enumerate().take(7) {
        let word = w.trim_end_matches(',');
        let lower = word.to_lowercase();
        if matches!(lower.as_str(), "and" | "or") {
            conjunctions += 1;
            if conjunctions > 1 {
                return None;
            }
            continue;
        }
        if conjunctions == 1 {
            since += 1;
        }
        if word.is_empty()
            || QUANTIFIERS.contains(&lower.as_str())
            || !word.chars().all(|c| c.is_alphabetic() || c == '-')
            || STOP.contains(&lower.as_str())
            || (verb_like(word) && word.starts_with(|c: char| c.is_lowercase()))
            || number_words::parse_words(&[word]).is_some()
        {
            return None;
        }
        let plural = |w: &str| units.plural.contains(&w.to_lowercase());
        let next_plural = w.len() == word.len()
            && words.get(k + 1).is_some_and(|&(_, n)| plural(n.trim_end_matches(|c: char| !c.is_alphabetic())));
        if conjunctions == 1 && since > 1 && plural(word) && !next_plural {
            return Some((at, at + word.len()));
        }
        if w.len() != word.len() && conjunctions > 0 {
            return None;
        }
    }
    None
}

fn singular(w: &str) -> String {
    let l = w.to_lowercase();
    if let Some(s) = l.strip_suffix("ies") {
        format!("{s}y")
    } else if l.ends_with("sses") || l.ends_with("ches") || l.ends_with("shes") || l.ends_with("xes") {
        l[..l.len() - 2].to_owned()
    } else if let Some(s) = l.strip_suffix('s').filter(|_| s_plural(&l)) {
        // Not "crisis", "census", "religious": no plurals.
        s.to_owned()
    } else {
        l
    }
}

impl Units {
    /// The singular of a counted word by [`singular`]'s rules, unless
    /// WordNet knows it otherwise: an irregular plural ("lives" is life),
    /// or one "s" less where the rules take off two ("caches" is a cache,
    /// not "cach").
    fn singular_of(&self, w: &str) -> String {
        let l = w.to_lowercase();
        if let Some(s) = self.irregular.get(&l) {
            return s.clone();
        }
        let s = singular(&l);
        match l.strip_suffix('s') {
            Some(t) if !self.classes.contains_key(&s) && self.classes.contains_key(t) => t.to_owned(),
            // "headquarters", "barracks": a noun in -s whose cut form is none.
            _ if !self.classes.contains_key(&s) && self.classes.contains_key(&l) => l,
            _ => s,
        }
    }
}

/// The unit of the phrase: the first lexicon noun in the plural (or, for
/// one, in the singular), multi-word forms first ("nine formed police unit
/// members sustained injuries" counts members); else the last lexicon noun;
/// else the last word if it looks like a plural.
fn head(units: &Units, toks: &[Tok], one: bool) -> Option<(String, String, Span)> {
    // Capitalised words are names ("North Atlantic Treaty Organization
    // allies"): the head is among the words in lower case when there are any.
    let lower: Vec<Tok> = toks.iter().copied().filter(|t| t.word.starts_with(|c: char| c.is_lowercase())).collect();
    if !lower.is_empty()
        && lower.len() < toks.len()
        && let Some(h) = head_of(units, &lower, one)
    {
        return Some(h);
    }
    head_of(units, toks, one)
}

fn longest_at(units: &Units, toks: &[Tok], i: usize) -> Option<(usize, String)> {
    (1..=units.max_words.min(toks.len() - i)).rev().find_map(|n| {
        let form: Vec<&str> = toks[i..i + n].iter().map(|t| t.word).collect();
        let form = form.join(" ").to_lowercase();
        units.forms.contains_key(&form).then_some((n, form))
    })
}

fn head_of(units: &Units, toks: &[Tok], one: bool) -> Option<(String, String, Span)> {
    if !one && let Some(h) = compound_head(units, toks) {
        return Some(h);
    }
    let mut last = None;
    let mut i = 0;
    while i < toks.len() {
        match longest_at(units, toks, i) {
            Some((n, form)) => {
                let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);
                let (unit, cat) = units.forms[&form].clone();
                if one || units.plural.contains(&form) {
                    return Some((unit, cat, span));
                }
                last = Some((unit, cat, span));
                i += n;
            }
            None => i += 1,
        }
    }
    if last.is_some() {
        return last;
    }
    let last = toks.last()?;
    let lower = last.word.chars().all(|c| c.is_lowercase() || c == '-');
    (lower && last.word.ends_with('s') && last.word.len() > 3)
        .then(|| (units.singular_of(last.word), "other".to_owned(), last.span))
}

/// Whether a word of the phrase reads as a plural noun: a plural of the
/// lexicon, or a lower-case word with a plural ending.
fn plural_like(units: &Units, w: &str) -> bool {
    let l = w.to_lowercase();
    if units.plural.contains(&l) || units.irregular.contains_key(&l) {
        return true;
    }
    w.starts_with(|c: char| c.is_lowercase()) && plural_ending(&l)
}

/// A lower-cased word with a plural's ending ("observers", not "process",
/// "various", "status").
fn plural_ending(l: &str) -> bool {
    l.len() > 3 && s_plural(l)
}

/// A final "s" that can mark a plural: not the end of "-ss", "-us" or
/// "-is" ("process", "various", "crisis").
fn s_plural(l: &str) -> bool {
    l.ends_with('s') && !["ss", "us", "is"].iter().any(|e| l.ends_with(e))
}

/// A word in a plural form ("observers", "women"), not a mass noun
/// ("training", "infantry") or a modifier: a phrase that has one is a noun
/// phrase of its own before "and" ("women and children").
fn plural_form(units: &Units, w: &str) -> bool {
    let l = w.to_lowercase();
    (units.plural.contains(&l) && !units.mass.contains(&l)) || units.irregular.contains_key(&l) || plural_ending(&l)
}

/// A word that ends a noun phrase after its head: a verb form or an adverb
/// ("members sustained", "facilities damaged", "troops currently").
fn verb_like(w: &str) -> bool {
    let l = w.to_lowercase();
    (l.len() > 4 && (l.ends_with("ed") || l.ends_with("ly"))) || (l.len() > 5 && l.ends_with("ing"))
}

/// Verbs in the third person that are plural nouns too ("remains",
/// "stands"): after a plural head, the verb of the clause.
const VERB_AFTER_HEAD: &[&str] = &[
    "remains",
    "seems",
    "appears",
    "stands",
    "exists",
    "continues",
    "represents",
    "constitutes",
    "includes",
    "requires",
    "involves",
    "poses",
    "amounts",
    "becomes",
    "lies",
    "belongs",
    "depends",
    "contains",
    "comprises",
    "reflects",
    "indicates",
    "means",
    "suggests",
    "warrants",
];

/// The head of a compound noun phrase: the last plural noun of the run of
/// nouns after the number ("27 chemical weapons production facilities"
/// counts facilities, "60,000 communication devices" devices, "nine formed
/// police unit members sustained injuries" members). Multi-word lexicon
/// forms count as one word ("two buffer zones").
fn compound_head(units: &Units, toks: &[Tok]) -> Option<(String, String, Span)> {
    let mut best: Option<(usize, usize)> = None; // (start, words) of the head so far
    let mut i = 0;
    while i < toks.len() {
        let (n, form) = longest_at(units, toks, i).unwrap_or((1, toks[i].word.to_lowercase()));
        let plural = if n > 1 { units.plural.contains(&form) } else { plural_like(units, toks[i].word) };
        // "the 19 outstanding issues remains a concern": after a plural
        // head, a verb's third person that is also a plural noun is the
        // verb ("remains", "stands"), not a second head.
        if plural && best.is_some() && n == 1 && VERB_AFTER_HEAD.contains(&form.as_str()) {
            break;
        }
        // "11 persons accused of", "28 defendants accused", "5 civilians
        // wounded": after a plural head, a participle that is also a noun
        // ("the accused", "the wounded") follows the head, it is not one.
        if plural && best.is_some() && n == 1 && form.len() > 4 && form.ends_with("ed") {
            break;
        }
        if plural {
            best = Some((i, n));
            i += n;
            continue;
        }
        if best.is_some() {
            // After a head, only a noun modifier leading to a later plural
            // continues the phrase ("weapons production facilities").
            let later_plural =
                (i + 1..(i + 3).min(toks.len())).any(|j| plural_like(units, toks[j].word)) && !verb_like(toks[i].word);
            if !later_plural {
                break;
            }
        }
        i += n;
    }
    let (start, n) = best?;
    let span = Span::new(toks[start].span.start, toks[start + n - 1].span.end);
    let form: Vec<&str> = toks[start..start + n].iter().map(|t| t.word).collect();
    let form = form.join(" ").to_lowercase();
    Some(match units.forms.get(&form) {
        Some((unit, cat)) => (unit.clone(), cat.clone(), span),
        None => (units.singular_of(&form), "other".to_owned(), span),
    })
}

/// Finds the indicators of a document.
pub fn find(doc: &Document, units: &Units) -> Vec<Indicator> {
    let mut out = Vec::new();
    // Dates and symbols are never indicators; built once, asked per number.
    let taken = Coverage::new(doc.dates.iter().map(|d| d.span).chain(doc.symbols.iter().map(|s| s.span)));
    let mut prev: Option<Indicator> = None;
    let text = &doc.letter.text;
    for n in &doc.numbers {
        if let Some(ind) = indicator(doc, units, n, &taken, prev.as_ref()) {
            // An aside ("18 people, including 4 children, were killed and
            // 60 were injured") is not what a later number's elided noun
            // refers to: the count before it stays the antecedent.
            let aside = text[..ind.span.start].ends_with("including ")
                && text[ind.span.end..].starts_with(',')
                && prev.as_ref().is_some_and(|p| ind.span.start - p.span.end <= 16);
            if !aside {
                prev = Some(ind.clone());
            }
            out.push(ind);
        }
    }
    breakdowns(doc, &taken, &mut out);
    out
}

/// A whole broken down by label in parentheses: "472 grave violations
/// ..., including abduction (206), killing and maiming (115) ...". A run
/// of two or more counts in parentheses, each right after a word and a
/// few words from the next, whose sum is a count stated shortly before the
/// run, counts what that count counts; a run that sums to nothing stated
/// stays unread (its noun is not known). Read over the text, not by
/// sentence: a line may open with one of the counts ("sexual violence\n
/// (39)"), which the layout can take for a list label.
fn breakdowns(doc: &Document, taken: &Coverage, out: &mut Vec<Indicator>) {
    let text = &doc.letter.text;
    let part = |n: &NumberMention| {
        !n.words
            && !n.percent
            && n.currency.is_none()
            && n.value_high.is_none()
            && n.value.fract() == 0.0
            && !(1900.0..=2100.0).contains(&n.value)
            && text[n.span.end..].starts_with(')')
            && text[..n.span.start]
                .strip_suffix('(')
                .is_some_and(|b| b.ends_with(char::is_whitespace) && b.trim_end().ends_with(char::is_alphabetic))
            && !taken.overlaps(n.span)
    };
    let mut runs: Vec<Vec<&NumberMention>> = Vec::new();
    for n in doc.numbers.iter().filter(|n| part(n)) {
        match runs.last_mut() {
            Some(run)
                if run.last().is_some_and(|p| {
                    let gap = &text[p.span.end..n.span.start];
                    gap.len() <= 80 && !gap.contains(". ") && !gap.contains(';')
                }) =>
            {
                run.push(n)
            }
            _ => runs.push(vec![n]),
        }
    }
    let mut found = Vec::new();
    for run in runs.iter().filter(|r| r.len() >= 2) {
        // A run may hold two breakdowns one after the other ("verified in
        // North Kivu (350), Ituri (84) and South Kivu (38) and were
        // attributed to M23 (266) ..."): each stretch whose sum is stated.
        let mut start = 0;
        let mut end = 1;
        while end < run.len() {
            let sum: f64 = run[start..=end].iter().map(|n| n.value).sum();
            let first = run[start].span.start;
            let whole = out.iter().rev().find(|i| {
                i.span.end <= first
                    && first - i.span.end <= 600
                    && i.value == sum
                    && i.value_high.is_none()
                    && !MEASURES.contains(&i.category.as_str())
            });
            let Some(whole) = whole else {
                end += 1;
                continue;
            };
            for n in &run[start..=end] {
                if out.iter().any(|i| i.span.start <= n.span.start && n.span.end <= i.span.end) {
                    continue;
                }
                let Some(&sentence) = containing(&doc.sentences, |s| *s, n.span) else { continue };
                found.push(Indicator {
                    value: n.value,
                    value_high: None,
                    qualifier: Qualifier::Exact,
                    unit: whole.unit.clone(),
                    unit_surface: whole.unit_surface.clone(),
                    category: whole.category.clone(),
                    subject: missive_model::Subject::Unknown,
                    mission_id: None,
                    span: n.span,
                    sentence,
                });
            }
            start = end + 1;
            end = start + 1;
        }
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|i| (i.span.start, i.span.end));
    }
}

/// "Troops are deployed from Argentina (1), Fiji (148) ...": a count in
/// parentheses right after a country's name, in a list of contributions.
fn by_country(doc: &Document, n: &NumberMention) -> bool {
    n.currency.is_none() && !n.percent && !n.words && after_country_name(doc, n.span)
}

/// Whether `span` stands in parentheses right after a country's name:
/// "Bangladesh (9)".
pub(crate) fn after_country_name(doc: &Document, span: Span) -> bool {
    let text = &doc.letter.text;
    text[span.end..].starts_with(')') && {
        // The mention just before the number (mentions are in text order).
        let i = doc.country_mentions.partition_point(|c| c.span.start < span.start);
        i > 0 && {
            let c = &doc.country_mentions[i - 1];
            c.span.end + 2 == span.start && &text[c.span.end..span.start] == " ("
        }
    }
}

/// The noun a list of contributions by country counts: the first plural
/// noun of the lexicon in the sentence before the list ("Troops are
/// deployed from").
fn counted_by_country(text: &str, units: &Units, sentence: Span, at: usize) -> Option<(String, String, Span)> {
    // The plural noun nearest before the list: "UNMOT personnel numbered
    // 72, including 39 military observers from Austria (5)" counts observers;
    // never the places the list names ("from the following countries:
    // Australia (19)" counts the observers too).
    let mut pos = sentence.start;
    let mut last = None;
    for word in text[sentence.start..at].split(|c: char| !c.is_alphabetic() && c != '-') {
        let start = pos;
        pos += word.len() + 1;
        let lower = word.to_lowercase();
        if units.plural.contains(&lower)
            && let Some((unit, cat)) = units.forms.get(&lower)
            && units.canonical(unit, cat).1 != "places"
        {
            last = Some((unit.clone(), cat.clone(), Span::new(start, start + word.len())));
        }
    }
    last
}

/// An age, a proportion in words, a number inside an adjective ("a
/// five-point proposal", [`NOT_A_COUNT_AFTER`], [`ONE_IN`]) or round the
/// clock: no row.
fn not_a_count(n: &NumberMention, after: &str) -> bool {
    // "a 24-hour security presence": round the clock, not a duration.
    (n.value == 24.0 && after.starts_with("-hour"))
        // "one or more decisions": a vague quantity, not a count.
        || (n.words && n.value == 1.0 && after.starts_with(" or more"))
        || NOT_A_COUNT_AFTER.is_match(after)
        || (n.value <= 10.0
            && !n.percent
            && n.currency.is_none()
            && ONE_IN.captures(after).is_some_and(|c| !RELATIVE_UNITS.contains(&c[0].rsplit(' ').next().unwrap_or(""))))
}

/// A demonstrative right before a number: "these two", "those three"; with
/// "of" before it ("of these three were found") the number is a share of
/// what was counted before.
static DEMONSTRATIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?:(?-u:\b)(?P<of>of)\s+)?(?-u:\b)(?:these|those)\s+$").unwrap()
});

/// "the two sides", "the three communities", "the four Cambodian
/// parties", "the two warring parties", "the two presidential candidates":
/// a few parties named before, pointed back at by "the" and their kind
/// (GUIDELINES §4 makes them optional). Not a share of them ("one of the
/// three entities") nor the group described anew ("the five countries of
/// the region").
static THE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?:(?P<share>(?-u:\b)(?:one|each|any|some|none|all|both|either|neither|most|many|two|three)\s+of)\s+)?(?-u:\b)the\s+$",
    )
    .unwrap()
});
static PARTIES_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^\s+(?:[\w-]+\s+)?(?:sides|parties|countries|Governments|organi[sz]ations|leaders|entities|delegations|communities|States|",
        r"Presidents|candidates|Co-Chairs|Co-Chairmen|guarantors)(?-u:\b)(?P<anew>\s+(?:of|contributing)(?-u:\b))?"
    ))
    .unwrap()
});

/// Whether a number is "the two sides" pointing back ([`THE_BEFORE`]).
fn pointing_back(n: &NumberMention, before: &str, after: &str) -> bool {
    few_after_the(n, before) && PARTIES_AFTER.captures(after).is_some_and(|c| c.name("anew").is_none())
}

/// "the two", "the four": a few, in words, after "the" (not a share of
/// them, "one of the three"), as things pointed back at are counted.
fn few_after_the(n: &NumberMention, before: &str) -> bool {
    n.words
        && (2.0..=4.0).contains(&n.value)
        && n.value_high.is_none()
        && THE_BEFORE.captures(before).is_some_and(|c| c.name("share").is_none())
}

/// "the two processes", "the three battalions" where the text has just
/// named them (the noun stands in the paragraph before): a few things
/// pointed back at, as "the two parties" (GUIDELINES §4 makes them
/// optional). Not the things described anew ("the two sites identified
/// in paragraph 8", "the three branches of Government").
fn named_before(text: &str, n: &NumberMention, before: &str) -> bool {
    if !few_after_the(n, before) {
        return false;
    }
    let after = &text[n.span.end..ceil_boundary(text, (n.span.end + 60).min(text.len()))];
    let Some(c) = NOUN_AFTER.captures(after) else {
        return false;
    };
    if DESCRIBED_ANEW.contains(&c.get(2).map_or("", |m| m.as_str())) {
        return false;
    }
    let stem = singular(&c[1]);
    // "the four months following the agreement": a span of time.
    if matches!(stem.as_str(), "day" | "week" | "month" | "year" | "hour" | "decade") {
        return false;
    }
    let from = floor_boundary(text, n.span.start.saturating_sub(NAMED_BEFORE));
    let window = text[from..n.span.start].to_lowercase();
    let boundary = |i: usize| i == 0 || !window[..i].ends_with(char::is_alphanumeric);
    window.match_indices(stem.as_str()).any(|(i, _)| boundary(i))
}

/// Words after the noun that go on to describe what is counted.
const DESCRIBED_ANEW: &[&str] = &[
    "of",
    "in",
    "at",
    "on",
    "from",
    "for",
    "to",
    "with",
    "that",
    "which",
    "who",
    "whose",
    "identified",
    "located",
    "named",
    "called",
    "based",
    "deployed",
    "established",
    "set",
];

/// How far back (bytes) [`named_before`] looks for the noun.
const NAMED_BEFORE: usize = 600;

/// " processes.", " battalions were", " new processes,": at most one
/// modifier, a plural noun and the word after it.
static NOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^\s+(?:[a-z][\w-]*\s+)?([a-z][a-z-]{2,}s)(?-u:\b)[ \t]*([a-z]*)").unwrap()
});

/// A number and a length unit right before a lone "2" or "3": "531,366 m 2".
static DETACHED_POWER_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"\d\s?k?m\s$").unwrap());

/// Numbers that count nothing of their own, read from the number and the
/// text around it: "these two agreements", "those three prisons", "the
/// two sides" (a few things named before, pointed back at: GUIDELINES §4
/// makes such counts optional); a footnote's mark ([`footnote_mark`]); "531,366 m 2" (the power of the unit before, set
/// apart from it); a document's job number in the page furniture
/// ("14-21502").
fn no_count(n: &NumberMention, digits: &str, before: &str, after: &str) -> bool {
    pointing_back(n, before, after)
        || footnote_mark(digits, before, after)
        || (n.words && n.value <= 10.0 && DEMONSTRATIVE_BEFORE.captures(before).is_some_and(|c| c.name("of").is_none()))
        || (matches!(digits, "2" | "3") && DETACHED_POWER_BEFORE.is_match(before))
        || JOB_NUMBER.is_match(digits)
        || ungrouped_amount(n, digits)
        || IN_EVERY_BEFORE.is_match(before)
        || AGE_BEFORE.is_match(before)
        || zero_of_a_scan(n, digits, after)
        // "two-by-two", "one-by-one": a manner, not a count.
        || (n.words && after.starts_with("-by-"))
        // "three decrees, one establishing a council, a second ...": one
        // of the things just counted, a pronoun (GUIDELINES §4).
        || (n.words && n.value == 1.0 && before.trim_end().ends_with(',') && ONE_OF_LIST_AFTER.is_match(after))
        || (n.words
            && n.value == 1.0
            && ONE_AS_SOURCE_AFTER.find(after).is_some_and(|m| !after[m.end()..].trim_start().starts_with("by ")))
}

/// " establishing a", " appointing its": after "one", a participle and
/// its object.
static ONE_OF_LIST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^\s+[a-z]+ing\s+(?:the|a|an|its|their|his|her|that|this)(?-u:\b)").unwrap()
});

/// "children aged 6 to 59 months", "under the age of 5", "between the
/// ages of 15 and 24": an age (GUIDELINES §4 makes ages optional).
static AGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:aged|age\s+of|ages\s+of|ages?\s+(?:ranged|ranging|range)(?:\s+from)?)\s+(?:(?:between\s+)?\d{1,2}\s+(?:and|to)\s+)?$",
    )
    .unwrap()
});

/// "$0" and "0%": a scan's reading of "to" and "of" ("assessments $0 be
/// levied", "reports 0% violent incidents"); no text states a sum of
/// nothing that way, and the United Nations writes "per cent". And "00",
/// "000" alone: the tail of a number the scan split ("500,0 00
/// beneficiaries", "4, 000 refugees"), never a count of its own.
fn zero_of_a_scan(n: &NumberMention, digits: &str, after: &str) -> bool {
    let d = digits.trim_matches(|c: char| !c.is_ascii_digit());
    n.value == 0.0
        && (d == "0" && (n.currency.is_some() || digits.ends_with('%') || after.starts_with('%'))
            || d.len() >= 2 && d.bytes().all(|b| b == b'0'))
}

/// "One Member State reported that", "one interlocutor noted": "one" as
/// an article before an unnamed source of what is said (GUIDELINES §4),
/// not a count of sources.
static ONE_AS_SOURCE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"^\s+(?:[\w-]+\s+)?(?:Member\s+State|State|Government|country|interlocutor|source|participant|witness|observer|representative|",
        r"delegation|speaker|interviewee|expert|diplomat|official|minister|soldier|man|woman|resident|commentator|analyst|informant)",
        r"\s+(?:has\s+|had\s+|also\s+|further\s+|subsequently\s+)?",
        r"(?:reported|noted|said|stated|stressed|assessed|highlighted|indicated|expressed|suggested|observed|told|described|explained|",
        r"claimed|believed|considered|argued|mentioned|warned|emphasi[sz]ed|informed|added|recalled|pointed\s+out|identified|offered|estimated|shared)(?-u:\b)"
    ))
    .unwrap()
});

/// "1 in every 10 Haitians", "one in five", "one rifle for every 10
/// officers": the second number of a proportion in words (GUIDELINES §4 makes proportions optional).
static IN_EVERY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:(?:one|1)\s+in\s+(?:every\s+)?|(?:two|three|\d{1,2})\s+in\s+every\s+|for\s+every\s+)$",
    )
    .unwrap()
});

/// An amount of five or more digits with no separator ("$123613"): the
/// United Nations groups an amount's thousands ("$123,613"), so this is a
/// scanned page header's symbol ("S/23613") read as money.
fn ungrouped_amount(n: &NumberMention, digits: &str) -> bool {
    let d = digits.trim_start_matches(|c: char| !c.is_ascii_digit());
    n.currency.is_some() && d.len() >= 5 && d.bytes().all(|b| b.is_ascii_digit())
}

/// The canonical unit of a counted noun (`unit`, with the lexicon's
/// `category` for it) and its group: the lexicon's own grouping of the
/// noun, when it has one, is finer than its class's (debates are events
/// though WordNet files them under communication); an attempt at a
/// killing ("three attempted homicides") is a crime, not a killing. A
/// noun the vocabulary itself lists keeps the vocabulary's group.
fn canonical_and_group(units: &Units, unit: &str, category: String, attempted: bool) -> (String, String) {
    let (canonical, class_category) = units.canonical(unit, &category);
    // People of a nationality that no lexicon lists as a noun ("Bosniacs",
    // "Malawians") are persons.
    let (canonical, class_category) = if canonical.is_empty() && units.demonyms.contains_key(&unit.to_lowercase()) {
        ("person".to_owned(), "people".to_owned())
    } else {
        (canonical, class_category)
    };
    let canonical = if attempted && canonical == "killing" { "crime".to_owned() } else { canonical };
    // A noun the vocabulary lists as a unit or a synonym of one takes
    // that unit's group ("radio stations" are organisations).
    let listed = units.vocabulary.contains_key(&unit.to_lowercase());
    let category = if !listed && category != "other" && (widest(&canonical) || class_category == "other") {
        category
    } else {
        class_category
    };
    (canonical, category)
}

/// The unit of a number joined to its noun by a dash: "a 22-member
/// Government", "six-month cycles", "2 -day" as converted.
fn compound_unit(text: &str, units: &Units, n: &NumberMention) -> Option<(String, String, Span)> {
    let dash = text[n.span.end..].find('-').unwrap_or(0);
    // A scan's doubled dash ("10--per cent", "4,069--litres") is one.
    let from = n.span.end + dash;
    let from = from + text[from..].len() - text[from..].trim_start_matches('-').len();
    let toks = phrase_after(text, units, from.max(n.span.end + dash + 1));
    // "1--u", "4-e": a letter after the dash is scanning noise, no noun.
    let first = toks.first().filter(|t| t.word.trim_matches('-').chars().count() > 1)?;
    // "18 four-wheel-drive vehicles", "a one-stop shop": a number word
    // inside a compound adjective of more than two parts names a kind,
    // it counts nothing ("a three-year-old" is an age, also no count).
    if n.words && first.word.trim_matches('-').contains('-') && !first.word.contains("-and-") {
        return None;
    }
    // "a 525-strong battalion", "a 44-man-strong team": the size of a
    // body, counted in its members.
    let word = first.word.strip_suffix("-strong").unwrap_or(first.word);
    let (unit, cat) = if word.eq_ignore_ascii_case("strong") {
        let next: Vec<String> = toks[1..].iter().take(3).map(|t| t.word.to_lowercase()).collect();
        let members = if next.iter().any(|w| w == "police") {
            "police officers"
        } else if next.iter().any(|w| FORMATIONS.contains(&w.as_str())) {
            "troops"
        } else {
            "persons"
        };
        units.get(members).cloned()?
    } else {
        units.get(word).cloned().unwrap_or_else(|| (singular(word), "other".to_owned()))
    };
    Some((unit, cat, first.span))
}

/// Military formations: a "525-strong" one counts troops.
const FORMATIONS: &[&str] = &[
    "battalion",
    "contingent",
    "company",
    "force",
    "brigade",
    "platoon",
    "unit",
    "regiment",
    "squadron",
    "troop",
    "detachment",
    "task",
    "military",
    "infantry",
    "army",
];

/// "four priority areas", "five areas of cooperation": the areas of the
/// UN's prose are most often fields of work, places only when the phrase
/// says so ("20 urban areas", "nine areas of responsibility").
fn thematic_area(text: &str, n: &NumberMention, at: Span, canonical: String, category: String) -> (String, String) {
    if canonical == "place"
        && at.slice(text).to_ascii_lowercase().starts_with("area")
        && !PHYSICAL_AREA.is_match(&text[n.span.end..at.start])
        && !PHYSICAL_AREA_AFTER.is_match(&text[at.end..])
    {
        ("thematic area".to_owned(), "other".to_owned())
    } else {
        (canonical, category)
    }
}

/// The canonical unit and group of the counted noun, read with its
/// phrase (areas of work or on the ground, rounds of elections or of
/// ammunition); `None` for a "one" whose word after it is no noun ("One
/// type consists of"): a pronoun or an article, not a count.
fn class_in_context(
    text: &str,
    units: &Units,
    n: &NumberMention,
    unit_span: Span,
    unit_for_class: &str,
    category: String,
    attempted: bool,
) -> Option<(String, String)> {
    let compound = compound_before(text, units, unit_span, unit_for_class);
    let unit_for_class = compound.as_deref().unwrap_or(unit_for_class);
    let (canonical, category) = canonical_and_group(units, unit_for_class, category, attempted);
    let (canonical, category) = thematic_area(text, n, unit_span, canonical, category);
    let (canonical, category) = rounds_fired(text, n, unit_span, canonical, category);
    let (canonical, category) = sovereign_states(text, unit_span, canonical, category);
    let (canonical, category) = job_posts(text, n, unit_span, canonical, category);
    (!(canonical.is_empty() && n.words && n.value == 1.0)).then_some((canonical, category))
}

/// Posts and positions to be filled ("10,554 civil servant positions",
/// "324 new temporary posts", "two ministerial posts are reserved"): jobs,
/// whose group is personnel, not the places troops hold ("12 positions
/// that it had established", "21 observation posts"); the unit is a post
/// either way.
fn job_posts(text: &str, n: &NumberMention, at: Span, canonical: String, category: String) -> (String, String) {
    // "two temporary observation posts": a kind of post named in full (a
    // noun of more than one word) is a place.
    let noun = at.slice(text);
    if canonical != "post" || !["post", "posts", "position", "positions"].iter().any(|p| noun.eq_ignore_ascii_case(p)) {
        return (canonical, category);
    }
    let before = &text[floor_boundary(text, n.span.start.saturating_sub(60))..n.span.start];
    let after = &text[at.end..ceil_boundary(text, (at.end + 80).min(text.len()))];
    let job =
        JOB_MODIFIER.is_match(&text[n.span.end..at.start]) || JOB_AFTER.is_match(after) || JOB_BEFORE.is_match(before);
    if job { (canonical, "personnel".to_owned()) } else { (canonical, category) }
}

/// Words between a number and "posts" or "positions" that make them jobs.
static JOB_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:ministerial|director|directors|advis[eo]rs?|advisory|civil\s+servants?|investigators?|inspectors?|judges?|judicial|",
        r"prosecutors?|co-heads?|staff|temporary|General\s+Service|Professional|vacant|senior|assistants?|deputy|officers?|Volunteers?|",
        r"government-provided|personnel|police|[DPLG]-\d|Field\s+Service|National\s+Officer)(?-u:\b)"
    ))
    .unwrap()
});
/// What follows job posts: whom they are for, or their filling.
static JOB_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^(?:\s+(?:for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:directors?|judges?|officers?|advisers?|deput(?:y|ies)|assistants?|heads?|chiefs?|ministers?|members?|secretar(?:y|ies)|commissioners?|minorities|women)",
        r"|[^.;]{0,60}?(?-u:\b)(?:were|was|have\s+been|has\s+been|are|is|remain|remained|will\s+be)\s+(?:now\s+)?(?:filled|vacant|advertised|abolished|reserved|encumbered|redeployed|recruited))(?-u:\b)"
    ))
    .unwrap()
});
/// What comes before the number of job posts: recruiting or filling them.
static JOB_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:recruit\w*|fill\w*|advertis\w*|interview\w*|abolish\w*|vacanc\w*|reserves?|reserved|allocated|appointed\s+to|selected|applica(?:tions?|nts?)|applied|candidates?)(?:\s+\S+){0,6}?\s+(?:against\s+|for\s+|to\s+|of\s+)?(?:the\s+)?(?:some\s+|about\s+)?$",
    )
    .unwrap()
});

/// The counted noun with the word or two before it, when the vocabulary
/// names them together ("television stations" are broadcasters, "pumping
/// stations" buildings, where "stations" alone are police stations).
fn compound_before(text: &str, units: &Units, at: Span, noun: &str) -> Option<String> {
    if noun.contains(' ') {
        return None;
    }
    // The two words before, then the one ("power generation stations").
    let mut words = text[..at.start].split_whitespace().rev().take(2).map(|w| w.to_lowercase());
    let word =
        |w: &String| w.chars().all(|c| c.is_alphabetic() || c == '-') && !w.starts_with('-') && !w.ends_with('-');
    let last = words.next().filter(word)?;
    let before = words.next();
    // "military and civilian personnel": the modifier is one conjunct's,
    // the noun counts both.
    if before.as_deref().is_some_and(|w| matches!(w, "and" | "or" | "and/or") || w.ends_with(',')) {
        return None;
    }
    let two = before.filter(word).map(|w| format!("{w} {last} {noun}"));
    let one = format!("{last} {noun}");
    // A unit, a synonym of one or a kind of one ("access points" are
    // places, "observation points" posts).
    two.into_iter()
        .chain(std::iter::once(one))
        .find(|c| units.vocabulary.contains_key(c) || units.kinds.contains_key(c))
}

/// "four additional States", "27 States": the United Nations writes a
/// sovereign State with a capital, the states of a federation ("the five
/// Darfur states") in lower case.
fn sovereign_states(text: &str, at: Span, canonical: String, category: String) -> (String, String) {
    let noun = at.slice(text).rsplit(' ').next().unwrap_or("");
    if canonical == "administrative division" && (noun == "State" || noun == "States") {
        ("country".to_owned(), "places".to_owned())
    } else {
        (canonical, category)
    }
}

/// "30 small arms rounds", "fired two rounds", "12,000 rounds of 7.62 mm
/// ammunition": rounds near a word of firearms are ammunition, not rounds
/// of elections or of talks.
fn rounds_fired(text: &str, n: &NumberMention, at: Span, canonical: String, category: String) -> (String, String) {
    if canonical != "round" {
        return (canonical, category);
    }
    // The noun may come before the number ("personnel numbered 55").
    let (from, to) = (n.span.start.min(at.start), n.span.end.max(at.end));
    let window = &text[floor_boundary(text, from.saturating_sub(40))..ceil_boundary(text, (to + 40).min(text.len()))];
    if AMMUNITION_WORDS.is_match(window) {
        ("ammunition".to_owned(), "equipment".to_owned())
    } else {
        (canonical, category)
    }
}

static AMMUNITION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:ammunition|tracers?|bullets?|cartridges?|calib(?:re|er)|\d\s*mm|small[\s-]+arms?|mortars?|artillery|",
        r"machine[\s-]*guns?|rifles?|fired|firing|shots?|gunfire|rockets?|shelling|impact(?:ed|ing)?|landed|fell)(?-u:\b)"
    ))
    .unwrap()
});

/// Words before "areas" that make them places on the ground.
static PHYSICAL_AREA: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:urban|rural|remote|border|frontier|residential|populated|hazardous|contaminated|mined|suspected|",
        r"cantonment|assembly|regroupment|concentric|buffer|demilitari[sz]ed|restricted|safe|protected|coastal|mountain\w*|",
        r"agricultur\w*|affected|conflict|operational|geographic\w*|deployment|pilot|target|grazing|farming|camp|",
        r"violence-affected|high-risk|at-risk|hard-to-reach|inaccessible|isolated|contested|disputed|",
        r"northern|southern|eastern|western|central|neighbouring|surrounding|adjacent)(?-u:\b)"
    ))
    .unwrap()
});

/// Words after "areas" that make them places on the ground.
static PHYSICAL_AREA_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^\s+(?:of\s+(?:responsibility|operations?|separation|deployment|origin|return|limitation)|in\s+(?:the\s+)?(?:north|south|east|west)|near|along|around|across|in\s+(?-i:[A-Z]))",
    )
    .unwrap()
});

/// The lexicon's entry for the head with the "of" phrase after it
/// ("rounds of ammunition", "pieces of artillery"), when it has one.
fn of_compound(text: &str, units: &Units, unit: &str, at: Span) -> Option<(String, String)> {
    let rest = text[at.end..].strip_prefix(" of ")?;
    // "the two houses of the Federal Parliament": the article and a name's
    // first word before the noun that makes the compound.
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let words: Vec<&str> =
        rest.split(|c: char| !(c.is_alphabetic() || c == '-')).take_while(|w| !w.is_empty()).take(3).collect();
    let name = words.first().is_some_and(|w| w.starts_with(char::is_uppercase));
    (1..=words.len()).find_map(|k| {
        // The first k words, or (in a capitalised name, "of the Federal
        // Parliament") the k-th word alone.
        let so_far = words[..k].join(" ").to_lowercase();
        units
            .get(&format!("{unit} of {so_far}"))
            .or_else(|| {
                (name && k > 1).then(|| units.get(&format!("{unit} of {}", words[k - 1].to_lowercase()))).flatten()
            })
            .cloned()
    })
}

/// A length that is a whole "sentence" of its own, "40 km": a map's scale
/// (GUIDELINES §4 makes figure labels optional), not a statement.
fn lone_measure(doc: &Document, n: &NumberMention) -> bool {
    let text = &doc.letter.text;
    let Some(&sent) = containing(&doc.sentences, |s| *s, n.span) else { return false };
    if !text[sent.start..n.span.start].trim().is_empty() {
        return false;
    }
    let rest = text[n.span.end..sent.end].trim().trim_end_matches('.').trim_end();
    LONE_MEASURES.contains(&rest)
}

/// Lengths a map's scale is given in. (A percentage or an amount alone is
/// a table's cell, which GUIDELINES §4 counts: "Baseline 11 per cent".)
const LONE_MEASURES: &[&str] = &["km", "m", "mi", "miles"];

/// A footnote's mark after a sentence's full stop, at the end of a line or
/// before the next sentence ("... take effect. 53 Many returnees"): the
/// text layer's rendering of a superscript, not a count.
fn footnote_mark(digits: &str, before: &str, after: &str) -> bool {
    let stop = before.strip_suffix(' ').and_then(|b| b.strip_suffix('.'));
    digits.len() <= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && stop.is_some_and(|b| b.ends_with(|c: char| c.is_alphabetic() || matches!(c, ')' | '”' | '’' | '"')))
        && (after.trim_start_matches([' ', '\t', '\r']).starts_with('\n') || starts_sentence(after))
}

/// " Many returnees": a new sentence right after the number, the lines
/// joined (UN style never opens a sentence with digits).
fn starts_sentence(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next() == Some(' ')
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
}

/// A number that is part of a name: digits after a lone capital letter
/// ("M 23", "T 72"; not the article "A" nor "I"), or a capitalised number
/// word inside a sentence before a capitalised word ("the ethnically mixed
/// Three Towers area").
fn in_a_name(n: &NumberMention, before: &str, after: &str, surface: &str) -> bool {
    let prev = before.split_whitespace().next_back().unwrap_or("");
    if !n.words {
        return before.ends_with(' ')
            && prev.len() == 1
            && prev.starts_with(|c: char| c.is_ascii_uppercase())
            && !matches!(prev, "A" | "I");
    }
    surface.starts_with(|c: char| c.is_uppercase())
        && prev.starts_with(|c: char| c.is_lowercase())
        && !prev.trim_end_matches(['”', '"', '’', '\'', ')']).ends_with(['.', ':', ';', '!', '?'])
        && after.trim_start().starts_with(|c: char| c.is_uppercase())
}

/// "7.62 x 39 mm", "2 × 3": one side of a calibre's or a size's pair.
static DIMENSION_BEFORE: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"\d\s*[x×]\s*$").unwrap());
static DIMENSION_AFTER: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"^\s*[x×]\s*\d").unwrap());
/// "one" right after a comma with no noun after it ("Three persons were
/// brought to the hospital, one severely injured", ", one of whom"): the
/// pronoun GUIDELINES §4 leaves out.
static ONE_ALONE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^\s+(?:(?:(?:\w+ly\s+)?\w+ed|\w+ly)\s*[,.;:]|(?:was|is|had|has|who|which|of)(?-u:\b))",
    )
    .unwrap()
});
/// The noun after "one", for "one party ... the other party".
static NEXT_WORD: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"^\s+([a-z]+)").unwrap());

/// One side of a calibre's or a size's pair ("7.62 x 39 mm"), the
/// pronoun "one" after a comma, or "one" set against "the other" of the
/// same noun ("by one party ... for the other party"): labels and
/// pronouns, no quantity (GUIDELINES §4).
fn label_or_pronoun(n: &NumberMention, before: &str, after: &str, in_sentence: &str) -> bool {
    if DIMENSION_BEFORE.is_match(before) || DIMENSION_AFTER.is_match(after) {
        return true;
    }
    if !(n.words && n.value == 1.0) {
        return false;
    }
    if before.trim_end().ends_with(',') && ONE_ALONE_AFTER.is_match(after) {
        return true;
    }
    NEXT_WORD.captures(after).is_some_and(|c| in_sentence.contains(&format!("the other {}", &c[1])))
}

/// A dot leader after the number in its sentence (`in_sentence`, from
/// the number's end), within 200 bytes and no other number between: a
/// contents or table line ("15 Mission Staffing ......").
fn on_contents_line(in_sentence: &str) -> bool {
    let rest = &in_sentence[..ceil_boundary(in_sentence, in_sentence.len().min(200))];
    DOT_LEADER.find(rest).is_some_and(|m| !rest[..m.start()].contains(|c: char| c.is_ascii_digit()))
}

/// A contents or table line's number, a pair's side or a pronoun, read
/// with the rest of the number's sentence ([`on_contents_line`],
/// [`label_or_pronoun`]).
fn label_in_sentence(doc: &Document, n: &NumberMention, before: &str, after: &str) -> bool {
    let text = &doc.letter.text;
    let sentence_end = containing(&doc.sentences, |s| *s, n.span).map_or(n.span.end, |s| s.end);
    let in_sentence = &text[n.span.end..ceil_boundary(text, sentence_end.max(n.span.end))];
    on_contents_line(in_sentence) || label_or_pronoun(n, before, after, in_sentence)
}

/// `listed`: the number is a count in a list by country ([`by_country`]).
fn excluded(doc: &Document, n: &NumberMention, taken: &Coverage, listed: bool) -> bool {
    let text = &doc.letter.text;
    if taken.overlaps(n.span) {
        return true;
    }
    let before = &text[floor_boundary(text, n.span.start.saturating_sub(30))..n.span.start];
    let after = &text[n.span.end..ceil_boundary(text, (n.span.end + 12).min(text.len()))];
    let after_long = &text[n.span.end..ceil_boundary(text, (n.span.end + 24).min(text.len()))];
    // "(3)", "1)": a label; "($24.97 billion)", "(68.35 per cent)": an amount.
    let amount = n.currency.is_some() || n.percent;
    let counted = amount || listed;
    let label_after = LABEL_AFTER.is_match(after) && !(counted && after.trim_start().starts_with(')'));
    if LABEL_BEFORE.is_match(before)
        || label_after
        || DAY_OF_RANGE.is_match(after_long)
        || lone_measure(doc, n)
        || in_a_name(n, before, after, n.span.slice(text))
        || label_in_sentence(doc, n, before, after_long)
    {
        return true;
    }
    // A paragraph or list number at the start of a line: "12. The ...", "(3)".
    let line_start =
        before.rfind('\n').map_or(n.span.start == 0 && before.is_empty(), |i| before[i + 1..].trim().is_empty());
    if (line_start || n.span.start == 0) && (after.starts_with(". ") || after.starts_with(')')) {
        return true;
    }
    if before.ends_with('(') && after.starts_with(')') && !counted {
        return true;
    }
    let digits = n.span.slice(text);
    if no_count(n, digits, before, &text[n.span.end..ceil_boundary(text, (n.span.end + 40).min(text.len()))])
        || named_before(text, n, before)
    {
        return true;
    }
    // Years, year ranges ("2008-2011") and decades.
    let year = |v: f64| (1900.0..=2100.0).contains(&v) && v.fract() == 0.0;
    if !n.words && n.currency.is_none() && n.value_high.is_some_and(year) && year(n.value) {
        return true;
    }
    if !n.words && n.currency.is_none() && !n.percent && n.value_high.is_none() {
        let plain = digits.chars().all(|c| c.is_ascii_digit());
        if plain && digits.len() == 4 && (1900.0..=2100.0).contains(&n.value) {
            return true;
        }
        if after.starts_with("s ") || after.starts_with("s,") || after.starts_with("s.") {
            return true;
        }
    }
    // "Twenty -Fifth Session": an ordinal broken at a line-end hyphen.
    if n.words && BROKEN_ORDINAL.is_match(after_long) {
        return true;
    }
    // "Jan 25", "30 Mar 2025": a date written with a month's abbreviation.
    if !n.words && (MONTH_ABBREVIATION.is_match(before) || MONTH_ABBREVIATION_AFTER.is_match(after)) {
        return true;
    }
    // "Maiming 18% Abduction 15%": a chart's legend, written with the sign
    // the UN's prose does not use; the label says of what, not the text
    // (GUIDELINES §4: figure labels are optional at best).
    if n.percent && digits.ends_with('%') {
        let next_label = after.trim_start().starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        // The last item of a legend: a short line that only labels it.
        let line = &text[text[..n.span.start].rfind('\n').map_or(0, |i| i + 1)..n.span.start];
        let legend_line =
            (after.trim().is_empty() || after.starts_with('\n')) && line.len() < 60 && !PROSE_WORD.is_match(line);
        // ... or one after another item of it ("Maiming 18% Abduction 15%").
        let prev_label = LEGEND_ITEM_BEFORE.is_match(before);
        if next_label || legend_line || prev_label {
            return true;
        }
    }
    // "it will depend on three factors: (a) ...": the number of points
    // an argument makes is a list's length, not a quantity in the world.
    let after_list = &text[n.span.end..ceil_boundary(text, (n.span.end + 48).min(text.len()))];
    if LIST_INTRO.is_match(after_list) {
        return true;
    }
    // "three years ago": a point in time, as a date is (GUIDELINES §4);
    // "7.62 mm rifles", "23mm ammunition": a weapon's calibre, a name.
    if RELATIVE_AGO.is_match(after_list) || CALIBRE.is_match(after_list) || not_a_count(n, after_list) {
        return true;
    }
    // "5.3 per 100,000 inhabitants": the base of a rate counts nothing.
    if PER_BEFORE.is_match(before) {
        return true;
    }
    // "Delmas 33 Rehabilitation Centre", "Nord Stream 1", "Type 69 Rocket":
    // digits between a capitalised word (not one that opens a sentence or
    // a function word) and a capitalised word or the clause's end are part
    // of a name.
    if !n.words
        && n.currency.is_none()
        && !n.percent
        && let Some(c) = NAME_BEFORE.captures(before)
        && !NAME_FUNCTION_WORDS.contains(&&c[1])
        && NAME_AFTER.is_match(after)
        && !CURRENCY_AFTER.is_match(after_long)
    {
        return true;
    }
    if n.words && joined_to_name(after, after_long) {
        return true;
    }
    if n.words && n.value == 1.0 {
        // "one of", "at one point", "no one", "one another", "on one
        // occasion" (once).
        let prev = before.split_whitespace().last().unwrap_or("").to_lowercase();
        if matches!(
            prev.as_str(),
            "at" | "no" | "any" | "every" | "each" | "which" | "this" | "that" | "the" | "only" | "such"
        ) || (prev == "on" && after.trim_start().starts_with("occasion"))
            // "In one case, a helicopter was forced to land", "In one
            // incident, ...": an instance singled out, as "on one
            // occasion", not a count of cases.
            || (prev == "in" && IN_ONE_INSTANCE.is_match(after_list))
        {
            return true;
        }
        // "one of them was wounded", "one of the victims": a pronoun
        // (GUIDELINES §4).
        if ONE_OF.is_match(after_list) {
            return true;
        }
    }
    false
}

/// Whether a number word is part of a name by what follows it
/// (`after`, a few bytes; `after_long`, a few more): "two-State solution",
/// "Group of Seven-led", a number joined by a hyphen to a capitalised word
/// (the hyphen may follow a space where a line was joined, "two -State");
/// "the two-state solution", "a two state solution", however written.
fn joined_to_name(after: &str, after_long: &str) -> bool {
    let joined = after.trim_start_matches(' ');
    (joined.starts_with('-') && joined[1..].starts_with(|c: char| c.is_uppercase()))
        || STATE_SOLUTION.is_match(after_long)
}

/// "-state solution", " State solution": the two-State solution named.
static STATE_SOLUTION: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)^\s*-?\s*states?\s+solution(?-u:\b)").unwrap());

/// "in one case, ...", "in one instance the": the case opens the clause.
static IN_ONE_INSTANCE: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^\s+(?:case|instance|incident)\s*(?:,|the\s|a\s|an\s)").unwrap());

/// After "one": a partitive, a verb of its own ("one was sentenced") or
/// "or the other" ("one party or the other") that makes it a pronoun or
/// a distributive, no count.
static ONE_OF: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^\s+(?:of\s+(?:the|them|those|these|its|their|his|her|our|whom|which|us)",
        r"|(?:was|is|has|had|remains|remained|died|did)|[\w-]+\s+or\s+(?:the\s+)?other)(?-u:\b)"
    ))
    .unwrap()
});

fn indicator(
    doc: &Document,
    units: &Units,
    n: &NumberMention,
    taken: &Coverage,
    prev: Option<&Indicator>,
) -> Option<Indicator> {
    let listed = by_country(doc, n);
    if excluded(doc, n, taken, listed) {
        return None;
    }
    let text = &doc.letter.text;
    let sentence = containing(&doc.sentences, |s| *s, n.span).copied().unwrap_or(n.span);
    // The count before whose noun this number leaves out ("111
    // broadcasting stations, of which 72 broadcast in Albanian, 33 in
    // Serbian"): the number counts what that one counts, in its unit.
    let mut elided: Option<&Indicator> = None;
    let (unit, category, unit_span) = if listed {
        counted_by_country(text, units, sentence, n.span.start)?
    } else if let Some(c) = &n.currency {
        (c.clone(), "money".to_owned(), n.span)
    } else if n.percent {
        ("percent".to_owned(), "percent".to_owned(), n.span)
    } else if text[n.span.end..].starts_with('-') || text[n.span.end..].starts_with(" -") {
        compound_unit(text, units, n)?
    } else {
        let toks = phrase_after(text, units, n.span.end + OR_BOUND.find(&text[n.span.end..]).map_or(0, |m| m.end()));
        match head(units, &toks, n.value == 1.0) {
            Some(h) => numbered_shared_head(text, units, n, units_of(text, units, h)),
            None if toks.is_empty() && stated_before(text, units, sentence, n.span) => {
                look_back(text, units, sentence, n.span)?
            }
            // "from 6,700 to 7,500 troops": the first value counts what the
            // second does.
            None if toks.is_empty() && CHANGE_TO.is_match(&text[n.span.end..]) => change_from(doc, units, sentence, n)?,
            // "24 of the 28 existing ordinary courts", "9 of her 10 children",
            // "seven out of 18 prisons":
            // the number counts part of what the phrase after "of" counts.
            // ("one of the", a pronoun, is not a quantity: GUIDELINES §4).
            None if toks.is_empty() && !(n.words && n.value == 1.0) && PARTITIVE.is_match(&text[n.span.end..]) => {
                let m = PARTITIVE.find(&text[n.span.end..])?;
                let toks = phrase_after(text, units, n.span.end + m.end());
                // The whole's compound names the part's class too ("261 of
                // the 570 communal sections").
                let (unit, cat, at) = head(units, &toks, false)?;
                (compound_before(text, units, at, &unit).unwrap_or(unit), cat, n.span)
            }
            // "19 were girls", "of whom 5 are women", "8 of whom were
            // women": the noun the copula names is what the number counts.
            None if copula_noun(text, n, &toks).is_some() => {
                let span = copula_noun(text, n, &toks)?;
                match units.get(span.slice(text)) {
                    Some((unit, cat)) => (unit.clone(), cat.clone(), span),
                    None => (singular(span.slice(text)), "other".to_owned(), span),
                }
            }
            // "9 of whom", "seven of them": the noun said before.
            None if toks.is_empty() && PARTITIVE_PRONOUN.is_match(&text[n.span.end..]) => {
                // A part no larger than its whole ("1,195 officers, including
                // 79 women, ..., 485 of them" are not women).
                let prev = prev.filter(|p| whole_before(p, n))?;
                elided = Some(prev);
                (prev.unit_surface.clone(), prev.category.clone(), n.span)
            }
            None => match names_shared(text, units, n, &toks) {
                Some(h) => h,
                None => {
                    elided = prev;
                    antecedent(text, n, &toks, prev)?
                }
            },
        }
    };
    let (qualifier, start) = hedge(text, sentence, n, prev);
    let span = Span::new(start.min(n.span.start), unit_span.end.max(n.span.end));
    let (unit, category) = national(text, units, sentence, unit_span, unit, category);
    let attempted = text[n.span.end..unit_span.start.max(n.span.end)].contains("attempted");
    // "2,695 rounds of ammunition": the head is written (GUIDELINES §4
    // counts rounds), the class is the lexicon's for the whole "round of
    // ammunition" (a weapon, not a round of talks).
    let (unit_for_class, category) = match of_compound(text, units, &unit, unit_span) {
        Some((compound, cat)) => (compound, cat),
        None => others_of(text, n, sentence, prev, unit.clone(), category, unit_span),
    };
    let (canonical, category) = class_in_context(text, units, n, unit_span, &unit_for_class, category, attempted)?;
    // The noun as written is the head of the phrase (GUIDELINES §4): "102
    // national staff" counts staff, "287 United Nations Volunteers"
    // volunteers; the compound stays in the canonical unit.
    // A hyphenated compound written as one word stays whole ("asylum-seekers").
    let written = unit_span.slice(text);
    let surface = match unit.rsplit_once(' ') {
        Some(_)
            if written.contains('-')
                && !written.contains(char::is_whitespace)
                && written.chars().all(|c| c.is_lowercase() || c == '-') =>
        {
            units.singular_of(written)
        }
        Some((_, last))
            if !MEASURES.contains(&category.as_str())
                && unit.chars().all(|c| c.is_lowercase() || c == ' ' || c == '-') =>
        {
            units.singular_of(last)
        }
        _ => unit,
    };
    let (canonical, category, surface) =
        elided.map_or((canonical, category, surface), |p| (p.unit.clone(), p.category.clone(), p.unit_surface.clone()));
    Some(Indicator {
        value: n.value,
        value_high: n.value_high,
        qualifier,
        unit: canonical,
        unit_surface: surface,
        category,
        subject: missive_model::Subject::Unknown,
        mission_id: None,
        span,
        sentence,
    })
}

/// "Libyan dinars": an ambiguous currency noun named by its country,
/// before it or elsewhere in its sentence.
fn national(
    text: &str,
    units: &Units,
    sentence: Span,
    unit_span: Span,
    unit: String,
    category: String,
) -> (String, String) {
    match (category.as_str(), text[..unit_span.start].trim_end().rsplit(' ').next()) {
        ("money", Some(adjective)) if unit.bytes().any(|b| b.is_ascii_lowercase()) => {
            let noun = unit_span.slice(text).rsplit(' ').next().unwrap_or("");
            match units.national_currency(adjective, noun) {
                Some(code) => (code.clone(), category),
                None => match sentence_currency(text, units, sentence, noun) {
                    Some(code) => (code, category),
                    None => (unit, category),
                },
            }
        }
        _ => (unit, category),
    }
}

/// "more than 3.5 billion dinars in circulation ... the value of the
/// Libyan dinar": a currency noun with no country before it is the
/// currency its sentence names with one, when it names exactly one.
fn sentence_currency(text: &str, units: &Units, sentence: Span, noun: &str) -> Option<String> {
    let noun = singular(noun);
    if noun.is_empty() {
        return None;
    }
    let words: Vec<&str> = sentence.slice(text).split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let mut found: Option<String> = None;
    for pair in words.windows(2) {
        if !pair[0].starts_with(char::is_uppercase) || singular(pair[1]) != noun {
            continue;
        }
        if let Some(code) = units.national_currency(pair[0], pair[1]) {
            match &found {
                Some(f) if f != code => return None,
                _ => found = Some(code.clone()),
            }
        }
    }
    found
}

/// "141 projects were ongoing and 32 others", "adopted 10 laws and
/// approved 7 others": "others" (the noun as written) are of the class of
/// the count before it in its sentence; without one ("killed a man and
/// injured two others") they are persons (the lexicon's entry).
fn others_of(
    text: &str,
    n: &NumberMention,
    sentence: Span,
    prev: Option<&Indicator>,
    unit: String,
    category: String,
    unit_span: Span,
) -> (String, String) {
    match prev {
        Some(p)
            if unit == "other"
                && unit_span.slice(text).eq_ignore_ascii_case("others")
                && p.sentence == sentence
                && p.span.end <= n.span.start
                && !p.unit_surface.is_empty()
                && !MEASURES.contains(&p.category.as_str()) =>
        {
            (p.unit_surface.clone(), p.category.clone())
        }
        _ => (unit, category),
    }
}

/// The noun a copula after the number names: " were girls.", and after a
/// partitive pronoun " of whom were women,".
fn copula_noun(text: &str, n: &NumberMention, toks: &[Tok]) -> Option<Span> {
    let after = &text[n.span.end..];
    let c =
        COPULA_NOUN.captures(after).or_else(|| toks.is_empty().then(|| PARTITIVE_COPULA.captures(after)).flatten())?;
    let w = c.get(1)?;
    Some(Span::new(n.span.end + w.start(), n.span.end + w.end()))
}

/// A number that stands for a noun said just before ("Of these, seven had
/// been resolved, while 19 remained unresolved"; "of which three were
/// previously declared"): it opens its clause and a verb follows it. Its
/// unit is the previous indicator's, when that one is close (the same
/// paragraph, at most [`ANTECEDENT`] bytes back) and counts things; else
/// the number is no row.
fn antecedent(text: &str, n: &NumberMention, toks: &[Tok], prev: Option<&Indicator>) -> Option<(String, String, Span)> {
    let prev = prev?;
    if n.currency.is_some() || n.percent || n.value_high.is_some() {
        return None;
    }
    if prev.span.end > n.span.start
        || n.span.start - prev.span.end > ANTECEDENT
        || text[prev.span.end..n.span.start].contains('\n')
        || matches!(prev.category.as_str(), "money" | "percent" | "duration" | "area")
    {
        return None;
    }
    let after = text[n.span.end..].trim_start();
    let next = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    let verb = matches!(
        next.as_str(),
        "were"
            | "was"
            | "had"
            | "have"
            | "has"
            | "are"
            | "is"
            | "remain"
            | "remained"
            | "remains"
            | "did"
            | "could"
            | "would"
            | "will"
    ) || toks.first().is_some_and(|t| verb_like(t.word) && t.span.start == n.span.end + 1);
    // "10 in July", "5 by the Government", "13 in road traffic accidents":
    // a preposition right after the number; "compared with 118": the end
    // of the clause.
    let preposition = toks.is_empty()
        && (matches!(
            next.as_str(),
            "in" | "by" | "with" | "through" | "from" | "for" | "due" | "at" | "on" | "during" | "among" | "across"
        ) || after.starts_with([',', ';', '.', ')']));
    // "923 officers were deployed in Dili and 587 to other districts": a
    // destination after a coordinated number (not "from 2 to 31").
    let destination = toks.is_empty() && next == "to";
    let from = floor_boundary(text, n.span.start.saturating_sub(24));
    let before = &text[from..n.span.start];
    // "reducing troop strength from 5,000 to 2,530": the second value of
    // a change counts what the first does, not a noun before them.
    if FROM_NUMBER_TO.find(before).is_some_and(|m| prev.span.start < from + m.start()) {
        return None;
    }
    let opener = ELIDED_OPENER.is_match(before);
    let elided = opener && (verb || preposition || destination) || preposition && COMPARED.is_match(before);
    // The antecedent of a coordinated or compared number is in its sentence.
    let same_sentence = !text[prev.span.end..n.span.start].contains(". ");
    (elided && (verb || same_sentence)).then(|| (prev.unit_surface.clone(), prev.category.clone(), n.span))
}

/// Whether `p`, the count before, can be the whole that "9 of whom", "four
/// of them" takes a part of: close before it, no smaller, and a count of
/// things (not an amount or a percentage).
fn whole_before(p: &Indicator, n: &NumberMention) -> bool {
    p.span.end <= n.span.start
        && n.span.start - p.span.end <= ANTECEDENT
        && p.value >= n.value
        && !MEASURES.contains(&p.category.as_str())
}

/// "compared with 118", "against 30", "up from 65", "out of 18", "147
/// of 181": a number set beside the one before, or its whole.
static COMPARED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:compared\s+(?:with|to)|against|versus|up\s+from|down\s+from|from|to|another|including|of\s+which|of\s+whom|out\s+of(?:\s+(?:a\s+total\s+of|the|all))?|\d[\d,]*\s+of)\s+$").unwrap()
});

/// " were girls.", " are women,": a copula and a plural noun that ends the clause.
static COPULA_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^\s+(?:are|were)\s+([a-z][a-z-]{2,}s|men|women|children|people)(?:\s*[,.;:)]|\s+and(?-u:\b)|\s*$)",
    )
    .unwrap()
});

/// " of the 28 ", " of her 10 ", " of the ", " of the country's 10 ",
/// " of Haiti's 10 ": a part of a counted whole (a possessor is not what
/// is counted).
static PARTITIVE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"^\s+(?:out\s+)?of\s+(?:(?:the|her|his|their|its|these|those|all|our)\s+(?:[A-Za-z][\w-]*['’]s\s+)?(?:\d[\d,.]*\s+)?|",
        r"[A-Z][\w-]*['’]s\s+(?:\d[\d,.]*\s+)?|\d[\d,.]*\s+)"
    ))
    .unwrap()
});
/// " of whom were women,", " of whom are contingent members and", " of
/// them women)": a partitive pronoun, a copula (or none), at most two
/// modifiers after it and a plural noun
/// that ends the clause or that a relative, a preposition or a participle
/// continues ("persons belonging to").
static PARTITIVE_COPULA: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^\s+of\s+(?:whom|which|them)\s+(?:(?:are|were)\s+(?:[a-z][a-z-]+\s+){0,2}?)?([a-z][a-z-]{2,}s|men|women|children|people)(?:\s*[,.;:)]|\s+(?:and|who|from|in|of|belonging|living|working)(?-u:\b)|\s*$)",
    )
    .unwrap()
});
static PARTITIVE_PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^\s+of\s+(?:whom|which|them|these|those)(?-u:\b)").unwrap());

/// The second value of a change follows: " to 7,500".
static CHANGE_TO: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^\s+to\s+(?:some\s+|about\s+|approximately\s+)?\$?\d").unwrap());

/// The unit of the first value of a change ("from 6,700 to 7,500 troops"):
/// the second value's noun or measure ("from 75 to 67 per cent"), else the
/// noun before the change ("troop strength from 5,000 to 2,530").
fn change_from(doc: &Document, units: &Units, sentence: Span, n: &NumberMention) -> Option<(String, String, Span)> {
    let next = doc.numbers.get(doc.numbers.partition_point(|m| m.span.start <= n.span.end))?;
    if next.percent {
        return Some(("percent".to_owned(), "percent".to_owned(), n.span));
    }
    if let Some(c) = &next.currency {
        return Some((c.clone(), "money".to_owned(), n.span));
    }
    let text = &doc.letter.text;
    let toks = phrase_after(text, units, next.span.end);
    let (unit, cat, _) = head(units, &toks, false).or_else(|| noun_changed(text, units, sentence, next.span))?;
    Some((unit, cat, n.span))
}

/// "from 5,000 to ", "from about 30 per cent to ": the first value of a
/// change right before its second.
static FROM_NUMBER_TO: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)from\s+(?:some\s+|about\s+|approximately\s+)?\$?\d[\d,.]*\s*(?:per\s*cent|%)?\s+to\s+$",
    )
    .unwrap()
});

/// How far back (bytes) [`antecedent`] accepts the noun a number stands for.
const ANTECEDENT: usize = 300;

/// What opens a clause whose subject is a bare number.
static ELIDED_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?:(?-u:\b)(?:of\s+which|of\s+these|of\s+them|of\s+whom|while|whereas|and|but|another|including|compared\s+(?:with|to))|[,;:(])\s*$")
        .unwrap()
});

/// The end of the clause before `at` that [`CLOSES_CLAUSE`] looks at: at most
/// the last 80 bytes, cut after a space so a word is never split (the
/// longest phrase it matches is far shorter). Bounded so the check costs
/// the same in a sentence of ten words or of ten megabytes.
fn clause_end(text: &str, sentence_start: usize, at: usize) -> &str {
    let from = floor_boundary(text, at.saturating_sub(80)).max(sentence_start);
    let window = &text[from..at];
    match window.find(' ') {
        Some(i) if from > sentence_start => &window[i..],
        _ => window,
    }
}

/// "the (total) number of (its) ...": the counted phrase follows.
static NUMBER_OF: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:number|total|count)\s+of\s+(?:(?:the|its|their|such|our|all)\s+)?")
        .unwrap()
});

/// "171 national and 334 international personnel", "24 civilian and 80
/// military staff", "two Serb and two Croat judges": a modifier in the
/// singular after a plural number, coordinated with another phrase, shares
/// that phrase's noun. The row keeps its own words as evidence.
fn numbered_shared_head(
    text: &str,
    units: &Units,
    n: &NumberMention,
    h: (String, String, Span),
) -> (String, String, Span) {
    let written = h.2.slice(text);
    if n.value <= 1.0
        || written.contains(' ')
        || plural_form(units, written)
        || units.plural.contains(&written.to_lowercase())
    {
        return h;
    }
    match coordinated_noun(text, units, h.2.end) {
        Some((unit, category)) => (unit, category, h.2),
        None => h,
    }
}

/// "two OSCE and one EULEX vehicles": names alone after a number, then a
/// coordinated number's phrase, whose noun they share.
/// After one, a nationality coordinated with people of another is a
/// person of its own: "1 Montenegrin and 13 Kosovo Albanians" counts a
/// Montenegrin ("one Jordanian and two Pakistani units", "two Serb and two
/// Croat judges" share the noun).
fn names_shared(text: &str, units: &Units, n: &NumberMention, toks: &[Tok]) -> Option<(String, String, Span)> {
    let last = toks.last()?;
    // Or a modifier or two in lower case, no noun among them ("351
    // international and 640 local staff").
    let modifiers = n.value > 1.0
        && toks.len() <= 2
        && toks
            .iter()
            .all(|t| t.word.starts_with(char::is_lowercase) && !verb_like(t.word) && units.get(t.word).is_none());
    if !modifiers && !toks.iter().all(|t| t.word.starts_with(char::is_uppercase)) {
        return None;
    }
    let (unit, category) = coordinated_noun(text, units, last.span.end)?;
    if n.value == 1.0
        && let [one] = toks
        && units.is_demonym(one.word)
        && units.demonyms.contains_key(&unit)
    {
        return Some((one.word.to_lowercase(), category, one.span));
    }
    Some((unit, category, last.span))
}

/// The plural noun of the phrase of a number coordinated right after
/// `end` ("and 334 international personnel"), the noun alone: its own
/// modifiers are not the first number's ("728 civilian and 217 military
/// personnel").
fn coordinated_noun(text: &str, units: &Units, end: usize) -> Option<(String, String)> {
    let c = COORDINATED_NUMBER.find(&text[end..])?;
    let toks = phrase_after(text, units, end + c.end());
    let (_, _, span) = head(units, &toks, false)?;
    let written = span.slice(text);
    let noun = written.rsplit(' ').next().unwrap_or("");
    // A plural, or a collective noun of people ("staff", "personnel").
    let collective = COLLECTIVE_PEOPLE.contains(&noun.to_lowercase().as_str());
    let found = units.get(noun).cloned();
    if !(collective || plural_form(units, written) || units.plural.contains(&written.to_lowercase())) {
        return None;
    }
    found
}

/// Nouns of people that count in the singular form ("640 local staff").
const COLLECTIVE_PEOPLE: &[&str] = &["staff", "personnel", "police"];

/// "and 334", "or two": a coordinated number after a phrase.
static COORDINATED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^\s+(?:and|or)\s+(?:[\d][\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\s+",
    )
    .unwrap()
});

/// "350 units of armoured vehicles": "units of" only counts what follows
/// it, which is the counted noun. ("250 items of unexploded ordnance"
/// counts items, as annotators read it: an item is a countable thing.)
fn units_of(text: &str, units: &Units, h: (String, String, Span)) -> (String, String, Span) {
    let classifier = h.2.slice(text).eq_ignore_ascii_case("units");
    let after = &text[h.2.end..];
    if classifier && after.starts_with(" of ") {
        let toks = phrase_after(text, units, h.2.end + 4);
        if toks.first().is_some_and(|t| t.word.starts_with(|c: char| c.is_lowercase()))
            && let Some(inner) = head(units, &toks, false)
        {
            return inner;
        }
    }
    h
}

/// Whether a number with no noun after it counts what its sentence named
/// before: it closes its clause ("stood at 26"), or it ends a change in a
/// number named before ("increasing the number of officers to 1,182", "the
/// number of files ... from 95 in the first quarter to 111").
fn stated_before(text: &str, units: &Units, sentence: Span, at: Span) -> bool {
    let clause = clause_end(text, sentence.start, at.start);
    CLOSES_CLAUSE.is_match(clause)
        || CHANGE_END.is_match(clause)
            && (number_of(text, units, sentence, at).is_some() || noun_changed(text, units, sentence, at).is_some())
}

/// The noun right before a change whose second value `at` is ("reducing
/// troop strength from 5,000 to 2,530", "military personnel from 477 to
/// 179"): what both values count (the first takes the second's unit).
fn noun_changed(text: &str, units: &Units, sentence: Span, at: Span) -> Option<(String, String, Span)> {
    let from = floor_boundary(text, at.start.saturating_sub(LOOK_BACK)).max(sentence.start);
    let noun = NOUN_CHANGED.captures(&text[from..at.start])?.get(1)?.as_str();
    let (unit, cat) = units.get(noun)?.clone();
    Some((unit, cat, at))
}

/// A noun, its "strength" or "level", a verb of change, and a change from
/// a number to the one that follows: "troop strength from 5,000 to ",
/// "thefts rose from 25 to ".
static NOUN_CHANGED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)([a-z][a-z-]+)\s+(?:(?:strength|numbers?|levels?)\s+)?",
        r"(?:(?:has\s+|have\s+|had\s+)?(?:rose|risen|fell|fallen|increased|decreased|dropped|declined|grew|grown)\s+)?",
        r"from\s+(?:(?:some|about|approximately|around|nearly)\s+)?",
        r"(?:\d[\d,.]*\s+to\s+(?:(?:some|about|approximately|around|nearly)\s+)?)$"
    ))
    .unwrap()
});

/// The noun a "number of" phrase before `at` in its sentence (within
/// [`LOOK_BACK`] bytes) names: what a number that states it counts.
fn number_of(text: &str, units: &Units, sentence: Span, at: Span) -> Option<(String, String, Span)> {
    let from = floor_boundary(text, at.start.saturating_sub(LOOK_BACK)).max(sentence.start);
    let m = NUMBER_OF.find_iter(&text[from..at.start]).last()?;
    let mut toks = phrase_after(text, units, from + m.end());
    // "the number of adjudicated claims stands at": the phrase ends
    // before its verb.
    if let Some(v) = toks.iter().skip(1).position(|t| FINITE_S.contains(&t.word.to_lowercase().as_str())) {
        toks.truncate(v + 1);
    }
    let (unit, cat, _) = head(units, &toks, false)?;
    Some((unit, cat, at))
}

/// Verbs in the third person that can follow a counted phrase ("the
/// number of refugees remains").
const FINITE_S: &[&str] = &[
    "stands",
    "remains",
    "needs",
    "stays",
    "totals",
    "reaches",
    "exceeds",
    "rises",
    "falls",
    "grows",
    "continues",
    "appears",
    "seems",
    "amounts",
    "includes",
];

/// " to ", " from the current ": a number that ends or starts a change.
static CHANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:from|to)\s+(?:(?:the\s+current|the\s+present|approximately|about|some|around|nearly|almost|over|more\s+than|at\s+least|an\s+estimated)\s+)?$").unwrap()
});

/// How far back (bytes) [`look_back`] searches for the unit of a number
/// that closes its clause.
const LOOK_BACK: usize = 400;

/// "KFOR troops in theatre was at approximately 5,500": the number closes
/// its clause, so the unit is the nearest plural noun before it (within
/// [`LOOK_BACK`] bytes of the sentence).
fn look_back(text: &str, units: &Units, sentence: Span, at: Span) -> Option<(String, String, Span)> {
    let from = floor_boundary(text, at.start.saturating_sub(LOOK_BACK)).max(sentence.start);
    let before = &text[from..at.start];
    // "the total number of outstanding issues ... stood at 26": the noun
    // the number counts is named after "number of".
    if let Some(u) = number_of(text, units, sentence, at).or_else(|| noun_changed(text, units, sentence, at)) {
        return Some(u);
    }
    let mut end = before.len();
    for word in before.rsplit(|c: char| !c.is_alphabetic()) {
        let start = end - word.len();
        if !word.is_empty() && units.plural.contains(&word.to_lowercase()) {
            let (unit, cat) = units.get(word)?.clone();
            return Some((unit, cat, at));
        }
        end = start.saturating_sub(1);
        if end == 0 {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_and_hedges() {
        let units = Units::from_csv(
            "noun,plural,category,unit\nsession,sessions,events,session\nteam,teams,personnel,team\npersonnel,personnel,personnel,personnel\nbuffer zone,buffer zones,other,buffer zone\nzone,zones,other,zone\n",
        )
        .unwrap();
        let t = "six advanced team personnel were";
        let h = head(&units, &phrase_after(t, &units, 3), false).unwrap();
        assert_eq!(h.0, "personnel");
        let t = "two so-called buffer zones.";
        assert_eq!(head(&units, &phrase_after(t, &units, 3), false).unwrap().0, "buffer zone");
        let t = "11 sessions of the Club";
        assert_eq!(head(&units, &phrase_after(t, &units, 2), false).unwrap().0, "session");
        let t = "two rigid hull inflatable boats";
        assert_eq!(head(&units, &phrase_after(t, &units, 3), false).unwrap().0, "boat");
        assert_eq!(units.canonical("sessian", "other").0, "session");
        assert_eq!(units.canonical("zane", "other").0, "");
        assert_eq!(qualifier("Over ").0, Qualifier::AtLeast);
        assert_eq!(qualifier("over the past ").0, Qualifier::Exact);
        assert_eq!(qualifier("at approximately ").0, Qualifier::Approx);
        assert_eq!(qualifier("a total deployment of at least ").0, Qualifier::AtLeast);
        assert_eq!(qualifier("for a minimum period of ").0, Qualifier::AtLeast);
        assert_eq!(qualifier("for a maximum term of ").0, Qualifier::AtMost);
        assert_eq!(qualifier("nearly ").0, Qualifier::AtMost);
        assert_eq!(qualifier("should not accommodate more than ").0, Qualifier::AtMost);
        assert_eq!(qualifier("not to exceed ").0, Qualifier::AtMost);
        assert_eq!(qualifier("movements within ").0, Qualifier::AtMost);
        assert_eq!(qualifier("shall not be less than ").0, Qualifier::AtLeast);
        assert_eq!(qualifier("the budget has exceeded ").0, Qualifier::AtLeast);
    }
}
