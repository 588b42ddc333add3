//! Criterion benchmark of the per-document pipeline (fold, segment and tag, extract, count) on
//! the bundled news page, reported in bytes per second. Run with `cargo bench --bench pipeline`.

use std::hint::black_box;

use corpus_cli::Analyzer;
use corpus_cli::summary::SummaryBuilder;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn pipeline(c: &mut Criterion) {
    let text = include_str!("../fixtures/news-page.txt");
    let analyzer = Analyzer::default();
    // Build the shared segmenter and the extractors' tables before timing.
    black_box(analyzer.analyze(text));

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("analyze news-page", |b| {
        b.iter(|| analyzer.analyze(black_box(text)))
    });
    group.bench_function("analyze + summary news-page", |b| {
        b.iter(|| {
            let doc = analyzer.analyze(black_box(text));
            let mut summary = SummaryBuilder::default();
            summary.add_document(&doc);
            summary.build(0)
        })
    });
    group.bench_function("segment news-page", |b| {
        let segmenter = analyzer.segmenter();
        b.iter(|| {
            black_box(text)
                .lines()
                .map(|line| segmenter.tag(line).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
