/* borrowck.c: the borrow rules of CHECKS.md 4.1-4.3, run over each function
 * body after it was type-checked (the Ident/Borrow resolutions in aux are
 * what it follows).
 *
 * - borrow blocks freeze their owner: any use of it inside the block is
 *   E0203, an assignment to it E0218 (4.2 rules 4 and 7);
 * - a borrow-block ref may not escape as the bare value of `let y = r;`,
 *   `x = r;`, `obj.f = r;` or `return r;` (E0234, and nothing more: 4.2);
 * - `let r = &x;` / `let r = &mut x;` records a named reference to x, live
 *   until r is consumed (a `&T` never is) or goes out of scope; while it is
 *   live `&x` conflicts with a named `&mut` (E0231) and `&mut x` with any
 *   (E0232) (4.1, 4.3).
 *
 * The mut rules of `&mut x` (E0233) and the dereference and heap access
 * rules are typing rules and live in types.c, stmt.c and builtins.c.
 * Consumption of a named `&mut` follows CHECKS.md 2.3 loosely: a branch
 * that consumes it ends its liveness for the rest of the function, which
 * accepts rather than rejects when branches differ. */
#include <stdlib.h>

#include "check.h"

/* A named reference `let r = &[mut] x;`. */
typedef struct NamedRef {
	uint32_t let;       /* the Let declaring r */
	uint32_t owner;     /* x's declaration */
	bool mut;
	bool dead;          /* r was consumed */
} NamedRef;

/* The owner of an enclosing borrow block. */
typedef struct Frozen {
	uint32_t owner;     /* its declaration */
	uint32_t borrow;    /* the Borrow node */
} Frozen;

typedef struct Bck {
	Checker *c;
	VEC(NamedRef) refs;
	VEC(Frozen) frozen;
	bool failed;        /* the current statement already has a borrow error */
	unsigned depth;
} Bck;

static void walk(Bck *b, uint32_t x);

static bool valid(Bck *b, uint32_t x)
{
	return x && x < b->c->m->nodes.n;
}

static Node *at(Bck *b, uint32_t x)
{
	return NODE_AT(b->c->m, x);
}

static int kind_of_node(Bck *b, uint32_t x)
{
	return valid(b, x) ? at(b, x)->kind : NK_None;
}

/* The declaration a bare identifier names, 0 if x is not one. */
static uint32_t ident_decl(Bck *b, uint32_t x)
{
	return kind_of_node(b, x) == NK_Ident ? at(b, x)->aux : 0;
}

/* x is a bare identifier naming a borrow-block ref. */
static bool is_block_ref(Bck *b, uint32_t x)
{
	uint32_t d = ident_decl(b, x);
	return d && kind_of_node(b, d) == NK_Borrow;
}

static Frozen *frozen_find(Bck *b, uint32_t decl)
{
	if (!decl)
		return NULL;
	for (uint32_t i = b->frozen.n; i-- > 0;)
		if (b->frozen.v[i].owner == decl)
			return &b->frozen.v[i];
	return NULL;
}

static NamedRef *ref_find(Bck *b, uint32_t let)
{
	for (uint32_t i = 0; i < b->refs.n; i++)
		if (b->refs.v[i].let == let)
			return &b->refs.v[i];
	return NULL;
}

/* A live named reference to owner (a mutable one when only_mut). */
static NamedRef *ref_live(Bck *b, uint32_t owner, bool only_mut)
{
	for (uint32_t i = b->refs.n; i-- > 0;) {
		NamedRef *r = &b->refs.v[i];
		if (r->owner == owner && !r->dead && (r->mut || !only_mut))
			return r;
	}
	return NULL;
}

/* One error per statement: the reference resets a failed statement. */
static Diag *berr(Bck *b, CDiagId id, Span sp, const char *name)
{
	if (b->failed)
		return NULL;
	b->failed = true;
	return cerr(b->c, id, sp, name);
}

