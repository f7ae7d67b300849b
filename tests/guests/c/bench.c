/* Benchmark loop: `{op: write|clock, n: N, out: fd}` makes N fd_write calls
 * of one byte to `out`, or N clock_time_get calls, then exits 0. */
#include "guest.h"

int main(const u8 *p, size_t n) {
    struct ad root = { p, n }, v;
    cloudabi_fd_t out = 0;
    i64 count = 0;
    const char *op = "";
    size_t oplen = 0;
    if (ad_get(root, "out", &v)) ad_fd(v, &out);
    if (!ad_get(root, "n", &v) || !ad_int(v, &count)) return 2;
    if (!ad_get(root, "op", &v) || !ad_str(v, &op, &oplen)) return 3;
    if (seq_("write", op, oplen)) {
        cloudabi_ciovec_t iov = { "x", 1 };
        for (i64 i = 0; i < count; i++) {
            size_t w;
            if (SYS(fd_write)(out, &iov, 1, &w)) return 4;
        }
    } else if (seq_("clock", op, oplen)) {
        for (i64 i = 0; i < count; i++) {
            cloudabi_timestamp_t t;
            if (SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, &t)) return 5;
        }
    } else {
        return 6;
    }
    return 0;
}
