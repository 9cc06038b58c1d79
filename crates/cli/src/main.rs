//! `byline` — the command line: clean one page (a report, the plan as JSON, or the page
//! written back as HTML with the hidden blocks marked and the badge added), or run over a
//! corpus folder and write one prediction per page for the scorers in `../shared/eval`.
//!
//! It owns arguments, files and output formats, nothing else: pages are read through
//! `byline-html` and every decision about them is the core's (`byline::analyze`), so the
//! CLI cleans exactly as the extension does.

use anyhow::{bail, Context, Result};
use byline_html::{apply_to_html, decode, parse_document, text_to_html};
use byline::plan::{Mode, Options, Plan};
use byline::report::{report, summary, Report};
use byline::rules::{self, RuleSet};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::time::Instant;

mod features;

#[derive(Parser)]
#[command(name = "byline", version, about = "Cleans news pages and tells where the story comes from")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum Field {
    #[value(name = "article_text", alias = "article-text")]
    ArticleText,
    #[value(name = "visible_text", alias = "visible-text")]
    VisibleText,
}

#[derive(Clone, Copy, ValueEnum)]
enum ModeArg {
    Tidy,
    Focus,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Mode {
        match m {
            ModeArg::Tidy => Mode::Tidy,
            ModeArg::Focus => Mode::Focus,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Clean one page and print the result.
    Clean {
        page: PathBuf,
        /// The address the page lives at (host-based signals use it).
        #[arg(long)]
        url: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[arg(long, value_enum, default_value = "tidy")]
        mode: ModeArg,
        /// A site rules file (`host##selector`, `host#@#selector`, `##selector`, `!` comments);
        /// the rules for the host of --url apply.
        #[arg(long)]
        rules: Option<PathBuf>,
        /// The element budget (default 100000): a larger page is left as it is, and the
        /// report says so (`degraded`).
        #[arg(long)]
        max_elements: Option<u32>,
        /// Print the time spent parsing and analysing on stderr.
        #[arg(long)]
        timings: bool,
    },
    /// Print the plan (node ids, kinds, source) — what the extension's parity test compares.
    Plan {
        page: PathBuf,
        #[arg(long)]
        url: Option<String>,
        #[arg(long, value_enum, default_value = "tidy")]
        mode: ModeArg,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Clean every CORPUS/<id>/source.html (or source.html.gz) and write PRED/<id>.txt for
    /// shared/eval/score.py.
    Eval {
        corpus: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "article_text")]
        field: Field,
        #[arg(long, value_enum, default_value = "tidy")]
        mode: ModeArg,
        /// Clean with this block model (tidy mode hides the structural clutter it finds;
        /// scripts/train/loco.sh scores each corpus with a model trained without it).
        #[arg(long)]
        block_model: Option<PathBuf>,
    },
    /// Write every text block of every CORPUS/<id>/source.html(.gz) with the block classifier's
    /// features, one JSON line each (the training data of scripts/train/).
    Features {
        corpus: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// One line per page with the page-type classifier's features instead.
        #[arg(long)]
        pages: bool,
    },
}

/// The pages of a corpus folder, `(id, path of its page file)` (see [`page_source`]),
/// sorted by id.
fn corpus_pages(corpus: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut pages: Vec<(String, PathBuf)> = std::fs::read_dir(corpus)
        .with_context(|| format!("cannot read corpus {}", corpus.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.file_name().to_string_lossy().into_owned(), page_source(&e.path())?)))
        .collect();
    if pages.is_empty() {
        bail!("{}: no <id>/source.html or <id>/source.html.gz pages", corpus.display());
    }
    pages.sort();
    Ok(pages)
}

/// Reads a page file; gzipped bytes (the gzip magic number, whatever the file is called)
/// are inflated first, so `source.html.gz` reads like `source.html`.
fn read_page(path: &Path) -> Result<String> {
    let mut bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        use std::io::Read;
        let mut inflated = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut inflated)
            .with_context(|| format!("{}: not a readable gzip file", path.display()))?;
        bytes = inflated;
    }
    decode(&bytes).with_context(|| format!("{}", path.display()))
}

/// The page file of a corpus folder: `source.html`, or `source.html.gz` when that is what
/// the folder holds.
fn page_source(dir: &Path) -> Option<PathBuf> {
    ["source.html", "source.html.gz"].iter().map(|f| dir.join(f)).find(|p| p.is_file())
}

