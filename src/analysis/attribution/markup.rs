//! Clues in the page's markup: `<meta>`, `<link rel=canonical>`, JSON-LD (read with the
//! small scanner in `json.rs`). Markup is what the page says about itself; the decision in
//! `mod.rs` weighs it below the story's own words.

use super::json::{self, JsonDoc};
use crate::analysis::dates::{find_dates, Date};
use crate::page::{NodeId, Page};
use crate::text::{collapse, truncate};

// ---- tunables ----
/// `<meta>` keys whose value names the story's origin (a name or a URL on another host).
pub const ORIGIN_META: &[&str] = &["original-source", "syndication-source", "dc.source", "citation_publisher"];
/// `<meta>` keys naming who supplied the article (portals, TRS/CMS templates).
pub const CLAIM_META: &[&str] = &["contentsource", "source", "article:media_name", "og:article:author", "media_name", "cp_name"];
/// `<meta>` keys naming the author.
pub const AUTHOR_META: &[&str] = &["author", "article:author", "byl", "dc.creator", "sailthru.author"];
/// `<meta>` keys naming the site.
/// In this order (`application-name` is left out: sites put the headline there).
pub const SITE_META: &[&str] = &["og:site_name", "sitename", "al:android:app_name", "al:ios:app_name"];
/// `<meta>` keys dating the page.
pub const DATE_META: &[&str] = &[
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "date",
    "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date", "publish-date", "article.published",
];
/// JSON-LD types that describe the page's article.
pub const ARTICLE_TYPES: &[&str] = &["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report", "WebPage"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClueKind {
    /// Points at where the story comes from (isBasedOn, sourceOrganization, syndication meta,
    /// canonical on another host).
    Origin,
    /// The page's own statement of its source (ContentSource meta, media name).
    Claim,
    /// An author; `org` tells whether it is an organisation.
    Author { org: bool },
    /// The publisher named in JSON-LD.
    Publisher,
    /// The site's own name.
    Site,
    /// A dateline written in JSON-LD.
    Dateline,
    /// Copyright holder.
    Copyright,
}

#[derive(Clone, Debug)]
pub struct Clue {
    pub kind: ClueKind,
    pub signal: String,
    pub value: String,
}

pub fn meta_values<'a>(page: &'a Page, keys: &'a [&str]) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    meta_values_of(page, tagged(page, "meta"), keys)
}

/// `meta_values` over the page's `<meta>` elements, listed once (`tagged`) for several
/// lookups.
fn meta_values_of<'a>(page: &'a Page, metas: Vec<NodeId>, keys: &'a [&str]) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    metas.into_iter().filter_map(move |i| {
        let k = page.attr(i, "property").or_else(|| page.attr(i, "name")).or_else(|| page.attr(i, "itemprop"))?;
        let key = keys.iter().find(|key| k.eq_ignore_ascii_case(key))?;
        let v = page.attr(i, "content")?.trim();
        (!v.is_empty()).then_some((*key, v))
    })
}

/// The elements with tag `name`, in document order: one pass comparing interned tag
/// numbers (the page stores each distinct tag name once).
pub fn tagged(page: &Page, name: &str) -> Vec<NodeId> {
    let Some(tag) = page.tags.iter().position(|t| &**t == name) else { return Vec::new() };
    (0..page.len() as NodeId)
        .filter(|&i| matches!(page.node(i).data, crate::page::NodeData::Element { tag: t, .. } if t as usize == tag))
        .collect()
}

pub fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.split('@').last()?.split(':').next()?;
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase().trim_start_matches("www.").to_string())
}

/// Both hosts name the same site (one is the other or a subdomain of it).
pub fn same_site(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_start_matches("www."), b.trim_start_matches("www."));
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}

fn clue(kind: ClueKind, signal: impl Into<String>, value: &str) -> Clue {
    Clue { kind, signal: signal.into(), value: truncate(&collapse(value), 120) }
}

