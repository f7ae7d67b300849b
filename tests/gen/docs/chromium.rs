//! Drives headless Chromium for the docs site: screenshots and DOM dumps, and the check that
//! the search box filters. Shared by the docs search test (`tests/gen/docs/search.rs`) and
//! `cargo xtask docs-screenshot` (which includes this file with `#[path]`), so both run the
//! same browser session.

// Each includer uses a different part of this file.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The Debian package that provides the browser.
pub(super) const PACKAGE: &str = "chromium";

/// How long one browser run may take before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(90);

/// The browser command, if one runs.
pub(super) fn find() -> Option<String> {
    ["chromium", "chromium-browser"]
        .into_iter()
        .find(|cmd| {
            Command::new(cmd)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .map(str::to_string)
}

/// A `file://` URL for a local path.
pub(super) fn file_url(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("file://{}", abs.display())
}

/// Runs the browser headless on `url` with `extra` arguments, in a fresh profile, and
/// returns its stdout.
pub(super) fn run(browser: &str, url: &str, extra: &[String]) -> Result<String, String> {
    let profile = fresh_profile();
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--virtual-time-budget=3000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(url)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let result = wait(cmd, browser);
    let _ = std::fs::remove_dir_all(&profile);
    result
}

fn fresh_profile() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::SeqCst);
    let dir =
        std::env::temp_dir().join(format!("cloudabi-docs-chromium-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Waits for the browser, stopping it (by its own pid) if it hangs.
fn wait(mut cmd: Command, browser: &str) -> Result<String, String> {
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {browser}: {e}"))?;
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut out) = stdout {
            let _ = std::io::Read::read_to_string(&mut out, &mut s);
        }
        s
    });
    let stderr = child.stderr.take();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut err) = stderr {
            let _ = std::io::Read::read_to_string(&mut err, &mut s);
        }
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{browser} did not finish within {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if status.success() {
        Ok(out)
    } else {
        Err(format!("{browser} failed ({status}):\n{err}"))
    }
}

/// Saves a PNG of `url` as a `width`×`height` window.
pub(super) fn screenshot(
    browser: &str,
    url: &str,
    png: &Path,
    width: u32,
    height: u32,
) -> Result<(), String> {
    let _ = std::fs::remove_file(png);
    run(
        browser,
        url,
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
        ],
    )?;
    let bytes =
        std::fs::read(png).map_err(|e| format!("no screenshot at {}: {e}", png.display()))?;
    if !bytes.starts_with(b"\x89PNG") {
        return Err(format!("{} is not a PNG", png.display()));
    }
    Ok(())
}

/// A page that shows `target` (a URL with a fragment) in a frame of the given size.
/// Headless Chromium paints nothing when the URL it screenshots has a fragment; inside a
/// frame, the page scrolls to the fragment as it would in a browser tab.
pub(super) fn framing_page(target: &str, width: u32, height: u32) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>frame</title></head>\
         <body style=\"margin:0\"><iframe src=\"{target}\" style=\"border:0;display:block;\
         width:{width}px;height:{height}px\"></iframe></body></html>\n"
    )
}

/// The DOM after scripts ran.
pub(super) fn dump_dom(browser: &str, url: &str) -> Result<String, String> {
    run(browser, url, &["--dump-dom".to_string()])
}

/// One sidebar entry in a dumped DOM.
#[derive(Debug)]
pub(super) struct Entry {
    pub names: String,
    pub hidden: bool,
}

/// The sidebar entries (`<li data-names=…>`) of a dumped DOM, with whether each is hidden.
pub(super) fn entries(dom: &str) -> Vec<Entry> {
    dom.split("<li ")
        .skip(1)
        .filter_map(|rest| {
            let tag = &rest[..rest.find('>')?];
            let start = tag.find("data-names=\"")? + "data-names=\"".len();
            let len = tag[start..].find('"')?;
            // Look for `hidden` outside the names, which are free text.
            let others = format!("{} {}", &tag[..start], &tag[start + len..]);
            Some(Entry {
                names: tag[start..start + len].to_string(),
                hidden: others
                    .split_whitespace()
                    .any(|a| a == "hidden" || a.starts_with("hidden=")),
            })
        })
        .collect()
}

/// Checks that after filtering by `query` exactly the entries whose names contain it are
/// shown, and that the filter both kept and hid something. Returns (shown, total).
pub(super) fn check_filter(dom: &str, query: &str) -> Result<(usize, usize), String> {
    let entries = entries(dom);
    if entries.is_empty() {
        return Err("the DOM has no sidebar entries".to_string());
    }
    let wrong: Vec<String> = entries
        .iter()
        .filter(|e| e.names.contains(query) == e.hidden)
        .map(|e| format!("{} (hidden: {})", e.names, e.hidden))
        .collect();
    if !wrong.is_empty() {
        return Err(format!(
            "the filter `{query}` got {} entries wrong: {}",
            wrong.len(),
            wrong.join("; ")
        ));
    }
    let shown = entries.iter().filter(|e| !e.hidden).count();
    if shown == 0 || shown == entries.len() {
        return Err(format!(
            "the filter `{query}` showed {shown} of {} entries: it did not filter",
            entries.len()
        ));
    }
    Ok((shown, entries.len()))
}
