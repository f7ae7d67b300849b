/* Benchmark loop: `{op: write|clock|raw, n: N, out: fd, time: fd?,
 * hostfd: N?}` makes N fd_write calls of one byte to `out`, or N
 * clock_time_get calls, or N raw `write(2)` system calls of one byte to the
 * launcher's descriptor `hostfd` (what the host kernel alone costs in the
 * launcher's process, under its seccomp filter when the sandbox is on),
 * then exits 0. With `time`, it writes there how long the loop took, in
 * nanoseconds (decimal) of the thread's CPU time: the calls alone, without
 * the launcher's start-up, nor the time other processes had the CPU. */
#include "guest.h"

int main(const u8 *p, size_t n) {
    struct ad root = { p, n }, v;
    cloudabi_fd_t out = 0, time = 0;
    int timed = 0;
    i64 count = 0;
    const char *op = "";
    size_t oplen = 0;
    if (ad_get(root, "out", &v)) ad_fd(v, &out);
    if (ad_get(root, "time", &v)) timed = ad_fd(v, &time);
    if (!ad_get(root, "n", &v) || !ad_int(v, &count)) return 2;
    if (!ad_get(root, "op", &v) || !ad_str(v, &op, &oplen)) return 3;
    cloudabi_timestamp_t start, end;
    if (SYS(clock_time_get)(CLOUDABI_CLOCK_THREAD_CPUTIME_ID, 0, &start)) return 7;
    if (seq_("write", op, oplen)) {
        cloudabi_ciovec_t iov = { "x", 1 };
        for (i64 i = 0; i < count; i++) {
            size_t w;
            if (SYS(fd_write)(out, &iov, 1, &w)) return 4;
        }
    } else if (seq_("raw", op, oplen)) {
        i64 hostfd = ad_get_int(root, "hostfd", 0);
        for (i64 i = 0; i < count; i++) {
            long r;
            __asm__ volatile("syscall" : "=a"(r) : "0"(1L), "D"(hostfd), "S"("x"), "d"(1L) : "rcx", "r11", "memory");
        }
    } else if (seq_("clock", op, oplen)) {
        for (i64 i = 0; i < count; i++) {
            cloudabi_timestamp_t t;
            if (SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, &t)) return 5;
        }
    } else {
        return 6;
    }
    if (SYS(clock_time_get)(CLOUDABI_CLOCK_THREAD_CPUTIME_ID, 0, &end)) return 7;
    if (timed) {
        putu_(time, end - start);
        puts_(time, "\n");
    }
    return 0;
}
