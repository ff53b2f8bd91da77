//! Domain results of one document to output rows (byte offsets become
//! code-point offsets here, once).

use missive_model::rows::{ActivityRow, EventRow, IndicatorRow, MentionRow, ReferenceRow, Tables};
use missive_model::{CharIndex, Document, Enrichment, Span};

fn sentence_of(doc: &Document, span: Span) -> Span {
    missive_model::spans::containing(&doc.sentences, |s| *s, span).copied().unwrap_or(span)
}

/// Appends the rows of one accepted document to `t` (letters excluded).
pub fn push_doc_rows(doc: &Document, enr: &Enrichment, t: &mut Tables) {
    let text = &doc.letter.text;
    let idx = CharIndex::new(text);
    let c = |b: usize| idx.char_offset(b) as u32;
    let doc_id = &doc.letter.doc_id;
    for s in &doc.symbols {
        t.references.push(ReferenceRow {
            doc_id: doc_id.clone(),
            symbol: s.symbol.clone(),
            kind: s.kind,
            surface: s.span.slice(text).to_owned(),
            char_start: c(s.span.start),
            char_end: c(s.span.end),
        });
    }
    if let Some(title) = &doc.letter.title {
        let tidx = CharIndex::new(title);
        for m in &enr.title_mentions {
            t.mission_mentions.push(MentionRow {
                doc_id: doc_id.clone(),
                mission_id: m.mission_id.clone(),
                field: "title",
                surface: m.surface.split_whitespace().collect::<Vec<_>>().join(" "),
                in_gazetteer: m.in_gazetteer,
                char_start: tidx.char_offset(m.span.start) as u32,
                char_end: tidx.char_offset(m.span.end) as u32,
            });
        }
    }
    for m in &enr.mentions {
        t.mission_mentions.push(MentionRow {
            doc_id: doc_id.clone(),
            mission_id: m.mission_id.clone(),
            field: "text",
            surface: m.surface.split_whitespace().collect::<Vec<_>>().join(" "),
            in_gazetteer: m.in_gazetteer,
            char_start: c(m.span.start),
            char_end: c(m.span.end),
        });
    }
    for e in &enr.events {
        t.mandate_events.push(EventRow {
            doc_id: doc_id.clone(),
            mission_id: e.mission_id.clone(),
            event: e.event,
            status: e.status,
            date: e.date,
            until: e.until,
            resolution: e.resolution.clone(),
            letter_date: doc.letter.letter_date,
            sentence: e.sentence.slice(text).to_owned(),
            char_start: c(e.sentence.start),
            char_end: c(e.sentence.end),
        });
    }
    let activity_id = |sentence: Span| format!("{doc_id}-a{}", c(sentence.start));
    for a in &enr.activities {
        t.activities.push(ActivityRow {
            doc_id: doc_id.clone(),
            activity_id: activity_id(a.sentence),
            mission_id: a.mission_id.clone(),
            paragraph: a.paragraph.clone(),
            categories: a.categories.clone(),
            mode: a.mode.clone(),
            sentence: a.sentence.slice(text).to_owned(),
            period_start: a.period_start,
            period_end: a.period_end,
            location: a.location.clone(),
            char_start: c(a.sentence.start),
            char_end: c(a.sentence.end),
        });
    }
    // Activity sentences are sorted and disjoint (one activity per sentence).
    let mut activity_sentences: Vec<Span> = enr.activities.iter().map(|a| a.sentence).collect();
    activity_sentences.sort_unstable();
    activity_sentences.dedup();
    for i in &enr.indicators {
        let start = c(i.span.start);
        let sentence = if i.sentence.is_empty() { sentence_of(doc, i.span) } else { i.sentence };
        t.indicators.push(IndicatorRow {
            doc_id: doc_id.clone(),
            indicator_id: format!("{doc_id}-{start}"),
            mission_id: i.mission_id.clone(),
            activity_id: missive_model::spans::containing(&activity_sentences, |s| *s, i.span)
                .is_some()
                .then(|| activity_id(sentence)),
            value: i.value,
            value_high: i.value_high,
            qualifier: i.qualifier,
            unit: i.unit.clone(),
            unit_surface: i.unit_surface.clone(),
            category: i.category.clone(),
            subject: i.subject,
            surface: i.span.slice(text).to_owned(),
            sentence: sentence.slice(text).to_owned(),
            char_start: start,
            char_end: c(i.span.end),
        });
    }
}
