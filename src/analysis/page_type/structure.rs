//! Structure of the visible page, as the page-type classifier reads it: element counts by
//! tag and control, class/id hints, prose blocks, prices, dated texts, and groups of alike
//! siblings (teaser cards, posts).

use crate::analysis::hints::{H_ARTICLE, H_CREDIT, H_NEGATIVE, H_POSITIVE, H_POSTER};
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page};

/// Of the story's text, how much sits in list items, and how many headings it holds.
pub(super) fn story_shape(page: &Page, stats: &Stats, nodes: &[NodeId]) -> (u32, u32) {
    let (mut listed, mut headings) = (0u32, 0u32);
    for &b in nodes {
        let mut i = b;
        while i < page.end(b) {
            match page.tag(i) {
                "li" => {
                    listed += stats.weight(i);
                    i = page.end(i);
                    continue;
                }
                "h2" | "h3" | "h4" | "h5" | "h6" => headings += 1,
                _ => {}
            }
            i += 1;
        }
    }
    (listed, headings)
}

/// The page's short visible texts with a digit, in document order, each with whether it
/// holds a date with a year (a byline's, a post's, a listing item's). "Near the headline"
/// (`dated_near_headline`) is among the ten of these before its end or the thirty after.
pub(super) fn dated_texts(page: &Page, stats: &Stats) -> Vec<(NodeId, bool)> {
    let mut out = Vec::new();
    for i in 0..page.len() as NodeId {
        let Some(t) = page.text(i) else { continue };
        if stats.invisible[i as usize] || t.len() > 120 || !t.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let dated = crate::analysis::dates::find_dates(t).iter().any(|(d, _, _)| d.year.is_some());
        out.push((i, dated));
    }
    out
}

/// Posts: groups of sibling elements of one tag and class, each with a dated text and some
/// prose of its own (a thread's posts, a comment list, a blog index with excerpts).
pub(super) fn posts(page: &Page, stats: &Stats, dated: &[(NodeId, bool)]) -> Cards {
    let mut has_date = vec![false; page.len()];
    for &(i, d) in dated {
        has_date[i as usize] = d;
    }
    crate::analysis::stats::bottom_up(page, |i, parent| has_date[parent] |= has_date[i]);
    groups(page, stats, |c| has_date[c as usize] && stats.weight(c) >= 150)
}

/// microdata properties of an article, and of a product's offer.
const ARTICLE_PROPS: &[&str] = &["articleBody", "headline", "datePublished", "author"];
const OFFER_PROPS: &[&str] = &["price", "priceCurrency", "offers", "sku", "availability", "gtin13"];

/// Counts over the page's elements (visible ones, except the microdata properties).
#[derive(Default)]
pub(super) struct Counts {
    pub prop_article: u32,
    pub prop_offer: u32,
    pub elements: u32,
    pub forms: u32,
    pub text_inputs: u32,
    pub choice_inputs: u32,
    pub selects: u32,
    pub textareas: u32,
    pub buttons: u32,
    pub articles: u32,
    pub times: u32,
    pub h1: u32,
    pub h2: u32,
    pub h34: u32,
    pub linked_headings: u32,
    pub code: u32,
    pub tables: u32,
    pub list_items: u32,
    pub navs: u32,
    pub asides: u32,
    pub images: u32,
    pub embeds: u32,
    pub poster: u32,
    pub article_hint: u32,
    pub positive: u32,
    pub negative: u32,
    pub credit: u32,
    pub links: u32,
    pub p80: u32,
    pub p200: u32,
    pub longest: u32,
    pub prose: u32,
}

impl Counts {
    pub(super) fn of(page: &Page, stats: &Stats) -> Counts {
        let mut c = Counts::default();
        for i in 0..page.len() as NodeId {
            let iu = i as usize;
            if !page.is_element(i) {
                continue;
            }
            c.props(page, i);
            if stats.invisible[iu] {
                continue;
            }
            c.elements += 1;
            c.tag(page, stats, i);
            let h = stats.hints[iu];
            c.poster += u32::from(h & H_POSTER != 0);
            c.article_hint += u32::from(h & H_ARTICLE != 0);
            c.positive += u32::from(h & H_POSITIVE != 0);
            c.negative += u32::from(h & H_NEGATIVE != 0);
            c.credit += u32::from(h & H_CREDIT != 0);
            // Prose: blocks whose own text is mostly not links.
            if stats.block_of[iu] == i && stats.inline_link_chars[iu] * 2 < stats.inline[iu].chars.max(1) {
                let w = stats.inline[iu].weight();
                c.longest = c.longest.max(w);
                if w >= 80 {
                    c.p80 += 1;
                    c.prose += w;
                }
                c.p200 += u32::from(w >= 200);
            }
        }
        c
    }

