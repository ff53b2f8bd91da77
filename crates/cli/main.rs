//! `missive`: the command line. Thin: parses arguments, draws progress and
//! prints; the work happens in the library crates.

mod output;
mod progress;
mod views;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use missive_runner::Config;

/// Turn the UN Secretary-General's letters and reports to the Security
/// Council into analysis-ready Parquet tables.
#[derive(Debug, Parser)]
#[command(name = "missive", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a pipeline: read a corpus, write the tables.
    Run(RunArgs),
    /// Score an output folder against gold annotations.
    Eval(EvalArgs),
    /// Merge two annotators' gold for the same documents and report their agreement.
    GoldMerge(GoldMergeArgs),
    /// Print every table's columns, types and descriptions.
    Schema,
    /// Train the activity classifier from PACT paragraph codes and an output folder.
    TrainActivities(TrainArgs),
    /// Merge the outputs of `run --shard K/N` (every K) into one output.
    Merge(MergeArgs),
    /// Summarise an output folder: tables, row counts, top missions, rejects.
    Inspect {
        /// The output folder.
        dir: PathBuf,
    },
    /// Print the codebook (docs/CODEBOOK.md) or the datapackage.json descriptor.
    Codebook(views::CodebookArgs),
    /// Write a self-contained HTML report (charts included) beside the tables.
    Report(views::ReportArgs),
}

