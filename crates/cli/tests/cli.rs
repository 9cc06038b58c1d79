//! The command line's contract: errors are one line and a non-zero exit; JSON has the
//! documented shape; charsets decode.

use std::process::Command;

fn byline(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_byline")).args(args).output().expect("run byline");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("byline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn bad_input_is_one_line_and_nonzero() {
    for (path, want) in [
        ("/nonexistent/page.html".to_string(), "cannot read"),
        (temp("empty.html", b""), "empty"),
        (temp("words.html", b"just some words, no markup"), "not an HTML page"),
        (temp("binary.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\0"), "not an HTML page"),
    ] {
        let (code, stdout, stderr) = byline(&["clean", &path]);
        assert_eq!(code, 1, "{path}");
        assert!(stdout.is_empty(), "{path}: nothing on stdout");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{path}: one line: {stderr}");
        assert!(stderr.contains(want), "{path}: {stderr}");
    }
}

#[test]
fn json_has_the_documented_shape() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/seed-zibo-yonhap/page.html");
    let (code, stdout, _) = byline(&["clean", seed, "--url", "http://www.zibo-news.example/html/2024/0922/87410.html"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    for key in ["is_article", "title", "article_text", "visible_text", "hidden", "source"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for key in ["original", "republisher", "claimed_source", "page_date", "story_date", "evidence"] {
        assert!(v["source"].get(key).is_some(), "missing source.{key}");
    }
    let first = &v["hidden"][0];
    assert!(first["kind"].is_string() && first["reason"].is_string() && first["text"].is_string());
}

#[test]
fn declared_charsets_decode() {
    let html = "<html><head><meta charset=\"euc-kr\"><title>기사</title></head><body><article><p>서울시는 심야 자율주행 셔틀을 내년에 세 개 노선 더 늘린다고 밝혔다.</p></article></body></html>";
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(html);
    let path = temp("euckr.html", &bytes);
    let (code, stdout, _) = byline(&["clean", &path, "--format", "json"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("자율주행"), "{stdout}");
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/seed-zibo-yonhap/page.html");
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["clean", seed, "--format", "html"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `--rules`: a `##` rule for the page's host hides its block (kind `site_rule`), a `#@#`
/// rule keeps a block the analysis would hide, rules for other hosts do nothing, and a
/// malformed line is reported with its line number.
#[test]
fn rules_file_hides_and_protects() {
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/seed-zibo-yonhap/page.html");
    let url = "http://www.zibo-news.example/html/2024/0922/87410.html";
    let kinds = |stdout: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(stdout).unwrap();
        v["hidden"].as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap().to_string()).collect()
    };
    let (code, plain, _) = byline(&["clean", page, "--url", url]);
    assert_eq!(code, 0);
    let plain = kinds(&plain);
    assert!(plain.contains(&"friend_links".to_string()) && !plain.contains(&"site_rule".to_string()));

    let rules = temp("rules.txt", b"! mine\nzibo-news.example##.hdc\nwww.zibo-news.example#@#.friendLink\n##div[broken\nother.example##.z\n");
    let (code, out, err) = byline(&["clean", page, "--url", url, "--rules", &rules]);
    assert_eq!(code, 0, "{err}");
    let ruled = kinds(&out);
    assert_eq!(ruled.iter().filter(|k| *k == "site_rule").count(), 1, "{ruled:?}");
    assert!(!ruled.contains(&"friend_links".to_string()), "the #@# rule protects the friend links: {ruled:?}");
    assert!(err.contains(":4: unclosed ["), "malformed line reported with its number: {err}");

    // The same rules on another host change nothing.
    let (_, other, _) = byline(&["clean", page, "--url", "https://elsewhere.example/a", "--rules", &rules]);
    assert_eq!(kinds(&other), plain);
}

/// Gzipped pages: `eval` takes `source.html.gz` where a page folder holds that instead of
/// `source.html`, and `clean` inflates a gzipped file whatever it is called; a broken gzip
/// is a one-line error.
#[test]
fn gzipped_pages_are_read() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/gz-corpus");
    let out = std::env::temp_dir().join(format!("byline-cli-{}-gz-out", std::process::id()));
    let (code, _, err) = byline(&["eval", corpus, "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 pages"), "{err}");
    let gz = std::fs::read_to_string(out.join("gzipped.txt")).unwrap();
    assert!(gz.contains("propeller shafts and the ramp hydraulics"), "{gz}");
    let plain = std::fs::read_to_string(out.join("plain.txt")).unwrap();
    assert!(plain.contains("city library reading room"), "{plain}");

    let page = format!("{corpus}/gzipped/source.html.gz");
    let (code, stdout, err) = byline(&["clean", &page, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(v["article_text"].as_str().unwrap().contains("first crossing left at seven"), "{stdout}");

    let broken = temp("broken.html.gz", b"\x1f\x8b\x08\0\0\0\0\0\0\x03not deflate at all");
    let (code, stdout, err) = byline(&["clean", &broken]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty() && err.trim_end().lines().count() == 1, "{err}");
    assert!(err.contains("not a readable gzip file"), "{err}");
}