    fn props(&mut self, page: &Page, i: NodeId) {
        for p in page.attr(i, "itemprop").unwrap_or("").split_ascii_whitespace() {
            if ARTICLE_PROPS.iter().any(|a| p.eq_ignore_ascii_case(a)) {
                self.prop_article += 1;
            } else if OFFER_PROPS.iter().any(|a| p.eq_ignore_ascii_case(a)) {
                self.prop_offer += 1;
            }
        }
    }

    fn tag(&mut self, page: &Page, stats: &Stats, i: NodeId) {
        match page.tag(i) {
            "form" => self.forms += 1,
            "input" => match page.attr(i, "type").map(str::to_ascii_lowercase).as_deref() {
                Some("hidden") => {}
                Some("checkbox" | "radio") => self.choice_inputs += 1,
                Some("submit" | "button" | "image" | "reset") => self.buttons += 1,
                _ => self.text_inputs += 1,
            },
            "select" => self.selects += 1,
            "textarea" => self.textareas += 1,
            "button" => self.buttons += 1,
            "article" => self.articles += 1,
            "time" => self.times += 1,
            h @ ("h1" | "h2" | "h3" | "h4") => {
                match h {
                    "h1" => self.h1 += 1,
                    "h2" => self.h2 += 1,
                    _ => self.h34 += 1,
                }
                if h != "h1" && stats.total[i as usize].chars >= 10 && stats.link_density(i) > 0.5 {
                    self.linked_headings += 1;
                }
            }
            "pre" | "code" => self.code += 1,
            "table" => self.tables += 1,
            "li" => self.list_items += 1,
            "a" => self.links += 1,
            "nav" => self.navs += 1,
            "aside" => self.asides += 1,
            "img" | "picture" => self.images += 1,
            "video" | "iframe" | "audio" => self.embeds += 1,
            _ => {}
        }
    }
}

/// Short visible texts that read as a price: a currency sign next to a digit.
pub(super) fn prices(page: &Page, stats: &Stats) -> u32 {
    const SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₫', '฿', '円', '元'];
    let mut count = 0;
    for i in 0..page.len() as NodeId {
        let Some(t) = page.text(i) else { continue };
        if stats.invisible[i as usize] || t.len() > 48 {
            continue;
        }
        let chars: Vec<char> = t.chars().collect();
        let priced = chars.iter().enumerate().any(|(k, c)| {
            SIGNS.contains(c)
                && (chars.get(k + 1).is_some_and(|d| d.is_ascii_digit())
                    || chars.get(k.wrapping_sub(1)).is_some_and(|d| d.is_ascii_digit())
                    || chars.get(k + 2).is_some_and(|d| d.is_ascii_digit()) && chars.get(k + 1) == Some(&' '))
        });
        count += u32::from(priced);
    }
    count
}

/// Teaser cards: groups of sibling elements of one tag and class, each holding a link and
/// some text (a listing's items, a product grid, a forum's threads).
pub(super) struct Cards {
    /// The largest group's size ...
    pub max: u32,
    /// ... groups of four or more ...
    pub groups: u32,
    /// ... and the text they hold.
    pub weight: u32,
}

pub(super) fn cards(page: &Page, stats: &Stats) -> Cards {
    groups(page, stats, |c| stats.link_chars[c as usize] > 0 && stats.total[c as usize].chars >= 20)
}

/// Groups of three or more visible sibling elements of one tag and class that each pass
/// `member`.
fn groups(page: &Page, stats: &Stats, member: impl Fn(NodeId) -> bool) -> Cards {
    let mut out = Cards { max: 0, groups: 0, weight: 0 };
    let mut sigs: Vec<(u32, &str, u32)> = Vec::new();
    for parent in 0..page.len() as NodeId {
        if !page.is_element(parent) || stats.invisible[parent as usize] {
            continue;
        }
        sigs.clear();
        for c in page.children(parent) {
            if let crate::page::NodeData::Element { tag, .. } = page.node(c).data {
                if !stats.invisible[c as usize] && member(c) {
                    sigs.push((tag, page.attr(c, "class").unwrap_or(""), stats.weight(c)));
                }
            }
        }
        if sigs.len() < 3 {
            continue;
        }
        sigs.sort_unstable();
        for g in sigs.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
            let size = g.len() as u32;
            out.max = out.max.max(size);
            if size >= 4 {
                out.groups += 1;
                out.weight += g.iter().map(|s| s.2).sum::<u32>();
            }
        }
    }
    out
}

