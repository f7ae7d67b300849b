//! Prints a greeting to the descriptor `out`.
#![no_std]
#![no_main]

use cloudabi_rt::prelude::*;

cloudabi_rt::entry!(main);

fn main(args: Args) -> Result<(), Error> {
    let mut out: Fd = args.get("out")?;
    let name: &str = args.get_or("name", "world")?;
    writeln!(out, "Hello, {name}!")?;
    Ok(())
}
