//! Runs CloudABI executables on Linux x86-64.
//!
//! The pieces that are pure data handling build everywhere: [`elf`] (header
//! checks), [`vdso`] (the in-memory vDSO image) and [`config`] (the YAML input
//! of `cloudabi-run`). Everything that maps memory, swaps the thread pointer
//! or makes host system calls lives behind
//! `cfg(all(target_os = "linux", target_arch = "x86_64"))`.

pub mod config;
pub mod elf;
pub mod ranges;
pub mod vdso;

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
pub mod linux;
