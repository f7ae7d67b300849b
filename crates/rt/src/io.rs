//! Reading and writing: the [`Read`] and [`Write`] traits (the shape of
//! `std::io`'s, with the runtime's [`Error`]), [`copy`], buffering, and the
//! process-wide output descriptors behind [`print!`](crate::print) and
//! [`eprint!`](crate::eprint).
//!
//! A CloudABI process has no standard streams: descriptors 0, 1 and 2 mean
//! nothing special. A program that wants `print!` picks the descriptor
//! itself with [`set_stdout`] (typically one it got in its arguments); until
//! it does, printing goes nowhere. [`set_stderr`] picks where
//! [`eprint!`](crate::eprint), panic messages and the error `main` returns
//! go.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::sync::atomic::{AtomicU32, Ordering};

use crate::error::Error;
use crate::fd::Fd;

/// A source of bytes.
pub trait Read {
    /// Reads into `buf`, returning how many bytes were read; 0 means end of
    /// file (or an empty `buf`).
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Error>;

    /// Reads until end of file, appending to `out`; returns how much.
    fn read_to_end(&mut self, out: &mut Vec<u8>) -> Result<usize, Error> {
        let start = out.len();
        let mut chunk = 8192;
        loop {
            let len = out.len();
            out.resize(len + chunk, 0);
            match self.read(&mut out[len..]) {
                Ok(0) => {
                    out.truncate(len);
                    return Ok(len - start);
                }
                Ok(n) => out.truncate(len + n),
                Err(e) => {
                    out.truncate(len);
                    return Err(e);
                }
            }
            chunk = (chunk * 2).min(1 << 20);
        }
    }

    /// Reads until end of file as UTF-8 text, appending to `out`.
    fn read_to_string(&mut self, out: &mut String) -> Result<usize, Error> {
        let mut bytes = Vec::new();
        let n = self.read_to_end(&mut bytes)?;
        let text = String::from_utf8(bytes).map_err(|_| Error::msg("the data is not UTF-8"))?;
        out.push_str(&text);
        Ok(n)
    }

    /// Fills all of `buf`, or fails at an early end of file.
    fn read_exact(&mut self, mut buf: &mut [u8]) -> Result<(), Error> {
        while !buf.is_empty() {
            match self.read(buf)? {
                0 => return Err(Error::msg("unexpected end of file")),
                n => buf = &mut buf[n..],
            }
        }
        Ok(())
    }
}

/// A sink for bytes.
pub trait Write {
    /// Writes from `buf`, returning how much was taken (possibly less).
    fn write(&mut self, buf: &[u8]) -> Result<usize, Error>;

    /// Sends buffered data on; nothing to do for an unbuffered writer.
    fn flush(&mut self) -> Result<(), Error> {
        Ok(())
    }

    /// Writes all of `buf`.
    fn write_all(&mut self, mut buf: &[u8]) -> Result<(), Error> {
        while !buf.is_empty() {
            match self.write(buf)? {
                0 => return Err(Error::msg("the writer accepted no more data")),
                n => buf = &buf[n..],
            }
        }
        Ok(())
    }

    /// What `write!(w, ...)` calls: formats and writes, keeping the first
    /// write error (with its error number).
    ///
    /// The pieces are gathered in a small buffer on the stack first, so that
    /// a formatted line costs one write (one system call on a descriptor)
    /// rather than one per piece.
    fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<(), Error> {
        if let Some(s) = args.as_str() {
            return self.write_all(s.as_bytes());
        }
        let mut g = Gather {
            inner: self,
            buf: [0; GATHER],
            len: 0,
            error: None,
        };
        let result = fmt::write(&mut g, args).and_then(|()| g.flush_buf());
        match (result, g.error) {
            (Ok(()), _) => Ok(()),
            (Err(_), Some(e)) => Err(e),
            (Err(_), None) => Err(Error::msg("a formatting trait failed")),
        }
    }
}

/// The stack buffer of [`Write::write_fmt`].
const GATHER: usize = 512;

struct Gather<'a, W: ?Sized> {
    inner: &'a mut W,
    buf: [u8; GATHER],
    len: usize,
    error: Option<Error>,
}

impl<W: Write + ?Sized> Gather<'_, W> {
    fn flush_buf(&mut self) -> fmt::Result {
        let n = core::mem::take(&mut self.len);
        self.inner.write_all(&self.buf[..n]).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

impl<W: Write + ?Sized> fmt::Write for Gather<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.len + s.len() > GATHER {
            self.flush_buf()?;
        }
        if s.len() > GATHER {
            return self.inner.write_all(s.as_bytes()).map_err(|e| {
                self.error = Some(e);
                fmt::Error
            });
        }
        self.buf[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
        self.len += s.len();
        Ok(())
    }
}

