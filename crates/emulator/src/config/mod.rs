//! `cloudabi-run`'s YAML input: turns the first document into an Argdata tree
//! and a list of the resources (fds) its CloudABI tags ask for.
//!
//! The document starts with `%TAG ! tag:nuxi.nl,2015:cloudabi/` so that `!fd`,
//! `!file`, `!socket` and `!executable` resolve into CloudABI's tag space.
//! Every such node becomes [`Value::Fd`] whose number is an index into
//! [`Config::resources`]; opening the resources is the launcher's job, so this
//! module is pure and has no side effects (and `--dump` opens nothing).
//!
//! Scalars follow the YAML 1.2 core schema (argdata.md §9): plain `~`, `null`,
//! empty → null; `true`/`false` (any capitalisation YAML allows) → bool;
//! decimal, `0o` and `0x` integers in `i64::MIN..=u64::MAX` → int; decimal
//! floats, `.inf`, `.nan` → float; anything else, and every quoted scalar, →
//! str. Explicit `!!str`, `!!int`, `!!bool`, `!!float`, `!!null`,
//! `!!binary` (base64) and `!!timestamp` are honoured. Aliases are refused.

mod parse;
mod scalar;
mod timestamp;

#[cfg(test)]
mod tests;

use std::fmt;

pub(crate) use argdata::Value;

/// The CloudABI tag prefix the `%TAG !` directive must name.
pub(crate) const TAG_PREFIX: &str = "tag:nuxi.nl,2015:cloudabi/";

/// A position in the YAML text; both numbers start at 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Location {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// A problem in the YAML input, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConfigError {
    pub(crate) at: Location,
    pub(crate) message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Socket kinds `!socket` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SocketType {
    Stream,
    Dgram,
}

/// What a `!socket` does with its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SocketAction {
    /// `bind: ADDR`: the program gets the bound (for a stream, listening)
    /// socket.
    Bind,
    /// `connect: ADDR`: the program gets the connected socket.
    Connect,
    /// `bind: ADDR, accept: pass` (stream only): the launcher listens at
    /// ADDR and accepts; the program gets one end of a socket pair over
    /// which each connection arrives as a descriptor (never the listening
    /// socket itself).
    AcceptAndPass,
}

/// One fd the program is given, as the YAML describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ResourceKind {
    /// `!fd N` (`stdin`, `stdout`, `stderr` are 0, 1, 2): a copy of the
    /// launcher's own fd N.
    HostFd(i32),
    /// `!file {path: P}`: P opened read-only (a file or a directory).
    File { path: String },
    /// `!socket {type: T, bind|connect: ADDR}` or `!socket {bind: ADDR,
    /// accept: pass}`: ADDR starting with `/` is a UNIX socket path,
    /// anything else `host:port` or `[v6]:port`.
    Socket {
        ty: SocketType,
        action: SocketAction,
        address: String,
    },
    /// `!executable`: the program being run.
    Executable,
}

/// A resource and where in the YAML it was asked for (for error messages
/// when opening it fails).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resource {
    pub(crate) kind: ResourceKind,
    pub(crate) at: Location,
}

/// A parsed configuration: the tree, whose [`Value::Fd`] nodes hold indices
/// into `resources`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Config {
    pub(crate) tree: Value,
    pub(crate) resources: Vec<Resource>,
}

/// Parses the first YAML document of `text`.
pub(crate) fn parse(text: &str) -> Result<Config, ConfigError> {
    parse::document(text)
}
