//! `cargo run --release -p byline-bench --example analyze_loop -- PAGE.html N`: analyze N times
//! (for profilers such as `valgrind --tool=callgrind`).
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("page");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let html = byline::page::html::decode(&std::fs::read(&path).unwrap()).unwrap();
    let page = byline::page::html::parse(&html);
    let mut hidden = 0;
    for _ in 0..n {
        hidden += byline::analyze(&page, &byline::Options::default()).hidden.len();
    }
    println!("{hidden}");
}
