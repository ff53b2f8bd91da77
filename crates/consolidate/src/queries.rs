//! The `missions` table as polars queries over the per-document rows:
//! mentions grouped per mission (batch by batch, each batch folded into
//! the aggregate so far by the same group-by), the corpus' dates per
//! mission from its mandate events, and the record joined on.

use std::collections::{BTreeSet, HashMap};

use missive_model::rows::{EventRow, MissionRow};
use missive_model::{EventKind, EventStatus, MissionInfo, PartialDate, epoch_days, from_epoch_days};
use polars::prelude::*;

use crate::{Seen, doc_key};

const EXPLODE: ExplodeOptions = ExplodeOptions { empty_as_null: false, keep_nulls: false };

/// One batch of mentions as a frame: mission, document key, surface, date.
fn mentions(seen: &[Seen]) -> PolarsResult<LazyFrame> {
    Ok(df![
        "mission_id" => seen.iter().map(|s| s.mission_id.as_str()).collect::<Vec<_>>(),
        "docs" => seen.iter().map(|s| doc_key(&s.doc_id)).collect::<Vec<_>>(),
        "n_mentions" => vec![1u32; seen.len()],
        "first_seen" => seen.iter().map(|s| s.letter_date.map(epoch_days)).collect::<Vec<_>>(),
        "last_seen" => seen.iter().map(|s| s.letter_date.map(epoch_days)).collect::<Vec<_>>(),
        "aliases" => seen.iter().map(|s| s.surface.as_str()).collect::<Vec<_>>(),
    ]?
    .lazy())
}

/// Per mission: the distinct documents and surfaces, the count of
/// mentions, the first and last dates. `lists` says whether `docs` and
/// `aliases` are lists already (a previous aggregate) or plain values (a
/// batch of mentions); the result has lists.
fn per_mission(frame: LazyFrame, lists: bool) -> LazyFrame {
    let flat = |c: &str| if lists { col(c).explode(EXPLODE) } else { col(c) };
    frame.group_by([col("mission_id")]).agg([
        flat("docs").unique().alias("docs"),
        col("n_mentions").sum().cast(DataType::UInt32).alias("n_mentions"),
        col("first_seen").min().alias("first_seen"),
        col("last_seen").max().alias("last_seen"),
        flat("aliases").unique().alias("aliases"),
    ])
}

/// Folds a batch of mentions into the aggregate so far.
pub(crate) fn fold(so_far: Option<DataFrame>, seen: &[Seen]) -> PolarsResult<DataFrame> {
    let batch = per_mission(mentions(seen)?, false);
    let all = match so_far {
        Some(df) => concat([df.lazy(), batch], UnionArgs::default())?,
        None => batch,
    };
    per_mission(all, true).collect()
}

/// The events' dates as columns the queries can order: a partial date's
/// text, its first day and whether it names the day.
pub(crate) fn events_frame(events: &[EventRow]) -> PolarsResult<DataFrame> {
    let text = |d: Option<PartialDate>| d.map(|d| d.to_string());
    let first_day = |d: Option<PartialDate>| d.and_then(PartialDate::start).map(epoch_days);
    let has_day = |d: Option<PartialDate>| d.is_some_and(|d| d.day.is_some());
    Ok(df![
        "mission_id" => events.iter().map(|e| e.mission_id.as_str()).collect::<Vec<_>>(),
        "event" => events.iter().map(|e| e.event.as_str()).collect::<Vec<_>>(),
        "status" => events.iter().map(|e| e.status.as_str()).collect::<Vec<_>>(),
        "date" => events.iter().map(|e| text(e.date)).collect::<Vec<_>>(),
        "date_first" => events.iter().map(|e| first_day(e.date)).collect::<Vec<_>>(),
        "date_day" => events.iter().map(|e| has_day(e.date)).collect::<Vec<_>>(),
        "until" => events.iter().map(|e| text(e.until)).collect::<Vec<_>>(),
        "until_first" => events.iter().map(|e| first_day(e.until)).collect::<Vec<_>>(),
        "until_day" => events.iter().map(|e| has_day(e.until)).collect::<Vec<_>>(),
        "idx" => (0..events.len() as u32).collect::<Vec<_>>(),
    ]?)
}

/// Per mission, the `field` of the events `keep` selects that comes first
/// when ordered by its first day (`latest`: last), a date naming its day
/// before one that does not, then the order the events came in.
fn pick(events: &LazyFrame, keep: Expr, field: &str, latest: bool, name: &str) -> LazyFrame {
    let order = SortMultipleOptions::default()
        .with_order_descending_multi([latest, true, false])
        .with_nulls_last_multi([latest, false, false]);
    events.clone().filter(keep.and(col(field).is_not_null())).group_by([col("mission_id")]).agg([col(field)
        .sort_by([col(format!("{field}_first")), col(format!("{field}_day")), col("idx")], order)
        .first()
        .alias(name)])
}

/// What the corpus says of each mission's life: the earliest establishment
/// and the latest termination it states as done, and the latest end of a
/// mandate it states as decided or done.
fn corpus_dates(events: &[EventRow]) -> PolarsResult<LazyFrame> {
    let ev = events_frame(events)?.lazy();
    let done =
        |kind: EventKind| col("event").eq(lit(kind.as_str())).and(col("status").eq(lit(EventStatus::Done.as_str())));
    let not_requested = col("status").neq(lit(EventStatus::Requested.as_str()));
    let until = not_requested.and(col("event").neq(lit(EventKind::Terminated.as_str())));
    let on = || [col("mission_id")];
    let left = || JoinArgs::new(JoinType::Left);
    Ok(ev
        .clone()
        .select([col("mission_id")])
        .unique(None, UniqueKeepStrategy::Any)
        .join(pick(&ev, done(EventKind::Established), "date", false, "established"), on(), on(), left())
        .join(pick(&ev, done(EventKind::Terminated), "date", true, "terminated"), on(), on(), left())
        .join(pick(&ev, until, "until", true, "current_mandate_until"), on(), on(), left()))
}

