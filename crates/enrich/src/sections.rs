//! Which mission "the Mission" means at each point of a document: the
//! document's own, except in an annex that reports on another mission
//! ("Annex I / Report of the High Representative of the European Union ...
//! on the activities of the European Union Rule of Law Mission in Kosovo",
//! attached to a report on UNMIK; a NATO report on KFOR's operations).

use std::sync::LazyLock;

use missive_model::spans::inside;
use missive_model::{Document, MissionMention, Span};
use regex::Regex;

/// An annex's heading at the start of a paragraph: "Annex", "Annex I",
/// "Annex 2", "ANNEX".
static ANNEX: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^(?:Annex|ANNEX)(?:\s+(?:[IVX]+|\d{1,2}))?(?-u:\b)").unwrap());

/// How far after an annex's heading its title may name the mission it
/// reports on.
const TITLE_REACH: usize = 600;

/// The document's own mission, and where each annex starts with the
/// mission its title names first (`None`: it names none).
#[derive(Debug, Clone, Default)]
pub struct Mains {
    own: Option<String>,
    annexes: Vec<(usize, Option<String>)>,
    /// Paragraphs that open with another mission's full name ("Multinational
    /// Security Support Mission The Multinational Security Support Mission
    /// is tasked ..."): in them "the Mission" is that one.
    headed: Vec<(Span, String)>,
}

/// How far into a paragraph the name it opens with may start ("12. The").
const OPENS_WITHIN: usize = 16;

/// The nouns "the Mission", "the Force" ... stand for: a name that ends
/// with one can be meant by them.
const HEAD_NOUNS: &[&str] = &["Mission", "Force", "Office", "Operation"];

impl Mains {
    /// The document's own mission, and each annex with the mission named
    /// first in its title.
    pub fn of(doc: &Document, mentions: &[MissionMention], own: Option<&str>) -> Self {
        let text = &doc.letter.text;
        let mut annexes = Vec::new();
        let mut headed = Vec::new();
        for p in &doc.paragraphs {
            if ANNEX.is_match(p.span.slice(text)) {
                let title = Span::new(p.span.start, (p.span.start + TITLE_REACH).min(text.len()));
                let named = inside(mentions, |m| m.span, title).map(|m| m.mission_id.clone()).next();
                annexes.push((p.span.start, named));
            }
            let Some(first) = inside(mentions, |m| m.span, p.span).next() else { continue };
            let name = first.span.slice(text);
            if first.span.start - p.span.start <= OPENS_WITHIN
                && Some(first.mission_id.as_str()) != own
                && name.contains(' ')
                && HEAD_NOUNS.iter().any(|n| name.ends_with(n))
            {
                headed.push((p.span, first.mission_id.clone()));
            }
        }
        Self { own: own.map(str::to_owned), annexes, headed }
    }

    /// The same annexes for another document mission (the events take only
    /// a mission the document names).
    pub fn with_own(&self, own: Option<&str>) -> Self {
        Self { own: own.map(str::to_owned), annexes: self.annexes.clone(), headed: self.headed.clone() }
    }

    /// The mission "the Mission" means at byte `pos`: the one its paragraph
    /// opens with by its full name, when that is another; the one the annex
    /// it stands in reports on, when that is another; else the document's
    /// own.
    pub fn at(&self, pos: usize) -> Option<&str> {
        if let Some((_, other)) = self.headed.iter().find(|(p, _)| p.start <= pos && pos < p.end) {
            return Some(other);
        }
        match self.annexes.iter().rev().find(|(start, _)| *start <= pos) {
            Some((_, Some(other))) if Some(other.as_str()) != self.own.as_deref() => Some(other),
            _ => self.own.as_deref(),
        }
    }
}
