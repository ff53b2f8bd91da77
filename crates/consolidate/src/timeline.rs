//! The `mission_timeline` table as polars queries over the mandate events.
//!
//! Each event that states an end of a mandate period (an extension's or an
//! establishment's `until`, an expiry, a termination's date) is a
//! *boundary*. The queries:
//!
//! 1. find each mission's start (the record's, else its earliest stated
//!    establishment) and drop boundaries at or before it, and decided
//!    boundaries the record's closure contradicts;
//! 2. cluster the boundaries that name the same point as far as each says
//!    (`2005-05` joins the first `2005-05-DD` stated, `2005` the first
//!    `2005-MM…`), per mission and role (decided, terminated, requested);
//! 3. keep the earliest termination, which drops every decided end after
//!    it, and number the periods: each decided end closes a period that
//!    began at the end before it (or at the start);
//! 4. a mission with a start but no end gets one period, open unless the
//!    record has the closure; each requested end not already decided is a
//!    period of its own, after the decided ones, from the decided end
//!    before it.
//!
//! Events are carried through the queries by their index (`idx`); the rows
//! take their kind, status, resolution and documents from the events.

use std::collections::{BTreeSet, HashMap};

use missive_model::rows::{EventRow, TimelineRow};
use missive_model::{EventKind, EventStatus, MissionInfo, PartialDate, epoch_days};
use polars::prelude::*;

use crate::queries;

/// How far (days) a stated end may fall from the record's closure and still
/// agree with it: a month, for closures the record gives to the month.
const RECORD_SLACK_DAYS: i32 = 31;

/// A boundary's role: which list of ends it belongs to.
const DECIDED: i32 = 0;
const TERMINATED: i32 = 1;
const REQUESTED: i32 = 2;

/// The point an event sets as an end: a termination's date, else its
/// `until`.
fn boundary_at(e: &EventRow) -> Option<PartialDate> {
    match e.event {
        EventKind::Terminated => e.date,
        _ => e.until,
    }
}

/// The role of an event's boundary (`None`: it sets none, as a requested
/// termination).
fn role(e: &EventRow) -> Option<i32> {
    match (e.event, e.status) {
        (EventKind::Terminated, EventStatus::Requested) => None,
        (EventKind::Terminated, _) => Some(TERMINATED),
        (_, EventStatus::Requested) => Some(REQUESTED),
        _ => Some(DECIDED),
    }
}

/// One row per event ([`queries::events_frame`]: mission, index, date as
/// text, first day, whether it names the day) with its status rank,
/// whether it names a resolution, whether it states the start, and its
/// boundary (role, text, first day, year, month, day).
fn events_frame(events: &[EventRow]) -> PolarsResult<LazyFrame> {
    let at: Vec<Option<PartialDate>> = events.iter().map(boundary_at).collect();
    let stated_start = |e: &EventRow| e.event == EventKind::Established && e.status != EventStatus::Requested;
    let column = |name: &str, values: Series| values.with_name(name.into()).into_column();
    Ok(queries::events_frame(events)?
        .hstack(&[
            column("rank", events.iter().map(|e| e.status.rank()).collect()),
            column("has_resolution", events.iter().map(|e| e.resolution.is_some()).collect()),
            column("stated_start", events.iter().map(stated_start).collect()),
            column("role", events.iter().map(role).collect()),
            column("at", at.iter().map(|d| d.map(|d| d.to_string())).collect()),
            column("at_first", at.iter().map(|d| d.and_then(PartialDate::start).map(epoch_days)).collect()),
            column("y", at.iter().map(|d| d.map(|d| d.year)).collect()),
            column("m", at.iter().map(|d| d.and_then(|d| d.month.map(|m| m as i32))).collect()),
            column("d", at.iter().map(|d| d.and_then(|d| d.day.map(|x| x as i32))).collect()),
        ])?
        .lazy())
}

fn on(cols: &[&str]) -> Vec<Expr> {
    cols.iter().map(|c| col(*c)).collect()
}

fn left() -> JoinArgs {
    JoinArgs::new(JoinType::Left)
}

/// Ascending sort by `by`, nulls first (a partial date without its month
/// orders before one with it).
fn ascending(n: usize) -> SortMultipleOptions {
    SortMultipleOptions::default().with_order_descending_multi(vec![false; n]).with_nulls_last_multi(vec![false; n])
}

