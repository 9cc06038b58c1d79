//! Main-article detection: paragraph scores flow up to their containers (the Readability
//! idea, CJK-aware), link-heavy containers are damped, and the best container is
//! widened to an ancestor when several strong candidates share it.

use super::stats::Stats;
use crate::page::{NodeId, Page};
use crate::text::{collapse, fold, TextCounts};

// ---- tunables ----
/// A block needs this much text (Latin-equivalent chars) to count as a paragraph.
pub const MIN_PARAGRAPH_WEIGHT: u32 = 25;
/// Score levels a paragraph passes up to its ancestors.
pub const SCORE_LEVELS: usize = 5;
/// Paragraphs longer than this count towards "is this page an article".
pub const READERABLE_MIN_PARAGRAPH: u32 = 140;
/// Sum of sqrt(len - READERABLE_MIN_PARAGRAPH) a page needs to be an article.
pub const READERABLE_MIN_SCORE: f32 = 20.0;
/// The article container needs at least this much text.
pub const MIN_ARTICLE_WEIGHT: u32 = 400;
/// ... and at most this link density.
pub const MAX_ARTICLE_LINK_DENSITY: f32 = 0.35;
/// Candidates within this share of the top score count as "also strong".
pub const STRONG_CANDIDATE_SHARE: f32 = 0.75;
/// Siblings scoring at least this share of the top score join the article.
pub const SIBLING_SCORE_SHARE: f32 = 0.2;
/// A paragraph that is a direct block with inline text scores itself; these tags pass
/// their score to their parent instead (they are parts of a body, not bodies).
const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "blockquote", "li", "dd", "dt", "h2", "h3", "h4", "h5", "h6", "figcaption"];
/// Class/id fragments that suggest an article body.
const POSITIVE_HINTS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "text", "story", "blog", "detail", "zhengwen", "neirong",
];
/// Class/id fragments that suggest anything else.
const NEGATIVE_HINTS: &[&str] = &[
    "comment", "footer", "foot", "sidebar", "side", "widget", "related", "recommend", "share", "social", "promo",
    "sponsor", "banner", "advert", "-ad-", "nav", "menu", "masthead", "header", "rank", "hot", "friend", "link",
    "tag", "tool", "meta", "popup", "modal", "cookie", "subscribe", "newsletter",
];
const CLASS_WEIGHT: f32 = 25.0;

pub struct Article {
    pub is_article: bool,
    pub root: Option<NodeId>,
    pub nodes: Vec<NodeId>,
    pub title: Option<String>,
    pub title_node: Option<NodeId>,
}

