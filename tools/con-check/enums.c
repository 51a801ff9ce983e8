/* enums.c: enum declarations, the builtin Option/Result, variant literals,
 * enum patterns in match, destructuring let, `?` and defer (LANGUAGE.md 2.6,
 * 3.10, 4.7, 5.11-5.14; CHECKS.md 7.3, 7.6, 7.7, 3.3).
 *
 * Pattern and destructuring bindings get a PatBind node each, made here, so
 * that an Ident bound by them resolves (aux) to a declaration with a type
 * like any other local; the nodes are listed in the pattern's `binds`. */
#include <string.h>

#include "check.h"

static bool valid(Checker *c, uint32_t i)
{
	return i && i < c->m->nodes.n;
}

static int kind_of(Checker *c, uint32_t t)
{
	return ty_is_err(c, t) ? TK_Error : ty_at(c, t)->kind;
}

static bool is_wild(Str s)
{
	return !strcmp(str_get(s), "_");
}

/* ---- the builtin Option<T> and Result<T, E> (LANGUAGE.md 3.10) ---- */

static uint32_t mk_field(Checker *c, const char *name, const char *tparam)
{
	Module *m = c->m;
	uint32_t tn = node_new(m, NK_TyName, (Span){ 0 });
	NODE_AT(m, tn)->TyName.name = str_internz(tparam);
	uint32_t pt = ty_param(c, str_internz(tparam));
	NODE_AT(m, tn)->ty = pt;
	uint32_t f = node_new(m, NK_FieldDecl, (Span){ 0 });
	NODE_AT(m, f)->FieldDecl.name = str_internz(name);
	NODE_AT(m, f)->FieldDecl.type = tn;
	NODE_AT(m, f)->ty = pt;
	return f;
}

static uint32_t mk_variant(Module *m, const char *name, uint32_t field)
{
	uint32_t v = node_new(m, NK_Variant, (Span){ 0 });
	NODE_AT(m, v)->Variant.name = str_internz(name);
	NODE_AT(m, v)->Variant.fields = list_make(m, &field, field ? 1 : 0);
	return v;
}

static uint32_t mk_enum(Checker *c, const char *name, const char **gens, uint32_t ng,
	const uint32_t *vars, uint32_t nv)
{
	Module *m = c->m;
	uint32_t g[4], args[4];
	for (uint32_t i = 0; i < ng; i++) {
		g[i] = node_new(m, NK_GenericParam, (Span){ 0 });
		NODE_AT(m, g[i])->GenericParam.name = str_internz(gens[i]);
		args[i] = ty_param(c, str_internz(gens[i]));
	}
	uint32_t e = node_new(m, NK_EnumDecl, (Span){ 0 });
	NODE_AT(m, e)->EnumDecl.name = str_internz(name);
	NODE_AT(m, e)->EnumDecl.generics = list_make(m, g, ng);
	NODE_AT(m, e)->EnumDecl.variants = list_make(m, vars, nv);
	NODE_AT(m, e)->EnumDecl.flags = FL_BUILTIN;
	uint32_t t = generic_inst(c, e, args, ng);
	NODE_AT(m, e)->ty = t;
	for (uint32_t i = 0; i < nv; i++)
		NODE_AT(m, vars[i])->ty = t;
	return e;
}

/* Made once per file, before checking: the nodes live in the checked
 * stream but in no module's item list. */
void enum_builtins(Checker *c)
{
	Module *m = c->m;
	static const char *opt_g[] = { "T" }, *res_g[] = { "T", "E" };
	uint32_t ov[2] = { mk_variant(m, "Some", mk_field(c, "value", "T")), mk_variant(m, "None", 0) };
	c->enum_option = mk_enum(c, "Option", opt_g, 1, ov, 2);
	uint32_t rv[2] = { mk_variant(m, "Ok", mk_field(c, "value", "T")),
		mk_variant(m, "Err", mk_field(c, "error", "E")) };
	c->enum_result = mk_enum(c, "Result", res_g, 2, rv, 2);
}

