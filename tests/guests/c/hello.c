/* Writes a greeting to the fd under key `out` (or to the Argdata's fd itself
 * when the whole Argdata is one fd) and exits 0. */
#include "guest.h"

int main(const u8 *p, size_t n) {
    struct ad root = { p, n }, out;
    cloudabi_fd_t fd;
    if (!(ad_get(root, "out", &out) && ad_fd(out, &fd)) && !ad_fd(root, &fd))
        return 2;
    const char *msg = "Hello, World!\n";
    struct ad greeting;
    size_t len;
    if (ad_get(root, "greeting", &greeting) && ad_str(greeting, &msg, &len))
        return write_all(fd, msg, len) ? 3 : 0;
    return write_all(fd, msg, slen(msg)) ? 3 : 0;
}
