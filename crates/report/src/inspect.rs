//! `missive inspect DIR`: a terminal summary of an output folder.

use std::fmt;

use crate::Dataset;

/// How many missions the summary lists.
pub const TOP_MISSIONS: usize = 10;

/// The summary, printable with `{}`; `label` names the folder.
pub struct Summary<'a> {
    pub label: String,
    pub data: &'a Dataset,
}

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.data;
        writeln!(f, "{}", self.label)?;
        let version = d.schema_version().unwrap_or_else(|| "?".into());
        match &d.manifest {
            Some(m) => {
                writeln!(f, "  schema {version}, written by missive {}", m.tool_version)?;
                let c = &m.counts;
                writeln!(
                    f,
                    "  inputs: {} files -> {} documents ({} duplicates) + {} rejects; {} skipped",
                    c.files, c.letters, c.duplicates, c.rejects, c.skipped
                )?;
                if c.letters + c.rejects != c.files {
                    writeln!(f, "  warning: the manifest's counts do not add up")?;
                }
            }
            None => writeln!(f, "  schema {version}; no manifest.json")?,
        }
        if !d.has_datapackage {
            writeln!(f, "  no datapackage.json beside the tables")?;
        }

        writeln!(f, "\ntables{:>22}  schema", "rows")?;
        for t in &d.tables {
            match t.rows {
                Some(n) => writeln!(f, "  {:<18} {:>8}  {}", t.name, n, t.schema_version.as_deref().unwrap_or("?"))?,
                None => writeln!(f, "  {:<18} {:>8}", t.name, "missing")?,
            }
        }

        let top = d.top_missions();
        if !top.is_empty() {
            writeln!(
                f,
                "\ntop missions ({} of {}){:>8} {:>9}  start .. end",
                TOP_MISSIONS.min(top.len()),
                top.len(),
                "docs",
                "mentions"
            )?;
            for m in top.iter().take(TOP_MISSIONS) {
                writeln!(
                    f,
                    "  {:<22} {:>6} {:>9}  {} .. {}",
                    m.mission_id,
                    m.n_docs,
                    m.n_mentions,
                    m.established.as_deref().unwrap_or("?"),
                    m.mandate_end.as_deref().unwrap_or("?")
                )?;
            }
        }

        let by = d.rejects_by_reason();
        if by.is_empty() {
            writeln!(f, "\nrejects: none")?;
        } else {
            writeln!(f, "\nrejects by reason")?;
            for (reason, n) in by {
                writeln!(f, "  {reason:<22} {n:>6}")?;
            }
        }
        Ok(())
    }
}
