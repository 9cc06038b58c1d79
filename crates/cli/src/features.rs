//! `byline features`: every text block of every corpus page with the features the core's
//! block classifier reads, one JSON line per block, for `scripts/train/`. The features
//! come from the core (`byline::analysis::block_rows`), never from the training script,
//! so training and inference read the same numbers. With `--pages`, one line per page
//! with the page-type classifier's features (`byline::analysis::page_row`), read with the
//! page's `url` from its `meta.json` as the extension reads the tab's address.

use anyhow::{Context, Result};
use byline::plan::Options;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

#[derive(Serialize)]
struct Header<'a> {
    features: &'a [&'a str],
}

#[derive(Serialize)]
struct Line<'a> {
    page: &'a str,
    node: u32,
    text: &'a str,
    f: &'a [f32],
}

#[derive(Serialize)]
struct PageLine<'a> {
    page: &'a str,
    f: &'a [f32],
}

/// What one page gives: its page row, or its blocks' rows.
enum Rows {
    Page(Vec<f32>),
    Blocks(Vec<byline::analysis::blocks::BlockRow>),
}

pub fn export(corpus: &Path, out: &Path, pages: bool) -> Result<()> {
    let ids = crate::corpus_pages(corpus)?;
    let file =
        std::fs::File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut w = std::io::BufWriter::new(file);
    serde_json::to_writer(
        &mut w,
        &Header {
            features: if pages {
                byline::analysis::page_type::FEATURE_NAMES
            } else {
                byline::analysis::blocks::FEATURE_NAMES
            },
        },
    )?;
    w.write_all(b"\n")?;
    let bar = ProgressBar::new(ids.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").expect("valid template"),
    );
    let (mut rows_written, mut failed) = (0usize, Vec::new());
    for (id, path) in &ids {
        bar.set_message(id.clone());
        let url = crate::page_url(&corpus.join(id));
        let rows = crate::read_page(path).and_then(|html| {
            std::panic::catch_unwind(|| {
                let doc = scraper::Html::parse_document(&html);
                let (page, _) = byline_html::parse_document(&doc);
                let options = Options { url, ..Options::default() };
                if pages {
                    Rows::Page(byline::analysis::page_row(&page, &options))
                } else {
                    Rows::Blocks(byline::analysis::block_rows(&page, &options))
                }
            })
            .map_err(|_| anyhow::anyhow!("panicked"))
        });
        match rows {
            Ok(Rows::Page(f)) => {
                serde_json::to_writer(&mut w, &PageLine { page: id, f: &f })?;
                w.write_all(b"\n")?;
                rows_written += 1;
            }
            Ok(Rows::Blocks(rows)) => {
                for r in &rows {
                    serde_json::to_writer(
                        &mut w,
                        &Line {
                            page: id,
                            node: r.node,
                            text: &r.text,
                            f: &r.features,
                        },
                    )?;
                    w.write_all(b"\n")?;
                }
                rows_written += rows.len();
            }
            Err(e) => failed.push(format!("{id}: {e:#}")),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    w.flush()?;
    eprintln!(
        "{} pages, {rows_written} {}, {} failed -> {}",
        ids.len(),
        if pages { "page rows" } else { "block rows" },
        failed.len(),
        out.display()
    );
    crate::failures(&failed, ids.len())
}
