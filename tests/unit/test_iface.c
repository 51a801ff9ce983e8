/* test_iface.c: module interfaces (libir/iface.c) keep exactly the public
 * declarations with their checked types, survive a stream round trip, are
 * byte-identical when built twice, and copy into an importer's tables. */
#include "ir.h"
#include "unit.h"
#include <stdlib.h>

static uint32_t list1(Module *m, const uint32_t *v, uint32_t n, List *out)
{
	*out = list_make(m, v, n);
	return n;
}

static uint32_t ty_name(Module *m, uint32_t t)
{
	uint32_t n = node_new(m, NK_TyName, (Span){ 0, 1, 1, 0 });
	NODE_AT(m, n)->TyName.name = str_internz("Int");
	NODE_AT(m, n)->ty = t;
	return n;
}

/* fn NAME(x: Int) -> Int { <body> }, checked: every node typed. */
static uint32_t fn(Module *m, const char *name, bool pub)
{
	uint32_t ti = ty_int(m, 64, true);
	uint32_t p = node_new(m, NK_Param, (Span){ 0, 2, 8, 10 });
	uint32_t pt = ty_name(m, ti);
	NODE_AT(m, p)->Param.name = str_internz("x");
	NODE_AT(m, p)->Param.type = pt;
	NODE_AT(m, p)->ty = ti;
	uint32_t ret = ty_name(m, ti);
	uint32_t body = node_new(m, NK_Block, (Span){ 0, 2, 20, 22 });
	Type ft = { .kind = TK_Fn };
	ft.Fn.params = list_make(m, &ti, 1);
	ft.Fn.ret = ti;
	uint32_t fty = type_intern(m, &ft);
	uint32_t f = node_new(m, NK_FnDecl, (Span){ 0, 2, 1, 3 });
	List pl;
	list1(m, &p, 1, &pl);
	NODE_AT(m, f)->FnDecl.name = str_internz(name);
	NODE_AT(m, f)->FnDecl.params = pl;
	NODE_AT(m, f)->FnDecl.ret = ret;
	NODE_AT(m, f)->FnDecl.body = body;
	NODE_AT(m, f)->FnDecl.flags = pub ? FL_PUB : 0;
	NODE_AT(m, f)->ty = fty;
	return f;
}

static uint32_t strukt(Module *m, const char *name, bool pub)
{
	uint32_t s = node_new(m, NK_StructDecl, (Span){ 0, 5, 1, 50 });
	Type st = { .kind = TK_Struct };
	st.Struct.name = str_internz(name);
	st.Struct.decl = s;
	uint32_t sty = type_intern(m, &st);
	uint32_t ti = ty_int(m, 64, true);
	uint32_t fd = node_new(m, NK_FieldDecl, (Span){ 0, 6, 5, 60 });
	uint32_t ft = ty_name(m, ti);
	NODE_AT(m, fd)->FieldDecl.name = str_internz("v");
	NODE_AT(m, fd)->FieldDecl.type = ft;
	NODE_AT(m, fd)->ty = ti;
	List fl = list_make(m, &fd, 1);
	NODE_AT(m, s)->StructDecl.name = str_internz(name);
	NODE_AT(m, s)->StructDecl.fields = fl;
	NODE_AT(m, s)->StructDecl.flags = pub ? FL_PUB : 0;
	NODE_AT(m, s)->ty = sty;
	return s;
}

static uint32_t module(Module *m, const char *name, const uint32_t *items, uint32_t n)
{
	uint32_t mod = node_new(m, NK_Module, (Span){ 0, 1, 1, 0 });
	List l = list_make(m, items, n);
	NODE_AT(m, mod)->Module.name = str_internz(name);
	NODE_AT(m, mod)->Module.items = l;
	return mod;
}

