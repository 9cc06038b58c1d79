//! The learned block model, run through `analyze_with` on the bundled readability pages
//! (tidy mode): it hides structural clutter the rules leave, never a block of the article,
//! and never the site's header above it; without a model the plan is `analyze`'s.

use byline::analysis::blocks::Model;
use byline::plan::Kind;
use byline::{Mode, Options};

fn model() -> Model {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/model/blocks.bin");
    Model::parse(&std::fs::read(path).expect("data/model/blocks.bin"))
        .expect("the committed model parses")
}

#[test]
fn the_model_hides_clutter_and_keeps_the_story() {
    let model = model();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/readability");
    let mut pages_with_hides = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path().join("source.html");
        if !path.is_file() {
            continue;
        }
        let html = byline_html::decode(&std::fs::read(&path).unwrap()).unwrap();
        let page = byline_html::parse(&html);
        let options = Options {
            mode: Mode::Tidy,
            ..Options::default()
        };
        let plain = byline::analyze(&page, &options);
        assert_eq!(
            byline::analysis::analyze_with(&page, &options, None),
            plain,
            "{}",
            path.display()
        );
        let learned = byline::analysis::analyze_with(&page, &options, Some(&model));
        let start = plain.title_node.into_iter().chain(plain.article_root).min();
        let mut found = 0;
        for h in learned
            .hidden
            .iter()
            .filter(|h| h.kind == Kind::Boilerplate)
        {
            found += 1;
            for &n in plain.article_nodes.iter().chain(&plain.title_node) {
                assert!(
                    !page.contains(h.node, n) && !page.contains(n, h.node),
                    "{}: hides story node {n}",
                    path.display()
                );
            }
            assert!(
                start.is_some_and(|s| h.node > s),
                "{}: hides {} above the article",
                path.display(),
                h.node
            );
        }
        // Everything the rules hid is still hidden (possibly inside a larger hide), and
        // the article text is the same.
        for h in &plain.hidden {
            assert!(
                learned.hidden.iter().any(|l| page.contains(l.node, h.node)),
                "{}: {} no longer hidden",
                path.display(),
                h.node
            );
        }
        let text = |plan| byline::report::report(&page, plan).article_text;
        assert_eq!(text(&learned), text(&plain), "{}", path.display());
        pages_with_hides += usize::from(found > 0);
    }
    assert!(
        pages_with_hides >= 3,
        "the model hid clutter on {pages_with_hides} of the bundled pages"
    );
}