impl<R: Read + ?Sized> Read for &mut R {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Error> {
        (**self).read(buf)
    }
}

impl<W: Write + ?Sized> Write for &mut W {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Error> {
        (**self).write(buf)
    }
    fn flush(&mut self) -> Result<(), Error> {
        (**self).flush()
    }
}

/// Reading from a byte slice consumes it.
impl Read for &[u8] {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Error> {
        let n = buf.len().min(self.len());
        buf[..n].copy_from_slice(&self[..n]);
        *self = &self[n..];
        Ok(n)
    }
}

/// Writing to a vector appends.
impl Write for Vec<u8> {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Error> {
        self.extend_from_slice(buf);
        Ok(buf.len())
    }
}

/// The buffer size [`copy`] uses: big, because on CloudABI every read and
/// write is a system call and possibly an emulated one.
const COPY_BUFFER: usize = 64 * 1024;

/// Copies everything from `reader` to `writer`; returns the byte count.
pub fn copy<R: Read + ?Sized, W: Write + ?Sized>(
    reader: &mut R,
    writer: &mut W,
) -> Result<u64, Error> {
    let mut buf = alloc::vec![0u8; COPY_BUFFER];
    let mut total = 0u64;
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            return Ok(total);
        }
        writer.write_all(&buf[..n])?;
        total += n as u64;
    }
}

/// Collects small writes into one buffer and writes it out when full, on
/// [`flush`](Write::flush) and when dropped (where an error is lost: flush
/// first to see it).
pub struct BufWriter<W: Write> {
    inner: W,
    buf: Vec<u8>,
}

impl<W: Write> BufWriter<W> {
    /// A writer with an 8 KiB buffer.
    pub fn new(inner: W) -> BufWriter<W> {
        BufWriter::with_capacity(8192, inner)
    }

    /// A writer with a buffer of `capacity` bytes.
    pub fn with_capacity(capacity: usize, inner: W) -> BufWriter<W> {
        BufWriter {
            inner,
            buf: Vec::with_capacity(capacity),
        }
    }

    /// The writer underneath.
    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// Flushes and returns the writer underneath.
    pub fn into_inner(mut self) -> Result<W, Error> {
        self.flush_buf()?;
        let me = core::mem::ManuallyDrop::new(self);
        // SAFETY: `me` is never used or dropped again; each field is moved
        // out exactly once.
        unsafe {
            drop(core::ptr::read(&me.buf));
            Ok(core::ptr::read(&me.inner))
        }
    }

    fn flush_buf(&mut self) -> Result<(), Error> {
        let result = self.inner.write_all(&self.buf);
        self.buf.clear();
        result
    }
}

impl<W: Write> Write for BufWriter<W> {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Error> {
        if self.buf.len() + buf.len() > self.buf.capacity() {
            self.flush_buf()?;
        }
        if buf.len() >= self.buf.capacity() {
            return self.inner.write(buf);
        }
        self.buf.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> Result<(), Error> {
        self.flush_buf()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for BufWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush_buf();
    }
}

/// What [`wait`] waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interest {
    /// Data to read (or end of file, or a connection to accept).
    Read,
    /// Room to write.
    Write,
}

/// Waits until `fd` is ready for `interest`, or `timeout` passes (`None`:
/// no limit). Returns how many bytes can be read or written without
/// blocking (as the system estimates it), or `None` on timeout.
pub fn wait(
    fd: &Fd,
    interest: Interest,
    timeout: Option<core::time::Duration>,
) -> Result<Option<u64>, Error> {
    const READY: u64 = 1;
    let ready = crate::sys::fd_ready(READY, fd.as_raw(), interest == Interest::Write);
    let (events, n) = match timeout {
        None => crate::sys::poll(&[ready])?,
        Some(t) => {
            let nanos = u64::try_from(t.as_nanos()).unwrap_or(u64::MAX);
            crate::sys::poll(&[
                ready,
                crate::sys::clock(0, cloudabi::clockid::MONOTONIC, nanos, false),
            ])?
        }
    };
    for e in &events[..n] {
        if e.userdata == READY {
            e.result()?;
            return Ok(Some(e.nbytes));
        }
    }
    Ok(None)
}

/// No descriptor chosen: the stored value is the descriptor number plus one.
const NONE: u32 = 0;

