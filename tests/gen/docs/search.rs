//! The HTML site in a real browser: headless Chromium loads it from `file://` with a query
//! in the URL, runs the search script, and the dumped DOM must show exactly the matching
//! sidebar entries. Needs Debian's `chromium` (`cargo xtask test` installs it); without it
//! the test fails, naming the package.

use super::chromium;
use std::path::Path;

fn browser() -> String {
    chromium::find().unwrap_or_else(|| {
        panic!(
            "headless Chromium is needed: install the Debian package `{}` \
             (`cargo xtask test` installs it)",
            chromium::PACKAGE
        )
    })
}

/// Writes the site of our spec into `dir` and returns the index page's URL.
fn write_site(dir: &Path) -> String {
    for file in super::docs(&crate::specs::ours()) {
        if let Some(rel) = file.path.strip_prefix("docs/html/") {
            std::fs::write(dir.join(rel), file.contents).expect("write the site");
        }
    }
    chromium::file_url(&dir.join("index.html"))
}

#[test]
fn a_query_in_the_url_filters_the_sidebar() {
    let browser = browser();
    let dir = tempfile::tempdir().expect("a temp dir");
    let index = write_site(dir.path());

    let dom = chromium::dump_dom(&browser, &format!("{index}?q=fd_")).expect("dump the DOM");
    let (shown, total) = chromium::check_filter(&dom, "fd_").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(total, 49 + 57);
    // The 14 fd_* syscalls, and the type fd (its C name cloudabi_fd_t contains `fd_`).
    assert_eq!(shown, 15);
    assert!(
        dom.contains("15 of 106 names match"),
        "the status line counts matches"
    );

    // Names match in any language: the C name of a syscall finds it.
    let dom = chromium::dump_dom(&browser, &format!("{index}?q=cloudabi_sys_poll"))
        .expect("dump the DOM");
    let shown: Vec<String> = chromium::entries(&dom)
        .into_iter()
        .filter(|e| !e.hidden)
        .map(|e| e.names)
        .collect();
    assert_eq!(shown, ["poll cloudabi_sys_poll poll"]);
}

#[test]
fn no_query_shows_everything_and_a_miss_says_so() {
    let browser = browser();
    let dir = tempfile::tempdir().expect("a temp dir");
    let index = write_site(dir.path());

    let dom = chromium::dump_dom(&browser, &index).expect("dump the DOM");
    let entries = chromium::entries(&dom);
    assert_eq!(entries.len(), 106);
    assert!(entries.iter().all(|e| !e.hidden));

    let dom =
        chromium::dump_dom(&browser, &format!("{index}?q=zzz&lang=rust")).expect("dump the DOM");
    assert!(chromium::entries(&dom).iter().all(|e| e.hidden));
    assert!(
        dom.contains("<p class=\"no-match\">No name matches.</p>"),
        "the no-match note is shown"
    );
    assert!(
        dom.contains("data-lang=\"rust\""),
        "?lang=rust switches names to Rust"
    );
}
