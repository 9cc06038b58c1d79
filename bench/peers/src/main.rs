//! `byline-peers CORPUS OUT`: the native extractors bench/compare puts beside Byline, run
//! over one corpus folder. For every `CORPUS/<id>/source.html` (or `source.html.gz`) it
//! writes `OUT/<peer>/<id>.txt`, the text the peer kept as the main content, for
//! `shared/eval/score.py`:
//!
//! - `dom_smoothie` (0.19): `Readability::new(html, url).parse()`, `text_content` in its
//!   formatted text mode (one line per block);
//! - `rs-trafilatura` (0.2.2): `extract_with_options(html, {url})`, `content_text`.
//!
//! Every peer reads the same text: the page's bytes (gunzipped when gzipped) decoded by
//! `byline_html::decode` (BOM, UTF-8, then the declared charset), as Byline's CLI reads
//! them, and the URL from `meta.json`. A peer that returns an error or panics on a page
//! writes an empty prediction (score.py counts it as empty) and is counted on stderr.
//!
//! It measures others and changes nothing of Byline: it is its own workspace, so neither
//! peer enters a build of the extension, the CLI or the tests.

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A peer: its folder name under OUT and how it turns (html, url) into text.
struct Peer {
    name: &'static str,
    run: fn(&str, Option<&str>) -> Result<String, String>,
}

fn dom_smoothie(html: &str, url: Option<&str>) -> Result<String, String> {
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let mut r = dom_smoothie::Readability::new(html, url, Some(cfg)).map_err(|e| e.to_string())?;
    let article = r.parse().map_err(|e| e.to_string())?;
    Ok(article.text_content.to_string())
}

fn rs_trafilatura(html: &str, url: Option<&str>) -> Result<String, String> {
    let options = rs_trafilatura::Options { url: url.map(String::from), ..Default::default() };
    let result = rs_trafilatura::extract_with_options(html, &options).map_err(|e| e.to_string())?;
    Ok(result.content_text)
}

const PEERS: &[Peer] =
    &[Peer { name: "dom_smoothie", run: dom_smoothie }, Peer { name: "rs-trafilatura", run: rs_trafilatura }];

fn source(dir: &Path) -> Option<PathBuf> {
    ["source.html", "source.html.gz"].iter().map(|f| dir.join(f)).find(|p| p.is_file())
}

fn read_page(path: &Path) -> Result<String, String> {
    let mut bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut inflated = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut inflated)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        bytes = inflated;
    }
    byline_html::decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn url_of(dir: &Path) -> Option<String> {
    let meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).ok()?).ok()?;
    meta.get("url")?.as_str().filter(|u| u.starts_with("http")).map(String::from)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, out] = &args[..] else {
        eprintln!("usage: byline-peers CORPUS_DIR OUT_DIR   (writes OUT_DIR/<peer>/<id>.txt)");
        std::process::exit(2);
    };
    let (corpus, out) = (Path::new(corpus), Path::new(out));
    let mut ids: Vec<String> = match std::fs::read_dir(corpus) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter(|e| source(&e.path()).is_some())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) => {
            eprintln!("byline-peers: {}: {e}", corpus.display());
            std::process::exit(1);
        }
    };
    ids.sort();
    for p in PEERS {
        std::fs::create_dir_all(out.join(p.name)).expect("create the output folder");
    }
    // A peer's panic is counted, not printed page after page.
    std::panic::set_hook(Box::new(|_| {}));
    let mut failed = vec![Vec::<String>::new(); PEERS.len()];
    let mut spent = vec![Duration::ZERO; PEERS.len()];
    for id in &ids {
        let dir = corpus.join(id);
        let page = source(&dir).ok_or_else(|| "no source".to_string()).and_then(|p| read_page(&p));
        let url = url_of(&dir);
        for (k, p) in PEERS.iter().enumerate() {
            let started = Instant::now();
            let text = match &page {
                Ok(html) => match catch_unwind(AssertUnwindSafe(|| (p.run)(html, url.as_deref()))) {
                    Ok(Ok(text)) => text,
                    Ok(Err(e)) => {
                        failed[k].push(format!("{id}: {e}"));
                        String::new()
                    }
                    Err(_) => {
                        failed[k].push(format!("{id}: panicked"));
                        String::new()
                    }
                },
                Err(e) => {
                    failed[k].push(e.clone());
                    String::new()
                }
            };
            spent[k] += started.elapsed();
            std::fs::write(out.join(p.name).join(format!("{id}.txt")), text + "\n").expect("write a prediction");
        }
    }
    for (k, p) in PEERS.iter().enumerate() {
        let secs = spent[k].as_secs_f64();
        eprintln!(
            "{}: {} pages in {:.2}s ({:.0} pages/s), {} empty by failure{}",
            p.name,
            ids.len(),
            secs,
            ids.len() as f64 / secs.max(1e-9),
            failed[k].len(),
            failed[k].iter().take(5).map(|f| format!("\n  {f}")).collect::<String>()
        );
    }
}
