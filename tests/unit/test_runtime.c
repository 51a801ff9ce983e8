/* test_runtime.c: the String and Vec helpers of runtime/ against the edge
 * cases of BUILTINS.md 3.2-3.6 (capacities, clamping, wrapping, parsing). */
#include "../../runtime/rt.c"
#include "../../runtime/strings.c"
#include "../../runtime/vec.c"
#include "unit.h"

#include <stdint.h>

static ConString lit(const char *s)
{
	ConString r;
	con_rt_string_lit(&r, s, (int64_t)strlen(s));
	return r;
}

/* A borrowed header: static bytes, cap 0. */
static ConString view(const char *s)
{
	ConString r = { (char *)s, (int64_t)strlen(s), 0 };
	return r;
}

static bool is(const ConString *s, const char *want)
{
	return s->len == (int64_t)strlen(want) && !memcmp(s->ptr, want, (size_t)s->len);
}

static void test_literals_and_growth(void)
{
	ConString s = lit("");
	CHECK(s.len == 0 && s.cap == 1 && s.ptr[0] == 0);
	string_push_char(&s, 'a');
	CHECK(s.len == 1 && s.cap == 1);
	string_push_char(&s, 'b');
	CHECK(s.len == 2 && s.cap == 8);
	ConString o = view("cdefgh");
	string_append(&s, &o);
	CHECK(s.len == 8 && s.cap == 8);
	string_append(&s, &o);
	CHECK(s.len == 14 && s.cap == 16 && is(&s, "abcdefghcdefgh"));
	string_reserve(&s, 100);
	CHECK(s.cap == 114);
	string_reserve(&s, 1);
	CHECK(s.cap == 114);
	string_append_int(&s, INT64_MIN);
	string_append_bool(&s, 3);   /* only bit 0 counts */
	CHECK(is(&s, "abcdefghcdefgh-9223372036854775808true"));
	drop_string(&s);
}

static void test_slices(void)
{
	ConString s = view("abcdef"), r;
	string_slice(&r, &s, -3, 2);
	CHECK(is(&r, "ab") && r.cap == 2);
	drop_string(&r);
	string_slice(&r, &s, 5, 1);
	CHECK(r.len == 0 && r.cap == 0);
	drop_string(&r);
	string_substr(&r, &s, 2, INT64_MAX);   /* start + n wraps negative */
	CHECK(r.len == 0);
	drop_string(&r);
	string_substr(&r, &s, 4, 10);
	CHECK(is(&r, "ef"));
	drop_string(&r);
	CHECK(string_char_at(&s, 6) == -1 && string_char_at(&s, -1) == -1 && string_char_at(&s, 0) == 'a');
	ConString hi = view("\xff");
	CHECK(string_char_at(&hi, 0) == 255);
}

static void test_trim_and_search(void)
{
	ConString e = view(""), b = view(" \t\r\n"), x = view("\t x y \n"), r;
	string_trim(&r, &e);
	CHECK(r.len == 0 && r.cap == 1);
	drop_string(&r);
	string_trim(&r, &b);
	CHECK(r.len == 0 && r.cap == 1);
	drop_string(&r);
	string_trim(&r, &x);
	CHECK(is(&r, "x y") && r.cap == 3);
	drop_string(&r);
	ConString h = view("aaab"), n1 = view("aab"), n2 = view("aaabb");
	CHECK(string_contains(&h, &n1) && !string_contains(&h, &n2) && string_contains(&h, &e));
	CHECK(string_eq(&e, &e) && !string_eq(&h, &n1));
}

static void test_conversions(void)
{
	ConString r;
	int_to_string(&r, -42);
	CHECK(is(&r, "-42") && r.cap == 32);
	drop_string(&r);
	bool_to_string(&r, 0);
	CHECK(is(&r, "false") && r.cap == 5);
	drop_string(&r);
	float_to_string(&r, 100000000.0);
	CHECK(is(&r, "1e+08") && r.cap == 64);
	drop_string(&r);
	struct { int32_t tag; int32_t pad; int64_t v; } res;
	static const struct { const char *in; int32_t tag; int64_t v; } cases[] = {
		{ "123", 0, 123 }, { " -7", 0, -7 }, { "+8", 0, 8 }, { "", 1, 1 },
		{ "-", 1, 1 }, { "1 ", 1, 1 }, { "x", 1, 1 },
		{ "99999999999999999999", 0, INT64_MAX },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ConString s = view(cases[i].in);
		string_to_int(&res, &s);
		CHECK(res.tag == cases[i].tag && res.v == cases[i].v);
	}
}

static void test_vec(void)
{
	ConVec v;
	con_rt_vec_new(&v, 4);
	CHECK(v.len == 0 && v.cap == 8);
	for (int32_t i = 0; i < 100; i++)
		con_rt_vec_push(&v, &i, 4);
	CHECK(v.len == 100 && v.cap == 128 && ((int32_t *)v.data)[99] == 99);
	struct { int32_t tag; int32_t val; } opt;
	con_rt_vec_pop(&v, &opt, 4, 4);
	CHECK(opt.tag == 0 && opt.val == 99 && vec_len(&v) == 99);
	vec_free(&v);
	con_rt_vec_new(&v, 0);   /* zero-sized elements still get a buffer */
	con_rt_vec_push(&v, NULL, 0);
	CHECK(v.data && v.len == 1);
	vec_free(&v);
	con_rt_vec_new(&v, 8);
	struct { int32_t tag; int32_t pad; int64_t val; } o8 = { 7, 7, 7 };
	con_rt_vec_pop(&v, &o8, 8, 8);
	CHECK(o8.tag == 1 && o8.val == 0 && v.len == 0);
	vec_free(&v);
}

int main(void)
{
	test_literals_and_growth();
	test_slices();
	test_trim_and_search();
	test_conversions();
	test_vec();
	UNIT_DONE();
}
