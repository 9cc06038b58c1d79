//! Every number that steers the article detector, one block per stage, each with its
//! meaning. The stages read them by name: a change here is a change of behaviour (check it
//! with `scripts/eval/plan-digest.sh`). Word lists (roles, layout classes, credit words) sit at
//! the top of the stage that reads them; class/id hint lists in `analysis/hints.rs`.

/// What counts as a paragraph (read by every stage).
pub(super) mod paragraph {
    /// A block needs this much text (Latin-equivalent chars) to count as a paragraph.
    pub(crate) const MIN_PARAGRAPH_WEIGHT: u32 = 25;
    /// A paragraph with more of its text inside links than this is a link list, not prose.
    pub(crate) const MAX_PARAGRAPH_LINK_SHARE: f32 = 0.5;
    /// `<br>`s per extra paragraph in a block written as `<br>` runs (two make a blank line).
    pub(crate) const BRS_PER_PARAGRAPH: u32 = 2;
}

/// `shape.rs`: which subtrees are side furniture ("unlikely").
pub(super) mod shape {
    /// A wrapper whose class reads like furniture ("pane-taxomenu") but which holds at least
    /// this share of the page's prose is a layout box around the story, not furniture.
    pub(crate) const UNLIKELY_MAX_PROSE_SHARE: f32 = 0.5;
    /// ... and an element marked as the story among its first this many descendants.
    pub(crate) const WRAPS_STORY_SCAN_NODES: usize = 2000;
}

/// `score.rs`: a paragraph's score, a container's starting score, how scores flow up.
pub(super) mod score {
    /// Score levels a paragraph passes up to its ancestors.
    pub(crate) const SCORE_LEVELS: usize = 5;
    /// The second level gets the paragraph's score divided by this ...
    pub(crate) const SECOND_LEVEL_DIVISOR: f32 = 2.0;
    /// ... a deeper level `l` gets it divided by `l` times this.
    pub(crate) const DEEP_LEVEL_DIVISOR: f32 = 3.0;
    /// A paragraph scores one point per this much text weight ...
    pub(crate) const WEIGHT_PER_POINT: f32 = 100.0;
    /// ... up to this many points per part (a `<br>` run counts as several parts).
    pub(crate) const MAX_LENGTH_POINTS_PER_PART: f32 = 3.0;
    /// What one positive (or negative) class/id/role hint adds to a container.
    pub(crate) const CLASS_WEIGHT: f32 = 25.0;
    /// `itemprop=articleBody` counts this many class weights.
    pub(crate) const ITEMPROP_BODY_CLASS_WEIGHTS: f32 = 2.0;
    /// A container's starting score by tag: `<article>` ...
    pub(crate) const TAG_BONUS_ARTICLE: f32 = 10.0;
    /// ... `<div>`, `<main>`, `<section>` ...
    pub(crate) const TAG_BONUS_SECTION: f32 = 5.0;
    /// ... `<pre>`, `<td>`, `<blockquote>` ...
    pub(crate) const TAG_BONUS_PROSE_BOX: f32 = 3.0;
    /// ... lists, list items, `<address>`, `<form>` ...
    pub(crate) const TAG_BONUS_LIST: f32 = -3.0;
    /// ... headings and `<th>` (other tags start at 0).
    pub(crate) const TAG_BONUS_HEADING: f32 = -5.0;
    /// A paragraph contained in the JSON-LD `articleBody` scores this many times more.
    pub(crate) const LD_BODY_BOOST: f32 = 3.0;
}

