//! Table reporter: aligned, human-readable tables (comfy-table measures display width, so
//! double-width CJK text lines up).

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, LineStyle, Table, TableStyle};

use super::{ReportOptions, Reporter};
use crate::document::{Document, Entity};
use crate::extract::EntityKind;
use crate::stats::Stats;
use crate::summary::Summary;

pub struct TableReporter<'w> {
    out: Box<dyn Write + 'w>,
    opts: ReportOptions,
    rows: Vec<Vec<String>>,
    errors: Vec<(String, String)>,
}

impl<'w> TableReporter<'w> {
    pub fn new(out: Box<dyn Write + 'w>, opts: ReportOptions) -> Self {
        TableReporter {
            out,
            opts,
            rows: Vec::new(),
            errors: Vec::new(),
        }
    }

    fn limit(&self, n: usize) -> usize {
        if self.opts.top == 0 {
            n
        } else {
            n.min(self.opts.top)
        }
    }
}

/// A light style: a rule under the header, none between rows (the view commands use it too).
const STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

pub(crate) fn new_table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(STYLE);
    t.set_header(header.iter().map(Cell::new));
    t
}

pub(crate) fn right(table: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(c) = table.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

fn kind_title(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Place => "Places",
        EntityKind::Date => "Dates",
        EntityKind::Number => "Numbers",
    }
}

fn stats_line(s: &Stats) -> String {
    format!(
        "{} ({} Han) · {} · {} · {} · {}",
        counted(s.characters, "character", "characters"),
        s.han_characters,
        counted(s.tokens, "token", "tokens"),
        counted(s.distinct_words, "distinct word", "distinct words"),
        counted(s.sentences, "sentence", "sentences"),
        counted(s.paragraphs, "paragraph", "paragraphs"),
    )
}

/// `n` and the noun in the number it takes: 1 sentence, 2 sentences.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn value_text(e: &Entity) -> String {
    match &e.value {
        Some(serde_json::Value::String(s)) => {
            if e.inferred == Some(true) {
                format!("{s} (inferred)")
            } else {
                s.clone()
            }
        }
        Some(serde_json::Value::Null) if e.kind == Some(EntityKind::Date) => {
            "(lunar calendar)".to_string()
        }
        Some(v) => {
            let mut s = v.to_string();
            if e.percent == Some(true) {
                s.push('%');
            }
            s
        }
        None => String::new(),
    }
}

