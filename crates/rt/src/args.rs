//! The program's arguments: the Argdata tree it was started with.
//!
//! [`Args`] is that tree (it dereferences to [`argdata::Argdata`]) plus
//! typed, keyed access for the usual case of a map at the root:
//!
//! ```ignore
//! let out: Fd = args.get("out")?;            // a descriptor, now owned
//! let dir: Dir = args.get("dir")?;           // checked to be a directory
//! let name: &str = args.get_or("name", "world")?;
//! let count: u32 = args.get_or("connections", 1)?;
//! for input in args.get::<Seq>("inputs")? {
//!     let f = Fd::from_arg(input?)?;
//! }
//! ```
//!
//! Descriptors in the arguments belong to the process; each one can be taken
//! (turned into an owned [`Fd`]) once. Taking it again is an error rather
//! than a second owner that would close it twice.

use alloc::vec::Vec;
use core::ops::Deref;

use argdata::{Argdata, ArgdataInt, FdMapping, Map, Seq, Timestamp};

use crate::error::Error;
use crate::fd::{Fd, FromFd};
use crate::sync::Mutex;

/// The program's Argdata, as `main` receives it.
#[derive(Clone, Copy, Debug)]
pub struct Args(Argdata<'static>);

impl Args {
    /// This process's arguments (from the auxiliary vector). Every
    /// [`Args`] of a process is the same tree.
    pub fn of_process() -> Args {
        // Encoded fd numbers are the process's descriptors: the system put
        // descriptor i of the starter's list at number i.
        Args(Argdata::with_fds(
            crate::start::argdata_bytes(),
            FdMapping::Identity,
        ))
    }

    /// The whole tree.
    pub fn argdata(&self) -> Argdata<'static> {
        self.0
    }

    fn map(&self) -> Result<Map<'static>, Error> {
        self.0
            .get_map()
            .map_err(|e| Error::from(e).context("the arguments are not a map"))
    }

    /// The value at `key` of the root map, if present.
    pub fn value(&self, key: &str) -> Result<Option<Argdata<'static>>, Error> {
        self.map()?
            .get(key)
            .map_err(|e| Error::from(e).context(alloc::format!("argument `{key}`")))
    }

    /// The value at `key`, converted: `&str`, integers, `bool`, `f64`,
    /// [`Seq`], [`Map`], [`Argdata`], [`Timestamp`], or a descriptor type
    /// ([`Fd`], [`File`](crate::fs::File), [`Dir`](crate::fs::Dir),
    /// [`Socket`](crate::net::Socket)), which is then owned by the caller.
    pub fn get<T: FromArg>(&self, key: &str) -> Result<T, Error> {
        match self.get_opt(key)? {
            Some(v) => Ok(v),
            None => Err(Error::msg(alloc::format!("argument `{key}` is missing"))),
        }
    }

    /// [`get`](Args::get), with `None` for a missing key (or a null value).
    pub fn get_opt<T: FromArg>(&self, key: &str) -> Result<Option<T>, Error> {
        match self.value(key)? {
            Some(v) if !v.is_null() => T::from_arg(v)
                .map(Some)
                .map_err(|e| e.context(alloc::format!("argument `{key}`"))),
            _ => Ok(None),
        }
    }

    /// [`get`](Args::get), with `default` for a missing key (or a null value).
    pub fn get_or<T: FromArg>(&self, key: &str, default: T) -> Result<T, Error> {
        Ok(self.get_opt(key)?.unwrap_or(default))
    }
}

impl Deref for Args {
    type Target = Argdata<'static>;
    fn deref(&self) -> &Argdata<'static> {
        &self.0
    }
}

/// Values an argument converts to; see [`Args::get`].
pub trait FromArg: Sized {
    /// Converts one Argdata value.
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error>;
}

impl FromArg for Argdata<'static> {
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
        Ok(value)
    }
}

impl FromArg for &'static str {
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
        Ok(value.get_str()?)
    }
}

impl FromArg for &'static [u8] {
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
        Ok(value.get_binary()?)
    }
}

impl FromArg for bool {
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
        Ok(value.get_bool()?)
    }
}

impl FromArg for f64 {
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
        Ok(value.get_float()?)
    }
}

impl FromArg for Timestamp {
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
        Ok(value.get_timestamp()?)
    }
}

impl FromArg for Seq<'static> {
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
        Ok(value.get_seq()?)
    }
}

impl FromArg for Map<'static> {
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
        Ok(value.get_map()?)
    }
}

macro_rules! from_arg_int {
    ($($t:ty)*) => {$(
        impl FromArg for $t {
            fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
                Ok(value.get_int::<$t>()?)
            }
        }
    )*};
}
from_arg_int!(u8 u16 u32 u64 usize i8 i16 i32 i64 isize);

// Keeps the integer list above in step with what argdata can read.
const _: fn() = || {
    fn readable<T: ArgdataInt>() {}
    readable::<usize>();
    readable::<isize>();
};

/// Descriptors: taken from the process (once each), then type-checked.
impl<T: FromFd> FromArg for T {
    fn from_arg(value: Argdata<'static>) -> Result<Self, Error> {
        let fd = value.get_fd()?;
        let raw = fd
            .get()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| Error::msg("the descriptor is invalid"))?;
        claim(raw)?;
        // SAFETY: `claim` proved no one took this argument descriptor
        // before; from now on the new `Fd` is its only owner.
        T::from_fd(unsafe { Fd::from_raw(raw) })
    }
}

/// Argument descriptors already taken: bit n of word n / 64 for fd n.
static CLAIMED: Mutex<Vec<u64>> = Mutex::new(Vec::new());

fn claim(fd: u32) -> Result<(), Error> {
    let (word, bit) = ((fd / 64) as usize, 1u64 << (fd % 64));
    let mut claimed = CLAIMED.lock();
    if claimed.len() <= word {
        claimed.resize(word + 1, 0);
    }
    if claimed[word] & bit != 0 {
        return Err(Error::msg(alloc::format!(
            "descriptor {fd} was already taken from the arguments"
        )));
    }
    claimed[word] |= bit;
    Ok(())
}
