/* caps.c: capabilities (CHECKS.md 6, LANGUAGE.md 4.5, 4.11, BUILTINS.md 1.3).
 *
 * Runs after every body is typed.  A function's set is its fn type's caps
 * list: resolve.c stores it with `Std` and aliases expanded, in the order
 * of CHECKS.md 6.1, followed by anything else (capability variables, or
 * unknown names, reported here).  For each function body we check:
 *   - containment at every call (user, imported, method, extern, builtin,
 *     through a fn pointer): callee set within caller set (C1, E0520);
 *   - capability-polymorphic calls: bind `cap C` from the passed functions
 *     (C4, E0242), then require the bound set (C3, E0240);
 *   - raw-pointer operations need Unsafe or a trusted context, `*h` on a
 *     Heap needs Alloc (C2, E0521). */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *const cap_names[] = {
	"File", "Network", "Clock", "Env", "Random", "Process", "Console",
	"Alloc", "Unsafe",
};
#define NCAP 9
enum { C_FILE = 1 << 0, C_CLOCK = 1 << 2, C_PROCESS = 1 << 5,
	C_CONSOLE = 1 << 6, C_ALLOC = 1 << 7, C_UNSAFE = 1 << 8 };

#define MAXVARS 8

/* A set: concrete capabilities as bits, variables by name. */
typedef struct CapSet {
	unsigned bits;
	uint32_t nvars;
	Str vars[MAXVARS];
} CapSet;

typedef struct CapCtx {
	Checker *c;
	CapSet have;          /* the current function's set */
	bool trusted;         /* trusted fn or method of a trusted impl */
	unsigned depth;
} CapCtx;

static int cap_index(Str s)
{
	const char *n = str_get(s);
	for (int k = 0; k < NCAP; k++)
		if (n && !strcmp(n, cap_names[k]))
			return k;
	return -1;
}

static void set_add_var(CapSet *s, Str v)
{
	for (uint32_t i = 0; i < s->nvars; i++)
		if (s->vars[i] == v)
			return;
	if (s->nvars < MAXVARS)
		s->vars[s->nvars++] = v;
}

static bool set_has_var(const CapSet *s, Str v)
{
	for (uint32_t i = 0; i < s->nvars; i++)
		if (s->vars[i] == v)
			return true;
	return false;
}

/* The set of a fn type (already expanded by resolve.c). */
static CapSet set_of_type(Checker *c, uint32_t t)
{
	CapSet s;
	memset(&s, 0, sizeof s);
	if (!t || ty_is_err(c, t) || ty_at(c, t)->kind != TK_Fn)
		return s;
	List caps = ty_at(c, t)->Fn.caps;
	for (uint32_t i = 0; i < caps.len; i++) {
		Str n = LIST_AT(c->m, caps, i);
		int k = cap_index(n);
		if (k >= 0)
			s.bits |= 1u << k;
		else if (strcmp(str_get(n), "Std"))
			set_add_var(&s, n);
	}
	return s;
}

static bool is_extern(Checker *c, uint32_t fd)
{
	return NODE_AT(c->m, fd)->FnDecl.flags & FL_EXTERN;
}

/* A function's set: `extern fn` (and `fn f();`) has {Unsafe}, `trusted
 * extern fn` nothing (CHECKS.md 6.6). */
static CapSet set_of_fn(Checker *c, uint32_t fd)
{
	Node *f = NODE_AT(c->m, fd);
	if (is_extern(c, fd)) {
		CapSet s;
		memset(&s, 0, sizeof s);
		if (!(f->FnDecl.flags & FL_TRUSTED))
			s.bits = C_UNSAFE;
		return s;
	}
	return set_of_type(c, f->ty);
}

static const char *set_text(unsigned bits)
{
	if (!bits)
		return "(none)";
	char *out = "";
	for (int k = 0; k < NCAP; k++)
		if (bits & (1u << k))
			out = arena_printf("%s%s%s", out, *out ? ", " : "", cap_names[k]);
	return out;
}

