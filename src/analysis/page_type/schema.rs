//! What a page says it is: its og:type, and the schema.org types its JSON-LD and
//! microdata name, by group.

use crate::analysis::meta::Meta;
use crate::page::{NodeId, Page};

/// og:type as a code: 0 none, 1 article, 2 website, 3 product, 4 video or music,
/// 5 profile, 6 anything else.
pub(super) fn og_type(t: Option<&str>) -> f32 {
    let Some(t) = t else { return 0.0 };
    let t = t.trim().to_ascii_lowercase();
    if t.contains("product") {
        return 3.0;
    }
    match t.split(['.', ':']).next().unwrap_or("") {
        "article" | "news" => 1.0,
        "website" => 2.0,
        "video" | "music" => 4.0,
        "profile" => 5.0,
        _ => 6.0,
    }
}

/// schema.org types by group, lower case; a type in no group counts nowhere. The groups
/// are the row's `ld_*` features, in this order.
const TYPE_GROUPS: &[&[&str]] = &[
    &[
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "scholarlyarticle",
        "liveblogposting",
        "report",
    ],
    &[
        "product",
        "offer",
        "aggregateoffer",
        "productgroup",
        "individualproduct",
        "productmodel",
        "softwareapplication",
        "mobileapplication",
        "webapplication",
        "vehicle",
        "car",
    ],
    &["discussionforumposting", "socialmediaposting", "qapage", "question", "answer", "comment"],
    &["organization", "localbusiness", "corporation", "service", "contactpage", "aboutpage", "faqpage", "store", "professionalservice"],
    &["breadcrumblist"],
    &["event", "recipe", "jobposting", "course", "review", "person", "profilepage"],
];

/// How many times the page names a type of each group, in JSON-LD and microdata.
pub(super) fn schema_types(page: &Page, meta: &Meta) -> [u32; TYPE_GROUPS.len()] {
    let mut counts = [0u32; TYPE_GROUPS.len()];
    let mut count = |t: &str| {
        if let Some(g) = group_of(t) {
            counts[g] += 1;
        }
    };
    for doc in meta.json_ld() {
        for o in doc.objects() {
            for t in doc.types(o) {
                count(t);
            }
        }
    }
    for i in 0..page.len() as NodeId {
        if let Some(t) = page.attr(i, "itemtype") {
            t.split_ascii_whitespace().for_each(&mut count);
        }
    }
    counts
}

/// The group of a schema.org type (`NewsArticle`, `https://schema.org/Product`).
#[inline(never)]
fn group_of(t: &str) -> Option<usize> {
    let t = t.trim().trim_end_matches('/').as_bytes();
    let name = match t.iter().rposition(|&b| b == b'/' || b == b':' || b == b'#') {
        Some(k) => &t[k + 1..],
        None => t,
    };
    // Through black_box, the table is data the loop reads, not constants the compiler
    // unrolls into one comparison per name (19 KB of wasm).
    let groups: &[&[&str]] = std::hint::black_box(TYPE_GROUPS);
    groups.iter().position(|names| names.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(name)))
}

pub(super) fn canonical<'a>(page: &'a Page, meta: &Meta) -> Option<&'a str> {
    meta.links().iter().find_map(|&l| {
        let rel = page.attr(l, "rel")?;
        rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")).then(|| page.attr(l, "href")).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn og_types() {
        assert_eq!(og_type(Some(" Article ")), 1.0);
        assert_eq!(og_type(Some("product.item")), 3.0);
        assert_eq!(og_type(Some("og:product")), 3.0);
        assert_eq!(og_type(Some("website")), 2.0);
        assert_eq!(og_type(None), 0.0);
        assert_eq!(og_type(Some("books.book")), 6.0);
    }
}
