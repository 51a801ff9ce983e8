/* test_core.c: arena, Buf, VEC, the interner, type hash-consing and names. */
#include "ir.h"
#include "unit.h"
#include <stdlib.h>

static void arena(void)
{
	char *small = arena_alloc(3), *big = arena_alloc(5 << 20);
	CHECK(small && big);
	CHECK(((uintptr_t)small & 15) == 0);
	memset(big, 0xab, 5 << 20);          /* the whole block is usable */
	CHECK(big[(5 << 20) - 1] == (char)0xab);
	char *z = arena_alloc(64);
	int zero = 1;
	for (int i = 0; i < 64; i++)
		zero &= z[i] == 0;
	CHECK(zero);
	uintptr_t prev = 0;
	int distinct = 1;
	for (int i = 0; i < 100000; i++) {   /* crosses many chunks */
		char *p = arena_alloc(40);
		p[39] = 1;
		distinct &= (uintptr_t)p != prev;
		prev = (uintptr_t)p;
	}
	CHECK(distinct);
	CHECK_STR(arena_printf("%s-%d", "x", 42), "x-42");

	Buf b = {0};
	for (int i = 0; i < 10000; i++)
		buf_printf(&b, "%d,", i % 10);
	CHECK(b.n == 20000);
	CHECK(b.s[b.n] == 0);
	buf_add(&b, "a\0b", 3);
	CHECK(b.n == 20003 && b.s[20001] == 0 && b.s[20002] == 'b');
	buf_puts(&b, "");
	buf_putc(&b, 'z');
	CHECK(b.n == 20004 && b.s[20003] == 'z');
	free(b.s);

	VEC(int) v = {0};
	for (int i = 0; i < 1000; i++)
		vec_push(v, i * i);
	CHECK(v.n == 1000 && v.v[999] == 999 * 999 && v.cap >= 1000);
	free(v.v);
	CHECK_STR(xstrndup("hello", 3), "hel");
}

static void interner(void)
{
	CHECK(str_intern("", 0) == 0);
	CHECK_STR(str_get(0), "");
	Str a = str_internz("alpha"), b = str_internz("beta");
	CHECK(a != 0 && b != 0 && a != b);
	CHECK(str_intern("alphabet", 5) == a);
	CHECK(str_len(a) == 5);
	Str n1 = str_intern("a\0b", 3), n2 = str_intern("a\0c", 3), n3 = str_intern("a", 1);
	CHECK(n1 != n2 && n1 != n3);
	CHECK(str_len(n1) == 3 && memcmp(str_get(n1), "a\0b", 4) == 0);
	CHECK(str_intern("a\0b", 3) == n1);
	uint32_t before = str_count();
	Str ids[50000];
	for (int i = 0; i < 50000; i++)
		ids[i] = str_internz(arena_printf("name%d", i));
	CHECK(str_count() == before + 50000);
	int same = 1;
	for (int i = 0; i < 50000; i++)
		same &= str_internz(arena_printf("name%d", i)) == ids[i]
			&& strcmp(str_get(ids[i]), arena_printf("name%d", i)) == 0;
	CHECK(same);
	CHECK(str_count() == before + 50000);
	CHECK_STR(str_get(4000000000u), "");   /* out of range reads as empty */
}

static uint32_t mk_struct(Module *m, const char *name, uint32_t *args, uint32_t n)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = TK_Struct;
	t.Struct.name = str_internz(name);
	t.Struct.args = list_make(m, args, n);
	return type_intern(m, &t);
}