/* The caller's set for messages: concrete capabilities, then variables. */
static const char *have_text(const CapSet *h)
{
	const char *s = h->bits ? set_text(h->bits) : "";
	for (uint32_t i = 0; i < h->nvars; i++)
		s = arena_printf("%s%s%s", s, *s ? ", " : "", str_get(h->vars[i]));
	return *s ? s : "(none)";
}

/* Capability variables `cap C` of a function's generics. */
static bool is_cap_param(Checker *c, uint32_t fd, Str name)
{
	List g = NODE_AT(c->m, fd)->FnDecl.generics;
	for (uint32_t k = 0; k < g.len; k++) {
		Node *gp = NODE_AT(c->m, LIST_AT(c->m, g, k));
		if (gp->kind == NK_GenericParam && (gp->GenericParam.flags & FL_CAP)
			&& gp->GenericParam.name == name)
			return true;
	}
	return false;
}

/* The name diagnostics give a callee: impl methods by their mangled name. */
static const char *callee_name(Checker *c, uint32_t fd)
{
	Str name = NODE_AT(c->m, fd)->FnDecl.name;
	uint32_t ow = owner_of(c, fd);
	if (ow && NODE_AT(c->m, ow)->kind == NK_ImplDecl)
		return arena_printf("%s_%s", str_get(NODE_AT(c->m, ow)->ImplDecl.target), str_get(name));
	return str_get(name);
}

/* C1: callee set within the caller's (a caller variable satisfies all). */
static void contain(CapCtx *x, Span sp, const char *callee, const CapSet *need)
{
	Checker *c = x->c;
	if (x->have.nvars)
		return;
	unsigned miss = need->bits & ~x->have.bits;
	bool var_miss = false;
	for (uint32_t i = 0; i < need->nvars; i++)
		var_miss |= !set_has_var(&x->have, need->vars[i]);
	if (!miss && !var_miss)
		return;
	const char *req = set_text(need->bits);
	for (uint32_t i = 0; i < need->nvars; i++)
		req = arena_printf("%s%s%s", need->bits || i ? req : "", need->bits || i ? ", " : "",
			str_get(need->vars[i]));
	Diag *dg = cerr(c, CD_CAP_MISSING, sp, callee, req, have_text(&x->have));
	diag_hint(dg, "add 'with(%s)' to the calling function, or wrap the call in a trusted function",
		req);
}

static void builtin_caps(uint32_t bi, CapSet *s)
{
	memset(s, 0, sizeof *s);
	switch (bi) {
	case BI_PRINT_STRING: case BI_PRINT_INT: case BI_PRINT_CHAR: case BI_PRINT_BOOL:
	case BI_PRINT: case BI_PRINTLN:
		s->bits = C_CONSOLE;
		break;
	case BI_ALLOC: case BI_FREE: case BI_VEC_NEW: case BI_VEC_PUSH: case BI_VEC_POP:
	case BI_VEC_FREE: case BI_STR_RESERVE:
		/* append: Alloc in CHECKS.md 6.3 but not enforced by the reference
		 * (BUILTINS.md 2), and positive programs append without it */
		s->bits = C_ALLOC;
		break;
	case BI_GET_ARGS: case BI_ABORT:
		s->bits = C_PROCESS;
		break;
	case BI_CLOCK:
		s->bits = C_CLOCK;
		break;
	default:
		break;
	}
}

/* The set a function argument carries: a function name (possibly in
 * parentheses) or any fn-typed expression. */
static int ty_kind(Checker *c, uint32_t t);

static CapSet arg_set(Checker *c, uint32_t a)
{
	Node *n = NODE_AT(c->m, a);
	while (n->kind == NK_Paren)
		n = NODE_AT(c->m, n->Paren.expr);
	if ((n->kind == NK_Ident || n->kind == NK_Path) && n->aux && n->aux < c->m->nodes.n
		&& NODE_AT(c->m, n->aux)->kind == NK_FnDecl)
		return set_of_fn(c, n->aux);
	return set_of_type(c, n->ty);
}