/* A user enum first, except that the builtin Option shadows a user one
 * (LANGUAGE.md 3.10); a user Result replaces the builtin. */
uint32_t enum_find(Checker *c, Str name)
{
	const char *s = str_get(name);
	if (!strcmp(s, "Option") && c->enum_option)
		return c->enum_option;
	uint32_t d = sym_lookup(c, name, NK_EnumDecl);
	if (d)
		return d;
	if (!strcmp(s, "Result"))
		return c->enum_result;
	return 0;
}

/* ---- declarations ---- */

/* Resolve the field types of every variant, with the enum's type
 * parameters in scope as TK_Param. */
void enum_resolve(Checker *c, uint32_t ed)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, ed);
	if (n->ty)
		return;
	List gl = n->EnumDecl.generics, vl = n->EnumDecl.variants;
	Str ename = n->EnumDecl.name;
	uint32_t saved = c->tparams.n;
	uint32_t args[gl.len + 1];
	for (uint32_t i = 0; i < gl.len; i++)
		args[i] = ty_param(c, NODE_AT(m, LIST_AT(m, gl, i))->GenericParam.name);
	push_tparams(c, gl);
	NODE_AT(m, ed)->ty = generic_inst(c, ed, args, gl.len);
	for (uint32_t i = 0; i < vl.len; i++) {
		uint32_t v = LIST_AT(m, vl, i);
		Node *vn = NODE_AT(m, v);
		if (vn->kind != NK_Variant) {
			cerr(c, CD_MALFORMED, vn->span, "enum member is not a Variant");
			continue;
		}
		for (uint32_t j = 0; j < i; j++)
			if (NODE_AT(m, LIST_AT(m, vl, j))->Variant.name == vn->Variant.name) {
				cerr(c, CD_DUP_VARIANT, vn->span, str_get(vn->Variant.name), str_get(ename));
				break;
			}
		List fl = vn->Variant.fields;
		for (uint32_t k = 0; k < fl.len; k++) {
			uint32_t f = LIST_AT(m, fl, k);
			if (NODE_AT(m, f)->kind != NK_FieldDecl)
				continue;
			uint32_t t = resolve_type(c, NODE_AT(m, f)->FieldDecl.type);
			NODE_AT(m, f)->ty = t;
		}
		NODE_AT(m, v)->ty = NODE_AT(m, ed)->ty;
	}
	c->tparams.n = saved;
}

/* `E` or `E<A, B>` in a type position; 0 when the name is no enum. */
uint32_t enum_resolve_tyname(Checker *c, uint32_t tn)
{
	Module *m = c->m;
	Str name = NODE_AT(m, tn)->TyName.name;
	const TParam *tp = find_tparam(c, name);
	if (tp && !NODE_AT(m, tn)->TyName.args.len)
		return tp->ty;
	uint32_t d = enum_find(c, name);
	if (!d)
		return 0;
	List al = NODE_AT(m, tn)->TyName.args;
	uint32_t ng = NODE_AT(m, d)->EnumDecl.generics.len;
	uint32_t args[al.len + 1];
	for (uint32_t i = 0; i < al.len; i++) {
		args[i] = resolve_type(c, LIST_AT(m, al, i));
		if (ty_is_err(c, args[i]))
			return c->t_err;
	}
	if (al.len != ng) {
		cerr(c, CD_TARG_COUNT, NODE_AT(m, tn)->span, str_get(name), ng, al.len);
		return c->t_err;
	}
	return generic_inst(c, d, args, ng);
}

/* The enum declaration of an enum type, 0 otherwise. */
static uint32_t enum_decl(Checker *c, uint32_t et)
{
	if (kind_of(c, et) != TK_Enum)
		return 0;
	uint32_t d = ty_at(c, et)->Enum.decl;
	return valid(c, d) && NODE_AT(c->m, d)->kind == NK_EnumDecl ? d : 0;
}