/// Per mission: the start (the record's, else the earliest stated
/// establishment, one naming its day first on a tie) as text and first
/// day, and the record's closure.
fn starts(ev: &LazyFrame, rec: LazyFrame) -> LazyFrame {
    let order = SortMultipleOptions::default().with_order_descending_multi([false, true, false]);
    let earliest = |c: &str| col(c).sort_by([col("date_first"), col("date_day"), col("idx")], order.clone()).first();
    let stated = ev
        .clone()
        .filter(col("stated_start").and(col("date").is_not_null()))
        .group_by([col("mission_id")])
        .agg([earliest("date").alias("stated"), earliest("date_first").alias("stated_first")]);
    ev.clone()
        .select([col("mission_id")])
        .unique(None, UniqueKeepStrategy::Any)
        .join(stated, on(&["mission_id"]), on(&["mission_id"]), left())
        .join(rec, on(&["mission_id"]), on(&["mission_id"]), left())
        .with_columns([
            coalesce(&[col("record_start"), col("stated")]).alias("start"),
            when(col("record_start").is_not_null())
                .then(col("record_start_first"))
                .otherwise(col("stated_first"))
                .alias("start_first"),
        ])
        .select([col("mission_id"), col("start"), col("start_first"), col("record_end"), col("record_end_first")])
}

/// The boundaries that count: after the start, and (unless requested) not
/// contradicted by the record's closure, a decided end after it or a
/// termination well before it.
fn boundaries(ev: &LazyFrame, starts: &LazyFrame) -> LazyFrame {
    let after_record = (col("at_first") - col("record_end_first")).gt(lit(RECORD_SLACK_DAYS)).fill_null(lit(false));
    let before_record = (col("record_end_first") - col("at_first")).gt(lit(RECORD_SLACK_DAYS)).fill_null(lit(false));
    let contradicted =
        col("role").neq(lit(REQUESTED)).and(after_record.or(col("role").eq(lit(TERMINATED)).and(before_record)));
    ev.clone()
        .filter(col("role").is_not_null().and(col("at").is_not_null()))
        .join(starts.clone(), on(&["mission_id"]), on(&["mission_id"]), left())
        .filter(col("start_first").is_null().or(col("at_first").gt(col("start_first"))))
        .filter(contradicted.not())
}

/// The boundaries clustered by the point they name (module docs, step 2):
/// one row per cluster with its most precise date (`at`, `at_first`, `y`,
/// `m`, `d`), the event that speaks for it (`rep`: the firmest status, then
/// the first stated), the first with a resolution (`res`) and every event
/// (`idxs`).
fn clusters(b: LazyFrame) -> LazyFrame {
    let first_by_idx = |c: &str| col(c).sort_by([col("idx")], SortMultipleOptions::default()).first();
    let day_of_month = b
        .clone()
        .filter(col("d").is_not_null())
        .group_by(on(&["mission_id", "role", "y", "m"]))
        .agg([first_by_idx("d").alias("month_d")]);
    let b = b
        .join(day_of_month, on(&["mission_id", "role", "y", "m"]), on(&["mission_id", "role", "y", "m"]), left())
        .with_column(coalesce(&[col("d"), col("month_d")]).alias("kd"));
    let month_of_year = b
        .clone()
        .filter(col("m").is_not_null())
        .group_by(on(&["mission_id", "role", "y"]))
        .agg([first_by_idx("m").alias("year_m"), first_by_idx("kd").alias("year_d")]);
    let precise = |c: &str| {
        let precision = col("m").is_not_null().cast(DataType::Int32) + col("d").is_not_null().cast(DataType::Int32);
        col(c)
            .sort_by([precision, col("idx")], SortMultipleOptions::default().with_order_descending_multi([true, false]))
            .first()
    };
    b.join(month_of_year, on(&["mission_id", "role", "y"]), on(&["mission_id", "role", "y"]), left())
        .with_columns([
            coalesce(&[col("m"), col("year_m")]).alias("km"),
            when(col("m").is_null()).then(col("year_d")).otherwise(col("kd")).alias("kd"),
        ])
        .group_by_stable(on(&["mission_id", "role", "y", "km", "kd"]))
        .agg([
            precise("at").alias("at"),
            precise("at_first").alias("at_first"),
            precise("m").alias("m"),
            precise("d").alias("d"),
            col("idx").sort_by([col("rank"), col("idx")], SortMultipleOptions::default()).first().alias("rep"),
            col("idx").filter(col("has_resolution")).min().alias("res"),
            col("idx").sort(SortOptions::default()).alias("idxs"),
            col("start").first(),
            col("start_first").first(),
        ])
}

