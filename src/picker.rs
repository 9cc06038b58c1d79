//! The element picker's selector: the content script hands over the picked element and
//! its ancestors (tag, id, classes, position among same-tag siblings), and [`selector`]
//! writes the shortest stable CSS selector for it that a `host##selector` rule can hold.

use serde::Deserialize;

/// One element on the picker's path, from the picked element up.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PathStep {
    pub tag: String,
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub classes: Vec<String>,
    /// 1-based position among siblings of the same tag.
    pub nth: u32,
    /// Siblings (itself included) with the same tag.
    pub same: u32,
}

/// At most this many stable classes name one step.
const MAX_CLASSES: usize = 3;
/// A longer id or class is taken for generated.
const MAX_NAME_CHARS: usize = 40;
/// More digits than this mark a generated name (a hash, a counter).
const MAX_NAME_DIGITS: usize = 2;

/// Names that look generated (long digit runs, hashes) change between page loads.
fn stable_name(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    !s.is_empty()
        && s.len() <= MAX_NAME_CHARS
        && digits <= MAX_NAME_DIGITS
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

/// The selector for the picked element (`path[0]`): an id when it has a stable one, else
/// tag + stable classes, with `:nth-of-type` where the tag alone is ambiguous, joined by
/// `>` up to the nearest ancestor with a stable id (or `body`). A distinctive class on the
/// picked element itself is selector enough.
pub fn selector(path: &[PathStep]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for step in path {
        let tag = step.tag.to_ascii_lowercase();
        if stable_name(&step.id) {
            parts.push(format!("#{}", step.id));
            break;
        }
        if tag == "body" || tag == "html" {
            parts.push(tag);
            break;
        }
        let classes: Vec<&String> = step.classes.iter().filter(|c| stable_name(c)).take(MAX_CLASSES).collect();
        let mut part = tag;
        for c in &classes {
            part.push('.');
            part.push_str(c);
        }
        if classes.is_empty() && step.same > 1 {
            part.push_str(&format!(":nth-of-type({})", step.nth));
        }
        parts.push(part);
        if parts.len() == 1 && !classes.is_empty() && step.same == 1 {
            break;
        }
    }
    parts.reverse();
    parts.join(" > ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(tag: &str, id: &str, classes: &[&str], nth: u32, same: u32) -> PathStep {
        PathStep { tag: tag.into(), id: id.into(), classes: classes.iter().map(|c| c.to_string()).collect(), nth, same }
    }

    #[test]
    fn a_stable_id_ends_the_path() {
        let path = [step("DIV", "", &[], 2, 3), step("section", "related", &[], 1, 1), step("body", "", &[], 1, 1)];
        assert_eq!(selector(&path), "#related > div:nth-of-type(2)");
    }

    #[test]
    fn a_distinctive_class_on_the_picked_element_is_enough() {
        assert_eq!(selector(&[step("aside", "", &["promo", "box"], 1, 1), step("body", "", &[], 1, 1)]), "aside.promo.box");
    }

    #[test]
    fn generated_names_are_skipped() {
        let path = [
            step("div", "ad-8f3a9c21", &["css-1x2y3z4", "x9876", "_a", "1st"], 1, 2),
            step("main", "", &["layout"], 1, 1),
            step("body", "", &[], 1, 1),
        ];
        assert_eq!(selector(&path), "body > main.layout > div._a");
    }

    #[test]
    fn an_ambiguous_tag_without_classes_gets_its_position() {
        let path = [step("p", "", &[], 4, 6), step("article", "", &[], 1, 1), step("html", "", &[], 1, 1)];
        assert_eq!(selector(&path), "html > article > p:nth-of-type(4)");
        assert_eq!(selector(&[]), "");
    }

    #[test]
    fn names_a_person_would_keep() {
        assert!(stable_name("share-bar") && stable_name("h2_title") && stable_name("top10"));
        assert!(!stable_name("") && !stable_name("1col") && !stable_name("id-12345") && !stable_name("a b"));
        assert!(!stable_name(&"x".repeat(41)));
    }
}
