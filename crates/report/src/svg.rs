//! Charts as inline SVG, written by hand: horizontal bars, stacked
//! columns, a heat map and a timeline. Each chart is one `<svg>` element
//! with a `<title>` (accessible name) and a tooltip on every mark; the
//! output depends only on the input (coordinates printed with one decimal).

use std::fmt::Write as _;

/// Okabe–Ito colours, distinguishable with colour-vision deficiencies.
pub const PALETTE: [&str; 8] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#777777"];

const FONT: &str = "font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\"";

/// Escapes text for HTML and SVG.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn open(id: &str, title: &str, w: f64, h: f64) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"chart\" viewBox=\"0 0 {w:.0} {h:.0}\" \
         width=\"{w:.0}\" height=\"{h:.0}\" role=\"img\" aria-labelledby=\"{id}-title\" {FONT} font-size=\"12\">\
         <title id=\"{id}-title\">{}</title>",
        esc(title)
    )
}

/// A "nice" step for about `n` ticks up to `max` (1, 2 or 5 times a power of ten).
pub fn nice_step(max: f64, n: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / n;
    let pow = 10f64.powf(raw.log10().floor());
    let f = raw / pow;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    (m * pow).max(1.0)
}

/// Short number for axes: 1200 -> 1.2k.
pub fn short(v: f64) -> String {
    if v.abs() >= 1e6 {
        format!("{:.1}M", v / 1e6).replace(".0M", "M")
    } else if v.abs() >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if v.abs() >= 1e3 {
        format!("{:.1}k", v / 1e3).replace(".0k", "k")
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// A horizontal bar per `(label, value, annotation)`; the scale runs to
/// `max` (the largest value if `None`).
pub fn hbars(id: &str, title: &str, bars: &[(String, f64, String)], max: Option<f64>, color: &str) -> String {
    let label_w = 8.0 * bars.iter().map(|b| b.0.chars().count()).max().unwrap_or(4).clamp(4, 34) as f64 + 12.0;
    let (bar_h, gap, top) = (18.0, 6.0, 8.0);
    let plot_w = 420.0;
    let w = label_w + plot_w + 110.0;
    let h = top + bars.len() as f64 * (bar_h + gap) + 8.0;
    let max = max.unwrap_or_else(|| bars.iter().map(|b| b.1).fold(0.0, f64::max)).max(1e-9);
    let mut s = open(id, title, w, h);
    let _ = write!(
        s,
        "<line x1=\"{label_w:.1}\" y1=\"{top:.1}\" x2=\"{label_w:.1}\" y2=\"{:.1}\" stroke=\"#999\"/>",
        h - 8.0
    );
    for (i, (label, value, note)) in bars.iter().enumerate() {
        let y = top + i as f64 * (bar_h + gap);
        let bw = (value / max * plot_w).max(if *value > 0.0 { 1.0 } else { 0.0 });
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#222\">{}</text>\
             <rect class=\"mark\" x=\"{label_w:.1}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{bar_h:.1}\" fill=\"{color}\">\
             <title>{}: {}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#222\">{}</text>",
            label_w - 6.0,
            y + bar_h - 5.0,
            esc(label),
            esc(label),
            esc(note),
            label_w + bw + 5.0,
            y + bar_h - 5.0,
            esc(note)
        );
    }
    s.push_str("</svg>");
    s
}

/// Columns at each `xs` label, stacked by series `(name, value per x)`, with a legend.
pub fn stacked_columns(id: &str, title: &str, xs: &[String], series: &[(String, Vec<f64>)]) -> String {
    let (left, top, bottom, plot_h) = (48.0, 28.0, 44.0, 220.0);
    let col_w = (560.0 / xs.len().max(1) as f64).clamp(10.0, 44.0);
    let w = left + xs.len() as f64 * col_w + 20.0;
    let w = w.max(360.0);
    let h = top + plot_h + bottom;
    let totals: Vec<f64> = (0..xs.len()).map(|i| series.iter().map(|s| s.1[i]).sum()).collect();
    let max = totals.iter().copied().fold(0.0, f64::max);
    let step = nice_step(max, 5.0);
    let top_value = ((max / step).ceil() * step).max(step);
    let y = |v: f64| top + plot_h - v / top_value * plot_h;
    let mut s = open(id, title, w, h);
    let mut tick = 0.0;
    while tick <= top_value + 1e-9 {
        let _ = write!(
            s,
            "<line x1=\"{left:.1}\" y1=\"{0:.1}\" x2=\"{1:.1}\" y2=\"{0:.1}\" stroke=\"#ddd\"/>\
             <text x=\"{2:.1}\" y=\"{3:.1}\" text-anchor=\"end\" fill=\"#555\">{4}</text>",
            y(tick),
            w - 10.0,
            left - 6.0,
            y(tick) + 4.0,
            short(tick)
        );
        tick += step;
    }
    // Legend on top.
    let mut lx = left;
    for (k, (name, _)) in series.iter().enumerate() {
        let c = PALETTE[k % PALETTE.len()];
        let _ = write!(
            s,
            "<rect x=\"{lx:.1}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{c}\"/>\
             <text x=\"{:.1}\" y=\"16\" fill=\"#222\">{}</text>",
            lx + 16.0,
            esc(name)
        );
        lx += 24.0 + 7.5 * name.chars().count() as f64;
    }
    let every = (xs.len() as f64 / 14.0).ceil().max(1.0) as usize;
    for (i, x) in xs.iter().enumerate() {
        let x0 = left + i as f64 * col_w + 2.0;
        let mut acc = 0.0;
        for (k, (name, values)) in series.iter().enumerate() {
            let v = values[i];
            if v <= 0.0 {
                continue;
            }
            let c = PALETTE[k % PALETTE.len()];
            let _ = write!(
                s,
                "<rect class=\"mark\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{c}\">\
                 <title>{} {}: {}</title></rect>",
                y(acc + v),
                col_w - 4.0,
                y(acc) - y(acc + v),
                esc(x),
                esc(name),
                short(v)
            );
            acc += v;
        }
        if i % every == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" transform=\"rotate(-45 {:.1} {:.1})\" fill=\"#333\">{}</text>",
                x0 + col_w / 2.0,
                top + plot_h + 14.0,
                x0 + col_w / 2.0,
                top + plot_h + 14.0,
                esc(x)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// A grid of counts: a cell per `(row, column)`, darker for more.
pub fn heatmap(id: &str, title: &str, rows: &[String], cols: &[String], values: &[Vec<u64>]) -> String {
    let label_w = 8.0 * rows.iter().map(|r| r.chars().count()).max().unwrap_or(4).clamp(4, 20) as f64 + 12.0;
    let (cell_w, cell_h, top) = ((880.0 / cols.len().max(1) as f64).clamp(30.0, 48.0), 24.0, 56.0);
    let w = (label_w + cols.len() as f64 * cell_w + 56.0).max(300.0);
    let h = top + rows.len() as f64 * cell_h + 8.0;
    let max = values.iter().flatten().copied().max().unwrap_or(0).max(1) as f64;
    let mut s = open(id, title, w, h);
    for (j, c) in cols.iter().enumerate() {
        // Column labels slanted, so that years never overlap.
        let (x, y) = (label_w + j as f64 * cell_w + cell_w / 2.0, top - 6.0);
        let _ = write!(
            s,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" transform=\"rotate(-45 {x:.1} {y:.1})\" fill=\"#333\">{}</text>",
            esc(c)
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let y = top + i as f64 * cell_h;
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#222\">{}</text>",
            label_w - 6.0,
            y + cell_h - 8.0,
            esc(r)
        );
        for (j, c) in cols.iter().enumerate() {
            let v = values[i][j];
            // Square-root scale: a few big years should not wash out the rest.
            let t = (v as f64 / max).sqrt();
            let light = 97.0 - 62.0 * t;
            let fill = if v == 0 { "#f4f4f4".to_owned() } else { format!("hsl(205, 70%, {light:.0}%)") };
            let ink = if light < 60.0 { "#fff" } else { "#222" };
            let x = label_w + j as f64 * cell_w;
            let _ = write!(
                s,
                "<rect class=\"mark\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\">\
                 <title>{} {}: {v}</title></rect>",
                x + 1.0,
                y + 1.0,
                cell_w - 2.0,
                cell_h - 2.0,
                esc(r),
                esc(c)
            );
            if v > 0 {
                let _ = write!(
                    s,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{ink}\">{}</text>",
                    x + cell_w / 2.0,
                    y + cell_h - 8.0,
                    short(v as f64)
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// One mission's row of the timeline, in fractional years.
#[derive(Debug, Clone, Default)]
pub struct Lane {
    pub label: String,
    pub tooltip: String,
    /// From the first to the last document that mentions it.
    pub seen: Option<(f64, f64)>,
    /// Mandate periods `(start, end, done)`; `done` periods are solid.
    pub periods: Vec<(f64, f64, bool)>,
    /// The establishment date.
    pub established: Option<f64>,
}

/// Lanes of periods on a shared year axis from `x0` to `x1`.
pub fn timeline(id: &str, title: &str, lanes: &[Lane], x0: f64, x1: f64) -> String {
    let label_w = 8.0 * lanes.iter().map(|l| l.label.chars().count()).max().unwrap_or(4).clamp(4, 16) as f64 + 14.0;
    let (plot_w, lane_h, top, bottom) = (640.0, 20.0, 40.0, 26.0);
    let w = label_w + plot_w + 20.0;
    let h = top + lanes.len() as f64 * lane_h + bottom;
    let span = (x1 - x0).max(1.0);
    let x = |v: f64| label_w + (v - x0) / span * plot_w;
    let mut s = open(id, title, w, h);
    // Legend.
    let _ = write!(
        s,
        "<rect x=\"{label_w:.1}\" y=\"8\" width=\"22\" height=\"6\" fill=\"#bbb\"/>\
         <text x=\"{:.1}\" y=\"15\" fill=\"#222\">mentioned in the corpus</text>\
         <rect x=\"{:.1}\" y=\"5\" width=\"22\" height=\"12\" fill=\"{}\"/>\
         <text x=\"{:.1}\" y=\"15\" fill=\"#222\">mandate period (done)</text>\
         <rect x=\"{:.1}\" y=\"5\" width=\"22\" height=\"12\" fill=\"{}\" fill-opacity=\"0.45\"/>\
         <text x=\"{:.1}\" y=\"15\" fill=\"#222\">decided or requested</text>\
         <circle cx=\"{:.1}\" cy=\"11\" r=\"4\" fill=\"{}\"/>\
         <text x=\"{:.1}\" y=\"15\" fill=\"#222\">established</text>",
        label_w + 28.0,
        label_w + 190.0,
        PALETTE[0],
        label_w + 218.0,
        label_w + 375.0,
        PALETTE[0],
        label_w + 403.0,
        label_w + 555.0,
        PALETTE[5],
        label_w + 563.0
    );
    let step = nice_step(span, 8.0).max(1.0);
    let mut year = (x0 / step).ceil() * step;
    while year <= x1 + 1e-9 {
        let _ = write!(
            s,
            "<line x1=\"{0:.1}\" y1=\"{top:.1}\" x2=\"{0:.1}\" y2=\"{1:.1}\" stroke=\"#e4e4e4\"/>\
             <text x=\"{0:.1}\" y=\"{2:.1}\" text-anchor=\"middle\" fill=\"#555\">{3:.0}</text>",
            x(year),
            h - bottom,
            h - bottom + 16.0,
            year
        );
        year += step;
    }
    for (i, lane) in lanes.iter().enumerate() {
        let y = top + i as f64 * lane_h;
        let mid = y + lane_h / 2.0;
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#222\">{}<title>{}</title></text>",
            label_w - 6.0,
            mid + 4.0,
            esc(&lane.label),
            esc(&lane.tooltip)
        );
        if let Some((a, b)) = lane.seen {
            let _ = write!(
                s,
                "<rect class=\"mark\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"6\" fill=\"#bbb\">\
                 <title>{}: mentioned {:.0}–{:.0}</title></rect>",
                x(a),
                mid - 3.0,
                (x(b) - x(a)).max(2.0),
                esc(&lane.label),
                a.floor(),
                b.floor()
            );
        }
        for (a, b, done) in &lane.periods {
            let _ = write!(
                s,
                "<rect class=\"mark\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" fill=\"{}\" fill-opacity=\"{}\">\
                 <title>{}: mandate period {}–{}</title></rect>",
                x(*a),
                mid - 6.0,
                (x(*b) - x(*a)).max(2.0),
                PALETTE[0],
                if *done { "0.9" } else { "0.45" },
                esc(&lane.label),
                year_month(*a),
                year_month(*b)
            );
        }
        if let Some(e) = lane.established {
            let _ = write!(
                s,
                "<circle class=\"mark\" cx=\"{:.1}\" cy=\"{mid:.1}\" r=\"4\" fill=\"{}\"><title>{} established {}</title></circle>",
                x(e),
                PALETTE[5],
                esc(&lane.label),
                year_month(e)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// A fractional year (`missive_report::fractional_year`) as the month it
/// falls in, `YYYY-MM`: tooltips show dates, not 1999.6.
fn year_month(y: f64) -> String {
    let year = y.floor();
    let month = (((y - year) * 12.0 + 1e-6).floor() as u32).min(11) + 1;
    format!("{year:.0}-{month:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tooltips show the month a fractional year falls in.
    #[test]
    fn year_months() {
        for date in ["1999-01", "2004-08", "2018-12", "2000-02-29", "1993"] {
            let y = crate::fractional_year(date).unwrap();
            let want = if date.len() == 4 { format!("{date}-01") } else { date[..7].to_owned() };
            assert_eq!(year_month(y), want, "{date}");
        }
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(esc("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(100.0, 5.0), 20.0);
        assert_eq!(nice_step(7.0, 5.0), 2.0);
        assert_eq!(nice_step(0.0, 5.0), 1.0);
        assert_eq!(nice_step(3.0, 8.0), 1.0);
    }

    #[test]
    fn short_numbers() {
        assert_eq!(short(12.0), "12");
        assert_eq!(short(1200.0), "1.2k");
        assert_eq!(short(25000.0), "25k");
        assert_eq!(short(3_000_000.0), "3M");
    }

    #[test]
    fn charts_have_a_mark_per_value() {
        let bars = vec![("a".to_owned(), 2.0, "2".to_owned()), ("b<".to_owned(), 1.0, "1".to_owned())];
        let svg = hbars("h", "T", &bars, None, PALETTE[0]);
        assert_eq!(svg.matches("class=\"mark\"").count(), 2);
        assert!(svg.contains("b&lt;") && !svg.contains("b<"));
        let svg = heatmap("m", "T", &["r".into()], &["1".into(), "2".into()], &[vec![0, 3]]);
        assert_eq!(svg.matches("class=\"mark\"").count(), 2);
        let svg = stacked_columns("s", "T", &["2000".into(), "2001".into()], &[("x".into(), vec![1.0, 0.0])]);
        assert_eq!(svg.matches("class=\"mark\"").count(), 1);
        let lane = Lane {
            label: "M".into(),
            seen: Some((2000.0, 2002.0)),
            periods: vec![(2001.0, 2001.5, true)],
            established: Some(2000.5),
            ..Lane::default()
        };
        let svg = timeline("t", "T", &[lane], 2000.0, 2003.0);
        assert_eq!(svg.matches("class=\"mark\"").count(), 3);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }
}