/// Whether two dates, as year/month/day columns with `prefix`es, name the
/// same point as far as both say.
/// The columns of a cluster.
const CLUSTER: [&str; 12] =
    ["mission_id", "role", "at", "at_first", "y", "m", "d", "rep", "res", "idxs", "start", "start_first"];

fn same_point(a: &str, b: &str) -> Expr {
    let part = |p: &str| {
        let (x, y) = (col(format!("{a}{p}")), col(format!("{b}{p}")));
        x.clone().is_null().or(y.clone().is_null()).or(x.eq(y))
    };
    col(format!("{a}y")).eq(col(format!("{b}y"))).and(part("m")).and(part("d"))
}

/// A row's place among its mission's rows (1, 2, ...), in a frame sorted by
/// mission with a `row` index.
fn nth_in_mission() -> PolarsResult<Expr> {
    Ok(col("row") - col("row").min().over([col("mission_id")])? + lit(1u32))
}

/// Decided ends and the earliest termination, numbered as periods: each
/// from the end before it, the first from the start.
fn periods(c: &LazyFrame) -> PolarsResult<LazyFrame> {
    let termination = c
        .clone()
        .filter(col("role").eq(lit(TERMINATED)))
        .sort(["mission_id", "at_first"], SortMultipleOptions::default())
        .group_by_stable([col("mission_id")])
        .agg([
            col("at_first").first().alias("t_first"),
            col("y").first().alias("t_y"),
            col("m").first().alias("t_m"),
            col("d").first().alias("t_d"),
        ]);
    let decided = c
        .clone()
        .filter(col("role").eq(lit(DECIDED)))
        .join(termination.clone(), on(&["mission_id"]), on(&["mission_id"]), left())
        .filter(col("t_first").is_null().or(col("at_first").lt(col("t_first")).and(same_point("", "t_").not())))
        .select(CLUSTER.map(col));
    let first_termination = c
        .clone()
        .filter(col("role").eq(lit(TERMINATED)))
        .join(termination, on(&["mission_id"]), on(&["mission_id"]), left())
        .filter(col("at_first").eq(col("t_first")))
        .select(CLUSTER.map(col));
    Ok(concat([decided, first_termination], UnionArgs::default())?
        .sort(["mission_id", "at_first", "y", "m", "d"], ascending(5))
        .with_row_index("row", None)
        .with_columns([
            nth_in_mission()?.cast(DataType::UInt32).alias("period"),
            col("at").shift(lit(1)).over([col("mission_id")])?.alias("previous"),
        ])
        .with_column(coalesce(&[col("previous"), col("start")]).alias("period_start")))
}

/// A mission with a start but no end: one period from the start, open
/// unless the record has the closure, stated by its establishments.
fn openings(ev: &LazyFrame, starts: LazyFrame, decided: LazyFrame) -> LazyFrame {
    ev.clone()
        .filter(col("stated_start"))
        .group_by_stable([col("mission_id")])
        .agg([
            col("idx").sort_by([col("rank"), col("idx")], SortMultipleOptions::default()).first().alias("rep"),
            col("idx").filter(col("has_resolution")).min().alias("res"),
            col("idx").sort(SortOptions::default()).alias("idxs"),
        ])
        .join(starts, on(&["mission_id"]), on(&["mission_id"]), left())
        .join(decided, on(&["mission_id"]), on(&["mission_id"]), left())
        .filter(col("start").is_not_null().and(col("n_decided").is_null()))
        .select([
            col("mission_id"),
            lit(1u32).cast(DataType::UInt32).alias("period"),
            col("start").alias("period_start"),
            col("record_end").alias("period_end"),
            col("rep"),
            col("res"),
            col("idxs"),
        ])
}

