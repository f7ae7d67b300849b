//! `cloudabi-run [--trace] EXECUTABLE < config.yaml` runs a CloudABI program
//! with the resources the YAML names; `cloudabi-run --dump < config.yaml`
//! prints the Argdata the program would get.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str =
    "usage: cloudabi-run [--trace] EXECUTABLE < config.yaml | cloudabi-run --dump < config.yaml";

fn fail(message: &str) -> ExitCode {
    eprintln!("cloudabi-run: {message}");
    ExitCode::from(127)
}

fn exit_code(code: i32) -> ExitCode {
    ExitCode::from((code & 0xff) as u8)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut trace = false;
    let mut dump = false;
    let mut executable = None;
    for (i, arg) in args.iter().enumerate() {
        match arg.as_str() {
            "--exec-child" => return child(&args[i + 1..]),
            "--trace" => trace = true,
            "--dump" => dump = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            a if a.starts_with('-') => return fail(&format!("unknown option {a} ({USAGE})")),
            a if executable.is_none() => executable = Some(a.to_string()),
            _ => return fail(&format!("more than one executable given ({USAGE})")),
        }
    }
    let mut yaml = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut yaml) {
        return fail(&format!("cannot read the configuration from stdin: {e}"));
    }
    if dump {
        return match cloudabi_emulator::dump(&yaml) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        };
    }
    let Some(executable) = executable else {
        return fail(USAGE);
    };
    match cloudabi_emulator::run(executable.as_ref(), &yaml, trace) {
        Ok(code) => exit_code(code),
        Err(e) => fail(&e),
    }
}

fn child(args: &[String]) -> ExitCode {
    match cloudabi_emulator::run_child(args) {
        Ok(code) => exit_code(code),
        Err(e) => fail(&e),
    }
}