/* main { pub fn f; fn g; pub struct S; struct P; mod sub { pub fn h } } */
static Module *sample(void)
{
	Module *m = module_new(STAGE_CHECKED);
	m->name = str_internz("main");
	m->source = str_internz("t.con");
	vec_push(m->files, str_internz("t.con"));
	uint32_t h = fn(m, "h", true);
	uint32_t sub = module(m, "sub", &h, 1);
	uint32_t items[5] = { fn(m, "f", true), fn(m, "g", false), strukt(m, "S", true),
		strukt(m, "P", false), sub };
	uint32_t top = module(m, "main", items, 5);
	uint32_t root = node_new(m, NK_File, (Span){ 0 });
	List l = list_make(m, &top, 1);
	NODE_AT(m, root)->File.modules = l;
	m->root = root;
	return m;
}

static uint32_t item_named(Module *m, List items, const char *name)
{
	Str s = str_internz(name);
	for (uint32_t i = 0; i < items.len; i++) {
		Node *n = NODE_AT(m, LIST_AT(m, items, i));
		Str nm = n->kind == NK_FnDecl ? n->FnDecl.name : n->kind == NK_StructDecl
			? n->StructDecl.name : n->kind == NK_Module ? n->Module.name : 0;
		if (nm == s)
			return LIST_AT(m, items, i);
	}
	return 0;
}

int main(void)
{
	Module *m = sample();
	Module *ifc = iface_build(m);
	CHECK(ifc->stage == STAGE_IFACE);
	const char *err = NULL;
	CHECK(module_validate(ifc, &err) == 0);

	/* public items only, with their types; bodies of non-generic fns dropped */
	List mods = NODE_AT(ifc, ifc->root)->File.modules;
	CHECK(mods.len == 1);
	List items = NODE_AT(ifc, LIST_AT(ifc, mods, 0))->Module.items;
	CHECK(items.len == 3);
	uint32_t f = item_named(ifc, items, "f");
	CHECK(f && NODE_AT(ifc, f)->FnDecl.body == 0);
	CHECK(f && TYPE_AT(ifc, NODE_AT(ifc, f)->ty)->kind == TK_Fn);
	CHECK(item_named(ifc, items, "g") == 0);
	CHECK(item_named(ifc, items, "P") == 0);
	uint32_t s = item_named(ifc, items, "S");
	CHECK(s && NODE_AT(ifc, s)->StructDecl.fields.len == 1);
	CHECK(s && TYPE_AT(ifc, NODE_AT(ifc, s)->ty)->Struct.decl == s);
	CHECK(item_named(ifc, items, "sub") != 0);

	/* stream round trip, and the same bytes every time */
	Buf a = { 0 }, b = { 0 };
	CHECK(stream_encode(ifc, &a, &err) == 0);
	CHECK(stream_encode(iface_build(sample()), &b, &err) == 0);
	CHECK(a.n == b.n && memcmp(a.s, b.s, a.n) == 0);
	Module *back = stream_decode(a.s, a.n, &err);
	CHECK(back && back->stage == STAGE_IFACE);

	/* import main.sub and main into a fresh module */
	Module *imp = module_new(STAGE_AST);
	vec_push(imp->files, str_internz("u.con"));
	List got;
	CHECK(back && iface_import(imp, back, "main.sub", &got, NULL, 0));
	CHECK(got.len == 1 && NODE_AT(imp, LIST_AT(imp, got, 0))->kind == NK_FnDecl);
	CHECK(back && iface_import(imp, back, "main", &got, NULL, 0));
	uint32_t s2 = item_named(imp, got, "S");
	CHECK(s2 && TYPE_AT(imp, NODE_AT(imp, s2)->ty)->Struct.decl == s2);
	CHECK(s2 && NODE_AT(imp, s2)->span.file == 1);
	CHECK(imp->files.n == 2);
	CHECK(back && !iface_import(imp, back, "main.nope", &got, NULL, 0));
	free(a.s);
	free(b.s);
	UNIT_DONE();
}
