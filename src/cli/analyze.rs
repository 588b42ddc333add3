//! `corpus-cli analyze`: read every input, analyze in parallel, report in input order.

use std::fs;
use std::io::{self, Write};

use clap::Args;
use rayon::prelude::*;

use super::{Destination, build_analyzer, is_broken_pipe, progress_bar, thread_pool};
use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, InputArgs, OutputArgs, report_error};
use crate::document::{Analyzer, Document};
use crate::reader::{EncodingChoice, Source, Walker};
use crate::report::{self, ReportOptions};
use crate::summary::SummaryBuilder;

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The outcome of analyzing one input.
pub type Analyzed = Result<(String, Document), String>;

/// Read, decode and analyze one source.
pub fn analyze_source(analyzer: &Analyzer, source: &Source, encoding: EncodingChoice) -> Analyzed {
    let (text, enc) = source.read_text(encoding).map_err(|e| e.message())?;
    Ok((enc.name().to_string(), analyzer.analyze(&text)))
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
    if summary.documents() == 0 {
        // Nothing was analyzed: an `--output` file is not replaced (dropping the destination
        // removes its temporary file).
        drop(destination);
        if sources.is_empty() && walk_errors.is_empty() {
            let _ = writeln!(
                io::stderr(),
                "corpus-cli: no input files found (folders are searched for '{}')",
                args.input.glob
            );
        }
        return EXIT_USAGE;
    }
    if let Err((path, message)) = destination.commit() {
        report_error(&path, &message);
        return EXIT_USAGE;
    }
    if summary.errors() > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}
