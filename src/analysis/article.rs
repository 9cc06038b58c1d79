//! Main-article detection over the flat page model.
//!
//! 1. Flags: blocks in navigation, asides, footers and class/role-marked side furniture are
//!    "unlikely" and score nothing (one forward pass).
//! 2. Paragraph scores (text length, clause breaks — CJK ，、。 count as commas, `<br>` runs
//!    count as several paragraphs) flow up to five ancestors; containers start from a tag
//!    bonus and class/id/role/itemprop hints; link-heavy containers are damped.
//! 3. The best container is widened to an ancestor shared by strong rivals (split bodies) or
//!    a parent that scores better, and siblings that belong to the story join it.
//! 4. JSON-LD `articleBody`, when present, marks the paragraphs it contains: they weigh more.
//! 5. The result is refined into `nodes`: the story's blocks without the headline and without
//!    furniture inside the container (share bars, link lists, asides, forms).
//! 6. Readerable check: enough long paragraphs (fewer when the page declares itself an
//!    article), enough text, few links.
//!
//! Every pass is a loop over the arena (a subtree is `id..end`); no recursion.

use super::hints::{H_ALWAYS_UNLIKELY, H_ARTICLE, H_CAPTION, H_CREDIT, H_HEADER, H_IMAGE, H_MAYBE, H_NEGATIVE, H_POSITIVE, H_POSTER, H_UNLIKELY};
use super::stats::Stats;
use crate::page::{NodeId, Page, NO_NODE};
use crate::text::{collapse, fold, is_block, squash, TextCounts};

// ---- tunables ----
/// A block needs this much text (Latin-equivalent chars) to count as a paragraph.
pub const MIN_PARAGRAPH_WEIGHT: u32 = 25;
/// A paragraph with more of its text inside links than this is a link list, not prose.
pub const MAX_PARAGRAPH_LINK_SHARE: f32 = 0.5;
/// Score levels a paragraph passes up to its ancestors.
pub const SCORE_LEVELS: usize = 5;
/// `<br>`s per extra paragraph in a block written as `<br>` runs (two make a blank line).
pub const BRS_PER_PARAGRAPH: u32 = 2;
/// Paragraphs longer than this count towards "is this page an article".
pub const READERABLE_MIN_PARAGRAPH: u32 = 140;
/// Sum of sqrt(len - READERABLE_MIN_PARAGRAPH) a page needs to be an article.
pub const READERABLE_MIN_SCORE: f32 = 15.0;
/// The same, for a page that declares itself an article (og:type, schema.org type).
pub const READERABLE_MIN_SCORE_DECLARED: f32 = 0.0;
/// A page whose chosen body holds this many paragraphs ...
pub const READERABLE_BODY_PARAGRAPHS: u32 = 6;
/// ... of at least this much paragraph text in all is an article too (short CJK lines).
pub const READERABLE_BODY_WEIGHT: u32 = 900;
/// A body with at least this many linked headings (teaser titles) ...
pub const LISTING_MIN_LINKED_HEADINGS: u32 = 3;
/// ... and at least one per this many paragraphs is a listing / search results, not a story.
pub const LISTING_PARAGRAPHS_PER_HEADING: u32 = 3;
/// ... with less paragraph text than this per heading (teasers are short).
pub const LISTING_MAX_TEXT_PER_HEADING: u32 = 400;
/// An inbox, a result table: at least this many table cells that each hold a link (lists
/// of links stay articles: release notes and document round-ups are made of them) ...
pub const ITEM_LIST_MIN_ITEMS: u32 = 8;
/// ... carrying at least this share of the container's paragraph text ...
pub const ITEM_LIST_MIN_SHARE: f32 = 0.6;
/// ... while no block outside the items reads like a story paragraph (this long).
pub const ITEM_LIST_MAX_PROSE: u32 = 200;
/// This many sibling blocks alike (tag and class), each with prose and a poster (author,
/// user, avatar), make a forum thread or a comment page, not a story.
pub const FORUM_MIN_POSTS: usize = 3;
/// ... holding at least this share of the text around them.
pub const FORUM_MIN_SHARE: f32 = 0.6;
/// A compact story (a short post, a product story): at least this many paragraphs ...
pub const COMPACT_BODY_PARAGRAPHS: u32 = 3;
/// ... of at least this much text in all (it is then readerable and long enough) ...
pub const COMPACT_BODY_WEIGHT: u32 = 300;
/// ... making up at least this share of the article's text ...
pub const COMPACT_BODY_PROSE_SHARE: f32 = 0.7;
/// ... which is at most this link-dense.
pub const COMPACT_BODY_MAX_LINK_DENSITY: f32 = 0.1;
/// The article needs at least this much text.
pub const MIN_ARTICLE_WEIGHT: u32 = 400;
/// ... or this much when the page declares itself an article.
pub const MIN_ARTICLE_WEIGHT_DECLARED: u32 = 190;
/// A stricter pass that finds less than this goes on to the looser passes (its furniture
/// filters may have struck the body: a "sidebar-wrapper" around the story); the pass
/// finding the most text wins.
pub const RETRY_BELOW_WEIGHT: u32 = 500;
/// ... and at most this link density.
pub const MAX_ARTICLE_LINK_DENSITY: f32 = 0.35;
/// Candidates within this share of the top score count as "also strong".
pub const STRONG_CANDIDATE_SHARE: f32 = 0.75;
/// Strong rivals that must share an ancestor for the top to widen to it.
pub const MIN_STRONG_CANDIDATES: usize = 2;
/// A parent scoring at least this share of the top keeps the climb going.
pub const PARENT_CLIMB_SHARE: f32 = 1.0 / 3.0;
/// Wrappers above the root whose alike siblings (same tag and class, or the same first
/// class) join the story.
pub const SECTION_LEVELS: usize = 4;
/// ... when they are at most this link-dense.
pub const SECTION_MAX_LINK_DENSITY: f32 = 0.25;
/// ... and, when only their first class matches, hold this much paragraph text.
pub const SECTION_MIN_PROSE_LOOSE: u32 = 100;
/// A wrapper whose class reads like furniture ("pane-taxomenu") but which holds at least
/// this share of the page's prose is a layout box around the story, not furniture.
pub const UNLIKELY_MAX_PROSE_SHARE: f32 = 0.5;
/// ... and an element marked as the story among its first this many descendants.
pub const WRAPS_STORY_SCAN_NODES: usize = 2000;
/// Siblings scoring at least this share of the top score join the article.
pub const SIBLING_SCORE_SHARE: f32 = 0.2;
/// A paragraph contained in the JSON-LD `articleBody` scores this many times more.
pub const LD_BODY_BOOST: f32 = 3.0;
/// `articleBody` shorter than this (chars) is a summary, not the body.
pub const LD_BODY_MIN_CHARS: usize = 200;
/// A lead paragraph between the headline and the body needs this much text ...
pub const LEAD_MIN_WEIGHT: u32 = 60;
/// ... and at most this share of it in links (and no link-heavy block around it).
pub const LEAD_MAX_LINK_SHARE: f32 = 0.3;
/// Inside the article: a block this link-dense (and long enough) is furniture.
pub const JUNK_LINK_DENSITY: f32 = 0.5;
/// ... a short block (under MIN_PARAGRAPH_WEIGHT) this link-dense is furniture.
pub const JUNK_SHORT_LINK_DENSITY: f32 = 0.2;
/// Cut figures (photo + caption) from the story. Off: readers want the photos in focus mode
/// and Readability keeps them (on: trafilatura focus snippet F1 +0.004, readability F1 -0.003).
pub const FIGURES_ARE_JUNK: bool = false;
/// Cut photo credits from the story: blocks marked as credits, and caption lines that open
/// with a credit word ("Foto:", "©"). (Whole captions stay: Readability keeps them, and
/// cutting them costs its corpus 0.012 recall for +0.008 trafilatura snippet F1.)
pub const CREDITS_ARE_JUNK: bool = true;
/// ... when they are at most this long (characters).
pub const CREDIT_MAX_CHARS: u32 = 120;
/// A line outside captions that opens with a photo-credit word is a credit up to this long.
pub const PHOTO_CREDIT_LINE_MAX_CHARS: u32 = 80;
/// A paragraph shorter than this that is mostly a link is a "read also" pointer.
pub const JUNK_MAX_LINKED_LINE: u32 = 200;
/// Blocks with at least this many commas are prose whatever else they look like.
pub const JUNK_MAX_COMMAS: u32 = 10;
/// Furniture-marked blocks holding this much paragraph text are kept anyway.
pub const JUNK_MAX_PARAGRAPH_WEIGHT: u32 = 300;
/// A label line ("Weitere Informationen:", "Read more", a subheading) is at most this long
/// (characters); one followed by nothing but furniture (a link list) is that furniture's
/// label and goes with it.
pub const DANGLING_LABEL_MAX_CHARS: u32 = 80;
/// ... and at most this many words, when it is a line ending with a colon.
pub const DANGLING_LABEL_MAX_WORDS: usize = 6;
/// A line whose letters are at least this share recommendations-label phrases (lexicon)
/// goes with any furniture right after it.
pub const DANGLING_LABEL_MIN_COVERAGE: f32 = 0.5;
/// ... when the link list holds at least this many links (a single link is a download or
/// a source the label announces as part of the story).
pub const DANGLING_LABEL_MIN_LINKS: usize = 2;

