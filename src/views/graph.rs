//! The entity network of a corpus: entities as nodes (with kind and mention count), their
//! co-occurrences as weighted edges, written as Graphviz DOT, GraphML (Gephi, yEd) or CSV.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::cooccurrence::{EntityRef, Pair};
use crate::document::Document;
use crate::extract::EntityKind;

/// An entity of the network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Node {
    pub id: usize,
    pub kind: EntityKind,
    pub text: String,
    /// Mentions over the corpus.
    pub count: usize,
    /// Documents that mention it.
    pub documents: usize,
}

/// Two entities that co-occur, by node id, with the number of units they share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    pub count: usize,
}

/// The network: nodes sorted by count (descending) then kind and text, ids in that order;
/// edges sorted by count (descending) then ids.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Gathers the network document by document.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    nodes: HashMap<EntityRef, (usize, usize)>,
    edges: HashMap<(EntityRef, EntityRef), usize>,
}

impl GraphBuilder {
    /// Add a document's entities of `kinds` and its co-occurring pairs.
    pub fn add(&mut self, doc: &Document, kinds: &[EntityKind], pairs: &[Pair]) {
        for &kind in kinds {
            for e in doc.entities.get(kind) {
                let slot = self
                    .nodes
                    .entry(EntityRef {
                        kind,
                        text: e.text.clone(),
                    })
                    .or_default();
                slot.0 += e.count;
                slot.1 += 1;
            }
        }
        for p in pairs {
            *self.edges.entry((p.a.clone(), p.b.clone())).or_default() += p.count;
        }
    }

    /// The network with the edges seen at least `min_count` times and the nodes they join
    /// (an entity left without an edge is left out).
    pub fn finish(self, min_count: usize) -> Graph {
        let kept: Vec<((EntityRef, EntityRef), usize)> = self
            .edges
            .into_iter()
            .filter(|(_, c)| *c >= min_count.max(1))
            .collect();
        let mut used: Vec<(&EntityRef, (usize, usize))> = self
            .nodes
            .iter()
            .filter(|(r, _)| kept.iter().any(|((a, b), _)| a == *r || b == *r))
            .map(|(r, c)| (r, *c))
            .collect();
        used.sort_by(|x, y| y.1.0.cmp(&x.1.0).then_with(|| x.0.cmp(y.0)));
        let ids: HashMap<&EntityRef, usize> =
            used.iter().enumerate().map(|(i, (r, _))| (*r, i)).collect();
        let nodes = used
            .iter()
            .enumerate()
            .map(|(id, (r, (count, documents)))| Node {
                id,
                kind: r.kind,
                text: r.text.clone(),
                count: *count,
                documents: *documents,
            })
            .collect();
        let mut edges: Vec<Edge> = kept
            .iter()
            .filter_map(|((a, b), count)| {
                let (x, y) = (*ids.get(a)?, *ids.get(b)?);
                Some(Edge {
                    source: x.min(y),
                    target: x.max(y),
                    count: *count,
                })
            })
            .collect();
        edges.sort_by(|x, y| {
            y.count
                .cmp(&x.count)
                .then(x.source.cmp(&y.source))
                .then(x.target.cmp(&y.target))
        });
        Graph { nodes, edges }
    }
}

/// A DOT string literal.
fn dot_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Node colours by kind in the DOT output.
fn colour(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "#fbb4ae",
        EntityKind::Organization => "#b3cde3",
        EntityKind::Place => "#ccebc5",
        EntityKind::Date => "#decbe4",
        EntityKind::Number => "#fed9a6",
    }
}