static void note_borrow(Bck *b, Diag *dg, const Frozen *f)
{
	if (!dg)
		return;
	Node *bn = at(b, f->borrow);
	diag_note(dg, bn->span, "'%s' is borrowed as '%s' in this block",
		str_get(bn->Borrow.owner), str_get(bn->Borrow.ref));
	diag_hint(dg, "use '%s' inside the borrow block", str_get(bn->Borrow.ref));
}

static void frozen_use(Bck *b, uint32_t x)
{
	Frozen *f = frozen_find(b, at(b, x)->aux);
	if (!f)
		return;
	Diag *dg = berr(b, CD_FROZEN, at(b, x)->span, str_get(at(b, x)->Ident.name));
	note_borrow(b, dg, f);
}

/* A consuming use of a named `&mut` ends its liveness (4.3). */
static void consume(Bck *b, uint32_t x)
{
	uint32_t d = ident_decl(b, x);
	NamedRef *r = d && kind_of_node(b, d) == NK_Let ? ref_find(b, d) : NULL;
	if (r)
		r->dead = true;
}

static void escape(Bck *b, uint32_t val, Span sp)
{
	if (!is_block_ref(b, val))
		return;
	Diag *dg = berr(b, CD_BORROW_ESCAPE, sp, str_get(at(b, val)->Ident.name));
	if (dg)
		diag_hint(dg, "copy the data before the borrow block ends");
}

/* ---- statements ---- */

static void walk_block(Bck *b, uint32_t blk)
{
	List sl = at(b, blk)->Block.stmts;
	uint32_t saved = b->refs.n;
	for (uint32_t i = 0; i < sl.len; i++) {
		b->failed = false;
		walk(b, LIST_AT(b->c->m, sl, i));
	}
	b->failed = false;
	b->refs.n = saved;     /* its named refs go out of scope */
}

static void walk_let(Bck *b, uint32_t s)
{
	uint32_t val = at(b, s)->Let.value;
	escape(b, val, at(b, s)->span);
	walk(b, val);
	if (b->failed || kind_of_node(b, val) != NK_AddrOf)
		return;
	uint32_t owner = ident_decl(b, at(b, val)->AddrOf.expr);
	if (!owner)
		return;
	NamedRef r = { s, owner, (at(b, val)->AddrOf.flags & FL_MUT) != 0, false };
	vec_push(b->refs, r);
}

static void walk_assign(Bck *b, uint32_t s)
{
	uint32_t tgt = at(b, s)->Assign.target, val = at(b, s)->Assign.value;
	int tk = kind_of_node(b, tgt);
	if (tk == NK_Ident || tk == NK_FieldGet)
		escape(b, val, at(b, s)->span);
	Frozen *f = tk == NK_Ident ? frozen_find(b, at(b, tgt)->aux) : NULL;
	if (f) {
		Diag *dg = berr(b, CD_ASSIGN_FROZEN, at(b, tgt)->span,
			str_get(at(b, tgt)->Ident.name));
		note_borrow(b, dg, f);
	} else {
		walk(b, tgt);
	}
	walk(b, val);
}

static void walk_borrow(Bck *b, uint32_t s)
{
	Node *n = at(b, s);
	Frozen *f = frozen_find(b, n->aux);
	if (f) {
		Diag *dg = berr(b, CD_FROZEN, n->span, str_get(n->Borrow.owner));
		note_borrow(b, dg, f);
	}
	Frozen nf = { n->aux, s };
	uint32_t saved = b->frozen.n;
	if (n->aux)
		vec_push(b->frozen, nf);
	bool failed = b->failed;
	walk(b, n->Borrow.body);
	b->failed = failed;
	b->frozen.n = saved;
}

/* ---- expressions ---- */

