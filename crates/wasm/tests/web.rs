//! Browser unit tests (wasm-bindgen-test in headless Chromium) of what the extension ships:
//! the content script's DOM walker (`snapshot.js`) on a live document, the page model the
//! wasm builds from its snapshot, and `analyze_snapshot`'s answer. Applying that answer and
//! restoring the page (extension/lib/apply.js) is tested in the extension's own browser
//! tests (tests/e2e/restore.test.mjs).
#![cfg(target_arch = "wasm32")]

use byline_wasm::{analyze_snapshot, build_from_snapshot, site_config};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/snapshot.js")]
extern "C" {
    fn snapshot_document(opaque: &str, attrs: &str, full: &str, selectors: &js_sys::Array) -> JsValue;
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &key.into()).unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A container of our own in the runner's page (the runner reports through the body).
fn mount(html: &str) -> web_sys::Element {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    div.set_attribute("id", "fixture").unwrap();
    div.set_inner_html(html);
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// The snapshot the content script takes, with the walker settings the core hands it.
fn snapshot() -> JsValue {
    let config = site_config(JsValue::UNDEFINED, JsValue::UNDEFINED, "https://example.com/news/1").unwrap();
    let text = |k: &str| get(&config, k).as_string().unwrap();
    snapshot_document(&text("opaque"), &text("attrs"), &text("full"), &js_sys::Array::new())
}

#[wasm_bindgen_test]
fn live_dom_becomes_the_page_model() {
    let fixture = mount(
        "<p class=\"lead\">Hello <b>bold</b> world</p>\n  <svg><text>not text</text></svg><template><p>inert</p></template>\
         <script>var x = 1;</script><script type=\"application/ld+json\">{\"a\":1}</script>",
    );
    let snap = snapshot();
    let (page, element_of) = build_from_snapshot(&get(&snap, "table").as_string().unwrap()).unwrap();
    let root = (0..page.len() as u32).find(|&i| page.attr(i, "id") == Some("fixture")).expect("fixture in model");
    let inside: Vec<String> = page
        .subtree(root)
        .map(|i| match page.text(i) {
            Some(t) => format!("#{t}"),
            None => page.tag(i).to_string(),
        })
        .collect();
    assert_eq!(
        inside,
        ["div", "p", "#Hello ", "b", "#bold", "# world", "svg", "template", "script", "script", "#{\"a\":1}"],
        "whitespace-only text dropped, opaque children skipped, JSON-LD kept"
    );
    let p = root + 1;
    assert_eq!(page.attr(p, "class"), Some("lead"));
    // The model maps back to the very DOM element it came from.
    let elements: js_sys::Array = get(&snap, "elements").dyn_into().unwrap();
    let el: web_sys::Element = elements.get(element_of[p as usize]).dyn_into().unwrap();
    assert_eq!(el.class_name(), "lead");
    assert_eq!(element_of[p as usize + 1], u32::MAX, "text nodes have no element");
    fixture.remove();
}

#[wasm_bindgen_test]
fn a_live_article_gets_a_plan_that_keeps_its_text() {
    let para = "The council voted on Tuesday to extend the library's opening hours, a decision that residents had asked for during three public meetings this year, and the new schedule starts next month. ";
    let body: String = (0..6).map(|i| format!("<p>{para}Paragraph {i}.</p>")).collect();
    let fixture = mount(&format!(
        "<h1>Library hours extended</h1><div class=\"article-body\">{body}</div>\
         <div class=\"box\"><h3>Related articles</h3><ul><li><a href=\"/a\">One story</a></li><li><a href=\"/b\">Another story</a></li><li><a href=\"/c\">Third story</a></li></ul></div>\
         <span>Back to top</span>"
    ));
    let before = document().document_element().unwrap().outer_html();
    let snap = snapshot();
    // What the content script sends: the table and the matches (the elements stay behind).
    let sent = js_sys::Object::new();
    js_sys::Reflect::set(&sent, &"table".into(), &get(&snap, "table")).unwrap();
    js_sys::Reflect::set(&sent, &"matches".into(), &get(&snap, "matches")).unwrap();
    let result = analyze_snapshot(sent.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&result, "state").as_string().as_deref(), Some("cleaned"));
    let elements: js_sys::Array = get(&snap, "elements").dyn_into().unwrap();
    let element = |v: JsValue| -> web_sys::Element { elements.get(get(&v, "element").as_f64().unwrap() as u32).dyn_into().unwrap() };
    let hide: js_sys::Array = get(&result, "hide").dyn_into().unwrap();
    let texts: Vec<String> = hide.iter().map(|h| element(h).text_content().unwrap_or_default()).collect();
    assert!(texts.iter().any(|t| t.contains("Related articles")), "related block hidden: {texts:?}");
    assert!(texts.iter().any(|t| t == "Back to top"), "back-to-top hidden: {texts:?}");
    assert!(texts.iter().all(|t| !t.contains("Paragraph")), "no article text hidden: {texts:?}");
    let line = get(&get(&result, "badge"), "line").as_string().unwrap();
    assert!(line.starts_with("Byline"), "a badge model: {line}");
    assert_eq!(element(get(&result, "anchor")).tag_name(), "H1", "the badge goes by the headline");
    assert_eq!(document().document_element().unwrap().outer_html(), before, "reading and analysing change nothing");
    fixture.remove();
}

/// Corrupt snapshots (what a broken or forged message could carry) give an error or a
/// harmless answer, never a trap: under panic=abort a trap would take the core down.
#[wasm_bindgen_test]
fn corrupt_snapshots_are_errors_not_traps() {
    use byline_wasm::analyze_snapshot;
    let snap = |table: &str| {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"table".into(), &table.into()).unwrap();
        JsValue::from(o)
    };
    // An unknown token is an error.
    assert!(analyze_snapshot(snap("o0\u{FDD0}html\u{FDD0}x"), JsValue::UNDEFINED).is_err());
    // A forged attribute count neither allocates without bound nor traps.
    assert!(analyze_snapshot(snap("o4294967295\u{FDD0}html\u{FDD0}a\u{FDD0}b"), JsValue::UNDEFINED).is_ok());
    assert!(analyze_snapshot(snap("o99999999999999999999999\u{FDD0}html"), JsValue::UNDEFINED).is_err());
    // Unbalanced closes, a text with its string missing, an empty table.
    assert!(analyze_snapshot(snap("c\u{FDD0}c\u{FDD0}t"), JsValue::UNDEFINED).is_ok());
    assert!(analyze_snapshot(snap("o0\u{FDD0}html\u{FDD0}o0"), JsValue::UNDEFINED).is_ok());
    assert!(analyze_snapshot(snap(""), JsValue::UNDEFINED).is_ok());
    // No token table at all.
    let empty = JsValue::from(js_sys::Object::new());
    assert!(analyze_snapshot(empty, JsValue::UNDEFINED).is_err());
    // Not a snapshot at all, and a request of the wrong shape.
    assert!(analyze_snapshot(JsValue::from_str("x"), JsValue::UNDEFINED).is_err());
    assert!(analyze_snapshot(snap(""), JsValue::from_f64(3.0)).is_err());
}
