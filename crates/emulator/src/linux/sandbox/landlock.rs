//! The Landlock layer: file system access only beneath the granted
//! directories, with the rights each grant's CloudABI rights allow; the
//! launcher (and what its loader maps) as the only executable; no TCP bind
//! or connect (ABI ≥ 4); abstract unix sockets and signals scoped to this
//! process and its children (ABI ≥ 6).
//!
//! Rules are only needed for directories: every other granted descriptor is
//! already open, and Landlock checks opening, not the use of open files. A
//! directory that arrives later (over a socket) has no rule, so paths
//! beneath it cannot be opened: Landlock rules are fixed once applied.

use cloudabi::{filetype, rights};
use landlock::{
    Access, AccessFs, AccessNet, BitFlags, CompatLevel, Compatible, PathBeneath, Ruleset,
    RulesetAttr, RulesetCreatedAttr, RulesetStatus, Scope, ABI,
};

use super::Launcher;
use crate::linux::host::FdTable;

/// The newest Landlock ABI this was written and tested for (Linux 6.12+
/// offer it, with scoping; 7 adds only logging controls).
const TESTED: ABI = ABI::V7;

/// The Landlock access a directory grant with CloudABI rights `base` (on
/// the directory) and `inheriting` (for what is opened beneath it) allows.
/// Read-only stays read-only: nothing that writes is allowed unless a
/// CloudABI right asks for it.
pub(crate) fn dir_access(base: rights, inheriting: rights) -> BitFlags<AccessFs> {
    let both = base | inheriting;
    let mut a = BitFlags::<AccessFs>::empty();
    let opens = both.contains(rights::FILE_OPEN);
    if both.intersects(rights::FILE_READDIR) || opens {
        a |= AccessFs::ReadDir;
    }
    if opens && inheriting.contains(rights::FD_READ) {
        a |= AccessFs::ReadFile;
    }
    if opens && inheriting.contains(rights::FD_WRITE) {
        a |= AccessFs::WriteFile;
    }
    if both.contains(rights::FILE_STAT_FPUT_SIZE) {
        a |= AccessFs::Truncate;
    }
    if both.contains(rights::FILE_CREATE_FILE) {
        a |= AccessFs::MakeReg;
    }
    if both.contains(rights::FILE_CREATE_DIRECTORY) {
        a |= AccessFs::MakeDir;
    }
    if both.contains(rights::FILE_SYMLINK) {
        a |= AccessFs::MakeSym;
    }
    if both.contains(rights::FILE_UNLINK) {
        a |= AccessFs::RemoveFile | AccessFs::RemoveDir;
    }
    if both.intersects(rights::FILE_RENAME_SOURCE) {
        a |= AccessFs::RemoveFile | AccessFs::RemoveDir | AccessFs::Refer;
    }
    if both.intersects(rights::FILE_RENAME_TARGET) {
        a |= AccessFs::MakeReg | AccessFs::MakeDir | AccessFs::MakeSym | AccessFs::Refer;
    }
    if both.intersects(rights::FILE_LINK_SOURCE | rights::FILE_LINK_TARGET) {
        a |= AccessFs::Refer;
    }
    if both.contains(rights::FILE_LINK_TARGET) {
        a |= AccessFs::MakeReg | AccessFs::MakeSym;
    }
    a
}

/// Restricts this thread (the only one) and all it starts; `Err` names
/// what the kernel could not enforce.
pub(crate) fn restrict(fds: &FdTable, launcher: &Launcher) -> Result<(), Gap> {
    let status = build(fds, launcher)
        .and_then(|r| r.restrict_self())
        .map_err(|e| Gap::Failed(format!("Landlock could not be applied ({e})")))?;
    match status.ruleset {
        RulesetStatus::FullyEnforced => Ok(()),
        RulesetStatus::NotEnforced => Err(Gap::Missing(
            "Landlock is not available (kernel older than 5.13, or Landlock not enabled): \
             file system access is confined only by the emulator's own checks"
                .into(),
        )),
        RulesetStatus::PartiallyEnforced => Err(Gap::Missing(partial(ABI::from(status.landlock)))),
    }
}