/* C3/C4: a call of a function with capability variables (CHECKS.md 6.4). */
static void poly_call(CapCtx *x, uint32_t e, uint32_t fd, List args, uint32_t skip,
	const CapSet *need)
{
	Checker *c = x->c;
	Module *m = c->m;
	List pl = NODE_AT(m, fd)->FnDecl.params;
	const char *fname = callee_name(c, fd);
	Span sp = NODE_AT(m, e)->span;
	CapSet req = { need->bits, 0, { 0 } };
	for (uint32_t v = 0; v < need->nvars; v++) {
		Str var = need->vars[v];
		bool bound = false;
		for (uint32_t i = skip; i < pl.len && i - skip < args.len; i++) {
			CapSet pt = set_of_type(c, NODE_AT(m, LIST_AT(m, pl, i))->ty);
			if (!set_has_var(&pt, var))
				continue;
			CapSet as = arg_set(c, LIST_AT(m, args, i - skip));
			bound = true;
			req.bits |= as.bits;
			for (uint32_t k = 0; k < as.nvars; k++)
				set_add_var(&req, as.vars[k]);
		}
		if (!bound) {
			cerr(c, CD_CAP_INFER, sp, str_get(var), fname);
			return;
		}
	}
	const char *caller = str_get(NODE_AT(m, c->fn)->FnDecl.name);
	const char *miss = NULL;
	for (int k = 0; k < NCAP && !miss; k++)
		if ((req.bits & (1u << k)) && !(x->have.bits & (1u << k)))
			miss = cap_names[k];
	for (uint32_t k = 0; k < req.nvars && !miss; k++)
		if (!set_has_var(&x->have, req.vars[k]))
			miss = str_get(req.vars[k]);
	if (!miss)
		return;
	Diag *dg = cerr(c, CD_CAP_POLY, sp, fname, miss, caller);
	diag_hint(dg, "add 'with(%s)' to '%s', or wrap the call in a function that declares it",
		miss, caller);
}

/* A call of the function fd: polymorphic (6.4) or plain containment. */
static void call_fn(CapCtx *x, uint32_t e, uint32_t fd, List args, uint32_t skip)
{
	Checker *c = x->c;
	CapSet need = set_of_fn(c, fd);
	bool poly = false;
	for (uint32_t i = 0; i < need.nvars; i++)
		poly |= is_cap_param(c, fd, need.vars[i]);
	if (poly)
		poly_call(x, e, fd, args, skip, &need);
	else
		contain(x, NODE_AT(c->m, e)->span, callee_name(c, fd), &need);
}

/* destroy(v) runs the type's Destroy method: it needs that method's set
 * (BUILTINS.md 2, "callee's"). */
static void destroy_call(CapCtx *x, uint32_t e)
{
	Checker *c = x->c;
	List args = NODE_AT(c->m, e)->Call.args;
	if (args.len != 1)
		return;
	uint32_t t = NODE_AT(c->m, LIST_AT(c->m, args, 0))->ty;
	Str tn;
	if (ty_kind(c, t) == TK_Struct)
		tn = ty_at(c, t)->Struct.name;
	else if (ty_kind(c, t) == TK_Enum)
		tn = ty_at(c, t)->Enum.name;
	else
		return;
	uint32_t fd = FIND_FN(c, str_internz(arena_printf("%s_destroy", str_get(tn))));
	if (fd)
		call_fn(x, e, fd, args, 1);
}