impl Reporter for TableReporter<'_> {
    fn document(&mut self, path: &str, encoding: &str, doc: &Document) -> io::Result<()> {
        if !self.opts.single {
            let e = &doc.entities;
            let name = match &doc.article {
                Some(a) => format!("{path} #{}", a.article),
                None => path.to_string(),
            };
            self.rows.push(vec![
                name,
                encoding.to_string(),
                doc.stats.characters.to_string(),
                doc.stats.tokens.to_string(),
                e.person.len().to_string(),
                e.organization.len().to_string(),
                e.place.len().to_string(),
                e.date.len().to_string(),
                e.number.len().to_string(),
            ]);
            return Ok(());
        }
        writeln!(self.out, "{path} ({encoding})")?;
        writeln!(self.out, "{}", stats_line(&doc.stats))?;
        let n = self.limit(doc.words.len());
        writeln!(self.out, "\nWords (top {n} of {})", doc.words.len())?;
        let mut t = new_table(&["#", "word", "POS", "count"]);
        for (i, w) in doc.words[..n].iter().enumerate() {
            t.add_row(vec![
                (i + 1).to_string(),
                w.word.to_string(),
                w.pos.to_string(),
                w.count.to_string(),
            ]);
        }
        right(&mut t, &[0, 3]);
        writeln!(self.out, "{t}")?;
        for kind in EntityKind::ALL {
            let list = doc.entities.get(kind);
            let n = self.limit(list.len());
            writeln!(
                self.out,
                "\n{} ({} distinct{})",
                kind_title(kind),
                list.len(),
                if n < list.len() {
                    format!(", top {n}")
                } else {
                    String::new()
                }
            )?;
            if list.is_empty() {
                continue;
            }
            let with_value = matches!(kind, EntityKind::Date | EntityKind::Number);
            let mut header = vec!["text", "count"];
            if with_value {
                header.push("value");
            }
            if kind == EntityKind::Number {
                header.push("unit");
            }
            let with_aliases = list[..n]
                .iter()
                .any(|e| !e.aliases.is_empty() || e.alias_of.is_some());
            if with_aliases {
                header.push("same as");
            }
            let mut t = new_table(&header);
            for e in &list[..n] {
                let mut row = vec![e.text.clone(), e.count.to_string()];
                if with_value {
                    row.push(value_text(e));
                }
                if kind == EntityKind::Number {
                    row.push(e.unit.clone().flatten().unwrap_or_default());
                }
                if with_aliases {
                    // The full name lists its short forms; a short form names its full name.
                    row.push(match &e.alias_of {
                        Some(full) => format!("→ {full}"),
                        None => e.aliases.join("、"),
                    });
                }
                t.add_row(row);
            }
            right(&mut t, &[1]);
            writeln!(self.out, "{t}")?;
        }
        if let Some(pairs) = &doc.cooccurrence {
            let n = self.limit(pairs.len());
            writeln!(self.out, "\nCo-occurrence ({} pairs)", pairs.len())?;
            let mut t = new_table(&["a", "b", "count"]);
            for p in &pairs[..n] {
                t.add_row(vec![
                    p.a.text.clone(),
                    p.b.text.clone(),
                    p.count.to_string(),
                ]);
            }
            right(&mut t, &[2]);
            writeln!(self.out, "{t}")?;
        }
        self.out.flush()
    }

    fn error(&mut self, path: &str, message: &str) -> io::Result<()> {
        self.errors.push((path.to_string(), message.to_string()));
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if self.opts.single {
            return self.out.flush();
        }
        writeln!(
            self.out,
            "Documents ({} analyzed, {} failed)",
            summary.documents, summary.errors
        )?;
        let mut t = new_table(&[
            "path",
            "encoding",
            "characters",
            "tokens",
            "people",
            "orgs",
            "places",
            "dates",
            "numbers",
        ]);
        for row in self.rows.drain(..) {
            t.add_row(row);
        }
        for (path, message) in &self.errors {
            t.add_row(vec![path.clone(), format!("error: {message}")]);
        }
        right(&mut t, &[2, 3, 4, 5, 6, 7, 8]);
        writeln!(self.out, "{t}")?;
        writeln!(self.out, "\nCorpus: {}", stats_line(&summary.stats))?;
        let n = self.limit(summary.words.len());
        writeln!(self.out, "\nWords (top {n})")?;
        let mut t = new_table(&["#", "word", "POS", "count", "documents"]);
        for (i, w) in summary.words[..n].iter().enumerate() {
            t.add_row(vec![
                (i + 1).to_string(),
                w.word.clone(),
                w.pos.clone(),
                w.count.to_string(),
                w.documents.to_string(),
            ]);
        }
        right(&mut t, &[0, 3, 4]);
        writeln!(self.out, "{t}")?;
        for kind in EntityKind::ALL {
            let list = summary.entities.get(kind);
            let n = self.limit(list.len());
            writeln!(self.out, "\n{} (top {n})", kind_title(kind))?;
            if list.is_empty() {
                continue;
            }
            let mut t = new_table(&["text", "count", "documents"]);
            for e in &list[..n] {
                t.add_row(vec![
                    e.text.clone(),
                    e.count.to_string(),
                    e.documents.to_string(),
                ]);
            }
            right(&mut t, &[1, 2]);
            writeln!(self.out, "{t}")?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stats_line_takes_the_singular_for_one() {
        let one = Stats {
            characters: 12,
            han_characters: 10,
            tokens: 7,
            distinct_words: 1,
            sentences: 1,
            paragraphs: 1,
        };
        assert_eq!(
            stats_line(&one),
            "12 characters (10 Han) · 7 tokens · 1 distinct word · 1 sentence · 1 paragraph"
        );
    }
}
