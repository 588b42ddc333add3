//! The command line: argument definitions (clap) and dispatch to one module per command. Each
//! command reports per-input errors on stderr as `corpus-cli: PATH: cause` and keeps going.

mod analyze;
mod args;
mod jsonl;
mod merge;
mod output;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use analyze::{AnalyzeArgs, Analyzed, analyze_source, ordered_map, run_analyze};
pub use args::InputFormat;
pub use args::{FileProgress, InputArgs, OutputArgs, Progress, build_analyzer, thread_pool};
pub use jsonl::run_analyze_jsonl;
pub use merge::{MergeArgs, run_merge};
pub use output::{Destination, is_broken_pipe};

/// Exit code: every input was analyzed.
pub const EXIT_OK: u8 = 0;
/// Exit code: some inputs failed; the others were analyzed and reported.
pub const EXIT_SOME_FAILED: u8 = 1;
/// Exit code: a usage error, or nothing could be analyzed.
pub const EXIT_USAGE: u8 = 2;

const AFTER_HELP: &str = "\
Examples:
  corpus-cli analyze article.txt                          tables: words, people, places, ...
  corpus-cli analyze article.txt --format json | jq '.entities.person[].text'
  corpus-cli analyze news/ --format jsonl > news.jsonl    one line per article, summary last
  cat article.txt | corpus-cli analyze - --format json    read standard input
  corpus-cli analyze gbk-news/ --encoding gb18030 --format csv
  corpus-cli analyze corpus.jsonl --input jsonl --format jsonl   one {\"id\", \"text\"} per line

Exit codes: 0 all inputs analyzed; 1 some inputs failed (the rest were reported);
2 usage error or nothing could be analyzed.";

/// Chinese news text analyzer: word frequencies with part of speech, and the people,
/// organizations, places, dates and numbers a text mentions.
#[derive(Debug, Parser)]
#[command(name = "corpus-cli", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyze files, folders or standard input: word frequencies and entities.
    #[command(after_help = AFTER_HELP)]
    Analyze(AnalyzeArgs),
    /// Combine the summaries of earlier `analyze --format jsonl` runs into one.
    #[command(after_help = merge::MERGE_HELP)]
    Merge(MergeArgs),
}

/// Entry point for the binary: parse arguments, run, and turn the outcome into an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Analyze(args) => run_analyze(&args),
        Command::Merge(args) => run_merge(&args),
    };
    ExitCode::from(code)
}

/// Print `corpus-cli: PATH: message` on stderr.
pub fn report_error(path: &str, message: &str) {
    let _ = writeln!(io::stderr().lock(), "corpus-cli: {path}: {message}");
}
