//! Runs every read operation (getters, iterators, lookups, full decode, YAML
//! printing, re-encoding) over arbitrary bytes, checking the invariants in
//! `tests/common/exercise.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common {
    include!("../../tests/common/exercise.rs");
}

fuzz_target!(|data: &[u8]| common::exercise(data));
