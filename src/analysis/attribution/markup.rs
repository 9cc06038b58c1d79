//! Clues in the page's markup: `<meta>`, `<link rel=canonical>`, JSON-LD, as the page's
//! [`Meta`] holds them. Markup is what the page says about itself; the decision weighs it
//! below the story's own words.

use crate::analysis::dates::{find_dates, Date};
use crate::analysis::meta::json::JsonDoc;
use crate::analysis::meta::Meta;
use crate::page::NodeId;
use crate::text::{collapse, truncate};

// ---- tunables ----
/// `<meta>` keys whose value names the story's origin (a name or a URL on another host).
const ORIGIN_META: &[&str] = &["original-source", "syndication-source", "dc.source", "citation_publisher"];
/// `<meta>` keys naming who supplied the article (portals, TRS/CMS templates).
const CLAIM_META: &[&str] = &["contentsource", "source", "article:media_name", "og:article:author", "media_name", "cp_name"];
/// `<meta>` keys naming the author.
const AUTHOR_META: &[&str] = &["author", "article:author", "byl", "dc.creator", "sailthru.author"];
/// `<meta>` keys naming the site.
/// In this order (`application-name` is left out: sites put the headline there).
const SITE_META: &[&str] = &["og:site_name", "sitename", "al:android:app_name", "al:ios:app_name"];
/// `<meta>` keys dating the page.
const DATE_META: &[&str] = &[
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "date",
    "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date", "publish-date", "article.published",
];
/// JSON-LD types that describe the page's article.
const ARTICLE_TYPES: &[&str] = &["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report", "WebPage"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ClueKind {
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

/// One clue: its kind, the signal that gave it ("meta author", "JSON-LD publisher") and
/// its value, collapsed and shortened.
#[derive(Clone, Debug)]
pub(super) struct Clue {
    pub kind: ClueKind,
    pub signal: String,
    pub value: String,
}

/// The host of a URL, lower case and without `www.`; `None` for what is no URL.
pub(super) fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.split('@').next_back()?.split(':').next()?;
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase().trim_start_matches("www.").to_string())
}

/// Both hosts name the same site (one is the other or a subdomain of it).
fn same_site(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_start_matches("www."), b.trim_start_matches("www."));
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}

fn clue(kind: ClueKind, signal: impl Into<String>, value: &str) -> Clue {
    Clue { kind, signal: signal.into(), value: truncate(&collapse(value), 120) }
}

/// Whether a value (a URL, or a name) points away from the page's own site.
struct Elsewhere {
    page_host: Option<String>,
}

impl Elsewhere {
    /// A URL on another site than the page's (any URL when the page's is unknown), or a
    /// name, which names no site.
    fn test(&self, v: &str) -> bool {
        match (host_of(v), &self.page_host) {
            (Some(h), Some(p)) => !same_site(&h, p),
            (Some(_), None) => true,
            (None, _) => true,
        }
    }
}

/// Every markup clue: `<meta>` tags, a canonical link on another site, JSON-LD.
#[inline(never)]
pub(super) fn clues(meta: &Meta, url: Option<&str>) -> Vec<Clue> {
    let mut out = Vec::new();
    let elsewhere = Elsewhere { page_host: url.and_then(host_of) };
    for (k, v) in meta.values(ORIGIN_META) {
        if elsewhere.test(v) {
            out.push(clue(ClueKind::Origin, format!("meta {k}"), v));
        }
    }
    canonical_clues(meta, &elsewhere, &mut out);
    for (k, v) in meta.values(CLAIM_META) {
        out.push(clue(ClueKind::Claim, format!("meta {k}"), v));
    }
    for (k, v) in meta.values(AUTHOR_META) {
        if host_of(v).is_none() {
            out.push(clue(ClueKind::Author { org: false }, format!("meta {k}"), v));
        }
    }
    for key in SITE_META {
        for (k, v) in meta.values(std::slice::from_ref(key)) {
            out.push(clue(ClueKind::Site, format!("meta {k}"), v));
        }
    }
    for doc in meta.json_ld() {
        for obj in doc.objects().filter(|&obj| describes_article(doc, obj)) {
            ld_clues(doc, obj, &elsewhere, &mut out);
        }
    }
    out
}

