//! `corpus-cli analyze --input jsonl`: every line of every input is a document; lines are read in
//! batches, analyzed in parallel and reported in input order, each named `FILE:LINE` with its id.

use std::io::{self, IsTerminal, Write};

use rayon::prelude::*;

use super::{AnalyzeArgs, Destination, build_analyzer, thread_pool, write_failure};
use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, Progress, report_error};
use crate::document::Document;
use crate::jsonl_input::{Fields, JsonlReader, LineDocument, LineError};
use crate::reader::{EncodingChoice, Walker};
use crate::report::{self, ReportOptions, Reporter};
use crate::summary::SummaryBuilder;
use crate::views::cooccurrence::{NAMED_KINDS, pairs};

/// `corpus-cli analyze --input jsonl`.
pub fn run_analyze_jsonl(args: &AnalyzeArgs) -> u8 {
    let input = &args.input;
    if input.split_articles {
        let _ = writeln!(
            io::stderr(),
            "corpus-cli: --split-articles cannot be used with --input jsonl (each line is one document)"
        );
        return EXIT_USAGE;
    }
    if input.encoding == EncodingChoice::Utf16 {
        let _ = writeln!(
            io::stderr(),
            "corpus-cli: --encoding utf-16 cannot be used with --input jsonl (lines are read one by one)"
        );
        return EXIT_USAGE;
    }
    if super::threads_wanted(input.threads) > 1 {
        // Jieba's dictionary loads on this thread while another builds the rest.
        std::thread::spawn(|| drop(std::panic::catch_unwind(super::analyze::warm_up)));
    }
    let analyzer = match build_analyzer(input) {
        Ok(a) => a,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let walker = match Walker::new(&input.glob) {
        Ok(w) => w,
        Err(message) => {
            let _ = writeln!(io::stderr(), "corpus-cli: {message}");
            return EXIT_USAGE;
        }
    };
    let (sources, walk_errors) = walker.expand(&input.paths);
    let destination = match Destination::open(args.output.output.as_deref()) {
        Ok(d) => d,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let fields = Fields {
        id: input.id_field.clone(),
        text: input.text_field.clone(),
    };
    // Many documents, whatever the number of files: always a corpus report.
    let opts = ReportOptions {
        top: args.output.top,
        single: false,
    };
    let mut summary = SummaryBuilder::default();
    let result = (|| -> io::Result<()> {
        let writer = destination.writer()?;
        let mut reporter = report::reporter(args.output.format, writer, opts);
        let counter = DocumentCounter::new(input.progress);
        for e in &walk_errors {
            fail(&mut *reporter, &mut summary, &counter, &e.path, &e.message)?;
        }
        let pool = thread_pool(input.threads);
        // Batches bound memory; each is analyzed in parallel and reported in line order, so
        // the output bytes do not depend on the thread count.
        let batch_size = (pool.current_num_threads() * 8).max(16);
        for source in &sources {
            let name = source.display_name();
            let mut lines = match JsonlReader::open(source, fields.clone(), input.encoding) {
                Ok(lines) => lines.peekable(),
                Err(e) => {
                    fail(&mut *reporter, &mut summary, &counter, &name, &e.message())?;
                    continue;
                }
            };
            while lines.peek().is_some() {
                let batch: Vec<Result<LineDocument, LineError>> =
                    lines.by_ref().take(batch_size).collect();
                let analyzed: Vec<Result<(&LineDocument, Document), &LineError>> =
                    pool.install(|| {
                        batch
                            .par_iter()
                            .map(|r| {
                                r.as_ref().map(|d| {
                                    let mut doc = analyzer.analyze(&d.text);
                                    if let Some(unit) = args.cooccurrence {
                                        doc.cooccurrence =
                                            Some(pairs(&d.text, &doc, unit, &NAMED_KINDS));
                                    }
                                    (d, doc)
                                })
                            })
                            .collect()
                    });
                for item in analyzed {
                    match item {
                        Ok((line, doc)) => {
                            summary.add_document(&doc);
                            let path = format!("{name}:{}", line.line);
                            let encoding = line.encoding.name();
                            reporter.identified_document(
                                &path,
                                line.id.as_ref(),
                                encoding,
                                &doc,
                            )?;
                        }
                        Err(e) => {
                            let path = format!("{name}:{}", e.line);
                            fail(&mut *reporter, &mut summary, &counter, &path, &e.message)?;
                        }
                    }
                    counter.inc();
                }
            }
        }
        counter.finish();
        reporter.finish(&summary.build(args.output.top))
    })();
    if let Err(e) = result {
        return write_failure(&e, args.output.output.as_deref());
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
                input.glob
            );
        } else if summary.errors() == 0 {
            let _ = writeln!(io::stderr(), "corpus-cli: no documents in the input");
        }
        EXIT_USAGE
    } else if summary.errors() > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

/// Report an input or a line that failed: on stderr, in the report, and in the summary.
fn fail(
    reporter: &mut dyn Reporter,
    summary: &mut SummaryBuilder,
    counter: &DocumentCounter,
    path: &str,
    message: &str,
) -> io::Result<()> {
    counter.suspend(|| report_error(path, message));
    summary.add_error();
    reporter.error(path, message)
}

/// A count of documents done on stderr (the total is not known before the end of the input).
struct DocumentCounter(Option<indicatif::ProgressBar>);

impl DocumentCounter {
    fn new(progress: Progress) -> Self {
        let show = match progress {
            Progress::Always => true,
            Progress::Never => false,
            Progress::Auto => io::stderr().is_terminal(),
        };
        DocumentCounter(show.then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {pos} documents {per_sec}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar
        }))
    }

    fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