/// These pass their score to their parent (they are parts of a body, not bodies).
fn is_paragraph_tag(tag: &str) -> bool {
    matches!(tag, "p" | "pre" | "blockquote" | "li" | "dd" | "dt" | "h2" | "h3" | "h4" | "h5" | "h6" | "figcaption" | "td")
}

/// ARIA roles of side furniture.
const UNLIKELY_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];
/// Tags that are furniture wherever they are.
fn is_unlikely_tag(tag: &str) -> bool {
    matches!(tag, "nav" | "aside" | "footer")
}

/// Form controls and friends: never part of the story.
fn is_control_tag(tag: &str) -> bool {
    matches!(tag, "button" | "input" | "select" | "textarea" | "fieldset" | "label")
}

const CLASS_WEIGHT: f32 = 25.0;
/// First classes of layout boxes (grid rows, cards): sections alike by these are alike
/// by layout, not by content.
const LAYOUT_CLASSES: &[&str] = &[
    "row", "col", "column", "columns", "container", "wrapper", "wrap", "grid", "clearfix", "section", "block", "box",
    "panel", "card", "item", "module", "widget", "inner", "flex", "d-flex", "cell", "span", "layout", "region", "pane", "left", "right", "clear", "float",
];
/// Words only a photo credit opens with (not source lines: "Quelle: dpa" is attribution).
const PHOTO_CREDIT_WORDS: &[&str] = &[
    "foto:", "fotos:", "foto :", "photo:", "photos:", "photo :", "photos :", "bild:", "bilder:", "kuva:", "zdjęcie:", "zdjęcia:",
    "crédito:", "crédits photos", "crédit photo", "photo credit", "fotografía:", "fotografia:", "foto di", "bildquelle:",
];
/// Words a photo credit opens with (folded), followed by a colon or the agency name.
const CREDIT_WORDS: &[&str] = &["©", "foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "image:", "crédito:", "credit:", "credits:", "kuva:", "zdjęcie:", "fot.", "quelle:", "source:", "(c)", "crédits photos", "photo credit"];

/// `<body>` classes of a blog engine's single-post view (also any `postid-N`).
const SINGLE_POST_BODY_CLASSES: &[&str] = &["single-post"];

pub struct Article {
    pub is_article: bool,
    pub root: Option<NodeId>,
    /// The story's blocks: the root and merged siblings, without the headline and the
    /// furniture inside them (what `article_text` is made of; focus mode keeps only these).
    pub nodes: Vec<NodeId>,
    /// The root and merged siblings, whole: what the cleaner may never hide (clutter and
    /// repeated captions inside them may still go).
    pub blocks: Vec<NodeId>,
    /// Furniture inside story blocks that could not be split around it (they hold text of
    /// their own beside it): focus mode hides these as well.
    pub furniture: Vec<NodeId>,
    pub title: Option<String>,
    pub title_node: Option<NodeId>,
}

impl Article {
    fn none() -> Article {
        Article { is_article: false, root: None, nodes: vec![], blocks: vec![], furniture: vec![], title: None, title_node: None }
    }
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
pub fn class_weight(page: &Page, stats: &Stats, id: NodeId) -> f32 {
    let mut w = 0.0;
    if page.attr(id, "itemprop").is_some_and(|v| v.contains("articleBody")) {
        w += CLASS_WEIGHT * 2.0;
    }
    if page.attr(id, "role").is_some_and(|v| v == "main" || v == "article") {
        w += CLASS_WEIGHT;
    }
    let h = stats.hints[id as usize];
    if h & H_POSITIVE != 0 {
        w += CLASS_WEIGHT;
    }
    if h & H_NEGATIVE != 0 {
        w -= CLASS_WEIGHT;
    }
    w
}

/// This element itself (not its ancestors) is marked as side furniture.
fn unlikely_here(page: &Page, stats: &Stats, id: NodeId) -> bool {
    let tag = page.tag(id);
    if matches!(tag, "body" | "html" | "article" | "main") || page.attr(id, "itemprop").is_some_and(|v| v.contains("articleBody")) {
        return false;
    }
    if is_unlikely_tag(tag) || page.attr(id, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r.trim())) {
        return true;
    }
    stats.hints[id as usize] & (H_UNLIKELY | H_MAYBE) == H_UNLIKELY
}

/// An element marked unlikely by its class alone that holds most of the page's prose and
/// an element marked as the story: a layout wrapper with a misleading class name.
fn wraps_story(page: &Page, stats: &Stats, id: NodeId, prose: u32, page_prose: u32) -> bool {
    if (prose as f32) < UNLIKELY_MAX_PROSE_SHARE * page_prose as f32 || page_prose == 0 {
        return false;
    }
    if is_unlikely_tag(page.tag(id)) || page.attr(id, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r.trim())) {
        return false;
    }
    if stats.hints[id as usize] & H_ALWAYS_UNLIKELY != 0 {
        return false;
    }
    // ... and which holds an element marked as the story (near its top: the scan is bounded).
    page.subtree(id).skip(1).take(WRAPS_STORY_SCAN_NODES).any(|d| {
        page.is_element(d)
            && (page.tag(d) == "article"
                || page.attr(d, "itemprop").is_some_and(|v| v.contains("articleBody"))
                || stats.hints[d as usize] & H_ARTICLE != 0)
    })
}

