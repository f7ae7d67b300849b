//! The docs backend: goldens of the focused spec, every link resolved, dangling doc
//! references refused, and the HTML site's search in a real browser.

pub(crate) mod chromium;
mod golden;
mod links;
mod references;
mod search;

use cloudabi_gen::backend::{self, OutputFile};
use cloudabi_gen::ir::Ir;

/// Everything the docs backend produces for `ir`, from memory.
fn docs(ir: &Ir) -> Vec<OutputFile> {
    let backend = backend::find("docs").expect("the docs backend is registered");
    (backend.generate)(ir)
}
