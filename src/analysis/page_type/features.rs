//! Page features: what the page-type classifier reads of a whole page.
//!
//! Four groups: what the article detector's best pass found (its verdict's inputs), what
//! the page says about itself (og:type, schema.org types in JSON-LD and microdata), the
//! page's structure (forms, headings, prices, repeated teaser cards, prose), and the shape
//! of its address (depth, slug, a date in the path). Like the block features, every value
//! is a count, a 0/1 flag, a small code or an IEEE-exact share, so native and wasm builds
//! compute the same bits; the CLI exports the rows (`byline features --pages`) and the
//! training script never recomputes one.
//!
//! Only attributes that both adapters keep are read (`page::MODEL_ATTRS` and
//! `page::FULL_ATTRS_SELECTOR`: `type` of inputs, `rel` of links, microdata, `datetime`).

use crate::analysis::article::Article;
use crate::analysis::meta::Meta;
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page};
use super::schema::{canonical, og_type, published_meta, schema_types};
use super::structure::{cards, dated_texts, posts, prices, story_shape, Counts};
use super::url::UrlShape;

/// The features, in the order of a row. The model file records a hash of this list and
/// the classifier refuses a model trained on another.
pub const FEATURE_NAMES: &[&str] = &[
    // The detector's best pass.
    "pass_found",
    "rule_article",
    "declared",
    "readerable",
    "compact",
    "story_weight",
    "story_min_weight",
    "story_paragraphs",
    "story_paragraph_weight",
    "readerable_score",
    "story_link_density",
    "listing",
    "forum",
    "story_share",
    "root_depth",
    "root_tag",
    "story_avg_paragraph",
    "story_list_share",
    "story_headings",
    "headline",
    "headline_chars",
    "title_words",
    "dated_texts",
    "dated_near_headline",
    // What the page says it is.
    "og_type",
    "ld_article",
    "ld_tech",
    "ld_product",
    "ld_forum",
    "ld_collection",
    "ld_business",
    "ld_webpage",
    "ld_breadcrumb",
    "ld_media",
    "ld_other",
    "published_meta",
    "itemprop_article",
    "itemprop_offer",
    "link_amp",
    "link_next_prev",
    // Structure of the visible page.
    "elements",
    "body_weight",
    "body_cjk_share",
    "body_link_density",
    "forms",
    "text_inputs",
    "choice_inputs",
    "selects",
    "textareas",
    "buttons",
    "article_tags",
    "time_tags",
    "h1",
    "h2",
    "h3_h4",
    "linked_headings",
    "code_blocks",
    "tables",
    "list_items",
    "navs",
    "asides",
    "images",
    "embeds",
    "prices",
    "hint_poster",
    "hint_article",
    "hint_positive",
    "hint_negative",
    "hint_credit",
    "links",
    "paragraphs_80",
    "paragraphs_200",
    "longest_paragraph",
    "prose_share",
    "card_group_max",
    "card_groups",
    "card_share",
    "post_group_max",
    "post_share",
    // The address.
    "url_known",
    "url_depth",
    "url_slug_words",
    "url_slug_chars",
    "url_digit_run",
    "url_date",
    "url_query",
    "url_file_ext",
];

pub const N_FEATURES: usize = FEATURE_NAMES.len();

pub(crate) const NAMES_HASH: u32 = crate::analysis::trees::names_hash(FEATURE_NAMES);

/// Counts are capped here, so every value stays exact in an f32.
const CAP: u32 = 1 << 20;

fn n(v: u32) -> f32 {
    v.min(CAP) as f32
}
fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}
fn share(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        n(part) / n(whole)
    }
}

/// A row being filled, feature by feature in `FEATURE_NAMES` order.
struct Row {
    f: [f32; N_FEATURES],
    k: usize,
}

impl Row {
    fn put(&mut self, v: f32) {
        if let Some(slot) = self.f.get_mut(self.k) {
            *slot = v;
        }
        self.k += 1;
    }
    fn counts(&mut self, vs: &[u32]) {
        vs.iter().for_each(|&v| self.put(n(v)));
    }
}

/// The row of one page. `url` is the page's address if known (the CLI's `--url`, the
/// tab's location in the extension); else its canonical link or og:url.
pub(crate) fn row(page: &Page, stats: &Stats, meta: &Meta, art: &Article, url: Option<&str>) -> [f32; N_FEATURES] {
    let mut r = Row { f: [0.0; N_FEATURES], k: 0 };
    let body = page.find_tag("body").unwrap_or(0);
    let dated = dated_texts(page, stats);
    best_pass(&mut r, page, stats, art, stats.weight(body));
    headline(&mut r, page, stats, meta, art, &dated);
    let c = Counts::of(page, stats);
    claims(&mut r, page, meta, &c);
    structure(&mut r, page, stats, body, &c, &dated);
    let url = url.or_else(|| meta.content("og:url")).or_else(|| canonical(page, meta));
    let u = url.map(UrlShape::of).unwrap_or_default();
    r.put(flag(url.is_some()));
    r.counts(&[u.depth, u.slug_words, u.slug_chars, u.digit_run]);
    for b in [u.date, u.query, u.file_ext] {
        r.put(flag(b));
    }
    debug_assert_eq!(r.k, N_FEATURES);
    r.f
}