fn tag_bonus(tag: &str) -> f32 {
    match tag {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Positive or negative hint from class, id, role and itemprop.
pub fn class_weight(page: &Page, id: NodeId) -> f32 {
    let mut w = 0.0;
    if page.attr(id, "itemprop").is_some_and(|v| v.contains("articleBody")) {
        w += CLASS_WEIGHT * 2.0;
    }
    if page.attr(id, "role").is_some_and(|v| v == "main" || v == "article") {
        w += CLASS_WEIGHT;
    }
    let names = page.class_and_id(id).to_ascii_lowercase();
    if names.is_empty() {
        return w;
    }
    if POSITIVE_HINTS.iter().any(|h| names.contains(h)) {
        w += CLASS_WEIGHT;
    }
    if NEGATIVE_HINTS.iter().any(|h| names.contains(h)) {
        w -= CLASS_WEIGHT;
    }
    w
}

fn paragraph_score(c: &TextCounts) -> f32 {
    1.0 + c.commas as f32 + (c.weight() as f32 / 100.0).min(3.0)
}

pub fn detect(page: &Page, stats: &Stats) -> Article {
    let n = page.len();
    let mut score: Vec<f32> = vec![0.0; n];
    let mut touched: Vec<bool> = vec![false; n];
    let mut candidates: Vec<NodeId> = Vec::new();
    let mut readerable = 0.0f32;

    for i in 0..n as NodeId {
        let iu = i as usize;
        if !page.is_element(i) || stats.invisible[iu] || stats.block_of[iu] != i {
            continue;
        }
        let inline = &stats.inline[iu];
        let weight = inline.weight();
        if weight < MIN_PARAGRAPH_WEIGHT {
            continue;
        }
        if stats.inline_link_chars[iu] as f32 > 0.5 * inline.chars as f32 {
            continue;
        }
        if weight >= READERABLE_MIN_PARAGRAPH && class_weight(page, i) >= 0.0 {
            readerable += ((weight - READERABLE_MIN_PARAGRAPH) as f32).sqrt();
        }
        let s = paragraph_score(inline);
        let tag = page.tag(i);
        let first = if PARAGRAPH_TAGS.contains(&tag) { page.parent(i) } else { Some(i) };
        let mut level = 0usize;
        let mut cur = first;
        while let Some(c) = cur {
            if level >= SCORE_LEVELS || matches!(page.tag(c), "body" | "html") {
                break;
            }
            let cu = c as usize;
            if !touched[cu] {
                touched[cu] = true;
                score[cu] = tag_bonus(page.tag(c)) + class_weight(page, c);
                candidates.push(c);
            }
            score[cu] += match level {
                0 => s,
                1 => s / 2.0,
                l => s / (l as f32 * 3.0),
            };
            level += 1;
            cur = page.parent(c);
        }
    }

    let final_score = |c: NodeId| score[c as usize] * (1.0 - stats.link_density(c));
    let mut ranked: Vec<(NodeId, f32)> = candidates.iter().map(|&c| (c, final_score(c))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

    let title_node = find_title_node(page, stats);
    let Some(&(top, top_score)) = ranked.first() else {
        return Article { is_article: false, root: None, nodes: vec![], title: None, title_node: None };
    };

    // Widen to the ancestor shared by several strong candidates (split bodies).
    let strong: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(5)
        .filter(|(c, s)| *s >= STRONG_CANDIDATE_SHARE * top_score && !page.contains(top, *c) && !page.contains(*c, top))
        .map(|(c, _)| *c)
        .collect();
    let mut root = top;
    if strong.len() >= 2 {
        for a in page.ancestors(top) {
            if matches!(page.tag(a), "body" | "html") {
                break;
            }
            if strong.iter().filter(|&&c| page.contains(a, c)).count() >= 2 {
                root = a;
                break;
            }
        }
    }
    // A lone child says nothing its parent doesn't.
    while let Some(p) = page.parent(root) {
        if matches!(page.tag(p), "body" | "html") || page.children(p).count() != 1 {
            break;
        }
        root = p;
    }

    // Merge siblings that belong to the story.
    let mut nodes = vec![root];
    if let Some(parent) = page.parent(root) {
        let threshold = (top_score * SIBLING_SCORE_SHARE).max(10.0);
        for sib in page.children(parent) {
            if sib == root || !page.is_element(sib) || stats.invisible[sib as usize] {
                continue;
            }
            if title_node.is_some_and(|t| page.contains(sib, t)) {
                continue;
            }
            let ld = stats.link_density(sib);
            let w = stats.weight(sib);
            let text_ok = page.tag(sib) == "p" && ((w >= 80 && ld < 0.25) || (w > 0 && ld == 0.0 && ends_sentence(&page.raw_text(sib))));
            if (touched[sib as usize] && final_score(sib) >= threshold) || text_ok {
                nodes.push(sib);
            }
        }
        nodes.sort_unstable();
    }

    let weight: u32 = nodes.iter().map(|&n| stats.weight(n)).sum();
    let link: u32 = nodes.iter().map(|&n| stats.link_chars[n as usize]).sum();
    let chars: u32 = nodes.iter().map(|&n| stats.total[n as usize].chars).sum();
    let density = if chars == 0 { 1.0 } else { link as f32 / chars as f32 };
    let is_article = readerable >= READERABLE_MIN_SCORE && weight >= MIN_ARTICLE_WEIGHT && density <= MAX_ARTICLE_LINK_DENSITY;
    if !is_article {
        return Article { is_article: false, root: None, nodes: vec![], title: None, title_node: None };
    }
    let title = title_node.map(|t| collapse(&page.raw_text(t))).or_else(|| meta_title(page));
    Article { is_article, root: Some(root), nodes, title, title_node }
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '。', '!', '?', '！', '？', '"', '”', ')', '）'])
}

/// `<meta property=og:title>` or the `<title>` without its site suffix.
pub fn meta_title(page: &Page) -> Option<String> {
    if let Some(t) = meta_content(page, "og:title") {
        return Some(collapse(t));
    }
    let t = page.find_tag("title").map(|t| collapse(&page.raw_text(t)))?;
    let best = split_title(&t).into_iter().max_by_key(|p| p.chars().count())?;
    Some(best.to_string())
}

/// Parts of a `<title>` split on the separators sites put before their name.
pub fn split_title(t: &str) -> Vec<&str> {
    t.split(['_', '|', '–', '—', '｜', '·'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Content of `<meta property|name=KEY>` (first match).
pub fn meta_content<'a>(page: &'a Page, key: &str) -> Option<&'a str> {
    (0..page.len() as NodeId).filter(|&i| page.tag(i) == "meta").find_map(|i| {
        let k = page.attr(i, "property").or_else(|| page.attr(i, "name"))?;
        if k.eq_ignore_ascii_case(key) {
            page.attr(i, "content").filter(|c| !c.trim().is_empty())
        } else {
            None
        }
    })
}

/// The headline: the h1/h2 whose text the `<title>` or og:title contains; else the only h1.
fn find_title_node(page: &Page, stats: &Stats) -> Option<NodeId> {
    let doc_title = page.find_tag("title").map(|t| fold(&page.raw_text(t))).unwrap_or_default();
    let og = meta_content(page, "og:title").map(fold).unwrap_or_default();
    let mut h1s = Vec::new();
    for i in 0..page.len() as NodeId {
        let tag = page.tag(i);
        if !matches!(tag, "h1" | "h2") || stats.invisible[i as usize] {
            continue;
        }
        let text = fold(&page.raw_text(i));
        if text.chars().count() < 4 {
            continue;
        }
        if (!doc_title.is_empty() && doc_title.contains(&text)) || (!og.is_empty() && (og.contains(&text) || text.contains(&og))) {
            return Some(i);
        }
        if tag == "h1" {
            h1s.push(i);
        }
    }
    (h1s.len() == 1).then(|| h1s[0])
}
