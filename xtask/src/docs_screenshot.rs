//! `docs-screenshot`: renders the HTML docs into target/docs-screenshots/site/, opens them in
//! headless Chromium (installing Debian's `chromium` if it is missing), saves PNGs of the
//! index and of one syscall section, and checks in a scripted session that the search box
//! filters: `index.html?q=fd_` must hide exactly the entries without `fd_`.

#[path = "../../tests/gen/docs/chromium.rs"]
mod chromium;

use std::path::Path;
use std::process::Command;

const WIDTH: u32 = 1280;
const HEIGHT: u32 = 900;
/// The syscall whose section is photographed.
const SECTION: &str = "fd_read";
const QUERY: &str = "fd_";

pub(crate) fn run() -> Result<(), String> {
    let out = crate::root().join("target").join("docs-screenshots");
    let site = out.join("site");
    write_site(&site)?;
    let browser = ensure_browser()?;
    let index = site.join("index.html");

    let index_png = out.join("index.png");
    chromium::screenshot(
        &browser,
        &chromium::file_url(&index),
        &index_png,
        WIDTH,
        HEIGHT,
    )?;

    let frame = out.join(format!("frame-{SECTION}.html"));
    let target = format!("site/index.html#{SECTION}");
    write(&frame, &chromium::framing_page(&target, WIDTH, HEIGHT))?;
    let section_png = out.join(format!("{SECTION}.png"));
    chromium::screenshot(
        &browser,
        &chromium::file_url(&frame),
        &section_png,
        WIDTH,
        HEIGHT,
    )?;

    let url = format!("{}?q={QUERY}", chromium::file_url(&index));
    let dom = chromium::dump_dom(&browser, &url)?;
    let (shown, total) = chromium::check_filter(&dom, QUERY)?;
    let search_png = out.join("search.png");
    chromium::screenshot(&browser, &url, &search_png, WIDTH, HEIGHT)?;

    println!("index:   {}", index_png.display());
    println!("section: {}", section_png.display());
    println!("search:  {}", search_png.display());
    println!("filter:  ?q={QUERY} shows {shown} of {total} sidebar entries, hides the rest");
    Ok(())
}

/// The site as the docs backend renders it now (the same bytes `gen` writes).
fn write_site(dir: &Path) -> Result<(), String> {
    let ir = cloudabi_gen::default_ir().map_err(|e| e.render())?;
    let backend =
        cloudabi_gen::backend::find("docs").ok_or("the docs backend is not registered")?;
    let _ = std::fs::remove_dir_all(dir);
    for file in (backend.generate)(&ir) {
        if let Some(rel) = file.path.strip_prefix("docs/html/") {
            write(&dir.join(rel), &file.contents)?;
        }
    }
    Ok(())
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

/// The browser command, installing the Debian package first if none runs.
fn ensure_browser() -> Result<String, String> {
    if let Some(browser) = chromium::find() {
        return Ok(browser);
    }
    eprintln!("docs-screenshot: installing {}", chromium::PACKAGE);
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut cmd = Command::new(if is_root { "apt-get" } else { "sudo" });
    if !is_root {
        cmd.args(["-n", "apt-get"]);
    }
    let ok = cmd
        .args([
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
            chromium::PACKAGE,
        ])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
        .is_ok_and(|s| s.success());
    chromium::find().filter(|_| ok).ok_or_else(|| {
        format!(
            "headless Chromium is needed: install the Debian package `{}` (apt-get install {})",
            chromium::PACKAGE,
            chromium::PACKAGE
        )
    })
}
