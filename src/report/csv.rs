//! CSV reporter: the long form `kind,text,count` over all inputs (like xsv's frequency table),
//! with kinds `word`, `pos`, `person`, `organization`, `place`, `date` and `number`.

use std::io::{self, Write};

use super::{ReportOptions, Reporter};
use crate::document::Document;
use crate::extract::EntityKind;
use crate::summary::Summary;

pub struct CsvReporter<'w> {
    out: Box<dyn Write + 'w>,
}

impl<'w> CsvReporter<'w> {
    pub fn new(out: Box<dyn Write + 'w>, _opts: ReportOptions) -> Self {
        CsvReporter { out }
    }
}

/// Quote a field when it holds a comma, quote or line break.
pub fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

impl Reporter for CsvReporter<'_> {
    fn document(&mut self, _path: &str, _encoding: &str, _doc: &Document) -> io::Result<()> {
        Ok(())
    }

    fn error(&mut self, _path: &str, _message: &str) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "kind,text,count")?;
        for w in &summary.words {
            writeln!(self.out, "word,{},{}", field(&w.word), w.count)?;
        }
        for p in &summary.pos {
            writeln!(self.out, "pos,{},{}", field(&p.pos), p.count)?;
        }
        for kind in EntityKind::ALL {
            for e in summary.entities.get(kind) {
                writeln!(self.out, "{},{},{}", kind.name(), field(&e.text), e.count)?;
            }
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quoting() {
        assert_eq!(field("新华社"), "新华社");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
