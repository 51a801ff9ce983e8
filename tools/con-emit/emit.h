/* emit.h: private interface of con-emit's files.
 *
 * emit.c   IR -> LLVM IR text: types, instructions, functions, main
 * abi.c    the x86-64 System V C ABI for extern fn calls (ABI.md 10) */
#ifndef CON_EMIT_H
#define CON_EMIT_H

#include "ir.h"
#include <stdlib.h>
#include <string.h>

/* How one value crosses the C boundary. */
typedef enum AbiKind {
	ABI_IGNORE,    /* unit: not passed */
	ABI_DIRECT,    /* scalar, as its LLVM type (+ zeroext/signext) */
	ABI_COERCE,    /* struct in 1-2 eightbytes of type part[] at off[] */
	ABI_BYVAL,     /* struct argument in memory: ptr byval(T) align */
	ABI_SRET,      /* struct result in memory: hidden ptr sret(T) */
} AbiKind;

typedef struct AbiPass {
	AbiKind kind;
	int n;                 /* eightbytes (COERCE) */
	const char *part[2];
	uint64_t off[2];
	uint64_t align;        /* BYVAL/SRET */
} AbiPass;

AbiPass abi_classify(Module *m, uint32_t t, bool is_ret, int *int_left, int *sse_left);
const char *abi_scalar(Module *m, uint32_t t);
void abi_declare(Module *m, FILE *out, const char *name, uint32_t fnty);
/* Emit a call of extern `name` defining %v<res>: code to b, stack slots to
 * pro (the entry block, so that calls in loops do not grow the stack). */
void abi_call(Module *m, Buf *b, Buf *pro, uint32_t res, const char *name, uint32_t fnty,
	const uint32_t *argty, const char *const *argval, uint32_t n);

#endif
