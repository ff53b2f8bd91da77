//! `missive report`: one self-contained HTML page (inline CSS and SVG, no
//! script, nothing fetched) that summarises an output folder. The page
//! depends only on the tables: same folder, same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::svg::{self, Lane, PALETTE, esc};
use crate::{Dataset, Error, Result, fractional_year};

/// File name of the report inside the output folder.
pub const REPORT: &str = "report.html";
/// Missions drawn on the timeline.
pub const TIMELINE_MISSIONS: usize = 25;
/// Rejects listed in the table (all are counted in the chart).
pub const LISTED_REJECTS: usize = 200;

const STYLE: &str = "body{font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;margin:0;color:#222;background:#fafafa}\
header{background:#1f3b57;color:#fff;padding:18px 32px}header h1{margin:0 0 4px;font-size:24px}\
header p{margin:0;opacity:.85}nav{padding:8px 32px;background:#e9eef3}nav a{margin-right:18px;color:#1f3b57}\
main{padding:8px 32px 40px;max-width:1100px}section{margin-top:26px}h2{border-bottom:2px solid #1f3b57;padding-bottom:4px}\
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border:1px solid #dde;border-radius:6px;padding:10px 16px;min-width:110px}\
.card b{display:block;font-size:24px}.card span{color:#555;font-size:13px}\
table{border-collapse:collapse;margin:10px 0;background:#fff;font-size:13px}th,td{border:1px solid #dde;padding:4px 8px;text-align:left;vertical-align:top}\
th{background:#eef2f6}td.n{text-align:right;font-variant-numeric:tabular-nums}\
svg.chart{display:block;max-width:100%;height:auto;background:#fff;border:1px solid #e4e4e4;border-radius:4px;margin:10px 0}\
.note{color:#555;font-size:13px}code{background:#eef2f6;padding:0 3px}";

fn pct(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { 100.0 * n as f64 / of as f64 }
}

/// Renders the report of `data`; `label` is its title.
pub fn render(data: &Dataset, label: &str) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>missive report: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(label)
    );
    let version = data.schema_version().unwrap_or_else(|| "?".into());
    let tool = data.manifest.as_ref().map(|m| m.tool_version.as_str()).unwrap_or("?");
    let _ = write!(
        h,
        "<header><h1>missive report: {}</h1><p>Tables of schema {} written by missive {}. \
         Every figure below is computed from the Parquet files beside this page.</p></header>\n\
         <nav><a href=\"#summary\">Corpus</a><a href=\"#rejects\">Rejects</a><a href=\"#missions\">Missions</a>\
         <a href=\"#indicators\">Indicators</a><a href=\"#coverage\">Coverage</a></nav>\n<main>\n",
        esc(label),
        esc(&version),
        esc(tool)
    );
    summary(&mut h, data);
    rejects(&mut h, data);
    missions(&mut h, data);
    indicators(&mut h, data);
    coverage(&mut h, data);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// Reads `dir` and writes its report to `out` (default `dir/report.html`).
pub fn write(dir: &Path, out: Option<&Path>) -> Result<PathBuf> {
    let data = Dataset::load(dir)?;
    // The dataset's title from the run (the pipeline file's `title`, else
    // the corpus folder's name), else the output folder's name.
    let label = data.manifest.as_ref().and_then(|m| m.title.clone()).unwrap_or_else(|| {
        dir.canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| dir.display().to_string())
    });
    let path = out.map(Path::to_owned).unwrap_or_else(|| dir.join(REPORT));
    std::fs::write(&path, render(&data, &label)).map_err(|source| Error::Io { path: path.clone(), source })?;
    Ok(path)
}

fn card(h: &mut String, value: impl std::fmt::Display, what: &str) {
    let _ = write!(h, "<div class=\"card\"><b>{value}</b><span>{}</span></div>", esc(what));
}

