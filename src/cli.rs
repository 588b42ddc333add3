//! The command line: argument definitions (clap), and the `analyze` run that ties reader,
//! analyzer and reporter together, reports per-input errors on stderr and sets the exit code.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::document::{Analyzer, Document};
use crate::reader::{EncodingChoice, Source, Walker};
use crate::report::{self, Format, ReportOptions};
use crate::segment::Segmenter;
use crate::stats::Stopwords;
use crate::summary::SummaryBuilder;

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
}

/// When to show a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Progress {
    /// When standard error is a terminal and there are several inputs.
    Auto,
    Always,
    Never,
}

/// Options shared by every command that reads text.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read (folders recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Which files to read inside folders (matched against the file name).
    #[arg(long, default_value = "*.txt", value_name = "GLOB")]
    pub glob: String,

    /// Input encoding; `auto` detects UTF-8, UTF-16 (with BOM) and GB18030/GBK.
    #[arg(long, value_enum, default_value_t = EncodingChoice::Auto)]
    pub encoding: EncodingChoice,

    /// A user dictionary in jieba's format (`word [frequency] [tag]` per line).
    #[arg(long, value_name = "FILE")]
    pub dict: Option<PathBuf>,

    /// Count every word: turn off the built-in stopword list.
    #[arg(long, conflicts_with = "stopwords")]
    pub no_stopwords: bool,

    /// Use this stopword list (one word per line) instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub stopwords: Option<PathBuf>,

    /// Worker threads (default: all cores). Output is the same for any value.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Progress bar on standard error.
    #[arg(long, value_enum, default_value_t = Progress::Auto)]
    pub progress: Progress,
}

/// Options shared by every command that writes a report.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Rows per table (0 = all). JSON entity lists are always complete.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,

    /// Write to FILE instead of standard output (atomically: a temporary file renamed at the end).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
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
    };
    ExitCode::from(code)
}

/// Print `corpus-cli: PATH: message` on stderr.
pub fn report_error(path: &str, message: &str) {
    let _ = writeln!(io::stderr().lock(), "corpus-cli: {path}: {message}");
}

/// Build the analyzer the input options ask for.
pub fn build_analyzer(input: &InputArgs) -> Result<Analyzer, (String, String)> {
    let segmenter = match &input.dict {
        Some(path) => Segmenter::with_user_dict(path)
            .map_err(|e| (path.display().to_string(), e.to_string()))?,
        None => Segmenter::shared(),
    };
    let stopwords = if input.no_stopwords {
        Stopwords::none()
    } else if let Some(path) = &input.stopwords {
        Stopwords::from_file(path)
            .map_err(|e| (path.display().to_string(), crate::reader::describe_io(&e)))?
    } else {
        Stopwords::builtin()
    };
    Ok(Analyzer::new(segmenter, stopwords))
}

/// The destination of a report: standard output, or a temporary file persisted at the end.
pub enum Destination {
    Stdout,
    File {
        temp: tempfile::NamedTempFile,
        path: PathBuf,
    },
}

