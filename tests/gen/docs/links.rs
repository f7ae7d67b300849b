//! Link checker for the generated docs: every `href="#…"`, every Markdown `](#…)` and every
//! relative link or asset in the HTML and Markdown resolves to an existing anchor or file;
//! no asset comes from the network; every type, value, member and syscall has its anchor.

use crate::specs;
use cloudabi_gen::backend::OutputFile;
use cloudabi_gen::ir::{Ir, MemberKind, TypeKind};
use std::collections::{BTreeMap, BTreeSet};

const PAGES: [&str; 3] = [
    "docs/cloudabi.md",
    "docs/cloudabi-rust.md",
    "docs/html/index.html",
];

fn site(ir: &Ir) -> BTreeMap<String, String> {
    super::docs(ir)
        .into_iter()
        .map(|OutputFile { path, contents }| (path, contents))
        .collect()
}

/// The values of every `attr="…"` in `text`.
fn attribute_values<'a>(text: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    text.match_indices(&needle)
        .filter_map(|(at, _)| {
            let start = at + needle.len();
            text[start..].find('"').map(|len| &text[start..start + len])
        })
        .collect()
}

/// The targets of Markdown links `[text](target)`.
fn markdown_targets(text: &str) -> Vec<&str> {
    text.match_indices("](")
        .filter_map(|(at, _)| {
            let start = at + 2;
            text[start..].find(')').map(|len| &text[start..start + len])
        })
        .collect()
}

fn anchors(text: &str) -> BTreeSet<&str> {
    attribute_values(text, "id")
        .into_iter()
        .chain(attribute_values(text, "name"))
        .collect()
}

fn links<'a>(path: &str, text: &'a str) -> Vec<&'a str> {
    let mut links = attribute_values(text, "href");
    links.extend(attribute_values(text, "src"));
    if path.ends_with(".md") {
        links.extend(markdown_targets(text));
    }
    links
}

fn is_external(link: &str) -> bool {
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| link.starts_with(p))
}

