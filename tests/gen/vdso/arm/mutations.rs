//! Planted bugs: each mutation edits one stub of the focused spec's file the way a
//! wrong emitter would (a wrong number, swapped registers, a wrong store width, an
//! inverted carry test, and a few more each variant could get wrong), and the checks
//! must catch it for the reason named. The unmutated stub passes the same calls, so the
//! mutation is what they catch.

use super::case::{Case, Rng, Values};
use super::machine::{self, Machine};
use super::Variant;
use crate::vdso::{assemble, vdso_file};
use cloudabi_gen::ir::{Ir, Syscall};

/// One planted bug.
struct Mutation {
    name: &'static str,
    stub: &'static str,
    /// Whole instruction lines (without the leading tab) and what replaces each: one
    /// line, several joined by "\n\t", or nothing. Each must occur exactly once in the
    /// stub, unless `every` is set, which replaces a text wherever it occurs in it.
    edits: Vec<(String, String)>,
    every: bool,
    /// A failure must mention one of these.
    caught_as: &'static [&'static str],
}

fn mutation(
    name: &'static str,
    stub: &'static str,
    edits: &[(&str, &str)],
    caught_as: &'static [&'static str],
) -> Mutation {
    Mutation {
        name,
        stub,
        edits: edits
            .iter()
            .map(|(from, to)| (from.to_string(), to.to_string()))
            .collect(),
        every: false,
        caught_as,
    }
}

const OUTPUT: &[&str] = &["output 0", "wrote unmapped memory"];

/// The mutations for `variant`; numbers come from the IR.
fn mutations(variant: Variant, ir: &Ir) -> Vec<Mutation> {
    let n = syscall(ir, "c_output_32").number;
    let renumber = |register: &str| {
        (
            format!("mov\t{register}, #{n}"),
            format!("mov\t{register}, #{}", n + 1),
        )
    };
    let numbered = |register: &str| Mutation {
        edits: vec![renumber(register)],
        ..mutation(
            "wrong syscall number",
            "c_output_32",
            &[],
            &["syscall number"],
        )
    };
    let inverted = |stub| Mutation {
        edits: vec![("cc\t".into(), "cs\t".into())],
        every: true,
        ..mutation(
            "inverted carry test",
            stub,
            &[],
            &["output 0", "return value"],
        )
    };
    match variant {
        Variant::Aarch64 => vec![
            numbered("w8"),
            mutation(
                "swapped out-pointer registers",
                "f_two_outputs",
                &[("ldp\tx2, x3, [sp], #16", "ldp\tx3, x2, [sp], #16")],
                OUTPUT,
            ),
            mutation(
                "wrong store width",
                "c_output_32",
                &[("str\tw0, [x2]", "str\tx0, [x2]")],
                OUTPUT,
            ),
            mutation(
                "inverted carry test",
                "c_output_32",
                &[("b.cs\t1f", "b.cc\t1f")],
                &["output 0", "return value"],
            ),
            mutation(
                "out-pointer kept in a register across the trap",
                "c_output_32",
                &[
                    ("str\tx1, [sp, #-16]!", "sub\tsp, sp, #16"),
                    ("ldr\tx2, [sp], #16", "add\tsp, sp, #16\n\tmov\tx2, x1"),
                ],
                OUTPUT,
            ),
            mutation(
                "save area below sp without moving it",
                "c_output_32",
                &[
                    ("str\tx1, [sp, #-16]!", "str\tx1, [sp, #-16]"),
                    ("ldr\tx2, [sp], #16", "ldr\tx2, [sp, #-16]"),
                ],
                OUTPUT,
            ),
            mutation(
                "noreturn stub returns",
                "j_exit",
                &[("brk\t#0", "ret")],
                &["noreturn stub returned"],
            ),
        ],
        Variant::Armv6 => vec![
            numbered("ip"),
            mutation(
                "swapped out-pointer registers",
                "f_two_outputs",
                &[
                    ("ldrcc\tr2, [sp, #-4]", "ldrcc\tr2, [sp, #-8]"),
                    ("ldrcc\tr3, [sp, #-8]", "ldrcc\tr3, [sp, #-4]"),
                ],
                OUTPUT,
            ),
            mutation(
                "wrong store width",
                "c_output_32",
                &[("strcc\tr0, [r2]", "strhcc\tr0, [r2]")],
                OUTPUT,
            ),
            inverted("c_output_32"),
            mutation(
                "64-bit result words swapped",
                "d_output_64",
                &[
                    ("strcc\tr0, [r2]", "strcc\tr1, [r2]"),
                    ("strcc\tr1, [r2, #4]", "strcc\tr0, [r2, #4]"),
                ],
                OUTPUT,
            ),
            mutation(
                "stack out-pointer read a word off",
                "h_pair_spilled",
                &[("ldrcc\tr2, [sp, #8]", "ldrcc\tr2, [sp, #4]")],
                OUTPUT,
            ),
            mutation(
                "sp moved across the trap",
                "g_pair",
                &[("swi\t0", "sub\tsp, sp, #8\n\tswi\t0\n\tadd\tsp, sp, #8")],
                &["input 2"],
            ),
            mutation(
                "noreturn stub returns",
                "j_exit",
                &[("udf\t#0", "bx\tlr")],
                &["noreturn stub returned"],
            ),
        ],
        Variant::Armv6On64bit => vec![
            numbered("r0"),
            mutation(
                "swapped argument registers",
                "b_no_output",
                &[
                    ("str\tr0, [sp, #0]", "str\tr1, [sp, #0]"),
                    ("str\tr1, [sp, #8]", "str\tr0, [sp, #8]"),
                ],
                &["input 0"],
            ),
            mutation(
                "wrong store width",
                "c_output_32",
                &[("strcc\tr2, [r1]", "strhcc\tr2, [r1]")],
                OUTPUT,
            ),
            inverted("c_output_32"),
            mutation(
                "pointer not zero-extended",
                "b_no_output",
                &[("str\tip, [sp, #12]", "")],
                &["input 1"],
            ),
            mutation(
                "wrong buffer address",
                "c_output_32",
                &[("add\tr2, sp, #8", "add\tr2, sp, #0")],
                &["input 0"],
            ),
            mutation(
                "frame released before the trap",
                "c_output_32",
                &[("swi\t0", "add\tsp, sp, #24\n\tswi\t0\n\tsub\tsp, sp, #24")],
                OUTPUT,
            ),
            mutation(
                "noreturn stub returns",
                "j_exit",
                &[("udf\t#0", "add\tsp, sp, #16\n\tbx\tlr")],
                &["noreturn stub returned"],
            ),
        ],
    }
}

