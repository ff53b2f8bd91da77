//! Mission mentions: gazetteer names (matched across line breaks and
//! hyphenation variants), acronyms, and acronyms the text itself defines.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::Datelike;
use missive_model::{MissionMention, NaiveDate, PartialDate, Span, ceil_boundary, floor_boundary};
use regex::Regex;

use crate::gazetteer::Gazetteer;

/// Words that make a defined name a field presence rather than a body.
const HEADS: &[&str] = &[
    "mission",
    "office",
    "operation",
    "force",
    "observer",
    "observers",
    "presence",
    "verification",
    "administration",
    "authority",
    "assistance",
    "support",
    "stabilization",
    "stabilisation",
    "peacekeeping",
    "peace-building",
    "peacebuilding",
    "envoy",
];
/// Last words that make a defined name a group of people, not a presence.
const PEOPLE: &[&str] =
    &["observers", "monitors", "officers", "personnel", "troops", "advisers", "advisors", "experts", "staff", "police"];
/// Words that make a defined name a body that is not a mission.
const NOT_HEADS: &[&str] = &[
    "programme",
    "program",
    "fund",
    "agency",
    "department",
    "committee",
    "panel",
    "group of experts",
    "commission",
    "council",
    "court",
    "tribunal",
    "organization",
    "organisation",
    "development",
    "children's",
    "refugees",
    "high commissioner",
    "bank",
    "institute",
    "university",
    "secretariat",
    "conference",
    "centre for",
    "service",
    "mine action",
    "humanitarian coordinator",
    "coordinator",
    "logistic",
    "academy",
    "school",
    "college",
    "training centre",
];

/// A defined name and its acronym: "the United Nations Office in Burundi
/// (UNOB)", "African Union Mission in Somalia (AMISOM)". `{run}` is the
/// repetition of the name's characters after its first words.
fn definition_pattern(run: &str) -> String {
    format!(
        r"((?:United Nations|African Union|European Union|Economic Community of [A-Z][a-z]+ [A-Z][a-z]+ States|Southern African Development Community|East African Community|North Atlantic Treaty Organization|Multinational|International)(?-u:\b)([A-Za-z’'\- ,]{run}))\s+\(([A-Z][A-Za-z]{{0,3}}[A-Z][A-Za-z\-/]{{1,10}})\)"
    )
}
/// At most this many characters of a name after its first words.
const NAME_RUN: usize = 160;
/// The definition as specified: the name's run bounded by [`NAME_RUN`].
static DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(&definition_pattern(&format!("{{3,{NAME_RUN}}}?"))).unwrap());
/// The same with the bound lifted. A bounded repetition this long makes the
/// lazy DFA build new states all the time (it was 6% of a whole run);
/// unbounded, its states stay few.
static DEFINITION_UNBOUNDED: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(&definition_pattern("{3,}?")).unwrap());

/// Every match of [`DEFINITION`], in order, as (name, acronym) spans.
///
/// The unbounded pattern finds the same match wherever the name's run is
/// within the bound: it tries the same alternatives in the same order and
/// each match of the bounded pattern is one of its own. Where its run is
/// longer, the bounded pattern, started at the same place, settles it.
fn definitions(text: &str) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = DEFINITION_UNBOUNDED.captures_at(text, at) {
        let run = c.get(2).expect("the run group");
        let c = if run.as_str().chars().count() <= NAME_RUN {
            c
        } else {
            let start = c.get(0).expect("the match").start();
            match DEFINITION.captures_at(text, start) {
                Some(c) => c,
                None => break,
            }
        };
        let (full, acr, whole) = (c.get(1).unwrap(), c.get(3).unwrap(), c.get(0).unwrap());
        out.push((Span::new(full.start(), full.end()), Span::new(acr.start(), acr.end())));
        at = whole.end();
    }
    out
}

