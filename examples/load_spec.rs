//! Loads the embedded spec N times (default 1): for profilers such as callgrind.
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    for _ in 0..n {
        std::hint::black_box(cloudabi_gen::default_ir().expect("the embedded spec is valid"));
    }
}