#[derive(Debug, Args)]
struct RunArgs {
    /// A pipeline file (pipelines/*.toml); flags override its settings.
    config: Option<PathBuf>,
    /// Corpus folder to read [default: the pipeline file's `corpus`, else data/corpus].
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Output folder, replaced atomically [default: the pipeline file's `out`, else data/out].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Worker threads [default: one per core].
    #[arg(long)]
    threads: Option<usize>,
    /// Files larger than this become rejects: bytes, or a size such as
    /// 64MiB, 500KB, 1GB [default: 64MiB].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_bytes: Option<u64>,
    /// A document still being processed after this many milliseconds
    /// becomes a `time_limit` reject (0: no limit) [default: 60000].
    #[arg(long)]
    time_limit_ms: Option<u64>,
    /// Read every file, not only those with the configured extensions.
    #[arg(long)]
    all_files: bool,
    /// Exit with status 3 when any file was rejected or skipped, or no
    /// document was accepted (the output is still written, and the rejects
    /// summarised by reason). Status 2 is clap's, for a usage error.
    #[arg(long)]
    strict: bool,
    /// No progress bar and no log lines; only the summary.
    #[arg(long, short)]
    quiet: bool,
    /// Process only share K of N of the documents (by doc_id); merge the
    /// shares' outputs with `missive merge`.
    #[arg(long, value_name = "K/N", value_parser = missive_runner::Shard::parse)]
    shard: Option<missive_runner::Shard>,
    /// Print the time spent per stage (summed over threads) to stderr.
    #[arg(long)]
    timings: bool,
    /// Reuse the rows of every file unchanged since the previous run into
    /// the same output folder (same settings, reference data and version);
    /// process only new and changed files. The output is the same as a
    /// full run's.
    #[arg(long)]
    incremental: bool,
    /// Also write report.html beside the tables (as `missive report OUT`).
    #[arg(long)]
    report: bool,
}

#[derive(Debug, Args)]
struct MergeArgs {
    /// The output folders of every shard.
    #[arg(required = true)]
    shards: Vec<PathBuf>,
    /// Output folder, replaced atomically.
    #[arg(long)]
    out: PathBuf,
    /// The reference folder the shards ran with, if not the built-in data.
    #[arg(long)]
    reference: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct TrainArgs {
    /// Output folder of a run over the corpus of the coded sentences (their
    /// documents' text gives each sentence its context).
    #[arg(long, default_value = "data/out")]
    out: PathBuf,
    /// The PACT paragraph codes, for the list of categories (their header).
    #[arg(long, default_value = "data/gold/pact/paragraph_codes.csv")]
    codes: PathBuf,
    /// Activity sentences coded blind (`file,sentence,categories,mode`).
    #[arg(long, default_value = "data/gold/pact/sentence_codes.csv")]
    sentences: PathBuf,
    /// Where to write the category model (trained on the coded sentences,
    /// each read in its context).
    #[arg(long, default_value = "data/models/activities.tsv")]
    model: PathBuf,
    /// Where to write the mode model (trained on the coded sentences' modes).
    #[arg(long, default_value = "data/models/modes.tsv")]
    modes_model: PathBuf,
    /// Sentences coded blind as a PACT activity or not (`file,sentence,activity`).
    #[arg(long, default_value = "data/gold/pact/act_codes.csv")]
    acts: PathBuf,
    /// Where to write the act filter (trained on `--acts`).
    #[arg(long, default_value = "data/models/acts.tsv")]
    acts_model: PathBuf,
}

#[derive(Debug, Args)]
struct GoldMergeArgs {
    /// The first annotator's gold folder.
    a: PathBuf,
    /// The second annotator's gold folder.
    b: PathBuf,
    /// Where to write the merged gold (one file per document both annotated).
    #[arg(long)]
    out: PathBuf,
    /// Print the agreement and the disagreements as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// Output folder of a run.
    #[arg(long, default_value = "data/out")]
    out: PathBuf,
    /// Folder of gold JSON files.
    #[arg(long, default_value = "data/gold/dev")]
    gold: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// List every missed and spurious item.
    #[arg(long, short)]
    verbose: bool,
    /// Also score activity categories against these PACT paragraph codes
    /// (cross-validated over reports).
    #[arg(long)]
    pact: Option<PathBuf>,
    /// With `--pact`: activity sentences coded blind, which each fold's
    /// model also learns (those of the fold's own reports left out).
    #[arg(long)]
    pact_sentences: Option<PathBuf>,
    /// Also cross-validate the act filter on these act codes
    /// (`file,sentence,activity`, coded blind).
    #[arg(long)]
    pact_acts: Option<PathBuf>,
    /// Folds of the PACT cross-validation.
    #[arg(long, default_value_t = 5)]
    folds: usize,
}

fn main() -> ExitCode {
    match try_main() {
        Ok(code) => code,
        // The reader went away (`missive inspect DIR | head`): not an error.
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn try_main() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run(args),
        Command::Merge(args) => merge(args),
        Command::Eval(args) => eval(args),
        Command::GoldMerge(args) => gold_merge(args),
        Command::Schema => schema(),
        Command::TrainActivities(args) => train_activities(args),
        Command::Inspect { dir } => views::inspect(&dir),
        Command::Codebook(args) => views::codebook(args),
        Command::Report(args) => views::report(args),
    }
}

/// The exit status of a run that `--strict` fails (2 is clap's usage error).
const STRICT_FAILURE: u8 = 3;

/// A size in bytes: a number, optionally with a unit (`KB`, `MB`, `GB` are
/// powers of 1000; `KiB`, `MiB`, `GiB`, and `K`, `M`, `G` alone, of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = (&t[..split], t[split..].trim());
    let n: f64 = number.parse().map_err(|_| format!("{s:?} is not a size (for example 1048576, 64MiB, 1GB)"))?;
    let factor: u64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        _ => return Err(format!("{s:?}: unknown unit {unit:?} (use B, KB, MB, GB, KiB, MiB or GiB)")),
    };
    let bytes = n * factor as f64;
    if !bytes.is_finite() || bytes < 0.0 || bytes > u64::MAX as f64 {
        return Err(format!("{s:?} is out of range"));
    }
    Ok(bytes.round() as u64)
}