/// The detector's best pass: its verdict's inputs and the shape of its story.
fn best_pass(r: &mut Row, page: &Page, stats: &Stats, art: &Article, body_weight: u32) {
    let (Some(b), Some(v)) = (&art.body, &art.verdict) else {
        (0..19).for_each(|_| r.put(0.0));
        return;
    };
    r.put(1.0);
    for f in [art.is_article, v.declared, v.readerable, b.compact] {
        r.put(flag(f));
    }
    r.counts(&[v.weight, v.min_weight, b.paragraphs, b.paragraph_weight]);
    r.put(b.score);
    r.put(v.density);
    r.put(flag(v.listing));
    r.put(flag(v.forum));
    r.put(share(v.weight, body_weight));
    r.put(n(page.ancestors(v.root).count() as u32));
    r.put(match page.tag(v.root) {
        "body" => 1.0,
        "article" => 2.0,
        "main" => 3.0,
        "section" => 4.0,
        "div" => 5.0,
        _ => 6.0,
    });
    r.put(if b.paragraphs == 0 { 0.0 } else { n(b.paragraph_weight) / n(b.paragraphs) });
    let (listed, headings) = story_shape(page, stats, &art.nodes);
    r.put(share(listed, v.weight));
    r.put(n(headings));
}

/// The headline, the `<title>`, and the dates written near the headline and on the page.
fn headline(r: &mut Row, page: &Page, stats: &Stats, meta: &Meta, art: &Article, dated: &[(NodeId, bool)]) {
    r.put(flag(art.title_node.is_some()));
    r.put(n(art.title_node.map_or(0, |t| stats.total[t as usize].chars)));
    let longest_part = meta.doc_title().and_then(|t| crate::analysis::meta::split_title(t).into_iter().max_by_key(|p| p.len()));
    r.put(n(longest_part.map_or(0, |p| p.split_whitespace().count() as u32)));
    let near = art.title_node.is_some_and(|h| {
        let k = dated.partition_point(|d| d.0 < page.end(h));
        dated[k.saturating_sub(10)..(k + 30).min(dated.len())].iter().any(|d| d.1)
    });
    r.put(n(dated.iter().filter(|d| d.1).count() as u32));
    r.put(flag(near));
}

/// What the page says it is: og:type, schema.org types, a publication time, microdata
/// properties, AMP and pagination links.
fn claims(r: &mut Row, page: &Page, meta: &Meta, c: &Counts) {
    r.put(og_type(meta.content("og:type")));
    r.counts(&schema_types(page, meta));
    r.put(flag(published_meta(meta)));
    let (mut amp, mut next_prev) = (false, false);
    for &l in meta.links() {
        for rel in page.attr(l, "rel").unwrap_or("").split_ascii_whitespace() {
            amp |= rel.eq_ignore_ascii_case("amphtml");
            next_prev |= rel.eq_ignore_ascii_case("next") || rel.eq_ignore_ascii_case("prev");
        }
    }
    r.counts(&[c.prop_article, c.prop_offer]);
    r.put(flag(amp));
    r.put(flag(next_prev));
}

/// The visible page: its size, its controls and tags, its prose, its repeated groups.
fn structure(r: &mut Row, page: &Page, stats: &Stats, body: NodeId, c: &Counts, dated: &[(NodeId, bool)]) {
    let body_weight = stats.weight(body);
    r.put(n(c.elements));
    r.put(n(body_weight));
    r.put(share(stats.total[body as usize].cjk, stats.total[body as usize].chars));
    r.put(stats.link_density(body));
    r.counts(&[
        c.forms,
        c.text_inputs,
        c.choice_inputs,
        c.selects,
        c.textareas,
        c.buttons,
        c.articles,
        c.times,
        c.h1,
        c.h2,
        c.h34,
        c.linked_headings,
        c.code,
        c.tables,
        c.list_items,
        c.navs,
        c.asides,
        c.images,
        c.embeds,
        prices(page, stats),
        c.poster,
        c.article_hint,
        c.positive,
        c.negative,
        c.credit,
        c.links,
        c.p80,
        c.p200,
        c.longest,
    ]);
    r.put(share(c.prose, body_weight));
    let cards = cards(page, stats);
    r.counts(&[cards.max, cards.groups]);
    r.put(share(cards.weight, body_weight));
    let posts = posts(page, stats, dated);
    r.put(n(posts.max));
    r.put(share(posts.weight, body_weight));
}