static STDOUT: AtomicU32 = AtomicU32::new(NONE);
static STDERR: AtomicU32 = AtomicU32::new(NONE);

fn swap(slot: &AtomicU32, fd: Option<Fd>) -> Option<Fd> {
    let new = fd.map_or(NONE, |fd| fd.into_raw() + 1);
    let old = slot.swap(new, Ordering::AcqRel);
    // SAFETY: the slot owned `old - 1` and gives it back.
    (old != NONE).then(|| unsafe { Fd::from_raw(old - 1) })
}

/// Makes `fd` where [`print!`](crate::print) and [`println!`](crate::println)
/// write (the runtime keeps it open); returns the previous one. `None`
/// makes printing go nowhere again.
pub fn set_stdout(fd: Option<Fd>) -> Option<Fd> {
    swap(&STDOUT, fd)
}

/// Makes `fd` where [`eprint!`](crate::eprint), panic messages and the
/// error returned by `main` go; returns the previous one.
pub fn set_stderr(fd: Option<Fd>) -> Option<Fd> {
    swap(&STDERR, fd)
}

/// The descriptor chosen with [`set_stdout`], for writing to directly;
/// writes to it go nowhere (and succeed) when none was chosen.
pub fn stdout() -> Output {
    Output(&STDOUT)
}

/// The descriptor chosen with [`set_stderr`]; see [`stdout`].
pub fn stderr() -> Output {
    Output(&STDERR)
}

/// One of the process-wide outputs ([`stdout`], [`stderr`]).
#[derive(Clone, Copy)]
pub struct Output(&'static AtomicU32);

impl Output {
    /// Whether a descriptor was chosen.
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Acquire) != NONE
    }

    /// Formats and writes `args`: in one write if it is up to 512 bytes
    /// long, so that lines printed by different threads do not interleave.
    /// Allocates nothing.
    pub fn print(&self, args: fmt::Arguments<'_>) -> Result<(), Error> {
        if !self.is_set() {
            return Ok(());
        }
        let mut me = *self;
        Write::write_fmt(&mut me, args)
    }

    /// [`print`](Self::print) for the macros: a write that fails panics,
    /// as `std`'s `print!` does, so that output is never lost while the
    /// program goes on to exit 0.
    #[doc(hidden)]
    #[track_caller]
    pub fn print_or_panic(&self, args: fmt::Arguments<'_>) {
        if let Err(e) = self.print(args) {
            let name = if core::ptr::eq(self.0, &STDERR) {
                "stderr"
            } else {
                "stdout"
            };
            panic!("failed printing to {name}: {e}");
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Error> {
        match self.0.load(Ordering::Acquire) {
            NONE => Ok(buf.len()),
            n => {
                // Borrow the descriptor without owning it.
                // SAFETY: the slot keeps it open; `forget` keeps this copy
                // from closing it.
                let fd = core::mem::ManuallyDrop::new(unsafe { Fd::from_raw(n - 1) });
                Ok(fd.write(buf)?)
            }
        }
    }
}

impl fmt::Write for Output {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        Write::write_all(self, s.as_bytes()).map_err(|_| fmt::Error)
    }
}

/// Prints to the descriptor chosen with [`io::set_stdout`](crate::io::set_stdout);
/// nothing happens if none was chosen. A failed write panics, as `std`'s
/// does; use `write!(io::stdout(), ...)` to handle the error instead.
#[macro_export]
macro_rules! print {
    ($($arg:tt)*) => {{
        $crate::io::stdout().print_or_panic(::core::format_args!($($arg)*));
    }};
}

/// [`print!`](crate::print!) with a newline.
#[macro_export]
macro_rules! println {
    () => { $crate::print!("\n") };
    ($($arg:tt)*) => {{
        $crate::io::stdout().print_or_panic(::core::format_args!("{}\n", ::core::format_args!($($arg)*)));
    }};
}

/// Prints to the descriptor chosen with [`io::set_stderr`](crate::io::set_stderr).
#[macro_export]
macro_rules! eprint {
    ($($arg:tt)*) => {{
        $crate::io::stderr().print_or_panic(::core::format_args!($($arg)*));
    }};
}

/// [`eprint!`](crate::eprint!) with a newline.
#[macro_export]
macro_rules! eprintln {
    () => { $crate::eprint!("\n") };
    ($($arg:tt)*) => {{
        $crate::io::stderr().print_or_panic(::core::format_args!("{}\n", ::core::format_args!($($arg)*)));
    }};
}