/// `choose.rs`: from the best container to the story's root and blocks.
pub(super) mod choose {
    /// Candidates within this share of the top score count as "also strong".
    pub(crate) const STRONG_CANDIDATE_SHARE: f32 = 0.75;
    /// Rivals after the top that may count as strong.
    pub(crate) const STRONG_CANDIDATES_SEEN: usize = 5;
    /// Strong rivals that must share an ancestor for the top to widen to it.
    pub(crate) const MIN_STRONG_CANDIDATES: usize = 2;
    /// A parent scoring at least this share of the top keeps the climb going.
    pub(crate) const PARENT_CLIMB_SHARE: f32 = 1.0 / 3.0;
    /// Siblings scoring at least this share of the top score join the article ...
    pub(crate) const SIBLING_SCORE_SHARE: f32 = 0.2;
    /// ... and at least this score.
    pub(crate) const SIBLING_MIN_SCORE: f32 = 10.0;
    /// A sibling `<p>` joins with this much text ...
    pub(crate) const SIBLING_P_MIN_WEIGHT: u32 = 80;
    /// ... below this link density (or with no links, when it ends a sentence).
    pub(crate) const SIBLING_P_MAX_LINK_DENSITY: f32 = 0.25;
    /// Wrappers above the root whose alike siblings (same tag and class, or the same first
    /// class) join the story.
    pub(crate) const SECTION_LEVELS: usize = 4;
    /// ... when they are at most this link-dense.
    pub(crate) const SECTION_MAX_LINK_DENSITY: f32 = 0.25;
    /// ... and, when only their first class matches, hold this much paragraph text.
    pub(crate) const SECTION_MIN_PROSE_LOOSE: u32 = 100;
}

/// `refine.rs`: furniture cut from inside the story's blocks.
pub(super) mod refine {
    /// Inside the article: a block this link-dense (and long enough) is furniture.
    pub(crate) const JUNK_LINK_DENSITY: f32 = 0.5;
    /// ... a short block (under MIN_PARAGRAPH_WEIGHT) this link-dense is furniture.
    pub(crate) const JUNK_SHORT_LINK_DENSITY: f32 = 0.2;
    /// Cut figures (photo + caption) from the story. Off: readers want the photos in focus
    /// mode and Readability keeps them (on: trafilatura focus snippet F1 +0.004,
    /// readability F1 -0.003).
    pub(crate) const FIGURES_ARE_JUNK: bool = false;
    /// Cut photo credits from the story: blocks marked as credits, and caption lines that
    /// open with a credit word ("Foto:", "©"). (Whole captions stay: Readability keeps
    /// them, and cutting them costs its corpus 0.012 recall for +0.008 trafilatura snippet F1.)
    pub(crate) const CREDITS_ARE_JUNK: bool = true;
    /// ... when they are at most this long (characters).
    pub(crate) const CREDIT_MAX_CHARS: u32 = 120;
    /// A line outside captions that opens with a photo-credit word is a credit up to this long.
    pub(crate) const PHOTO_CREDIT_LINE_MAX_CHARS: u32 = 80;
    /// A paragraph shorter than this that is mostly a link is a "read also" pointer.
    pub(crate) const JUNK_MAX_LINKED_LINE: u32 = 200;
    /// Blocks with at least this many commas are prose whatever else they look like.
    pub(crate) const JUNK_MAX_COMMAS: u32 = 10;
    /// Furniture-marked blocks holding this much paragraph text are kept anyway.
    pub(crate) const JUNK_MAX_PARAGRAPH_WEIGHT: u32 = 300;
    /// A label line ("Weitere Informationen:", "Read more", a subheading) is at most this
    /// long (characters); one followed by nothing but furniture (a link list) is that
    /// furniture's label and goes with it.
    pub(crate) const DANGLING_LABEL_MAX_CHARS: u32 = 80;
    /// ... and at most this many words, when it is a line ending with a colon.
    pub(crate) const DANGLING_LABEL_MAX_WORDS: usize = 6;
    /// A line whose letters are at least this share recommendations-label phrases
    /// (lexicon) goes with any furniture right after it.
    pub(crate) const DANGLING_LABEL_MIN_COVERAGE: f32 = 0.5;
    /// ... when the link list holds at least this many links (a single link is a download
    /// or a source the label announces as part of the story).
    pub(crate) const DANGLING_LABEL_MIN_LINKS: usize = 2;
}

