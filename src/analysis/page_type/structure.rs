//! Structure of the visible page, as the page-type classifier reads it: element counts by
//! tag and control, class/id hints, prose blocks, prices, dated texts, and groups of alike
//! siblings (teaser cards, posts).

use crate::analysis::hints::{H_ARTICLE, H_POSITIVE, H_POSTER};
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page};

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
    groups(page, stats, &|c| has_date[c as usize] && stats.weight(c) >= 150)
}

/// Counts over the page's visible elements.
#[derive(Default)]
pub(super) struct Counts {
    pub elements: u32,
    pub choice_inputs: u32,
    pub selects: u32,
    pub buttons: u32,
    pub times: u32,
    pub h2: u32,
    pub code: u32,
    pub tables: u32,
    pub list_items: u32,
    pub images: u32,
    /// Elements with a class/id hint of a poster (author, user), an article, or of
    /// positive content.
    pub poster: u32,
    pub article_hint: u32,
    pub positive: u32,
    /// Prose blocks (text mostly not links) of 200 or more ...
    pub p200: u32,
    /// ... the longest ...
    pub longest: u32,
    /// ... and the text of those of 80 or more.
    pub prose: u32,
}

impl Counts {
    pub(super) fn of(page: &Page, stats: &Stats) -> Counts {
        let mut c = Counts::default();
        for i in 0..page.len() as NodeId {
            let iu = i as usize;
            if !page.is_element(i) || stats.invisible[iu] {
                continue;
            }
            c.elements += 1;
            c.tag(page.tag(i), page.attr(i, "type"));
            let h = stats.hints[iu];
            c.poster += u32::from(h & H_POSTER != 0);
            c.article_hint += u32::from(h & H_ARTICLE != 0);
            c.positive += u32::from(h & H_POSITIVE != 0);
            if stats.block_of[iu] == i && stats.inline_link_chars[iu] * 2 < stats.inline[iu].chars.max(1) {
                let w = stats.inline[iu].weight();
                c.longest = c.longest.max(w);
                c.prose += if w >= 80 { w } else { 0 };
                c.p200 += u32::from(w >= 200);
            }
        }
        c
    }

    fn tag(&mut self, tag: &str, input_type: Option<&str>) {
        let slot = match tag {
            "input" => match input_type.map(str::to_ascii_lowercase).as_deref() {
                Some("checkbox" | "radio") => &mut self.choice_inputs,
                Some("submit" | "button" | "image" | "reset") => &mut self.buttons,
                _ => return,
            },
            "button" => &mut self.buttons,
            "select" => &mut self.selects,
            "time" => &mut self.times,
            "h2" => &mut self.h2,
            "pre" | "code" => &mut self.code,
            "table" => &mut self.tables,
            "li" => &mut self.list_items,
            "img" | "picture" => &mut self.images,
            _ => return,
        };
        *slot += 1;
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
    /// ... and the text they hold.
    pub weight: u32,
}

pub(super) fn cards(page: &Page, stats: &Stats) -> Cards {
    groups(page, stats, &|c| stats.link_chars[c as usize] > 0 && stats.total[c as usize].chars >= 20)
}

/// Groups of three or more visible sibling elements of one tag and class that each pass
/// `member`. Siblings are grouped by their tag and a 32-bit FNV-1a hash of their class
/// (through the crate's one sort; two classes whose hashes collide would share a group).
#[inline(never)]
fn groups(page: &Page, stats: &Stats, member: &dyn Fn(NodeId) -> bool) -> Cards {
    let mut out = Cards { max: 0, weight: 0 };
    let mut sigs: Vec<(u64, u32)> = Vec::new();
    for parent in 0..page.len() as NodeId {
        if !page.is_element(parent) || stats.invisible[parent as usize] {
            continue;
        }
        sigs.clear();
        for c in page.children(parent) {
            if let crate::page::NodeData::Element { tag, .. } = page.node(c).data {
                if !stats.invisible[c as usize] && member(c) {
                    let class = fnv1a(page.attr(c, "class").unwrap_or("").as_bytes());
                    sigs.push(((tag as u64) << 32 | class as u64, stats.weight(c)));
                }
            }
        }
        if sigs.len() < 3 {
            continue;
        }
        crate::sort::by_key(&mut sigs, |s| s.0);
        for g in sigs.chunk_by(|a, b| a.0 == b.0) {
            let size = g.len() as u32;
            out.max = out.max.max(size);
            if size >= 4 {
                out.weight += g.iter().map(|s| s.1).sum::<u32>();
            }
        }
    }
    out
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

