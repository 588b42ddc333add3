//! JSON and JSON Lines reporters: the documented, stable machine-readable contract.

use std::io::{self, Write};

use super::{DocumentRecord, ErrorRecord, ReportOptions, Reporter, compact};
use crate::document::Document;
use crate::summary::Summary;

/// A serializer error as an I/O error, keeping the kind of an underlying write error (a closed
/// pipe stays a closed pipe).
fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::from(e)
}

/// `--format json`: one object. A single input gives its document record; several give
/// `{"type": "corpus", "documents": [...], "errors": [...], "summary": {...}}`, streamed.
pub struct JsonReporter<'w> {
    out: Box<dyn Write + 'w>,
    opts: ReportOptions,
    documents_written: usize,
    errors: Vec<(String, String)>,
    single_written: bool,
    /// A document is serialized here first and written in one piece (see [`JsonlReporter`]).
    buf: Vec<u8>,
}

impl<'w> JsonReporter<'w> {
    pub fn new(out: Box<dyn Write + 'w>, opts: ReportOptions) -> Self {
        JsonReporter {
            out,
            opts,
            documents_written: 0,
            errors: Vec::new(),
            single_written: false,
            buf: Vec::new(),
        }
    }
}

impl Reporter for JsonReporter<'_> {
    fn document(&mut self, path: &str, encoding: &str, doc: &Document) -> io::Result<()> {
        self.identified_document(path, None, encoding, doc)
    }

    fn identified_document(
        &mut self,
        path: &str,
        id: Option<&serde_json::Value>,
        encoding: &str,
        doc: &Document,
    ) -> io::Result<()> {
        let record = DocumentRecord::new(path, encoding, doc, self.opts.top).with_id(id);
        if self.opts.single {
            self.buf.clear();
            serde_json::to_writer_pretty(&mut self.buf, &record).map_err(to_io)?;
            self.buf.push(b'\n');
            self.out.write_all(&self.buf)?;
            self.single_written = true;
            return self.out.flush();
        }
        if self.documents_written == 0 {
            self.out
                .write_all(b"{\"type\": \"corpus\", \"documents\": [\n")?;
        } else {
            self.out.write_all(b",\n")?;
        }
        self.buf.clear();
        compact::write_document(&mut self.buf, &record).map_err(to_io)?;
        self.out.write_all(&self.buf)?;
        self.documents_written += 1;
        Ok(())
    }

    fn error(&mut self, path: &str, message: &str) -> io::Result<()> {
        self.errors.push((path.to_string(), message.to_string()));
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if self.opts.single {
            if !self.single_written {
                // The one input failed: its error was reported on stderr; print nothing.
            }
            return self.out.flush();
        }
        if self.documents_written == 0 {
            self.out
                .write_all(b"{\"type\": \"corpus\", \"documents\": [")?;
        }
        self.out.write_all(b"\n], \"errors\": [")?;
        for (i, (path, message)) in self.errors.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b", ")?;
            }
            let rec = ErrorRecord {
                record_type: "error",
                path,
                message,
            };
            serde_json::to_writer(&mut self.out, &rec).map_err(to_io)?;
        }
        self.out.write_all(b"],\n\"summary\": ")?;
        serde_json::to_writer(&mut self.out, summary).map_err(to_io)?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}

/// `--format jsonl`: one record per line, each tagged by `"type"`: `document`, `error`, and a
/// last `summary`.
pub struct JsonlReporter<'w> {
    out: Box<dyn Write + 'w>,
    opts: ReportOptions,
    /// A record is serialized here first and written in one piece, instead of in the many small
    /// writes of the serializer, each a call through `out`.
    line: Vec<u8>,
}

impl<'w> JsonlReporter<'w> {
    pub fn new(out: Box<dyn Write + 'w>, opts: ReportOptions) -> Self {
        JsonlReporter {
            out,
            opts,
            line: Vec::new(),
        }
    }

    /// Write the line that `write` puts in the buffer.
    fn write_line(
        &mut self,
        write: impl FnOnce(&mut Vec<u8>) -> serde_json::Result<()>,
    ) -> io::Result<()> {
        self.line.clear();
        write(&mut self.line).map_err(to_io)?;
        self.line.push(b'\n');
        self.out.write_all(&self.line)
    }

    fn line<T: serde::Serialize>(&mut self, record: &T) -> io::Result<()> {
        self.write_line(|buf| serde_json::to_writer(buf, record))
    }
}

impl Reporter for JsonlReporter<'_> {
    fn document(&mut self, path: &str, encoding: &str, doc: &Document) -> io::Result<()> {
        self.identified_document(path, None, encoding, doc)
    }

    fn identified_document(
        &mut self,
        path: &str,
        id: Option<&serde_json::Value>,
        encoding: &str,
        doc: &Document,
    ) -> io::Result<()> {
        let record = DocumentRecord::new(path, encoding, doc, self.opts.top).with_id(id);
        self.write_line(|buf| compact::write_document(buf, &record))?;
        self.out.flush()
    }

    fn error(&mut self, path: &str, message: &str) -> io::Result<()> {
        self.line(&ErrorRecord {
            record_type: "error",
            path,
            message,
        })
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        self.line(summary)?;
        self.out.flush()
    }
}