/// `verdict.rs` (and the choice between passes in `mod.rs`): is the body a story?
pub(super) mod verdict {
    /// Paragraphs longer than this count towards "is this page an article".
    pub(crate) const READERABLE_MIN_PARAGRAPH: u32 = 140;
    /// Sum of sqrt(len - READERABLE_MIN_PARAGRAPH) a page needs to be an article.
    pub(crate) const READERABLE_MIN_SCORE: f32 = 15.0;
    /// The same, for a page that declares itself an article (og:type, schema.org type).
    pub(crate) const READERABLE_MIN_SCORE_DECLARED: f32 = 0.0;
    /// A page whose chosen body holds this many paragraphs ...
    pub(crate) const READERABLE_BODY_PARAGRAPHS: u32 = 6;
    /// ... of at least this much paragraph text in all is an article too (short CJK lines).
    pub(crate) const READERABLE_BODY_WEIGHT: u32 = 900;
    /// A compact story (a short post, a product story): at least this many paragraphs ...
    pub(crate) const COMPACT_BODY_PARAGRAPHS: u32 = 3;
    /// ... of at least this much text in all (it is then readerable and long enough) ...
    pub(crate) const COMPACT_BODY_WEIGHT: u32 = 300;
    /// ... making up at least this share of the article's text ...
    pub(crate) const COMPACT_BODY_PROSE_SHARE: f32 = 0.7;
    /// ... which is at most this link-dense.
    pub(crate) const COMPACT_BODY_MAX_LINK_DENSITY: f32 = 0.1;
    /// The article needs at least this much text.
    pub(crate) const MIN_ARTICLE_WEIGHT: u32 = 400;
    /// ... or this much when the page declares itself an article.
    pub(crate) const MIN_ARTICLE_WEIGHT_DECLARED: u32 = 190;
    /// ... and at most this link density.
    pub(crate) const MAX_ARTICLE_LINK_DENSITY: f32 = 0.35;
    /// A stricter pass that finds less than this goes on to the looser passes (its
    /// furniture filters may have struck the body: a "sidebar-wrapper" around the story);
    /// the pass finding the most text wins.
    pub(crate) const RETRY_BELOW_WEIGHT: u32 = 500;
    /// A body with at least this many linked headings (teaser titles) ...
    pub(crate) const LISTING_MIN_LINKED_HEADINGS: u32 = 3;
    /// ... and at least one per this many paragraphs is a listing / search results ...
    pub(crate) const LISTING_PARAGRAPHS_PER_HEADING: u32 = 3;
    /// ... with less paragraph text than this per heading (teasers are short).
    pub(crate) const LISTING_MAX_TEXT_PER_HEADING: u32 = 400;
    /// A linked heading holds at least this many characters ...
    pub(crate) const LISTING_HEADING_MIN_CHARS: u32 = 8;
    /// ... and more than this share of them in links.
    pub(crate) const LISTING_HEADING_MIN_LINK_DENSITY: f32 = 0.5;
    /// An inbox, a result table: at least this many table cells that each hold a link
    /// (lists of links stay articles: release notes and document round-ups are made of
    /// them) ...
    pub(crate) const ITEM_LIST_MIN_ITEMS: u32 = 8;
    /// ... carrying at least this share of the container's paragraph text ...
    pub(crate) const ITEM_LIST_MIN_SHARE: f32 = 0.6;
    /// ... while no block outside the items reads like a story paragraph (this long).
    pub(crate) const ITEM_LIST_MAX_PROSE: u32 = 200;
    /// This many sibling blocks alike (tag and class), each with prose and a poster
    /// (author, user, avatar), make a forum thread or a comment page, not a story.
    pub(crate) const FORUM_MIN_POSTS: usize = 3;
    /// ... holding at least this share of the text around them.
    pub(crate) const FORUM_MIN_SHARE: f32 = 0.6;
    /// A poster element is at most this long (characters).
    pub(crate) const FORUM_POSTER_MAX_CHARS: u32 = 80;
}

/// `headline.rs`: the headline and the lead paragraphs between it and the body.
pub(super) mod headline {
    /// A headline holds at least this many characters.
    pub(crate) const HEADLINE_MIN_CHARS: u32 = 4;
    /// A lead paragraph between the headline and the body needs this much text ...
    pub(crate) const LEAD_MIN_WEIGHT: u32 = 60;
    /// ... and at most this share of it in links (and no link-heavy block around it).
    pub(crate) const LEAD_MAX_LINK_SHARE: f32 = 0.3;
}
