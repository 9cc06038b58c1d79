//! Unit tests of the article detector.

use super::detect;
use super::score::paragraph_score;
use crate::analysis::meta::Meta;
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page, PageBuilder};
use crate::text::TextCounts;

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
    let art = detect(&page, &stats, &Meta::new(&page));
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
