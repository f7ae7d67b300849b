//! The native counterpart of examples/cat.rs, for the comparison in the
//! README: copies each file named on the command line to stdout through a
//! 64 KiB buffer (as cloudabi-rt's `io::copy` does). Built as a static
//! executable by compare-cat.sh.
use std::io::{Read, Write};

fn main() {
    let mut out = std::io::stdout().lock();
    let mut buf = vec![0u8; 64 * 1024];
    for path in std::env::args_os().skip(1) {
        let mut f = std::fs::File::open(&path).unwrap_or_else(|e| {
            eprintln!("error: {}: {e}", path.to_string_lossy());
            std::process::exit(1)
        });
        loop {
            let n = f.read(&mut buf).expect("read");
            if n == 0 {
                break;
            }
            out.write_all(&buf[..n]).expect("write");
        }
    }
}