/// Applies `mutation` to the stub in `file`, or says why it no longer applies (the
/// emitter changed: update the mutation).
fn apply(file: &str, mutation: &Mutation) -> Result<String, String> {
    let start_label = format!("\ncloudabi_sys_{}:\n", mutation.stub);
    let start = file
        .find(&start_label)
        .ok_or_else(|| format!("no stub {}", mutation.stub))?
        + start_label.len();
    let end = start
        + file[start..]
            .find("\t.size\t")
            .ok_or("a stub without .size")?;
    let mut body = file[start..end].to_string();
    for (from, to) in &mutation.edits {
        if mutation.every {
            if !body.contains(from.as_str()) {
                return Err(format!("`{from}` is not in the stub"));
            }
            body = body.replace(from.as_str(), to);
            continue;
        }
        let line = format!("\t{from}\n");
        if body.matches(&line).count() != 1 {
            return Err(format!("`{from}` is not a line of the stub exactly once"));
        }
        let replacement = if to.is_empty() {
            String::new()
        } else {
            format!("\t{to}\n")
        };
        body = body.replace(&line, &replacement);
    }
    Ok(format!("{}{body}{}", &file[..start], &file[end..]))
}

/// The calls a mutated stub gets: both fixed answers and a few random ones.
fn calls(syscall: &Syscall, variant: Variant) -> Vec<Values> {
    let mut rng = Rng::new(u64::from(syscall.number));
    let mut values = vec![Values::fixed(syscall, false), Values::fixed(syscall, true)];
    values.extend((0..8).map(|_| Values::random(syscall, variant, &mut rng)));
    values
}

/// The focused spec's syscall `name`.
fn syscall<'a>(ir: &'a Ir, name: &str) -> &'a Syscall {
    ir.syscalls
        .iter()
        .find(|s| s.name.name == name)
        .unwrap_or_else(|| panic!("no syscall {name} in the focused spec"))
}

fn failures(machine: &mut Machine, ir: &Ir, stub: &str, variant: Variant) -> Vec<String> {
    let syscall = syscall(ir, stub);
    calls(syscall, variant)
        .into_iter()
        .flat_map(|values| Case::new(syscall, variant, values).run(machine))
        .collect()
}

/// Every mutation of `variant` is caught, for the reason it names.
pub(super) fn check(variant: Variant) {
    let ir = crate::specs::one("vdso", "shapes");
    let file = vdso_file(&ir, variant.name()).contents;
    let (arch, tools) = assemble::target(variant.name());
    // GNU as: one assembler is enough to show that the checks see the difference.
    let tool = tools
        .iter()
        .find(|t| t.package.starts_with("binutils"))
        .expect("GNU as among the assemblers");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let build = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).expect("writing a source");
        let bytes = assemble::assemble(tool, dir.path(), name)
            .unwrap_or_else(|e| panic!("{name} did not assemble: {e}"));
        Machine::new(
            variant,
            machine::load(&bytes, arch).unwrap_or_else(|e| panic!("{name}: {e}")),
        )
    };
    let mut original = build("original.S", &file);
    let mut problems = Vec::new();
    let list = mutations(variant, &ir);
    for (k, mutation) in list.iter().enumerate() {
        let label = format!(
            "{}: `{}` in {}",
            variant.name(),
            mutation.name,
            mutation.stub
        );
        let before = failures(&mut original, &ir, mutation.stub, variant);
        if !before.is_empty() {
            problems.push(format!("{label}: the unmutated stub fails: {before:?}"));
            continue;
        }
        let text = match apply(&file, mutation) {
            Ok(text) => text,
            Err(why) => {
                problems.push(format!("{label} no longer applies: {why}"));
                continue;
            }
        };
        let mut mutated = build(&format!("mutation{k}.S"), &text);
        let found = failures(&mut mutated, &ir, mutation.stub, variant);
        match found
            .iter()
            .find(|f| mutation.caught_as.iter().any(|c| f.contains(c)))
        {
            Some(reason) => println!("{label}: caught: {reason}"),
            None if found.is_empty() => problems.push(format!("{label}: not caught")),
            None => problems.push(format!(
                "{label}: caught, but not as {:?}: {found:?}",
                mutation.caught_as
            )),
        }
    }
    println!("{}: {} mutations", variant.name(), list.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
