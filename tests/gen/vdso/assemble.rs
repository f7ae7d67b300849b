//! The assemblers the vDSO tests run: for each variant, clang (through the C
//! preprocessor, as a `.S` file), the GNU assembler and llvm-mc (both without a
//! preprocessor), each with the Debian package that provides it.

use super::run;
use object::Architecture;
use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(120);

/// One way to assemble a file: `program args... <input> -o <output>`.
pub(crate) struct Tool {
    pub program: &'static str,
    pub args: Vec<String>,
    pub package: &'static str,
}

fn clang(triple: &str) -> Tool {
    Tool {
        program: "clang",
        args: vec![format!("--target={triple}"), "-c".into()],
        package: "clang",
    }
}

fn llvm_mc(triple: &str) -> Tool {
    Tool {
        program: "llvm-mc",
        args: vec![format!("-triple={triple}"), "-filetype=obj".into()],
        package: "llvm",
    }
}

fn gnu_as(program: &'static str, args: &[&str], package: &'static str) -> Tool {
    Tool {
        program,
        args: args.iter().map(|a| a.to_string()).collect(),
        package,
    }
}

/// The machine a variant's objects are for, and the assemblers to try.
pub(crate) fn target(variant: &str) -> (Architecture, Vec<Tool>) {
    match variant {
        "x86_64" => (
            Architecture::X86_64,
            vec![
                clang("x86_64-linux-gnu"),
                gnu_as("as", &["--64"], "binutils"),
                llvm_mc("x86_64-linux-gnu"),
            ],
        ),
        "i686" | "i686_on_64bit" => (
            Architecture::I386,
            vec![
                clang("i686-linux-gnu"),
                gnu_as("as", &["--32"], "binutils"),
                llvm_mc("i686-linux-gnu"),
            ],
        ),
        "aarch64" => (
            Architecture::Aarch64,
            vec![
                clang("aarch64-linux-gnu"),
                gnu_as("aarch64-linux-gnu-as", &[], "binutils-aarch64-linux-gnu"),
                llvm_mc("aarch64-linux-gnu"),
            ],
        ),
        "armv6" | "armv6_on_64bit" => (
            Architecture::Arm,
            vec![
                clang("armv6-linux-gnueabi"),
                gnu_as(
                    "arm-linux-gnueabi-as",
                    &["-march=armv6"],
                    "binutils-arm-linux-gnueabi",
                ),
                llvm_mc("armv6-linux-gnueabi"),
            ],
        ),
        other => panic!("no assemblers known for variant {other}"),
    }
}

/// Assembles `source` (a file in `dir`) with `tool`, returning the object's bytes or
/// what went wrong (a warning counts as a failure).
pub(crate) fn assemble(tool: &Tool, dir: &Path, source: &str) -> Result<Vec<u8>, String> {
    let object = format!("{source}.{}.o", tool.program);
    let mut args: Vec<&str> = tool.args.iter().map(String::as_str).collect();
    args.extend([source, "-o", object.as_str()]);
    let run = run(tool.program, &args, dir, TIMEOUT, tool.package);
    let command = format!("{} {}", tool.program, args.join(" "));
    if !run.success {
        return Err(format!(
            "`{command}` failed ({}):\n{}",
            run.status, run.stderr
        ));
    }
    if !run.stderr.trim().is_empty() {
        return Err(format!("`{command}` warned:\n{}", run.stderr));
    }
    std::fs::read(dir.join(&object)).map_err(|e| format!("`{command}` wrote no object: {e}"))
}
