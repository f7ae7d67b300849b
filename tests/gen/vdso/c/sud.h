/*
 * A fake kernel for vDSO stubs, built on Linux syscall user dispatch: while armed, the
 * next system call the process makes raises SIGSYS instead of reaching Linux. The
 * handler records the trap (syscall number, argument registers, stack pointer and, for
 * the 64-bit-slot convention, the buffer ecx points at), answers it as `reply` says by
 * rewriting the registers the stub sees on return, and disarms.
 *
 * It also clobbers registers a kernel is allowed to clobber, so a stub that keeps
 * out-pointers in them across the trap is caught.
 */
#ifndef VDSO_SUD_H
#define VDSO_SUD_H

#include <stdint.h>
#include <stdio.h>

/* What the last intercepted trap looked like. */
struct trap {
	int count;             /* traps since sud_arm() */
	long number;           /* the syscall number */
	/* x86_64: rdi rsi rdx r10 r8 r9. i386: ebx ecx edx esi edi ebp. */
	uint64_t args[6];
	uintptr_t sp;          /* stack pointer at the trap */
	uintptr_t after;       /* address just after the trap instruction */
	uint64_t slots[8];     /* i386 with sud_slots: the 64-bit slots at ecx */
	uint32_t stack[16];    /* i386: the words above the return address */
};

/* How the fake kernel answers. */
struct reply {
	uint64_t result[2];    /* rax/eax and rdx/edx */
	int carry;             /* the carry flag */
	int write_slots;       /* i386 with sud_slots: store slot[] into the buffer */
	uint64_t slot[2];
};

extern struct trap trap;

/* i386 only: whether the trap passes a buffer of 64-bit slots in ecx (i686_on_64bit, the
 * default) or leaves the arguments on the stack (i686). */
extern int sud_slots;

/* Installs the SIGSYS handler and turns dispatch on (everything allowed for now). */
void sud_start(void);
/* The next system call is intercepted and answered with *reply. */
void sud_arm(const struct reply *reply);
/* Lets system calls through again (the handler also does this). */
void sud_disarm(void);

/* Checks; failures are printed and counted. */
void check_eq(const char *test, const char *what, uint64_t got, uint64_t want);
#define CHECK(what, got, want) check_eq(__func__, what, (uint64_t)(got), (uint64_t)(want))
/* Checks that exactly one trap with this number happened. */
void check_trap(const char *test, long number);
#define CHECK_TRAP(number) check_trap(__func__, number)
/* Names a case before running it, so a crash shows where it happened. */
#define RUN(name) (printf("case %s\n", #name), name())
/* Prints a summary; returns the exit status for main. */
int finish(void);

/* Runs fn in a child process with dispatch on and expects it to die of SIGILL right
 * after a trap with this number: a noreturn stub whose kernel came back. */
void check_noreturn(const char *test, long number, uint64_t first_arg, void (*fn)(void));

#endif