fn summary(h: &mut String, d: &Dataset) {
    h.push_str("<section id=\"summary\"><h2>Corpus summary</h2>\n<div class=\"cards\">");
    if let Some(m) = &d.manifest {
        let c = &m.counts;
        card(h, c.files, "input files");
        card(h, c.letters, "accepted documents");
        card(h, c.duplicates, "duplicates (kept)");
        card(h, c.rejects, "rejects");
        card(h, c.skipped, "skipped (extension)");
    } else {
        card(h, d.letters.len(), "accepted documents");
        card(h, d.rejects.len(), "rejects");
    }
    card(h, d.missions.len(), "missions");
    card(h, d.indicators.len(), "indicators");
    h.push_str("</div>\n");
    if let Some(c) = d.manifest.as_ref().map(|m| &m.counts) {
        let ok = c.letters + c.rejects == c.files;
        let _ = writeln!(
            h,
            "<p class=\"note\">Every input file is a document or a reject: {} + {} {} {} files.</p>",
            c.letters,
            c.rejects,
            if ok { "=" } else { "≠" },
            c.files
        );
    }

    // Documents per year and type.
    let types: BTreeSet<&str> = d.letters.iter().map(|l| l.doc_type.as_str()).collect();
    let years: BTreeSet<i32> = d.letters.iter().filter_map(|l| l.year()).collect();
    if let (Some(&y0), Some(&y1)) = (years.first(), years.last()) {
        let xs: Vec<String> = (y0..=y1).map(|y| y.to_string()).collect();
        let series: Vec<(String, Vec<f64>)> = types
            .iter()
            .map(|t| {
                let v = (y0..=y1)
                    .map(|y| d.letters.iter().filter(|l| l.doc_type == *t && l.year() == Some(y)).count() as f64)
                    .collect();
                ((*t).to_owned(), v)
            })
            .collect();
        h.push_str("<h3>Documents per year, by type</h3>\n");
        h.push_str(&svg::stacked_columns("chart-documents", "Accepted documents per year, by type", &xs, &series));
        let undated = d.letters.iter().filter(|l| l.year().is_none()).count();
        if undated > 0 {
            let _ = writeln!(h, "<p class=\"note\">{undated} documents have no date and are not drawn.</p>");
        }
    }

    h.push_str("<h3>Tables</h3>\n<table><tr><th>table</th><th>rows</th><th>schema</th></tr>");
    for t in &d.tables {
        let rows = t.rows.map(|r| r.to_string()).unwrap_or_else(|| "missing".into());
        let _ = write!(
            h,
            "<tr><td><code>{}</code></td><td class=\"n\">{rows}</td><td>{}</td></tr>",
            t.name,
            esc(t.schema_version.as_deref().unwrap_or(""))
        );
    }
    h.push_str("</table>\n");
    let mut layouts: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &d.letters {
        *layouts.entry(l.layout.as_str()).or_default() += 1;
    }
    let list: Vec<String> = layouts.iter().map(|(k, v)| format!("{} {v}", esc(k))).collect();
    let _ = writeln!(h, "<p class=\"note\">Input layouts: {}.</p>\n</section>", list.join(", "));
}

fn rejects(h: &mut String, d: &Dataset) {
    h.push_str("<section id=\"rejects\"><h2>Rejects</h2>\n");
    let by = d.rejects_by_reason();
    if by.is_empty() {
        h.push_str("<p>No input file was rejected.</p></section>\n");
        return;
    }
    let _ = writeln!(
        h,
        "<p>{} input files could not be read as English UN documents. Each is a row of <code>rejects.parquet</code> \
         with its reason; none is lost.</p>",
        d.rejects.len()
    );
    let bars: Vec<(String, f64, String)> = by.iter().map(|(r, n)| (r.clone(), *n as f64, n.to_string())).collect();
    h.push_str(&svg::hbars("chart-rejects", "Rejected files by reason", &bars, None, PALETTE[5]));
    h.push_str("<table><tr><th>file</th><th>reason</th><th>detail</th><th>bytes</th></tr>");
    for r in d.rejects.iter().take(LISTED_REJECTS) {
        let _ = write!(
            h,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            esc(&r.source_path),
            esc(&r.reason),
            esc(&r.detail),
            r.bytes
        );
    }
    h.push_str("</table>\n");
    if d.rejects.len() > LISTED_REJECTS {
        let _ = writeln!(h, "<p class=\"note\">The first {LISTED_REJECTS} are listed.</p>");
    }
    h.push_str("</section>\n");
}

