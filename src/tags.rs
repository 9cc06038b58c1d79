//! The tag sets text extraction reads: block elements and never-visible elements (the page
//! builder reads the block set too, to know where a word gap can show).

/// A list of tag names and its membership test, from one list: the test is a `match`,
/// which compiles to a switch on the length and a few byte comparisons instead of a
/// comparison with every entry.
macro_rules! tag_set {
    ($(#[$doc:meta])* $list:ident, $(#[$fdoc:meta])* $test:ident: $($tag:literal),+ $(,)?) => {
        $(#[$doc])*
        // The list is for the reader and for the test that holds the `match` equal to it.
        #[cfg_attr(not(test), allow(dead_code))]
        pub(crate) const $list: &[&str] = &[$($tag),+];
        $(#[$fdoc])*
        pub(crate) fn $test(tag: &str) -> bool {
            matches!(tag, $($tag)|+)
        }
    };
}

tag_set! {
    /// Elements that start a new line of text (the same list as `shared/eval/html2text.py`).
    BLOCK_TAGS,
    /// `tag` is one of [`BLOCK_TAGS`].
    is_block:
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
}

tag_set! {
    /// Elements whose text is never visible, or not part of the running text: `rt` holds a
    /// ruby annotation (the reading printed above the base text, "災害<rt>さいがい</rt>") and
    /// `rp` the parentheses shown around it where ruby is not supported; read inline they
    /// would double every annotated word.
    INVISIBLE_TAGS,
    /// `tag` is one of [`INVISIBLE_TAGS`].
    is_invisible_tag:
    "script", "style", "template", "noscript", "head", "title", "svg", "math", "iframe", "object", "rt", "rp",
}
