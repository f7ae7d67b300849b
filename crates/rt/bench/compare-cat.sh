#!/usr/bin/env bash
# Binary size and start-to-exit time of examples/cat under cloudabi-run, next
# to the same program as a native static Rust executable (native-cat.rs).
# Needs hyperfine (Debian: apt-get install hyperfine). Run from anywhere:
#   crates/rt/bench/compare-cat.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v hyperfine >/dev/null || { echo "needs hyperfine: apt-get install hyperfine" >&2; exit 1; }

cargo xtask guest build --release --example cat >/dev/null
cargo build -q --release -p cloudabi-emulator --bin cloudabi-run
out=target/cloudabi/compare
mkdir -p "$out"
rustc --edition 2021 -O -C panic=abort -C target-feature=+crt-static \
  -o "$out/native-cat" crates/rt/bench/native-cat.rs
strip -o "$out/cat.stripped" target/cloudabi/release/cat
strip -o "$out/native-cat.stripped" "$out/native-cat"

echo "sizes in bytes (as built / stripped):"
printf '  cloudabi cat  %8d / %8d\n' "$(stat -c %s target/cloudabi/release/cat)" "$(stat -c %s "$out/cat.stripped")"
printf '  native cat    %8d / %8d\n' "$(stat -c %s "$out/native-cat")" "$(stat -c %s "$out/native-cat.stripped")"

head -c 4096 /dev/urandom >"$out/small"
head -c $((64 << 20)) /dev/urandom >"$out/big"
for f in small big; do
  cat >"$out/$f.yaml" <<YAML
%TAG ! tag:nuxi.nl,2015:cloudabi/
---
inputs: [!file {path: $out/$f}]
out: !fd stdout
YAML
  # hyperfine 1.15 (Debian) cannot feed stdin, so both commands run through
  # `sh -c exec ...`: the same shell start-up in each, no calibration.
  hyperfine -N --warmup 20 --min-runs 200 \
    -n "cloudabi cat ($f)" "sh -c 'exec target/release/cloudabi-run target/cloudabi/release/cat < $out/$f.yaml > /dev/null'" \
    -n "native cat ($f)" "sh -c 'exec $out/native-cat $out/$f > /dev/null'"
done