/// A `<link rel=canonical>` on another site than the page's (known) one.
fn canonical_clues(meta: &Meta, elsewhere: &Elsewhere, out: &mut Vec<Clue>) {
    let page = meta.page();
    for &i in meta.links() {
        let rel = page.attr(i, "rel").unwrap_or("").to_ascii_lowercase();
        if rel.split_whitespace().any(|r| r == "canonical") {
            if let (Some(href), Some(_)) = (page.attr(i, "href"), &elsewhere.page_host) {
                if host_of(href).is_some() && elsewhere.test(href) {
                    out.push(clue(ClueKind::Origin, "canonical elsewhere", href));
                }
            }
        }
    }
}

/// The JSON-LD object is of one of `ARTICLE_TYPES`.
fn describes_article(doc: &JsonDoc, obj: u32) -> bool {
    doc.types(obj).iter().any(|t| ARTICLE_TYPES.contains(t))
}

/// The names under `key` of a JSON-LD object, each with whether it is an organisation.
fn ld_names(doc: &JsonDoc, obj: u32, key: &str) -> Vec<(String, bool)> {
    let Some(v) = doc.get(obj, key) else { return vec![] };
    doc.items(v)
        .into_iter()
        .filter_map(|it| {
            let org = doc.types(it).iter().any(|t| t.contains("Organization"));
            doc.name(it).map(|n| (n.to_string(), org))
        })
        .collect()
}

/// The clues of one JSON-LD object describing the article.
fn ld_clues(doc: &JsonDoc, obj: u32, elsewhere: &Elsewhere, out: &mut Vec<Clue>) {
    for (n, org) in ld_names(doc, obj, "author") {
        out.push(clue(ClueKind::Author { org }, "JSON-LD author", &n));
    }
    for (n, _) in ld_names(doc, obj, "publisher") {
        out.push(clue(ClueKind::Publisher, "JSON-LD publisher", &n));
    }
    for (n, _) in ld_names(doc, obj, "sourceOrganization") {
        out.push(clue(ClueKind::Origin, "JSON-LD sourceOrganization", &n));
    }
    for (n, _) in ld_names(doc, obj, "copyrightHolder") {
        out.push(clue(ClueKind::Copyright, "JSON-LD copyrightHolder", &n));
    }
    if let Some(v) = doc.get(obj, "isBasedOn").or_else(|| doc.get(obj, "isBasedOnUrl")) {
        for it in doc.items(v) {
            // The source's publisher, its name, or its URL.
            let publisher = doc.get(it, "publisher").and_then(|p| doc.name(p));
            let url = doc.get(it, "url").and_then(|u| doc.str(u)).or_else(|| doc.str(it));
            if let Some(p) = publisher {
                out.push(clue(ClueKind::Origin, "JSON-LD isBasedOn publisher", p));
            } else if let Some(u) = url.filter(|u| elsewhere.test(u)) {
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

/// The page's date as markup gives it, with the signal and the text it was read from.
pub(super) struct MarkupDate {
    pub date: Date,
    pub signal: String,
    pub text: String,
}

/// The page's date from markup: date metas, JSON-LD datePublished, then `<time datetime>`
/// or `title`-dated elements inside `region`.
pub(super) fn page_date(meta: &Meta, region: std::ops::Range<NodeId>) -> Option<MarkupDate> {
    let full = |v: &str| find_dates(v).into_iter().map(|(d, _, _)| d).find(|d| d.year.is_some());
    for key in DATE_META {
        for (k, v) in meta.values(std::slice::from_ref(key)) {
            if let Some(date) = full(v) {
                return Some(MarkupDate { date, signal: format!("meta {k}"), text: truncate(v, 80) });
            }
        }
    }
    for doc in meta.json_ld() {
        for obj in doc.objects().filter(|&obj| describes_article(doc, obj)) {
            for key in ["datePublished", "dateCreated"] {
                if let Some((date, v)) = doc.get(obj, key).and_then(|v| doc.str(v)).and_then(|v| full(v).map(|d| (d, v))) {
                    return Some(MarkupDate { date, signal: format!("JSON-LD {key}"), text: v.to_string() });
                }
            }
        }
    }
    let page = meta.page();
    for i in region {
        if !page.is_element(i) {
            continue;
        }
        let v = page.attr(i, "datetime").or_else(|| match page.tag(i) {
            "abbr" | "span" | "time" => page.attr(i, "title"),
            _ => None,
        });
        if let Some(date) = v.and_then(full) {
            return Some(MarkupDate { date, signal: format!("<{}> date", page.tag(i)), text: truncate(v.unwrap_or(""), 80) });
        }
    }
    None
}