fn paragraph_score(c: &TextCounts, brs: u32) -> f32 {
    let parts = 1 + brs / BRS_PER_PARAGRAPH;
    parts as f32 + c.commas as f32 + (c.weight() as f32 / 100.0).min(3.0 * parts as f32)
}

/// Per-node facts the detector needs beyond [`Stats`], from one forward and one backward pass.
struct Shape {
    /// Inside an unlikely subtree (and not inside a table, where layout classes lie).
    unlikely: Vec<bool>,
    /// Has a block-level element child other than `<br>`.
    has_block_child: Vec<bool>,
    /// `<br>`s in the inline flow of each block.
    brs: Vec<u32>,
    /// `<img>`s in each subtree.
    imgs: Vec<u32>,
}

impl Shape {
    fn compute(page: &Page, stats: &Stats, use_unlikely: bool) -> Shape {
        let n = page.len();
        let mut s = Shape { unlikely: vec![false; n], has_block_child: vec![false; n], brs: vec![0; n], imgs: vec![0; n] };
        let mut in_table = vec![false; n];
        // Prose (paragraph text) in each subtree, for wrappers with misleading classes.
        let mut prose = vec![0u32; if use_unlikely { n } else { 0 }];
        if use_unlikely {
            for i in 0..n {
                let inline = &stats.inline[i];
                if stats.block_of[i] == i as NodeId
                    && !stats.invisible[i]
                    && inline.weight() >= MIN_PARAGRAPH_WEIGHT
                    && stats.inline_link_chars[i] as f32 <= MAX_PARAGRAPH_LINK_SHARE * inline.chars as f32
                {
                    prose[i] = inline.weight();
                }
            }
            for i in (1..n).rev() {
                let p = page.node(i as NodeId).parent;
                if p != NO_NODE {
                    prose[p as usize] += prose[i];
                }
            }
        }
        let page_prose = prose.iter().copied().max().unwrap_or(0);
        for i in 0..n {
            let id = i as NodeId;
            if !page.is_element(id) {
                continue;
            }
            let tag = page.tag(id);
            let parent = page.node(id).parent;
            let (p_unlikely, p_table) = if parent == NO_NODE { (false, false) } else { (s.unlikely[parent as usize], in_table[parent as usize]) };
            in_table[i] = p_table || tag == "table";
            s.unlikely[i] = use_unlikely
                && (p_unlikely || (!p_table && unlikely_here(page, stats, id) && !wraps_story(page, stats, id, prose[i], page_prose)));
            if parent != NO_NODE {
                if tag == "br" {
                    let b = stats.block_of[parent as usize];
                    if b != NO_NODE {
                        s.brs[b as usize] += 1;
                    }
                } else if is_block(tag) {
                    s.has_block_child[parent as usize] = true;
                }
            }
            if tag == "img" {
                s.imgs[i] = 1;
            }
        }
        for i in (1..n).rev() {
            let p = page.node(i as NodeId).parent;
            if p != NO_NODE {
                s.imgs[p as usize] += s.imgs[i];
            }
        }
        s
    }
}

/// Scores of every container, from the paragraphs below it.
struct Scores {
    score: Vec<f32>,
    touched: Vec<bool>,
    candidates: Vec<NodeId>,
    /// Paragraph weight in each subtree (the text the scores came from).
    para_weight: Vec<u32>,
    /// Paragraphs in each subtree.
    para_count: Vec<u32>,
    readerable: f32,
}

fn score_paragraphs(page: &Page, stats: &Stats, shape: &Shape, ld_body: Option<&str>, use_hints: bool) -> Scores {
    let n = page.len();
    let mut sc = Scores { score: vec![0.0; n], touched: vec![false; n], candidates: Vec::new(), para_weight: vec![0; n], para_count: vec![0; n], readerable: 0.0 };
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
        if stats.inline_link_chars[iu] as f32 > MAX_PARAGRAPH_LINK_SHARE * inline.chars as f32 {
            continue;
        }
        sc.para_weight[iu] += weight;
        sc.para_count[iu] += 1;
        if shape.unlikely[iu] {
            continue;
        }
        if weight >= READERABLE_MIN_PARAGRAPH && class_weight(page, stats, i) >= 0.0 {
            sc.readerable += ((weight - READERABLE_MIN_PARAGRAPH) as f32).sqrt();
        }
        let mut s = paragraph_score(inline, shape.brs[iu]);
        if let Some(body) = ld_body {
            if in_ld_body(body, &squash(&stats.inline_text(page, i))) {
                s *= LD_BODY_BOOST;
            }
        }
        let tag = page.tag(i);
        let passes_up = is_paragraph_tag(tag) || (!shape.has_block_child[iu] && shape.brs[iu] < BRS_PER_PARAGRAPH);
        let first = if passes_up { page.parent(i) } else { Some(i) };
        let mut level = 0usize;
        let mut cur = first;
        while let Some(c) = cur {
            if level >= SCORE_LEVELS || page.tag(c) == "html" {
                break;
            }
            let cu = c as usize;
            if !sc.touched[cu] {
                sc.touched[cu] = true;
                sc.score[cu] = tag_bonus(page.tag(c)) + if use_hints { class_weight(page, stats, c) } else { 0.0 };
                sc.candidates.push(c);
            }
            sc.score[cu] += match level {
                0 => s,
                1 => s / 2.0,
                l => s / (l as f32 * 3.0),
            };
            level += 1;
            cur = page.parent(c);
        }
    }
    for i in (1..n).rev() {
        let p = page.node(i as NodeId).parent;
        if p != NO_NODE {
            sc.para_weight[p as usize] += sc.para_weight[i];
            sc.para_count[p as usize] += sc.para_count[i];
        }
    }
    sc
}


