//! Page features: what the page-type classifier reads of a whole page.
//!
//! Five groups: what the article detector's best pass found (its verdict's inputs), the
//! headline and the dates near it, what the page says about itself (og:type, schema.org
//! types in JSON-LD and microdata), the page's structure (controls, tags, prices, prose,
//! repeated cards and posts), and the shape of its address (depth, slug, a date in the
//! path). The list is what the trained model splits on: `scripts/train/page_type.py`
//! prints each feature's gain, and features the model did not use were dropped. Like the block features, every value
//! is a count, a 0/1 flag, a small code or an IEEE-exact share, so native and wasm builds
//! compute the same bits; the CLI exports the rows (`byline features --pages`) and the
//! training script never recomputes one.
//!
//! Only attributes that both adapters keep are read (`page::MODEL_ATTRS` and
//! `page::FULL_ATTRS_SELECTOR`: `type` of inputs, `rel` and `href` of links, microdata).

use crate::analysis::article::Article;
use crate::analysis::trees::{count as n, flag, share};
use crate::analysis::meta::Meta;
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page};
use super::schema::{canonical, og_type, schema_types};
use super::structure::{cards, dated_texts, posts, prices, Counts};
use super::url::UrlShape;

/// The features, in the order of a row. The model file records a hash of this list and
/// the classifier refuses a model trained on another.
pub const FEATURE_NAMES: &[&str] = &[
    // The detector's best pass.
    "rule_article",
    "declared",
    "story_min_weight",
    "story_paragraph_weight",
    "readerable_score",
    "story_link_density",
    "story_share",
    "story_avg_paragraph",
    "listing",
    "forum",
    // The headline, the title and the dates written on the page.
    "headline_chars",
    "title_words",
    "dated_texts",
    "dated_near_headline",
    // What the page says it is.
    "og_type",
    "ld_article",
    "ld_product",
    "ld_forum",
    "ld_business",
    "ld_breadcrumb",
    "ld_other",
    // Structure of the visible page.
    "elements",
    "body_cjk_share",
    "choice_inputs",
    "selects",
    "buttons",
    "time_tags",
    "h2",
    "code_blocks",
    "tables",
    "list_items",
    "images",
    "prices",
    "hint_poster",
    "hint_article",
    "hint_positive",
    "paragraphs_200",
    "longest_paragraph",
    "prose_share",
    "card_share",
    "post_group_max",
    "post_share",
    // The address.
    "url_depth",
    "url_slug_words",
    "url_slug_chars",
    "url_digit_run",
    "url_date",
];

pub const N_FEATURES: usize = FEATURE_NAMES.len();

pub(crate) const NAMES_HASH: u32 = crate::analysis::trees::names_hash(FEATURE_NAMES);

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
    let body_weight = stats.weight(body);
    best_pass(&mut r, art, body_weight);
    let dated = dated_texts(page, stats);
    headline(&mut r, page, stats, meta, art, &dated);
    r.put(og_type(meta.content("og:type")));
    r.counts(&schema_types(page, meta));
    let c = Counts::of(page, stats);
    r.put(n(c.elements));
    r.put(share(stats.total[body as usize].cjk, stats.total[body as usize].chars));
    r.counts(&[
        c.choice_inputs,
        c.selects,
        c.buttons,
        c.times,
        c.h2,
        c.code,
        c.tables,
        c.list_items,
        c.images,
        prices(page, stats),
        c.poster,
        c.article_hint,
        c.positive,
        c.p200,
        c.longest,
    ]);
    r.put(share(c.prose, body_weight));
    r.put(share(cards(page, stats).weight, body_weight));
    let posts = posts(page, stats, &dated);
    r.put(n(posts.max));
    r.put(share(posts.weight, body_weight));
    let url = url.or_else(|| meta.content("og:url")).or_else(|| canonical(page, meta));
    let u = url.map(UrlShape::of).unwrap_or_default();
    r.counts(&[u.depth, u.slug_words, u.slug_chars, u.digit_run]);
    r.put(flag(u.date));
    debug_assert_eq!(r.k, N_FEATURES);
    r.f
}

/// The detector's best pass: its verdict's inputs and the shape of its story (zeros when
/// it found no container).
fn best_pass(r: &mut Row, art: &Article, body_weight: u32) {
    let (Some(b), Some(v)) = (&art.body, &art.verdict) else {
        (0..10).for_each(|_| r.put(0.0));
        return;
    };
    r.put(flag(art.is_article));
    r.put(flag(v.declared));
    r.counts(&[v.min_weight, b.paragraph_weight]);
    r.put(b.score);
    r.put(v.density);
    r.put(share(v.weight, body_weight));
    r.put(if b.paragraphs == 0 { 0.0 } else { n(b.paragraph_weight) / n(b.paragraphs) });
    // The rule verdict's structural checks, which the decision also reads as a guard.
    r.put(flag(v.listing));
    r.put(flag(v.forum));
}

/// The headline, the `<title>`, and the dates written on the page and near the headline.
fn headline(r: &mut Row, page: &Page, stats: &Stats, meta: &Meta, art: &Article, dated: &[(NodeId, bool)]) {
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
