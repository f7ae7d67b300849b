//! File descriptors: process fds, how encoded fd numbers are resolved when
//! reading, and the table that renumbers them when writing.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;
use core::fmt;

/// The index [`FdTable`] keeps once it is long: hashed where std is there,
/// ordered otherwise (fd numbers are small and few, either is fine).
#[cfg(feature = "std")]
type FdIndex = std::collections::HashMap<Fd, u32>;
#[cfg(all(feature = "alloc", not(feature = "std")))]
type FdIndex = alloc::collections::BTreeMap<Fd, u32>;

/// The encoded number written for an fd that cannot be resolved.
pub const INVALID_ENCODED_FD: u32 = u32::MAX;

/// A process file descriptor, or the "invalid fd" marker.
///
/// In a [`Value`](crate::Value) tree this is the descriptor in the process
/// that encodes the tree (for `cloudabi-run`: the host fd). Encoding turns it
/// into an index into the fd table (see [`FdTable`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fd(i32);

impl Fd {
    /// The invalid fd, written as `FF FF FF FF`.
    pub const INVALID: Fd = Fd(-1);

    /// The process fd `raw`; any negative number gives [`Fd::INVALID`], as the
    /// C conversion callbacks signal failure with a negative result.
    pub const fn new(raw: i32) -> Fd {
        if raw < 0 {
            Fd::INVALID
        } else {
            Fd(raw)
        }
    }

    /// The descriptor number, or `None` if invalid.
    pub const fn get(self) -> Option<i32> {
        if self.0 < 0 {
            None
        } else {
            Some(self.0)
        }
    }

    /// Whether this is a real descriptor number.
    pub const fn is_valid(self) -> bool {
        self.0 >= 0
    }
}

impl fmt::Debug for Fd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.get() {
            Some(n) => write!(f, "Fd({n})"),
            None => f.write_str("Fd(invalid)"),
        }
    }
}

impl fmt::Display for Fd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.get() {
            Some(n) => write!(f, "{n}"),
            None => f.write_str("invalid"),
        }
    }
}

/// How a reader turns the 4-byte number stored in an fd node into a process
/// fd (the C library's conversion callback).
#[derive(Clone, Copy, Default)]
pub enum FdMapping<'a> {
    /// No fds were passed along: every fd read fails with
    /// [`Error::BadFd`](crate::Error::BadFd). This is the safe default for
    /// data of unknown origin.
    #[default]
    Unavailable,
    /// The encoded number is the process fd, as in a CloudABI process after
    /// exec (the kernel placed `fds[i]` at descriptor `i`). Numbers above
    /// `i32::MAX` are invalid.
    Identity,
    /// The encoded number indexes this table; out-of-range indices are invalid.
    Table(&'a [Fd]),
    /// Any other conversion; `None` means invalid.
    Func(&'a (dyn Fn(u32) -> Option<Fd> + Sync)),
}

impl FdMapping<'_> {
    /// Resolves an encoded fd number; `None` if it does not resolve.
    pub fn resolve(&self, encoded: u32) -> Option<Fd> {
        let fd = match self {
            FdMapping::Unavailable => None,
            FdMapping::Identity => i32::try_from(encoded).ok().map(Fd::new),
            FdMapping::Table(t) => usize::try_from(encoded)
                .ok()
                .and_then(|i| t.get(i))
                .copied(),
            FdMapping::Func(f) => f(encoded),
        };
        fd.filter(|fd| fd.is_valid())
    }
}

impl fmt::Debug for FdMapping<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FdMapping::Unavailable => f.write_str("Unavailable"),
            FdMapping::Identity => f.write_str("Identity"),
            FdMapping::Table(t) => f.debug_tuple("Table").field(t).finish(),
            FdMapping::Func(_) => f.write_str("Func(..)"),
        }
    }
}

/// Tables at most this long are searched linearly; the hash index only pays
/// off for many distinct fds.
#[cfg(feature = "alloc")]
const LINEAR_LIMIT: usize = 16;

