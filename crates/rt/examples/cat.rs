//! `cat`: copies each input, in order, to `out`.
//!
//! Argdata: `{inputs: [fd, ...], out: fd, err: fd?}`. Inputs may be files
//! (`!file {path: ...}`) or any other readable descriptor (`!fd stdin`).
//! Errors go to `err` if it is given.
#![no_std]
#![no_main]

use cloudabi_rt::argdata::Seq;
use cloudabi_rt::prelude::*;

cloudabi_rt::entry!(main);

fn main(args: Args) -> Result<(), Error> {
    cloudabi_rt::io::set_stderr(args.get_opt("err")?);
    let mut out: Fd = args.get("out")?;
    let inputs: Seq = args.get("inputs")?;
    for (i, input) in inputs.iter().enumerate() {
        let mut input = Fd::from_arg(input?).with_context(|| format!("inputs[{i}]"))?;
        cloudabi_rt::io::copy(&mut input, &mut out)
            .with_context(|| format!("copying inputs[{i}]"))?;
    }
    Ok(())
}