/// A paragraph's squashed text is part of the squashed JSON-LD `articleBody`.
fn in_ld_body(body: &str, own: &str) -> bool {
    // memmem's prefilter skips through the (long) body far faster than `str::contains`,
    // which also builds a new searcher per paragraph.
    own.chars().count() >= 10 && memchr::memmem::find(body.as_bytes(), own.as_bytes()).is_some()
}

/// The page says it is an article: og:type article, or a schema.org Article-like type in
/// microdata or JSON-LD.
fn declares_article(page: &Page) -> bool {
    const TYPES: &[&str] = &["article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "techarticle", "scholarlyarticle"];
    if meta_content(page, "og:type").is_some_and(|t| t.trim().eq_ignore_ascii_case("article")) {
        return true;
    }
    // A blog engine's single-post view says so on <body> (WordPress: "single single-post
    // postid-219").
    if page.find_tag("body").and_then(|b| page.attr(b, "class")).is_some_and(|c| {
        c.split_ascii_whitespace().any(|k| SINGLE_POST_BODY_CLASSES.contains(&k) || k.starts_with("postid-"))
    }) {
        return true;
    }
    for i in 0..page.len() as NodeId {
        if let Some(t) = page.attr(i, "itemtype") {
            let t = t.to_ascii_lowercase();
            if TYPES.iter().any(|ty| t.trim_end_matches('/').ends_with(&format!("/{ty}"))) {
                return true;
            }
        }
        if page.tag(i) == "script" {
            let text = page.raw_text(i).to_ascii_lowercase();
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            if TYPES.iter().any(|ty| compact.contains(&format!("\"@type\":\"{ty}\""))) {
                return true;
            }
        }
    }
    false
}

/// The longest JSON-LD `articleBody` string, squashed for matching.
fn ld_article_body(page: &Page) -> Option<String> {
    let mut best: Option<String> = None;
    for i in 0..page.len() as NodeId {
        if page.tag(i) != "script" {
            continue;
        }
        let text = page.raw_text(i);
        let mut rest = text.as_str();
        while let Some(k) = rest.find("\"articleBody\"") {
            rest = &rest[k + "\"articleBody\"".len()..];
            let after = rest.trim_start();
            let Some(after) = after.strip_prefix(':') else { continue };
            let after = after.trim_start();
            if let Some(s) = after.strip_prefix('"').and_then(json_string) {
                if s.chars().count() >= LD_BODY_MIN_CHARS && best.as_ref().is_none_or(|b| b.len() < s.len()) {
                    best = Some(s);
                }
            }
        }
    }
    best.map(|b| squash(&b))
}

/// Decodes a JSON string body (after the opening quote) up to its closing quote.
fn json_string(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' | 't' | 'r' | 'b' | 'f' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                    }
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

pub fn detect(page: &Page, stats: &Stats) -> Article {
    detect_traced(page, stats, None)
}

/// Why the detector decided as it did, in one line (for debugging tools). Native only:
/// the trace formats floats, and float formatting costs the wasm ~9 KB gzip (issue 7).
#[cfg(feature = "explain")]
pub fn explain(page: &Page, stats: &Stats) -> String {
    let mut trace = String::new();
    detect_traced(page, stats, Some(&mut trace));
    trace
}

#[cfg_attr(not(feature = "explain"), allow(unused_mut, unused_variables))]
fn detect_traced(page: &Page, stats: &Stats, mut trace: Option<&mut String>) -> Article {
    let title_node = find_title_node(page, stats);
    let declared = declares_article(page);
    let ld_body = ld_article_body(page);
    let mut found = None;
    // Strict first; when that finds too little, again without the furniture filters (the
    // page may mark its own body with a class that reads like furniture).
    for (use_unlikely, use_hints) in [(true, true), (false, true), (false, false)] {
        let shape = Shape::compute(page, stats, use_unlikely);
        let sc = score_paragraphs(page, stats, &shape, ld_body.as_deref(), use_hints);
        let Some((root, blocks)) = choose(page, stats, &sc, &shape) else { continue };
        let (mut nodes, furniture) = refine(page, stats, &sc, &shape, &blocks, title_node);
        let title_node = title_node.or_else(|| headline_before(page, stats, root));
        // Leads end at the first story block after the headline (blocks are in order).
        if let Some(t) = title_node.filter(|&t| !blocks.iter().any(|&b| page.contains(b, t))) {
            let first = blocks.iter().copied().find(|&b| b >= page.end(t)).unwrap_or(root);
            nodes.extend(lead_paragraphs(page, stats, Some(t), first));
        }
        nodes.sort_unstable();
        let weight: u32 = nodes.iter().map(|&n| stats.weight(n)).sum();
        // A pass that could only settle on <body> found no container: the next one may.
        let specific = page.tag(root) != "body";
        let enough = specific && weight >= RETRY_BELOW_WEIGHT.max(if declared { MIN_ARTICLE_WEIGHT_DECLARED } else { MIN_ARTICLE_WEIGHT });
        // ... and a pass whose text is mostly links (a looser pass that took in link lists)
        // loses to one that is not.
        let sparse = density_of(stats, &nodes) <= MAX_ARTICLE_LINK_DENSITY;
        let better = found.as_ref().is_none_or(|f: &(NodeId, Vec<NodeId>, Vec<NodeId>, u32, bool, bool, Vec<NodeId>)| {
            (specific, sparse, weight) > (page.tag(f.0) != "body", density_of(stats, &f.1) <= MAX_ARTICLE_LINK_DENSITY, f.3)
        });
        if better {
            let body_paras: u32 = nodes.iter().map(|&n| sc.para_count[n as usize]).sum();
            let body_weight: u32 = nodes.iter().map(|&n| sc.para_weight[n as usize]).sum();
            let min_score = if declared { READERABLE_MIN_SCORE_DECLARED } else { READERABLE_MIN_SCORE };
            let compact = body_paras >= COMPACT_BODY_PARAGRAPHS
                && body_weight >= COMPACT_BODY_WEIGHT
                && body_weight as f32 >= COMPACT_BODY_PROSE_SHARE * weight as f32
                && density_of(stats, &nodes) <= COMPACT_BODY_MAX_LINK_DENSITY;
            let readerable = sc.readerable >= min_score
                || (body_paras >= READERABLE_BODY_PARAGRAPHS && body_weight >= READERABLE_BODY_WEIGHT)
                || compact;
            #[cfg(feature = "explain")]
            if let Some(t) = trace.as_deref_mut() {
                t.push_str(&format!("pass score={:.1} paras={body_paras} para_weight={body_weight} compact={compact}; ", sc.readerable));
            }
            found = Some((root, nodes, blocks, weight, readerable, compact, furniture));
        }
        if enough {
            break;
        }
    }
    let Some((root, nodes, blocks, weight, readerable, compact, furniture)) = found else { return Article::none() };

    let density = density_of(stats, &nodes);
    let mut min_weight = if declared { MIN_ARTICLE_WEIGHT_DECLARED } else { MIN_ARTICLE_WEIGHT };
    if compact {
        min_weight = min_weight.min(COMPACT_BODY_WEIGHT);
    }
    let listing = is_listing(page, stats, &nodes) || is_item_list(page, stats, &nodes);
    let forum = is_forum(page, stats, root);
    #[cfg(feature = "explain")]
    if let Some(trace) = trace.as_deref_mut() {
        trace.push_str(&format!(
            "declared={declared} readerable={readerable} weight={weight} (min {min_weight}) density={density:.2} listing={listing} forum={forum} root={root}"
        ));
    }
    let is_article = readerable && weight >= min_weight && density <= MAX_ARTICLE_LINK_DENSITY && !listing && !forum;
    if !is_article {
        return Article::none();
    }
    let title = title_node.map(|t| collapse(&stats.visible_text(page, t))).or_else(|| meta_title(page));
    Article { is_article, root: Some(root), nodes, blocks, furniture, title, title_node }
}

/// Link density of the article's blocks together.
fn density_of(stats: &Stats, nodes: &[NodeId]) -> f32 {
    let link: u32 = nodes.iter().map(|&n| stats.link_chars[n as usize]).sum();
    let chars: u32 = nodes.iter().map(|&n| stats.total[n as usize].chars).sum();
    if chars == 0 {
        1.0
    } else {
        link as f32 / chars as f32
    }
}

/// Teasers: many headings that are links (titles of other pages), few paragraphs each.
fn is_listing(page: &Page, stats: &Stats, nodes: &[NodeId]) -> bool {
    let mut linked = 0u32;
    let mut paragraphs = 0u32;
    let mut text = 0u32;
    for &b in nodes {
        for i in page.subtree(b) {
            let iu = i as usize;
            if !page.is_element(i) || stats.invisible[iu] {
                continue;
            }
            let tag = page.tag(i);
            if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                if stats.total[iu].chars >= 8 && stats.link_density(i) > 0.5 {
                    linked += 1;
                }
            } else if stats.block_of[iu] == i && stats.inline[iu].weight() >= MIN_PARAGRAPH_WEIGHT {
                paragraphs += 1;
                text += stats.inline[iu].weight();
            }
        }
    }
    linked >= LISTING_MIN_LINKED_HEADINGS
        && linked * LISTING_PARAGRAPHS_PER_HEADING >= paragraphs
        && text < LISTING_MAX_TEXT_PER_HEADING * linked
}

/// Rows of items rather than a story: most of the text sits in table cells that each carry
/// a link (a mail inbox, a result table), and nothing else is prose.
fn is_item_list(page: &Page, stats: &Stats, nodes: &[NodeId]) -> bool {
    let (mut items, mut item_weight, mut total) = (0u32, 0u32, 0u32);
    for &b in nodes {
        for i in page.subtree(b) {
            let iu = i as usize;
            if !page.is_element(i) || stats.invisible[iu] || stats.block_of[iu] != i {
                continue;
            }
            let w = stats.inline[iu].weight();
            if w < MIN_PARAGRAPH_WEIGHT {
                continue;
            }
            total += w;
            let linked = page.subtree(i).skip(1).any(|d| page.tag(d) == "a");
            if page.tag(i) == "td" && linked {
                items += 1;
                item_weight += w;
            } else if w >= ITEM_LIST_MAX_PROSE {
                return false;
            }
        }
    }
    items >= ITEM_LIST_MIN_ITEMS && item_weight as f32 >= ITEM_LIST_MIN_SHARE * total as f32
}

/// Posts: the article container is (or sits beside) several alike blocks (tag and class),
/// each with prose and a poster element, together holding most of the text around them.
fn is_forum(page: &Page, stats: &Stats, root: NodeId) -> bool {
    let has_poster = |b: NodeId| {
        page.subtree(b).skip(1).any(|i| {
            page.is_element(i) && stats.total[i as usize].chars <= 80 && stats.hints[i as usize] & H_POSTER != 0
        })
    };
    // The groups to try: the root's children, and the root with its siblings.
    for parent in [Some(root), page.parent(root)].into_iter().flatten() {
        let mut posts: Vec<(&str, &str, u32)> = page
            .children(parent)
            .filter(|&c| {
                page.is_element(c)
                    && !stats.invisible[c as usize]
                    && matches!(page.tag(c), "div" | "article" | "section" | "li" | "tr" | "table")
                    && stats.weight(c) >= MIN_PARAGRAPH_WEIGHT * 2
            })
            .map(|c| (page.tag(c), page.attr(c, "class").unwrap_or(""), c))
            .filter(|&(_, _, c)| has_poster(c))
            .map(|(t, k, c)| (t, k, stats.weight(c)))
            .collect();
        posts.sort_unstable();
        let total = stats.weight(parent) as f32;
        for group in posts.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
            let weight: u32 = group.iter().map(|p| p.2).sum();
            if group.len() >= FORUM_MIN_POSTS && weight as f32 >= FORUM_MIN_SHARE * total {
                return true;
            }
        }
    }
    false
}

