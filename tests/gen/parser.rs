//! The front end never panics: random line soup built from the language's own tokens, and
//! random damage to the real spec, must each end in an IR or in diagnostics.

use proptest::prelude::*;

const WORDS: &[&str] = &[
    "enum", "flags", "opaque", "alias", "struct", "function", "syscall", "in", "out", "noreturn",
    "variant", "range", "crange", "ptr", "cptr", "atomic", "array", "void", "uint8", "uint64",
    "int8", "size", "char", "@cprefix", "|", "| [a]", "| [s.x]", "a", "b", "s", "x", "0", "1",
    "0x10", "-1", "0b1", "300", "010", "[", "]", ".", "#", "a.b",
];

fn line() -> impl Strategy<Value = String> {
    (
        0usize..4,
        prop::collection::vec(prop::sample::select(WORDS), 0..5),
        any::<bool>(),
    )
        .prop_map(|(depth, words, spaces)| {
            let indent = if spaces {
                " ".repeat(depth * 2)
            } else {
                "\t".repeat(depth)
            };
            format!("{indent}{}", words.join(" "))
        })
}

fn check(text: &str) {
    match cloudabi_gen::load("random.txt", text) {
        Ok(ir) => {
            let _ = cloudabi_gen::backend::generate_all(&ir);
        }
        Err(e) => {
            assert!(!e.diagnostics.is_empty());
            let _ = e.render();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_never_panics(lines in prop::collection::vec(line(), 0..40)) {
        check(&lines.join("\n"));
    }

}

proptest! {
    // Each case parses and generates the whole spec, so fewer cases cover a lot of ground.
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn damaged_spec_never_panics(edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<prop::sample::Index>()), 1..6)) {
        let mut lines: Vec<String> = cloudabi_gen::DEFAULT_SPEC.lines().map(str::to_string).collect();
        for (at, op, other) in edits {
            let i = at.index(lines.len());
            let j = other.index(lines.len());
            match op {
                0 => { lines.remove(i); }
                1 => { let l = lines[j].clone(); lines.insert(i, l); }
                2 => lines.swap(i, j),
                _ => { lines[i] = lines[i].replacen('\t', "", 1); }
            }
        }
        check(&lines.join("\n"));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check(&text);
    }
}