/* `&x` / `&mut x` against the live named references to x (4.1). */
static void walk_addrof(Bck *b, uint32_t e)
{
	uint32_t x = at(b, e)->AddrOf.expr;
	bool mut = (at(b, e)->AddrOf.flags & FL_MUT) != 0;
	walk(b, x);
	uint32_t owner = ident_decl(b, x);
	if (!owner || b->failed)
		return;
	NamedRef *r = ref_live(b, owner, !mut);
	if (!r)
		return;
	const char *name = str_get(at(b, x)->Ident.name);
	Diag *dg = berr(b, mut ? CD_ALREADY_BORROWED : CD_ALREADY_MUT_BORROWED,
		at(b, x)->span, name);
	if (!dg)
		return;
	Node *ln = at(b, r->let);
	diag_note(dg, ln->span, "'%s' borrows '%s'%s here and is still live",
		str_get(ln->Let.name), name, r->mut ? " mutably" : "");
	diag_hint(dg, "%s", r->mut ? "a named '&mut' stays live until it is consumed"
		: "a named '&' reference stays live for the rest of its block");
}

/* Argument i of a call of fd consumes a bare identifier unless fd is a free
 * function whose parameter is a reference (CHECKS.md 2.3). */
static bool arg_consumes(Bck *b, uint32_t fd, uint32_t i)
{
	if (kind_of_node(b, fd) != NK_FnDecl || owner_of(b->c, fd))
		return true;
	List pl = at(b, fd)->FnDecl.params;
	if (i >= pl.len)
		return true;
	uint32_t pt = at(b, LIST_AT(b->c->m, pl, i))->ty;
	return !(pt && ty_at(b->c, pt)->kind == TK_Ref);
}

static void walk_call(Bck *b, uint32_t e)
{
	uint32_t fd = at(b, e)->aux;
	List al = at(b, e)->Call.args;
	for (uint32_t i = 0; i < al.len; i++) {
		uint32_t a = LIST_AT(b->c->m, al, i);
		walk(b, a);
		if (fd && arg_consumes(b, fd, i))
			consume(b, a);
	}
	walk(b, at(b, e)->Call.alloc);
}

static void walk_methodcall(Bck *b, uint32_t e)
{
	walk(b, at(b, e)->MethodCall.recv);
	List al = at(b, e)->MethodCall.args;
	for (uint32_t i = 0; i < al.len; i++) {
		uint32_t a = LIST_AT(b->c->m, al, i);
		walk(b, a);
		consume(b, a);
	}
}

/* Every node and list child in schema order (evaluation order). */
static void walk_child(void *b, uint32_t x) { walk(b, x); }

static void walk_children(Bck *b, uint32_t x)
{
	node_each_child(b->c->m, x, walk_child, b);
}

static void walk(Bck *b, uint32_t x)
{
	if (!valid(b, x) || b->depth >= MAX_DEPTH)
		return;
	b->depth++;
	switch (at(b, x)->kind) {
	case NK_Block: walk_block(b, x); break;
	case NK_Let: walk_let(b, x); break;
	case NK_Assign: walk_assign(b, x); break;
	case NK_Borrow: walk_borrow(b, x); break;
	case NK_Return:
		escape(b, at(b, x)->Return.value, at(b, x)->span);
		walk(b, at(b, x)->Return.value);
		consume(b, at(b, x)->Return.value);
		break;
	case NK_Ident: frozen_use(b, x); break;
	case NK_AddrOf: walk_addrof(b, x); break;
	case NK_Call: walk_call(b, x); break;
	case NK_MethodCall: walk_methodcall(b, x); break;
	case NK_FieldInit:
		walk(b, at(b, x)->FieldInit.value);
		consume(b, at(b, x)->FieldInit.value);
		break;
	case NK_FnDecl:         /* no nested functions in bodies */
		break;
	default: walk_children(b, x); break;
	}
	b->depth--;
}

void borrowck_fn(Checker *c, uint32_t fd)
{
	Bck b = { 0 };
	b.c = c;
	walk(&b, NODE_AT(c->m, fd)->FnDecl.body);
	free(b.refs.v);
	free(b.frozen.v);
}