/// The article container and the sibling blocks that join it, or None without candidates.
fn choose(page: &Page, stats: &Stats, sc: &Scores, shape: &Shape) -> Option<(NodeId, Vec<NodeId>)> {
    let final_score = |c: NodeId| sc.score[c as usize] * (1.0 - stats.link_density(c));
    let mut ranked: Vec<(NodeId, f32)> = sc.candidates.iter().map(|&c| (c, final_score(c))).collect();
    crate::sort::by_key(&mut ranked, |&(c, s)| (crate::sort::f32_descending(s) as u64) << 32 | c as u64);
    let &(top, top_score) = ranked.first()?;

    // Widen to the ancestor shared by several strong candidates (split bodies).
    let strong: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(5)
        .filter(|(c, s)| *s >= STRONG_CANDIDATE_SHARE * top_score && !page.contains(top, *c) && !page.contains(*c, top))
        .map(|(c, _)| *c)
        .collect();
    let mut root = top;
    if strong.len() >= MIN_STRONG_CANDIDATES - 1 {
        for a in page.ancestors(top) {
            if matches!(page.tag(a), "body" | "html") {
                break;
            }
            if strong.iter().filter(|&&c| page.contains(a, c)).count() >= MIN_STRONG_CANDIDATES - 1 {
                root = a;
                break;
            }
        }
    }
    // Climb to an ancestor that scores better than the root itself (comparing with the
    // root, not with the last ancestor seen: a wrapper that also holds comments and
    // sign-up boxes can edge out the column between it and the body).
    let last = final_score(root);
    let threshold = last * PARENT_CLIMB_SHARE;
    let mut cur = page.parent(root);
    while let Some(p) = cur {
        if matches!(page.tag(p), "body" | "html") {
            break;
        }
        if !sc.touched[p as usize] {
            cur = page.parent(p);
            continue;
        }
        let ps = final_score(p);
        if ps < threshold {
            break;
        }
        if ps > last {
            root = p;
            break;
        }
        cur = page.parent(p);
    }
    // A lone child says nothing its parent doesn't.
    while let Some(p) = page.parent(root) {
        if matches!(page.tag(p), "body" | "html") || page.children(p).filter(|&c| page.is_element(c)).count() != 1 {
            break;
        }
        root = p;
    }

    // Merge siblings that belong to the story.
    let root_score = if sc.touched[root as usize] { final_score(root) } else { top_score };
    let mut blocks = vec![root];
    if let Some(parent) = page.parent(root) {
        let threshold = (root_score * SIBLING_SCORE_SHARE).max(10.0);
        let root_class = page.attr(root, "class").unwrap_or("");
        for sib in page.children(parent) {
            let su = sib as usize;
            if sib == root || !page.is_element(sib) || stats.invisible[su] || shape.unlikely[su] {
                continue;
            }
            let ld = stats.link_density(sib);
            let w = stats.weight(sib);
            let bonus = if !root_class.is_empty() && page.attr(sib, "class") == Some(root_class) { root_score * SIBLING_SCORE_SHARE } else { 0.0 };
            let text_ok = page.tag(sib) == "p" && ((w >= 80 && ld < 0.25) || (w > 0 && ld == 0.0 && ends_sentence(&page.raw_text(sib))));
            if (sc.touched[su] && final_score(sib) + bonus >= threshold) || text_ok {
                blocks.push(sib);
            }
        }
    }
    // A body cut into alike sections (same tag and class) around the root's wrappers.
    let mut wrapper = root;
    for _ in 0..SECTION_LEVELS {
        let Some(parent) = page.parent(wrapper) else { break };
        let class = page.attr(wrapper, "class").unwrap_or("");
        if matches!(page.tag(wrapper), "body" | "html") {
            break;
        }
        if !class.is_empty() {
            for sib in page.children(parent) {
                let su = sib as usize;
                if sib != wrapper
                    && page.is_element(sib)
                    && !stats.invisible[su]
                    && !shape.unlikely[su]
                    && page.tag(sib) == page.tag(wrapper)
                    && page.attr(sib, "class").is_some_and(|c| c == class || (alike_classes(c, class) && sc.para_weight[su] >= SECTION_MIN_PROSE_LOOSE))
                    && sc.para_weight[su] >= MIN_PARAGRAPH_WEIGHT * 2
                    && stats.link_density(sib) < SECTION_MAX_LINK_DENSITY
                    && !blocks.iter().any(|&b| page.contains(b, sib) || page.contains(sib, b))
                {
                    blocks.push(sib);
                }
            }
        }
        wrapper = parent;
    }
    blocks.sort_unstable();
    Some((root, blocks))
}

