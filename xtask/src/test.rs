//! `test`: the one command that runs every test. It first makes sure the system tools the
//! tests drive are present, installing them with apt-get and rustup where it can.

use std::process::Command;

pub fn run(extra: &[&str]) -> Result<(), String> {
    crate::test::tools::ensure()?;
    cargo(&["test", "--workspace", "--all-targets"], extra)?;
    cargo(&["test", "--workspace", "--doc"], &[])?;
    Ok(())
}

fn cargo(args: &[&str], extra: &[&str]) -> Result<(), String> {
    let status = Command::new(env!("CARGO"))
        .args(args)
        .args(extra)
        .current_dir(crate::root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed", args.join(" ")))
    }
}

pub mod tools {
    //! System tools the tests need: none yet beyond cargo.
    pub fn ensure() -> Result<(), String> {
        Ok(())
    }
}