/* Variant index by name, or -1. */
static int variant_index(Checker *c, uint32_t ed, Str vname)
{
	List vl = NODE_AT(c->m, ed)->EnumDecl.variants;
	for (uint32_t i = 0; i < vl.len; i++)
		if (NODE_AT(c->m, LIST_AT(c->m, vl, i))->Variant.name == vname)
			return (int)i;
	return -1;
}

static List variant_fields(Checker *c, uint32_t ed, uint32_t vi)
{
	return NODE_AT(c->m, LIST_AT(c->m, NODE_AT(c->m, ed)->EnumDecl.variants, vi))->Variant.fields;
}

/* Type of field k of variant vi in the enum instance et. */
static uint32_t field_type(Checker *c, uint32_t et, uint32_t vi, uint32_t k)
{
	uint32_t ed = enum_decl(c, et);
	uint32_t f = LIST_AT(c->m, variant_fields(c, ed, vi), k);
	uint32_t t = NODE_AT(c->m, f)->ty;
	return subst(c, t, NODE_AT(c->m, ed)->EnumDecl.generics, ty_at(c, et)->Enum.args);
}

/* Field k of variant vi of enum instance et (check_field_inits). */
typedef struct VariantOf { uint32_t et, vi; } VariantOf;

static uint32_t variant_field_at(Checker *c, const void *v, uint32_t k)
{
	const VariantOf *vo = v;
	return field_type(c, vo->et, vo->vi, k);
}

static const char *ename_of(Checker *c, uint32_t ed)
{
	return str_get(NODE_AT(c->m, ed)->EnumDecl.name);
}

static const char *vname_of(Checker *c, uint32_t ed, uint32_t vi)
{
	return str_get(NODE_AT(c->m, LIST_AT(c->m, NODE_AT(c->m, ed)->EnumDecl.variants, vi))->Variant.name);
}

/* ---- variant literals ---- */

/* Report an unknown `X` in `X::V`: a struct is "not an enum". */
static void unknown_enum(Checker *c, Span sp, Str name)
{
	if (FIND_STRUCT(c, name))
		cerr(c, CD_NOT_ENUM, sp, str_get(name));
	else
		cerr(c, CD_UNKNOWN_ENUM_NAME, sp, str_get(name));
}

/* Type arguments of a generic literal: explicit, else the expected type's,
 * else taken from fields whose declared type is a bare parameter. */
static uint32_t literal_type(Checker *c, uint32_t e, uint32_t ed, int vi, uint32_t expect)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	List gl = NODE_AT(m, ed)->EnumDecl.generics, tl = n->VariantLit.targs;
	uint32_t ng = gl.len;
	if (!ng && !tl.len)
		return NODE_AT(m, ed)->ty;
	if (tl.len) {
		uint32_t args[tl.len + 1];
		for (uint32_t i = 0; i < tl.len; i++)
			if (ty_is_err(c, args[i] = resolve_type(c, LIST_AT(m, tl, i))))
				return c->t_err;
		if (tl.len != ng) {
			cerr(c, CD_TARG_COUNT, NODE_AT(m, e)->span, ename_of(c, ed), ng, tl.len);
			return c->t_err;
		}
		return generic_inst(c, ed, args, ng);
	}
	if (enum_decl(c, expect) == ed)
		return expect;
	uint32_t args[ng + 1];
	memset(args, 0, sizeof args);
	List inits = n->VariantLit.inits;
	List fl = variant_fields(c, ed, (uint32_t)vi);
	for (uint32_t i = 0; i < inits.len; i++) {
		Node *fi = NODE_AT(m, LIST_AT(m, inits, i));
		for (uint32_t k = 0; k < fl.len; k++) {
			Node *fd = NODE_AT(m, LIST_AT(m, fl, k));
			if (fd->FieldDecl.name != fi->FieldInit.name || kind_of(c, fd->ty) != TK_Param)
				continue;
			Str pn = ty_at(c, fd->ty)->Param.name;
			for (uint32_t g = 0; g < ng; g++)
				if (NODE_AT(m, LIST_AT(m, gl, g))->GenericParam.name == pn && !args[g])
					args[g] = check_expr(c, fi->FieldInit.value, 0);
		}
	}
	for (uint32_t g = 0; g < ng; g++)
		if (!args[g] || ty_is_err(c, args[g])) {
			n = NODE_AT(m, e);
			if (!args[g])
				cerr(c, CD_CANNOT_INFER, n->span,
					str_get(NODE_AT(m, LIST_AT(m, gl, g))->GenericParam.name), ename_of(c, ed));
			return c->t_err;
		}
	return generic_inst(c, ed, args, ng);
}