fn clean(html: &str, options: &Options) -> (scraper::Html, byline::Page, Plan) {
    clean_with_rules(html, options, None)
}

/// Reads a rules file and reports its malformed lines on stderr (they are not applied).
fn read_rules(path: &Path) -> Result<RuleSet> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read rules {}", path.display()))?;
    let set = rules::parse(&text);
    for d in &set.diagnostics {
        eprintln!("byline: {}:{}: {} ({})", path.display(), d.line, d.message, d.text.trim());
    }
    Ok(set)
}

/// Cleans with the site rules for the host of `options.url` matched by scraper.
fn clean_with_rules(html: &str, options: &Options, rules: Option<&RuleSet>) -> (scraper::Html, byline::Page, Plan) {
    let doc = scraper::Html::parse_document(html);
    let (page, map) = parse_document(&doc);
    let mut options = options.clone();
    if let Some(set) = rules {
        let host = options.url.as_deref().and_then(rules::host_of).unwrap_or_default();
        let (matches, errors) = byline_html::match_rules(&doc, &map, &set.for_host(&host));
        for d in errors {
            eprintln!("byline: rules line {}: {} ({})", d.line, d.message, d.text);
        }
        options.rule_matches = matches;
    }
    let plan = byline::analyze(&page, &options);
    (doc, page, plan)
}

fn text_report(r: &Report) -> String {
    let mut out = String::new();
    let s = &r.source;
    if let Some(d) = &r.degraded {
        out.push_str(&format!("Not cleaned: {}.\n", d.note));
        return out;
    }
    if !r.is_article {
        out.push_str("Not an article: nothing hidden.\n");
        return out;
    }
    out.push_str(&format!("Title:        {}\n", r.title.as_deref().unwrap_or("(none)")));
    out.push_str(&format!("Source:       {}\n", s.original.as_deref().unwrap_or("(unknown)")));
    if let Some(rp) = &s.republisher {
        out.push_str(&format!("Republished:  by {rp}\n"));
    }
    if let Some(c) = &s.claimed_source {
        out.push_str(&format!("Page claims:  {c}\n"));
    }
    out.push_str(&format!(
        "Dates:        story {} · page {}{}\n",
        s.story_date.as_deref().unwrap_or("?"),
        s.page_date.as_deref().unwrap_or("?"),
        if s.story_date.is_some() && s.page_date.is_some() && s.story_date != s.page_date { "  ⚠ dates differ" } else { "" }
    ));
    for e in &s.evidence {
        out.push_str(&format!("  evidence {:<14} {}\n", e.signal, e.text));
    }
    out.push_str(&format!("Hidden:       {} blocks\n", r.hidden.len()));
    for h in &r.hidden {
        out.push_str(&format!("  - {:<16} {} — “{}”\n", h.kind.as_str(), h.reason, h.text));
    }
    out.push_str("\n--- article ---\n");
    out.push_str(&r.article_text);
    out.push('\n');
    out
}

