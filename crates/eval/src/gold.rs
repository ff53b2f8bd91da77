//! Gold files (`data/gold/FORMAT.md`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::Error;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct GoldEvent {
    pub mission: String,
    pub event: String,
    pub status: String,
    pub date: Option<String>,
    pub until: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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

#[derive(Debug, Clone, Deserialize, Serialize)]
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
    /// The sections this file annotates (FORMAT.md, "Partial gold"); `None`
    /// means all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotated: Option<Vec<String>>,
}

/// The sections a gold file can annotate.
pub const SECTIONS: [&str; 8] =
    ["symbol", "doc_type", "letter_date", "signatory", "references", "missions", "mandate_events", "indicators"];

impl Gold {
    /// Whether `section` is annotated here, so predictions in it are scored.
    pub fn scores(&self, section: &str) -> bool {
        self.annotated.as_ref().is_none_or(|a| a.iter().any(|s| s == section))
    }
}

/// A mission identifier as gold compares it: without case, spaces, hyphens
/// or slashes (GUIDELINES §3, conventions).
pub fn mission_key(id: &str) -> String {
    id.chars().filter(|c| !matches!(c, ' ' | '-' | '/' | '_')).flat_map(char::to_uppercase).collect()
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
        if let Some(unknown) = g.annotated.iter().flatten().find(|s| !SECTIONS.contains(&s.as_str())) {
            return Err(Error::Gold { path: p, message: format!("unknown section {unknown:?} in `annotated`") });
        }
        out.push(g);
    }
    Ok(out)
}