/// Two class attributes of alike sections: the same first class with different modifiers
/// ("detail-body first-paragraph" and "detail-body"); not a grid class ("small-12",
/// "col-md-8": columns are alike by layout, not by content).
fn alike_classes(a: &str, b: &str) -> bool {
    let first = |s: &str| s.split_whitespace().next().map(str::to_owned);
    match (first(a), first(b)) {
        (Some(x), Some(y)) => {
            x == y && !x.chars().any(|c| c.is_ascii_digit()) && !LAYOUT_CLASSES.contains(&x.to_ascii_lowercase().as_str())
        }
        _ => false,
    }
}

/// Without a headline matching the page title: the last h1 before the article root.
fn headline_before(page: &Page, stats: &Stats, root: NodeId) -> Option<NodeId> {
    (0..root).rev().find(|&i| page.tag(i) == "h1" && !stats.invisible[i as usize] && stats.total[i as usize].chars >= 4)
}

/// Prose paragraphs between the headline and the article's first block (standfirst, lead),
/// inside the smallest element holding both, outside furniture and link-heavy blocks.
fn lead_paragraphs(page: &Page, stats: &Stats, title: Option<NodeId>, first: NodeId) -> Vec<NodeId> {
    let Some(title) = title else { return vec![] };
    if page.end(title) > first {
        return vec![];
    }
    let Some(common) = page.ancestors(title).find(|&a| page.contains(a, first)) else { return vec![] };
    // When only the page itself holds both, the lead shares the headline's own section (the
    // page header band around the headline), not whatever lies between that and the body.
    let stop = if matches!(page.tag(common), "body" | "html") {
        let Some(top) = std::iter::once(title).chain(page.ancestors(title)).find(|&a| page.parent(a) == Some(common)) else {
            return vec![];
        };
        page.end(top).min(first)
    } else {
        first
    };
    let mut out = Vec::new();
    let mut i = page.end(title);
    while i < stop {
        let iu = i as usize;
        // (Furniture marks inherited from a wrapper of the headline, such as an article
        // header, don't count: only what the walk itself meets. Nor does a "header" class
        // met after the headline: that is the story's own header, where leads sit.)
        let unlikely = unlikely_here(page, stats, i)
            && (is_unlikely_tag(page.tag(i))
                || page.attr(i, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r.trim()))
                || stats.hints[iu] & H_HEADER == 0);
        if !page.is_element(i) || stats.invisible[iu] || unlikely || is_control_tag(page.tag(i)) {
            i = if page.is_element(i) && !page.contains(i, first) { page.end(i) } else { i + 1 };
            continue;
        }
        if stats.link_density(i) > JUNK_LINK_DENSITY && !page.contains(i, first) {
            i = page.end(i);
            continue;
        }
        let inline = &stats.inline[iu];
        if stats.block_of[iu] == i
            && inline.weight() >= LEAD_MIN_WEIGHT
            && (stats.inline_link_chars[iu] as f32) < LEAD_MAX_LINK_SHARE * inline.chars as f32
            && !page.contains(i, first)
        {
            out.push(i);
            i = page.end(i);
            continue;
        }
        i += 1;
    }
    out
}

