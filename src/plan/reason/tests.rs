use super::*;

/// The extension's message name of a code (extension/lib/protocol.js `reasonKey`):
/// comment_section → reasonCommentSection.
fn message_key(name: &str) -> String {
    let mut key = String::from("reason");
    for word in name.split('_') {
        let mut chars = word.chars();
        key.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        key.push_str(chars.as_str());
    }
    key
}

const LOCALES: &[(&str, &str)] = &[
    ("en", include_str!("../../../extension/_locales/en/messages.json")),
    ("ja", include_str!("../../../extension/_locales/ja/messages.json")),
    ("ko", include_str!("../../../extension/_locales/ko/messages.json")),
    ("zh_CN", include_str!("../../../extension/_locales/zh_CN/messages.json")),
];

/// A `_locales` message with its `$ARGn$` placeholders written back as `$n`.
fn template(messages: &serde_json::Value, key: &str) -> Option<String> {
    let text = messages.get(key)?.get("message")?.as_str()?;
    let mut out = text.to_string();
    for n in 1..=9 {
        out = out.replace(&format!("$ARG{n}$"), &format!("${n}"));
    }
    Some(out)
}

#[test]
fn every_code_has_a_message_in_every_locale_and_english_matches() {
    for (lang, json) in LOCALES {
        let messages: serde_json::Value = serde_json::from_str(json).unwrap();
        for &(code, name, english) in REASONS {
            let key = message_key(name);
            let Some(text) = template(&messages, &key) else { panic!("{lang}: no message {key}") };
            let args: Vec<String> = (1..=code.arity()).map(|n| format!("<{n}>")).collect();
            let reason = Reason { code, args };
            for arg in &reason.args {
                assert!(reason.render(&text).contains(arg.as_str()), "{lang}.{key} does not use {arg}: {text}");
            }
            assert!(!text.contains(&format!("${}", code.arity() + 1)), "{lang}.{key} uses an argument {code:?} lacks: {text}");
            if *lang == "en" {
                assert_eq!(text, english, "en.{key} is the core's English sentence");
            }
        }
    }
}

#[test]
fn listed_in_order_with_unique_names_that_serialize_as_themselves() {
    for (i, &(code, name, _)) in REASONS.iter().enumerate() {
        assert_eq!(code.index(), i, "{name} is listed out of declaration order");
        assert!(REASONS[..i].iter().all(|&(c, n, _)| c != code && n != name), "{name} listed twice");
        assert_eq!(serde_json::to_value(code).unwrap(), serde_json::Value::String(name.into()));
    }
}

#[test]
fn renders_in_one_pass() {
    let r = Reason::new(ReasonCode::SiteRule, ["3".into(), "a##$2 $1".into()]);
    assert_eq!(r.english(), "site rule (line 3): a##$2 $1");
    assert_eq!(serde_json::to_value(&r).unwrap(), serde_json::Value::String(r.english()));
    assert_eq!(Reason::from(ReasonCode::PrevNext).to_string(), "previous/next article links");
    assert_eq!(r.render("$1 · $3 · $ $0 $$2"), "3 ·  · $ $0 $a##$2 $1");
}
