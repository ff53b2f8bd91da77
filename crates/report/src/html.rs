//! `missive report`: one self-contained HTML page (inline CSS and SVG, no
//! script, nothing fetched) that summarises an output folder. The page
//! depends only on the tables: same folder, same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::svg::{self, Lane, PALETTE, esc};
use crate::{Dataset, Error, MissionRow, Result, fractional_year};

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
         <a href=\"#indicators\">Indicators</a><a href=\"#activities\">Activities</a>\
         <a href=\"#citations\">Citations</a><a href=\"#coverage\">Coverage</a>\
         <a href=\"#mission-index\">Each mission</a></nav>\n<main>\n",
        esc(label),
        esc(&version),
        esc(tool)
    );
    summary(&mut h, data);
    rejects(&mut h, data);
    missions(&mut h, data);
    indicators(&mut h, data);
    activities(&mut h, data);
    citations(&mut h, data);
    coverage(&mut h, data);
    mission_sections(&mut h, data);
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
    for i in &d.indicators {
        let y = years.get(i.doc_id.as_str()).copied().flatten();
        *counts.entry(i.category.as_str()).or_default().entry(y).or_default() += 1;
    }
    let mut cats: Vec<(&str, u64)> = counts.iter().map(|(c, by)| (*c, by.values().sum())).collect();
    cats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // Every year from the first to the last (a year without documents is an
    // empty column, not a jump), undated documents last.
    let mut ys: Vec<Option<i32>> =
        year_span(counts.values().flat_map(|by| by.keys().copied().flatten())).into_iter().map(Some).collect();
    if counts.values().any(|by| by.contains_key(&None)) {
        ys.push(None);
    }
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

/// A document as a link to the UN's copy of it (`https://undocs.org/SYMBOL`),
/// or its doc_id when it has no symbol. A plain link: the page fetches
/// nothing.
fn doc_link(symbol: Option<&str>, doc_id: &str) -> String {
    match symbol {
        Some(s) => format!("<a href=\"https://undocs.org/{}\">{}</a>", esc(s), esc(s)),
        None => format!("<code>{}</code>", esc(doc_id)),
    }
}

/// A resolution symbol ("S/RES/1312(2000)") as a link.
fn resolution_link(symbol: &str) -> String {
    doc_link(Some(symbol), "")
}

/// An HTML id for a mission's section: letters and digits, the rest `-`.
fn mission_anchor(id: &str) -> String {
    let slug: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("m-{slug}")
}

/// Year columns from the first to the last year: a year without a row
/// stays a column, so gaps in the corpus show as gaps on the axis.
fn year_span(years: impl IntoIterator<Item = i32>) -> Vec<i32> {
    let ys: BTreeSet<i32> = years.into_iter().collect();
    match (ys.first(), ys.last()) {
        (Some(&a), Some(&b)) => (a..=b).collect(),
        _ => Vec::new(),
    }
}

fn activities(h: &mut String, d: &Dataset) {
    h.push_str("<section id=\"activities\"><h2>Activities</h2>\n");
    if d.activities.is_empty() {
        h.push_str("<p>No activity was found.</p></section>\n");
        return;
    }
    let mut by_cat: BTreeMap<&str, u64> = BTreeMap::new();
    let mut by_mission: BTreeMap<&str, u64> = BTreeMap::new();
    for a in &d.activities {
        for c in &a.categories {
            *by_cat.entry(c.as_str()).or_default() += 1;
        }
        *by_mission.entry(a.mission_id.as_deref().unwrap_or("(none)")).or_default() += 1;
    }
    let _ = writeln!(
        h,
        "<p>{} sentences that say what a mission did or is doing (<code>activities.parquet</code>), by PACT \
         category (a sentence can have several) and by mission.</p>",
        d.activities.len()
    );
    let mut cats: Vec<(&str, u64)> = by_cat.into_iter().collect();
    cats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let bars: Vec<(String, f64, String)> =
        cats.iter().map(|(c, n)| ((*c).to_owned(), *n as f64, n.to_string())).collect();
    h.push_str(&svg::hbars("chart-activities", "Activities by PACT category", &bars, None, PALETTE[3]));
    let mut ms: Vec<(&str, u64)> = by_mission.into_iter().collect();
    ms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let bars: Vec<(String, f64, String)> =
        ms.iter().take(20).map(|(m, n)| ((*m).to_owned(), *n as f64, n.to_string())).collect();
    h.push_str(&svg::hbars(
        "chart-activities-missions",
        "Activities by mission (the 20 with most)",
        &bars,
        None,
        PALETTE[1],
    ));
    h.push_str("</section>\n");
}

