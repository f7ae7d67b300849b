//! Tidy checks, after rust-analyzer's: rules of this code base that the compiler does not
//! check but a test can. They run with `cargo test -p xtask` (so in `cargo xtask test`):
//!
//! - every Rust source file of ours opens with module docs (`//!`), except a file that is
//!   `include!`d, which cannot hold inner docs and opens with a `//` comment instead;
//! - no backend (`src/backend/<name>`) uses another backend: what two backends share lives
//!   in the IR, in `naming`, or in `backend/mod.rs`;
//! - every file or directory ARCHITECTURE.md names exists.
//!
//! Each rule is a function over file texts, tested on planted violations below as well.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Directories that are not the repository's files: build output and VCS data.
const NOT_OURS: &[&str] = &["target", ".git"];

/// Every file under `dir`, as paths relative to it with `/` separators, sorted; directories
/// named in `skip` are not entered.
fn files_under(dir: &Path, skip: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if path.is_dir() {
                if !skip.contains(&name.as_ref()) {
                    stack.push(path);
                }
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// Our Rust sources: (path relative to the root, text). Checked-in generated code is left
/// out: its first line is its "Generated from" banner, its rules are the generator's.
fn rust_sources(root: &Path) -> Vec<(String, String)> {
    files_under(root, &[NOT_OURS, &["generated"]].concat())
        .into_iter()
        .filter(|p| p.ends_with(".rs"))
        .map(|p| {
            let text =
                std::fs::read_to_string(root.join(&p)).unwrap_or_else(|e| panic!("{p}: {e}"));
            (p, text)
        })
        .collect()
}

/// `text` with comments, string literals and character literals blanked out (replaced by
/// spaces, newlines kept), so that paths are only found in code.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let end = (i + 2..chars.len().saturating_sub(1))
                .find(|&j| chars[j] == '*' && chars[j + 1] == '/')
                .map_or(chars.len(), |j| j + 2);
            (i..end).for_each(|j| blank(&mut out, chars[j]));
            i = end;
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !ident_char(chars.get(i.wrapping_sub(1)))
        {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let body = i + 2 + hashes;
            let end = (body..chars.len())
                .find(|&j| {
                    chars[j] == '"'
                        && chars[j + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|&&h| h == '#')
                            .count()
                            == hashes
                })
                .map_or(chars.len(), |j| j + 1 + hashes);
            (i..end.min(chars.len())).for_each(|j| blank(&mut out, chars[j]));
            i = end;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(chars.len());
            (i..end).for_each(|k| blank(&mut out, chars[k]));
            i = end;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal ('a', '\n', '\u{1F600}'), not a lifetime.
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '\'' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(chars.len());
            (i..end).for_each(|k| blank(&mut out, chars[k]));
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Files other files `include!` (paths relative to the root).
fn included_files(sources: &[(String, String)]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (path, text) in sources {
        let dir = Path::new(path).parent().unwrap_or(Path::new(""));
        for (at, _) in text.match_indices("include!(\"") {
            let rest = &text[at + "include!(\"".len()..];
            if let Some(end) = rest.find('"') {
                out.insert(normalize(&dir.join(&rest[..end])));
            }
        }
    }
    out
}

/// `a/b/../c` as `a/c`, with `/` separators.
fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::CurDir => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/")
}

/// Whether a file opens with module docs: its first line that is not blank is `//!`, or,
/// for a file that is `include!`d, a `//` comment.
fn has_module_docs(text: &str, included: bool) -> bool {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    match first {
        Some(l) if l.starts_with("//!") => true,
        Some(l) => included && l.starts_with("//"),
        None => false,
    }
}

/// The backend a source file belongs to (`src/backend/<name>/…` or `src/backend/<name>.rs`).
fn backend_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("src/backend/")?;
    let name = rest.split('/').next()?;
    let name = name.strip_suffix(".rs").unwrap_or(name);
    (name != "mod").then_some(name)
}

/// The module path of a source file under src/ (`src/backend/rust/host/mod.rs` is
/// `["backend", "rust", "host"]`).
fn module_path(path: &str) -> Vec<String> {
    let rest = path.strip_prefix("src/").unwrap_or(path);
    let rest = rest.strip_suffix(".rs").unwrap_or(rest);
    let mut parts: Vec<String> = rest.split('/').map(str::to_string).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The first identifiers of every path a `{…}` group (or a single path) names.
fn group_heads(rest: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let Some(group) = rest.trim_start().strip_prefix('{') else {
        return vec![ident(rest)];
    };
    // Top-level items of the group, split at commas outside nested braces.
    let mut heads = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                heads.push(ident(&group[start..i]));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                heads.push(ident(&group[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    heads.retain(|h| !h.is_empty());
    heads
}

/// The other backends a backend's source file refers to, through `crate::backend::…` or a
/// chain of `super::`.
fn foreign_backends(path: &str, text: &str, backends: &BTreeSet<String>) -> Vec<String> {
    let Some(own) = backend_of(path) else {
        return Vec::new();
    };
    let code = code_only(text);
    let module = module_path(path);
    let mut found = BTreeSet::new();
    let mut consider = |resolved: Vec<String>, rest: &str| {
        let heads = match resolved.as_slice() {
            [b] if b == "backend" => group_heads(rest),
            [b, name, ..] if b == "backend" => vec![name.clone()],
            _ => Vec::new(),
        };
        for head in heads {
            if head != own && backends.contains(&head) {
                found.insert(head);
            }
        }
    };
    for (at, _) in code.match_indices("crate::backend::") {
        consider(
            vec!["backend".into()],
            &code[at + "crate::backend::".len()..],
        );
    }
    for (at, _) in code.match_indices("super::") {
        // Only the start of a chain.
        if code[..at].ends_with("super::") || code[..at].ends_with("::") {
            continue;
        }
        let mut rest = &code[at..];
        let mut resolved = module.clone();
        while let Some(r) = rest.strip_prefix("super::") {
            resolved.pop();
            rest = r;
        }
        // `super::name::` inside the chain's target
        let head: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if resolved.len() == 1 && !head.is_empty() {
            resolved.push(head);
        }
        consider(resolved, rest);
    }
    found.into_iter().collect()
}

/// The file and directory names a Markdown text mentions: tokens with a known source
/// extension, and `/`-paths that start at one of our top-level directories or end in `/`.
/// Placeholders (`<arch>.S`, `{spec}`, `*.h`) are cut at their first wildcard.
fn named_paths(markdown: &str, top_level: &BTreeSet<String>) -> Vec<String> {
    const EXTENSIONS: &[&str] = &[
        "rs", "md", "txt", "toml", "json", "S", "h", "c", "sh", "yaml", "html", "css", "js", "snap",
    ];
    let is_token = |c: char| c.is_alphanumeric() || "_./-{}<>*,".contains(c);
    let mut out = BTreeSet::new();
    for raw in markdown.split(|c: char| !is_token(c)) {
        let token = raw
            .trim_end_matches([',', '.', ':'])
            .trim_start_matches(['.', ',']);
        // A placeholder stands for files of a directory: check the directory.
        let token = match token.split_once(['<', '{', '*']) {
            Some((head, _)) => head.rsplit_once('/').map_or("", |(dir, _)| dir),
            None => token,
        };
        if token.is_empty() || token.contains(',') || token.starts_with('/') {
            continue;
        }
        let extension = token.rsplit_once('.').map(|(_, e)| e);
        let file = extension.is_some_and(|e| EXTENSIONS.contains(&e));
        let first = token.split('/').next().unwrap_or_default();
        let dir = token.contains('/') && (top_level.contains(first) || token.ends_with('/'));
        if file || dir {
            out.insert(token.to_string());
        }
    }
    out.into_iter().collect()
}

/// Whether `name` is a file or directory of the repository: a path from the root, or the
/// end of one (`host/mem.rs`, `fdcache.rs`, `linux/host/`).
fn exists(name: &str, files: &[String], dirs: &BTreeSet<String>) -> bool {
    let name = name.trim_end_matches('/');
    let suffix = format!("/{name}");
    let matches = |p: &String| p == name || p.ends_with(&suffix);
    files.iter().any(matches) || dirs.iter().any(matches)
}

fn directories(files: &[String]) -> BTreeSet<String> {
    let mut dirs = BTreeSet::new();
    for f in files {
        let mut path = Path::new(f.as_str());
        while let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            dirs.insert(parent.to_string_lossy().into_owned());
            path = parent;
        }
    }
    dirs
}

fn root() -> PathBuf {
    crate::root()
}

#[test]
fn every_source_file_has_module_docs() {
    let sources = rust_sources(&root());
    let included = included_files(&sources);
    let missing: Vec<&str> = sources
        .iter()
        .filter(|(p, text)| !has_module_docs(text, included.contains(p)))
        .map(|(p, _)| p.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "these files lack module docs (`//!` first: what the module is for):\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn no_backend_uses_another() {
    let sources = rust_sources(&root());
    let backends: BTreeSet<String> = sources
        .iter()
        .filter_map(|(p, _)| backend_of(p).map(str::to_string))
        .collect();
    assert!(backends.len() >= 5, "backends found: {backends:?}");
    let mut problems = Vec::new();
    for (path, text) in &sources {
        for other in foreign_backends(path, text, &backends) {
            problems.push(format!("{path} uses backend `{other}`"));
        }
    }
    assert!(
        problems.is_empty(),
        "a backend may not use another (share through the IR, `naming` or \
         backend/mod.rs):\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn architecture_names_only_files_that_exist() {
    let root = root();
    let text = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let files = files_under(&root, NOT_OURS);
    let dirs = directories(&files);
    let top_level: BTreeSet<String> = dirs.iter().filter(|d| !d.contains('/')).cloned().collect();
    let named = named_paths(&text, &top_level);
    assert!(named.len() > 50, "only {} names found", named.len());
    let missing: Vec<&String> = named.iter().filter(|n| !exists(n, &files, &dirs)).collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names files that do not exist: {missing:?}"
    );
}

#[test]
fn the_rules_catch_planted_violations() {
    // Module docs.
    assert!(has_module_docs("\n//! Docs.\nfn f() {}\n", false));
    assert!(!has_module_docs("/// Item docs.\nfn f() {}\n", false));
    assert!(!has_module_docs("// A comment.\nfn f() {}\n", false));
    assert!(has_module_docs("// Included.\nfn f() {}\n", true));
    let sources = [
        ("a/b.rs".to_string(), "include!(\"../c/d.rs\");".to_string()),
        ("x.rs".to_string(), String::new()),
    ];
    assert_eq!(
        included_files(&sources),
        BTreeSet::from(["c/d.rs".to_string()])
    );

    // Backends.
    let backends: BTreeSet<String> = ["c", "docs", "json", "rust", "vdso"]
        .map(String::from)
        .into();
    let uses = |path: &str, text: &str| foreign_backends(path, text, &backends);
    assert_eq!(
        uses(
            "src/backend/docs/mod.rs",
            "use crate::backend::rust::types;"
        ),
        ["rust"]
    );
    assert_eq!(
        uses(
            "src/backend/docs/mod.rs",
            "use crate::backend::{OutputFile, c::x, vdso};"
        ),
        ["c", "vdso"]
    );
    assert_eq!(
        uses("src/backend/docs/mod.rs", "use super::json;"),
        ["json"]
    );
    assert_eq!(
        uses("src/backend/docs/a/b.rs", "use super::super::super::c::x;"),
        ["c"]
    );
    assert_eq!(
        uses(
            "src/backend/docs/a/b.rs",
            "let x = super::super::super::rust::f();"
        ),
        ["rust"]
    );
    assert!(uses("src/backend/docs/a/b.rs", "use super::super::code;").is_empty());
    assert!(uses(
        "src/backend/rust/host/x.rs",
        "use crate::backend::rust::writer;"
    )
    .is_empty());
    assert!(uses("src/backend/docs/mod.rs", "use crate::backend::OutputFile;").is_empty());
    assert!(uses(
        "src/backend/docs/mod.rs",
        "// crate::backend::rust\nlet s = \"super::c\";"
    )
    .is_empty());
    assert!(uses("src/ir/mod.rs", "use crate::backend::rust;").is_empty());

    // ARCHITECTURE.md.
    let top: BTreeSet<String> = ["src", "tests"].map(String::from).into();
    let named = named_paths(
        "`src/a.rs`, b.rs and `host/c.rs`; src/d/ and tests/e/<arch>.S; on/off, 32/64-bit.",
        &top,
    );
    assert_eq!(
        named,
        ["b.rs", "host/c.rs", "src/a.rs", "src/d/", "tests/e"]
    );
    let files = ["src/a.rs".to_string(), "x/host/c.rs".to_string()];
    let dirs = directories(&files);
    assert!(exists("src/a.rs", &files, &dirs));
    assert!(exists("host/c.rs", &files, &dirs));
    assert!(exists("x/", &files, &dirs));
    assert!(!exists("b.rs", &files, &dirs));
    assert!(!exists("ost/c.rs", &files, &dirs));
}