uint32_t check_variantlit(Checker *c, uint32_t e, uint32_t expect)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	Str en = n->VariantLit.ename, vn = n->VariantLit.vname;
	List inits = n->VariantLit.inits;
	uint32_t ed = enum_find(c, en);
	if (!ed) {
		unknown_enum(c, n->span, en);
		check_inits_loose(c, inits);
		return c->t_err;
	}
	int vi = variant_index(c, ed, vn);
	if (vi < 0) {
		cerr(c, CD_UNKNOWN_VARIANT, n->span, str_get(vn), str_get(en));
		check_inits_loose(c, inits);
		return c->t_err;
	}
	NODE_AT(m, e)->aux = (uint32_t)vi;
	uint32_t et = literal_type(c, e, ed, vi, expect);
	if (ty_is_err(c, et)) {
		check_inits_loose(c, inits);
		return c->t_err;
	}
	const char *what = arena_printf("%s::%s", str_get(en), str_get(vn));
	VariantOf vo = { et, (uint32_t)vi };
	check_field_inits(c, e, inits, variant_fields(c, ed, (uint32_t)vi), what, what,
		variant_field_at, &vo, true);
	return et;
}

/* ---- bindings ---- */

/* One PatBind per name (0 for `_`), typed by field, pushed into scope. */
static List make_binds(Checker *c, Span sp, List names, const uint32_t *types, const uint32_t *aux)
{
	Module *m = c->m;
	uint32_t b[names.len + 1];
	for (uint32_t i = 0; i < names.len; i++) {
		Str s = LIST_AT(m, names, i);
		b[i] = 0;
		if (is_wild(s))
			continue;
		for (uint32_t j = 0; j < i; j++)
			if (LIST_AT(m, names, j) == s)
				cerr(c, CD_DUP_BINDING, sp, str_get(s));
		b[i] = node_new(m, NK_PatBind, sp);
		NODE_AT(m, b[i])->PatBind.name = s;
		NODE_AT(m, b[i])->ty = types[i];
		NODE_AT(m, b[i])->aux = aux ? aux[i] : 0;
		scope_push(c, s, b[i]);
	}
	return list_make(m, b, names.len);
}

/* Bind the fields of variant vi positionally (LANGUAGE.md 5.11). */
static List bind_variant(Checker *c, List names, uint32_t et, int vi, Span sp)
{
	uint32_t ed = enum_decl(c, et);
	List fl = variant_fields(c, ed, (uint32_t)vi);
	uint32_t ts[names.len + 1];
	if (names.len && names.len != fl.len) {
		cerr(c, CD_MATCH_BIND_COUNT, sp, vname_of(c, ed, (uint32_t)vi), fl.len, names.len);
		for (uint32_t i = 0; i < names.len; i++)
			ts[i] = c->t_err;
	} else {
		for (uint32_t i = 0; i < names.len; i++)
			ts[i] = field_type(c, et, (uint32_t)vi, i);
	}
	return make_binds(c, sp, names, ts, NULL);
}

