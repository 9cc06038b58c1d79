//! The plan: what the analysis decided, as plain data. Adapters apply it; the CLI prints it.

use crate::page::NodeId;
use serde::{Deserialize, Serialize};

mod reason;
pub use reason::{Reason, ReasonCode, REASONS};

/// The attribute that marks a hidden block (valued with its kind), in every adapter.
pub const HIDDEN_ATTR: &str = "data-byline-hidden";
/// The one stylesheet that does the hiding.
pub const STYLE: &str = "[data-byline-hidden]{display:none!important}";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Hide clutter, keep the site's own layout.
    #[default]
    Tidy,
    /// Also hide everything outside the article.
    Focus,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// The page's address, for host-based signals (republisher, canonical elsewhere).
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub mode: Mode,
    /// Per-site switch "hide footers/recommendations" turned off: no clutter kind is hidden.
    #[serde(default)]
    pub keep_clutter: bool,
    /// Per-site switch "hide repeated captions" turned off.
    #[serde(default)]
    pub keep_captions: bool,
    /// What the site rules matched on this page, found by the adapter (src/rules.rs).
    #[serde(default)]
    pub rule_matches: Vec<crate::rules::RuleMatch>,
    /// The element budget: a page with more elements than this is not analysed (the plan
    /// hides nothing and says why in [`Plan::degraded`]). `None`: [`DEFAULT_MAX_ELEMENTS`].
    #[serde(default)]
    pub max_elements: Option<u32>,
}

/// The default element budget. Analysis is linear in the page model (0.4–0.8 s for
/// 200 000 elements natively on the project machine, see tests/limits.rs); real article
/// pages have 500–10 000 elements, so this only stops pathological pages, before the
/// analysis would hold the tab for seconds in the content script.
pub const DEFAULT_MAX_ELEMENTS: u32 = 100_000;

impl Options {
    pub(crate) fn element_budget(&self) -> u32 {
        self.max_elements.unwrap_or(DEFAULT_MAX_ELEMENTS)
    }
}

/// What kind of block was hidden. The names are the CLI's `hidden[].kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Recommendations,
    FriendLinks,
    Comments,
    Newsletter,
    Share,
    Reactions,
    Ads,
    PrevNext,
    Disclaimer,
    Footer,
    BackToTop,
    CaptionRepeat,
    OutsideArticle,
    /// Text blocks the block model scores as page furniture, not story text.
    Boilerplate,
    /// Hidden by one of the user's `host##selector` rules.
    SiteRule,
}

/// Every kind with its name (the serde name, the lexicon section name).
pub const KINDS: &[(Kind, &str)] = &[
    (Kind::Recommendations, "recommendations"),
    (Kind::FriendLinks, "friend_links"),
    (Kind::Comments, "comments"),
    (Kind::Newsletter, "newsletter"),
    (Kind::Share, "share"),
    (Kind::Reactions, "reactions"),
    (Kind::Ads, "ads"),
    (Kind::PrevNext, "prev_next"),
    (Kind::Disclaimer, "disclaimer"),
    (Kind::Footer, "footer"),
    (Kind::BackToTop, "back_to_top"),
    (Kind::CaptionRepeat, "caption_repeat"),
    (Kind::OutsideArticle, "outside_article"),
    (Kind::Boilerplate, "boilerplate"),
    (Kind::SiteRule, "site_rule"),
];

impl Kind {
    /// The kind a lexicon section names (`[heading:recommendations]` → Recommendations).
    pub(crate) fn from_lexicon(name: &str) -> Option<Kind> {
        KINDS.iter().find(|(_, n)| *n == name).map(|(k, _)| *k)
    }
    pub fn as_str(self) -> &'static str {
        KINDS.iter().find(|(k, _)| *k == self).map_or("clutter", |(_, n)| n)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hide {
    pub node: NodeId,
    pub kind: Kind,
    /// Why, as a code with arguments; serialized as its English sentence
    /// ("“友情链接” heading over 4 links").
    pub reason: Reason,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// What kind of clue: dateline, tail, label, meta, title_suffix, host, date_text…
    pub signal: String,
    /// The text on the page that is the clue.
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub original: Option<String>,
    pub republisher: Option<String>,
    pub claimed_source: Option<String>,
    pub page_date: Option<String>,
    pub story_date: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The page-type classifier's verdict: only an article gets the badge and the modes.
    pub is_article: bool,
    /// How sure that verdict is: the classifier's margin from its decision, in
    /// thousandths (positive: an article; 0 when no main container was found).
    pub page_score: i32,
    pub title: Option<String>,
    /// The headline element, kept visible in every mode.
    pub title_node: Option<NodeId>,
    /// The element holding the article body (on a page that is no article, the main
    /// content the detector found, if any).
    pub article_root: Option<NodeId>,
    /// `article_root` plus sibling blocks merged into the article, in document order.
    pub article_nodes: Vec<NodeId>,
    /// Blocks to hide, in document order, none inside another.
    pub hidden: Vec<Hide>,
    pub source: Source,
    pub mode: Mode,
    /// Nodes in the page model the plan was made on (adapters check they agree).
    pub node_count: u32,
    /// Set when the page was not analysed in full, with the reason for the reader
    /// ("page too large: 250000 elements, budget 100000"). The plan then hides nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degraded: Option<Degraded>,
}

/// Why the plan is not a full analysis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Degraded {
    /// Elements in the page model.
    pub elements: u32,
    /// The budget it exceeded.
    pub budget: u32,
    /// A short English note (the extension shows its own localized words from the numbers).
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_match_serde() {
        for (kind, name) in KINDS {
            assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::Value::String(name.to_string()));
            assert_eq!(Kind::from_lexicon(name), Some(*kind));
        }
    }
}
