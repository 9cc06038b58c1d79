//! Properties over generated pages (proptest): random trees of news-page blocks — prose,
//! clutter headings in several languages, link lists, footers, wrappers nested at random —
//! around an article that is sometimes there and sometimes not.
//!
//! - the plan never hides `html`/`head`/`body`, the article root, the headline, or an
//!   ancestor of either; hides are in range, sorted and outermost (fuzz/src/checks.rs);
//! - the analysis is deterministic, and hiding is idempotent: applying the plan's hides
//!   twice writes the same page as applying them once;
//! - restore is the identity: the page written with the plan applied, minus exactly what
//!   Byline adds (the attribute, the stylesheet, the badge), is the page written without it.

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)] // only check_plan is used here
mod checks;

use byline_html::parse_document;
use byline::plan::HIDDEN_ATTR;
use byline_html::apply_to_html;
use byline::plan::{Mode, Options, Plan, KINDS};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Tree {
    El(&'static str, Option<&'static str>, Vec<Tree>),
    Text(&'static str),
}

const TAGS: &[&str] = &["div", "p", "ul", "li", "a", "h2", "h3", "span", "section", "footer", "aside", "nav", "figure", "figcaption", "img", "br", "table", "td"];
const CLASSES: &[&str] = &["recommend", "related", "footer", "share", "comments", "content", "article-body", "sidebar", "ad", "caption", "main", "copyright"];
const TEXTS: &[&str] = &[
    "The council voted on Tuesday, after a long debate, to fund the new bridge over the river.",
    "Officials said the work would start next spring, and that traffic would be diverted for months.",
    "SEOUL, Nov. 23 (Yonhap) -- North Korea fired a missile, the military said, citing its sources.",
    "韩联社首尔11月23日电 韩国军方表示，朝鲜当天发射了一枚导弹，具体情况正在分析之中。",
    "Recommended", "Related articles", "相关阅读", "友情链接", "热门文章", "관련기사", "関連記事",
    "Share", "Comments", "All resources come from the internet; contact us for removal.",
    "Copyright © 2024 Example News. All rights reserved.", "Back to top", "↑",
    "Photo: the bridge at dusk. (Yonhap)", "Next article", "Previous article", "Subscribe to our newsletter",
    "Source: Xinhua", "2024-09-22 10:31", "Story", "a", "·",
];

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = prop::sample::select(TEXTS).prop_map(Tree::Text);
    leaf.prop_recursive(6, 120, 6, |inner| {
        (prop::sample::select(TAGS), prop::option::of(prop::sample::select(CLASSES)), prop::collection::vec(inner, 0..6))
            .prop_map(|(t, c, kids)| Tree::El(t, c, kids))
    })
}

fn write(t: &Tree, out: &mut String) {
    match t {
        Tree::Text(s) => out.push_str(s),
        Tree::El(tag, class, kids) => {
            out.push('<');
            out.push_str(tag);
            if let Some(c) = class {
                out.push_str(&format!(" class=\"{c}\""));
            }
            if *tag == "a" {
                out.push_str(" href=\"/n/1\"");
            }
            out.push('>');
            if !matches!(*tag, "img" | "br") {
                for k in kids {
                    write(k, out);
                }
                out.push_str(&format!("</{tag}>"));
            }
        }
    }
}

/// A page: random blocks, maybe an article (headline + `paras` paragraphs), random blocks.
fn page() -> impl Strategy<Value = String> {
    (prop::collection::vec(tree(), 0..5), prop::option::of(2usize..8), prop::collection::vec(tree(), 0..6), any::<bool>())
        .prop_map(|(before, article, after, wrap)| {
            let mut s = String::from("<!doctype html><html><head><title>Bridge vote - Example News</title></head><body>");
            if wrap {
                s.push_str("<div class=\"wrap\"><div class=\"container\">");
            }
            for t in &before {
                write(t, &mut s);
            }
            if let Some(paras) = article {
                s.push_str("<article><h1>Council approves the new bridge</h1>");
                for i in 0..paras {
                    s.push_str(&format!("<p>{} {}</p>", TEXTS[i % 4], TEXTS[(i + 1) % 4]));
                }
                s.push_str("</article>");
            }
            for t in &after {
                write(t, &mut s);
            }
            if wrap {
                s.push_str("</div></div>");
            }
            s.push_str("</body></html>");
            s
        })
}

