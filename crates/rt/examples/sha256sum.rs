//! `sha256sum`: the SHA-256 digest of each input, in `sha256sum`'s format.
//!
//! Argdata: `{inputs: {NAME: fd, ...} or [fd, ...], out: fd, err: fd?}`.
//! Prints `DIGEST  NAME` per input (`-` as the name of an input in a list).
//! The hashing is the `sha2` crate from crates.io, built `no_std`: crates
//! that work without std work in a CloudABI program.
#![no_std]
#![no_main]

use core::fmt::Write as _;

use cloudabi_rt::argdata::Argdata;
use cloudabi_rt::io::BufWriter;
use cloudabi_rt::prelude::*;
use sha2::{Digest, Sha256};

cloudabi_rt::entry!(main);

fn main(args: Args) -> Result<(), Error> {
    cloudabi_rt::io::set_stderr(args.get_opt("err")?);
    let out: Fd = args.get("out")?;
    let mut out = BufWriter::new(out);
    let inputs: Argdata = args.get("inputs")?;
    if let Ok(map) = inputs.get_map() {
        for entry in map.iter() {
            let (name, fd) = entry?;
            let name = name.get_str()?;
            let digest = hash(Fd::from_arg(fd).with_context(|| format!("inputs.{name}"))?)?;
            writeln!(out, "{digest}  {name}")?;
        }
    } else {
        for (i, fd) in inputs.get_seq()?.iter().enumerate() {
            let digest = hash(Fd::from_arg(fd?).with_context(|| format!("inputs[{i}]"))?)?;
            writeln!(out, "{digest}  -")?;
        }
    }
    out.flush()
}

/// The digest of everything `input` holds, in lower-case hex.
fn hash(input: Fd) -> Result<String, Error> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match input.read(&mut buf)? {
            0 => break,
            n => hasher.update(&buf[..n]),
        }
    }
    let mut hex = String::with_capacity(64);
    for byte in hasher.finalize() {
        write!(hex, "{byte:02x}").map_err(Error::from)?;
    }
    Ok(hex)
}
