//! `cargo bench -p byline-bench` — native benchmarks:
//! - build (HTML → page model, scraper included) and analyze (page model → plan) separately,
//!   on the smallest, median and largest pages of the readability corpus;
//! - a synthetic scaling series (1k … 200k elements): analysis time per element;
//! - the whole readability corpus cleaned by Byline and by dom_smoothie in one run, beside
//!   scraper's parse alone (the floor both share).

use byline_html::parse;
use byline::{analyze, Options};
use byline_bench::{corpus_pages, element_count, synthetic_page};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn corpus_pages_by_size(c: &mut Criterion) {
    let mut pages = corpus_pages();
    pages.sort_by_key(|p| p.1.len());
    let picks = [("small", &pages[0]), ("median", &pages[pages.len() / 2]), ("large", &pages[pages.len() - 1])];
    let mut group = c.benchmark_group("page");
    for (label, (id, html, url)) in picks {
        let model = parse(html);
        let name = format!("{label}:{id}:{}el", element_count(&model));
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new("build", &name), html, |b, html| b.iter(|| parse(black_box(html))));
        let options = Options { url: url.clone(), ..Options::default() };
        group.bench_with_input(BenchmarkId::new("analyze", &name), &model, |b, m| b.iter(|| analyze(black_box(m), &options)));
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    for n in [1_000usize, 10_000, 50_000, 200_000] {
        let model = parse(&synthetic_page(n));
        let elements = element_count(&model) as u64;
        group.throughput(Throughput::Elements(elements));
        // No element budget: the point is how the analysis itself grows.
        let options = Options { max_elements: Some(u32::MAX), ..Options::default() };
        let plan = analyze(&model, &options);
        assert!(plan.degraded.is_none() && plan.is_article, "the synthetic page is analysed as an article");
        group.bench_with_input(BenchmarkId::new("analyze", n), &model, |b, m| b.iter(|| analyze(black_box(m), &options)));
    }
    group.finish();
}

fn corpus_vs_dom_smoothie(c: &mut Criterion) {
    let pages = corpus_pages();
    let mut group = c.benchmark_group("readability-corpus");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("byline-clean", |b| {
        b.iter(|| {
            for (_, html, url) in &pages {
                let model = parse(html);
                let plan = analyze(&model, &Options { url: url.clone(), ..Options::default() });
                black_box(byline::report::report(&model, &plan));
            }
        })
    });
    // The floor both share: html5ever's tree building alone (through scraper, the parser the
    // native adapter is fixed to), with no page model and no analysis. Byline's clean cannot
    // be faster than this; if it is more than half of dom_smoothie's time, 2x is out of reach.
    group.bench_function("scraper-parse-only", |b| {
        b.iter(|| {
            for (_, html, _) in &pages {
                black_box(scraper::Html::parse_document(html));
            }
        })
    });
    group.bench_function("dom_smoothie-parse", |b| {
        b.iter(|| {
            for (_, html, url) in &pages {
                let r = dom_smoothie::Readability::new(html.as_str(), url.as_deref(), None).and_then(|mut r| r.parse());
                let _ = black_box(r);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, corpus_pages_by_size, scaling, corpus_vs_dom_smoothie);
criterion_main!(benches);