static void call_expr(CapCtx *x, uint32_t e)
{
	Checker *c = x->c;
	Node *n = NODE_AT(c->m, e);
	uint32_t d = n->aux;
	CapSet need;
	if (d && d < c->m->nodes.n && NODE_AT(c->m, d)->kind == NK_FnDecl) {
		call_fn(x, e, d, n->Call.args, 0);
		return;
	}
	if (d && d < c->m->nodes.n) {          /* through a fn-pointer variable */
		need = set_of_type(c, NODE_AT(c->m, d)->ty);
		contain(x, n->span, str_get(n->Call.name), &need);
		return;
	}
	if (n->Call.qual)
		return;
	uint32_t bi = builtin_kind(n->Call.name);
	if (bi == BI_DESTROY) {
		destroy_call(x, e);
		return;
	}
	builtin_caps(bi, &need);
	if (need.bits)
		contain(x, n->span, str_get(n->Call.name), &need);
}

/* The builtin type name of a method receiver (String, Vec), or NULL. */
static const char *recv_tyname(Checker *c, uint32_t t)
{
	while (t && !ty_is_err(c, t) && (ty_at(c, t)->kind == TK_Ref))
		t = ty_at(c, t)->Ref.elem;
	if (!t || ty_is_err(c, t))
		return NULL;
	if (ty_at(c, t)->kind == TK_String)
		return "String";
	if (ty_at(c, t)->kind == TK_Vec)
		return "Vec";
	return NULL;
}

static void method_expr(CapCtx *x, uint32_t e)
{
	Checker *c = x->c;
	Node *n = NODE_AT(c->m, e);
	uint32_t d = n->aux;
	if (d && d < c->m->nodes.n && NODE_AT(c->m, d)->kind == NK_FnDecl) {
		call_fn(x, e, d, n->MethodCall.args, 1);
		return;
	}
	const char *tn = recv_tyname(c, NODE_AT(c->m, n->MethodCall.recv)->ty);
	if (!tn)
		return;
	Str name = str_internz(arena_printf("%s_%s", tn, str_get(n->MethodCall.name)));
	CapSet need;
	builtin_caps(builtin_kind(name), &need);
	if (need.bits)
		contain(x, n->span, str_get(name), &need);
}

static int ty_kind(Checker *c, uint32_t t)
{
	return !t || ty_is_err(c, t) ? -1 : (int)ty_at(c, t)->kind;
}

/* C2: an operation needing Unsafe (unless trusted) or Alloc. */
static void gated(CapCtx *x, Span sp, const char *op, unsigned cap)
{
	if (x->have.bits & cap)
		return;
	if (cap == C_UNSAFE && x->trusted)
		return;
	const char *cn = cap == C_UNSAFE ? "Unsafe" : "Alloc";
	Diag *dg = cerr(x->c, CD_CAP_OP, sp, op, cn);
	if (cap == C_UNSAFE)
		diag_hint(dg, "add 'with(Unsafe)' to the enclosing function, or wrap in a trusted function");
	else
		diag_hint(dg, "add 'with(Alloc)' to the enclosing function");
}

static void walk(CapCtx *x, uint32_t i);

static void walk_child(void *x, uint32_t i) { walk(x, i); }

static void walk_children(CapCtx *x, uint32_t i)
{
	node_each_child(x->c->m, i, walk_child, x);
}

/* The operations of CHECKS.md 5.2 and 5.1 found at node i. */
static bool walk_op(CapCtx *x, uint32_t i)
{
	Checker *c = x->c;
	Node *n = NODE_AT(c->m, i);
	switch (n->kind) {
	case NK_Call:
		call_expr(x, i);
		return false;
	case NK_MethodCall:
		method_expr(x, i);
		return false;
	case NK_Deref: {
		int k = ty_kind(c, NODE_AT(c->m, n->Deref.expr)->ty);
		if (k == TK_Ptr)
			gated(x, n->span, "*raw_ptr", C_UNSAFE);
		else if (k == TK_Heap)
			gated(x, n->span, "*heap_ptr", C_ALLOC);
		return false;
	}
	case NK_Assign: {
		uint32_t t = n->Assign.target;
		Node *tn = NODE_AT(c->m, t);
		if (tn->kind != NK_Deref || ty_kind(c, NODE_AT(c->m, tn->Deref.expr)->ty) != TK_Ptr)
			return false;
		gated(x, tn->span, "*raw_ptr=", C_UNSAFE);
		walk(x, tn->Deref.expr);
		walk(x, n->Assign.value);
		return true;
	}
	case NK_Binary: {
		int l = ty_kind(c, NODE_AT(c->m, n->Binary.lhs)->ty);
		int r = ty_kind(c, NODE_AT(c->m, n->Binary.rhs)->ty);
		if ((n->Binary.op == OP_Add || n->Binary.op == OP_Sub) && (l == TK_Ptr || r == TK_Ptr)
			&& (l == TK_Int || r == TK_Int))
			gated(x, n->span, "ptr_arith", C_UNSAFE);
		return false;
	}
	case NK_Cast: {
		int from = ty_kind(c, NODE_AT(c->m, n->Cast.expr)->ty);
		int to = ty_kind(c, n->ty);
		if ((from == TK_Ptr || to == TK_Ptr) && from != TK_Ref)
			gated(x, n->span, "unsafe_cast", C_UNSAFE);
		return false;
	}
	default:
		return false;
	}
}

