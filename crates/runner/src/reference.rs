//! Reference data: built into the binary from `data/reference/`, or read
//! from a folder named in the config.

use std::path::Path;

use crate::Error;

const MISSIONS: &str = include_str!("../../../data/reference/missions.csv");
const NOT_MISSIONS: &str = include_str!("../../../data/reference/not_missions.csv");
const COUNTRIES: &str = include_str!("../../../data/reference/countries.csv");
const UNITS: &str = include_str!("../../../data/reference/units.csv");
const UNIT_VOCABULARY: &str = include_str!("../../../data/reference/unit_vocabulary.csv");
const NOUN_CLASSES: &str = include_str!("../../../data/reference/noun_classes.tsv");
const NOUN_PLURALS: &str = include_str!("../../../data/reference/noun_plurals.tsv");
const NOUN_UNITS: &str = include_str!("../../../data/reference/noun_units.tsv");
const DEMONYMS: &str = include_str!("../../../data/reference/demonyms.csv");
const CURRENCIES: &str = include_str!("../../../data/reference/currencies.csv");
const ACTIVITY_MODEL: &str = include_str!("../../../data/models/activities.tsv");
const MODE_MODEL: &str = include_str!("../../../data/models/modes.tsv");
const ACT_MODEL: &str = include_str!("../../../data/models/acts.tsv");

/// Compiled reference data for the stages.
#[derive(Debug, Clone)]
pub struct Reference {
    pub normalise: missive_normalise::Context,
    pub enrich: missive_enrich::Context,
    /// SHA-256 of every reference file and the model: an output made with
    /// other reference data is not reused by an incremental run.
    pub fingerprint: String,
}

impl Reference {
    fn from_texts(
        missions: &str,
        not_missions: &str,
        countries: &str,
        units: &str,
        lexicons: [&str; 6],
        [model, mode_model, act_model]: [&str; 3],
    ) -> Result<Self, Error> {
        let fingerprint = {
            let mut all = Vec::new();
            for p in [missions, not_missions, countries, units]
                .into_iter()
                .chain(lexicons)
                .chain([model, mode_model, act_model])
            {
                all.extend_from_slice(missive_extract::sha256_hex(p.as_bytes()).as_bytes());
            }
            missive_extract::sha256_hex(&all)
        };
        let [vocabulary, classes, plurals, demonyms, currencies, anchored] = lexicons;
        let countries =
            missive_normalise::Countries::from_csv(countries).map_err(|e| Error::Reference(e.to_string()))?;
        let gazetteer =
            missive_enrich::Gazetteer::from_csv(missions, not_missions).map_err(|e| Error::Reference(e.to_string()))?;
        let load = |text: &str| {
            let model =
                missive_enrich::classifier::Model::from_text(text).map_err(|e| Error::Reference(e.to_string()))?;
            Ok::<_, Error>((!model.is_empty()).then_some(model))
        };
        let (model, mode_model, act_model) = (load(model)?, load(mode_model)?, load(act_model)?);
        let mut reference = Self {
            normalise: missive_normalise::Context { countries },
            enrich: missive_enrich::Context::new(
                gazetteer,
                missive_enrich::Units::from_csv(units)
                    .and_then(|u| u.with_vocabulary(vocabulary, classes, plurals, demonyms))
                    .and_then(|u| u.with_currencies(currencies))
                    .and_then(|u| u.with_anchors(anchored))
                    .map_err(|e| Error::Reference(e.to_string()))?,
            ),
            fingerprint,
        };
        reference.enrich.activity_model = model;
        reference.enrich.mode_model = mode_model;
        reference.enrich.act_model = act_model;
        Ok(reference)
    }

    /// The reference data the binary was built with.
    pub fn builtin() -> Result<Self, Error> {
        Self::from_texts(
            MISSIONS,
            NOT_MISSIONS,
            COUNTRIES,
            UNITS,
            [UNIT_VOCABULARY, NOUN_CLASSES, NOUN_PLURALS, DEMONYMS, CURRENCIES, NOUN_UNITS],
            [ACTIVITY_MODEL, MODE_MODEL, ACT_MODEL],
        )
    }

    /// Reads `missions.csv`, `not_missions.csv`, `countries.csv`, `units.csv`,
    /// `unit_vocabulary.csv`, `noun_classes.tsv`, `noun_plurals.tsv`, `demonyms.csv`, `currencies.csv`,
    /// `noun_units.tsv` and, if present,
    /// `activities.tsv`, `modes.tsv` and `acts.tsv` from `dir`.
    pub fn from_dir(dir: &Path) -> Result<Self, Error> {
        let read = |name: &str| {
            let p = dir.join(name);
            std::fs::read_to_string(&p).map_err(|source| Error::Io { path: p, source })
        };
        // The models are optional in a reference folder: missing, each is
        // the built-in one; unreadable, it is an error like any other.
        let optional = |name: &str, builtin: &str| {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(builtin.to_owned()),
                Err(source) => Err(Error::Io { path, source }),
            }
        };
        let model = optional("activities.tsv", ACTIVITY_MODEL)?;
        let mode_model = optional("modes.tsv", MODE_MODEL)?;
        let act_model = optional("acts.tsv", ACT_MODEL)?;
        Self::from_texts(
            &read("missions.csv")?,
            &read("not_missions.csv")?,
            &read("countries.csv")?,
            &read("units.csv")?,
            [
                &read("unit_vocabulary.csv")?,
                &read("noun_classes.tsv")?,
                &read("noun_plurals.tsv")?,
                &read("demonyms.csv")?,
                &read("currencies.csv")?,
                &read("noun_units.tsv")?,
            ],
            [&model, &mode_model, &act_model],
        )
    }
}
