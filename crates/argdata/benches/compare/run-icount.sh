#!/bin/sh
# Instructions per operation, from callgrind (N iterations minus 0).
set -e
cd "$(dirname "$0")"
N=${N:-20}
cargo build --release --bin icount
BIN=${CARGO_TARGET_DIR:-target}/release/icount
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" "$1" "$2" 2>&1 |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
for op in encode/ours encode/published encode/rmp walk/ours walk/published \
    owned/ours owned/rmp lookup-last/ours lookup-last/published \
    lookup-last/rmp-skip lookup-last/rmp-full; do
    base=$(count "$op" 0)
    full=$(count "$op" "$N")
    echo "$op $(( (full - base) / N ))"
done
