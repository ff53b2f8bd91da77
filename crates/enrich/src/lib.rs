//! Enrich: missions, mandate events and indicators found in a normalised
//! document. Pure: the reference data comes in through [`Context`].

// A stage reads as the steps it takes: no function over clippy's default
// 100 lines (make clippy denies warnings).
#![warn(clippy::too_many_lines)]

pub mod about;
pub mod activities;
pub mod classifier;
mod cue_words;
pub mod cues;
pub mod events;
pub mod gazetteer;
pub mod indicators;
pub mod missions;
pub mod sections;
mod stems;
pub mod subject;

pub use gazetteer::Gazetteer;
pub use indicators::Units;
pub use missions::MissionMatcher;

use missive_model::{Deadline, Document, Enrichment, TimedOut};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("reference data: {0}")]
    Reference(String),
}

/// Reference data, compiled once and shared by every document.
#[derive(Debug, Clone)]
pub struct Context {
    pub gazetteer: Gazetteer,
    pub missions: MissionMatcher,
    pub units: Units,
    /// The activity classifier; `None` codes no categories.
    pub activity_model: Option<classifier::Model>,
    /// The mode classifier, for an act whose words name no mode; `None`:
    /// such an act assists.
    pub mode_model: Option<classifier::Model>,
    /// The act filter: a sentence it scores as no PACT activity (no act of
    /// the mission, or one no category fits) is no activity row; `None`
    /// keeps every sentence the rules keep.
    pub act_model: Option<classifier::Model>,
}

impl Context {
    pub fn new(gazetteer: Gazetteer, units: Units) -> Self {
        let missions = MissionMatcher::new(&gazetteer);
        Self { gazetteer, missions, units, activity_model: None, mode_model: None, act_model: None }
    }
}

/// Enriches one document.
pub fn enrich(doc: &Document, ctx: &Context) -> Enrichment {
    match enrich_within(doc, ctx, &Deadline::none()) {
        Ok(e) => e,
        Err(never) => unreachable!("a deadline that never passes passed: {never}"),
    }
}

/// Enriches one document, giving up with [`TimedOut`] once `deadline` has
/// passed (checked between steps).
pub fn enrich_within(doc: &Document, ctx: &Context, deadline: &Deadline) -> Result<Enrichment, TimedOut> {
    deadline.check("enrich")?;
    let mut mentions = ctx.missions.find_in(&doc.letter.text, &doc.letter.countries, doc.letter.letter_date);
    ctx.gazetteer.drop_leaders(&mut mentions);
    let title_mentions = doc.letter.title.as_deref().map(|t| ctx.missions.find(t)).unwrap_or_default();
    deadline.check("enrich/missions")?;
    let main_mission = about::main_mission(doc, &title_mentions, &mentions, &ctx.gazetteer);
    // A word that is another mission's exact acronym ("UNAMSIL" in a
    // report placed on UNIOSIL) is no misreading of the report's own.
    if let Some(misread) = main_mission.as_ref().map(|m| {
        let mut found = about::misread_mentions(&doc.letter.text, m);
        found.retain(|f| !mentions.iter().any(|o| o.span.start < f.span.end && f.span.start < o.span.end));
        found
    }) && !misread.is_empty()
    {
        mentions.extend(misread);
        mentions.sort_by_key(|m| m.span);
    }
    // Events fall back on a mission the document names, never on one inferred.
    let named = main_mission.as_ref().filter(|m| m.source != "country_and_date");
    let named_id = named.map(|m| m.mission_id.as_str());
    let successor = named_id.and_then(|id| ctx.gazetteer.successor_of(id));
    // A successor the text describes in a transition is a mission it mentions.
    let described = events::transition_mentions(doc, successor);
    if !described.is_empty() {
        mentions.extend(described);
        mentions.sort_by_key(|m| m.span);
    }
    // Which mission "the Mission" is at each point (annexes on others).
    let main = main_mission.as_ref().map(|m| m.mission_id.as_str());
    let mains = sections::Mains::of(doc, &mentions, main);
    let events = events::find(doc, &mentions, &mains.with_own(named_id), successor, &ctx.gazetteer);
    deadline.check("enrich/events")?;
    let mut indicators = indicators::find(doc, &ctx.units);
    deadline.check("enrich/indicators")?;
    let activities = activities::find(doc, &mentions, &events, &mains, ctx);
    deadline.check("enrich/activities")?;
    subject::assign(doc, &mut indicators, &mentions, &activities, &mains);
    Ok(Enrichment { mentions, title_mentions, main_mission, events, indicators, activities })
}

#[cfg(test)]
mod tests {
    pub use missive_testkit::corpus_texts;
}