/// The fd table built while encoding: distinct process fds in order of first
/// appearance. Entry `i` is what the child process receives as descriptor `i`.
#[cfg(feature = "alloc")]
#[derive(Debug, Clone, Default)]
pub struct FdTable {
    fds: Vec<Fd>,
    index: FdIndex,
}

#[cfg(feature = "alloc")]
impl FdTable {
    /// An empty table.
    pub fn new() -> FdTable {
        FdTable::default()
    }

    /// The encoded number for `fd`: its index in the table, appended if new.
    /// The invalid fd is never added and encodes as [`INVALID_ENCODED_FD`].
    pub fn insert(&mut self, fd: Fd) -> u32 {
        if !fd.is_valid() {
            return INVALID_ENCODED_FD;
        }
        if self.fds.len() <= LINEAR_LIMIT {
            if let Some(i) = self.fds.iter().position(|&f| f == fd) {
                return i as u32;
            }
        } else if let Some(&i) = self.index.get(&fd) {
            return i;
        }
        // Reaching 2^32 - 1 entries would collide with the invalid marker;
        // such an fd cannot be passed on, so it is encoded as invalid.
        let Ok(i) = u32::try_from(self.fds.len()) else {
            return INVALID_ENCODED_FD;
        };
        if i == INVALID_ENCODED_FD {
            return INVALID_ENCODED_FD;
        }
        self.fds.push(fd);
        if self.fds.len() > LINEAR_LIMIT {
            if self.index.is_empty() {
                self.index = self.fds.iter().zip(0u32..).map(|(&f, i)| (f, i)).collect();
            } else {
                self.index.insert(fd, i);
            }
        }
        i
    }

    /// The process fds, in encoded-number order.
    pub fn as_slice(&self) -> &[Fd] {
        &self.fds
    }

    /// Number of distinct fds.
    pub fn len(&self) -> usize {
        self.fds.len()
    }

    /// Whether no fd was added.
    pub fn is_empty(&self) -> bool {
        self.fds.is_empty()
    }

    /// The process fds, in encoded-number order.
    pub fn into_vec(self) -> Vec<Fd> {
        self.fds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_appearance_order() {
        let mut t = FdTable::new();
        assert_eq!(t.insert(Fd::new(5)), 0);
        assert_eq!(t.insert(Fd::new(7)), 1);
        assert_eq!(t.insert(Fd::new(5)), 0);
        assert_eq!(t.insert(Fd::INVALID), INVALID_ENCODED_FD);
        assert_eq!(t.as_slice(), &[Fd::new(5), Fd::new(7)]);
    }

    #[test]
    fn many_fds_use_the_index() {
        let mut t = FdTable::new();
        for round in 0..2 {
            for n in 0..100 {
                assert_eq!(t.insert(Fd::new(1000 - n)), n as u32, "round {round}");
            }
        }
        assert_eq!(t.len(), 100);
    }

    #[test]
    fn mappings() {
        assert_eq!(FdMapping::Unavailable.resolve(0), None);
        assert_eq!(FdMapping::Identity.resolve(3), Some(Fd::new(3)));
        assert_eq!(FdMapping::Identity.resolve(u32::MAX), None);
        assert_eq!(FdMapping::Identity.resolve(1 << 31), None);
        let table = [Fd::new(10), Fd::INVALID];
        assert_eq!(FdMapping::Table(&table).resolve(0), Some(Fd::new(10)));
        assert_eq!(FdMapping::Table(&table).resolve(1), None);
        assert_eq!(FdMapping::Table(&table).resolve(2), None);
        let f = |n: u32| Some(Fd::new(n as i32 + 10));
        assert_eq!(FdMapping::Func(&f).resolve(1), Some(Fd::new(11)));
        assert_eq!(format!("{:?}", Fd::new(-3)), "Fd(invalid)");
    }
}
