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

/* String and Vec headers (ABI.md 6, 7). */
typedef struct ConString { char *ptr; int64_t len, cap; } ConString;
typedef struct ConVec { void *data; int64_t len, cap; } ConVec;

/* strings.c: the BUILTINS.md 4 helpers under their spec names (weak, so a
 * user function of the same name wins); results through out pointers. */
void con_rt_string_lit(ConString *out, const char *p, int64_t n);
int64_t string_length(const ConString *s);
void drop_string(ConString *s);
void string_concat(ConString *out, ConString *a, ConString *b);
void string_slice(ConString *out, const ConString *s, int64_t start, int64_t end);
void string_substr(ConString *out, const ConString *s, int64_t start, int64_t n);
int64_t string_char_at(const ConString *s, int64_t i);
bool string_eq(const ConString *a, const ConString *b);
bool string_contains(const ConString *h, const ConString *n);
void string_trim(ConString *out, const ConString *s);
void int_to_string(ConString *out, int64_t n);
void bool_to_string(ConString *out, int b);
void float_to_string(ConString *out, double f);
void string_to_int(void *out, const ConString *s);
void print_string(const ConString *s);
void print_int(int64_t n);
void print_char(int64_t c);
void print_bool(int b);
void string_push_char(ConString *s, int64_t c);
void string_append(ConString *s, const ConString *o);
void string_append_int(ConString *s, int64_t n);
void string_append_bool(ConString *s, int b);
void string_reserve(ConString *s, int64_t extra);
int64_t clock_monotonic_ns(void);

/* vec.c: Vec<T> helpers take the element size; heap cells. */
void con_rt_vec_new(ConVec *out, int64_t size);
void con_rt_vec_push(ConVec *v, const void *elem, int64_t size);
void con_rt_vec_pop(ConVec *v, void *out, int64_t size, int64_t off);
int64_t vec_len(const ConVec *v);
void vec_free(ConVec *v);
void *con_rt_alloc(int64_t size);
void con_rt_free(void *p);

#endif
