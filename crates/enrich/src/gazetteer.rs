//! The missions gazetteer (`data/reference/missions.csv`) and the list of
//! bodies that are not missions (`not_missions.csv`).

use std::collections::{HashMap, HashSet};

use missive_model::{MissionInfo, MissionMention, PartialDate};

use crate::Error;

/// Missions by identifier, with every name the text may use for them.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub missions: HashMap<String, MissionInfo>,
    /// Full names, former and alternate names and acronyms, to the mission id.
    pub names: Vec<(String, String)>,
    /// Acronyms and names of bodies that are not missions.
    pub not_missions: HashSet<String>,
    /// Lower-case descriptions that denote a mission only in a document
    /// about one of its countries at its time ("the multinational force"
    /// in Haiti in 1994), to the mission id (`described_as`).
    pub descriptions: Vec<(String, String)>,
    /// Missions by the symbol of the instrument that set them up
    /// (`established_by`), in the record's order.
    pub founded: HashMap<String, Vec<String>>,
    /// Operations to the organisation's entry that leads them (`led_by`:
    /// KFOR to NATO). A document that names the operation names the
    /// organisation as its leader, not as a mission of its own.
    pub led_by: HashMap<String, String>,
}

impl Gazetteer {
    /// Drops the mentions of an organisation whose operation the mentions
    /// also name: "NATO" in a document that names KFOR is the force's
    /// leader, not a mission of its own.
    pub fn drop_leaders(&self, mentions: &mut Vec<MissionMention>) {
        let leaders: HashSet<String> =
            mentions.iter().filter_map(|m| self.led_by.get(&m.mission_id)).cloned().collect();
        if !leaders.is_empty() {
            mentions.retain(|m| !leaders.contains(&m.mission_id));
        }
    }

    /// The mission the record names `id` the predecessor of, when exactly
    /// one is.
    pub fn successor_of(&self, id: &str) -> Option<&str> {
        let mut next = self.missions.values().filter(|m| m.predecessor.as_deref() == Some(id));
        match (next.next(), next.next()) {
            (Some(m), None) => Some(&m.mission_id),
            _ => None,
        }
    }
}

fn list(s: &str) -> Vec<String> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
}

impl Gazetteer {
    pub fn from_csv(missions_csv: &str, not_missions_csv: &str) -> Result<Self, Error> {
        let mut g = Gazetteer::default();
        let mut rdr = csv::Reader::from_reader(missions_csv.as_bytes());
        let headers = rdr.headers().map_err(|e| Error::Reference(format!("missions.csv: {e}")))?.clone();
        let idx = |name: &str| headers.iter().position(|h| h == name);
        let col = |name: &str| idx(name).ok_or_else(|| Error::Reference(format!("missions.csv: no column {name}")));
        let c_by = col("established_by")?;
        let c_described = idx("described_as");
        let c_led = idx("led_by");
        let (c_id, c_name, c_former, c_alt, c_kind, c_un, c_countries, c_start, c_end, c_pred) = (
            col("mission_id")?,
            col("name")?,
            col("former_names")?,
            col("alternate_names")?,
            col("kind")?,
            col("is_un")?,
            col("countries")?,
            col("start_date")?,
            col("end_date")?,
            col("predecessor")?,
        );
        for (i, row) in rdr.records().enumerate() {
            let row = row.map_err(|e| Error::Reference(format!("missions.csv row {}: {e}", i + 2)))?;
            let get = |c: usize| row.get(c).unwrap_or("").trim();
            let id = get(c_id).to_owned();
            if id.is_empty() {
                continue;
            }
            let line = i + 2;
            let bad = |what: String| Error::Reference(format!("missions.csv line {line}: {what}"));
            if id.contains([' ', '/']) {
                return Err(bad(format!("mission_id {id:?} has a space or a slash")));
            }
            let date = |c: usize, name: &str| match get(c) {
                "" => Ok(None),
                s => PartialDate::parse(s)
                    .map(Some)
                    .ok_or_else(|| bad(format!("{name} {s:?} is not YYYY, YYYY-MM or YYYY-MM-DD"))),
            };
            let is_un = match get(c_un) {
                "true" => true,
                "false" => false,
                other => return Err(bad(format!("is_un {other:?} is neither true nor false"))),
            };
            let info = MissionInfo {
                mission_id: id.clone(),
                name: get(c_name).to_owned(),
                kind: get(c_kind).to_owned(),
                is_un,
                countries: list(get(c_countries)),
                start_date: date(c_start, "start_date")?,
                end_date: date(c_end, "end_date")?,
                predecessor: list(get(c_pred)).into_iter().next(),
                established_by: Some(get(c_by)).filter(|s| !s.is_empty()).map(str::to_owned),
            };
            g.names.push((id.clone(), id.clone()));
            g.names.push((info.name.clone(), id.clone()));
            for n in list(get(c_former)).into_iter().chain(list(get(c_alt))) {
                g.names.push((n, id.clone()));
            }
            // "the Office of the Special Envoy [of the Secretary-General]
            // for ...": texts drop the words as often as they keep them.
            let shortened: Vec<String> = g
                .names
                .iter()
                .filter(|(n, m)| *m == id && n.contains(" of the Secretary-General"))
                .map(|(n, _)| n.replace(" of the Secretary-General", ""))
                .collect();
            for n in shortened {
                if !g.names.iter().any(|(k, m)| *k == n && *m == id) {
                    g.names.push((n, id.clone()));
                }
            }
            for d in c_described.map(|c| list(get(c))).unwrap_or_default() {
                if d.chars().any(char::is_uppercase) {
                    return Err(bad(format!("described_as {d:?} is not in lower case")));
                }
                g.descriptions.push((d, id.clone()));
            }
            if let Some(leader) = c_led.map(get).filter(|l| !l.is_empty()) {
                g.led_by.insert(id.clone(), leader.to_owned());
            }
            for by in list(get(c_by)) {
                g.founded.entry(by).or_default().push(id.clone());
            }
            g.missions.insert(id, info);
        }
        let mut rdr = csv::Reader::from_reader(not_missions_csv.as_bytes());
        for row in rdr.records() {
            let row = row.map_err(|e| Error::Reference(format!("not_missions.csv: {e}")))?;
            for c in [0, 1] {
                if let Some(v) = row.get(c).map(str::trim).filter(|v| !v.is_empty()) {
                    g.not_missions.insert(v.to_owned());
                }
            }
        }
        Ok(g)
    }
}