/* ---- match on enums ---- */

/* Enum type of a scrutinee type, looking through one reference. */
uint32_t enum_scrut_type(Checker *c, uint32_t st)
{
	if (kind_of(c, st) == TK_Ref)
		st = ty_at(c, st)->Ref.elem;
	return enum_decl(c, st) ? st : 0;
}

/* Check an enum pattern; returns the variant index or -1. */
static int check_pat_variant(Checker *c, uint32_t pat, uint32_t et)
{
	Module *m = c->m;
	Node *p = NODE_AT(m, pat);
	uint32_t ed = enum_decl(c, et);
	Str en = p->PatVariant.ename, vn = p->PatVariant.vname;
	Span sp = p->span;
	List names = p->PatVariant.bindings;
	NODE_AT(m, pat)->ty = et;
	if (en != NODE_AT(m, ed)->EnumDecl.name) {
		if (!enum_find(c, en))
			unknown_enum(c, sp, en);
		else
			cerr(c, CD_MATCH_OTHER_ENUM, sp, str_get(en), ename_of(c, ed));
		return -1;
	}
	int vi = variant_index(c, ed, vn);
	if (vi < 0) {
		cerr(c, CD_UNKNOWN_VARIANT, sp, str_get(vn), str_get(en));
		return -1;
	}
	List b = bind_variant(c, names, et, vi, sp);
	p = NODE_AT(m, pat);
	p->aux = (uint32_t)vi;
	p->PatVariant.binds = b;
	return vi;
}

uint32_t check_match_enum(Checker *c, uint32_t mt, uint32_t st, uint32_t expect)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, mt);
	bool is_expr = (n->Match.flags & FL_EXPR) != 0;
	Span sp = n->span;
	List arms = n->Match.arms;
	uint32_t et = enum_scrut_type(c, st), ed = enum_decl(c, et);
	uint32_t nv = NODE_AT(m, ed)->EnumDecl.variants.len;
	bool covered[nv + 1];
	memset(covered, 0, sizeof covered);
	bool catch_all = false;
	uint32_t first = 0;
	for (uint32_t i = 0; i < arms.len; i++) {
		uint32_t a = LIST_AT(m, arms, i);
		if (!valid(c, a) || NODE_AT(m, a)->kind != NK_Arm)
			continue;
		uint32_t saved = c->locals.n;
		uint32_t pat = NODE_AT(m, a)->Arm.pat, body = NODE_AT(m, a)->Arm.body;
		int pk = valid(c, pat) ? NODE_AT(m, pat)->kind : NK_None;
		if (pk == NK_PatVariant) {
			int vi = check_pat_variant(c, pat, et);
			if (vi >= 0 && covered[vi])
				cerr(c, CD_MATCH_DUP_ARM, NODE_AT(m, pat)->span, vname_of(c, ed, (uint32_t)vi));
			if (vi >= 0)
				covered[vi] = true;
		} else if (pk == NK_PatBind) {
			Node *p = NODE_AT(m, pat);
			p->ty = st;
			if (!is_wild(p->PatBind.name))
				scope_push(c, p->PatBind.name, pat);
			catch_all = true;
		} else if (pk == NK_PatInt || pk == NK_PatBool) {
			cerr(c, CD_MATCH_PAT, NODE_AT(m, pat)->span,
				pk == NK_PatInt ? "integer" : "bool", tname(c, st));
		}
		/* A literal arm takes the type of the arms before it. */
		uint32_t at = check_arm_body(c, body, expect ? expect : first, is_expr);
		c->locals.n = saved;
		arm_type_agree(c, a, at, &first);
	}
	if (!catch_all)
		for (uint32_t v = 0; v < nv; v++)
			if (!covered[v])
				cerr(c, CD_MATCH_MISSING, sp, vname_of(c, ed, v), ename_of(c, ed));
	uint32_t t = first ? first : c->t_never;
	NODE_AT(m, mt)->ty = is_expr ? t : c->t_unit;
	return t;
}

