//! `cargo run --release -p byline-bench --example phases -- PAGE.html`: time build and analyze.
fn main() {
    let path = std::env::args().nth(1).expect("page");
    let html = byline_html::decode(&std::fs::read(&path).unwrap()).unwrap();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let page = byline_html::parse(&html);
        let t1 = t.elapsed();
        let plan = byline::analyze(&page, &byline::Options::default());
        let t2 = t.elapsed() - t1;
        println!("nodes {} build {:?} analyze {:?} hidden {}", page.len(), t1, t2, plan.hidden.len());
    }
}
