//! Who wrote the story, and when: the evidence the page offers, then the decision.
//!
//! - `signals`: the story's own words — datelines (templates from `data/`), tails,
//!   copyright lines, source labels, credit lines and bylines near the headline;
//! - `markup`: what the page says about itself — `<meta>`, canonical link, JSON-LD
//!   (read by the tiny tolerant scanner in `json`);
//! - this module: the decision. The story's words beat the page's claims; photo captions
//!   and credits never count; an agency named in passing ("told AFP") is not a clue.

pub mod markup;
pub mod signals;

use super::dates::{date_in_url, find_dates, find_days, find_weekdays, Date};
use super::stats::Stats;
use crate::analysis::article::split_title;
use crate::analysis::meta::Meta;
use crate::lexicon::{agencies, attribution, Agency};
use crate::page::{NodeId, Page};
use crate::plan::{Evidence, Hide, Source};
use crate::text::{collapse, collapse_into, fold, truncate, INVISIBLE_CHARS};
use std::cell::OnceCell;
use markup::{host_of, Clue, ClueKind};
use signals::Cited;

// ---- tunables ----
/// How far into the first paragraphs a dateline may reach (characters).
pub const DATELINE_REACH: usize = 160;
/// How many leading paragraphs may hold the dateline or the story's date.
pub const LEAD_BLOCKS: usize = 3;
/// How many closing paragraphs may hold a tail such as "(Yonhap)".
pub const TAIL_BLOCKS: usize = 3;
/// Blocks right after the article that may hold its copyright line.
pub const AFTER_ARTICLE_BLOCKS: usize = 3;
/// Source labels outside the article are looked for in lines up to this long.
pub const MAX_LABEL_LINE_CHARS: u32 = 200;
/// Longest claimed-source value kept.
pub const MAX_CLAIM_CHARS: usize = 60;
/// The first paragraph at least this long (characters) is the lede when there is no dateline.
pub const MIN_LEDE_CHARS: usize = 40;
/// A story date more than this many days after the page's date is not believed.
pub const MAX_STORY_AFTER_PAGE_DAYS: i64 = 1;

pub(crate) struct Input<'a> {
    pub page: &'a Page,
    pub stats: &'a Stats,
    pub article_nodes: &'a [NodeId],
    pub title_node: Option<NodeId>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub meta: &'a Meta<'a>,
    /// Nodes whose text is not the story's: invisible, hidden by the plan, or in a caption.
    skip: Vec<bool>,
    /// Nodes inside (or at) an article node.
    inside: Vec<bool>,
    /// `blocks` of the article and of the body, computed once.
    article_blocks: OnceCell<Blocks<'a>>,
    body_blocks: OnceCell<Blocks<'a>>,
}

impl<'a> Input<'a> {
    pub(crate) fn new(
        page: &'a Page,
        stats: &'a Stats,
        article_nodes: &'a [NodeId],
        title_node: Option<NodeId>,
        title: Option<&'a str>,
        hidden: &'a [Hide],
        url: Option<&'a str>,
        meta: &'a Meta<'a>,
    ) -> Self {
        // One forward pass: a node is skipped when its parent is, or it starts a skipped subtree.
        let mut skip = vec![false; page.len()];
        let hidden_here = page.within(hidden.iter().map(|h| h.node));
        for i in 0..page.len() {
            let id = i as NodeId;
            let inherited = page.parent(id).is_some_and(|p| skip[p as usize]);
            skip[i] = inherited || stats.invisible[i] || hidden_here[i] || (page.is_element(id) && is_caption(page, id));
        }
        let inside = page.within(article_nodes.iter().copied());
        Input {
            page,
            stats,
            article_nodes,
            title_node,
            title,
            url,
            meta,
            skip,
            inside,
            article_blocks: Default::default(),
            body_blocks: Default::default(),
        }
    }

    fn article_blocks(&self) -> &Blocks<'a> {
        self.article_blocks.get_or_init(|| blocks(self, self.article_nodes, false))
    }

    /// The blocks of the body outside the article (the only ones their readers want).
    fn body_blocks(&self, body: NodeId) -> &Blocks<'a> {
        self.body_blocks.get_or_init(|| blocks(self, &[body], true))
    }
}

