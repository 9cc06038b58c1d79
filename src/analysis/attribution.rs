//! Who wrote the story: agency datelines and tails in the article text, source labels
//! ("来源：…"), page metadata, the title suffix and the host. Each clue becomes evidence;
//! the decision prefers what the story text says over what the page says about itself.

use super::dates::{date_in_url, find_dates, Date};
use super::stats::Stats;
use crate::analysis::article::{meta_content, split_title};
use crate::lexicon::{agencies, attribution, Agency};
use crate::page::{NodeId, Page};
use crate::plan::{Evidence, Hide, Source};
use crate::text::{collapse, fold, is_cjk, truncate};

// ---- tunables ----
/// How far into the first paragraphs a dateline may reach (characters).
pub const DATELINE_REACH: usize = 160;
/// How many leading paragraphs may hold the dateline or the story's date.
pub const LEAD_BLOCKS: usize = 3;
/// How many closing paragraphs may hold a tail such as "(Yonhap)".
pub const TAIL_BLOCKS: usize = 3;
/// Source labels are looked for in lines up to this long.
pub const MAX_LABEL_LINE_CHARS: u32 = 200;
/// Longest claimed-source value kept.
pub const MAX_CLAIM_CHARS: usize = 60;

pub struct Input<'a> {
    pub page: &'a Page,
    pub stats: &'a Stats,
    pub article_nodes: &'a [NodeId],
    pub title_node: Option<NodeId>,
    pub title: Option<&'a str>,
    pub hidden: &'a [Hide],
    pub url: Option<&'a str>,
}

/// Visible text blocks under `roots`, in order, with their text (nested blocks separate).
fn blocks(input: &Input, roots: &[NodeId]) -> Vec<(NodeId, String)> {
    let page = input.page;
    let stats = input.stats;
    let mut out: Vec<(NodeId, String)> = Vec::new();
    let mut index: std::collections::HashMap<NodeId, usize> = std::collections::HashMap::new();
    for &root in roots {
        for i in page.subtree(root) {
            let Some(t) = page.text(i) else { continue };
            let b = stats.block_of[i as usize];
            if stats.invisible[i as usize] || input.hidden.iter().any(|h| page.contains(h.node, i)) || in_caption(page, i) {
                continue;
            }
            match index.get(&b) {
                Some(&k) => out[k].1.push_str(t),
                None => {
                    index.insert(b, out.len());
                    out.push((b, t.to_string()));
                }
            }
        }
    }
    out.sort_by_key(|(n, _)| *n);
    out.into_iter().map(|(n, s)| (n, collapse(&s))).filter(|(_, s)| !s.is_empty()).collect()
}

fn in_caption(page: &Page, id: NodeId) -> bool {
    page.ancestors(id).any(|a| matches!(page.tag(a), "figcaption" | "figure"))
}

/// An agency named right before a closing bracket, e.g. "(Yonhap)", "(서울=연합뉴스)", "【ワシントン共同】".
fn bracketed_agency(text: &str) -> Option<(&'static Agency, String)> {
    let table = agencies();
    let folded = fold(text);
    for m in table.names_ac.find_iter(&folded) {
        let after = folded[m.end()..].chars().next();
        if !matches!(after, Some(')' | '）' | '】' | ']')) {
            continue;
        }
        let before = &folded[..m.start()];
        let Some(open) = before.rfind(['(', '（', '【', '[']) else { continue };
        let inside = &before[open..];
        if inside.contains([')', '）', '】', ']']) {
            continue;
        }
        // Inside the bracket only a city may precede the name ("서울=", "ワシントン").
        let prefix = inside.trim_start_matches(['(', '（', '【', '[']).trim();
        let ok = prefix.is_empty() || prefix.ends_with('=') || prefix.chars().all(|c| is_cjk(c) || c == '·');
        if ok {
            let agency = &table.agencies[table.name_owner[m.pattern().as_usize()]];
            let end = m.end() + after.map_or(0, char::len_utf8);
            return Some((agency, folded[open..end].to_string()));
        }
    }
    None
}