/* ---- destructuring let ---- */

/* Whether a block surely leaves: its last statement returns, breaks,
 * continues or has type never (abort(), a diverging if/match). */
static bool diverges(Checker *c, uint32_t blk);

/* An if statement whose every branch (through else-if chains) leaves. */
static bool if_diverges(Checker *c, uint32_t s)
{
	for (int guard = 0; guard < 1000; guard++) {
		Node *n = NODE_AT(c->m, s);
		if (!n->If.els || !diverges(c, n->If.then))
			return false;
		if (NODE_AT(c->m, n->If.els)->kind != NK_If)
			return diverges(c, n->If.els);
		s = n->If.els;
	}
	return false;
}

static bool diverges(Checker *c, uint32_t blk)
{
	Module *m = c->m;
	if (!valid(c, blk) || NODE_AT(m, blk)->kind != NK_Block)
		return false;
	List sl = NODE_AT(m, blk)->Block.stmts;
	if (!sl.len)
		return false;
	uint32_t s = LIST_AT(m, sl, sl.len - 1);
	Node *n = NODE_AT(m, s);
	switch (n->kind) {
	case NK_Return: case NK_Break: case NK_Continue:
		return true;
	case NK_ExprStmt:
		return kind_of(c, n->ty) == TK_Never;
	case NK_If:
		return if_diverges(c, s);
	case NK_Match: {
		List al = n->Match.arms;
		for (uint32_t i = 0; i < al.len; i++)
			if (kind_of(c, NODE_AT(m, LIST_AT(m, al, i))->ty) != TK_Never)
				return false;
		return al.len > 0;
	}
	default:
		return false;
	}
}

void check_let_variant(Checker *c, uint32_t s)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, s);
	Str en = n->LetVariant.ename, vn = n->LetVariant.vname;
	uint32_t val = n->LetVariant.value, els = n->LetVariant.els;
	Span sp = n->span;
	uint32_t ed = enum_find(c, en);
	uint32_t expect = ed && !NODE_AT(m, ed)->EnumDecl.generics.len ? NODE_AT(m, ed)->ty : 0;
	uint32_t vt = check_expr(c, val, expect);
	if (els) {
		check_block(c, els, 0, false);
		if (!diverges(c, els))
			cerr(c, CD_LET_ELSE_FALLS, NODE_AT(m, els)->span);
	}
	List names = NODE_AT(m, s)->LetVariant.bindings;
	uint32_t ts[names.len + 1];
	for (uint32_t i = 0; i < names.len; i++)
		ts[i] = c->t_err;
	int vi = -1;
	if (!ed) {
		unknown_enum(c, sp, en);
	} else if ((vi = variant_index(c, ed, vn)) < 0) {
		cerr(c, CD_UNKNOWN_VARIANT, sp, str_get(vn), str_get(en));
	} else if (!ty_is_err(c, vt) && enum_decl(c, vt) != ed) {
		cerr(c, CD_MISMATCH, sp, arena_printf("let %s::%s destructuring", str_get(en), str_get(vn)),
			ename_of(c, ed), tname(c, vt));
		vi = -1;
	} else if (!ty_is_err(c, vt)) {
		NODE_AT(m, s)->ty = vt;
		NODE_AT(m, s)->aux = (uint32_t)vi;
		List b = bind_variant(c, names, vt, vi, sp);
		NODE_AT(m, s)->LetVariant.binds = b;
		if (!els) {
			uint32_t nv = NODE_AT(m, ed)->EnumDecl.variants.len;
			for (uint32_t v = 0; v < nv; v++)
				if (v != (uint32_t)vi)
					cerr(c, CD_MATCH_MISSING, sp, vname_of(c, ed, v), ename_of(c, ed));
		}
		return;
	}
	/* Still declare the names so that later uses do not cascade. */
	List b = make_binds(c, sp, names, ts, NULL);    /* may move the nodes */
	NODE_AT(m, s)->LetVariant.binds = b;
}