/// Requested ends not already decided, each a period from the decided end
/// before it (else the start, else the last decided end), numbered after
/// the decided periods and the opening one.
fn requests(c: &LazyFrame, periods: &LazyFrame, decided: LazyFrame, opened: LazyFrame) -> PolarsResult<LazyFrame> {
    let ends = periods.clone().select([
        col("mission_id"),
        col("period").alias("e_period"),
        col("at").alias("e_at"),
        col("at_first").alias("e_first"),
        col("y").alias("e_y"),
        col("m").alias("e_m"),
        col("d").alias("e_d"),
    ]);
    let requested = c.clone().filter(col("role").eq(lit(REQUESTED)));
    let pairs = requested.clone().join(ends, on(&["mission_id"]), on(&["mission_id"]), JoinArgs::new(JoinType::Inner));
    let key = || on(&["mission_id", "rep"]);
    let already = pairs.clone().filter(same_point("", "e_")).group_by(key()).agg([lit(true).first().alias("already")]);
    let before = pairs
        .filter(col("e_first").lt(col("at_first")))
        .group_by(key())
        .agg([col("e_at").sort_by([col("e_period")], SortMultipleOptions::default()).last().alias("before")]);
    Ok(requested
        .join(already, key(), key(), left())
        .filter(col("already").is_null())
        .join(before, key(), key(), left())
        .join(decided, on(&["mission_id"]), on(&["mission_id"]), left())
        .join(opened, on(&["mission_id"]), on(&["mission_id"]), left())
        .sort(["mission_id", "at_first", "y", "m", "d"], ascending(5))
        .with_row_index("row", None)
        .with_columns([
            (nth_in_mission()? + col("n_decided").fill_null(lit(0u32)) + col("opened").fill_null(lit(0u32)))
                .cast(DataType::UInt32)
                .alias("period"),
            coalesce(&[col("before"), col("start"), col("last_decided")]).alias("period_start"),
            col("at").alias("period_end"),
            lit(NULL).cast(DataType::UInt32).alias("res"),
        ])
        .select(ROW.map(col)))
}

/// The columns of a timeline row.
const ROW: [&str; 7] = ["mission_id", "period", "period_start", "period_end", "rep", "res", "idxs"];

/// The `mission_timeline` table (module docs).
pub(crate) fn timeline(
    events: &[EventRow],
    gazetteer: &HashMap<String, MissionInfo>,
) -> PolarsResult<Vec<TimelineRow>> {
    if events.is_empty() {
        return Ok(Vec::new());
    }
    let ev = events_frame(events)?.cache();
    let starts = starts(&ev, queries::record(gazetteer)?).cache();
    let c = clusters(boundaries(&ev, &starts)).cache();
    let periods = periods(&c)?.cache();
    let decided = periods.clone().group_by([col("mission_id")]).agg([
        col("period").max().alias("n_decided"),
        col("at").sort_by([col("period")], SortMultipleOptions::default()).last().alias("last_decided"),
    ]);
    let opened = openings(&ev, starts, decided.clone()).cache();
    let opened_flag = opened.clone().select([col("mission_id"), lit(1u32).alias("opened")]);
    let rows = concat(
        [
            periods.clone().with_column(col("at").alias("period_end")).select(ROW.map(col)),
            opened,
            requests(&c, &periods, decided, opened_flag)?,
        ],
        UnionArgs::default(),
    )?
    .sort(["mission_id", "period"], SortMultipleOptions::default())
    .collect()?;
    to_rows(&rows, events)
}

/// The table's rows, each event's facts taken from `events`.
fn to_rows(df: &DataFrame, events: &[EventRow]) -> PolarsResult<Vec<TimelineRow>> {
    let text = |name: &str| -> PolarsResult<Vec<Option<String>>> {
        Ok(df.column(name)?.str()?.iter().map(|s| s.map(str::to_owned)).collect())
    };
    let date = |name: &str| -> PolarsResult<Vec<Option<PartialDate>>> {
        Ok(text(name)?.into_iter().map(|s| s.as_deref().and_then(PartialDate::parse)).collect())
    };
    let ids = text("mission_id")?;
    let (starts, ends) = (date("period_start")?, date("period_end")?);
    let period: Vec<Option<u32>> = df.column("period")?.u32()?.iter().collect();
    let rep: Vec<Option<u32>> = df.column("rep")?.u32()?.iter().collect();
    let res: Vec<Option<u32>> = df.column("res")?.u32()?.iter().collect();
    let idxs = df.column("idxs")?.list()?.clone();
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let e = &events[rep[i].unwrap_or_default() as usize];
        let docs: BTreeSet<&str> = match idxs.get_as_series(i) {
            Some(s) => s.u32()?.iter().flatten().map(|j| events[j as usize].doc_id.as_str()).collect(),
            None => BTreeSet::new(),
        };
        out.push(TimelineRow {
            mission_id: ids[i].clone().unwrap_or_default(),
            period: period[i].unwrap_or_default(),
            period_start: starts[i],
            period_end: ends[i],
            event: e.event,
            status: e.status,
            resolution: res[i].and_then(|j| events[j as usize].resolution.clone()),
            doc_ids: docs.into_iter().map(str::to_owned).collect(),
        });
    }
    Ok(out)
}