/// A compiled matcher over the gazetteer.
#[derive(Debug, Clone)]
pub struct MissionMatcher {
    /// Multi-word names, matched on a folded copy of the text.
    names: AhoCorasick,
    name_ids: Vec<String>,
    /// Acronyms, matched case-sensitively on the text as written.
    acronyms: AhoCorasick,
    acronym_ids: Vec<String>,
    known: HashSet<String>,
    not_missions: HashSet<String>,
    /// Descriptions ([`Gazetteer::descriptions`]), folded, each with the
    /// missions it may denote and where and when they operated.
    descriptions: AhoCorasick,
    described: Vec<Vec<Place>>,
    /// Names two missions bear (folded): "United Nations Office in
    /// Burundi" was UNOB (1993-2004) and BNUB (2011-2014). The gazetteer
    /// maps the name to the first; [`Self::find_in`] chooses.
    shared: HashMap<String, Vec<Place>>,
}

/// A mission a description may denote: its id, countries and years.
#[derive(Debug, Clone)]
struct Place {
    id: String,
    countries: Vec<String>,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
}

impl Place {
    /// Whether a document about `countries`, dated `date`, can mean this
    /// mission: a country in common, and the date from the mission's start
    /// to a year after its end.
    fn fits(&self, countries: &[String], date: Option<NaiveDate>) -> bool {
        self.operating(date) && self.countries.iter().any(|c| countries.contains(c))
    }

    /// Whether the mission operated on `date`, or ended less than a year
    /// before it.
    fn operating(&self, date: Option<NaiveDate>) -> bool {
        let Some(date) = date else { return false };
        let started = self.start.and_then(PartialDate::start).is_some_and(|s| s <= date);
        let not_over = self.end.is_none_or(|e| e.year + 1 >= date.year());
        started && not_over
    }
}

/// Lower case with hyphens and white space dropped, so that names match
/// across line breaks, hyphenation variants ("Peace-building",
/// "Peacebuilding") and conversion noise ("So malia"); with the map from
/// each folded byte back to the original byte offset.
pub fn fold(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // The common case, a byte at a time: `char::is_whitespace` on
            // ASCII is these six bytes.
            if !matches!(b, b'-' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
                out.push(char::from(b.to_ascii_lowercase()));
                map.push(i);
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        if !(c == '\u{2010}' || c == '\u{2011}' || c.is_whitespace()) {
            let c = match c {
                '’' | '‘' => '\'',
                c => c,
            };
            for l in c.to_lowercase() {
                for _ in 0..l.len_utf8() {
                    map.push(i);
                }
                out.push(l);
            }
        }
        i += c.len_utf8();
    }
    map.push(text.len());
    (out, map)
}

/// Words around an organisation's acronym that make it one of its field
/// presences: a presence word within two words after it ("OSCE Mission",
/// "CSCE monitor mission", "OSCE observers"), or "the mission of" before
/// its name.
fn field_presence(text: &str, span: Span) -> bool {
    let after = &text[span.end..ceil_boundary(text, (span.end + 40).min(text.len()))];
    let before = &text[floor_boundary(text, span.start.saturating_sub(100))..span.start];
    PRESENCE_AFTER.is_match(after) || PRESENCE_BEFORE.is_match(before)
}

static PRESENCE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^\)?(?:-led|\s+(?:[\w-]+\s+){0,2}?(?:missions?|presences?|monitors?|monitoring|observers?|verification|",
        r"spillover|field\s+(?:office|operation)s?|office\s+in|",
        // An alliance's operations: "NATO air strikes", "NATO fighters",
        // "a NATO-led force".
        r"air\s+(?:strikes?|actions?|attacks?|support|operations?|power)|airstrikes?|aircraft|fighters|planes|jets|",
        r"forces?|troops|bombing|intervention))(?-u:\b)"
    ))
    .expect("a valid pattern")
});

static PRESENCE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:(?:missions?|presences?|monitors|observers|aircraft|air\s+(?:strikes?|actions?|support)|fighters)\s+of",
        r"|(?:conducted|carried\s+out|flown)\s+by)\s+(?:the\s+)?(?:[\w-]+\s+){0,8}\(?$"
    ))
    .expect("a valid pattern")
});

fn is_acronym(s: &str) -> bool {
    !s.contains(' ') && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// A long acronym as a PDF's text layer may break it with a space
/// ("MINUS TAH"): each split that leaves two letters or more on each side,
/// for acronyms of five capital letters or more.
fn split_variants(acronym: &str) -> Vec<String> {
    if acronym.len() < 5 || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
        return Vec::new();
    }
    (2..=acronym.len() - 2).map(|i| format!("{} {}", &acronym[..i], &acronym[i..])).collect()
}