/// The JSON-LD documents of the page.
fn json_ld(page: &Page) -> Vec<JsonDoc> {
    tagged(page, "script")
        .into_iter()
        .filter(|&i| page.attr(i, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")))
        .map(|i| json::parse(&page.raw_text(i)))
        .collect()
}

/// Every markup clue, and the page's own date from markup (with its evidence).
#[inline(never)]
pub fn clues(page: &Page, url: Option<&str>) -> Vec<Clue> {
    let mut out = Vec::new();
    let page_host = url.and_then(host_of);
    let elsewhere = |v: &str| match (host_of(v), &page_host) {
        (Some(h), Some(p)) => !same_site(&h, p),
        (Some(_), None) => true,
        (None, _) => true, // a name, not a URL
    };
    let metas = tagged(page, "meta");
    for (k, v) in meta_values_of(page, metas.clone(), ORIGIN_META) {
        if elsewhere(v) {
            out.push(clue(ClueKind::Origin, format!("meta {k}"), v));
        }
    }
    for i in tagged(page, "link") {
        let rel = page.attr(i, "rel").unwrap_or("").to_ascii_lowercase();
        if rel.split_whitespace().any(|r| r == "canonical") {
            if let (Some(href), Some(_)) = (page.attr(i, "href"), &page_host) {
                if host_of(href).is_some() && elsewhere(href) {
                    out.push(clue(ClueKind::Origin, "canonical elsewhere", href));
                }
            }
        }
    }
    for (k, v) in meta_values_of(page, metas.clone(), CLAIM_META) {
        out.push(clue(ClueKind::Claim, format!("meta {k}"), v));
    }
    for (k, v) in meta_values_of(page, metas.clone(), AUTHOR_META) {
        if host_of(v).is_none() {
            out.push(clue(ClueKind::Author { org: false }, format!("meta {k}"), v));
        }
    }
    for key in SITE_META {
        for (k, v) in meta_values_of(page, metas.clone(), std::slice::from_ref(key)) {
            out.push(clue(ClueKind::Site, format!("meta {k}"), v));
        }
    }
    for doc in json_ld(page) {
        for obj in doc.objects() {
            let types = doc.types(obj);
            if !types.iter().any(|t| ARTICLE_TYPES.contains(t)) {
                continue;
            }
            let names = |key: &str| -> Vec<(String, bool)> {
                let Some(v) = doc.get(obj, key) else { return vec![] };
                doc.items(v)
                    .into_iter()
                    .filter_map(|it| {
                        let org = doc.types(it).iter().any(|t| t.contains("Organization"));
                        doc.name(it).map(|n| (n.to_string(), org))
                    })
                    .collect()
            };
            for (n, org) in names("author") {
                out.push(clue(ClueKind::Author { org }, "JSON-LD author", &n));
            }
            for (n, _) in names("publisher") {
                out.push(clue(ClueKind::Publisher, "JSON-LD publisher", &n));
            }
            for (n, _) in names("sourceOrganization") {
                out.push(clue(ClueKind::Origin, "JSON-LD sourceOrganization", &n));
            }
            for (n, _) in names("copyrightHolder") {
                out.push(clue(ClueKind::Copyright, "JSON-LD copyrightHolder", &n));
            }
            if let Some(v) = doc.get(obj, "isBasedOn").or_else(|| doc.get(obj, "isBasedOnUrl")) {
                for it in doc.items(v) {
                    // The source's publisher, its name, or its URL.
                    let publisher = doc.get(it, "publisher").and_then(|p| doc.name(p));
                    let url = doc.get(it, "url").and_then(|u| doc.str(u)).or_else(|| doc.str(it));
                    if let Some(p) = publisher {
                        out.push(clue(ClueKind::Origin, "JSON-LD isBasedOn publisher", p));
                    } else if let Some(u) = url.filter(|u| elsewhere(u)) {
                        out.push(clue(ClueKind::Origin, "JSON-LD isBasedOn", u));
                    } else if let Some(n) = doc.name(it) {
                        out.push(clue(ClueKind::Origin, "JSON-LD isBasedOn", n));
                    }
                }
            }
            if let Some(d) = doc.get(obj, "dateline").and_then(|d| doc.str(d)) {
                out.push(clue(ClueKind::Dateline, "JSON-LD dateline", d));
            }
        }
    }
    out
}

/// The page's date from markup: date metas, JSON-LD datePublished, then `<time datetime>`
/// or `title`-dated elements inside `region`.
pub fn page_date(page: &Page, region: std::ops::Range<NodeId>) -> Option<(Date, String, String)> {
    let full = |v: &str| find_dates(v).into_iter().map(|(d, _, _)| d).find(|d| d.year.is_some());
    let metas = tagged(page, "meta");
    for key in DATE_META {
        for (k, v) in meta_values_of(page, metas.clone(), std::slice::from_ref(key)) {
            if let Some(d) = full(v) {
                return Some((d, format!("meta {k}"), truncate(v, 80)));
            }
        }
    }
    for doc in json_ld(page) {
        for obj in doc.objects() {
            if !doc.types(obj).iter().any(|t| ARTICLE_TYPES.contains(t)) {
                continue;
            }
            for key in ["datePublished", "dateCreated"] {
                if let Some(d) = doc.get(obj, key).and_then(|v| doc.str(v)).and_then(|v| full(v).map(|d| (d, v))) {
                    return Some((d.0, format!("JSON-LD {key}"), d.1.to_string()));
                }
            }
        }
    }
    for i in region {
        if !page.is_element(i) {
            continue;
        }
        let v = page.attr(i, "datetime").or_else(|| match page.tag(i) {
            "abbr" | "span" | "time" => page.attr(i, "title"),
            _ => None,
        });
        if let Some(d) = v.and_then(full) {
            return Some((d, format!("<{}> date", page.tag(i)), truncate(v.unwrap_or(""), 80)));
        }
    }
    None
}