fn missions(h: &mut String, d: &Dataset) {
    h.push_str("<section id=\"missions\"><h2>Missions timeline</h2>\n");
    let top = d.top_missions();
    if top.is_empty() {
        h.push_str("<p>No mission was found.</p></section>\n");
        return;
    }
    let fy = |s: &Option<String>| s.as_deref().and_then(fractional_year);
    let mut lanes = Vec::new();
    for m in top.iter().take(TIMELINE_MISSIONS) {
        let seen = match (fy(&m.first_seen), fy(&m.last_seen)) {
            (Some(a), Some(b)) => Some((a, b + 1.0 / 12.0)),
            _ => None,
        };
        let last = seen.map(|s| s.1);
        let periods = d
            .periods
            .iter()
            .filter(|p| p.mission_id == m.mission_id)
            .filter_map(|p| {
                let a = fy(&p.start)?;
                let b = fy(&p.end).or(last).unwrap_or(a + 0.25).max(a);
                Some((a, b, p.status == "done"))
            })
            .collect();
        let tooltip = format!(
            "{} — {} ({} documents, {} mentions)",
            m.mission_id,
            m.name.as_deref().unwrap_or("not in the gazetteer"),
            m.n_docs,
            m.n_mentions
        );
        lanes.push(Lane { label: m.mission_id.clone(), tooltip, seen, periods, established: fy(&m.established) });
    }
    let points: Vec<f64> = lanes
        .iter()
        .flat_map(|l| {
            let mut v: Vec<f64> = l.periods.iter().flat_map(|p| [p.0, p.1]).collect();
            v.extend(l.seen.iter().flat_map(|s| [s.0, s.1]));
            v.extend(l.established);
            v
        })
        .collect();
    let x0 = points.iter().copied().fold(f64::INFINITY, f64::min).floor() - 1.0;
    let x1 = points.iter().copied().fold(f64::NEG_INFINITY, f64::max).ceil();
    let (x0, x1) = if x0.is_finite() && x1.is_finite() { (x0, x1.max(x0 + 1.0)) } else { (2000.0, 2001.0) };
    let _ = writeln!(
        h,
        "<p>The {} missions mentioned in the most documents (of {}): when the corpus mentions them, when they were \
         established, and the mandate periods that the mandate events state (<code>mission_timeline.parquet</code>).</p>",
        lanes.len(),
        top.len()
    );
    h.push_str(&svg::timeline(
        "chart-timeline",
        "Missions: mentions, establishment and mandate periods",
        &lanes,
        x0,
        x1,
    ));
    h.push_str(
        "<table><tr><th>mission</th><th>name</th><th>kind</th><th>documents</th><th>mentions</th>\
         <th>start</th><th>end</th></tr>",
    );
    for m in top.iter().take(TIMELINE_MISSIONS) {
        let _ = write!(
            h,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td>{}</td><td>{}</td></tr>",
            esc(&m.mission_id),
            esc(m.name.as_deref().unwrap_or("")),
            esc(m.kind.as_deref().unwrap_or("")),
            m.n_docs,
            m.n_mentions,
            esc(m.established.as_deref().unwrap_or("")),
            esc(m.mandate_end.as_deref().unwrap_or(""))
        );
    }
    h.push_str("</table>\n</section>\n");
}

fn indicators(h: &mut String, d: &Dataset) {
    h.push_str("<section id=\"indicators\"><h2>Indicators by category and year</h2>\n");
    if d.indicators.is_empty() {
        h.push_str("<p>No indicator was found.</p></section>\n");
        return;
    }
    let years: BTreeMap<&str, Option<i32>> = d.letters.iter().map(|l| (l.doc_id.as_str(), l.year())).collect();
    let mut counts: BTreeMap<&str, BTreeMap<Option<i32>, u64>> = BTreeMap::new();
    for (doc, cat) in &d.indicators {
        let y = years.get(doc.as_str()).copied().flatten();
        *counts.entry(cat.as_str()).or_default().entry(y).or_default() += 1;
    }
    let mut cats: Vec<(&str, u64)> = counts.iter().map(|(c, by)| (*c, by.values().sum())).collect();
    cats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut ys: Vec<Option<i32>> =
        counts.values().flat_map(|by| by.keys().copied()).collect::<BTreeSet<_>>().into_iter().collect();
    // Undated documents last.
    let undated_first = usize::from(ys.first() == Some(&None));
    ys.rotate_left(undated_first);
    let cols: Vec<String> = ys.iter().map(|y| y.map(|y| y.to_string()).unwrap_or_else(|| "no date".into())).collect();
    let rows: Vec<String> = cats.iter().map(|c| c.0.to_owned()).collect();
    let values: Vec<Vec<u64>> =
        cats.iter().map(|(c, _)| ys.iter().map(|y| counts[c].get(y).copied().unwrap_or(0)).collect()).collect();
    let _ = writeln!(
        h,
        "<p>{} quantities stated in the documents, by what they count (<code>indicators.category</code>) and the \
         year of the document.</p>",
        d.indicators.len()
    );
    h.push_str(&svg::heatmap(
        "chart-indicators",
        "Indicators by category and year of the document",
        &rows,
        &cols,
        &values,
    ));
    let bars: Vec<(String, f64, String)> =
        cats.iter().map(|(c, n)| ((*c).to_owned(), *n as f64, n.to_string())).collect();
    h.push_str(&svg::hbars("chart-categories", "Indicators by category", &bars, None, PALETTE[2]));
    h.push_str("</section>\n");
}

