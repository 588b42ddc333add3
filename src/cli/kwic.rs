//! `corpus-cli kwic`: a concordance of a term, or of every mention of an entity kind.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::inputs::{self, ErrorEntry, Outcome};
use super::{EXIT_USAGE, InputArgs, OutputArgs, build_analyzer, report_error};
use crate::extract::EntityKind;
use crate::report::Format;
use crate::report::csv::field;
use crate::views::kwic::{self, Hit, SortBy};

/// An entity kind on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Person,
    Organization,
    Place,
    Date,
    Number,
}

impl From<KindArg> for EntityKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Person => EntityKind::Person,
            KindArg::Organization => EntityKind::Organization,
            KindArg::Place => EntityKind::Place,
            KindArg::Date => EntityKind::Date,
            KindArg::Number => EntityKind::Number,
        }
    }
}

#[derive(Debug, Args)]
pub struct KwicArgs {
    /// TERM then the files or folders to read (with --kind, only the files or folders).
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,

    /// Characters of context on each side.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub width: usize,

    /// Order of the lines: by path and position, or by the context left or right of the term.
    #[arg(long, value_enum, default_value_t = SortBy::Path)]
    pub sort: SortBy,

    /// List every mention of this entity kind instead of a TERM (no TERM is given then).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
}

#[derive(Debug, Serialize)]
struct HitRecord<'a> {
    #[serde(rename = "type")]
    record_type: &'static str,
    path: &'a str,
    #[serde(flatten)]
    hit: &'a Hit,
}

#[derive(Debug, Serialize)]
struct Summary<'a> {
    #[serde(rename = "type")]
    record_type: &'static str,
    term: Option<&'a str>,
    kind: Option<&'static str>,
    hits: usize,
    documents: usize,
    errors: usize,
}

/// `corpus-cli kwic`.
pub fn run_kwic(args: &KwicArgs) -> u8 {
    let kind: Option<EntityKind> = args.kind.map(Into::into);
    let (term, paths): (Option<String>, Vec<PathBuf>) = match kind {
        Some(_) => (None, args.input.paths.clone()),
        None => {
            let mut it = args.input.paths.iter();
            let Some(first) = it.next() else {
                return EXIT_USAGE;
            };
            let Some(term) = first.to_str().map(str::to_string) else {
                report_error(&first.display().to_string(), "TERM is not valid UTF-8");
                return EXIT_USAGE;
            };
            let rest: Vec<PathBuf> = it.cloned().collect();
            if rest.is_empty() {
                let _ = writeln!(
                    io::stderr(),
                    "corpus-cli: kwic needs a TERM and at least one PATH (`-` reads standard input); \
                     see corpus-cli kwic --help"
                );
                return EXIT_USAGE;
            }
            if term.is_empty() {
                let _ = writeln!(io::stderr(), "corpus-cli: the TERM is empty");
                return EXIT_USAGE;
            }
            (Some(term), rest)
        }
    };
    let analyzer = match build_analyzer(&args.input) {
        Ok(a) => a,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let expanded = match inputs::expand(&args.input, &paths) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let mut hits: Vec<(String, Hit)> = Vec::new();
    let mut errors: Vec<ErrorEntry> = Vec::new();
    let mut documents = 0;
    inputs::process(
        &args.input,
        &expanded,
        |s| {
            let (text, _) = s.read_text(args.input.encoding).map_err(|e| e.message())?;
            Ok(match (&term, kind) {
                (Some(t), _) => kwic::find_term(&text, t, args.width),
                (None, Some(k)) => {
                    kwic::find_entities(&text, &analyzer.analyze(&text), k, args.width)
                }
                (None, None) => Vec::new(),
            })
        },
        |outcome| match outcome {
            Outcome::Done(path, found) => {
                documents += 1;
                hits.extend(found.into_iter().map(|h| (path.clone(), h)));
            }
            Outcome::Failed(path, message) => errors.push(ErrorEntry::new(path, message)),
        },
    );
    hits.sort_by(|a, b| kwic::compare(args.sort, (&a.0, &a.1), (&b.0, &b.1)));
    let summary = Summary {
        record_type: "summary",
        term: term.as_deref(),
        kind: kind.map(EntityKind::name),
        hits: hits.len(),
        documents,
        errors: errors.len(),
    };
    let records: Vec<HitRecord> = hits
        .iter()
        .map(|(path, hit)| HitRecord {
            record_type: "hit",
            path,
            hit,
        })
        .collect();
    let written = inputs::write_report(args.output.output.as_deref(), |out| {
        match args.output.format {
            Format::Jsonl => {
                for r in &records {
                    inputs::json_line(out, r)?;
                }
                for e in &errors {
                    inputs::json_line(out, e)?;
                }
                inputs::json_line(out, &summary)
            }
            Format::Json => inputs::json_pretty(
                out,
                &serde_json::json!({
                    "type": "concordance",
                    "hits": records,
                    "errors": errors,
                    "summary": summary,
                }),
            ),
            Format::Csv => {
                writeln!(out, "path,start,end,left,match,right")?;
                for r in &records {
                    writeln!(
                        out,
                        "{},{},{},{},{},{}",
                        field(r.path),
                        r.hit.start,
                        r.hit.end,
                        field(&r.hit.left),
                        field(&r.hit.matched),
                        field(&r.hit.right)
                    )?;
                }
                Ok(())
            }
            Format::Table => write_table(out, &hits, &summary, expanded.single, args.output.top),
        }
    });
    if let Err(code) = written {
        return code;
    }
    inputs::exit_code(documents, errors.len(), &args.input.glob)
}

/// One line per hit, the term starting in the same column on every line (display width, so
/// double-width CJK characters line up).
fn write_table(
    out: &mut dyn Write,
    hits: &[(String, Hit)],
    summary: &Summary,
    single: bool,
    top: usize,
) -> io::Result<()> {
    let what = match (summary.term, summary.kind) {
        (Some(t), _) => format!("“{t}”"),
        (None, Some(k)) => format!("{k} mentions"),
        _ => String::new(),
    };
    writeln!(
        out,
        "{} hits of {what} in {} document{}",
        summary.hits,
        summary.documents,
        if summary.documents == 1 { "" } else { "s" }
    )?;
    let shown = if top == 0 {
        hits.len()
    } else {
        top.min(hits.len())
    };
    let rows: Vec<(String, String, &str, String)> = hits[..shown]
        .iter()
        .map(|(path, h)| {
            let place = if single {
                h.start.to_string()
            } else {
                format!("{path}:{}", h.start)
            };
            (
                place,
                kwic::one_line(&h.left),
                h.matched.as_str(),
                kwic::one_line(&h.right),
            )
        })
        .collect();
    let place_w = rows.iter().map(|r| r.0.width()).max().unwrap_or(0);
    let left_w = rows.iter().map(|r| r.1.width()).max().unwrap_or(0);
    for (place, left, matched, right) in &rows {
        let pad = " ".repeat(place_w.saturating_sub(place.width()));
        writeln!(
            out,
            "{place}{pad}  {}  {matched}  {right}",
            kwic::pad_left(left, left_w)
        )?;
    }
    if shown < hits.len() {
        writeln!(
            out,
            "(showing {shown} of {}; --top 0 shows all)",
            hits.len()
        )?;
    }
    Ok(())
}
