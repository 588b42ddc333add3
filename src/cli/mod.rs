//! The command line: argument definitions (clap) and dispatch to one module per command. Each
//! command reports per-input errors on stderr as `corpus-cli: PATH: cause` and keeps going.

mod analyze;
mod args;
mod compare;
mod graph;
mod inputs;
mod jsonl;
mod keywords;
mod kwic;
mod merge;
mod output;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use analyze::{AnalyzeArgs, Analyzed, Plan, analyze_source, ordered_map, run_analyze};
pub use args::InputFormat;
pub use args::{
    FileProgress, InputArgs, OutputArgs, Progress, build_analyzer, thread_pool, threads_wanted,
};
pub use jsonl::run_analyze_jsonl;
pub use merge::{MergeArgs, run_merge};
pub use output::{Destination, is_broken_pipe, write_failure};

/// Exit code: every input was analyzed.
pub const EXIT_OK: u8 = 0;
/// Exit code: some inputs failed; the others were analyzed and reported.
pub const EXIT_SOME_FAILED: u8 = 1;
/// Exit code: a usage error, or nothing could be analyzed.
pub const EXIT_USAGE: u8 = 2;

const TOP_HELP: &str = "\
Examples:
  corpus-cli analyze article.txt                          tables: words, people, places, ...
  corpus-cli analyze news/ --format jsonl > news.jsonl    one line per article, summary last
  corpus-cli kwic 上合组织 news/                           every occurrence, in context
  corpus-cli keywords news/ --top 10                      key terms per article
  corpus-cli graph news/ --min-count 3 | dot -Tsvg > network.svg
  corpus-cli compare june/ july/                          what sets July apart
  corpus-cli merge part-*.jsonl                           combine the summaries of several runs

Run `corpus-cli help COMMAND` for a command's options and examples.

Exit codes: 0 all inputs analyzed; 1 some inputs failed (the rest were reported);
2 usage error or nothing could be analyzed.";

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
#[command(name = "corpus-cli", version, about, after_help = TOP_HELP, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyze files, folders or standard input: word frequencies and entities.
    #[command(after_help = AFTER_HELP)]
    Analyze(AnalyzeArgs),
    /// Key terms of each document and of the corpus (TF-IDF or TextRank).
    #[command(
        after_help = "Example:\n  corpus-cli keywords news/ --top 10 --format jsonl | jq -c 'select(.type==\"document\") | {path, words: [.keywords[].word]}'"
    )]
    Keywords(keywords::KeywordsArgs),
    /// Concordance: every occurrence of TERM (or every mention of an entity kind) in context.
    #[command(
        override_usage = "corpus-cli kwic [OPTIONS] TERM PATH...\n       corpus-cli kwic [OPTIONS] --kind KIND PATH...",
        after_help = "TERM, the first argument, is any string, found as a plain string search finds it; \
with --kind there is no TERM.\n\nExamples:\n  corpus-cli kwic 上合组织 article.txt --width 15 --sort right\n  \
corpus-cli kwic --kind person news/ --format jsonl | jq -r 'select(.type==\"hit\") | .match' | sort | uniq -c"
    )]
    Kwic(kwic::KwicArgs),
    /// The entity co-occurrence network, for Graphviz (DOT) or Gephi (GraphML, CSV).
    #[command(
        after_help = "Example:\n  corpus-cli graph news/ --min-count 3 | dot -Tsvg > network.svg"
    )]
    Graph(graph::GraphArgs),
    /// Keyness: the words and entities that set corpus A apart from B, and B from A.
    #[command(
        override_usage = "corpus-cli compare [OPTIONS] A B",
        after_help = "Example:\n  corpus-cli compare june/ july/ --top 15 --items entities"
    )]
    Compare(compare::CompareArgs),
    /// Combine the summaries of earlier `analyze --format jsonl` runs into one.
    #[command(after_help = merge::MERGE_HELP)]
    Merge(MergeArgs),
}

/// Entry point for the binary: parse arguments, run, and turn the outcome into an exit code.
pub fn main() -> ExitCode {
    install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let run = std::panic::AssertUnwindSafe(|| match cli.command {
        Command::Analyze(args) => run_analyze(&args),
        Command::Keywords(args) => keywords::run_keywords(&args),
        Command::Kwic(args) => kwic::run_kwic(&args),
        Command::Graph(args) => graph::run_graph(&args),
        Command::Compare(args) => compare::run_compare(&args),
        Command::Merge(args) => run_merge(&args),
    });
    // An internal error was reported by the panic hook; exit like a run that analyzed nothing.
    let code = std::panic::catch_unwind(run).unwrap_or(EXIT_USAGE);
    ExitCode::from(code)
}

/// A bug must not greet the user with a Rust panic message and a stack trace: say in one line
/// that it is an internal error and where, and ask for a report (RUST_BACKTRACE still works).
fn install_panic_hook() {
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let _ = writeln!(
            io::stderr().lock(),
            "corpus-cli: internal error: {what}{place}; please report it with the input that caused it"
        );
    }));
}

/// Print `corpus-cli: PATH: message` on stderr.
pub fn report_error(path: &str, message: &str) {
    let _ = writeln!(io::stderr().lock(), "corpus-cli: {path}: {message}");
}
