//! Tests of the line scanners: datelines, tails, copyright and credit lines, labels.

use super::*;

fn canon(c: &Cited) -> &str {
    &agencies().agencies[c.agency].canonical
}

#[test]
fn datelines_in_many_languages() {
    let cases = [
        ("SEOUL, Nov. 23 (Yonhap) -- South Korea's defense chief", "Yonhap", Some((11, 23))),
        ("SANTIAGO, June 12 (Reuters) - Chilean copper miner", "Reuters", Some((6, 12))),
        ("WASHINGTON (AP) — Federal regulators on Tuesday", "AP", None),
        ("Berlin (dpa) - Die Bundesregierung", "dpa", None),
        ("Madrid, 5 mar (EFE).- El Gobierno", "EFE", Some((3, 5))),
        ("PARIS, 5 mars 2025 (AFP) - Le gouvernement", "AFP", Some((3, 5))),
        ("(서울=연합뉴스) 박지현 기자 = 서울시가", "Yonhap", None),
        ("【서울=뉴시스】홍길동 기자 = 정부가", "Newsis", None),
        ("新华社北京3月5日电（记者 王立新）记者5日从水利部获悉", "Xinhua", Some((3, 5))),
        ("新華社北京３月５日電 記者", "Xinhua", Some((3, 5))),
        ("【ワシントン共同】米航空宇宙局（NASA）は4日", "Kyodo", None),
        ("中国政府网7月2日消息 今年以来", "中国政府网", Some((7, 2))),
        ("（中央社記者張三台北5日電）行政院", "CNA (Taiwan)", None),
    ];
    for (line, agency, md) in cases {
        let d = dateline(line).unwrap_or_else(|| panic!("no dateline in {line}"));
        assert_eq!(canon(&d.cited), agency, "{line}");
        if let Some((m, day)) = md {
            let date = d.date.unwrap_or_else(|| panic!("no date in {line}"));
            assert_eq!((date.month, date.day), (m, day), "{line}");
        }
    }
}

#[test]
fn traps_are_not_datelines() {
    // Photo credits, mentions, captions written like datelines at the end.
    for line in [
        "[AP=연합뉴스] 기자회견 하는 대통령",
        "(AP=연합뉴스) 기자회견 하는 대통령",
        "The minister told AFP on Monday that talks would resume.",
        "据路透社报道，谈判将于下周恢复。",
        "ロイター通信によると、交渉は来週再開される。",
        "Laut dpa wurde die Sitzung vertagt.",
        "Según EFE, la reunión se aplazó.",
        "외신에 따르면 AFP통신은 이날 보도했다.",
        "Trucks carry ore at the mine. Andes Roca/Handout via REUTERS",
        "A protester in Paris. /AFP/Getty Images",
    ] {
        assert_eq!(dateline(line), None, "{line}");
        assert_eq!(tail(line), None, "{line}");
    }
}

#[test]
fn tails() {
    let cases = [
        ("… the ministry said. (Yonhap)", "Yonhap"),
        ("… the ministry said. (END)", "Yonhap"),
        ("予算審議の行方が焦点となる。（共同）", "Kyodo"),
        ("Reporting by Ana Lopez; Editing by Mark Potter", "Reuters"),
        ("这项工作将持续到4月。（新华社）", "Xinhua"),
        ("Die Gespräche gehen weiter. (dpa)", "dpa"),
    ];
    for (line, agency) in cases {
        let (c, _) = tail(line).unwrap_or_else(|| panic!("no tail in {line}"));
        assert_eq!(canon(&c), agency, "{line}");
    }
}

#[test]
fn copyright_and_credit_lines() {
    assert_eq!(canon(&copyright("Copyright 2025 The Associated Press. All rights reserved.").unwrap()), "AP");
    assert_eq!(canon(&copyright("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>").unwrap()), "Yonhap");
    assert_eq!(canon(&copyright("版权所有 新华社 未经授权不得转载").unwrap()), "Xinhua");
    assert_eq!(copyright("© Copyright 2025 The Millbrook Ledger"), None);
    assert_eq!(canon(&credit("Reuters").unwrap()), "Reuters");
    assert_eq!(canon(&credit("By DANA WHITFIELD Associated Press").unwrap()), "AP");
    assert_eq!(canon(&credit("Von Anna Schmidt, dpa").unwrap()), "dpa");
    assert_eq!(credit("By Jane Doe, staff writer"), None);
    assert_eq!(credit("Photos from the AP archive"), None);
    assert_eq!(credit("Aa"), None);
    assert_eq!(canon(&credit("AFP").unwrap()), "AFP");
    assert_eq!(label_value("\"Freeing the Source: The Story of Mozilla\""), None);
    assert_eq!(label_value("Photo | Source: Reuters").as_deref(), Some("Reuters"));
}

#[test]
fn labels() {
    assert_eq!(label_value("来源：中国政府网").as_deref(), Some("中国政府网"));
    assert_eq!(label_value("发表于 2024-09-22 01:06:18|来源:淄博新闻网").as_deref(), Some("淄博新闻网"));
    assert_eq!(label_value("Quelle: dpa / Reuters").as_deref(), Some("dpa"));
    assert_eq!(label_value("Fuente: Agencia EFE").as_deref(), Some("Agencia EFE"));
    assert_eq!(label_value("출처 : 연합뉴스").as_deref(), Some("연합뉴스"));
    assert_eq!(label_value("引用元：").as_deref(), Some(""));
    assert_eq!(label_value("All resources: free"), None);
}
