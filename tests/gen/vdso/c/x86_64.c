/*
 * Behaviour of the x86_64 stubs against a fake kernel (see sud.h). Kernel convention:
 * number in eax, arguments in rdi rsi rdx r10 r8 r9, `syscall`; carry set on failure
 * with the errno in rax, otherwise the results in rax and rdx.
 *
 * The prototypes are those of cloudabi_syscalls.h with the types spelled out. The
 * syscall numbers are the ABI's.
 */
#include "sud.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef uint16_t errno_t;

struct lookup {
	uint32_t fd;
	uint32_t flags;
};

struct iovec {
	void *buf;
	size_t buf_len;
};

errno_t cloudabi_sys_clock_time_get(uint32_t clock_id, uint64_t precision, uint64_t *time);
errno_t cloudabi_sys_fd_close(uint32_t fd);
errno_t cloudabi_sys_fd_create2(uint8_t type, uint32_t *fd1, uint32_t *fd2);
errno_t cloudabi_sys_fd_pread(uint32_t fd, const struct iovec *iovs, size_t iovs_len,
    uint64_t offset, size_t *nread);
errno_t cloudabi_sys_fd_read(uint32_t fd, const struct iovec *iovs, size_t iovs_len,
    size_t *nread);
errno_t cloudabi_sys_fd_seek(uint32_t fd, int64_t offset, uint8_t whence,
    uint64_t *newoffset);
errno_t cloudabi_sys_file_link(struct lookup fd1, const char *path1, size_t path1_len,
    uint32_t fd2, const char *path2, size_t path2_len);
errno_t cloudabi_sys_mem_map(void *addr, size_t len, uint8_t prot, uint8_t flags,
    uint32_t fd, uint64_t off, void **mem);
errno_t cloudabi_sys_proc_fork(uint32_t *fd, uint32_t *tid);
errno_t cloudabi_sys_thread_create(void *attr, uint32_t *tid);
errno_t cloudabi_sys_thread_yield(void);
_Noreturn void cloudabi_sys_proc_exit(uint32_t rval);

/* An output followed by a guard that a too-wide store would overwrite. */
struct out32 {
	uint32_t value;
	uint32_t guard;
};
struct out64 {
	uint64_t value;
	uint64_t guard;
};

#define SENTINEL32 0xc0ffee11u
#define SENTINEL64 0xc0ffee11c0ffee11ull
#define GUARD32 0x99999999u
#define GUARD64 0x9999999999999999ull

static struct reply ok_with(uint64_t rax, uint64_t rdx)
{
	struct reply r = {{rax, rdx}, 0, 0, {0, 0}};
	return r;
}

static struct reply failure(uint64_t errno_value)
{
	/* rdx holds junk on failure: it must not reach an output. */
	struct reply r = {{errno_value, 0x7777777777777777ull}, 1, 0, {0, 0}};
	return r;
}