/// A photo caption or credit: `<figure>`, `<figcaption>`, or an element with a caption class.
fn is_caption(page: &Page, a: NodeId) -> bool {
    let words = &attribution().caption_classes;
    matches!(page.tag(a), "figcaption" | "figure")
        || page.attr(a, "class").is_some_and(|c| {
            c.split(|ch: char| ch.is_whitespace() || ch == '-' || ch == '_')
                .chain(c.split_whitespace())
                .any(|w| words.iter().any(|k| w.eq_ignore_ascii_case(k)))
        })
}

fn skipped(input: &Input, i: NodeId) -> bool {
    input.skip[i as usize]
}

/// Visible text blocks, in order, with their text (nested blocks separate): the text
/// nodes of each block and, once asked for, their collapsed text. Most readers look at a
/// few blocks (the first and last paragraphs, the lines after the article), so the text of
/// the others is never built.
struct Blocks<'a> {
    page: &'a Page,
    /// Blocks with visible text, in document order.
    nodes: Vec<NodeId>,
    /// The text nodes of block `k` are `texts[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    texts: Vec<NodeId>,
    collapsed: Vec<OnceCell<String>>,
}

impl Blocks<'_> {
    fn len(&self) -> usize {
        self.nodes.len()
    }

    fn node(&self, k: usize) -> NodeId {
        self.nodes[k]
    }

    /// The block's text, whitespace collapsed (`collapse` of its text nodes joined).
    fn text(&self, k: usize) -> &str {
        self.collapsed[k].get_or_init(|| {
            let mut out = String::new();
            let mut space = false;
            for &t in &self.texts[self.starts[k] as usize..self.starts[k + 1] as usize] {
                collapse_into(self.page.text(t).unwrap_or(""), &mut out, &mut space);
            }
            out
        })
    }
}

