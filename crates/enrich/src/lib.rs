//! Enrich: missions, mandate events and indicators found in a normalised
//! document. Pure: the reference data comes in through [`Context`].

pub mod events;
pub mod gazetteer;
pub mod missions;

pub use gazetteer::Gazetteer;
pub use missions::MissionMatcher;

use missive_model::{Document, Enrichment};

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
}

impl Context {
    pub fn new(gazetteer: Gazetteer) -> Self {
        let missions = MissionMatcher::new(&gazetteer);
        Self {
            gazetteer,
            missions,
        }
    }
}

/// Enriches one document.
pub fn enrich(doc: &Document, ctx: &Context) -> Enrichment {
    let mentions = ctx.missions.find(&doc.letter.text);
    let events = events::find(doc, &mentions);
    Enrichment {
        mentions,
        events,
        indicators: Vec::new(),
    }
}