void check_let_struct(Checker *c, uint32_t s)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, s);
	Str sn = n->LetStruct.tname;
	Span sp = n->span;
	uint32_t decl = FIND_STRUCT(c, sn);
	uint32_t vt = check_expr(c, NODE_AT(m, s)->LetStruct.value, decl ? NODE_AT(m, decl)->ty : 0);
	List names = NODE_AT(m, s)->LetStruct.bindings;
	uint32_t ts[names.len + 1], ix[names.len + 1];
	for (uint32_t i = 0; i < names.len; i++) {
		ts[i] = c->t_err;
		ix[i] = 0;
	}
	if (!decl) {
		cerr(c, CD_UNKNOWN_STRUCT, sp, str_get(sn));
	} else if (!ty_is_err(c, vt) && (kind_of(c, vt) != TK_Struct || ty_at(c, vt)->Struct.decl != decl)) {
		cerr(c, CD_MISMATCH, sp, arena_printf("let %s destructuring", str_get(sn)),
			str_get(sn), tname(c, vt));
	} else if (!ty_is_err(c, vt)) {
		NODE_AT(m, s)->aux = decl;
		NODE_AT(m, s)->ty = vt;
		for (uint32_t i = 0; i < names.len; i++) {
			Str f = LIST_AT(m, names, i);
			uint32_t ft = struct_field(c, vt, f, &ix[i]);
			if (!ft)
				cerr(c, CD_NO_FIELD, sp, str_get(sn), str_get(f));
			else
				ts[i] = ft;
		}
	}
	List b = make_binds(c, sp, names, ts, ix);
	NODE_AT(m, s)->LetStruct.binds = b;
}

/* ---- `?` (LANGUAGE.md 5.13, CHECKS.md 7.7) ---- */

uint32_t check_try(Checker *c, uint32_t e)
{
	Module *m = c->m;
	Span sp = NODE_AT(m, e)->span;
	uint32_t x = NODE_AT(m, e)->Try.expr;
	uint32_t t = check_expr(c, x, enum_decl(c, c->ret) ? c->ret : 0);
	if (ty_is_err(c, t))
		return c->t_err;
	uint32_t ed = enum_decl(c, t);
	if (!ed) {
		cerr(c, CD_TRY_NONENUM, sp, tname(c, t));
		return c->t_err;
	}
	int ok = variant_index(c, ed, str_internz("Ok"));
	int er = variant_index(c, ed, str_internz("Err"));
	if (ok < 0 || er < 0) {
		cerr(c, CD_TRY_NO_OKERR, sp);
		return c->t_err;
	}
	if (t != c->ret && !ty_is_err(c, c->ret))
		cerr(c, CD_MISMATCH, sp, "try (?) operator: function must return same Result type",
			tname(c, t), tname(c, c->ret));
	if (!variant_fields(c, ed, (uint32_t)ok).len) {
		cerr(c, CD_TRY_NO_VALUE, sp, ename_of(c, ed));
		return c->t_err;
	}
	NODE_AT(m, e)->aux = (uint32_t)ok;
	return field_type(c, t, (uint32_t)ok, 0);
}

/* ---- defer (LANGUAGE.md 5.14, CHECKS.md 3.3) ---- */

void check_defer(Checker *c, uint32_t s)
{
	Module *m = c->m;
	uint32_t call = NODE_AT(m, s)->Defer.call;
	if (!valid(c, call) || NODE_AT(m, call)->kind != NK_Call) {
		cerr(c, CD_DEFER_NONCALL, NODE_AT(m, s)->span);
		if (valid(c, call))
			check_expr(c, call, 0);
		return;
	}
	uint32_t t = check_call(c, call, 0, true);
	NODE_AT(m, call)->ty = t;
}