/// Furniture inside the article container: cut from the article's blocks.
fn is_junk(page: &Page, stats: &Stats, sc: &Scores, shape: &Shape, id: NodeId) -> bool {
    let iu = id as usize;
    let tag = page.tag(id);
    if is_control_tag(tag) {
        return true;
    }
    let paras = sc.para_weight[iu];
    if unlikely_here(page, stats, id) {
        return true;
    }
    if CREDITS_ARE_JUNK && stats.total[iu].chars <= CREDIT_MAX_CHARS && is_credit(page, stats, id, tag) {
        return true;
    }
    if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        return class_weight(page, stats, id) < 0.0;
    }
    if FIGURES_ARE_JUNK && matches!(tag, "figure" | "figcaption") && sc.para_weight[iu] < JUNK_MAX_PARAGRAPH_WEIGHT {
        return true;
    }
    if tag == "p" {
        let inline = &stats.inline[iu];
        return inline.weight() < JUNK_MAX_LINKED_LINE && stats.inline_link_chars[iu] as f32 > JUNK_LINK_DENSITY * inline.chars as f32;
    }
    if !matches!(tag, "div" | "section" | "ul" | "ol" | "dl" | "table" | "form" | "header" | "figure") {
        return false;
    }
    let t = &stats.total[iu];
    if t.commas >= JUNK_MAX_COMMAS {
        return false;
    }
    let ld = stats.link_density(id);
    let weight = t.weight();
    let cw = class_weight(page, stats, id);
    if cw < 0.0 && paras < JUNK_MAX_PARAGRAPH_WEIGHT && (ld > JUNK_SHORT_LINK_DENSITY || paras == 0) {
        return true;
    }
    if weight >= MIN_PARAGRAPH_WEIGHT && ld > JUNK_LINK_DENSITY && !matches!(tag, "ol" | "table") {
        return true;
    }
    if weight < MIN_PARAGRAPH_WEIGHT && weight > 0 && ld > JUNK_SHORT_LINK_DENSITY && shape.imgs[iu] == 0 {
        return true;
    }
    false
}

/// A photo credit: an element marked as one, or a caption (or a line inside a figure /
/// caption) that opens with a credit word.
fn is_credit(page: &Page, stats: &Stats, id: NodeId, tag: &str) -> bool {
    let own = stats.hints[id as usize];
    let credit_marked = own & H_CREDIT != 0;
    let in_caption = |n: NodeId| matches!(page.tag(n), "figcaption" | "figure") || stats.hints[n as usize] & H_CAPTION != 0;
    let captionish = tag == "figcaption" || in_caption(id) || page.ancestors(id).take(3).any(in_caption);
    if credit_marked && (captionish || own & H_IMAGE != 0) {
        return true;
    }
    if captionish {
        let text = fold(page.raw_text(id).trim_start());
        return CREDIT_WORDS.iter().any(|w| text.starts_with(w));
    }
    // A line of its own naming the photographer ("Crédits photos : Bestimage", "Fotos: Anna
    // Berg") after the story, outside any caption.
    // (Only a block holding its text itself: reading the text of every wrapper would cost
    // the depth of the nesting each time.)
    matches!(tag, "p" | "div")
        && stats.block_of[id as usize] == id
        && stats.inline[id as usize].chars == stats.total[id as usize].chars
        && stats.total[id as usize].chars <= PHOTO_CREDIT_LINE_MAX_CHARS
        && {
            let text = fold(page.raw_text(id).trim_start());
            PHOTO_CREDIT_WORDS.iter().any(|w| text.starts_with(w))
        }
}

/// The story's blocks: each block whole when nothing inside it is furniture, else split
/// into its children (iteratively), dropping furniture and the headline. A block that
/// cannot be split (it holds text of its own) stays whole; the outermost furniture inside
/// it is returned beside the blocks.
fn refine(page: &Page, stats: &Stats, sc: &Scores, shape: &Shape, blocks: &[NodeId], title_node: Option<NodeId>) -> (Vec<NodeId>, Vec<NodeId>) {
    let n = page.len();
    let lo = blocks[0] as usize;
    let hi = blocks.iter().map(|&b| page.end(b) as usize).max().unwrap_or(lo);
    // Junk flags for the range, and "some junk below" (backward pass).
    let mut junk = vec![false; hi - lo];
    let mut junk_below = vec![false; hi - lo];
    for i in lo..hi {
        let id = i as NodeId;
        if page.is_element(id) && !stats.invisible[i] {
            junk[i - lo] = is_junk(page, stats, sc, shape, id) || title_node == Some(id);
        }
    }
    mark_dangling_labels(page, stats, blocks, lo, &mut junk);
    for i in (lo + 1..hi).rev() {
        let p = page.node(i as NodeId).parent;
        if p != NO_NODE && (p as usize) >= lo && (junk[i - lo] || junk_below[i - lo]) {
            junk_below[p as usize - lo] = true;
        }
    }
    let _ = n;
    let mut out = Vec::new();
    let mut furniture = Vec::new();
    let mut stack: Vec<NodeId> = blocks.iter().rev().copied().collect();
    while let Some(b) = stack.pop() {
        let bu = b as usize - lo;
        if junk[bu] {
            continue;
        }
        // Split only a block whose children are all elements (bare text would lose its line).
        let splittable = junk_below[bu] && page.children(b).all(|c| page.is_element(c));
        if !splittable {
            out.push(b);
            if junk_below[bu] {
                let mut i = b + 1;
                while i < page.end(b) {
                    if junk[i as usize - lo] && Some(i) != title_node {
                        furniture.push(i);
                        i = page.end(i);
                    } else {
                        i += 1;
                    }
                }
            }
            continue;
        }
        let kids: Vec<NodeId> = page.children(b).collect();
        stack.extend(kids.into_iter().rev());
    }
    if out.is_empty() {
        out = blocks.to_vec();
        furniture.clear();
    }
    (out, furniture)
}

/// A short label line that introduces nothing but furniture: a line ending with a colon
/// whose next text in its story block sits in a link list cut as junk ("Weitere
/// Informationen:", "Lesen Sie auch:" over related links), or a heading or label after which
/// the block holds no text at all ("Mehr Themen:" closing the story). It goes with that
/// furniture. (A heading over a link list stays: release notes and document round-ups are
/// written so — unless the lexicon names it a recommendations label, "Mehr zum Thema",
/// "Schon gelesen?", "Related stories": then whatever furniture follows it is what it
/// announces.)
fn mark_dangling_labels(page: &Page, stats: &Stats, blocks: &[NodeId], lo: usize, junk: &mut [bool]) {
    for &b in blocks {
        let end = page.end(b);
        for l in b + 1..end {
            let lu = l as usize;
            if !page.is_element(l) || junk[lu - lo] || stats.invisible[lu] || stats.block_of[lu] != l {
                continue;
            }
            let chars = stats.total[lu].chars;
            if chars < 2 || chars > DANGLING_LABEL_MAX_CHARS || stats.link_chars[lu] > 0 {
                continue;
            }
            let heading = matches!(page.tag(l), "h2" | "h3" | "h4" | "h5" | "h6");
            let line = heading || stats.total[lu].chars == stats.inline[lu].chars;
            let colon_label = line && is_colon_label(&page.raw_text(l));
            // (A colon label keeps its own rule: it announces what follows, which must be a
            // link list.)
            let rec_label = line && !colon_label && is_recommendations_label(&stats.visible_text(page, l));
            if !heading && !colon_label && !rec_label {
                continue;
            }
            // Inside a junk block already: nothing to do.
            if page.ancestors(l).take_while(|&a| a > b).any(|a| junk[a as usize - lo]) {
                continue;
            }
            let mut i = page.end(l);
            let dangling = loop {
                if i >= end {
                    break true;
                }
                let iu = i as usize;
                if stats.invisible[iu] || stats.total[iu].chars == 0 {
                    i = if page.is_element(i) { page.end(i) } else { i + 1 };
                    continue;
                }
                if page.is_element(i) && junk[iu - lo] {
                    break rec_label
                        || (colon_label
                            && stats.link_density(i) > JUNK_LINK_DENSITY
                            && page.subtree(i).filter(|&a| page.tag(a) == "a").take(DANGLING_LABEL_MIN_LINKS).count() >= DANGLING_LABEL_MIN_LINKS);
                }
                if !page.is_element(i) {
                    break false;
                }
                i += 1;
            };
            if dangling {
                junk[lu - lo] = true;
            }
        }
    }
}

