//! Naming rules, one module per target language. Backends and the docs ask these modules
//! how an IR entity is spelled instead of formatting names themselves, so a name is decided
//! in exactly one place.

pub mod c;
pub mod rust;
