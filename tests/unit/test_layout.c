/* test_layout.c: libir/layout.c against the examples of ABI.md 3-5 and
 * LANGUAGE.md 3.14, on IR-style structs built by hand. */
#include "ir.h"
#include "unit.h"

static Module *m;

static uint32_t I(int bits, bool sign) { return ty_int(m, bits, sign); }

static uint32_t F(int bits)
{
	Type t = {.kind = TK_Float};
	t.Float.bits = bits;
	return type_intern(m, &t);
}

/* An IrStruct-backed struct type named name with the given fields. */
static uint32_t S(const char *name, const uint32_t *f, uint32_t n, int64_t flags, int64_t align)
{
	uint32_t s = node_new(m, NK_IrStruct, (Span){0});
	Type t = {.kind = TK_Struct};
	t.Struct.name = str_internz(name);
	t.Struct.decl = s;
	uint32_t ty = type_intern(m, &t);
	List fl = list_make(m, f, n);
	Node *d = NODE_AT(m, s);
	d->ty = ty;
	d->IrStruct.name = t.Struct.name;
	d->IrStruct.fields = fl;
	d->IrStruct.flags = flags;
	d->IrStruct.align = align;
	return ty;
}

static uint32_t A(uint32_t elem, int64_t n)
{
	Type t = {.kind = TK_Array};
	t.Array.elem = elem;
	t.Array.len = n;
	return type_intern(m, &t);
}

#define SZ(t, s, a) do { Layout l_ = layout_of(m, (t)); CHECK(l_.size == (s) && l_.align == (a)); } while (0)

int main(void)
{
	m = module_new(STAGE_IR);
	SZ(I(8, false), 1, 1);
	SZ(I(16, true), 2, 2);
	SZ(I(64, true), 8, 8);
	SZ(F(32), 4, 4);
	SZ(F(64), 8, 8);
	SZ(ty_simple(m, TK_Bool), 1, 1);
	SZ(ty_simple(m, TK_Char), 1, 1);
	SZ(ty_simple(m, TK_String), 24, 8);
	SZ(ty_simple(m, TK_Unit), 0, 1);
	SZ(ty_ptr_to(m, I(8, false), true), 8, 8);
	SZ(A(I(16, false), 5), 10, 2);
	SZ(A(I(64, true), 0), 0, 8);

	/* ABI.md 3 examples */
	uint32_t fa[] = { I(8, false), I(32, true) };
	uint32_t sa = S("A", fa, 2, 0, 0);
	SZ(sa, 8, 4);
	CHECK(layout_field_offset(m, sa, 1) == 4);
	uint32_t fb[] = { I(8, false), I(16, false), I(32, false) };
	uint32_t sb = S("B", fb, 3, FL_REPR_PACKED, 0);
	SZ(sb, 7, 1);
	CHECK(layout_field_offset(m, sb, 1) == 1 && layout_field_offset(m, sb, 2) == 3);
	uint32_t fc[] = { I(64, true), I(32, true), I(64, true) };
	uint32_t sc = S("C", fc, 3, FL_REPR_C, 0);
	SZ(sc, 24, 8);
	CHECK(layout_field_offset(m, sc, 2) == 16);
	/* #[repr(C, align(16))] with one i32 has size 16 */
	uint32_t fd[] = { I(32, true) };
	SZ(S("D", fd, 1, FL_REPR_C, 16), 16, 16);
	/* align never lowers */
	uint32_t fe[] = { I(64, true) };
	SZ(S("E", fe, 1, 0, 2), 8, 8);
	SZ(S("Empty", NULL, 0, 0, 0), 0, 1);
	/* union: every field at 0, size rounded to the alignment */
	uint32_t fu[] = { I(8, false), A(I(8, false), 5), I(32, true) };
	uint32_t su = S("U", fu, 3, FL_UNION, 0);
	SZ(su, 8, 4);
	CHECK(layout_field_offset(m, su, 2) == 0);
	/* nesting and arrays of padded structs */
	uint32_t fn[] = { I(8, false), sa, A(sa, 2) };
	uint32_t sn = S("N", fn, 3, 0, 0);
	SZ(sn, 28, 4);
	CHECK(layout_field_offset(m, sn, 2) == 12);

	/* ABI.md 4 via layout_fields' building block */
	Layout v[] = { { 4, 4 }, { 4, 4 } };
	uint64_t off[2];
	Layout l = layout_fields(v, 2, false, false, 0, off);
	CHECK(l.size == 8 && off[1] == 4);
	CHECK(align_up(5, 4) == 8 && align_up(5, 1) == 5 && align_up(0, 8) == 0);
	UNIT_DONE();
}
