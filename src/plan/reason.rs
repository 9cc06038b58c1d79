//! Why a block is hidden: a reason code with its arguments (page text, counts). The
//! English sentence of each code renders here (the plan's JSON, the CLI, the report); the
//! extension renders the same code in the reader's language from its `_locales`, whose
//! `reason…` messages take the same `$1`-style placeholders.

use serde::{Serialize, Serializer};
use std::fmt;

/// One code per sentence shape. The names are what the extension receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReasonCode {
    CommentSection,
    HeadlineList,
    HeadingOverLinks,
    HeadingOverLinksInArticle,
    HeadingOverButtons,
    HeadingOverButtonsInArticle,
    AdLabel,
    LikeLabel,
    ButtonLabel,
    FooterPhrase,
    DisclaimerPhrase,
    DisclaimerOpening,
    PrevNext,
    StoryPointer,
    AdDisclosure,
    NoticeLine,
    ReaderPrompt,
    CommentForm,
    EmailSignup,
    SubscribeButton,
    NewsletterLabel,
    CaptionRepeat,
    PhotoRepeat,
    FocusFurniture,
    FocusOutside,
    BlockModel,
    SiteRule,
}

/// Every code, in declaration order, with its name and its English template (`$1`, `$2`:
/// the arguments).
pub static REASONS: &[(ReasonCode, &str, &str)] = &[
    (ReasonCode::CommentSection, "comment_section", "comment section under “$1”"),
    (ReasonCode::HeadlineList, "headline_list", "“$1” over a list of $2 headline links beside the article"),
    (ReasonCode::HeadingOverLinks, "heading_over_links", "“$1” heading over $2 links"),
    (ReasonCode::HeadingOverLinksInArticle, "heading_over_links_in_article", "“$1” heading over $2 links inside the article"),
    (ReasonCode::HeadingOverButtons, "heading_over_buttons", "“$1” heading over $2 buttons"),
    (ReasonCode::HeadingOverButtonsInArticle, "heading_over_buttons_in_article", "“$1” heading over $2 buttons inside the article"),
    (ReasonCode::AdLabel, "ad_label", "ad slot labelled “$1”"),
    (ReasonCode::LikeLabel, "like_label", "“$1” like-button label"),
    (ReasonCode::ButtonLabel, "button_label", "“$1” button"),
    (ReasonCode::FooterPhrase, "footer_phrase", "site footer: contains “$1”"),
    (ReasonCode::DisclaimerPhrase, "disclaimer_phrase", "disclaimer: contains “$1”"),
    (ReasonCode::DisclaimerOpening, "disclaimer_opening", "disclaimer beside the article: opens with “$1”"),
    (ReasonCode::PrevNext, "prev_next", "previous/next article links"),
    (ReasonCode::StoryPointer, "story_pointer", "pointer to another story"),
    (ReasonCode::AdDisclosure, "ad_disclosure", "advertising disclosure “$1” (“$2”)"),
    (ReasonCode::NoticeLine, "notice_line", "notice line “$1” (“$2”)"),
    (ReasonCode::ReaderPrompt, "reader_prompt", "prompt to the reader “$1” (“$2”)"),
    (ReasonCode::CommentForm, "comment_form", "comment box “$1” (comment form)"),
    (ReasonCode::EmailSignup, "email_signup", "sign-up box “$1” (e-mail sign-up form)"),
    (ReasonCode::SubscribeButton, "subscribe_button", "sign-up box “$1” (subscribe button)"),
    (ReasonCode::NewsletterLabel, "newsletter_label", "sign-up box “$1” (newsletter label)"),
    (ReasonCode::CaptionRepeat, "caption_repeat", "caption shown $1 times; one copy stays"),
    (ReasonCode::PhotoRepeat, "photo_repeat", "the same photo shown again with its caption"),
    (ReasonCode::FocusFurniture, "focus_furniture", "furniture inside the story (focus mode)"),
    (ReasonCode::FocusOutside, "focus_outside", "outside the article (focus mode)"),
    (ReasonCode::BlockModel, "block_model", "page furniture: none of its $1 text blocks reads like story text"),
    (ReasonCode::SiteRule, "site_rule", "site rule (line $1): $2"),
];

impl ReasonCode {
    fn entry(self) -> &'static (ReasonCode, &'static str, &'static str) {
        &REASONS[self.index()]
    }
    /// The code's position in [`REASONS`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
    pub(crate) fn as_str(self) -> &'static str {
        self.entry().1
    }
    fn english(self) -> &'static str {
        self.entry().2
    }
    /// Arguments the template takes: its highest `$n`.
    fn arity(self) -> usize {
        let t = self.english().as_bytes();
        t.windows(2).filter(|w| w[0] == b'$').filter_map(|w| (w[1] as char).to_digit(10)).max().unwrap_or(0) as usize
    }
}

impl Serialize for ReasonCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Why one block is hidden.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub code: ReasonCode,
    pub args: Vec<String>,
}

impl Reason {
    pub(crate) fn new<const N: usize>(code: ReasonCode, args: [String; N]) -> Reason {
        debug_assert_eq!(N, code.arity(), "{code:?} takes {} arguments", code.arity());
        Reason { code, args: args.into() }
    }
    /// The English sentence.
    pub fn english(&self) -> String {
        self.render(self.code.english())
    }
    /// `template` with `$1`…`$9` replaced by the arguments, in one pass (an argument's own
    /// `$1` stays as it is); a missing argument is empty.
    pub(crate) fn render(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + self.args.iter().map(String::len).sum::<usize>());
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            match chars.peek().and_then(|d| d.to_digit(10)).filter(|&d| c == '$' && d > 0) {
                Some(d) => {
                    chars.next();
                    out.push_str(self.args.get(d as usize - 1).map_or("", String::as_str));
                }
                None => out.push(c),
            }
        }
        out
    }
}

impl From<ReasonCode> for Reason {
    fn from(code: ReasonCode) -> Reason {
        Reason::new(code, [])
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// A reason serializes as its English sentence: the plan's and the report's JSON.
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.english())
    }
}

#[cfg(test)]
mod tests;