/// "新华社北京3月5日电": an agency name opening the paragraph, followed by "电" soon after.
fn cjk_dateline(text: &str) -> Option<(&'static Agency, String)> {
    let table = agencies();
    let folded = fold(text);
    let m = table.names_ac.find(&folded)?;
    if m.start() > 3 {
        return None;
    }
    let rest: String = folded[m.end()..].chars().take(16).collect();
    let dian = rest.find('电')?;
    let agency = &table.agencies[table.name_owner[m.pattern().as_usize()]];
    Some((agency, folded[m.start()..m.end() + dian + '电'.len_utf8()].to_string()))
}

fn prefix(s: &str, chars: usize) -> &str {
    match s.char_indices().nth(chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The value after a source label: "来源:淄博新闻网" → "淄博新闻网".
fn label_value(line: &str) -> Option<(String, String)> {
    let lex = attribution();
    let folded = fold(line);
    for m in lex.source_label_ac.find_iter(&folded) {
        let rest = &folded[m.end()..];
        let Some(rest) = rest.trim_start().strip_prefix([':', '：']) else { continue };
        // Map the folded offsets back onto the original line (folding keeps char counts).
        let skip = folded[..folded.len() - rest.len()].chars().count();
        let original: String = collapse(line).chars().skip(skip).collect();
        let original = original.trim();
        let first = original.chars().next()?;
        let value: String = if is_cjk(first) {
            original.chars().take_while(|c| !c.is_whitespace() && !matches!(c, '|' | '｜' | '/' | '，' | ',')).collect()
        } else {
            original.split(['|', '｜', '/']).next().unwrap_or("").trim().to_string()
        };
        let value = prefix(value.trim(), MAX_CLAIM_CHARS).to_string();
        if !value.is_empty() {
            return Some((value, truncate(&collapse(line), 80)));
        }
    }
    None
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.split('@').last()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The site's own name: og:site_name, else the `<title>` part that is not the headline,
/// else the host.
fn site_name(input: &Input, evidence: &mut Vec<Evidence>) -> Option<String> {
    let page = input.page;
    if let Some(s) = meta_content(page, "og:site_name") {
        evidence.push(Evidence { signal: "og:site_name".into(), text: truncate(&collapse(s), 80) });
        return Some(collapse(s));
    }
    if let Some(t) = page.find_tag("title") {
        let full = collapse(&page.raw_text(t));
        let parts = split_title(&full);
        if parts.len() >= 2 {
            let headline = input.title.map(fold).unwrap_or_default();
            if let Some(site) = parts.iter().rev().find(|p| {
                let f = fold(p);
                !headline.contains(&f) && !f.contains(&headline)
            }) {
                evidence.push(Evidence { signal: "title_suffix".into(), text: truncate(&full, 80) });
                return Some(site.to_string());
            }
        }
    }
    let host = input.url.and_then(host_of)?;
    evidence.push(Evidence { signal: "host".into(), text: host.clone() });
    Some(host.trim_start_matches("www.").to_string())
}

fn page_date(input: &Input, meta_lines: &[(NodeId, String)], evidence: &mut Vec<Evidence>) -> Option<Date> {
    let page = input.page;
    for key in ["article:published_time", "og:published_time", "datePublished", "pubdate", "date"] {
        if let Some(v) = meta_content(page, key) {
            if let Some((d, _, _)) = find_dates(v).into_iter().find(|(d, _, _)| d.year.is_some()) {
                evidence.push(Evidence { signal: format!("meta {key}"), text: truncate(v, 80) });
                return Some(d);
            }
        }
    }
    let lex = attribution();
    for (_, line) in meta_lines {
        let folded = fold(line);
        if let Some(m) = lex.date_label_ac.find(&folded) {
            let after: String = line.chars().skip(folded[..m.end()].chars().count()).collect();
            if let Some((d, _, _)) = find_dates(&after).into_iter().find(|(d, _, _)| d.year.is_some()) {
                evidence.push(Evidence { signal: "date_label".into(), text: truncate(line, 80) });
                return Some(d);
            }
        }
    }
    if let Some(d) = input.url.and_then(date_in_url) {
        evidence.push(Evidence { signal: "url_date".into(), text: truncate(input.url.unwrap_or(""), 80) });
        return Some(d);
    }
    None
}

pub fn attribute(input: &Input) -> Source {
    let page = input.page;
    let mut evidence = Vec::new();
    let article = blocks(input, input.article_nodes);

    // Lines that are not the article: bylines, source and date lines near the headline.
    let body = page.find_tag("body").unwrap_or(0);
    let meta_lines: Vec<(NodeId, String)> = {
        let all = blocks(input, &[body]);
        let start = input.title_node.unwrap_or(0);
        let mut lines: Vec<(NodeId, String)> = all
            .into_iter()
            .filter(|(n, _)| !input.article_nodes.iter().any(|&a| page.contains(a, *n)))
            .filter(|(n, _)| input.stats.total[*n as usize].chars <= MAX_LABEL_LINE_CHARS)
            .collect();
        // Nearest to the headline first.
        lines.sort_by_key(|(n, _)| if *n >= start { (0, *n - start) } else { (1, start - *n) });
        lines
    };

    // The story's own words: dateline first, then tail.
    let mut origin: Option<&'static Agency> = None;
    let mut story_date: Option<Date> = None;
    for (_, text) in article.iter().take(LEAD_BLOCKS) {
        let head = prefix(text, DATELINE_REACH);
        if let Some((agency, cited)) = bracketed_agency(head).or_else(|| cjk_dateline(head)) {
            evidence.push(Evidence { signal: "dateline".into(), text: truncate(head, 80) });
            let _ = cited;
            origin = Some(agency);
            story_date = find_dates(head).into_iter().next().map(|(d, _, _)| d);
            break;
        }
    }
    for (_, text) in article.iter().rev().take(TAIL_BLOCKS) {
        let tail_start = text.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
        let tail = text[tail_start..].trim_end();
        if let Some((agency, cited)) = bracketed_agency(tail) {
            if tail.ends_with([')', '）', '】', ']']) || tail.ends_with("(END)") {
                evidence.push(Evidence { signal: "tail".into(), text: cited.clone() });
                origin.get_or_insert(agency);
                break;
            }
        }
    }

    let mut claimed = None;
    for (_, line) in meta_lines.iter().chain(article.iter()) {
        if let Some((value, shown)) = label_value(line) {
            evidence.push(Evidence { signal: "source_label".into(), text: shown });
            claimed = Some(value);
            break;
        }
    }

    let page_date = page_date(input, &meta_lines, &mut evidence);
    if story_date.is_none() {
        // Full dates in the lede, the latest one not after the page's own date.
        story_date = article
            .iter()
            .take(LEAD_BLOCKS)
            .flat_map(|(_, t)| find_dates(t))
            .map(|(d, _, _)| d)
            .filter(|d| d.year.is_some() && page_date.is_none_or(|p| *d <= p))
            .max();
        if let Some(d) = story_date {
            evidence.push(Evidence { signal: "date_in_text".into(), text: d.iso().unwrap_or_default() });
        }
    }
    if let (Some(d), Some(p)) = (story_date, page_date) {
        story_date = Some(d.resolve_year(p));
    }

    let site = site_name(input, &mut evidence);
    let site_agency = site.as_deref().and_then(|s| agencies().lookup(s)).or_else(|| input.url.and_then(host_of).and_then(|h| agencies().by_domain(&h)));
    let original = match origin {
        Some(a) => Some(a.canonical.clone()),
        None => claimed.clone().or_else(|| site.clone()),
    };
    let same_as_site = match (origin, site_agency) {
        (Some(a), Some(s)) => std::ptr::eq(a, s),
        (None, _) => original.as_deref().map(fold) == site.as_deref().map(fold),
        _ => false,
    };
    let republisher = if same_as_site || original.is_none() { None } else { site };

    Source {
        original,
        republisher,
        claimed_source: claimed,
        page_date: page_date.and_then(|d| d.iso()),
        story_date: story_date.and_then(|d| d.iso()),
        evidence,
    }
}
