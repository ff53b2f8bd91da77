//! Gold files (`data/gold/FORMAT.md`).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::Error;

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    pub mission: String,
    pub event: String,
    pub status: String,
    pub date: Option<String>,
    pub until: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldIndicator {
    pub value: f64,
    pub value_high: Option<f64>,
    pub qualifier: String,
    pub unit: String,
    #[serde(default)]
    pub unit_alt: Vec<String>,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub file: String,
    pub symbol: Option<String>,
    pub doc_type: Option<String>,
    pub letter_date: Option<String>,
    pub signatory: Option<String>,
    #[serde(default)]
    pub references: Vec<String>,
    #[serde(default)]
    pub missions: Vec<String>,
    #[serde(default)]
    pub mandate_events: Vec<GoldEvent>,
    #[serde(default)]
    pub indicators: Vec<GoldIndicator>,
    #[serde(default)]
    pub optional_indicators: Vec<GoldIndicator>,
}

/// Reads every `*.json` gold file of a folder, sorted by name.
pub fn read_dir(dir: &Path) -> Result<Vec<Gold>, Error> {
    let io = |path: PathBuf| move |source| Error::Io { path, source };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir.to_owned()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(io(p.clone()))?;
        let g: Gold =
            serde_json::from_str(&text).map_err(|e| Error::Gold { path: p.clone(), message: e.to_string() })?;
        out.push(g);
    }
    Ok(out)
}
