//! Link settings of the `helmcore` command, for a short-lived process's start-up and
//! resident memory (release builds on Linux only).
//!
//! - A position-dependent executable: a position-independent one is relocated by the
//!   dynamic loader at every start, tens of thousands of relative relocations, each
//!   dirtying a page of `.data.rel.ro`. A fixed load address costs nothing here (the
//!   binary is not a library; ASLR of the heap and stack is unaffected).
//! - The functions a render runs laid out together (`link-order.txt`, made by
//!   `tools/gen-link-order.py`): the kernel maps code in 64 KiB blocks around each page
//!   touched, and a render's 1.7 MB of code spread over 10 MB made most of the binary
//!   resident. Only where the linker is LLD (Rust's default for x86_64 Linux since
//!   1.90); `HELMCORE_LINK_ORDER=0` turns it off.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=link-order.txt");
    println!("cargo:rerun-if-env-changed=HELMCORE_LINK_ORDER");
    let target = std::env::var("TARGET").unwrap_or_default();
    if !target.contains("linux") || std::env::var("PROFILE").as_deref() != Ok("release") {
        return;
    }
    println!("cargo:rustc-link-arg-bins=-no-pie");
    let order =
        Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("link-order.txt");
    if order.is_file() && links_with_lld(&target) {
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        // Names the toolchain no longer produces are skipped; nothing to warn about.
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether the build links with the toolchain's own LLD: x86_64 GNU/Linux with rustc
/// 1.90 or later, and no linker chosen by the user (GNU ld refuses the ordering flag).
fn links_with_lld(target: &str) -> bool {
    if target != "x86_64-unknown-linux-gnu"
        || std::env::var("HELMCORE_LINK_ORDER").as_deref() == Ok("0")
    {
        return false;
    }
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if flags.contains("linker")
        || std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some()
    {
        return false;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = std::process::Command::new(rustc).arg("-vV").output() else {
        return false;
    };
    let info = String::from_utf8_lossy(&out.stdout);
    let minor = info
        .lines()
        .find_map(|l| l.strip_prefix("release: "))
        .and_then(|v| v.split('.').nth(1))
        .and_then(|m| m.parse::<u32>().ok());
    minor.is_some_and(|m| m >= 90)
}
