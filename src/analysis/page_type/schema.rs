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
    &["techarticle", "apireference", "howto", "softwaresourcecode"],
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
    &["collectionpage", "itemlist", "searchresultspage", "offercatalog"],
    &["organization", "localbusiness", "corporation", "service", "contactpage", "aboutpage", "faqpage", "store", "professionalservice"],
    &["webpage", "itempage"],
    &["breadcrumblist"],
    &["videoobject", "audioobject", "podcastepisode", "musicrecording"],
    &["event", "recipe", "jobposting", "course", "review", "person", "profilepage"],
];

/// How many times the page names a type of each group, in JSON-LD and microdata.
pub(super) fn schema_types(page: &Page, meta: &Meta) -> [u32; 10] {
    let mut counts = [0u32; 10];
    let mut count = |t: &str| {
        let t = t.trim().trim_end_matches('/');
        let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
        for (g, names) in TYPE_GROUPS.iter().enumerate() {
            if names.iter().any(|n| t.eq_ignore_ascii_case(n)) {
                counts[g] += 1;
            }
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

/// A publication time in the meta tags or JSON-LD.
pub(super) fn published_meta(meta: &Meta) -> bool {
    const KEYS: &[&str] = &["article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date"];
    meta.values(KEYS).next().is_some()
        || meta.json_ld().iter().any(|d| d.objects().any(|o| d.get(o, "datePublished").is_some()))
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