impl MissionMatcher {
    pub fn new(g: &Gazetteer) -> Self {
        let mut names = Vec::new();
        let mut name_ids = Vec::new();
        let mut acronyms = Vec::new();
        let mut acronym_ids = Vec::new();
        let mut seen = HashSet::new();
        let mut bearers: HashMap<String, Vec<String>> = HashMap::new();
        for (name, id) in &g.names {
            if is_acronym(name) {
                for variant in std::iter::once(name.clone()).chain(split_variants(name)) {
                    if seen.insert(("a", variant.clone())) {
                        acronyms.push(variant);
                        acronym_ids.push(id.clone());
                    }
                }
            } else {
                let trimmed = name.strip_prefix("the ").unwrap_or(name);
                let f = fold(trimmed).0;
                let ids = bearers.entry(f.clone()).or_default();
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
                if f.len() >= 6 && seen.insert(("n", f.clone())) {
                    names.push(f);
                    name_ids.push(id.clone());
                }
            }
        }
        let build = |p: &Vec<String>| {
            // A full DFA: the gazetteer is small and every text is searched.
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(p)
                .expect("mission names compile")
        };
        let mut phrases: Vec<String> = Vec::new();
        let mut described: Vec<Vec<Place>> = Vec::new();
        for (d, id) in &g.descriptions {
            let Some(info) = g.missions.get(id) else { continue };
            let place =
                Place { id: id.clone(), countries: info.countries.clone(), start: info.start_date, end: info.end_date };
            let f = fold(d).0;
            match phrases.iter().position(|p| *p == f) {
                Some(i) => described[i].push(place),
                None => {
                    phrases.push(f);
                    described.push(vec![place]);
                }
            }
        }
        let place = |id: &String| {
            g.missions.get(id).map(|info| Place {
                id: id.clone(),
                countries: info.countries.clone(),
                start: info.start_date,
                end: info.end_date,
            })
        };
        let shared = bearers
            .into_iter()
            .filter(|(_, ids)| ids.len() > 1)
            .map(|(name, ids)| (name, ids.iter().filter_map(place).collect()))
            .collect();
        Self {
            shared,
            descriptions: build(&phrases),
            described,
            names: build(&names),
            name_ids,
            acronyms: build(&acronyms),
            acronym_ids,
            known: g.missions.keys().cloned().collect(),
            not_missions: g.not_missions.clone(),
        }
    }

    /// Every mission mention in a document's text: [`Self::find`], and the
    /// descriptions that denote a mission in a document about `countries`
    /// dated `date` ("the international security forces" in Timor-Leste in
    /// 2008 are ISF), where no name was found.
    pub fn find_in(&self, text: &str, countries: &[String], date: Option<NaiveDate>) -> Vec<MissionMention> {
        let (folded, map) = fold(text);
        let mut out = self.find_folded(text, &folded, &map);
        self.choose_bearers(text, &mut out, date);
        self.add_described(text, (&folded, &map), countries, date, &mut out);
        named_by_acronym(text, &mut out);
        out
    }

    /// Adds the descriptions that denote a mission in a document about
    /// `countries` dated `date`, where no name was found.
    fn add_described(
        &self,
        text: &str,
        (folded, map): (&str, &[usize]),
        countries: &[String],
        date: Option<NaiveDate>,
        out: &mut Vec<MissionMention>,
    ) {
        if self.described.is_empty() {
            return;
        }
        let mut extra = Vec::new();
        for m in self.descriptions.find_iter(folded) {
            let span = Span::new(map[m.start()], end_offset(map, m.end(), text));
            let (before, after) = word_bounded(text, span);
            // Capitalised, it must not open a longer name ("Multinational
            // Force and Observers"): the next word is not capitalised.
            let next = text[span.end..].trim_start_matches([' ', '\n']).split_whitespace().next().unwrap_or("");
            let capitalised = span.slice(text).chars().any(char::is_uppercase);
            let lower = !capitalised || !next.starts_with(char::is_uppercase) && next != "and" && next != "of";
            let free = !out.iter().any(|o| o.span.start < span.end && span.start < o.span.end);
            let place = self.described[m.pattern().as_usize()].iter().find(|p| p.fits(countries, date));
            if let (true, true, true, true, Some(p)) = (before, after, lower, free, place) {
                extra.push(MissionMention {
                    mission_id: p.id.clone(),
                    surface: span.slice(text).to_owned(),
                    span,
                    in_gazetteer: true,
                });
            }
        }
        if !extra.is_empty() {
            out.extend(extra);
            out.sort_by_key(|m| m.span);
        }
    }