/// A recommendations label by the clutter lexicon ("Mehr zum Thema", "Schon gelesen?",
/// "Related stories"): its `heading:recommendations` phrases cover at least
/// DANGLING_LABEL_MIN_COVERAGE of its letters.
fn is_recommendations_label(text: &str) -> bool {
    let text = fold(text);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    let covered: usize = crate::lexicon::clutter()
        .find_in(&text)
        .filter(|(e, s, t)| {
            e.usage == crate::lexicon::PhraseUse::Heading && e.kind == "recommendations" && super::hints::word_bounded(&text, *s, *t)
        })
        .map(|(_, s, t)| text[s..t].chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    covered as f32 >= DANGLING_LABEL_MIN_COVERAGE * letters as f32
}

/// A label ending with a colon: a few words, no clause ("Weitere Informationen:", not "To
/// see it in action, watch the video below:").
fn is_colon_label(text: &str) -> bool {
    let t = text.trim();
    t.ends_with([':', '：'])
        && t.split_whitespace().count() <= DANGLING_LABEL_MAX_WORDS
        && !t.contains([',', '，', '、', '.', '。'])
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
    let doc_title = page.find_tag("title").map(|t| collapse(&page.raw_text(t))).unwrap_or_default();
    // The headline part of the <title>: its longest part once the site name is split off.
    let headline_part = split_title(&doc_title).into_iter().max_by_key(|p| p.chars().count()).map(fold).unwrap_or_default();
    let doc_title = fold(&doc_title);
    let og = meta_content(page, "og:title").map(fold).unwrap_or_default();
    let mut best: Option<(u8, NodeId)> = None;
    let mut h1s = Vec::new();
    for i in 0..page.len() as NodeId {
        let tag = page.tag(i);
        if !matches!(tag, "h1" | "h2") || stats.invisible[i as usize] {
            continue;
        }
        let text = fold(&stats.visible_text(page, i));
        let len = text.chars().count();
        if len < 4 {
            continue;
        }
        let close = |whole: &str| !whole.is_empty() && (whole.contains(&text) || text.contains(whole)) && 2 * len >= whole.chars().count();
        // 3: the og:title; 2: the headline part of <title>; 1: only some part of <title>
        // (often the site's name in a logo heading).
        let rank = if close(&og) {
            3
        } else if close(&headline_part) {
            2
        } else if doc_title.contains(&text) {
            1
        } else {
            0
        };
        if rank > best.map_or(0, |b| b.0) {
            best = Some((rank, i));
        }
        if tag == "h1" {
            h1s.push(i);
        }
    }
    match best {
        Some((rank, id)) if rank >= 2 => Some(id),
        _ if h1s.len() == 1 => Some(h1s[0]),
        Some((_, id)) => Some(id),
        None => None,
    }
}

/// The ten best containers of the strict pass with their final scores (for debugging tools).
pub fn top_candidates(page: &Page, stats: &Stats) -> Vec<(NodeId, f32)> {
    let shape = Shape::compute(page, stats, true);
    let ld_body = ld_article_body(page);
    let sc = score_paragraphs(page, stats, &shape, ld_body.as_deref(), true);
    let mut ranked: Vec<(NodeId, f32)> =
        sc.candidates.iter().map(|&c| (c, sc.score[c as usize] * (1.0 - stats.link_density(c)))).collect();
    crate::sort::by_key(&mut ranked, |&(c, s)| (crate::sort::f32_descending(s) as u64) << 32 | c as u64);
    ranked.truncate(10);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::PageBuilder;

    /// html > body > [div.nav > a*4, div.body > (text, br, br)*n, div.side > ul > li > a*4]
    fn br_page(lines: &[&str]) -> Page {
        let mut b = PageBuilder::new();
        b.open("html", []);
        b.open("body", []);
        b.open("div", [("class", "nav")]);
        for l in ["首页", "新闻", "图片", "视频"] {
            b.open("a", [("href", "/")]);
            b.text(l);
            b.close();
        }
        b.close();
        b.open("div", [("class", "con")]);
        for l in lines {
            b.text(l);
            b.open("br", []);
            b.close();
            b.open("br", []);
            b.close();
        }
        b.close();
        b.open("div", [("class", "side")]);
        b.open("ul", []);
        for l in ["江北区启动冬季供暖准备工作", "滨江公园新增三处健身步道", "全区中小学开展消防安全演练", "江北区举办秋季招聘会"] {
            b.open("li", []);
            b.open("a", [("href", "/n")]);
            b.text(l);
            b.close();
            b.close();
        }
        b.close();
        b.close();
        b.close();
        b.close();
        b.finish()
    }

    #[test]
    fn cjk_text_in_br_runs_is_an_article() {
        let line = "本报讯十一月三日上午，江北区第十二届社区文化节在滨江公园开幕，来自全区二十六个社区的一千余名居民参加了开幕式，现场气氛热烈。";
        let page = br_page(&[line; 6]);
        let stats = Stats::compute(&page);
        let art = detect(&page, &stats);
        assert!(art.is_article);
        let con = (0..page.len() as NodeId).find(|&i| page.attr(i, "class") == Some("con")).unwrap();
        assert_eq!(art.root, Some(con));
        assert_eq!(art.nodes, vec![con]);
    }

    #[test]
    fn br_runs_count_as_several_paragraphs() {
        let c = TextCounts::of("一二三，四五六。");
        assert!(paragraph_score(&c, 4) > paragraph_score(&c, 0) + 1.5);
    }

    #[test]
    fn json_strings_decode() {
        assert_eq!(json_string(r#"a \"b\" \u00e9\nc" rest"#).as_deref(), Some("a \"b\" é c"));
        assert_eq!(json_string("unterminated"), None);
    }
}