/// `base`'s directory joined with a relative `link`, `..` resolved.
fn resolve(base: &str, link: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').collect();
    parts.pop();
    for step in link.split('/') {
        match step {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Every broken link in the site, as `file: link (why)`.
fn broken_links(site: &BTreeMap<String, String>) -> Vec<String> {
    let all_anchors: BTreeMap<&str, BTreeSet<&str>> = site
        .iter()
        .map(|(path, text)| (path.as_str(), anchors(text)))
        .collect();
    let mut broken = Vec::new();
    for (path, text) in site {
        if !(path.ends_with(".md") || path.ends_with(".html")) {
            continue;
        }
        for link in links(path, text) {
            if is_external(link) {
                continue;
            }
            let (file, fragment) = link.split_once('#').unwrap_or((link, ""));
            let target = if file.is_empty() {
                path.clone()
            } else {
                resolve(path, file)
            };
            let Some(target_anchors) = all_anchors.get(target.as_str()) else {
                broken.push(format!("{path}: {link} (no file {target})"));
                continue;
            };
            if !fragment.is_empty() && !target_anchors.contains(fragment) {
                broken.push(format!(
                    "{path}: {link} (no anchor #{fragment} in {target})"
                ));
            }
        }
    }
    broken
}

/// Anchors every page must have: types, values, top-level members and variant-arm members
/// reachable by name, syscalls and their parameters.
fn required_anchors(ir: &Ir) -> Vec<String> {
    let mut want = Vec::new();
    for t in &ir.types {
        let name = &t.name.name;
        want.push(name.clone());
        match &t.kind {
            TypeKind::IntLike(i) => {
                want.extend(i.values.iter().map(|v| format!("{name}.{}", v.name.name)));
            }
            TypeKind::Struct(s) => member_anchors(name, &s.members, &mut want),
            TypeKind::Function(f) => member_anchors(name, &f.params, &mut want),
        }
    }
    for s in &ir.syscalls {
        let name = &s.name.name;
        want.push(name.clone());
        member_anchors(name, &s.inputs, &mut want);
        member_anchors(name, &s.outputs, &mut want);
    }
    want
}

fn member_anchors(prefix: &str, members: &[cloudabi_gen::ir::Member], want: &mut Vec<String>) {
    for m in members {
        if let MemberKind::Variant(v) = &m.kind {
            for arm in &v.arms {
                match &arm.name {
                    Some(n) => {
                        let arm_prefix = format!("{prefix}.{}", n.name);
                        want.push(arm_prefix.clone());
                        member_anchors(&arm_prefix, &arm.members, want);
                    }
                    None => member_anchors(prefix, &arm.members, want),
                }
            }
        } else {
            want.push(format!("{prefix}.{}", m.name()));
        }
    }
}

fn check(ir: &Ir) {
    let site = site(ir);
    let broken = broken_links(&site);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));

    let want = required_anchors(ir);
    for page in PAGES {
        let text = &site[page];
        let have = anchors(text);
        let missing: Vec<&String> = want.iter().filter(|a| !have.contains(a.as_str())).collect();
        assert!(missing.is_empty(), "{page} lacks anchors {missing:?}");
        let links = links(page, text);
        for s in &ir.syscalls {
            let target = format!("#{}", s.name.name);
            assert!(
                links.contains(&target.as_str()),
                "{page} never links {target}"
            );
        }
    }

    let html = &site["docs/html/index.html"];
    let assets: Vec<&str> = attribute_values(html, "src")
        .into_iter()
        .chain(
            html.split("<link ")
                .skip(1)
                .flat_map(|tag| attribute_values(tag.split('>').next().unwrap_or(""), "href")),
        )
        .collect();
    assert!(!assets.is_empty());
    for asset in assets {
        assert!(
            !is_external(asset) && !asset.starts_with("//"),
            "network asset {asset}"
        );
    }
    assert!(
        !site["docs/html/style.css"].contains("url("),
        "the stylesheet loads nothing"
    );
    for network in ["fetch(", "XMLHttpRequest", "import("] {
        assert!(!site["docs/html/search.js"].contains(network));
    }
}

#[test]
fn default_spec_links_resolve_and_everything_has_an_anchor() {
    check(&specs::ours());
}

#[test]
fn constructs_spec_links_resolve_and_everything_has_an_anchor() {
    check(&specs::one("docs", "constructs"));
}

#[test]
fn the_checker_finds_broken_links() {
    let mut site = BTreeMap::new();
    site.insert(
        "docs/a.md".to_string(),
        "<a id=\"x\"></a>[ok](#x) [bad](#y) [file](b.md#z) [gone](c.md) [out](https://e.org)"
            .to_string(),
    );
    site.insert("docs/b.md".to_string(), "<a id=\"z\"></a>".to_string());
    let broken = broken_links(&site);
    assert_eq!(
        broken,
        [
            "docs/a.md: #y (no anchor #y in docs/a.md)",
            "docs/a.md: c.md (no file docs/c.md)"
        ]
    );
}

/// Every valid spec in the repository's test corpus (all areas' focused specs), so the docs
/// of constructs other areas exercise (nested variants, arrays of atomics, ...) link up too.
#[test]
fn every_valid_test_spec_links_resolve() {
    let mut checked = 0;
    for (_, ir) in specs::every_valid() {
        check(&ir);
        checked += 1;
    }
    eprintln!("checked the docs of {checked} valid specs");
    assert!(checked >= 2, "only {checked} valid specs found");
}

/// The Markdown as a CommonMark renderer shows it: links inside `<code>` become links,
/// escapes disappear, and every rendered link still finds its anchor.
#[test]
fn markdown_renders_to_working_links() {
    let ir = specs::ours();
    let site = site(&ir);
    for page in ["docs/cloudabi.md", "docs/cloudabi-rust.md"] {
        let mut html = String::new();
        let parser =
            pulldown_cmark::Parser::new_ext(&site[page], pulldown_cmark::Options::ENABLE_TABLES);
        pulldown_cmark::html::push_html(&mut html, parser);
        let have = anchors(&html);
        let hrefs = attribute_values(&html, "href");
        for href in &hrefs {
            if let Some(fragment) = href.strip_prefix('#') {
                assert!(
                    have.contains(fragment),
                    "{page}: rendered link {href} has no anchor"
                );
            }
        }
        // Every member's type link survives rendering, e.g. the `fd` of fd_read.
        assert!(
            hrefs.contains(&"#iovec"),
            "{page}: type links inside <code> render"
        );
        for residue in ["](#", "\\_", "\\*"] {
            assert!(
                !html.contains(residue),
                "{page}: `{residue}` left after rendering"
            );
        }
    }
}
