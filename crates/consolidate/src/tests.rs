use super::*;
use missive_model::{EventKind, EventStatus, PartialDate};

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
        .unwrap()
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

/// Events written one per line: `mission kind status date until doc
/// [resolution]` (`-` for none).
fn events_from(text: &str) -> Vec<EventRow> {
    text.lines()
        .map(str::split_whitespace)
        .filter_map(|mut w| {
            let m = w.next()?;
            let (kind, status) = (w.next()?, w.next()?);
            let kind = EventKind::ALL.into_iter().find(|k| k.as_str() == kind)?;
            let status = EventStatus::ALL.into_iter().find(|s| s.as_str() == status)?;
            let mut e = event(m, kind, status, w.next().filter(|d| *d != "-"), w.next().filter(|d| *d != "-"));
            e.doc_id = w.next()?.to_owned();
            e.resolution = w.next().map(str::to_owned);
            Some(e)
        })
        .collect()
}

#[test]
fn timeline_periods() {
    // A: an establishment to 2001-06, that end restated to the month and to
    // the day (one period, three documents), an extension, a termination
    // that drops the end stated after it, a request already decided and a
    // request after the termination. B: only a start, closed by the record.
    // C: an end the record's closure contradicts (so only a start, open to
    // the record's closure), a requested end.
    let events = events_from(
        "A established done 2000-06-01 2001-06 d1 S/RES/1
         A extended decided - 2001-06-30 d2 S/RES/2
         A extended done - 2001-06 d3
         A extended done - 2002-06-30 d2
         A terminated done 2002-03-31 - d4
         A extended done - 2003-01-31 d4
         A extended requested - 2002-06-30 d5
         A extended requested - 2001-06 d5
         B established done 1995-03 - d1
         C established decided 1990-01-01 - d6
         C extended done - 1999-12-31 d6
         C extended requested - 1991-01-31 d6",
    );
    assert_eq!(events.len(), 12, "{events:#?}");
    let c_record =
        MissionInfo { mission_id: "C".into(), end_date: PartialDate::parse("1992-12"), ..Default::default() };
    let b_record =
        MissionInfo { mission_id: "B".into(), end_date: PartialDate::parse("1997-06-30"), ..Default::default() };
    let gazetteer = HashMap::from([("C".to_owned(), c_record), ("B".to_owned(), b_record)]);
    let got: Vec<String> = timeline(&events, &gazetteer)
        .unwrap()
        .iter()
        .map(|t| {
            let d = |d: Option<PartialDate>| d.map_or("-".to_owned(), |d| d.to_string());
            format!(
                "{} {} {}..{} {} {} {} {}",
                t.mission_id,
                t.period,
                d(t.period_start),
                d(t.period_end),
                t.event.as_str(),
                t.status.as_str(),
                t.resolution.as_deref().unwrap_or("-"),
                t.doc_ids.join(",")
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "A 1 2000-06-01..2001-06-30 established done S/RES/1 d1,d2,d3",
            "A 2 2001-06-30..2002-03-31 terminated done - d4",
            "A 3 2002-03-31..2002-06-30 extended requested - d5",
            "B 1 1995-03..1997-06-30 established done - d1",
            "C 1 1990-01-01..1992-12 established decided - d6",
            "C 2 1990-01-01..1991-01-31 extended requested - d6",
        ]
    );
}