fn run(args: RunArgs) -> Result<ExitCode> {
    let mut cfg = match &args.config {
        Some(path) => Config::from_toml(path).with_context(|| format!("reading pipeline {}", path.display()))?,
        None => Config::default(),
    };
    if let Some(c) = args.corpus {
        cfg.corpus = c;
    }
    if let Some(o) = args.out {
        cfg.out = o;
    }
    if let Some(t) = args.threads {
        cfg.threads = t;
    }
    if let Some(m) = args.max_bytes {
        cfg.max_bytes = m;
    }
    if let Some(t) = args.time_limit_ms {
        cfg.time_limit_ms = t;
    }
    if args.all_files {
        cfg.extensions.clear();
    }
    cfg.shard = args.shard.or(cfg.shard);
    cfg.incremental |= args.incremental;
    if !cfg.corpus.is_dir() {
        anyhow::bail!(
            "corpus folder {} does not exist: pass --corpus DIR, or set `corpus` in a pipeline file \
             (missive run pipelines/default.toml); the default is data/corpus, relative to the current folder",
            cfg.corpus.display()
        );
    }
    let progress = progress::Bar::new(args.quiet);
    let summary = missive_runner::run(&cfg, &progress)
        .with_context(|| format!("running the pipeline on {}", cfg.corpus.display()))?;
    let m = &summary.manifest;
    let secs = summary.elapsed.as_secs_f64();
    let mb = summary.input_bytes as f64 / 1e6;
    let mut out = output::stdout();
    writeln!(
        out,
        "{} files: {} documents ({} duplicates), {} rejects, {} skipped in {:.2} s ({:.1} MB/s) -> {}",
        m.counts.files,
        m.counts.documents,
        m.counts.duplicates,
        m.counts.rejects,
        m.counts.skipped,
        secs,
        mb / secs.max(1e-9),
        cfg.out.display()
    )?;
    let by: Vec<String> = m.rejects_by_reason.iter().map(|(k, v)| format!("{k} {v}")).collect();
    if !by.is_empty() {
        writeln!(out, "rejects by reason: {}", by.join(", "))?;
    }
    if !summary.recovered.is_empty() {
        eprintln!("{}", summary.recovered);
    }
    if args.report {
        let page = missive_report::html::write(&cfg.out, None)
            .with_context(|| format!("writing the report of {}", cfg.out.display()))?;
        writeln!(output::stdout(), "report -> {}", page.display())?;
    }
    if cfg.incremental {
        match &summary.not_reused {
            Some(why) => eprintln!("incremental: nothing reused ({why}); every file was processed"),
            None if summary.copied => eprintln!(
                "incremental: {} of {} documents unchanged, rows reused from the previous output \
                 (no file changed: the previous output copied)",
                summary.reused, m.counts.documents
            ),
            None => eprintln!(
                "incremental: {} of {} documents unchanged, rows reused from the previous output",
                summary.reused, m.counts.documents
            ),
        }
    }
    if args.timings || std::env::var_os("MISSIVE_STAGE_TIMES").is_some() {
        for (stage, s) in summary.stages.seconds() {
            eprintln!("stage {stage:<15} {s:>8.3} s");
        }
    }
    // Say what was not read, and how to read it.
    let skipped = m.skipped_by_extension();
    if !skipped.is_empty() {
        let list: Vec<String> = skipped.iter().map(|(e, n)| format!("{e} {n}")).collect();
        eprintln!(
            "note: {} skipped by extension ({}): only {} are read; set `extensions` in the pipeline file or pass --all-files",
            if m.counts.skipped == 1 { "1 file".to_owned() } else { format!("{} files", m.counts.skipped) },
            list.join(", "),
            if cfg.extensions.is_empty() {
                "all extensions".to_owned()
            } else {
                cfg.extensions.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ")
            }
        );
    }
    if m.counts.documents == 0 {
        eprintln!("warning: no document was accepted from {}", cfg.corpus.display());
    }
    if args.strict && m.counts.rejects > 0 {
        let n = m.counts.rejects;
        eprintln!(
            "error: {} rejected (--strict): {}",
            if n == 1 { "1 file was".to_owned() } else { format!("{n} files were") },
            by.join(", ")
        );
        return Ok(ExitCode::from(STRICT_FAILURE));
    }
    if args.strict && (m.counts.skipped > 0 || m.counts.documents == 0) {
        eprintln!("error: files were skipped or no document was accepted (--strict)");
        return Ok(ExitCode::from(STRICT_FAILURE));
    }
    Ok(ExitCode::SUCCESS)
}

