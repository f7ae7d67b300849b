#define _GNU_SOURCE
#include "sud.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#endif
#ifndef PR_SYS_DISPATCH_ON
#define PR_SYS_DISPATCH_ON 1
#endif
#ifndef SYSCALL_DISPATCH_FILTER_ALLOW
#define SYSCALL_DISPATCH_FILTER_ALLOW 0
#define SYSCALL_DISPATCH_FILTER_BLOCK 1
#endif

struct trap trap;
int sud_slots = 1;
static struct reply reply;
static volatile char selector = SYSCALL_DISPATCH_FILTER_ALLOW;
static int checks, failures;

/* A value no stub should ever see in a register it relies on. */
#define JUNK 0x5a5a5a5a5a5a5a5aull

static void set_carry(greg_t *flags, int carry)
{
	if (carry)
		*flags |= 1;
	else
		*flags &= ~(greg_t)1;
}

static void on_sigsys(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	greg_t *g = uc->uc_mcontext.gregs;

	(void)sig;
	/* Let rt_sigreturn (and everything after) through. */
	selector = SYSCALL_DISPATCH_FILTER_ALLOW;
	trap.count++;
	trap.number = info->si_syscall;
	trap.after = (uintptr_t)info->si_call_addr;
#if defined(__x86_64__)
	trap.args[0] = g[REG_RDI];
	trap.args[1] = g[REG_RSI];
	trap.args[2] = g[REG_RDX];
	trap.args[3] = g[REG_R10];
	trap.args[4] = g[REG_R8];
	trap.args[5] = g[REG_R9];
	trap.sp = g[REG_RSP];
	/* `syscall` destroys rcx and r11; the kernel may clobber the argument registers. */
	g[REG_RCX] = g[REG_R11] = JUNK;
	g[REG_RDI] = g[REG_RSI] = g[REG_R8] = g[REG_R9] = g[REG_R10] = JUNK;
	g[REG_RAX] = reply.result[0];
	g[REG_RDX] = reply.result[1];
#elif defined(__i386__)
	trap.args[0] = (uint32_t)g[REG_EBX];
	trap.args[1] = (uint32_t)g[REG_ECX];
	trap.args[2] = (uint32_t)g[REG_EDX];
	trap.args[3] = (uint32_t)g[REG_ESI];
	trap.args[4] = (uint32_t)g[REG_EDI];
	trap.args[5] = (uint32_t)g[REG_EBP];
	trap.sp = (uint32_t)g[REG_UESP];
	/* Reading past the arguments only reaches the callers' frames. */
	memcpy(trap.stack, (void *)(uintptr_t)((uint32_t)g[REG_UESP] + 4), sizeof(trap.stack));
	if (sud_slots) {
		uint64_t *buffer = (uint64_t *)(uintptr_t)(uint32_t)g[REG_ECX];

		memcpy(trap.slots, buffer, sizeof(trap.slots));
		if (reply.write_slots) {
			buffer[0] = reply.slot[0];
			buffer[1] = reply.slot[1];
		}
	}
	g[REG_ECX] = (greg_t)(uint32_t)JUNK;
	g[REG_EAX] = (greg_t)(uint32_t)reply.result[0];
	g[REG_EDX] = (greg_t)(uint32_t)reply.result[1];
#else
#error "the fake kernel knows x86_64 and i386 only"
#endif
	set_carry(&g[REG_EFL], reply.carry);
}

void sud_start(void)
{
	struct sigaction action;

	memset(&action, 0, sizeof(action));
	action.sa_sigaction = on_sigsys;
	action.sa_flags = SA_SIGINFO;
	sigemptyset(&action.sa_mask);
	if (sigaction(SIGSYS, &action, NULL) != 0) {
		perror("sigaction(SIGSYS)");
		exit(2);
	}
	if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0, 0, &selector) != 0) {
		perror("prctl(PR_SET_SYSCALL_USER_DISPATCH) (needs Linux 5.11 or later)");
		exit(2);
	}
}

/* Fills the stack below the caller with junk, so a stub that fails to initialise part
 * of its frame passes junk rather than lucky zeros. */
static __attribute__((noinline)) void scribble_stack(void)
{
	volatile unsigned char junk[4096];
	size_t i;

	for (i = 0; i < sizeof(junk); i++)
		junk[i] = 0x5a;
}

void sud_arm(const struct reply *r)
{
	scribble_stack();
	reply = *r;
	memset(&trap, 0, sizeof(trap));
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	selector = SYSCALL_DISPATCH_FILTER_BLOCK;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}

void sud_disarm(void)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	selector = SYSCALL_DISPATCH_FILTER_ALLOW;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}

void check_eq(const char *test, const char *what, uint64_t got, uint64_t want)
{
	checks++;
	if (got != want) {
		failures++;
		printf("FAIL %s: %s is 0x%llx, expected 0x%llx\n", test, what,
		    (unsigned long long)got, (unsigned long long)want);
	}
}

void check_trap(const char *test, long number)
{
	check_eq(test, "number of traps", trap.count, 1);
	check_eq(test, "syscall number", trap.number, number);
}

int finish(void)
{
	printf("%d checks, %d failed\n", checks, failures);
	return failures == 0 ? 0 : 1;
}

static long expected_number;
static uint64_t expected_first;

/* The first argument as the convention delivers it: rdi on x86_64; on i386 the first
 * 64-bit slot, or the first stack word. */
static uint64_t first_argument(void)
{
#if defined(__x86_64__)
	return trap.args[0];
#else
	return sud_slots ? trap.slots[0] : trap.stack[0];
#endif
}

static void on_sigill(int sig, siginfo_t *info, void *context)
{
	(void)sig;
	(void)context;
	/* Exit codes: 0 all good, 10 and up: which check failed. */
	if (trap.count != 1)
		_exit(10);
	if (trap.number != expected_number)
		_exit(11);
	if (first_argument() != expected_first)
		_exit(12);
	if ((uintptr_t)info->si_addr != trap.after)
		_exit(13);
	_exit(0);
}

void check_noreturn(const char *test, long number, uint64_t first_arg, void (*fn)(void))
{
	struct reply r = {{0, 0}, 0, 0, {0, 0}};
	int status;
	pid_t pid;

	expected_number = number;
	expected_first = first_arg;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct sigaction action;

		memset(&action, 0, sizeof(action));
		action.sa_sigaction = on_sigill;
		action.sa_flags = SA_SIGINFO;
		sigaction(SIGILL, &action, NULL);
		sud_start();
		sud_arm(&r);
		fn();
		/* The stub returned: it must not. */
		_exit(20);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		check_eq(test, "fork and wait", 1, 0);
		return;
	}
	/* 0: the trap was right and the stub faulted just after it. 20: the stub returned.
	 * 100 + n: killed by signal n. */
	check_eq(test, "child exit status",
	    WIFEXITED(status) ? (uint64_t)WEXITSTATUS(status) : 100 + (uint64_t)WTERMSIG(status), 0);
}
