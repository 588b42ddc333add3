//! Reading for the view commands (keywords, kwic, graph, compare): expand the inputs, work on
//! them in parallel but hand the results over in input order, report per-input errors on
//! stderr, write the report atomically, and choose the exit code — as `analyze` does.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{
    Destination, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, FileProgress, InputArgs, ordered_map,
    report_error, thread_pool,
};
use crate::reader::{Source, Walker};

/// The sources named by some command-line paths, and the paths that could not be expanded.
pub struct Expanded {
    pub sources: Vec<Source>,
    pub walk_errors: Vec<(String, String)>,
    /// True when exactly one file (or `-`) was named.
    pub single: bool,
}

/// Expand `paths` with the glob of `input`; a bad glob is a usage error (reported here).
pub fn expand(input: &InputArgs, paths: &[PathBuf]) -> Result<Expanded, u8> {
    if input.input_format == super::InputFormat::Jsonl {
        let _ = writeln!(
            io::stderr(),
            "corpus-cli: --input jsonl is read by `analyze` only; for this command, give the texts as files"
        );
        return Err(EXIT_USAGE);
    }
    let walker = Walker::new(&input.glob).map_err(|message| {
        let _ = writeln!(io::stderr(), "corpus-cli: {message}");
        EXIT_USAGE
    })?;
    let (sources, errors) = walker.expand(paths);
    let single = paths.len() == 1 && sources.len() == 1 && errors.is_empty() && {
        let p = &paths[0];
        p.as_os_str() == "-" || fs::metadata(p).is_ok_and(|m| !m.is_dir())
    };
    Ok(Expanded {
        sources,
        walk_errors: errors.into_iter().map(|e| (e.path, e.message)).collect(),
        single,
    })
}

/// One input's outcome, in input order.
pub enum Outcome<T> {
    Done(String, T),
    Failed(String, String),
}

/// Run `work` on every source in parallel and hand the outcomes to `sink` in input order
/// (expansion errors first), as `analyze` does: workers run a bounded window ahead, so memory
/// stays bounded. Every failure is reported on stderr as it is met.
pub fn process<T: Send>(
    input: &InputArgs,
    expanded: &Expanded,
    work: impl Fn(&Source) -> Result<T, String> + Sync,
    mut sink: impl FnMut(Outcome<T>),
) {
    for (path, message) in &expanded.walk_errors {
        report_error(path, message);
        sink(Outcome::Failed(path.clone(), message.clone()));
    }
    let pool = thread_pool(input.threads);
    let mut progress = FileProgress::new(input.progress, &expanded.sources);
    let window = (pool.current_num_threads() + 1) * 16;
    let consumed = ordered_map(
        &pool,
        &expanded.sources,
        window,
        |source, _: &mut ()| work(source),
        |source, result| {
            let name = source.display_name();
            match result {
                Ok(value) => sink(Outcome::Done(name, value)),
                Err(message) => {
                    progress.suspend(|| report_error(&name, &message));
                    sink(Outcome::Failed(name, message));
                }
            }
            progress.file_done(source);
            Ok::<(), std::convert::Infallible>(())
        },
    );
    let _ = consumed;
    progress.finish();
}

/// Write a report to `output` (standard output when None) with `write`; a closed pipe is not an
/// error. Returns the exit code of a failure to write.
pub fn write_report(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), u8> {
    let destination = Destination::open(output).map_err(|(path, message)| {
        report_error(&path, &message);
        EXIT_USAGE
    })?;
    let result = destination.writer().and_then(|mut w| {
        write(&mut w)?;
        w.flush()
    });
    if let Err(e) = result {
        return Err(super::write_failure(&e, output));
    }
    destination.commit().map_err(|(path, message)| {
        report_error(&path, &message);
        EXIT_USAGE
    })
}

/// The exit code of a run that read `documents` inputs and failed on `errors`; when nothing at
/// all was found, say so.
pub fn exit_code(documents: usize, errors: usize, glob: &str) -> u8 {
    if documents == 0 {
        if errors == 0 {
            let _ = writeln!(
                io::stderr(),
                "corpus-cli: no input files found (folders are searched for '{glob}')"
            );
        }
        EXIT_USAGE
    } else if errors > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

/// Serialize `value` as one line of JSON.
pub fn json_line<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// Serialize `value` as indented JSON.
pub fn json_pretty<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// An input that failed, as the JSON outputs list it.
#[derive(Debug, serde::Serialize)]
pub struct ErrorEntry {
    #[serde(rename = "type")]
    pub record_type: &'static str,
    pub path: String,
    pub message: String,
}

impl ErrorEntry {
    pub fn new(path: String, message: String) -> Self {
        ErrorEntry {
            record_type: "error",
            path,
            message,
        }
    }
}