/// The badge the extension shows (the same model, English words), as HTML: the host
/// element with a declarative closed shadow root holding the nodes `buildBadge`
/// (extension/lib/apply.js) makes, with every model text escaped.
fn badge_html(page: &byline::Page, plan: &Plan) -> String {
    if !plan.is_article {
        return String::new();
    }
    let m = byline::badge::model(&summary(page, plan), &byline::badge::BadgeStrings::default());
    let div = |class: &str, text: &str| format!("<div class=\"{class}\">{}</div>", text_to_html(text));
    let mut body = div("s", &m.line);
    if let Some(w) = &m.warning {
        body.push_str(&div("w", w));
    }
    if let Some(d) = &m.details {
        let items: String = m.items.iter().map(|i| format!("<li>{}</li>", text_to_html(i))).collect();
        body.push_str(&format!("<details><summary>{}</summary><ul>{items}</ul></details>", text_to_html(d)));
    }
    format!(
        "<byline-badge data-byline=\"badge\"><template shadowrootmode=\"closed\"><style>{}</style><div class=\"b\" role=\"note\" aria-label=\"{}\">{body}</div></template></byline-badge>",
        m.css,
        text_to_html(&m.label).replace('"', "&quot;")
    )
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Clean { page, url, format, mode, rules, max_elements, timings } => {
            let started = Instant::now();
            let html = read_page(&page)?;
            let rules = rules.as_deref().map(read_rules).transpose()?;
            let options = Options { url, mode: mode.into(), max_elements, ..Options::default() };
            let (doc, model, plan) = clean_with_rules(&html, &options, rules.as_ref());
            if timings {
                eprintln!(
                    "timings: {} model nodes, read + parse + analyse {:.0} ms",
                    model.len(),
                    started.elapsed().as_secs_f64() * 1000.0
                );
            }
            match format {
                Format::Json => emit(&(serde_json::to_string_pretty(&report(&model, &plan))? + "\n"))?,
                Format::Text => emit(&text_report(&report(&model, &plan)))?,
                Format::Html => emit(&(apply_to_html(&doc, &plan, &badge_html(&model, &plan)) + "\n"))?,
            }
        }
        Command::Plan { page, url, mode, rules } => {
            let html = read_page(&page)?;
            let rules = rules.as_deref().map(read_rules).transpose()?;
            let (_, _, plan) = clean_with_rules(&html, &Options { url, mode: mode.into(), ..Options::default() }, rules.as_ref());
            emit(&(serde_json::to_string(&plan)? + "\n"))?;
        }
        Command::Eval { corpus, out, field, mode, block_model } => {
            let model = match block_model {
                Some(path) => {
                    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
                    let model = byline::analysis::blocks::Model::parse(&bytes)
                        .map_err(|e| anyhow::anyhow!("{}: not a block model ({e:?})", path.display()))?;
                    Some(model)
                }
                None => None,
            };
            eval(&corpus, &out, field, mode.into(), model.as_ref())?
        }
        Command::Features { corpus, out, pages } => features::export(&corpus, &out, pages)?,
    }
    Ok(())
}

/// The `url` of a corpus page's `meta.json`, if it has one.
fn page_url(dir: &Path) -> Option<String> {
    let m = std::fs::read_to_string(dir.join("meta.json")).ok()?;
    let m: serde_json::Value = serde_json::from_str(&m).ok()?;
    m.get("url")?.as_str().map(String::from)
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
fn emit(s: &str) -> Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(s.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn eval(corpus: &Path, out: &Path, field: Field, mode: Mode, model: Option<&byline::analysis::blocks::Model>) -> Result<()> {
    let ids: Vec<String> = corpus_pages(corpus)?.into_iter().map(|(id, _)| id).collect();
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let bar = ProgressBar::new(ids.len() as u64);
    bar.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").expect("valid template"));
    let started = Instant::now();
    let mut failed = Vec::new();
    for id in &ids {
        bar.set_message(id.clone());
        let dir = corpus.join(id);
        let url = page_url(&dir);
        let source = page_source(&dir).unwrap_or_else(|| dir.join("source.html"));
        let result = read_page(&source).and_then(|html| {
            std::panic::catch_unwind(|| {
                let options = Options { url, mode, ..Options::default() };
                let (page, plan) = match model {
                    Some(m) => {
                        let page = byline_html::parse(&html);
                        let plan = byline::analysis::analyze_with(&page, &options, Some(m));
                        (page, plan)
                    }
                    None => {
                        let (_, page, plan) = clean(&html, &options);
                        (page, plan)
                    }
                };
                let r = report(&page, &plan);
                match field {
                    Field::ArticleText => r.article_text,
                    Field::VisibleText => r.visible_text,
                }
            })
            .map_err(|_| anyhow::anyhow!("panicked"))
        });
        match result {
            Ok(text) => std::fs::write(out.join(format!("{id}.txt")), text + "\n")?,
            Err(e) => failed.push(format!("{id}: {e:#}")),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{} pages in {:.2}s ({:.0} pages/s), {} failed",
        ids.len(),
        secs,
        ids.len() as f64 / secs.max(1e-9),
        failed.len()
    );
    failures(&failed, ids.len())
}

/// Lists the pages a corpus run could not do, and fails the run if there were any.
fn failures(failed: &[String], pages: usize) -> Result<()> {
    for f in failed {
        eprintln!("  {f}");
    }
    if !failed.is_empty() {
        bail!("{} of {pages} pages failed", failed.len());
    }
    Ok(())
}

fn main() {
    if let Err(e) = run(Cli::parse()) {
        eprintln!("byline: {e:#}");
        std::process::exit(1);
    }
}
