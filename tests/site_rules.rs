//! Site rules applied by the core: `host##selector` hides a block (never the article or the
//! headline), `host#@#selector` protects a block and what contains it, and the per-site
//! switches keep their kinds.
use byline_html::parse;
use byline::plan::{Kind, Options};
use byline::rules::RuleMatch;

const PARA: &str = "The council voted on Tuesday to extend the library's opening hours, a decision that residents had asked for during three public meetings this year, and the new schedule starts next month. ";

fn page() -> byline::page::Page {
    let body: String = (0..6).map(|i| format!("<p>{PARA}Paragraph {i}.</p>")).collect();
    parse(&format!(
        "<html><body><div id=top><span>Weather 20°</span></div><h1>Library hours extended</h1>\
         <div class=article-body>{body}<div class=ad>Spring sale at the garden centre</div></div>\
         <div class=box><h3>Related articles</h3><ul><li><a href=/a>One story</a></li><li><a href=/b>Another story</a></li><li><a href=/c>Third story</a></li></ul></div>\
         </body></html>"
    ))
}

fn id_of(page: &byline::page::Page, attr: &str, value: &str) -> u32 {
    (0..page.len() as u32).find(|&i| page.attr(i, attr) == Some(value)).unwrap()
}

fn rule(keep: bool, nodes: Vec<u32>) -> RuleMatch {
    RuleMatch { line: 1, keep, rule: "x.com##.y".into(), nodes }
}

#[test]
fn hide_rules_hide_keep_rules_protect_and_the_article_stays() {
    let p = page();
    let plain = byline::analyze(&p, &Options::default());
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
    let plan = byline::analyze(&p, &options);
    let ruled: Vec<u32> = plan.hidden.iter().filter(|h| h.kind == Kind::SiteRule).map(|h| h.node).collect();
    assert_eq!(ruled, vec![top, ad], "the article and body are never hidden by a rule");
    assert!(plan.hidden.iter().all(|h| !p.contains(h.node, box_ + 1)), "a keep rule protects its block and what contains it");
    assert!(plan.hidden.iter().any(|h| h.reason.english().contains("line 1")));
}

#[test]
fn switches_keep_their_kinds() {
    let p = page();
    let options = Options { keep_clutter: true, ..Options::default() };
    let plan = byline::analyze(&p, &options);
    assert!(plan.hidden.iter().all(|h| matches!(h.kind, Kind::CaptionRepeat | Kind::SiteRule | Kind::OutsideArticle)), "{:?}", plan.hidden);
}