    /// A name two missions bore ([`Self::shared`]) is the one whose acronym
    /// follows it in brackets ("the United Nations Office in Burundi
    /// (BNUB)"), else the one operating when the document was written (from
    /// its start to a year after its end), when only one was.
    fn choose_bearers(&self, text: &str, out: &mut [MissionMention], date: Option<NaiveDate>) {
        if self.shared.is_empty() {
            return;
        }
        for i in 0..out.len() {
            let m = &out[i];
            if !m.surface.contains(' ') {
                continue;
            }
            let name = fold(m.surface.strip_prefix("the ").unwrap_or(&m.surface)).0;
            let Some(bearers) = self.shared.get(&name) else { continue };
            let bracketed =
                out.get(i + 1).filter(|a| acronym_after(text, m, a) && bearers.iter().any(|b| b.id == a.mission_id));
            let chosen = match bracketed {
                Some(a) => Some(a.mission_id.clone()),
                None => {
                    let operating: Vec<&Place> = bearers.iter().filter(|b| b.operating(date)).collect();
                    (operating.len() == 1).then(|| operating[0].id.clone())
                }
            };
            if let Some(id) = chosen {
                out[i].mission_id = id;
            }
        }
    }

    /// Acronyms the text itself defines ("the United Nations Office in
    /// Burundi (UNOB)"): known ones map to the gazetteer, new ones become
    /// missions of their own (flagged). Returns the acronyms to find
    /// again in the text, with their missions.
    fn defined(&self, text: &str, out: &mut Vec<MissionMention>, taken: &mut Taken) -> HashMap<String, String> {
        let mut defined: HashMap<String, String> = HashMap::new();
        for (full, acr) in definitions(text) {
            let acronym = acr.slice(text);
            if self.not_missions.contains(acronym) {
                continue;
            }
            let full_span = trim_name(text, full);
            let name = full_span.slice(text).to_lowercase();
            let covered = taken.first_overlapping(full_span);
            if self.known.contains(acronym) {
                // A known mission defined under a name the gazetteer lacks
                // ("the European Union Police Mission (EUPM)"): the name is
                // a mention of it too, when its initials spell the acronym.
                if covered.is_none()
                    && initials_match(full_span.slice(text), acronym)
                    && let Some(id) = self.acronym_id(acronym)
                {
                    taken.insert(full_span, out.len());
                    out.push(MissionMention {
                        mission_id: id,
                        surface: full_span.slice(text).to_owned(),
                        span: full_span,
                        in_gazetteer: true,
                    });
                }
                continue;
            }
            if let Some(i) = covered {
                // A known mission's name with an unknown acronym: an alias.
                defined.insert(acronym.to_owned(), out[i].mission_id.clone());
                continue;
            }
            // "United Nations military observers (UNMOs)": people, not a presence.
            let last = name.rsplit([' ', '-']).next().unwrap_or("");
            if acronym.ends_with('s') || PEOPLE.contains(&last) {
                continue;
            }
            // Whole words ("Law Enforcement Academy" has no "force").
            let head = HEADS.iter().any(|h| {
                if h.contains('-') {
                    name.contains(h)
                } else {
                    name.split([' ', '-']).any(|w| w == *h || w.strip_suffix('s') == Some(h))
                }
            });
            let not_head = NOT_HEADS.iter().any(|h| name.contains(h));
            if head && !not_head && initials_match(full_span.slice(text), acronym) {
                defined.insert(acronym.to_owned(), acronym.to_owned());
                taken.insert(full_span, out.len());
                out.push(MissionMention {
                    mission_id: acronym.to_owned(),
                    surface: full_span.slice(text).to_owned(),
                    span: full_span,
                    in_gazetteer: false,
                });
            }
        }
        defined
    }

