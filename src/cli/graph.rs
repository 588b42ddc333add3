//! `corpus-cli graph`: the entity co-occurrence network of the inputs, for Graphviz or Gephi.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::inputs::{self, Outcome};
use super::kwic::KindArg;
use super::{EXIT_USAGE, InputArgs, build_analyzer, report_error};
use crate::extract::EntityKind;
use crate::views::cooccurrence::{self, Unit};
use crate::views::graph::GraphBuilder;

/// Network formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (`dot -Tsvg`, `neato`, `sfdp`).
    Dot,
    /// GraphML (Gephi, yEd, NetworkX, igraph).
    Graphml,
    /// Edge list: Source,Target,Weight,Type (Gephi's spreadsheet import) and the kinds.
    Csv,
    /// `{"nodes": [...], "edges": [...]}`.
    Json,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,

    /// Write to FILE instead of standard output (atomically).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Entities co-occur when they are mentioned in the same UNIT.
    #[arg(long, value_enum, default_value_t = Unit::Sentence, value_name = "UNIT")]
    pub unit: Unit,

    /// Keep edges seen in at least N units (entities left without an edge are left out).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: usize,

    /// Entity kinds in the network (repeat or separate by commas).
    #[arg(
        long = "kind",
        value_enum,
        value_delimiter = ',',
        default_values_t = [KindArg::Person, KindArg::Organization, KindArg::Place]
    )]
    pub kinds: Vec<KindArg>,
}

/// `corpus-cli graph`.
pub fn run_graph(args: &GraphArgs) -> u8 {
    let analyzer = match build_analyzer(&args.input) {
        Ok(a) => a,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let expanded = match inputs::expand(&args.input, &args.input.paths) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let mut kinds: Vec<EntityKind> = args.kinds.iter().map(|&k| k.into()).collect();
    kinds.sort();
    kinds.dedup();
    let mut builder = GraphBuilder::default();
    let (mut documents, mut errors) = (0, 0);
    inputs::process(
        &args.input,
        &expanded,
        |s| {
            let (text, _) = s.read_text(args.input.encoding).map_err(|e| e.message())?;
            let doc = analyzer.analyze(&text);
            let pairs = cooccurrence::pairs(&text, &doc, args.unit, &kinds);
            Ok((doc, pairs))
        },
        |outcome| match outcome {
            Outcome::Done(_, (doc, pairs)) => {
                documents += 1;
                builder.add(&doc, &kinds, &pairs);
            }
            Outcome::Failed(..) => errors += 1,
        },
    );
    let graph = builder.finish(args.min_count);
    let written = inputs::write_report(args.output.as_deref(), |out| match args.format {
        GraphFormat::Dot => graph.write_dot(out),
        GraphFormat::Graphml => graph.write_graphml(out),
        GraphFormat::Csv => graph.write_csv(out),
        GraphFormat::Json => inputs::json_pretty(out, &graph),
    });
    if let Err(code) = written {
        return code;
    }
    inputs::exit_code(documents, errors, &args.input.glob)
}
