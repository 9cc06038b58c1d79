//! `byline features`: every text block of every corpus page with the features the core's
//! block classifier reads, one JSON line per block, for `scripts/train/`. The features
//! come from the core (`byline::analysis::block_rows`), never from the training script,
//! so training and inference read the same numbers.

use anyhow::{bail, Context, Result};
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

pub fn export(corpus: &Path, out: &Path) -> Result<()> {
    let ids = crate::corpus_pages(corpus)?;
    let file =
        std::fs::File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut w = std::io::BufWriter::new(file);
    serde_json::to_writer(
        &mut w,
        &Header {
            features: byline::analysis::blocks::FEATURE_NAMES,
        },
    )?;
    w.write_all(b"\n")?;
    let bar = ProgressBar::new(ids.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").expect("valid template"),
    );
    let (mut blocks, mut failed) = (0usize, Vec::new());
    for (id, path) in &ids {
        bar.set_message(id.clone());
        let rows = crate::read_page(path).and_then(|html| {
            std::panic::catch_unwind(|| {
                let doc = scraper::Html::parse_document(&html);
                let (page, _) = byline_html::parse_document(&doc);
                byline::analysis::block_rows(&page, &Options::default())
            })
            .map_err(|_| anyhow::anyhow!("panicked"))
        });
        match rows {
            Ok(rows) => {
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
                blocks += rows.len();
            }
            Err(e) => failed.push(format!("{id}: {e:#}")),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    w.flush()?;
    eprintln!(
        "{} pages, {blocks} blocks, {} failed -> {}",
        ids.len(),
        failed.len(),
        out.display()
    );
    for f in &failed {
        eprintln!("  {f}");
    }
    if !failed.is_empty() {
        bail!("{} of {} pages failed", failed.len(), ids.len());
    }
    Ok(())
}
