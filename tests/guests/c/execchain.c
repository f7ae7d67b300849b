/* A chain of proc_exec: `{out: fd, self: fd, left: "X"}` proc_execs `self`
 * with `left` one letter lower until it is "a", then prints "end". Each
 * re-executed launcher adds a Landlock layer of its own, and Linux allows
 * 16 per process: the chain shows what happens past them. */
#include "guest.h"

int main(const u8 *p, size_t len) {
    struct ad root = { p, len }, v;
    cloudabi_fd_t out, self;
    const char *left;
    size_t left_len;
    if (!ad_get(root, "out", &v) || !ad_fd(v, &out)) return 2;
    if (!ad_get(root, "self", &v) || !ad_fd(v, &self)) return 3;
    if (!ad_get(root, "left", &v) || !ad_str(v, &left, &left_len) || left_len != 1) return 4;
    if (left[0] <= 'a') {
        puts_(out, "end\n");
        return 0;
    }
    static u8 data[] = {
        0x06,
        0x85, 0x08, 'o', 'u', 't', 0,
        0x85, 0x03, 0, 0, 0, 0,
        0x86, 0x08, 's', 'e', 'l', 'f', 0,
        0x85, 0x03, 0, 0, 0, 1,
        0x86, 0x08, 'l', 'e', 'f', 't', 0,
        0x83, 0x08, 'a', 0,
    };
    data[sizeof data - 2] = (u8)(left[0] - 1);
    cloudabi_fd_t fds[2] = { out, self };
    cloudabi_errno_t e = SYS(proc_exec)(self, data, sizeof data, fds, 2);
    puts_(out, "exec failed ");
    putu_(out, e);
    puts_(out, "\n");
    return 5;
}
