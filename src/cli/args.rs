//! Options shared by the commands: what to read and how, and how to write the report.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::document::Analyzer;
use crate::reader::{EncodingChoice, Source};
use crate::report::Format;
use crate::segment::Segmenter;
use crate::stats::Stopwords;

/// When to show a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Progress {
    /// When standard error is a terminal and there are several inputs.
    Auto,
    Always,
    Never,
}

/// How the inputs hold documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each file (or standard input) is one document.
    Text,
    /// JSON Lines: one document per line, `{"id": ..., "text": ...}`.
    Jsonl,
}

/// Options shared by every command that reads text.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read (folders recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Which files to read inside folders (matched against the file name; `*.jsonl` with
    /// `--input jsonl`).
    #[arg(
        long,
        default_value = "*.txt",
        value_name = "GLOB",
        default_value_if("input_format", "jsonl", "*.jsonl")
    )]
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

    /// Treat each input as a newspaper page: split it into its articles and report each article
    /// as a document of its own (with `article`, `title` and its `span` in the page).
    #[arg(long)]
    pub split_articles: bool,

    /// Progress bar on standard error.
    #[arg(long, value_enum, default_value_t = Progress::Auto)]
    pub progress: Progress,

    /// `text`: each file is a document; `jsonl`: each line is a document, `{"id": ..., "text": ...}`
    /// (other fields ignored), reported with its id and `FILE:LINE` as its path.
    #[arg(long = "input", value_enum, default_value_t = InputFormat::Text, value_name = "FORMAT")]
    pub input_format: InputFormat,

    /// With `--input jsonl`: the field holding the document's identifier.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// With `--input jsonl`: the field holding the document's text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
}

/// Options shared by every command that writes a report.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Rows per table (0 = all). JSON entity lists are always complete. With `--format jsonl`,
    /// 0 keeps the whole summary, so that `corpus-cli merge` combines runs exactly.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,

    /// Write to FILE instead of standard output (atomically: a temporary file renamed at the end).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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

/// How many threads [`thread_pool`] will run for `threads` (`-j`), without starting them:
/// the number asked for, else `RAYON_NUM_THREADS`, else the number of cores.
pub fn threads_wanted(threads: Option<usize>) -> usize {
    threads
        .filter(|&n| n > 0)
        .or_else(|| {
            std::env::var("RAYON_NUM_THREADS")
                .ok()
                .and_then(|v| v.parse().ok())
                .filter(|&n| n > 0)
        })
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
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

/// The progress bar of a run over files, on stderr when `--progress` (and, for `auto`, the
/// terminal) says so: files done out of the total, throughput in bytes per second, and the time
/// left, estimated from the bytes still to read.
pub struct FileProgress {
    bar: Option<indicatif::ProgressBar>,
    files: usize,
    done: usize,
}

impl FileProgress {
    pub fn new(progress: Progress, sources: &[Source]) -> Self {
        let show = match progress {
            Progress::Always => true,
            Progress::Never => false,
            Progress::Auto => sources.len() > 1 && io::stderr().is_terminal(),
        };
        let bar = show.then(|| {
            let bytes: u64 = sources.iter().map(Source::size).sum();
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(bytes),
                indicatif::ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {msg} {binary_bytes_per_sec} ETA {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_message(format!("0/{} files", sources.len()));
            bar
        });
        FileProgress {
            bar,
            files: sources.len(),
            done: 0,
        }
    }

    /// Count one more input as done.
    pub fn file_done(&mut self, source: &Source) {
        if let Some(bar) = &self.bar {
            self.done += 1;
            bar.inc(source.size());
            bar.set_message(format!("{}/{} files", self.done, self.files));
        }
    }

    /// Run `f` (which prints on stderr) with the bar out of the way.
    pub fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Remove the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_wanted_is_what_the_pool_runs() {
        for asked in [Some(1), Some(3), Some(0), None] {
            assert_eq!(
                threads_wanted(asked),
                thread_pool(asked).current_num_threads(),
                "{asked:?}"
            );
        }
    }
}