    /// The mission an acronym of the gazetteer names.
    fn acronym_id(&self, acronym: &str) -> Option<String> {
        self.acronyms
            .find_iter(acronym)
            .find(|m| m.start() == 0 && m.end() == acronym.len())
            .map(|m| self.acronym_ids[m.pattern().as_usize()].clone())
    }

    /// Every mission mention in `text`, sorted by position.
    pub fn find(&self, text: &str) -> Vec<MissionMention> {
        let (folded, map) = fold(text);
        self.find_folded(text, &folded, &map)
    }

    /// [`Self::find`] given the text's [`fold`].
    fn find_folded(&self, text: &str, folded: &str, map: &[usize]) -> Vec<MissionMention> {
        let mut out: Vec<MissionMention> = Vec::new();
        for m in self.names.find_iter(folded) {
            // Word boundaries are checked on the text as written.
            let span = Span::new(map[m.start()], end_offset(map, m.end(), text));
            let (before, after) = word_bounded(text, span);
            // An organisation's name that also names its field presences'
            // row ("North Atlantic Treaty Organization"): only where the
            // text speaks of a presence.
            let organisation = self.not_missions.contains(span.slice(text));
            if before && after && (!organisation || field_presence(text, span)) {
                out.push(MissionMention {
                    mission_id: self.name_ids[m.pattern().as_usize()].clone(),
                    surface: span.slice(text).to_owned(),
                    span,
                    in_gazetteer: true,
                });
            }
        }
        // Every span pushed from here on overlaps none before it, and the
        // names found above do not overlap each other (leftmost-longest).
        let mut taken = Taken::default();
        for (i, m) in out.iter().enumerate() {
            taken.insert(m.span, i);
        }
        // Acronyms the text defines: known ones map to the gazetteer, new
        // ones become missions of their own (flagged).
        let defined = self.defined(text, &mut out, &mut taken);
        let bytes = text.as_bytes();
        let boundary = |i: usize| i == 0 || i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
        // A split acronym ("UNM IS") with more capitals beside it ("UNM IS
        // ET") is another one broken twice.
        let capital_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_uppercase);
        let more_pieces = |m: &aho_corasick::Match| {
            text[m.start()..m.end()].contains(' ')
                && ((bytes.get(m.end()) == Some(&b' ') && capital_at(m.end() + 1))
                    || (m.start() >= 2 && bytes[m.start() - 1] == b' ' && capital_at(m.start() - 2)))
        };
        for m in self.acronyms.find_iter(text) {
            if boundary(m.start().wrapping_sub(1))
                && boundary(m.end())
                && (m.start() == 0 || boundary(m.start() - 1))
                && !more_pieces(&m)
                && !garbled_after(text, m.end())
            {
                let span = Span::new(m.start(), m.end());
                // An organisation's acronym that also names its field
                // presences ("OSCE"): a mission only where the text speaks
                // of a presence ("the CSCE mission", "the Mission of the
                // CSCE"), not of the organisation.
                let organisation = self.not_missions.contains(span.slice(text));
                if taken.first_overlapping(span).is_none() && (!organisation || field_presence(text, span)) {
                    taken.insert(span, out.len());
                    out.push(MissionMention {
                        mission_id: self.acronym_ids[m.pattern().as_usize()].clone(),
                        surface: span.slice(text).to_owned(),
                        span,
                        in_gazetteer: true,
                    });
                }
            }
        }
        for (acr, id) in &defined {
            for (i, _) in text.match_indices(acr.as_str()) {
                let span = Span::new(i, i + acr.len());
                if (i == 0 || boundary(i - 1)) && boundary(span.end) && taken.first_overlapping(span).is_none() {
                    taken.insert(span, out.len());
                    out.push(MissionMention {
                        mission_id: id.clone(),
                        surface: acr.clone(),
                        span,
                        in_gazetteer: self.known.contains(id),
                    });
                }
            }
        }
        out.sort_by_key(|m| m.span);
        out
    }
}