fn merge(args: MergeArgs) -> Result<ExitCode> {
    let s = missive_runner::merge(&args.shards, &args.out, args.reference.as_deref())
        .with_context(|| format!("merging into {}", args.out.display()))?;
    let c = &s.manifest.counts;
    writeln!(
        output::stdout(),
        "{} shards: {} files, {} documents ({} duplicates), {} rejects in {:.2} s -> {}",
        args.shards.len(),
        c.files,
        c.documents,
        c.duplicates,
        c.rejects,
        s.elapsed.as_secs_f64(),
        args.out.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn gold_merge(args: GoldMergeArgs) -> Result<ExitCode> {
    let merged = missive_eval::agree::merge_dirs(&args.a, &args.b)
        .with_context(|| format!("merging {} and {}", args.a.display(), args.b.display()))?;
    missive_eval::agree::write(&merged, &args.out)?;
    let mut out = output::stdout();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&merged)?)?;
    } else {
        write!(out, "{}", merged.total)?;
        for d in &merged.disagreements {
            writeln!(out, "  {} {}: A {} | B {}", d.file, d.section, d.a, d.b)?;
        }
        for f in &merged.unpaired {
            writeln!(out, "  {f}: annotated once, not merged")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn eval(args: EvalArgs) -> Result<ExitCode> {
    let report = missive_eval::evaluate(&args.out, &args.gold)
        .with_context(|| format!("scoring {} against {}", args.out.display(), args.gold.display()))?;
    let pact = match &args.pact {
        Some(codes) => Some(
            missive_eval::pact::evaluate(
                &args.out,
                codes,
                args.pact_sentences.as_deref(),
                args.folds,
                Default::default(),
            )
            .with_context(|| format!("scoring activities against {}", codes.display()))?,
        ),
        None => None,
    };
    let acts = match &args.pact_acts {
        Some(path) => {
            let codes = missive_eval::pact::read_act_codes(path)
                .with_context(|| format!("reading act codes {}", path.display()))?;
            Some(missive_eval::pact::evaluate_acts(&codes, args.folds, Default::default()))
        }
        None => None,
    };
    let mut out = output::stdout();
    if args.json {
        let both = serde_json::json!({ "gold": report, "pact": pact, "acts": acts });
        writeln!(out, "{}", serde_json::to_string_pretty(&both)?)?;
    } else {
        if let Some(p) = &pact {
            write!(out, "{p}")?;
        }
        if let Some(a) = &acts {
            write!(out, "{a}")?;
        }
        write!(out, "{report}")?;
        if args.verbose {
            for m in &report.misses {
                writeln!(out, "  {} {} {}: {}", m.file, m.table, m.kind, m.item)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn train_activities(args: TrainArgs) -> Result<ExitCode> {
    let (classes, _) = missive_eval::pact::read_codes(&args.codes)
        .with_context(|| format!("reading PACT codes {}", args.codes.display()))?;
    let sentences = missive_eval::pact::read_sentence_codes(&args.sentences, &classes)
        .with_context(|| format!("reading coded sentences {}", args.sentences.display()))?;
    let (in_context, missing) = missive_eval::pact::in_context(&args.out, &sentences)
        .with_context(|| format!("reading documents from {}", args.out.display()))?;
    let model =
        missive_eval::pact::train_categories(&in_context, &classes, missive_eval::train::TrainParams::categories());
    std::fs::write(&args.model, model.to_text()).with_context(|| format!("writing {}", args.model.display()))?;
    let modes = missive_eval::pact::train_modes(&sentences, missive_eval::train::TrainParams::default());
    std::fs::write(&args.modes_model, modes.to_text())
        .with_context(|| format!("writing {}", args.modes_model.display()))?;
    let act_codes = missive_eval::pact::read_act_codes(&args.acts)
        .with_context(|| format!("reading act codes {}", args.acts.display()))?;
    let acts = missive_eval::pact::train_acts(&act_codes, missive_eval::train::TrainParams::default());
    std::fs::write(&args.acts_model, acts.to_text())
        .with_context(|| format!("writing {}", args.acts_model.display()))?;
    writeln!(
        output::stdout(),
        "categories on {} coded sentences in context ({missing} not found in {}), {} categories -> {}; modes on {} sentences -> {}; the act filter on {} sentences -> {}",
        in_context.len(),
        args.out.display(),
        classes.len(),
        args.model.display(),
        sentences.iter().filter(|s| s.mode.is_some()).count(),
        args.modes_model.display(),
        act_codes.len(),
        args.acts_model.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn schema() -> Result<ExitCode> {
    let mut out = output::stdout();
    for (info, cols) in missive_store::describe()? {
        writeln!(out, "{} — {}", info.name, info.description)?;
        writeln!(out, "  key: {}", info.key.join(", "))?;
        for c in cols {
            let null = if c.nullable { "null" } else { "" };
            let mut desc = c.description;
            if !c.allowed.is_empty() {
                desc = format!("{desc} (one of: {})", c.allowed.join(", "));
            }
            if let Some((t, col)) = &c.joins {
                desc = format!("{desc} (joins {t}.{col})");
            }
            writeln!(out, "  {:<18} {:<34} {:<4} {desc}", c.name, c.data_type, null)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
