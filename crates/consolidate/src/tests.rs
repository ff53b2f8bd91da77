use super::*;

fn seen(m: &str, d: &str, s: &str, date: (i32, u32, u32)) -> Seen {
    Seen {
        mission_id: m.into(),
        doc_id: d.into(),
        surface: s.into(),
        letter_date: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        in_gazetteer: true,
    }
}

fn event(m: &str, kind: EventKind, status: EventStatus, date: Option<&str>, until: Option<&str>) -> EventRow {
    EventRow {
        resolution: None,
        doc_id: "d1".into(),
        mission_id: m.into(),
        event: kind,
        status,
        date: date.and_then(PartialDate::parse),
        until: until.and_then(PartialDate::parse),
        letter_date: None,
        sentence: String::new(),
        char_start: 0,
        char_end: 0,
    }
}

#[test]
fn consolidates_missions() {
    let s = [
        seen("UNTOP", "d1", "UNTOP", (2004, 4, 23)),
        seen("UNTOP", "d1", "the United Nations Tajikistan Office of Peace-building", (2004, 4, 23)),
        seen("UNTOP", "d2", "UNTOP", (2000, 5, 26)),
        seen("UNMOT", "d1", "United Nations Mission of Observers in Tajikistan", (2004, 4, 23)),
    ];
    let ev = [
        event("UNTOP", EventKind::Established, EventStatus::Done, Some("2000-06-01"), None),
        event("UNTOP", EventKind::Extended, EventStatus::Done, None, Some("2004-06-01")),
        event("UNTOP", EventKind::Extended, EventStatus::Requested, None, Some("2005-06-01")),
    ];
    let about = std::collections::BTreeSet::from(["UNMOGIP".to_owned(), "UNTOP".to_owned()]);
    let rows = missions(&s, &about, &ev, &HashMap::new()).unwrap();
    let got: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} docs={} mentions={} {:?}..{:?} est={:?} end={:?} aliases={:?}",
                r.mission_id,
                r.n_docs,
                r.n_mentions,
                r.first_seen.map(|d| d.to_string()),
                r.last_seen.map(|d| d.to_string()),
                r.start.map(|d| d.to_string()),
                r.current_mandate_until.map(|d| d.to_string()),
                r.aliases
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "UNMOGIP docs=0 mentions=0 None..None est=None end=None aliases=[]",
            "UNMOT docs=1 mentions=1 Some(\"2004-04-23\")..Some(\"2004-04-23\") est=None end=None aliases=[\"United Nations Mission of Observers in Tajikistan\"]",
            "UNTOP docs=2 mentions=3 Some(\"2000-05-26\")..Some(\"2004-04-23\") est=Some(\"2000-06-01\") end=Some(\"2004-06-01\") aliases=[\"UNTOP\", \"the United Nations Tajikistan Office of Peace-building\"]",
        ]
    );
    let tl: Vec<String> = timeline(&ev, &HashMap::new())
        .iter()
        .map(|t| {
            format!(
                "{} {:?}..{:?}",
                t.period,
                t.period_start.map(|d| d.to_string()),
                t.period_end.map(|d| d.to_string())
            )
        })
        .collect();
    assert_eq!(tl, ["1 Some(\"2000-06-01\")..Some(\"2004-06-01\")", "2 Some(\"2004-06-01\")..Some(\"2005-06-01\")"]);
}

#[test]
fn aggregates_do_not_depend_on_batching() {
    // 20,000 mentions over 2,000 documents (some repeated by identical files)
    // force several polars batches; the result must equal one batch.
    let seen: Vec<Seen> = (0..20_000u32)
        .map(|i| {
            let doc = format!("{:016x}", (i / 10) % 1500);
            let mission = ["UNTOP", "UNMOT", "MINURSO"][(i % 3) as usize];
            seen(mission, &doc, &format!("alias {}", i % 7), (2000 + (i % 20) as i32, 1 + i % 12, 1))
        })
        .collect();
    let events = [event("UNTOP", EventKind::Established, EventStatus::Done, Some("2000-06-01"), None)];
    let gaz = HashMap::new();
    let once = missions(&seen, &Default::default(), &events, &gaz).unwrap();
    let mut c = Consolidator::default();
    c.add_doc(None, None, &[], &events).unwrap();
    for chunk in seen.chunks(777) {
        c.add_seen(chunk).unwrap();
    }
    let (batched, _) = c.finish(&gaz).unwrap();
    assert_eq!(once, batched);
    assert_eq!(once.iter().map(|m| m.n_docs).collect::<Vec<_>>(), [1500, 1500, 1500]);
    assert_eq!(once.iter().map(|m| m.n_mentions).sum::<u32>(), 20_000);
}