/// Whether a scan broke a word right after `end`: a replacement character,
/// or a colon or semicolon with no space after it ("UNC:\u{fffd}o" for
/// UNCRO): the letters before are no acronym of their own.
fn garbled_after(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    match (rest.next(), rest.next()) {
        (Some('\u{fffd}'), _) => true,
        (Some(':' | ';'), Some(c)) => !c.is_whitespace(),
        _ => false,
    }
}

/// Whether a span starts and ends at word boundaries of the text as written.
fn word_bounded(text: &str, span: Span) -> (bool, bool) {
    (
        text[..span.start].chars().next_back().is_none_or(|c| !c.is_alphanumeric()),
        text[span.end..].chars().next().is_none_or(|c| !c.is_alphanumeric()),
    )
}

fn end_offset(map: &[usize], folded_end: usize, text: &str) -> usize {
    // The original offset just after the last matched character.
    let last = map[folded_end - 1];
    last + text[last..].chars().next().map_or(1, char::len_utf8)
}

/// Drops a leading article or clause from a defined name: the name starts
/// at its capitalised head ("United Nations ...").
fn trim_name(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let t = s.trim_end_matches([',', ' ']);
    Span::new(span.start, span.start + t.len())
}

/// The acronym's letters appear, in order, among the name's word initials
/// (allowing for French acronyms and small words).
fn initials_match(name: &str, acronym: &str) -> bool {
    let initials: Vec<char> =
        name.split([' ', '-']).filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_uppercase()).collect();
    // At least half of the acronym's capitals are initials of the name, in order.
    let mut i = 0;
    let mut hits = 0;
    for c in &letters {
        if let Some(p) = initials[i..].iter().position(|x| x == c) {
            i += p + 1;
            hits += 1;
        }
    }
    hits * 2 >= letters.len() && hits >= 2
}

/// Disjoint spans already taken by mentions, with their index in the
/// output: overlap tests in logarithmic time, not a scan of every mention
/// per candidate (quadratic on a text that repeats a mission's name).
#[derive(Default)]
struct Taken(BTreeMap<usize, (usize, usize)>);

impl Taken {
    fn insert(&mut self, span: Span, index: usize) {
        self.0.insert(span.start, (span.end, index));
    }

    /// The leftmost taken span overlapping `s` (non-empty spans).
    fn first_overlapping(&self, s: Span) -> Option<usize> {
        if let Some((&start, &(end, i))) = self.0.range(..=s.start).next_back()
            && end > s.start
            && start < s.end
        {
            return Some(i);
        }
        self.0.range(s.start + 1..s.end.max(s.start + 1)).next().map(|(_, &(_, i))| i)
    }
}

/// A name the text gives another mission's acronym right after, in
/// brackets, is that mission's: "the European Union-led multinational
/// stabilization force (EUFOR)" is EUFOR, not SFOR, whose alias
/// "multinational Stabilization Force" it holds.
fn named_by_acronym(text: &str, out: &mut [MissionMention]) {
    for i in 1..out.len() {
        let (m, a) = (&out[i - 1], &out[i]);
        if m.surface.contains(' ')
            && !a.surface.contains(' ')
            && a.mission_id != m.mission_id
            && acronym_after(text, m, a)
        {
            out[i - 1].mission_id = a.mission_id.clone();
        }
    }
}

