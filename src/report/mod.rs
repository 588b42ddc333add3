//! Reporters: how results are written — aligned tables for people, JSON and JSON Lines for
//! programs, CSV for spreadsheets. All of them write the same records in the same order.

mod compact;
pub mod csv;
pub mod json;
pub mod table;

use std::io::{self, Write};

use serde::Serialize;

use crate::document::{ArticleInfo, Document, Entities, PosCount, WordCount};
use crate::stats::Stats;
use crate::summary::Summary;
use crate::views::cooccurrence::Pair;

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned tables for reading (double-width CJK characters aligned).
    Table,
    /// One JSON object: a document, or a corpus with its documents and summary.
    Json,
    /// JSON Lines: one document per line, error lines, and a summary line last.
    Jsonl,
    /// CSV in long form (kind,text,count) over all inputs.
    Csv,
}

/// A document's record as written in JSON and JSON Lines. This derive is the contract; compact
/// output is written by hand by `compact::write_document`, which its tests prove byte-equal to it.
#[derive(Debug, Serialize)]
pub struct DocumentRecord<'a> {
    #[serde(rename = "type")]
    pub record_type: &'static str,
    pub path: &'a str,
    /// The identifier the input gave the document (JSON Lines input); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::Value>,
    pub encoding: &'a str,
    /// With `--split-articles`: `article`, `title` and `span` of the article in the page.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub article: Option<&'a ArticleInfo>,
    pub stats: &'a Stats,
    pub entities: &'a Entities,
    pub words: &'a [WordCount],
    pub pos: &'a [PosCount],
    /// Present only with `analyze --cooccurrence`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cooccurrence: Option<&'a [Pair]>,
}

impl<'a> DocumentRecord<'a> {
    /// The record for `doc`, with at most `top` words (0 = all). Entity lists are always whole.
    pub fn new(path: &'a str, encoding: &'a str, doc: &'a Document, top: usize) -> Self {
        let n = if top == 0 {
            doc.words.len()
        } else {
            top.min(doc.words.len())
        };
        DocumentRecord {
            record_type: "document",
            path,
            id: None,
            encoding,
            article: doc.article.as_ref(),
            stats: &doc.stats,
            entities: &doc.entities,
            words: &doc.words[..n],
            pos: &doc.pos,
            cooccurrence: doc.cooccurrence.as_deref(),
        }
    }

    /// The same record carrying the document's identifier.
    pub fn with_id(mut self, id: Option<&'a serde_json::Value>) -> Self {
        self.id = id;
        self
    }
}

/// An input that could not be analyzed.
#[derive(Debug, Serialize)]
pub struct ErrorRecord<'a> {
    #[serde(rename = "type")]
    pub record_type: &'static str,
    pub path: &'a str,
    pub message: &'a str,
}

/// Receives the run's results in order: documents and errors as they come, then the summary.
pub trait Reporter {
    fn document(&mut self, path: &str, encoding: &str, doc: &Document) -> io::Result<()>;
    /// A document with the identifier its input gave it (JSON Lines input). Reporters that do
    /// not show identifiers report it as a plain document.
    fn identified_document(
        &mut self,
        path: &str,
        id: Option<&serde_json::Value>,
        encoding: &str,
        doc: &Document,
    ) -> io::Result<()> {
        let _ = id;
        self.document(path, encoding, doc)
    }
    fn error(&mut self, path: &str, message: &str) -> io::Result<()>;
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// How a reporter should lay out its output.
#[derive(Clone, Copy, Debug)]
pub struct ReportOptions {
    /// Rows per table (0 = all).
    pub top: usize,
    /// True when the command line named exactly one file (or stdin): JSON and tables then
    /// describe that document alone rather than a corpus.
    pub single: bool,
}

/// The reporter for `format`, writing to `out`.
pub fn reporter<'w>(
    format: Format,
    out: Box<dyn Write + 'w>,
    opts: ReportOptions,
) -> Box<dyn Reporter + 'w> {
    match format {
        Format::Table => Box::new(table::TableReporter::new(out, opts)),
        Format::Json => Box::new(json::JsonReporter::new(out, opts)),
        Format::Jsonl => Box::new(json::JsonlReporter::new(out, opts)),
        Format::Csv => Box::new(csv::CsvReporter::new(out, opts)),
    }
}
