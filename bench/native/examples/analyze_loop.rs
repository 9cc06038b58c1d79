//! `cargo run --release -p byline-bench --example analyze_loop -- PAGE.html N [--no-budget]`:
//! analyze N times (for profilers such as `valgrind --tool=callgrind`). `--no-budget` lifts
//! the element budget, for the synthetic scaling pages.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("page");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let no_budget = args.next().as_deref() == Some("--no-budget");
    let html = byline_html::decode(&std::fs::read(&path).unwrap()).unwrap();
    let page = byline_html::parse(&html);
    let options = byline::Options { max_elements: no_budget.then_some(u32::MAX), ..byline::Options::default() };
    let mut hidden = 0;
    for _ in 0..n {
        hidden += byline::analyze(&page, &options).hidden.len();
    }
    println!("{hidden}");
}
