//! What the page says about itself: its `<meta>` and `<link>` tags, its JSON-LD (read by
//! the tolerant scanner in `json`), its `<title>`, and what `declared` reads from them for
//! article detection. [`Meta`] is built once per page in `analyze` and handed to every
//! pass that asks, so no pass lists these tags or parses the JSON-LD again.

mod declared;
pub(crate) mod json;
#[cfg(test)]
mod tests;

use crate::page::{NodeData, NodeId, Page};
use crate::text::collapse;
use json::JsonDoc;
use std::cell::OnceCell;

/// Parts of a `<title>` split on the separators sites put before or after their name
/// (`_ | – — ｜ ·` and ` - `), trimmed, empty parts dropped.
pub(crate) fn split_title(t: &str) -> Vec<&str> {
    t.split(['_', '|', '–', '—', '｜', '·'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The page's statements about itself. The tag lists, the `<title>` and what article
/// detection reads on every page (a declared article, the `articleBody`) are read when
/// the value is built; the JSON-LD is parsed on the first question, so a page that is no
/// article never pays for what only attribution reads.
pub(crate) struct Meta<'a> {
    page: &'a Page,
    /// `<meta>` elements, in document order.
    metas: Vec<NodeId>,
    /// `<link>` elements, in document order.
    links: Vec<NodeId>,
    /// `<script>` elements, in document order.
    scripts: Vec<NodeId>,
    json_ld: OnceCell<Vec<JsonDoc>>,
    /// Read by article detection on every page, so computed as the value is built.
    article_body: Option<String>,
    declares_article: bool,
    doc_title: Option<String>,
}

/// What `Meta::new` lists, by tag.
#[derive(Clone, Copy, PartialEq)]
enum Listed {
    Meta,
    Link,
    Script,
    Other,
}

impl<'a> Meta<'a> {
    /// Lists the page's `<meta>`, `<link>` and `<script>` elements in one pass: each entry
    /// of the page's tag table is classified once, then each element by its tag number.
    pub(crate) fn new(page: &'a Page) -> Meta<'a> {
        let kinds: Vec<Listed> = page
            .tags
            .iter()
            .map(|t| match &**t {
                "meta" => Listed::Meta,
                "link" => Listed::Link,
                "script" => Listed::Script,
                _ => Listed::Other,
            })
            .collect();
        let (mut metas, mut links, mut scripts) = (Vec::new(), Vec::new(), Vec::new());
        for (i, node) in page.nodes.iter().enumerate() {
            let NodeData::Element { tag, .. } = node.data else { continue };
            match kinds.get(tag as usize) {
                Some(Listed::Meta) => metas.push(i as NodeId),
                Some(Listed::Link) => links.push(i as NodeId),
                Some(Listed::Script) => scripts.push(i as NodeId),
                _ => {}
            }
        }
        let mut meta = Meta {
            page,
            metas,
            links,
            scripts,
            json_ld: OnceCell::new(),
            article_body: None,
            declares_article: false,
            doc_title: page.find_tag("title").map(|t| collapse(&page.raw_text(t))),
        };
        meta.declares_article = declared::declares_article(page, meta.content("og:type"), &meta.scripts);
        meta.article_body = declared::article_body(page, &meta.scripts);
        meta
    }

    pub(crate) fn page(&self) -> &'a Page {
        self.page
    }

    /// The `<link>` elements, in document order.
    pub(crate) fn links(&self) -> &[NodeId] {
        &self.links
    }

    /// `(key, value)` of every `<meta>` whose `property`, `name` or `itemprop` is one of
    /// `keys` (any case; the key as `keys` writes it), with its trimmed, non-empty
    /// `content`, in document order.
    pub(crate) fn values(&self, keys: &'static [&'static str]) -> impl Iterator<Item = (&'static str, &'a str)> + '_ {
        let page = self.page;
        self.metas.iter().filter_map(move |&i| {
            let k = page.attr(i, "property").or_else(|| page.attr(i, "name")).or_else(|| page.attr(i, "itemprop"))?;
            let key = keys.iter().find(|key| k.eq_ignore_ascii_case(key))?;
            let v = page.attr(i, "content")?.trim();
            (!v.is_empty()).then_some((*key, v))
        })
    }

    /// The `content` of the first `<meta property|name=KEY>` (any case) whose content is
    /// not blank, as written (untrimmed).
    pub(crate) fn content(&self, key: &str) -> Option<&'a str> {
        let page = self.page;
        self.metas.iter().find_map(|&i| {
            let k = page.attr(i, "property").or_else(|| page.attr(i, "name"))?;
            if k.eq_ignore_ascii_case(key) {
                page.attr(i, "content").filter(|c| !c.trim().is_empty())
            } else {
                None
            }
        })
    }

    /// The page's JSON-LD documents (`<script type=…ld+json>`), parsed on first use.
    pub(crate) fn json_ld(&self) -> &[JsonDoc] {
        self.json_ld.get_or_init(|| {
            let page = self.page;
            self.scripts
                .iter()
                .filter(|&&i| page.attr(i, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")))
                .map(|&i| json::parse(&page.raw_text(i)))
                .collect()
        })
    }

    /// The first `<title>`'s text, whitespace collapsed.
    pub(crate) fn doc_title(&self) -> Option<&str> {
        self.doc_title.as_deref()
    }
}

/// Article detection's reads.
impl Meta<'_> {
    /// The page's own headline: `<meta property=og:title>`, else the longest part of the
    /// `<title>` once the site's name is split off.
    pub(crate) fn title(&self) -> Option<String> {
        if let Some(t) = self.content("og:title") {
            return Some(collapse(t));
        }
        let best = split_title(self.doc_title()?).into_iter().max_by_key(|p| p.chars().count())?;
        Some(best.to_string())
    }

    /// The page says it is an article: og:type article, a blog engine's single-post
    /// `<body>`, or a schema.org Article-like type in microdata or JSON-LD.
    pub(crate) fn declares_article(&self) -> bool {
        self.declares_article
    }

    /// The longest JSON-LD `articleBody` string (`declared::ARTICLE_BODY_MIN_CHARS` or
    /// longer), squashed for matching paragraphs against it.
    pub(crate) fn article_body(&self) -> Option<&str> {
        self.article_body.as_deref()
    }
}