impl Destination {
    pub fn open(output: Option<&Path>) -> Result<Self, (String, String)> {
        let Some(path) = output else {
            return Ok(Destination::Stdout);
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path.display().to_string();
        if !dir.is_dir() {
            return Err((
                name,
                format!("cannot write: folder {} does not exist", dir.display()),
            ));
        }
        let temp = tempfile::Builder::new()
            .prefix(".corpus-cli-")
            .tempfile_in(&dir)
            .map_err(|e| {
                (
                    name,
                    format!("cannot write: {}", crate::reader::describe_io(&e)),
                )
            })?;
        Ok(Destination::File {
            temp,
            path: path.to_path_buf(),
        })
    }

    pub fn writer(&self) -> io::Result<Box<dyn Write + '_>> {
        Ok(match self {
            Destination::Stdout => {
                Box::new(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
            }
            Destination::File { temp, .. } => {
                Box::new(io::BufWriter::new(temp.as_file().try_clone()?))
            }
        })
    }

    /// Move the finished temporary file into place.
    pub fn commit(self) -> Result<(), (String, String)> {
        if let Destination::File { temp, path } = self {
            temp.persist(&path).map_err(|e| {
                (
                    path.display().to_string(),
                    format!("cannot write: {}", crate::reader::describe_io(&e.error)),
                )
            })?;
        }
        Ok(())
    }
}

/// A thread pool with the requested number of threads.
pub fn thread_pool(threads: Option<usize>) -> rayon::ThreadPool {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads.filter(|&n| n > 0) {
        builder = builder.num_threads(n);
    }
    builder.build().unwrap_or_else(|_| {
        rayon::ThreadPoolBuilder::new()
            .build()
            .expect("thread pool")
    })
}

fn progress_bar(progress: Progress, total: usize) -> Option<indicatif::ProgressBar> {
    let show = match progress {
        Progress::Always => true,
        Progress::Never => false,
        Progress::Auto => total > 1 && io::stderr().is_terminal(),
    };
    if !show {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} files {binary_bytes_per_sec} ETA {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

/// The outcome of analyzing one input.
pub type Analyzed = Result<(String, Document), String>;

/// Read, decode and analyze one source.
pub fn analyze_source(analyzer: &Analyzer, source: &Source, encoding: EncodingChoice) -> Analyzed {
    let (text, enc) = source.read_text(encoding).map_err(|e| e.message())?;
    Ok((enc.name().to_string(), analyzer.analyze(&text)))
}

/// True for an error that means the reader of our output went away (`| head -1`).
fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// `corpus-cli analyze`.
pub fn run_analyze(args: &AnalyzeArgs) -> u8 {
    let analyzer = match build_analyzer(&args.input) {
        Ok(a) => a,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let walker = match Walker::new(&args.input.glob) {
        Ok(w) => w,
        Err(message) => {
            let _ = writeln!(io::stderr(), "corpus-cli: {message}");
            return EXIT_USAGE;
        }
    };
    let (sources, walk_errors) = walker.expand(&args.input.paths);
    let single = args.input.paths.len() == 1 && sources.len() == 1 && walk_errors.is_empty() && {
        let p = &args.input.paths[0];
        p.as_os_str() == "-" || fs::metadata(p).is_ok_and(|m| !m.is_dir())
    };
    let destination = match Destination::open(args.output.output.as_deref()) {
        Ok(d) => d,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let opts = ReportOptions {
        top: args.output.top,
        single,
    };
    let mut summary = SummaryBuilder::default();
    let result = (|| -> io::Result<()> {
        let writer = destination.writer()?;
        let mut reporter = report::reporter(args.output.format, writer, opts);
        for e in &walk_errors {
            report_error(&e.path, &e.message);
            summary.add_error();
            reporter.error(&e.path, &e.message)?;
        }
        let pool = thread_pool(args.input.threads);
        let bar = progress_bar(args.input.progress, sources.len());
        // Analyze in chunks: parallel inside a chunk, reported in input order, so output is
        // streamed, memory stays bounded and the bytes do not depend on the thread count.
        let chunk = (pool.current_num_threads() * 4).max(8);
        for group in sources.chunks(chunk) {
            let results: Vec<Analyzed> = pool.install(|| {
                group
                    .par_iter()
                    .map(|s| analyze_source(&analyzer, s, args.input.encoding))
                    .collect()
            });
            for (source, result) in group.iter().zip(results) {
                let name = source.display_name();
                match result {
                    Ok((encoding, doc)) => {
                        summary.add_document(&doc);
                        reporter.document(&name, &encoding, &doc)?;
                    }
                    Err(message) => {
                        if let Some(bar) = &bar {
                            bar.suspend(|| report_error(&name, &message));
                        } else {
                            report_error(&name, &message);
                        }
                        summary.add_error();
                        reporter.error(&name, &message)?;
                    }
                }
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
            }
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        reporter.finish(&summary.build(args.output.top))
    })();
    if let Err(e) = result {
        if is_broken_pipe(&e) {
            return EXIT_OK;
        }
        let target = args
            .output
            .output
            .as_ref()
            .map_or("<stdout>".to_string(), |p| p.display().to_string());
        report_error(
            &target,
            &format!("cannot write: {}", crate::reader::describe_io(&e)),
        );
        return EXIT_USAGE;
    }
    if let Err((path, message)) = destination.commit() {
        report_error(&path, &message);
        return EXIT_USAGE;
    }
    if summary.documents() == 0 {
        if sources.is_empty() && walk_errors.is_empty() {
            let _ = writeln!(
                io::stderr(),
                "corpus-cli: no input files found (folders are searched for '{}')",
                args.input.glob
            );
        }
        EXIT_USAGE
    } else if summary.errors() > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}
