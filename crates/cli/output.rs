//! Standard output that survives a closed pipe: `missive inspect DIR | head`
//! ends quietly instead of panicking. Every subcommand writes through
//! `writeln!` on [`stdout`] and returns the error; [`is_broken_pipe`] lets
//! `main` treat a reader that went away as success.

use std::io::{ErrorKind, StdoutLock};

pub fn stdout() -> StdoutLock<'static> {
    std::io::stdout().lock()
}

/// Whether the error, or one of its causes, is EPIPE.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == ErrorKind::BrokenPipe))
}