/// Visible text blocks under `roots` (text in an article block left out when
/// `outside_article`), with text that does not collapse to nothing.
fn blocks<'a>(input: &Input<'a>, roots: &[NodeId], outside_article: bool) -> Blocks<'a> {
    let page = input.page;
    // Block → its entry (u32::MAX: none yet); a flat table, no hashing. Every text node
    // has a block (the root element counts as one: `Stats::block_of`).
    let mut index: Vec<u32> = vec![u32::MAX; page.len()];
    let mut entries: Vec<NodeId> = Vec::new();
    // (entry, text node), in the order the text is read.
    let mut pairs: Vec<(u32, NodeId)> = Vec::new();
    for &root in roots {
        for i in page.subtree(root) {
            if page.text(i).is_none() || skipped(input, i) {
                continue;
            }
            let b = input.stats.block_of[i as usize];
            if b == crate::page::NO_NODE || (outside_article && in_article(input, b)) {
                continue;
            }
            let slot = &mut index[b as usize];
            if *slot == u32::MAX {
                *slot = entries.len() as u32;
                entries.push(b);
            }
            pairs.push((*slot, i));
        }
    }
    // Each entry's text nodes together, in reading order.
    let mut starts = vec![0u32; entries.len() + 1];
    for &(e, _) in &pairs {
        starts[e as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut fill = starts.clone();
    let mut grouped = vec![0 as NodeId; pairs.len()];
    for &(e, t) in &pairs {
        grouped[fill[e as usize] as usize] = t;
        fill[e as usize] += 1;
    }
    // Blocks in document order, without those whose text is only whitespace and
    // invisible characters.
    let mut order: Vec<u32> = (0..entries.len() as u32).collect();
    crate::sort::by_key(&mut order, |&e| entries[e as usize] as u64);
    let visible = |t: NodeId| page.text(t).is_some_and(|s| s.chars().any(|c| !c.is_whitespace() && !INVISIBLE_CHARS.contains(&c)));
    let mut out = Blocks { page, nodes: Vec::new(), starts: vec![0], texts: Vec::with_capacity(grouped.len()), collapsed: Vec::new() };
    for e in order {
        let own = &grouped[starts[e as usize] as usize..starts[e as usize + 1] as usize];
        if !own.iter().any(|&t| visible(t)) {
            continue;
        }
        out.nodes.push(entries[e as usize]);
        out.texts.extend_from_slice(own);
        out.starts.push(out.texts.len() as u32);
        out.collapsed.push(OnceCell::new());
    }
    out
}

fn prefix(s: &str, chars: usize) -> &str {
    match s.char_indices().nth(chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn in_article(input: &Input, id: NodeId) -> bool {
    input.inside[id as usize]
}

/// The nodes around the headline that hold bylines, credits and the page date: from the
/// headline's parent to the start of the article.
fn header_region(input: &Input) -> std::ops::Range<NodeId> {
    let page = input.page;
    let Some(t) = input.title_node else { return 0..0 };
    let start = page.parent(t).unwrap_or(t);
    let first_article = input.article_nodes.iter().copied().min();
    let end = match first_article {
        Some(a) if a > t => a,
        _ => page.end(start),
    };
    start..end.max(page.end(t))
}

/// An agency's name as the table writes it, for a folded name.
fn display_name(agency: &Agency, folded: &str) -> String {
    agency.names.iter().chain(std::iter::once(&agency.canonical)).find(|n| fold(n) == folded).cloned().unwrap_or_else(|| agency.canonical.clone())
}

/// The agency a free-text value names: exactly, by a name it ends with, or by its URL's host.
fn agency_in(value: &str) -> Option<Cited> {
    let table = agencies();
    let f = fold(value);
    let f = f.trim();
    if let Some(&i) = table.by_name.get(f) {
        return Some(Cited { agency: i, name: f.to_string() });
    }
    if let Some(host) = host_of(value) {
        let a = table.by_domain(&host)?;
        // Known by its address only: no name cited (the display falls back to the canonical name).
        return Some(Cited { agency: table.index_of(a), name: String::new() });
    }
    signals::name_hits(f)
        .into_iter()
        .filter(|h| h.1 == f.len() || h.0 == 0)
        .max_by_key(|h| h.1 - h.0)
        .map(|(_, _, agency, p)| Cited { agency, name: table.folded_names[p].clone() })
}

fn ev(evidence: &mut Vec<Evidence>, signal: &str, text: &str) {
    evidence.push(Evidence { signal: signal.to_string(), text: truncate(&collapse(text), 100) });
}

pub(crate) fn attribute(input: &Input) -> Source {
    let page = input.page;
    let table = agencies();
    let mut evidence = Vec::new();
    let article = input.article_blocks();
    let region = header_region(input);
    let clues = markup::clues(input.meta, input.url);
    let page_host = input.url.and_then(host_of);

    // Every agency the evidence names, strongest signal first.
    let mut origin: Vec<(u8, Cited)> = Vec::new();
    let mut story_date: Option<Date> = None;
    let mut story_day: Option<u8> = None;

    // 1. The dateline. The lede is the dateline's paragraph, else the first real paragraph.
    let mut lede = (0..article.len()).position(|k| article.text(k).chars().count() >= MIN_LEDE_CHARS).unwrap_or(0);
    for k in 0..article.len().min(LEAD_BLOCKS) {
        if let Some(d) = signals::dateline(prefix(article.text(k), DATELINE_REACH)) {
            lede = k;
            ev(&mut evidence, "dateline", &d.text);
            story_date = d.date;
            story_day = d.day;
            origin.push((1, d.cited));
            break;
        }
    }
    // JSON-LD may carry the dateline ("SEOUL, Nov. 23 (Yonhap)").
    for c in clues.iter().filter(|c| c.kind == ClueKind::Dateline) {
        if let Some(d) = signals::dateline(&c.value) {
            ev(&mut evidence, &c.signal, &c.value);
            origin.push((1, d.cited));
        }
    }
    // 2. The tail.
    for text in (0..article.len()).rev().take(TAIL_BLOCKS).map(|k| article.text(k)) {
        let tail_start = text.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
        let tail = if text.chars().count() <= 120 { text } else { &text[tail_start..] };
        if let Some((cited, shown)) = signals::tail(tail) {
            ev(&mut evidence, "tail", &shown);
            origin.push((2, cited));
            break;
        }
    }
    // 3. A copyright line at the end of the article or right after it.
    let after: Vec<&str> = match input.article_nodes.iter().map(|&a| page.end(a)).max() {
        Some(end) => {
            let body = page.find_tag("body").unwrap_or(0);
            let b = input.body_blocks(body);
            (0..b.len()).filter(|&k| b.node(k) >= end).take(AFTER_ARTICLE_BLOCKS).map(|k| b.text(k)).collect()
        }
        None => vec![],
    };
    for text in (0..article.len()).rev().take(TAIL_BLOCKS).map(|k| article.text(k)).chain(after.iter().copied()) {
        if let Some(cited) = signals::copyright(text) {
            ev(&mut evidence, "copyright", text);
            origin.push((3, cited));
            break;
        }
    }
    // 4. Markup pointing at the origin; JSON-LD copyright holder.
    let mut origin_elsewhere: Option<String> = None;
    for c in &clues {
        match c.kind {
            ClueKind::Origin => {
                ev(&mut evidence, &c.signal, &c.value);
                match agency_in(&c.value) {
                    Some(cited) => origin.push((4, cited)),
                    None => {
                        if origin_elsewhere.is_none() {
                            origin_elsewhere = Some(host_of(&c.value).unwrap_or_else(|| c.value.clone()));
                        }
                    }
                }
            }
            ClueKind::Copyright => {
                if let Some(cited) = agency_in(&c.value) {
                    ev(&mut evidence, &c.signal, &c.value);
                    origin.push((4, cited));
                }
            }
            _ => {}
        }
    }

    // 5. Credit lines and bylines near the headline: what the page credits.
    let mut credit: Option<(Cited, String)> = None;
    for i in region.clone() {
        if in_article(input, i) || skipped(input, i) {
            continue;
        }
        let text = match page.text(i) {
            Some(t) => t,
            None if page.tag(i) == "img" => page.attr(i, "alt").unwrap_or(""),
            None => continue,
        };
        if let Some(c) = signals::credit(text) {
            if !evidence.iter().any(|e| e.signal == "credit" && e.text == collapse(text)) {
                ev(&mut evidence, "credit", text);
            }
            // The fullest credit wins ("Associated Press" over a kicker "AP").
            if credit.as_ref().is_none_or(|(old, _)| c.name.chars().count() > old.name.chars().count()) {
                credit = Some((c, collapse(text)));
            }
        }
    }
    for c in &clues {
        if let ClueKind::Author { org } = c.kind {
            if let Some(cited) = agency_in(&c.value) {
                // "DANA WHITFIELD Associated Press" names an agency as employer.
                ev(&mut evidence, &c.signal, &c.value);
                origin.push((5, cited.clone()));
                if credit.is_none() && org {
                    credit = Some((cited, c.value.clone()));
                }
            }
        }
    }
    if let Some((c, _)) = &credit {
        origin.push((5, c.clone()));
    }

    // 6. Source labels: "来源：…", "Source: …", "引用元：…", and their meta forms.
    let claimed_label = source_label(input, &mut evidence);
    let claim_meta = clues.iter().find(|c| c.kind == ClueKind::Claim);
    if let Some(v) = &claimed_label {
        if let Some(c) = agency_in(v) {
            origin.push((6, c));
        }
    }
    for c in clues.iter().filter(|c| c.kind == ClueKind::Claim) {
        if let Some(cited) = agency_in(&c.value) {
            ev(&mut evidence, &c.signal, &c.value);
            origin.push((6, cited));
        }
    }

    // The site: og:site_name, else JSON-LD publisher, else the title's other part, else the host.
    let site = site_name(input, &clues, &mut evidence);
    let site_agency = site
        .as_deref()
        .and_then(|s| table.lookup(s))
        .or_else(|| page_host.as_deref().and_then(|h| table.by_domain(h)))
        .map(|a| table.index_of(a));

    // The decision: the strongest agency clue; its name as the page cites it (longest form).
    crate::sort::by_key(&mut origin, |(rank, _)| *rank as u64);
    let best = origin.first().map(|(_, c)| c.agency);
    let original = match best {
        Some(a) => {
            let longest = origin.iter().filter(|(_, c)| c.agency == a).map(|(_, c)| c.name.as_str()).max_by_key(|n| n.chars().count()).unwrap_or("");
            Some(display_name(&table.agencies[a], longest))
        }
        None => claimed_label
            .clone()
            .filter(|v| site.as_deref().is_none_or(|s| !same_name(v, s)))
            .or_else(|| claim_meta.map(|c| c.value.clone()).filter(|v| site.as_deref().is_none_or(|s| !same_name(v, s))))
            .or(origin_elsewhere.clone())
            .or_else(|| site.clone()),
    };
    let same_as_site = match (best, site_agency) {
        (Some(a), Some(s)) => a == s,
        _ => match (&original, &site) {
            (Some(o), Some(s)) => same_name(o, s),
            _ => false,
        },
    };
    let republisher = if same_as_site || original.is_none() { None } else { site.clone() };

    // What the page says its source is.
    let claimed_source = claimed_label
        .or_else(|| claim_meta.map(|c| cut(&c.value)))
        .or_else(|| credit.as_ref().map(|(c, _)| display_name(&table.agencies[c.agency], &c.name)))
        .or_else(|| clues.iter().find(|c| c.kind == ClueKind::Publisher).map(|c| c.value.clone()))
        .or_else(|| site.clone());

    // Dates.
    let page_date = page_date(input, region.clone(), &mut evidence);
    let lede: Vec<&str> = (lede..article.len()).take(LEAD_BLOCKS).map(|k| article.text(k)).collect();
    let story_date = decide_story_date(&lede, story_date, story_day, page_date, &mut evidence);

    Source {
        original,
        republisher,
        claimed_source,
        page_date: page_date.and_then(|d| d.iso()),
        story_date: story_date.and_then(|d| d.iso()),
        evidence,
    }
}

fn cut(v: &str) -> String {
    signals::cut_value(v)
}

/// Same outlet: equal after folding, or one name contains the other.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (crate::text::squash(a), crate::text::squash(b));
    !a.is_empty() && !b.is_empty() && (a == b || a.contains(&b) || b.contains(&a))
}

/// The first source label near the headline or in the article, read per text node so a
/// neighbouring span ("字号：大 中 小") never joins the value.
#[inline(never)]
fn source_label(input: &Input, evidence: &mut Vec<Evidence>) -> Option<String> {
    let page = input.page;
    let body = page.find_tag("body").unwrap_or(0);
    let start = input.title_node.unwrap_or(0);
    let mut found: Vec<(NodeId, String, String)> = Vec::new();
    let texts: Vec<NodeId> = page.subtree(body).filter(|&i| page.text(i).is_some() && !skipped(input, i)).collect();
    // Inside the article a label counts only in a lead or closing paragraph ("(Source: …)"
    // under a photo mid-story credits the photo).
    let article = input.article_blocks();
    let edge: Vec<NodeId> = (0..article.len()).take(LEAD_BLOCKS).chain((0..article.len()).rev().take(TAIL_BLOCKS)).map(|k| article.node(k)).collect();
    for (k, &i) in texts.iter().enumerate() {
        let block = input.stats.block_of[i as usize];
        let t = page.text(i).unwrap_or("");
        // A label is followed by a colon (full-width folds to ASCII): most text nodes can
        // be passed over without folding them.
        if !t.contains([':', '：']) || input.stats.total[block as usize].chars > MAX_LABEL_LINE_CHARS {
            continue;
        }
        if in_article(input, i) && !edge.contains(&block) {
            // …or when the label opens its own line ("引用元：共同通信" under a quoted story).
            let opens_line = k == 0 || input.stats.block_of[texts[k - 1] as usize] != block;
            if !(opens_line && attribution().source_label_ac.find(&fold(t)).is_some_and(|m| m.start() == 0)) {
                continue;
            }
        }
        let Some(mut value) = signals::label_value(t) else { continue };
        if value.is_empty() {
            // "引用元：<a>共同通信</a>": the value is the next text in the same block.
            if let Some(&n) = texts.get(k + 1).filter(|&&n| input.stats.block_of[n as usize] == block) {
                value = signals::cut_value(page.text(n).unwrap_or(""));
            }
        }
        if !value.is_empty() {
            found.push((i, value, collapse(&page.raw_text(block))));
        }
    }
    // Nearest to the headline first.
    crate::sort::by_key(&mut found, |(n, _, _)| crate::sort::nearest_after(*n, start));
    let (_, value, line) = found.into_iter().next()?;
    ev(evidence, "source_label", &line);
    Some(value)
}

/// The site's own name: og:site_name (or a site meta), else the `<title>` part that is
/// not the headline, else the JSON-LD publisher, else the host.
#[inline(never)]
fn site_name(input: &Input, clues: &[Clue], evidence: &mut Vec<Evidence>) -> Option<String> {
    if let Some(c) = clues.iter().find(|c| c.kind == ClueKind::Site) {
        ev(evidence, &c.signal, &c.value);
        return Some(c.value.clone());
    }
    if let Some(full) = input.meta.doc_title() {
        let parts = split_title(full);
        let parts: Vec<&str> = if parts.len() < 2 { full.rsplit_once(" : ").map(|(a, b)| vec![a, b]).unwrap_or(parts) } else { parts };
        if parts.len() >= 2 {
            let headline = input.title.map(fold).unwrap_or_default();
            if let Some(site) = parts.iter().rev().find(|p| {
                let f = fold(p);
                !headline.contains(&f) && !f.contains(&headline)
            }) {
                ev(evidence, "title_suffix", full);
                return Some(site.to_string());
            }
        }
    }
    if let Some(c) = clues.iter().find(|c| c.kind == ClueKind::Publisher) {
        ev(evidence, &c.signal, &c.value);
        return Some(c.value.clone());
    }
    let host = input.url.and_then(host_of)?;
    ev(evidence, "host", &host);
    Some(host)
}

#[inline(never)]
fn page_date(input: &Input, region: std::ops::Range<NodeId>, evidence: &mut Vec<Evidence>) -> Option<Date> {
    if let Some(m) = markup::page_date(input.meta, region.clone()) {
        ev(evidence, &m.signal, &m.text);
        return Some(m.date);
    }
    // A labelled date ("发表于 …", "입력 …") near the headline, then any dated line there.
    let lex = attribution();
    let body = input.page.find_tag("body").unwrap_or(0);
    let start = input.title_node.unwrap_or(0);
    let blocks = input.body_blocks(body);
    let mut lines: Vec<(NodeId, &str)> = (0..blocks.len())
        .filter(|&k| !in_article(input, blocks.node(k)) && input.stats.total[blocks.node(k) as usize].chars <= MAX_LABEL_LINE_CHARS)
        .map(|k| (blocks.node(k), blocks.text(k)))
        .collect();
    crate::sort::by_key(&mut lines, |(n, _)| crate::sort::nearest_after(*n, start));
    for (_, line) in &lines {
        let folded = fold(line);
        if let Some(m) = lex.date_label_ac.find(&folded) {
            let after: String = line.chars().skip(folded[..m.end()].chars().count()).collect();
            if let Some((d, _, _)) = find_dates(&after).into_iter().find(|(d, _, _)| d.year.is_some()) {
                ev(evidence, "date_label", line);
                return Some(d);
            }
        }
    }
    for (n, line) in &lines {
        if region.contains(n) {
            if let Some((d, _, _)) = find_dates(line).into_iter().find(|(d, _, _)| d.year.is_some()) {
                ev(evidence, "date_near_headline", line);
                return Some(d);
            }
        }
    }
    if let Some(d) = input.url.and_then(date_in_url) {
        ev(evidence, "url_date", input.url.unwrap_or(""));
        return Some(d);
    }
    None
}

/// The story's date: the dateline's, else a date written in the lede (the latest not after
/// the page's date), else a day ("4日", "27일") or weekday ("on Tuesday") in the lede
/// resolved against the page's date, else the page's own date.
#[inline(never)]
fn decide_story_date(
    lede: &[&str],
    dateline_date: Option<Date>,
    dateline_day: Option<u8>,
    page: Option<Date>,
    evidence: &mut Vec<Evidence>,
) -> Option<Date> {
    let not_after_page = |d: &Date| match (d.day_number(), page.and_then(|p| p.day_number())) {
        (Some(a), Some(b)) => a - b <= MAX_STORY_AFTER_PAGE_DAYS,
        _ => true,
    };
    if let Some(d) = dateline_date {
        return Some(match page {
            Some(p) => d.resolve_year(p),
            None => d,
        });
    }
    // The dates of each lede paragraph, found once.
    let dates: Vec<Vec<(Date, usize, usize)>> = lede.iter().take(LEAD_BLOCKS).map(|t| find_dates(t)).collect();
    if let Some(d) = dates.iter().flatten().map(|&(d, _, _)| d).filter(|d| d.year.is_some() && not_after_page(d)).max() {
        ev(evidence, "date_in_text", &d.iso().unwrap_or_default());
        return Some(d);
    }
    let p = page?;
    let first = lede.first().copied().unwrap_or("");
    if let Some(&(d, s, e)) = dates.first().and_then(|f| f.first()) {
        let d = d.resolve_year(p);
        ev(evidence, "date_in_text", &first[s..e]);
        return Some(d);
    }
    let day = dateline_day.or_else(|| find_days(first).first().map(|d| d.0));
    if let Some(d) = day.and_then(|day| p.last_day_of_month_number(day)) {
        ev(evidence, "day_in_text", &d.iso().unwrap_or_default());
        return Some(d);
    }
    if let Some(d) = find_weekdays(prefix(first, DATELINE_REACH * 2)).first().and_then(|w| p.last_weekday(w.0)) {
        ev(evidence, "weekday_in_text", &d.iso().unwrap_or_default());
        return Some(d);
    }
    ev(evidence, "story_date_is_page_date", &p.iso().unwrap_or_default());
    Some(p)
}