/// Whether mention `a` stands in brackets right after mention `m`:
/// "the United Nations Office in Burundi (BNUB)".
fn acronym_after(text: &str, m: &MissionMention, a: &MissionMention) -> bool {
    a.span.start >= m.span.end && text[m.span.end..a.span.start].trim() == "(" && text[a.span.end..].starts_with(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        Gazetteer::from_csv(
            "mission_id,name,former_names,alternate_names,kind,is_un,countries,start_date,end_date,predecessor,successor,established_by\n\
             UNTOP,United Nations Tajikistan Office of Peace-building,United Nations Peace-building Support Office in Tajikistan|Peace-building Support Office in Tajikistan,,peacebuilding_office,true,TJK,2000-06-01,2007-07-31,,,\n\
             UNMOT,United Nations Mission of Observers in Tajikistan,,,observer_mission,true,TJK,1994-12,2000-05,,,\n",
            "acronym,name,kind\nUNDP,United Nations Development Programme,programme\n",
        )
        .unwrap()
    }

    /// `definitions` finds exactly what the specified pattern finds: on
    /// every file of the project's corpus and on names longer than the bound.
    #[test]
    fn definitions_match_the_specified_pattern() {
        let long = "x".repeat(NAME_RUN);
        let mut texts: Vec<String> = vec![
            format!("United Nations {long} International Mission in Haiti (MINUH), and (UNMIH)."),
            format!("United Nations {long}abc (UNXX) and African Union Mission in Somalia  \n (AMISOM)"),
            format!("International {long} (ABCD) United Nations Office in Burundi (UNOB)"),
            format!("United Nations Office in Burundi{long} (UNOB)"),
            "the United Nations Office in Burundi (UNOB), the United Nations Office (UNO) (UNOX)".to_owned(),
        ];
        texts.extend(crate::tests::corpus_texts());
        let mut found = 0;
        for t in &texts {
            let specified: Vec<(Span, Span)> = DEFINITION
                .captures_iter(t)
                .map(|c| {
                    let (a, b) = (c.get(1).unwrap(), c.get(3).unwrap());
                    (Span::new(a.start(), a.end()), Span::new(b.start(), b.end()))
                })
                .collect();
            found += specified.len();
            assert_eq!(definitions(t), specified, "in {:?}", &t[..t.len().min(200)]);
        }
        assert!(found > 100, "the corpus defines acronyms: {found}");
    }

    /// An organisation's acronym that names its field presences too is
    /// a mission only beside a word of a presence.
    #[test]
    fn an_organisation_is_a_mission_only_as_a_presence() {
        let g = Gazetteer::from_csv(
            "mission_id,name,former_names,alternate_names,kind,is_un,countries,start_date,end_date,predecessor,successor,established_by\n\
             OSCE,OSCE field presences,CSCE,,regional_operation,false,GEO,1992-09,,,,\n",
            "acronym,name,kind\nCSCE,Conference on Security and Co-operation in Europe,organisation\n",
        )
        .unwrap();
        let m = MissionMatcher::new(&g);
        let cases = [
            ("observers from the CSCE and the OIC", 0),
            ("coordination with the CSCE mission there", 1),
            ("the CSCE monitor mission", 1),
            ("the Mission of the Conference on Security and Cooperation in Europe (CSCE) and", 1),
            ("the OSCE said", 1),
        ];
        for (text, n) in cases {
            assert_eq!(m.find(text).len(), n, "{text}");
        }
    }

    #[test]
    fn finds_names_acronyms_and_definitions() {
        let m = MissionMatcher::new(&gazetteer());
        let text = "The United Nations Tajikistan Office of Peacebuilding (UNTOP) follows the United Nations Mission of Observers in\nTajikistan. I propose a United Nations Peace-building Support Office in Tajikistan. UNTOP-organized seminars, UNDP and the United Nations Development Programme (UNDP). The United Nations Office in Burundi (UNOB) opened; UNOB grew. UNTOPS is not UNTOP’s. UNMOT:\u{fffd}o (a scan's UNMOTo) and UNMOT: its observers.";
        let got: Vec<String> =
            m.find(text).iter().map(|x| format!("{}:{}:{}", x.mission_id, x.surface, x.in_gazetteer)).collect();
        assert_eq!(
            got,
            [
                "UNTOP:United Nations Tajikistan Office of Peacebuilding:true",
                "UNTOP:UNTOP:true",
                "UNMOT:United Nations Mission of Observers in\nTajikistan:true",
                "UNTOP:United Nations Peace-building Support Office in Tajikistan:true",
                "UNTOP:UNTOP:true",
                "UNOB:United Nations Office in Burundi:false",
                "UNOB:UNOB:false",
                "UNOB:UNOB:false",
                "UNTOP:UNTOP:true",
                "UNMOT:UNMOT:true",
            ]
        );
    }
}