fn coverage(h: &mut String, d: &Dataset) {
    h.push_str("<section id=\"coverage\"><h2>Extraction coverage</h2>\n");
    let n = d.letters.len();
    let _ = writeln!(
        h,
        "<p>Share of the {n} accepted documents for which missive found each field or at least one row of each table.</p>"
    );
    let all = d.coverage(None);
    let bars: Vec<(String, f64, String)> =
        all.iter().map(|(what, k)| ((*what).to_owned(), pct(*k, n), format!("{:.0}% ({k}/{n})", pct(*k, n)))).collect();
    h.push_str(&svg::hbars(
        "chart-coverage",
        "Documents with each extraction (per cent)",
        &bars,
        Some(100.0),
        PALETTE[0],
    ));
    let types: BTreeSet<&str> = d.letters.iter().map(|l| l.doc_type.as_str()).collect();
    h.push_str("<table><tr><th>extraction</th><th>all</th>");
    // Per document type: its name, its documents, its coverage.
    type PerType<'a> = (&'a str, usize, Vec<(&'static str, usize)>);
    let per_type: Vec<PerType> = types
        .iter()
        .map(|t| (*t, d.letters.iter().filter(|l| l.doc_type == *t).count(), d.coverage(Some(t))))
        .collect();
    for (t, total, _) in &per_type {
        let _ = write!(h, "<th>{} ({total})</th>", esc(t));
    }
    h.push_str("</tr>");
    for (i, (what, k)) in all.iter().enumerate() {
        let _ = write!(h, "<tr><td>{}</td><td class=\"n\">{:.0}%</td>", esc(what), pct(*k, n));
        for (_, total, cov) in &per_type {
            let _ = write!(h, "<td class=\"n\">{:.0}%</td>", pct(cov[i].1, *total));
        }
        h.push_str("</tr>");
    }
    h.push_str("</table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Counts, LetterRow, Manifest, MissionRow, PeriodRow, RejectRow};

    fn sample() -> Dataset {
        let letter = |id: &str, t: &str, date: &str| LetterRow {
            doc_id: id.into(),
            doc_type: t.into(),
            letter_date: Some(date.into()),
            layout: "official".into(),
            main_mission: Some("UNMEE".into()),
            ..LetterRow::default()
        };
        let mut d = Dataset {
            manifest: Some(Manifest {
                tool_version: "0.1.0".into(),
                schema_version: "1.0.0".into(),
                title: None,
                counts: Counts { files: 3, letters: 2, rejects: 1, duplicates: 0, skipped: 0 },
            }),
            letters: vec![letter("a", "letter", "2000-07-31"), letter("b", "report", "2002-03-01")],
            rejects: vec![RejectRow {
                source_path: "x<y>.txt".into(),
                reason: "empty".into(),
                detail: "no bytes".into(),
                bytes: 0,
            }],
            missions: vec![MissionRow {
                mission_id: "UNMEE".into(),
                n_docs: 2,
                n_mentions: 5,
                first_seen: Some("2000-07-31".into()),
                last_seen: Some("2002-03-01".into()),
                established: Some("2000-07".into()),
                ..MissionRow::default()
            }],
            periods: vec![PeriodRow {
                mission_id: "UNMEE".into(),
                start: Some("2000-07".into()),
                end: Some("2001-03-15".into()),
                event: "established".into(),
                status: "done".into(),
            }],
            indicators: vec![("a".into(), "people".into()), ("b".into(), "money".into())],
            ..Dataset::default()
        };
        for t in missive_store::shards::per_doc_tables() {
            d.docs_with.insert(t, BTreeSet::from(["a".to_owned()]));
        }
        d
    }

    #[test]
    fn every_section_and_chart() {
        let html = render(&sample(), "out");
        for id in ["summary", "rejects", "missions", "indicators", "coverage"] {
            assert!(html.contains(&format!("<section id=\"{id}\">")), "{id}");
        }
        for id in ["chart-documents", "chart-rejects", "chart-timeline", "chart-indicators", "chart-coverage"] {
            assert!(html.contains(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\"")), "{id}");
        }
        assert!(html.contains("x&lt;y&gt;.txt"), "file names are escaped");
        assert!(html.contains("2 + 1 = 3 files"));
        assert!(html.contains("50% (1/2)"), "coverage: one of two documents");
        assert_eq!(render(&sample(), "out"), html, "deterministic");
    }

    #[test]
    fn nothing_is_fetched() {
        let html = render(&sample(), "out");
        let without_ns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        for needle in ["http:", "https:", "src=", "<script", "<link", "url(", "@import"] {
            assert!(!without_ns.contains(needle), "{needle}");
        }
    }
}
