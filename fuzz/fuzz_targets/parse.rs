//! Feeds arbitrary text to the whole front end (parse, resolve, validate, layout) and to the
//! diagnostic renderer: none of them may panic, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match cloudabi_gen::load("fuzz.txt", text) {
            Ok(ir) => {
                let _ = cloudabi_gen::backend::generate_all(&ir);
            }
            Err(errors) => {
                let _ = errors.render();
            }
        }
    }
});
