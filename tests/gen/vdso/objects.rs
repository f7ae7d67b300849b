//! Every vDSO file, for our spec and for the focused spec, assembles with three real
//! assemblers for its target: clang (through the C preprocessor, as a `.S` file), the
//! GNU assembler and llvm-mc (both without a preprocessor). Each object must be an ELF
//! file for the right machine defining exactly one global function per syscall,
//! `cloudabi_sys_<name>`, and no other global or undefined symbol. A missing tool fails
//! the test with the Debian package to install.

use super::assemble::{assemble, target};
use cloudabi_gen::ir::Ir;
use object::{Architecture, Object, ObjectSymbol, SymbolKind};
use std::collections::BTreeSet;

/// Checks an object: ELF for `arch`, and its non-local symbols are exactly the defined
/// functions `expected`.
fn check_object(
    bytes: &[u8],
    arch: Architecture,
    expected: &BTreeSet<String>,
) -> Result<(), String> {
    let file = object::File::parse(bytes).map_err(|e| format!("not an object file: {e}"))?;
    if file.format() != object::BinaryFormat::Elf || file.architecture() != arch {
        return Err(format!(
            "expected an ELF object for {arch:?}, got {:?} for {:?}",
            file.format(),
            file.architecture()
        ));
    }
    let mut found = BTreeSet::new();
    for symbol in file.symbols().filter(|s| !s.is_local()) {
        let name = symbol.name().map_err(|e| e.to_string())?.to_string();
        if symbol.is_undefined() {
            return Err(format!("undefined symbol {name}"));
        }
        if symbol.kind() != SymbolKind::Text || symbol.size() == 0 {
            return Err(format!(
                "{name} is {:?} of size {}, not a function",
                symbol.kind(),
                symbol.size()
            ));
        }
        found.insert(name);
    }
    if &found != expected {
        let missing: Vec<_> = expected.difference(&found).collect();
        let extra: Vec<_> = found.difference(expected).collect();
        return Err(format!(
            "global symbols differ: missing {missing:?}, extra {extra:?}"
        ));
    }
    Ok(())
}

fn expected_symbols(ir: &Ir) -> BTreeSet<String> {
    ir.syscalls
        .iter()
        .map(|s| format!("cloudabi_sys_{}", s.name.name))
        .collect()
}

/// Assembles the variant's file for both specs with every assembler; reports every
/// failure at once.
fn check_variant(variant: &str) {
    let (arch, tools) = target(variant);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut failures = Vec::new();
    for (label, ir) in super::both_specs() {
        let expected = expected_symbols(&ir);
        if label == "cloudabi" {
            assert_eq!(expected.len(), 49);
        }
        let source = format!("{label}_{variant}.S");
        let file = super::vdso_file(&ir, variant);
        std::fs::write(dir.path().join(&source), &file.contents).expect("writing the source");
        for tool in &tools {
            let result = assemble(tool, dir.path(), &source)
                .and_then(|bytes| check_object(&bytes, arch, &expected));
            if let Err(why) = result {
                failures.push(format!("{source} with {}: {why}", tool.program));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn x86_64() {
    check_variant("x86_64");
}

#[test]
fn i686() {
    check_variant("i686");
}

#[test]
fn i686_on_64bit() {
    check_variant("i686_on_64bit");
}

#[test]
fn aarch64() {
    check_variant("aarch64");
}

#[test]
fn armv6() {
    check_variant("armv6");
}

#[test]
fn armv6_on_64bit() {
    check_variant("armv6_on_64bit");
}

/// A syscall x86_64's kernel cannot take (seven arguments) becomes a `.error` that stops
/// every assembler, naming the stub.
#[test]
fn refused_stubs_stop_the_assembler() {
    let mut spec = String::from("syscall wide\n\t| Seven arguments.\n\tin\n");
    for i in 0..7 {
        spec.push_str(&format!("\t\tuint32 a{i}\n\t\t\t| An argument.\n"));
    }
    let ir = cloudabi_gen::load("wide.txt", &spec).expect("a valid spec");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = super::vdso_file(&ir, "x86_64");
    std::fs::write(dir.path().join("wide.S"), &file.contents).expect("writing the source");
    let (_, tools) = target("x86_64");
    for tool in &tools {
        match assemble(tool, dir.path(), "wide.S") {
            Ok(_) => panic!("{} assembled a refused stub", tool.program),
            Err(why) => assert!(
                why.contains("cloudabi_sys_wide: 7 arguments, but the kernel takes at most 6"),
                "{} failed for another reason: {why}",
                tool.program
            ),
        }
    }
}
