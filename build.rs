//! Derives the JSON backend's schema once, when the generator is compiled.
//!
//! The schema depends only on the JSON model's types, never on a spec, and deriving it
//! with schemars costs more than writing a whole spec's C headers; so it is derived here,
//! from the very file the backend serializes with (`src/backend/json/model.rs`), and the
//! backend includes the text. One source, no checked-in copy to keep in step.

#[allow(
    dead_code,
    unreachable_pub,
    reason = "only the types' schema is used here"
)]
#[path = "src/backend/json/model.rs"]
mod model;

fn main() {
    println!("cargo::rerun-if-changed=src/backend/json/model.rs");
    let schema = schemars::schema_for!(model::Document);
    let mut json = serde_json::to_string_pretty(&schema).expect("schemas serialize");
    json.push('\n');
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("schema.json"), json).expect("OUT_DIR is writable");
}
