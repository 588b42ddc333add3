//! `corpus-cli merge`: combine the `summary` lines of earlier `analyze --format jsonl` runs into
//! one summary, exactly as if one run had seen all their inputs — the reduce step when analyze
//! runs as the map step on many machines or processes.

use std::fs;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use clap::Args;
use serde::Deserialize;

use super::report_error;
use super::{Destination, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, OutputArgs, write_failure};
use crate::report::{self, Format, ReportOptions};
use crate::summary::{Summary, SummaryBuilder};

pub const MERGE_HELP: &str = "\
Each PART is the output of `corpus-cli analyze --format jsonl --top 0` (or of an earlier merge
with --format jsonl --top 0); its `summary` lines are added up and every other line is skipped.
Run analyze with --top 0 so its summary keeps every row: a summary cut by --top is merged with
a warning, and its counts are then lower bounds.

Examples:
  corpus-cli analyze 2023/ --format jsonl --top 0 > 2023.jsonl
  corpus-cli analyze 2024/ --format jsonl --top 0 > 2024.jsonl
  corpus-cli merge 2023.jsonl 2024.jsonl                   the same tables as analyzing both
  cat parts/*.jsonl | corpus-cli merge - --format json     read the parts from standard input";

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Output files of `analyze --format jsonl`; `-` reads standard input.
    #[arg(required = true, value_name = "PART")]
    pub parts: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Just the record type of a JSON Lines record.
#[derive(Deserialize)]
struct RecordType {
    #[serde(rename = "type")]
    record_type: Option<String>,
}

/// Why a part could not be merged.
#[derive(Debug)]
struct PartError(String);

/// Add the summary lines of one part to `builder`; returns how many there were and whether any
/// of them was cut by `--top`.
fn read_part(
    input: &mut dyn BufRead,
    builder: &mut SummaryBuilder,
) -> Result<(usize, bool), PartError> {
    let mut line = String::new();
    let mut number = 0;
    let mut summaries = 0;
    let mut incomplete = false;
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => number += 1,
            Err(e) => return Err(PartError(crate::reader::describe_io(&e))),
        }
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        // analyze writes the type first: skip documents and errors without parsing them.
        if let Some(rest) = text.strip_prefix("{\"type\":\"")
            && !rest.starts_with("summary\"")
        {
            continue;
        }
        let kind: RecordType = serde_json::from_str(text)
            .map_err(|e| PartError(format!("line {number}: not a JSON record ({e})")))?;
        if kind.record_type.as_deref() != Some("summary") {
            continue;
        }
        let summary: Summary = serde_json::from_str(text)
            .map_err(|e| PartError(format!("line {number}: not a corpus-cli summary ({e})")))?;
        incomplete |= !summary.complete;
        builder.add_summary(&summary);
        summaries += 1;
    }
    Ok((summaries, incomplete))
}

fn open_part(path: &PathBuf) -> Result<Box<dyn BufRead>, PartError> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(io::BufReader::new(io::stdin())));
    }
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(PartError("is a folder, not a file".to_string())),
        Ok(_) => {}
        Err(e) => return Err(PartError(crate::reader::describe_io(&e))),
    }
    let file = fs::File::open(path).map_err(|e| PartError(crate::reader::describe_io(&e)))?;
    Ok(Box::new(io::BufReader::with_capacity(1 << 16, file)))
}

/// `corpus-cli merge`.
pub fn run_merge(args: &MergeArgs) -> u8 {
    let mut builder = SummaryBuilder::default();
    let mut failed = 0;
    let mut merged = 0;
    for path in &args.parts {
        let name = path.display().to_string();
        // Each part is added on its own builder first, so a part that fails halfway adds nothing.
        let mut part = SummaryBuilder::default();
        let result = open_part(path).and_then(|mut input| read_part(&mut *input, &mut part));
        match result {
            Ok((0, _)) => {
                report_error(
                    &name,
                    "no summary line (expected the output of `analyze --format jsonl`)",
                );
                failed += 1;
            }
            Ok((_, incomplete)) => {
                if incomplete {
                    report_error(
                        &name,
                        "warning: its summary was cut by --top, so merged counts are lower \
                         bounds; run analyze with --top 0 for summaries that merge exactly",
                    );
                }
                builder.merge(part);
                merged += 1;
            }
            Err(PartError(message)) => {
                report_error(&name, &message);
                failed += 1;
            }
        }
    }
    if merged == 0 {
        return EXIT_USAGE;
    }
    let destination = match Destination::open(args.output.output.as_deref()) {
        Ok(d) => d,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let summary = builder.build(args.output.top);
    let result = (|| -> io::Result<()> {
        let mut out = destination.writer()?;
        match args.output.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &summary).map_err(io::Error::other)?;
                out.write_all(b"\n")?;
                out.flush()
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &summary).map_err(io::Error::other)?;
                out.write_all(b"\n")?;
                out.flush()
            }
            format => {
                let opts = ReportOptions {
                    top: args.output.top,
                    single: false,
                };
                report::reporter(format, out, opts).finish(&summary)
            }
        }
    })();
    if let Err(e) = result {
        return write_failure(&e, args.output.output.as_deref());
    }
    if let Err((path, message)) = destination.commit() {
        report_error(&path, &message);
        return EXIT_USAGE;
    }
    if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}
