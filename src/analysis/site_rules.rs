//! The user's site rules and per-site switches, applied to the analysis' hidden list.
//! The adapters matched the selectors (plain data in `Options::rule_matches`); this only
//! decides: `##` matches become hidden blocks of kind `site_rule`, `#@#` matches are never
//! hidden (nor is any block containing one), and switched-off kinds are dropped.

use super::{outermost, Guard};
use crate::page::Page;
use crate::plan::{Hide, Kind, Options};
use crate::rules::RuleMatch;

/// Removes what the per-site switches keep visible.
pub fn drop_switched_off(options: &Options, hidden: &mut Vec<Hide>) {
    hidden.retain(|h| match h.kind {
        Kind::CaptionRepeat => !options.keep_captions,
        Kind::OutsideArticle | Kind::SiteRule => true,
        _ => !options.keep_clutter,
    });
}

/// `hidden` (outermost, sorted) plus the hide rules' matches, minus everything a keep
/// rule protects. Rules never hide `html`/`head`/`body`, the article or the headline, but
/// may hide blocks inside the article (an ad the user picked).
pub fn apply(page: &Page, guard: &Guard, mut hidden: Vec<Hide>, matches: &[RuleMatch]) -> Vec<Hide> {
    if matches.is_empty() {
        return hidden;
    }
    let len = page.len() as u32;
    for m in matches.iter().filter(|m| !m.keep) {
        for &node in m.nodes.iter().filter(|&&n| n < len && page.is_element(n)) {
            if guard.may_hide_in_article(page, node) {
                hidden.push(Hide { node, kind: Kind::SiteRule, reason: format!("site rule (line {}): {}", m.line, m.rule) });
            }
        }
    }
    let kept: Vec<u32> = matches.iter().filter(|m| m.keep).flat_map(|m| m.nodes.iter().copied()).filter(|&n| n < len).collect();
    hidden.retain(|h| kept.iter().all(|&k| !page.contains(h.node, k) && !page.contains(k, h.node)));
    outermost(page, hidden)
}

#[cfg(all(test, feature = "native"))]
mod tests {
    use crate::page::html::parse;
    use crate::plan::{Kind, Options};
    use crate::rules::RuleMatch;

    const PARA: &str = "The council voted on Tuesday to extend the library's opening hours, a decision that residents had asked for during three public meetings this year, and the new schedule starts next month. ";

    fn page() -> crate::page::Page {
        let body: String = (0..6).map(|i| format!("<p>{PARA}Paragraph {i}.</p>")).collect();
        parse(&format!(
            "<html><body><div id=top><span>Weather 20°</span></div><h1>Library hours extended</h1>\
             <div class=article-body>{body}<div class=ad>Spring sale at the garden centre</div></div>\
             <div class=box><h3>Related articles</h3><ul><li><a href=/a>One story</a></li><li><a href=/b>Another story</a></li><li><a href=/c>Third story</a></li></ul></div>\
             </body></html>"
        ))
    }

    fn id_of(page: &crate::page::Page, attr: &str, value: &str) -> u32 {
        (0..page.len() as u32).find(|&i| page.attr(i, attr) == Some(value)).unwrap()
    }

    fn rule(keep: bool, nodes: Vec<u32>) -> RuleMatch {
        RuleMatch { line: 1, keep, rule: "x.com##.y".into(), nodes }
    }

    #[test]
    fn hide_rules_hide_keep_rules_protect_and_the_article_stays() {
        let p = page();
        let plain = crate::analyze(&p, &Options::default());
        let box_ = id_of(&p, "class", "box");
        assert!(plain.hidden.iter().any(|h| h.node == box_), "the related box is clutter: {:?}", plain.hidden);

        let top = id_of(&p, "id", "top");
        let ad = id_of(&p, "class", "ad");
        let article = id_of(&p, "class", "article-body");
        let body = p.find_tag("body").unwrap();
        let options = Options {
            rule_matches: vec![rule(false, vec![top, ad, article, body]), rule(true, vec![box_ + 1])],
            ..Options::default()
        };
        let plan = crate::analyze(&p, &options);
        let ruled: Vec<u32> = plan.hidden.iter().filter(|h| h.kind == Kind::SiteRule).map(|h| h.node).collect();
        assert_eq!(ruled, vec![top, ad], "the article and body are never hidden by a rule");
        assert!(plan.hidden.iter().all(|h| !p.contains(h.node, box_ + 1)), "a keep rule protects its block and what contains it");
        assert!(plan.hidden.iter().any(|h| h.reason.contains("line 1")));
    }

    #[test]
    fn switches_keep_their_kinds() {
        let p = page();
        let options = Options { keep_clutter: true, ..Options::default() };
        let plan = crate::analyze(&p, &options);
        assert!(plan.hidden.iter().all(|h| matches!(h.kind, Kind::CaptionRepeat | Kind::SiteRule | Kind::OutsideArticle)), "{:?}", plan.hidden);
    }
}
