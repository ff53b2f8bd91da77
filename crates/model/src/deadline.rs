//! A per-document time budget the stages check cooperatively.
//!
//! The stages stay pure functions: the deadline is one more input, and a
//! stage that finds it past stops and says so ([`TimedOut`]) instead of
//! producing a result. The pipeline turns that into a `time_limit` reject.
//! [`Deadline::none`] never expires, so a stage called without a budget
//! behaves exactly as before.

use std::fmt;
use std::time::{Duration, Instant};

/// When a document's processing must stop, if ever.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Deadline {
    at: Option<Instant>,
}

/// A stage gave up because the document's deadline passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimedOut {
    /// The stage (and step) that noticed: `normalise/dates`, `enrich/events`, ...
    pub stage: &'static str,
}

impl fmt::Display for TimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "time limit reached in {}", self.stage)
    }
}

impl std::error::Error for TimedOut {}

impl Deadline {
    /// A deadline that never passes.
    pub const fn none() -> Self {
        Self { at: None }
    }

    /// A deadline `budget` from now; `None` means no deadline.
    pub fn after(budget: Option<Duration>) -> Self {
        Self { at: budget.map(|b| Instant::now() + b) }
    }

    /// A deadline at `at`.
    pub fn at(at: Instant) -> Self {
        Self { at: Some(at) }
    }

    /// Whether the deadline has passed.
    pub fn expired(&self) -> bool {
        self.at.is_some_and(|at| Instant::now() >= at)
    }

    /// `Err(TimedOut)` once the deadline has passed: `deadline.check("normalise/clean")?`.
    pub fn check(&self, stage: &'static str) -> Result<(), TimedOut> {
        if self.expired() { Err(TimedOut { stage }) } else { Ok(()) }
    }

    /// A cheap check for tight loops: reads the clock only every 256th call
    /// (`i` is the loop counter).
    pub fn check_every(&self, i: usize, stage: &'static str) -> Result<(), TimedOut> {
        if self.at.is_some() && i.is_multiple_of(256) { self.check(stage) } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_never_expires_and_past_always_does() {
        assert!(!Deadline::none().expired());
        assert!(Deadline::none().check("x").is_ok());
        assert!(!Deadline::after(None).expired());
        assert!(!Deadline::after(Some(Duration::from_secs(3600))).expired());
        let past = Deadline::at(Instant::now() - Duration::from_millis(1));
        assert_eq!(past.check("normalise/clean"), Err(TimedOut { stage: "normalise/clean" }));
        assert!(past.check_every(0, "x").is_err());
        assert!(past.check_every(1, "x").is_ok(), "only every 256th call reads the clock");
        assert_eq!(TimedOut { stage: "enrich" }.to_string(), "time limit reached in enrich");
    }
}