static void walk(CapCtx *x, uint32_t i)
{
	if (!i || i >= x->c->m->nodes.n || x->depth > MAX_DEPTH)
		return;
	x->depth++;
	if (!walk_op(x, i))
		walk_children(x, i);
	x->depth--;
}

/* Names in a with(...) that are neither capabilities, `Std`, aliases (all
 * expanded by resolve.c) nor capability variables of the function. */
static void check_set_names(Checker *c, uint32_t fd, uint32_t t)
{
	CapSet s = set_of_type(c, t);
	for (uint32_t i = 0; i < s.nvars; i++)
		if (!is_cap_param(c, fd, s.vars[i]))
			cerr(c, CD_CAP_UNKNOWN, NODE_AT(c->m, fd)->span, str_get(s.vars[i]));
}

/* ... of the function and of its fn-pointer parameter types. */
static void check_names(Checker *c, uint32_t fd)
{
	check_set_names(c, fd, NODE_AT(c->m, fd)->ty);
	List pl = NODE_AT(c->m, fd)->FnDecl.params;
	for (uint32_t i = 0; i < pl.len; i++)
		check_set_names(c, fd, NODE_AT(c->m, LIST_AT(c->m, pl, i))->ty);
}

static void check_fn(Checker *c, uint32_t fd)
{
	Node *f = NODE_AT(c->m, fd);
	if (f->kind != NK_FnDecl)
		return;
	c->fn = fd;
	check_names(c, fd);
	if (f->FnDecl.body && !is_extern(c, fd)) {
		CapCtx x;
		memset(&x, 0, sizeof x);
		x.c = c;
		x.have = set_of_fn(c, fd);
		uint32_t ow = owner_of(c, fd);
		x.trusted = (f->FnDecl.flags & FL_TRUSTED)
			|| (ow && NODE_AT(c->m, ow)->kind == NK_ImplDecl
				&& (NODE_AT(c->m, ow)->ImplDecl.flags & FL_TRUSTED));
		walk(&x, NODE_AT(c->m, fd)->FnDecl.body);
	}
	c->fn = 0;
}

void check_caps(Checker *c)
{
	for (uint32_t i = 0; i < c->scopes.n; i++) {
		if (c->scopes.v[i].imported)
			continue;
		c->scope = i;
		c->modname = NODE_AT(c->m, c->scopes.v[i].node)->Module.name;
		for (uint32_t k = 0; k < c->scopes.v[i].syms.n; k++) {
			uint32_t it = c->scopes.v[i].syms.v[k].node;
			Node *n = NODE_AT(c->m, it);
			if (n->kind == NK_FnDecl) {
				check_fn(c, it);
			} else if (n->kind == NK_TraitDecl) {
				List ms = n->TraitDecl.methods;
				for (uint32_t j = 0; j < ms.len; j++)
					check_fn(c, LIST_AT(c->m, ms, j));
			}
		}
	}
	c->modname = 0;
}
