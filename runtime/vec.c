/* vec.c: Vec<T> and heap cells (BUILTINS.md 3.6, 3.7).
 *
 * The reference emits vec helpers per element size (vec_push_16, ...); here
 * one helper takes the size as an argument, and vec_get/vec_set are inline
 * address arithmetic in the generated code.  vec_len and vec_free keep the
 * spec's names.  Elements travel by pointer and are copied with memcpy. */
#include "rt.h"

#include <stdlib.h>
#include <string.h>

#define WEAK __attribute__((weak))

void con_rt_vec_new(ConVec *out, int64_t size)
{
	/* malloc(0) may legally return NULL; a zero-sized element still gets a
	 * real buffer so the OOM guard does not fire. */
	out->data = __concrete_check_oom(malloc(size > 0 ? (size_t)(8 * size) : 1));
	out->len = 0;
	out->cap = 8;
}

void con_rt_vec_push(ConVec *v, const void *elem, int64_t size)
{
	if (v->len >= v->cap) {
		int64_t cap = v->cap > 0 ? v->cap * 2 : 8;
		size_t bytes = (size_t)(cap * size);
		v->data = __concrete_check_oom(realloc(v->data, bytes ? bytes : 1));
		v->cap = cap;
	}
	if (size > 0)
		memcpy((char *)v->data + v->len * size, elem, (size_t)size);
	v->len++;
}

/* Writes the Option<T> of ABI.md 4 to out: tag i32 at 0 (Some 0, None 1),
 * the element at byte off = alignUp(4, alignof T); None's payload zeroed. */
void con_rt_vec_pop(ConVec *v, void *out, int64_t size, int64_t off)
{
	char *o = out;
	int32_t tag = v->len > 0 ? 0 : 1;
	memcpy(o, &tag, sizeof tag);
	if (size <= 0)
		return;
	if (tag) {
		memset(o + off, 0, (size_t)size);
		return;
	}
	v->len--;
	memcpy(o + off, (char *)v->data + v->len * size, (size_t)size);
}

WEAK int64_t vec_len(const ConVec *v)
{
	return v->len;
}

WEAK void vec_free(ConVec *v)
{
	free(v->data);
}

void *con_rt_alloc(int64_t size)
{
	return __concrete_check_oom(malloc(size > 0 ? (size_t)size : 1));
}

void con_rt_free(void *p)
{
	free(p);
}