const BADGE: &str = "<div id=\"byline-badge\">Byline · source: test</div>";

/// What the writer adds for a plan, taken away again: the hidden attribute on each block,
/// the badge. (The stylesheet is written for every plan, the empty one too.)
fn strip(html: &str) -> String {
    let mut s = html.replace(BADGE, "");
    for (_, kind) in KINDS {
        s = s.replace(&format!(" {HIDDEN_ATTR}=\"{kind}\""), "");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn plans_respect_the_article_and_restore_exactly(html in page(), focus in any::<bool>()) {
        prop_assume!(!html.contains(HIDDEN_ATTR));
        let doc = scraper::Html::parse_document(&html);
        let (model, _) = parse_document(&doc);
        let options = Options { mode: if focus { Mode::Focus } else { Mode::Tidy }, ..Options::default() };
        let plan = byline::analyze(&model, &options);
        checks::check_plan(&model, &plan);
        prop_assert_eq!(&plan, &byline::analyze(&model, &options), "deterministic");

        let untouched = apply_to_html(&doc, &Plan::default(), "");
        let cleaned = apply_to_html(&doc, &plan, BADGE);
        prop_assert_eq!(cleaned.matches(&format!(" {HIDDEN_ATTR}=\"")).count(), plan.hidden.len(), "one attribute per hidden block");
        prop_assert_eq!(strip(&cleaned), untouched, "restore is the identity");

        let mut twice = plan.clone();
        twice.hidden.extend(plan.hidden.iter().cloned());
        prop_assert_eq!(apply_to_html(&doc, &twice, BADGE), cleaned, "hiding twice is hiding once");
    }
}

/// The generator does reach pages where something is hidden (else the properties above
/// would hold vacuously), and pages without an article where nothing is.
#[test]
fn generated_pages_exercise_hiding() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut with_hides, mut articles, mut non_articles) = (0, 0, 0);
    for _ in 0..200 {
        let html = page().new_tree(&mut runner).unwrap().current();
        let model = byline_html::parse(&html);
        let plan = byline::analyze(&model, &Options::default());
        with_hides += usize::from(!plan.hidden.is_empty());
        articles += usize::from(plan.is_article);
        non_articles += usize::from(!plan.is_article);
    }
    assert!(with_hides >= 20 && articles >= 40 && non_articles >= 10, "hides {with_hides}, articles {articles}, non-articles {non_articles}");
}

/// A case proptest found (shrunk): the detector's root holds only a disclaimer heading and
/// the story sits in a sibling `<article>`, so refining leaves none of the root's own blocks
/// in the story. Focus mode must still not hide the root (nor the headline).
#[test]
fn focus_mode_keeps_a_root_refined_to_nothing() {
    let html = "<!doctype html><html><head><title>Bridge vote - Example News</title></head><body><div class=\"content\"><h2>All resources come from the internet; contact us for removal.</h2></div><article><h1>Council approves the new bridge</h1><p>The council voted on Tuesday, after a long debate, to fund the new bridge over the river. Officials said the work would start next spring, and that traffic would be diverted for months.</p><p>Officials said the work would start next spring, and that traffic would be diverted for months. SEOUL, Nov. 23 (Yonhap) -- North Korea fired a missile, the military said, citing its sources.</p></article><h2><p>Copyright © 2024 Example News. All rights reserved.</p></h2></body></html>";
    let model = byline_html::parse(html);
    for mode in [Mode::Tidy, Mode::Focus] {
        let plan = byline::analyze(&model, &Options { mode, ..Options::default() });
        checks::check_plan(&model, &plan);
    }
}
