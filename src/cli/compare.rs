//! `corpus-cli compare A B`: the words and entities that set corpus A apart from corpus B, and
//! B from A (log-likelihood G² with Log Ratio).

use std::io::{self, Write};

use clap::Args;
use serde::Serialize;

use super::inputs::{self, ErrorEntry, Outcome};
use super::{EXIT_USAGE, InputArgs, OutputArgs, build_analyzer, report_error};
use crate::report::Format;
use crate::report::csv::field;
use crate::report::table::{new_table, right};
use crate::views::compare::{self, FrequencyTable, G2_P05, Items, KeyTerm, Keyness};
use crate::views::cooccurrence::NAMED_KINDS;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// A and B: two files or folders (`-` for standard input in one of them).
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,

    /// What to compare: words, named entities (people, organizations, places), or both.
    #[arg(long, value_enum, default_value_t = Items::All)]
    pub items: Items,

    /// Leave out terms with G² below this (3.84: p < 0.05; 6.63: p < 0.01; 10.83: p < 0.001;
    /// 15.13: p < 0.0001).
    #[arg(long, default_value_t = G2_P05, value_name = "G2")]
    pub min_g2: f64,
}

#[derive(Debug, Serialize)]
struct Side<'a> {
    #[serde(rename = "type")]
    record_type: &'static str,
    side: &'static str,
    path: &'a str,
    documents: usize,
    tokens: usize,
}

#[derive(Debug, Serialize)]
struct TermRecord<'a> {
    #[serde(rename = "type")]
    record_type: &'static str,
    key_in: &'static str,
    #[serde(flatten)]
    term: &'a KeyTerm,
}

/// `corpus-cli compare`.
pub fn run_compare(args: &CompareArgs) -> u8 {
    if args.input.paths.len() != 2 {
        let _ = writeln!(
            io::stderr(),
            "corpus-cli: compare takes exactly two paths, A and B (files or folders); got {}",
            args.input.paths.len()
        );
        return EXIT_USAGE;
    }
    let analyzer = match build_analyzer(&args.input) {
        Ok(a) => a,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let mut tables = [FrequencyTable::default(), FrequencyTable::default()];
    let mut errors: Vec<ErrorEntry> = Vec::new();
    for (i, path) in args.input.paths.iter().enumerate() {
        let expanded = match inputs::expand(&args.input, std::slice::from_ref(path)) {
            Ok(e) => e,
            Err(code) => return code,
        };
        let table = &mut tables[i];
        inputs::process(
            &args.input,
            &expanded,
            |s| {
                let (text, _) = s.read_text(args.input.encoding).map_err(|e| e.message())?;
                Ok(analyzer.analyze(&text))
            },
            |outcome| match outcome {
                Outcome::Done(_, doc) => table.add(&doc, args.items, &NAMED_KINDS),
                Outcome::Failed(p, m) => errors.push(ErrorEntry::new(p, m)),
            },
        );
    }
    let names: Vec<String> = args
        .input
        .paths
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    for (name, t) in names.iter().zip(&tables) {
        if t.documents == 0 {
            let _ = writeln!(
                io::stderr(),
                "corpus-cli: {name}: no documents could be read; nothing to compare"
            );
            return EXIT_USAGE;
        }
    }
    let keyness = compare::keyness(&tables[0], &tables[1], args.min_g2, args.output.top);
    let sides = [
        Side {
            record_type: "corpus",
            side: "A",
            path: &names[0],
            documents: tables[0].documents,
            tokens: tables[0].tokens,
        },
        Side {
            record_type: "corpus",
            side: "B",
            path: &names[1],
            documents: tables[1].documents,
            tokens: tables[1].tokens,
        },
    ];
    let written = inputs::write_report(args.output.output.as_deref(), |out| {
        write(out, args.output.format, &sides, &keyness, &errors)
    });
    if let Err(code) = written {
        return code;
    }
    if errors.is_empty() {
        0
    } else {
        super::EXIT_SOME_FAILED
    }
}

fn directions(k: &Keyness) -> [(&'static str, &[KeyTerm]); 2] {
    [("A", &k.a_over_b), ("B", &k.b_over_a)]
}

fn write(
    out: &mut dyn Write,
    format: Format,
    sides: &[Side; 2],
    keyness: &Keyness,
    errors: &[ErrorEntry],
) -> io::Result<()> {
    match format {
        Format::Jsonl => {
            for s in sides {
                inputs::json_line(out, s)?;
            }
            for (key_in, list) in directions(keyness) {
                for term in list {
                    inputs::json_line(
                        out,
                        &TermRecord {
                            record_type: "term",
                            key_in,
                            term,
                        },
                    )?;
                }
            }
            for e in errors {
                inputs::json_line(out, e)?;
            }
            Ok(())
        }
        Format::Json => inputs::json_pretty(
            out,
            &serde_json::json!({
                "type": "comparison",
                "a": sides[0],
                "b": sides[1],
                "a_over_b": keyness.a_over_b,
                "b_over_a": keyness.b_over_a,
                "errors": errors,
            }),
        ),
        Format::Csv => {
            writeln!(
                out,
                "key_in,kind,text,pos,a,b,a_documents,b_documents,a_per_million,b_per_million,g2,log_ratio"
            )?;
            for (key_in, list) in directions(keyness) {
                for t in list {
                    writeln!(
                        out,
                        "{key_in},{},{},{},{},{},{},{},{},{},{},{}",
                        t.kind.name(),
                        field(&t.text),
                        field(t.pos.as_deref().unwrap_or("")),
                        t.a,
                        t.b,
                        t.a_documents,
                        t.b_documents,
                        t.a_per_million,
                        t.b_per_million,
                        t.g2,
                        t.log_ratio
                    )?;
                }
            }
            Ok(())
        }
        Format::Table => {
            for s in sides {
                writeln!(
                    out,
                    "{}: {} ({} documents, {} tokens)",
                    s.side, s.path, s.documents, s.tokens
                )?;
            }
            for (key_in, list) in directions(keyness) {
                let other = if key_in == "A" { "B" } else { "A" };
                writeln!(out, "\nKey in {key_in} (used more than in {other})")?;
                let mut t = new_table(&[
                    "#",
                    "kind",
                    "text",
                    "A",
                    "B",
                    "A docs",
                    "B docs",
                    "G²",
                    "log ratio",
                ]);
                for (i, k) in list.iter().enumerate() {
                    t.add_row(vec![
                        (i + 1).to_string(),
                        k.kind.name().to_string(),
                        k.text.clone(),
                        k.a.to_string(),
                        k.b.to_string(),
                        k.a_documents.to_string(),
                        k.b_documents.to_string(),
                        format!("{:.2}", k.g2),
                        format!("{:+.2}", k.log_ratio),
                    ]);
                }
                right(&mut t, &[0, 3, 4, 5, 6, 7, 8]);
                writeln!(out, "{t}")?;
            }
            Ok(())
        }
    }
}