/// Why Landlock is not fully in force.
#[derive(Debug)]
pub(crate) enum Gap {
    /// The kernel lacks it, or offers it only in part.
    Missing(String),
    /// The kernel offers it but refused this ruleset (e.g. a 17th nested
    /// layer).
    Failed(String),
}

/// What a kernel with Landlock ABI `abi` (older than [`TESTED`]) leaves out.
fn partial(abi: ABI) -> String {
    let mut missing = Vec::new();
    if abi < ABI::V2 {
        missing.push("renames and links across directories");
    }
    if abi < ABI::V3 {
        missing.push("truncation");
    }
    if abi < ABI::V4 {
        missing.push("TCP bind and connect");
    }
    if abi < ABI::V5 {
        missing.push("device ioctls");
    }
    if abi < ABI::V6 {
        missing.push("abstract unix sockets and signals");
    }
    format!(
        "Landlock ABI {} is older than {}: not confined: {}",
        abi as i32,
        TESTED as i32,
        missing.join(", ")
    )
}

/// Restricts this process (the acceptor, single-threaded) to nothing on
/// the file system and no TCP bind or connect; its open sockets stay
/// usable (Landlock checks neither `accept` nor sending on a socket).
/// `Err` names what the kernel could not enforce.
pub(crate) fn deny_all() -> Result<(), String> {
    let status = ruleset()
        .and_then(|r| r.restrict_self())
        .map_err(|e| format!("Landlock could not be applied ({e})"))?;
    match status.ruleset {
        RulesetStatus::FullyEnforced => Ok(()),
        RulesetStatus::NotEnforced => Err("Landlock is not available".into()),
        RulesetStatus::PartiallyEnforced => Err(partial(ABI::from(status.landlock))),
    }
}

/// A ruleset that handles every access this code knows, with no rules yet.
fn ruleset() -> Result<landlock::RulesetCreated, landlock::RulesetError> {
    Ruleset::default()
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(AccessFs::from_all(TESTED))?
        .handle_access(AccessNet::from_all(TESTED))?
        .scope(Scope::from_all(TESTED))?
        .create()
}

fn build(
    fds: &FdTable,
    launcher: &Launcher,
) -> Result<landlock::RulesetCreated, landlock::RulesetError> {
    let mut ruleset = ruleset()?;
    for (_, e) in fds.iter() {
        if e.filetype != filetype::DIRECTORY {
            continue;
        }
        let access = dir_access(e.base, e.inheriting);
        if !access.is_empty() {
            ruleset = ruleset.add_rule(PathBeneath::new(e.fd(), access))?;
        }
    }
    for f in launcher.files() {
        ruleset = ruleset.add_rule(PathBeneath::new(f, AccessFs::Execute | AccessFs::ReadFile))?;
    }
    Ok(ruleset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_grants_allow_no_writes() {
        let (base, inheriting) = (
            rights::FILE_OPEN | rights::FILE_READDIR | rights::FILE_STAT_GET,
            rights::FD_READ | rights::FILE_OPEN | rights::FILE_READDIR,
        );
        let a = dir_access(base, inheriting);
        assert_eq!(a, AccessFs::ReadDir | AccessFs::ReadFile);
        assert!((a & AccessFs::from_write(TESTED)).is_empty());
    }

    #[test]
    fn each_writing_right_allows_only_its_own_access() {
        let open = rights::FILE_OPEN;
        assert_eq!(
            dir_access(open, rights::FD_WRITE),
            AccessFs::ReadDir | AccessFs::WriteFile
        );
        assert_eq!(
            dir_access(rights::FILE_CREATE_DIRECTORY, rights::empty()),
            AccessFs::MakeDir
        );
        assert_eq!(
            dir_access(rights::FILE_UNLINK, rights::empty()),
            AccessFs::RemoveFile | AccessFs::RemoveDir
        );
        assert!(dir_access(rights::empty(), rights::empty()).is_empty());
        // Nothing a directory grant has ever allows executing.
        assert!(!dir_access(rights::all(), rights::all()).contains(AccessFs::Execute));
    }
}