static void types(void)
{
	Module *m = module_new(STAGE_CHECKED);
	uint32_t i64 = ty_int(m, 64, true), u64 = ty_int(m, 64, false);
	CHECK(i64 && u64 && i64 != u64);
	CHECK(ty_int(m, 64, true) == i64);
	CHECK_STR(type_name(m, i64), "i64");
	CHECK_STR(type_name(m, u64), "u64");
	CHECK_STR(type_name(m, ty_int(m, 8, false)), "u8");
	CHECK_STR(type_name(m, ty_simple(m, TK_Bool)), "bool");
	CHECK_STR(type_name(m, ty_simple(m, TK_Unit)), "()");
	CHECK_STR(type_name(m, ty_simple(m, TK_Never)), "!");
	CHECK_STR(type_name(m, ty_simple(m, TK_String)), "String");
	Type f;
	memset(&f, 0, sizeof f);
	f.kind = TK_Float;
	f.Float.bits = 64;
	CHECK_STR(type_name(m, type_intern(m, &f)), "f64");
	CHECK_STR(type_name(m, ty_ptr_to(m, i64, true)), "*mut i64");
	CHECK_STR(type_name(m, ty_ptr_to(m, i64, false)), "*const i64");
	CHECK(ty_ptr_to(m, i64, true) == ty_ptr_to(m, i64, true));
	Type r;
	memset(&r, 0, sizeof r);
	r.kind = TK_Ref;
	r.Ref.elem = i64;
	uint32_t ref = type_intern(m, &r);
	r.Ref.mut = 1;
	uint32_t mref = type_intern(m, &r);
	CHECK(ref != mref);
	CHECK_STR(type_name(m, ref), "&i64");
	CHECK_STR(type_name(m, mref), "&mut i64");
	Type a;
	memset(&a, 0, sizeof a);
	a.kind = TK_Array;
	a.Array.elem = ref;
	a.Array.len = 4;
	CHECK_STR(type_name(m, type_intern(m, &a)), "[&i64; 4]");
	uint32_t args[2] = { i64, u64 };
	uint32_t p1 = mk_struct(m, "Pair", args, 2), p2 = mk_struct(m, "Pair", args, 2);
	CHECK(p1 == p2);   /* equal lists built separately are the same type */
	CHECK(mk_struct(m, "Pair", args, 1) != p1);
	CHECK_STR(type_name(m, p1), "Pair<i64, u64>");
	CHECK_STR(type_name(m, mk_struct(m, "Point", NULL, 0)), "Point");
	Type fn;
	memset(&fn, 0, sizeof fn);
	fn.kind = TK_Fn;
	fn.Fn.params = list_make(m, args, 1);
	Str caps[2] = { str_internz("File"), str_internz("Console") };
	fn.Fn.caps = list_make(m, caps, 2);
	fn.Fn.ret = ty_simple(m, TK_Bool);
	CHECK_STR(type_name(m, type_intern(m, &fn)), "fn(i64) with(File, Console) -> bool");
	Type h;
	memset(&h, 0, sizeof h);
	h.kind = TK_Heap;
	h.Heap.elem = p1;
	CHECK_STR(type_name(m, type_intern(m, &h)), "Heap<Pair<i64, u64>>");
	uint32_t n = m->types.n;
	for (int i = 0; i < 5000; i++)   /* grows the hash table many times */
		ty_int(m, 64, i & 1);
	CHECK(m->types.n == n);
	for (int i = 0; i < 3000; i++) {
		a.Array.len = i;
		type_intern(m, &a);
	}
	a.Array.len = 1234;
	uint32_t before = m->types.n;
	type_intern(m, &a);
	CHECK(m->types.n == before);
}

static void names(void)
{
	CHECK_STR(node_kind_names[NK_File], "File");
	CHECK_STR(node_kind_names[NK_IRet], "IRet");
	CHECK_STR(type_kind_names[TK_Heap], "Heap");
	CHECK_STR(binop_spelling[OP_Shl], "<<");
	CHECK(binop_prec[OP_Mul] > binop_prec[OP_Add] && binop_prec[OP_Add] > binop_prec[OP_Eq]);
	CHECK_STR(unop_spelling[UOP_BitNot], "~");
	CHECK_STR(stage_names[STAGE_CHECKED], "checked");
}

int main(void)
{
	arena();
	interner();
	types();
	names();
	UNIT_DONE();
}