fn citations(h: &mut String, d: &Dataset) {
    h.push_str("<section id=\"citations\"><h2>Cited resolutions</h2>\n");
    if d.resolutions.is_empty() {
        h.push_str("<p>No resolution is cited.</p></section>\n");
        return;
    }
    let mut by_symbol: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (doc, sym) in &d.resolutions {
        by_symbol.entry(sym.as_str()).or_default().insert(doc.as_str());
    }
    let mut top: Vec<(&str, usize)> = by_symbol.iter().map(|(s, docs)| (*s, docs.len())).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let _ = writeln!(
        h,
        "<p>{} citations of {} Security Council resolutions (<code>citations.parquet</code>, kind \
         <code>resolution</code>): the most cited, by the documents that cite them, and citations per year of \
         the citing document.</p>",
        d.resolutions.len(),
        by_symbol.len()
    );
    let bars: Vec<(String, f64, String)> =
        top.iter().take(20).map(|(s, n)| ((*s).to_owned(), *n as f64, format!("{n} documents"))).collect();
    h.push_str(&svg::hbars(
        "chart-citations",
        "The 20 most cited resolutions (documents citing)",
        &bars,
        None,
        PALETTE[4],
    ));
    let years: BTreeMap<&str, Option<i32>> = d.letters.iter().map(|l| (l.doc_id.as_str(), l.year())).collect();
    let mut per_year: BTreeMap<i32, u64> = BTreeMap::new();
    for (doc, _) in &d.resolutions {
        if let Some(y) = years.get(doc.as_str()).copied().flatten() {
            *per_year.entry(y).or_default() += 1;
        }
    }
    let span = year_span(per_year.keys().copied());
    let xs: Vec<String> = span.iter().map(i32::to_string).collect();
    let values: Vec<f64> = span.iter().map(|y| per_year.get(y).copied().unwrap_or(0) as f64).collect();
    h.push_str(&svg::stacked_columns(
        "chart-citations-years",
        "Resolution citations per year of the citing document",
        &xs,
        &[("citations".to_owned(), values)],
    ));
    h.push_str("<table><tr><th>resolution</th><th>documents citing</th></tr>");
    for (sym, n) in top.iter().take(20) {
        let _ = write!(h, "<tr><td>{}</td><td class=\"n\">{n}</td></tr>", resolution_link(sym));
    }
    h.push_str("</table>\n</section>\n");
}

/// A table of contents of every mission, then a section per mission.
fn mission_sections(h: &mut String, d: &Dataset) {
    h.push_str("<section id=\"mission-index\"><h2>Each mission</h2>\n");
    if d.missions.is_empty() {
        h.push_str("<p>No mission was found.</p></section>\n");
        return;
    }
    let mut all: Vec<&MissionRow> = d.missions.iter().collect();
    all.sort_by(|a, b| a.mission_id.cmp(&b.mission_id));
    let _ = writeln!(
        h,
        "<p>All {} missions of <code>missions.parquet</code>, A to Z; each links to its section: its mandate \
         periods, its mandate events with their sentences, its indicators and its activities.</p><p>",
        all.len()
    );
    for (i, m) in all.iter().enumerate() {
        let sep = if i == 0 { "" } else { " · " };
        let _ = write!(h, "{sep}<a href=\"#{}\">{}</a>", mission_anchor(&m.mission_id), esc(&m.mission_id));
    }
    h.push_str("</p>\n</section>\n");
    let symbols: BTreeMap<&str, Option<&str>> =
        d.letters.iter().map(|l| (l.doc_id.as_str(), l.symbol.as_deref())).collect();
    let years: BTreeMap<&str, Option<i32>> = d.letters.iter().map(|l| (l.doc_id.as_str(), l.year())).collect();
    for m in all {
        mission_section(h, d, m, &symbols, &years);
    }
}