impl Graph {
    /// Graphviz DOT: an undirected graph; node labels are the entity texts, `kind`, `count` and
    /// `weight` travel as attributes, and edge width grows with the count.
    pub fn write_dot(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "graph entities {{")?;
        writeln!(out, "  graph [overlap=false, splines=true];")?;
        writeln!(
            out,
            "  node [shape=ellipse, style=filled, fontname=\"Noto Sans CJK SC,sans-serif\"];"
        )?;
        for n in &self.nodes {
            writeln!(
                out,
                "  n{} [label={}, kind={}, count={}, documents={}, fillcolor={}];",
                n.id,
                dot_quote(&n.text),
                dot_quote(n.kind.name()),
                n.count,
                n.documents,
                dot_quote(colour(n.kind))
            )?;
        }
        for e in &self.edges {
            let width = 1.0 + (e.count as f64).ln();
            writeln!(
                out,
                "  n{} -- n{} [weight={}, count={}, penwidth={:.2}];",
                e.source, e.target, e.count, e.count, width
            )?;
        }
        writeln!(out, "}}")
    }

    /// GraphML with `kind`, `label`, `count` and `documents` on nodes and `weight` on edges.
    pub fn write_graphml(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        writeln!(
            out,
            r#"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#
        )?;
        writeln!(
            out,
            r#"  <key id="kind" for="node" attr.name="kind" attr.type="string"/>"#
        )?;
        writeln!(
            out,
            r#"  <key id="count" for="node" attr.name="count" attr.type="int"/>"#
        )?;
        writeln!(
            out,
            r#"  <key id="documents" for="node" attr.name="documents" attr.type="int"/>"#
        )?;
        writeln!(
            out,
            r#"  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#
        )?;
        writeln!(out, r#"  <graph id="entities" edgedefault="undirected">"#)?;
        for n in &self.nodes {
            writeln!(
                out,
                r#"    <node id="n{}"><data key="label">{}</data><data key="kind">{}</data><data key="count">{}</data><data key="documents">{}</data></node>"#,
                n.id,
                xml_escape(&n.text),
                n.kind.name(),
                n.count,
                n.documents
            )?;
        }
        for (i, e) in self.edges.iter().enumerate() {
            writeln!(
                out,
                r#"    <edge id="e{i}" source="n{}" target="n{}"><data key="weight">{}</data></edge>"#,
                e.source, e.target, e.count
            )?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")
    }

    /// CSV edge list in the columns Gephi's importer reads (`Source,Target,Weight,Type`), with
    /// the kinds of both ends after them.
    pub fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        use crate::report::csv::field;
        writeln!(out, "Source,Target,Weight,Type,source_kind,target_kind")?;
        for e in &self.edges {
            let (s, t) = (&self.nodes[e.source], &self.nodes[e.target]);
            writeln!(
                out,
                "{},{},{},Undirected,{},{}",
                field(&s.text),
                field(&t.text),
                e.count,
                s.kind.name(),
                t.kind.name()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::cooccurrence::{NAMED_KINDS, Unit, pairs};

    fn sample() -> Graph {
        let text = "国家主席习近平会见俄罗斯总统普京。普京总统和习近平主席在北京开会。";
        let doc = crate::Analyzer::default().analyze(text);
        let p = pairs(text, &doc, Unit::Sentence, &NAMED_KINDS);
        let mut g = GraphBuilder::default();
        g.add(&doc, &NAMED_KINDS, &p);
        g.add(&doc, &NAMED_KINDS, &p);
        g.finish(1)
    }

    #[test]
    fn counts_add_over_documents() {
        let g = sample();
        let xi = g.nodes.iter().find(|n| n.text == "习近平").unwrap();
        let pu = g.nodes.iter().find(|n| n.text == "普京").unwrap();
        assert_eq!((xi.count, xi.documents), (4, 2));
        let e = g
            .edges
            .iter()
            .find(|e| (e.source, e.target) == (xi.id.min(pu.id), xi.id.max(pu.id)))
            .unwrap();
        // Two sentences per document, two documents.
        assert_eq!(e.count, 4);
    }

    #[test]
    fn min_count_drops_edges_and_lonely_nodes() {
        let text = "国家主席习近平会见俄罗斯总统普京。普京总统和习近平主席在北京开会。";
        let doc = crate::Analyzer::default().analyze(text);
        let p = pairs(text, &doc, Unit::Sentence, &NAMED_KINDS);
        let mut b = GraphBuilder::default();
        b.add(&doc, &NAMED_KINDS, &p);
        let g = b.finish(2);
        assert_eq!(g.edges.len(), 1, "{g:?}");
        assert_eq!(g.nodes.len(), 2);
    }

    #[test]
    fn escaping() {
        assert_eq!(dot_quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(xml_escape("<&>"), "&lt;&amp;&gt;");
    }
}