/// The record's start and closure per mission: text, and first day for
/// ordering (the timeline's queries compare them).
pub(crate) fn record(gazetteer: &HashMap<String, MissionInfo>) -> PolarsResult<LazyFrame> {
    let g: Vec<&MissionInfo> = gazetteer.values().collect();
    let text =
        |f: fn(&MissionInfo) -> Option<PartialDate>| g.iter().map(|i| f(i).map(|d| d.to_string())).collect::<Vec<_>>();
    let first = |f: fn(&MissionInfo) -> Option<PartialDate>| {
        g.iter().map(|i| f(i).and_then(PartialDate::start).map(epoch_days)).collect::<Vec<_>>()
    };
    Ok(df![
        "mission_id" => g.iter().map(|i| i.mission_id.as_str()).collect::<Vec<_>>(),
        "record_start" => text(|i| i.start_date),
        "record_start_first" => first(|i| i.start_date),
        "record_end" => text(|i| i.end_date),
        "record_end_first" => first(|i| i.end_date),
    ]?
    .lazy())
}

/// The `missions` table: the aggregates of mentions (plus a row for each
/// mission a document is about without naming it), the corpus' dates, and
/// the record, which stands where it has a fact.
pub(crate) fn missions(
    aggregate: Option<DataFrame>,
    about: &BTreeSet<String>,
    events: &[EventRow],
    gazetteer: &HashMap<String, MissionInfo>,
) -> PolarsResult<Vec<MissionRow>> {
    let about = df!["mission_id" => about.iter().map(String::as_str).collect::<Vec<_>>()]?.lazy();
    let on = || [col("mission_id")];
    let left = || JoinArgs::new(JoinType::Left);
    // Every mission named, and every mission a document is about.
    let seen = match aggregate {
        Some(a) => {
            let a = a.lazy();
            concat([about, a.clone().select([col("mission_id")])], UnionArgs::default())?
                .unique(None, UniqueKeepStrategy::Any)
                .join(a, on(), on(), left())
        }
        None => about,
    };
    let df = seen
        .join(corpus_dates(events)?, on(), on(), left())
        .join(record(gazetteer)?, on(), on(), left())
        .with_columns([
            coalesce(&[col("record_start"), col("established")]).alias("start"),
            coalesce(&[col("record_end"), col("terminated")]).alias("end"),
        ])
        .sort(["mission_id"], SortMultipleOptions::default())
        .collect()?;
    rows(&df, gazetteer)
}

/// The table's rows, with the record's descriptive facts.
fn rows(df: &DataFrame, gazetteer: &HashMap<String, MissionInfo>) -> PolarsResult<Vec<MissionRow>> {
    let text = |name: &str| -> PolarsResult<Vec<Option<String>>> {
        Ok(match df.column(name) {
            Ok(c) => c.str()?.iter().map(|s| s.map(str::to_owned)).collect(),
            // No mention at all: the aggregate's columns are absent.
            Err(_) => vec![None; df.height()],
        })
    };
    let date = |name: &str| -> PolarsResult<Vec<Option<PartialDate>>> {
        Ok(text(name)?.into_iter().map(|s| s.as_deref().and_then(PartialDate::parse)).collect())
    };
    let days = |name: &str| -> PolarsResult<Vec<Option<i32>>> {
        Ok(match df.column(name) {
            Ok(c) => c.i32()?.iter().collect(),
            Err(_) => vec![None; df.height()],
        })
    };
    let ids = text("mission_id")?;
    let (start, end, until) = (date("start")?, date("end")?, date("current_mandate_until")?);
    let (first, last) = (days("first_seen")?, days("last_seen")?);
    let n_mentions: Vec<u32> = match df.column("n_mentions") {
        Ok(c) => c.u32()?.iter().map(|n| n.unwrap_or(0)).collect(),
        Err(_) => vec![0; df.height()],
    };
    let lists = |name: &str| df.column(name).ok().map(|c| c.list().cloned()).transpose();
    let (docs, aliases) = (lists("docs")?, lists("aliases")?);
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let id = ids[i].clone().unwrap_or_default();
        let n_docs = docs.as_ref().and_then(|d| d.get_as_series(i)).map_or(0, |s| s.len() as u32);
        let mut names: Vec<String> = match aliases.as_ref().and_then(|a| a.get_as_series(i)) {
            Some(s) => s.str()?.iter().flatten().map(str::to_owned).collect(),
            None => Vec::new(),
        };
        names.sort_unstable();
        let info = gazetteer.get(&id);
        out.push(MissionRow {
            name: info.map(|i| i.name.clone()),
            kind: info.map(|i| i.kind.clone()),
            is_un: info.map(|i| i.is_un),
            countries: info.map(|i| i.countries.clone()).unwrap_or_default(),
            aliases: names,
            n_docs,
            n_mentions: n_mentions[i],
            first_seen: first[i].and_then(from_epoch_days),
            last_seen: last[i].and_then(from_epoch_days),
            start: start[i],
            end: end[i],
            current_mandate_until: until[i],
            established_by: info.and_then(|i| i.established_by.clone()),
            predecessor: info.and_then(|i| i.predecessor.clone()),
            in_gazetteer: info.is_some(),
            mission_id: id,
        });
    }
    Ok(out)
}