fn mission_section(
    h: &mut String,
    d: &Dataset,
    m: &MissionRow,
    symbols: &BTreeMap<&str, Option<&str>>,
    years: &BTreeMap<&str, Option<i32>>,
) {
    let id = &m.mission_id;
    let anchor = mission_anchor(id);
    let _ = write!(
        h,
        "<section id=\"{anchor}\" class=\"mission\"><h2>{}{}</h2>\n<p>{}{}. Mentioned in {} documents ({} \
         mentions). <a href=\"#mission-index\">All missions</a></p>\n",
        esc(id),
        m.name.as_deref().map(|n| format!(" — {}", esc(n))).unwrap_or_default(),
        esc(m.kind.as_deref().unwrap_or("kind unknown")),
        match (&m.established, &m.mandate_end) {
            (Some(a), Some(b)) => format!(", {} to {}", esc(a), esc(b)),
            (Some(a), None) => format!(", since {}", esc(a)),
            _ => String::new(),
        },
        m.n_docs,
        m.n_mentions
    );
    // Its mandate periods: one bar per period.
    let fy = |s: &Option<String>| s.as_deref().and_then(fractional_year);
    let periods: Vec<&crate::PeriodRow> = d.periods.iter().filter(|p| &p.mission_id == id).collect();
    if !periods.is_empty() {
        let lanes: Vec<Lane> = periods
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let a = fy(&p.start)?;
                let b = fy(&p.end).unwrap_or(a + 0.25).max(a + 1.0 / 24.0);
                Some(Lane {
                    label: format!("{} {}", i + 1, p.status),
                    tooltip: format!(
                        "period {}: {} to {} ({}, {})",
                        i + 1,
                        p.start.as_deref().unwrap_or("?"),
                        p.end.as_deref().unwrap_or("open"),
                        p.event,
                        p.status
                    ),
                    seen: None,
                    periods: vec![(a, b, p.status == "done")],
                    established: None,
                })
            })
            .collect();
        let points: Vec<f64> = lanes.iter().flat_map(|l| l.periods.iter().flat_map(|p| [p.0, p.1])).collect();
        let x0 = points.iter().copied().fold(f64::INFINITY, f64::min).floor();
        let x1 = points.iter().copied().fold(f64::NEG_INFINITY, f64::max).ceil().max(x0 + 1.0);
        if !lanes.is_empty() {
            h.push_str(&svg::timeline(
                &format!("chart-{anchor}-periods"),
                &format!("{id}: mandate periods"),
                &lanes,
                x0,
                x1,
            ));
        }
    }
    // Its mandate events, with their evidence.
    let events: Vec<&crate::EventView> = d.events.iter().filter(|e| &e.mission_id == id).collect();
    if events.is_empty() {
        h.push_str("<p class=\"note\">No mandate event states a date for it.</p>\n");
    } else {
        h.push_str(
            "<table><tr><th>event</th><th>status</th><th>date</th><th>until</th><th>resolution</th>\
             <th>document</th><th>sentence</th></tr>",
        );
        for e in events {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&e.event),
                esc(&e.status),
                esc(e.date.as_deref().unwrap_or("")),
                esc(e.until.as_deref().unwrap_or("")),
                e.resolution.as_deref().map(resolution_link).unwrap_or_default(),
                doc_link(symbols.get(e.doc_id.as_str()).copied().flatten(), &e.doc_id),
                esc(&e.sentence)
            );
        }
        h.push_str("</table>\n");
    }
    // Its indicators by category and year.
    let mut counts: BTreeMap<&str, BTreeMap<i32, u64>> = BTreeMap::new();
    for i in d.indicators.iter().filter(|i| i.mission_id.as_deref() == Some(id.as_str())) {
        if let Some(y) = years.get(i.doc_id.as_str()).copied().flatten() {
            *counts.entry(i.category.as_str()).or_default().entry(y).or_default() += 1;
        }
    }
    if !counts.is_empty() {
        let span = year_span(counts.values().flat_map(|by| by.keys().copied()));
        let rows: Vec<String> = counts.keys().map(|c| (*c).to_owned()).collect();
        let cols: Vec<String> = span.iter().map(i32::to_string).collect();
        let values: Vec<Vec<u64>> =
            counts.values().map(|by| span.iter().map(|y| by.get(y).copied().unwrap_or(0)).collect()).collect();
        h.push_str(&svg::heatmap(
            &format!("chart-{anchor}-indicators"),
            &format!("{id}: indicators by category and year"),
            &rows,
            &cols,
            &values,
        ));
    }
    // Its activities by PACT category.
    let mut by_cat: BTreeMap<&str, u64> = BTreeMap::new();
    for a in d.activities.iter().filter(|a| a.mission_id.as_deref() == Some(id.as_str())) {
        for c in &a.categories {
            *by_cat.entry(c.as_str()).or_default() += 1;
        }
    }
    if !by_cat.is_empty() {
        let mut cats: Vec<(&str, u64)> = by_cat.into_iter().collect();
        cats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let bars: Vec<(String, f64, String)> =
            cats.iter().map(|(c, n)| ((*c).to_owned(), *n as f64, n.to_string())).collect();
        h.push_str(&svg::hbars(
            &format!("chart-{anchor}-activities"),
            &format!("{id}: activities by PACT category"),
            &bars,
            None,
            PALETTE[3],
        ));
    }
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
    use crate::{ActivityView, Counts, EventView, IndicatorView, LetterRow, Manifest, PeriodRow, RejectRow};

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
            indicators: vec![
                IndicatorView { doc_id: "a".into(), category: "people".into(), mission_id: Some("UNMEE".into()) },
                IndicatorView { doc_id: "b".into(), category: "money".into(), mission_id: None },
            ],
            events: vec![EventView {
                mission_id: "UNMEE".into(),
                event: "established".into(),
                status: "done".into(),
                date: Some("2000-07-31".into()),
                until: None,
                resolution: Some("S/RES/1312(2000)".into()),
                doc_id: "a".into(),
                sentence: "By its resolution 1312 (2000), the Council established UNMEE.".into(),
            }],
            activities: vec![ActivityView {
                doc_id: "a".into(),
                mission_id: Some("UNMEE".into()),
                categories: vec!["Ceasefire".into(), "Monitor".into()],
            }],
            resolutions: vec![("a".into(), "S/RES/1312(2000)".into()), ("b".into(), "S/RES/1312(2000)".into())],
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
        for id in
            ["summary", "rejects", "missions", "indicators", "activities", "citations", "coverage", "mission-index"]
        {
            assert!(html.contains(&format!("<section id=\"{id}\"")), "{id}");
        }
        assert!(html.contains("<a href=\"#m-UNMEE\">UNMEE</a>"), "the index links to the mission's section");
        assert!(html.contains("<section id=\"m-UNMEE\" class=\"mission\">"));
        assert!(html.contains("the Council established UNMEE."), "evidence sentence");
        for id in [
            "chart-documents",
            "chart-rejects",
            "chart-timeline",
            "chart-indicators",
            "chart-activities",
            "chart-citations",
            "chart-citations-years",
            "chart-coverage",
            "chart-m-UNMEE-periods",
            "chart-m-UNMEE-indicators",
            "chart-m-UNMEE-activities",
        ] {
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
        // Plain links to the UN's copies of the documents fetch nothing.
        assert!(html.contains("<a href=\"https://undocs.org/S/RES/1312(2000)\">S/RES/1312(2000)</a>"));
        let without_ns =
            html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").replace("<a href=\"https://undocs.org/", "<a ");
        for needle in ["http:", "https:", "src=", "<script", "<link", "url(", "@import"] {
            assert!(!without_ns.contains(needle), "{needle}");
        }
    }
}
