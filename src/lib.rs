//! cloudabi-gen: parses `cloudabi.txt` into a typed, validated, laid-out IR and runs the
//! backends that turn it into headers, bindings, vDSOs and documentation.

pub mod diag;
pub mod parse;
pub mod source;