/* No outputs: the kernel's rax is the return value, success or not. */
static void fd_close(void)
{
	struct reply r = ok_with(0, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_fd_close(7);
	sud_disarm();
	CHECK_TRAP(3);
	CHECK("rdi (fd)", trap.args[0], 7);
	CHECK("return value", e, 0);

	r = failure(9);
	sud_arm(&r);
	e = cloudabi_sys_fd_close(8);
	sud_disarm();
	CHECK_TRAP(3);
	CHECK("return value on failure", e, 9);
}

static void thread_yield(void)
{
	struct reply r = ok_with(0, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_thread_yield();
	sud_disarm();
	CHECK_TRAP(48);
	CHECK("return value", e, 0);
}

/* A 64-bit input and a 64-bit output whose pointer arrives in rdx. */
static void clock_time_get(void)
{
	struct out64 time = {SENTINEL64, GUARD64};
	struct reply r = ok_with(0xfedcba9876543210ull, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_clock_time_get(3, 0x0123456789abcdefull, &time.value);
	sud_disarm();
	CHECK_TRAP(1);
	CHECK("rdi (clock_id)", (uint32_t)trap.args[0], 3);
	CHECK("rsi (precision)", trap.args[1], 0x0123456789abcdefull);
	CHECK("return value", e, 0);
	CHECK("*time", time.value, 0xfedcba9876543210ull);
	CHECK("guard after *time", time.guard, GUARD64);

	r = failure(28);
	sud_arm(&r);
	e = cloudabi_sys_clock_time_get(3, 1, &time.value);
	sud_disarm();
	CHECK_TRAP(1);
	CHECK("return value on failure", e, 28);
	CHECK("*time untouched on failure", time.value, 0xfedcba9876543210ull);
}

/* Two 32-bit outputs: rax and rdx carry junk in their upper halves. */
static void fd_create2(void)
{
	struct out32 fd1 = {SENTINEL32, GUARD32}, fd2 = {SENTINEL32, GUARD32};
	struct reply r = ok_with(0xaaaaaaaa00000011ull, 0xbbbbbbbb00000022ull);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_fd_create2(6, &fd1.value, &fd2.value);
	sud_disarm();
	CHECK_TRAP(5);
	CHECK("rdi (type)", (uint8_t)trap.args[0], 6);
	CHECK("return value", e, 0);
	CHECK("*fd1", fd1.value, 0x11);
	CHECK("*fd2", fd2.value, 0x22);
	CHECK("guard after *fd1", fd1.guard, GUARD32);
	CHECK("guard after *fd2", fd2.guard, GUARD32);

	r = failure(24);
	sud_arm(&r);
	e = cloudabi_sys_fd_create2(6, &fd1.value, &fd2.value);
	sud_disarm();
	CHECK("return value on failure", e, 24);
	CHECK("*fd1 untouched on failure", fd1.value, 0x11);
	CHECK("*fd2 untouched on failure", fd2.value, 0x22);
}

/* No inputs: the out-pointers are the first two arguments. */
static void proc_fork(void)
{
	struct out32 fd = {SENTINEL32, GUARD32}, tid = {SENTINEL32, GUARD32};
	struct reply r = ok_with(5, 1234);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_proc_fork(&fd.value, &tid.value);
	sud_disarm();
	CHECK_TRAP(40);
	CHECK("return value", e, 0);
	CHECK("*fd", fd.value, 5);
	CHECK("*tid", tid.value, 1234);
	CHECK("guard after *tid", tid.guard, GUARD32);
}

/* One 32-bit output through rsi. */
static void thread_create(void)
{
	struct out32 tid = {SENTINEL32, GUARD32};
	struct reply r = ok_with(0xffffffff00000077ull, 0);
	int attr;
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_thread_create(&attr, &tid.value);
	sud_disarm();
	CHECK_TRAP(46);
	CHECK("rdi (attr)", trap.args[0], (uintptr_t)&attr);
	CHECK("return value", e, 0);
	CHECK("*tid", tid.value, 0x77);
	CHECK("guard after *tid", tid.guard, GUARD32);
}

/* Three inputs: the out-pointer arrives in rcx, which `syscall` destroys, so it must be
 * saved across the trap. */
static void fd_seek(void)
{
	struct out64 newoffset = {SENTINEL64, GUARD64};
	struct reply r = ok_with(0x0000001122334455ull, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_fd_seek(4, -2, 1, &newoffset.value);
	sud_disarm();
	CHECK_TRAP(12);
	CHECK("rdi (fd)", (uint32_t)trap.args[0], 4);
	CHECK("rsi (offset)", trap.args[1], (uint64_t)-2);
	CHECK("rdx (whence)", (uint8_t)trap.args[2], 1);
	CHECK("return value", e, 0);
	CHECK("*newoffset", newoffset.value, 0x0000001122334455ull);
	CHECK("guard after *newoffset", newoffset.guard, GUARD64);
}

/* Five arguments: r10 holds the 64-bit offset, the out-pointer arrives in r8. */
static void fd_pread(void)
{
	struct out64 nread = {SENTINEL64, GUARD64};
	struct iovec iov[2];
	struct reply r = ok_with(0x100000005ull, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_fd_pread(9, iov, 2, 0x1122334455667788ull, (size_t *)&nread.value);
	sud_disarm();
	CHECK_TRAP(8);
	CHECK("rdi (fd)", (uint32_t)trap.args[0], 9);
	CHECK("rsi (iovs)", trap.args[1], (uintptr_t)iov);
	CHECK("rdx (iovs_len)", trap.args[2], 2);
	CHECK("r10 (offset)", trap.args[3], 0x1122334455667788ull);
	CHECK("return value", e, 0);
	CHECK("*nread (size_t)", nread.value, 0x100000005ull);
	CHECK("guard after *nread", nread.guard, GUARD64);
}

/* An error leaves the output alone. */
static void fd_read_failure(void)
{
	struct out64 nread = {SENTINEL64, GUARD64};
	struct iovec iov[1];
	struct reply r = failure(9);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_fd_read(100, iov, 1, (size_t *)&nread.value);
	sud_disarm();
	CHECK_TRAP(10);
	CHECK("rdi (fd)", (uint32_t)trap.args[0], 100);
	CHECK("return value on failure", e, 9);
	CHECK("*nread untouched on failure", nread.value, SENTINEL64);
}

/* Six inputs, one a struct by value: every kernel argument register. */
static void file_link(void)
{
	struct lookup from = {3, 1};
	static const char a[] = "a", b[] = "bb";
	struct reply r = ok_with(0, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_file_link(from, a, 1, 5, b, 2);
	sud_disarm();
	CHECK_TRAP(20);
	CHECK("rdi (fd1, a lookup)", trap.args[0], 3 | (uint64_t)1 << 32);
	CHECK("rsi (path1)", trap.args[1], (uintptr_t)a);
	CHECK("rdx (path1_len)", trap.args[2], 1);
	CHECK("r10 (fd2)", (uint32_t)trap.args[3], 5);
	CHECK("r8 (path2)", trap.args[4], (uintptr_t)b);
	CHECK("r9 (path2_len)", trap.args[5], 2);
	CHECK("return value", e, 0);
}

/* Seven arguments: six inputs in registers, the out-pointer on the stack. */
static void mem_map(void)
{
	struct out64 mem = {SENTINEL64, GUARD64};
	struct reply r = ok_with(0x00007f0012345000ull, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_mem_map((void *)0x10000, 0x3000, 3, 0x12, 0xffffffffu,
	    0x0000000100002000ull, (void **)&mem.value);
	sud_disarm();
	CHECK_TRAP(33);
	CHECK("rdi (addr)", trap.args[0], 0x10000);
	CHECK("rsi (len)", trap.args[1], 0x3000);
	CHECK("rdx (prot)", (uint8_t)trap.args[2], 3);
	CHECK("r10 (flags)", (uint8_t)trap.args[3], 0x12);
	CHECK("r8 (fd)", (uint32_t)trap.args[4], 0xffffffffu);
	CHECK("r9 (off)", trap.args[5], 0x0000000100002000ull);
	CHECK("return value", e, 0);
	CHECK("*mem", mem.value, 0x00007f0012345000ull);
	CHECK("guard after *mem", mem.guard, GUARD64);

	r = failure(12);
	mem.value = SENTINEL64;
	sud_arm(&r);
	e = cloudabi_sys_mem_map(NULL, 1, 0, 0, 0, 0, (void **)&mem.value);
	sud_disarm();
	CHECK("return value on failure", e, 12);
	CHECK("*mem untouched on failure", mem.value, SENTINEL64);
}

static void exit_42(void)
{
	cloudabi_sys_proc_exit(42);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	/* In a child of its own: the stub must fault right after the trap. */
	check_noreturn("proc_exit", 39, 42, exit_42);

	sud_start();
	RUN(fd_close);
	RUN(thread_yield);
	RUN(clock_time_get);
	RUN(fd_create2);
	RUN(proc_fork);
	RUN(thread_create);
	RUN(fd_seek);
	RUN(fd_pread);
	RUN(fd_read_failure);
	RUN(file_link);
	RUN(mem_map);
	return finish();
}
