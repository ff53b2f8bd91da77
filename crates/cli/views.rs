//! The analyst's subcommands: `codebook`, `report` and `inspect`. The work
//! is in `missive-store` (codebook) and `missive-report`; this prints.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use crate::output;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CodebookFormat {
    /// docs/CODEBOOK.md
    Markdown,
    /// The Frictionless descriptor written beside the tables.
    Datapackage,
}

#[derive(Debug, Args)]
pub struct CodebookArgs {
    /// What to print.
    #[arg(long, value_enum, default_value = "markdown")]
    format: CodebookFormat,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The output folder of a run.
    dir: PathBuf,
    /// Where to write the page (default: DIR/report.html).
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn codebook(args: CodebookArgs) -> Result<ExitCode> {
    let text = match args.format {
        CodebookFormat::Markdown => missive_store::codebook::markdown(),
        CodebookFormat::Datapackage => missive_store::codebook::datapackage(),
    }
    .context("describing the tables")?;
    let mut out = output::stdout();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn report(args: ReportArgs) -> Result<ExitCode> {
    let path = missive_report::html::write(&args.dir, args.out.as_deref())
        .with_context(|| format!("writing the report of {}", args.dir.display()))?;
    let mut out = output::stdout();
    writeln!(out, "report -> {}", path.display())?;
    Ok(ExitCode::SUCCESS)
}

pub fn inspect(dir: &Path) -> Result<ExitCode> {
    let data = missive_report::Dataset::load(dir).with_context(|| format!("reading {}", dir.display()))?;
    let summary = missive_report::inspect::Summary { label: dir.display().to_string(), data: &data };
    let mut out = output::stdout();
    write!(out, "{summary}")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
