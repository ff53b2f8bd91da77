//! Country names to ISO 3166 alpha-3, from `data/reference/countries.csv`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use missive_model::{CountryMention, Span};

use crate::Error;

/// A compiled gazetteer of country names and aliases.
#[derive(Debug, Clone)]
pub struct Countries {
    matcher: AhoCorasick,
    codes: Vec<String>,
}

impl Countries {
    /// Reads the `iso3,name,aliases` table (aliases `|`-separated).
    pub fn from_csv(csv_text: &str) -> Result<Self, Error> {
        let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
        let mut names = Vec::new();
        let mut codes = Vec::new();
        for (i, row) in rdr.records().enumerate() {
            let row = row.map_err(|e| Error::Reference(format!("countries row {}: {e}", i + 2)))?;
            let iso3 = row.get(0).unwrap_or("").trim().to_owned();
            if iso3.len() != 3 {
                return Err(Error::Reference(format!("countries row {}: bad code {iso3:?}", i + 2)));
            }
            let name = row.get(1).unwrap_or("");
            let aliases = row.get(2).unwrap_or("");
            for n in std::iter::once(name).chain(aliases.split('|')) {
                let n = n.trim();
                if n.len() >= 3 {
                    names.push(n.to_owned());
                    codes.push(iso3.clone());
                    // "the Sudan" is also written "Sudan"; "the Gambia", "Gambia".
                    if let Some(rest) = n.strip_prefix("the ") {
                        names.push(rest.to_owned());
                        codes.push(iso3.clone());
                    }
                }
            }
        }
        // A full DFA: a few hundred names, searched over every text.
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&names)
            .map_err(|e| Error::Reference(format!("countries matcher: {e}")))?;
        Ok(Self { matcher, codes })
    }

    /// Every country named in `text`, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<CountryMention> {
        let bytes = text.as_bytes();
        self.matcher
            .find_iter(text)
            .filter(|m| {
                let before = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
                let after = m.end() == bytes.len() || !bytes[m.end()].is_ascii_alphanumeric();
                before && after
            })
            .map(|m| CountryMention {
                span: Span::new(m.start(), m.end()),
                iso3: self.codes[m.pattern().as_usize()].clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let c = Countries::from_csv("iso3,name,aliases\nCOD,Democratic Republic of the Congo,DRC\nCOG,Congo,\nSDN,the Sudan,\nSSD,South Sudan,\n").unwrap();
        let text = "the Democratic Republic of the Congo, the Congo, South Sudan and the Sudan; Sudanese";
        let found = c.find(text);
        let got: Vec<&str> = found.iter().map(|m| m.iso3.as_str()).collect();
        assert_eq!(got, ["COD", "COG", "SSD", "SDN"]);
    }
}
