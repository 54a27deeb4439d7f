//! Links the `helmcore` command as a position-dependent executable.
//!
//! A position-independent executable is relocated by the dynamic loader at every start:
//! tens of thousands of relative relocations, each dirtying a page of `.data.rel.ro`.
//! For a command that renders a chart in a few milliseconds that start-up is a
//! measurable share, and a fixed load address costs nothing here (the binary is not a
//! library, and ASLR of the heap and stack is unaffected).

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux") && std::env::var("PROFILE").as_deref() == Ok("release") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
