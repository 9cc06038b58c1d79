//! Debug aid: `cargo run --release --example explain PAGE.html [MIN_CHARS]` prints the block
//! tree (blocks holding at least MIN_CHARS of text) with the detector's choice marked.
use byline::analysis::stats::Stats;
use byline_html::{decode, parse};
use byline::{analyze, Options};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let html = decode(&std::fs::read(&args[1]).unwrap()).unwrap();
    let min: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200);
    let page = parse(&html);
    let stats = Stats::compute(&page);
    let plan = analyze(&page, &Options::default());
    println!("is_article={} root={:?} title_node={:?} nodes={:?}", plan.is_article, plan.article_root, plan.title_node, plan.article_nodes);
    let why = byline::analysis::article::explain(&page, &stats);
    let passes: String = why.passes.iter().map(|p| format!("pass score={:.1} paras={} para_weight={} compact={}; ", p.score, p.paragraphs, p.paragraph_weight, p.compact)).collect();
    let verdict = why.verdict.map(|v| format!("declared={} readerable={} weight={} (min {}) density={:.2} listing={} forum={} root={}", v.declared, v.readerable, v.weight, v.min_weight, v.density, v.listing, v.forum, v.root));
    println!("{passes}{}", verdict.unwrap_or_default());
    if let Some(snippet) = args.get(3) {
        let want: String = snippet.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        for i in 0..page.len() as u32 {
            let Some(t) = page.text(i) else { continue };
            if !t.split_whitespace().collect::<Vec<_>>().join(" ").contains(&want) {
                continue;
            }
            println!("snippet in text node {i} (invisible={}):", stats.invisible[i as usize]);
            for a in page.ancestors(i) {
                let mark = if plan.article_nodes.contains(&a) { "**" } else { "  " };
                println!("  {mark} {a} {} [{}] chars={} ld={:.2}", page.tag(a), page.class_and_id(a).chars().take(70).collect::<String>(), stats.total[a as usize].chars, stats.link_density(a));
            }
            return;
        }
        println!("snippet not found");
        return;
    }
    for (c, s) in byline::analysis::article::top_candidates(&page, &stats) {
        println!("cand {c} {} [{}] {s:.1}", page.tag(c), page.class_and_id(c));
    }
    for i in 0..page.len() as u32 {
        if !page.is_element(i) || stats.invisible[i as usize] || stats.total[i as usize].chars < min {
            continue;
        }
        let depth = page.ancestors(i).count();
        let mark = if plan.article_nodes.contains(&i) { "**" } else if plan.article_nodes.iter().any(|&a| page.contains(a, i)) { "in" } else { "  " };
        let inl = stats.inline[i as usize].chars;
        println!("{mark} {:>5} {}{} [{}] chars={} inline={} ld={:.2}", i, " ".repeat(depth.min(40)), page.tag(i), page.class_and_id(i).chars().take(60).collect::<String>(), stats.total[i as usize].chars, inl, stats.link_density(i));
    }
}
