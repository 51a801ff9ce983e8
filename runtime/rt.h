/* rt.h: the C runtime called by generated code (ABI.md 14-15).
 * Nothing here runs at start-up: no constructors, no globals to initialise. */
#ifndef CONCRETE_RT_H
#define CONCRETE_RT_H

#include <stdbool.h>
#include <stdint.h>

/* Returns p, or aborts with a message when an allocation failed. */
void *__concrete_check_oom(void *p);
/* "FILE:LINE:COL: index I out of bounds for array of length N", then abort. */
_Noreturn void con_rt_bounds_fail(const char *file, int64_t line, int64_t col, int64_t index, int64_t len);

/* Printing builtins; all go through stdio so they interleave with the main
 * wrapper's printf. */
void con_rt_print_int(int64_t v);
void con_rt_print_char(int64_t c);
void con_rt_print_bool(int64_t b);
void con_rt_print_bytes(const char *p, int64_t n);

#endif
