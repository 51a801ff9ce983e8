/* mono.c: monomorphization, impl methods and method calls
 * (LANGUAGE.md 4.2-4.4, ABI.md 11).
 *
 * A generic function is lowered once per distinct list of concrete type
 * arguments reachable from non-generic code: calls enqueue instances
 * (FnDecl, checked types) on a worklist that mono_finish drains.  While an
 * instance is lowered, `env` binds its type parameters to checked types;
 * tcopy asks mono_type first, which substitutes TK_Param in the checked
 * module (hash-consed, so the memo of tcopy stays valid per concrete type).
 * Generic struct instances become IrStructs of their own (`Pair_Int`). */
#include "lower.h"

typedef struct Bind { Str name; uint32_t ty; } Bind;
typedef VEC(Bind) Env;

typedef struct Inst {
	uint32_t fd;
	List args;              /* checked types, no TK_Param */
	Str sym;
} Inst;

typedef struct Method { Str type, name; uint32_t fd; } Method;

typedef struct Mono {
	Env env;
	uint32_t ntmap;         /* entries of l->tmap */
	uint32_t nnodes;        /* entries of owner/modp */
	uint32_t *owner;        /* method FnDecl -> ImplDecl */
	Str *modp;              /* FnDecl -> dotted module path */
	VEC(Inst) insts;
	VEC(Method) methods;
	bool too_deep;          /* reported a non-terminating instantiation */
} Mono;

void mono_init(L *l)
{
	Mono *mo = xcalloc(1, sizeof *mo);
	mo->ntmap = l->m->types.n + 1;
	mo->nnodes = l->m->nodes.n + 1;
	mo->owner = xcalloc(mo->nnodes, sizeof *mo->owner);
	mo->modp = xcalloc(mo->nnodes, sizeof *mo->modp);
	l->mono = mo;
}

void mono_free(L *l)
{
	Mono *mo = l->mono;
	if (!mo)
		return;
	free(mo->env.v);
	free(mo->owner);
	free(mo->modp);
	free(mo->insts.v);
	free(mo->methods.v);
	free(mo);
	l->mono = NULL;
}

static void lerr(L *l, Span sp, const char *msg)
{
	diag_add(l->d, SEV_ERROR, "lower", NULL, str_get(l->m->source), sp, "%s", msg);
}

/* ---- types ---- */

static bool has_param(L *l, uint32_t t)
{
	if (!t || t >= l->m->types.n)
		return false;
	Type *ty = TYPE_AT(l->m, t);
	switch (ty->kind) {
	case TK_Param: return true;
	case TK_Ref: return has_param(l, ty->Ref.elem);
	case TK_Ptr: return has_param(l, ty->Ptr.elem);
	case TK_Heap: return has_param(l, ty->Heap.elem);
	case TK_Vec: return has_param(l, ty->Vec.elem);
	case TK_HeapArray: return has_param(l, ty->HeapArray.elem);
	case TK_Array: return has_param(l, ty->Array.elem);
	case TK_Struct: case TK_Enum:
		for (uint32_t i = 0; i < ty->Struct.args.len; i++)
			if (has_param(l, LIST_AT(l->m, ty->Struct.args, i)))
				return true;
		return false;
	case TK_Fn:
		for (uint32_t i = 0; i < ty->Fn.params.len; i++)
			if (has_param(l, LIST_AT(l->m, ty->Fn.params, i)))
				return true;
		return has_param(l, ty->Fn.ret);
	default:
		return false;
	}
}

static uint32_t subst_list(L *l, List src, List *dst)
{
	uint32_t v[src.len + 1];
	for (uint32_t i = 0; i < src.len; i++)
		v[i] = mono_subst(l, LIST_AT(l->m, src, i));
	*dst = list_make(l->m, v, src.len);
	return src.len;
}

/* t with the type parameters of the current instance replaced. */
uint32_t mono_subst(L *l, uint32_t t)
{
	Mono *mo = l->mono;
	if (!mo || !mo->env.n || !has_param(l, t))
		return t;
	Type ty = *TYPE_AT(l->m, t);
	switch (ty.kind) {
	case TK_Param:
		for (uint32_t i = mo->env.n; i-- > 0;)
			if (mo->env.v[i].name == ty.Param.name)
				return mo->env.v[i].ty;
		return t;
	case TK_Ref: ty.Ref.elem = mono_subst(l, ty.Ref.elem); break;
	case TK_Ptr: ty.Ptr.elem = mono_subst(l, ty.Ptr.elem); break;
	case TK_Heap: ty.Heap.elem = mono_subst(l, ty.Heap.elem); break;
	case TK_Vec: ty.Vec.elem = mono_subst(l, ty.Vec.elem); break;
	case TK_HeapArray: ty.HeapArray.elem = mono_subst(l, ty.HeapArray.elem); break;
	case TK_Array: ty.Array.elem = mono_subst(l, ty.Array.elem); break;
	case TK_Struct: case TK_Enum:
		subst_list(l, ty.Struct.args, &ty.Struct.args);
		break;
	case TK_Fn:
		subst_list(l, ty.Fn.params, &ty.Fn.params);
		ty.Fn.ret = mono_subst(l, ty.Fn.ret);
		break;
	default:
		return t;
	}
	return type_intern(l->m, &ty);
}

/* Bind the type parameters of `generics` (GenericParam nodes of the
 * checked module) to args; returns the previous env size for pop_env. */
static uint32_t push_env(L *l, List generics, const uint32_t *args, uint32_t n)
{
	Mono *mo = l->mono;
	uint32_t mark = mo->env.n;
	uint32_t k = 0;
	for (uint32_t i = 0; i < generics.len; i++) {
		Node *g = N(LIST_AT(l->m, generics, i));
		if (g->kind != NK_GenericParam || (g->GenericParam.flags & FL_CAP))
			continue;
		Bind b = { g->GenericParam.name, k < n ? args[k] : 0 };
		k++;
		if (b.ty)
			vec_push(mo->env, b);
	}
	return mark;
}

/* tcopy of a checked type t whose decl-level generics are bound to args
 * (IR analogue of con-check's subst; for enum and newtype lowering). */
uint32_t tcopy_in(L *l, uint32_t t, List generics, List args)
{
	uint32_t av[args.len + 1];
	for (uint32_t i = 0; i < args.len; i++)
		av[i] = mono_subst(l, LIST_AT(l->m, args, i));
	Mono *mo = l->mono;
	/* Field types name only the declaration's own parameters. */
	Env saved = mo->env;
	memset(&mo->env, 0, sizeof mo->env);
	push_env(l, generics, av, args.len);
	uint32_t s = mono_subst(l, t);
	free(mo->env.v);
	mo->env = saved;
	return tcopy(l, s);
}

/* Hook at the top of tcopy: grows the memo as the checked type table grows
 * and substitutes the instance's parameters.  0 = tcopy goes on. */
uint32_t mono_type(L *l, uint32_t t)
{
	Mono *mo = l->mono;
	if (!mo)
		return 0;
	if (l->m->types.n + 1 > mo->ntmap) {
		uint32_t n = l->m->types.n * 2 + 16;
		l->tmap = realloc(l->tmap, n * sizeof *l->tmap);
		if (!l->tmap)
			abort();
		memset(l->tmap + mo->ntmap, 0, (n - mo->ntmap) * sizeof *l->tmap);
		mo->ntmap = n;
	}
	if (!mo->env.n || !has_param(l, t))
		return 0;
	uint32_t s = mono_subst(l, t);
	return s == t ? 0 : tcopy(l, s);
}

/* ABI.md 11 spelling of a type argument; nested arguments are appended
 * (`Vec_Int`) and references spelled out so instances never collide. */
static const char *targ_name(L *l, uint32_t t)
{
	return type_symbol_name(l->m, t, false);
}

/* Name of a struct type in the IR: `Pair_Int` for an instance. */
Str mono_struct_name(L *l, uint32_t t)
{
	Type *ty = TYPE_AT(l->m, t);
	if (!ty->Struct.args.len)
		return ty->Struct.name;
	return str_internz(targ_name(l, t));
}

/* A field type of struct instance t (declared with the struct's own
 * parameters) with the instance's arguments substituted. */
uint32_t mono_field_type(L *l, uint32_t t, uint32_t fty)
{
	Type *ty = TYPE_AT(l->m, t);
	uint32_t decl = ty->Struct.decl;
	List args = ty->Struct.args;
	if (!args.len || !decl || decl >= l->m->nodes.n || N(decl)->kind != NK_StructDecl)
		return tcopy(l, fty);
	return tcopy_in(l, fty, N(decl)->StructDecl.generics, args);
}

/* ---- naming and instances ---- */

static List impl_generics(L *l, uint32_t fd)
{
	Mono *mo = l->mono;
	uint32_t im = fd < mo->nnodes ? mo->owner[fd] : 0;
	return im ? N(im)->ImplDecl.generics : (List){ 0, 0 };
}

static uint32_t nparams(L *l, List g)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < g.len; i++) {
		Node *gp = N(LIST_AT(l->m, g, i));
		n += gp->kind == NK_GenericParam && !(gp->GenericParam.flags & FL_CAP);
	}
	return n;
}

static bool is_generic(L *l, uint32_t fd)
{
	return nparams(l, impl_generics(l, fd)) + nparams(l, N(fd)->FnDecl.generics) > 0;
}

/* Symbols of impl methods (`Point_len`, after the module prefix) and the
 * method table used to resolve calls on type parameters per instance. */
void mono_name_item(L *l, uint32_t it, const char *prefix)
{
	Mono *mo = l->mono;
	if (N(it)->kind == NK_FnDecl) {
		if (!l->sym[it])
			l->sym[it] = str_internz(arena_printf("%s%s", prefix, str_get(N(it)->FnDecl.name)));
		return;
	}
	if (N(it)->kind != NK_ImplDecl)
		return;
	List ms = N(it)->ImplDecl.methods;
	Str target = N(it)->ImplDecl.target;
	static const char *const alias[][2] = {     /* as con-check's canon_target */
		{ "i64", "Int" }, { "u64", "Uint" }, { "bool", "Bool" }, { "char", "Char" },
		{ "f64", "Float64" }, { "f32", "Float32" },
	};
	for (size_t i = 0; i < sizeof alias / sizeof *alias; i++)
		if (!strcmp(str_get(target), alias[i][0]))
			target = str_internz(alias[i][1]);
	for (uint32_t i = 0; i < ms.len; i++) {
		uint32_t fd = LIST_AT(l->m, ms, i);
		if (N(fd)->kind != NK_FnDecl || fd >= mo->nnodes)
			continue;
		mo->owner[fd] = it;
		l->sym[fd] = str_internz(arena_printf("%s%s_%s", prefix, str_get(target),
			str_get(N(fd)->FnDecl.name)));
		Method me = { target, N(fd)->FnDecl.name, fd };
		vec_push(mo->methods, me);
	}
}

/* Non-generic impl methods are lowered like functions; generic functions
 * only remember their module path for their instances. */
void mono_lower_item(L *l, uint32_t it, Str modpath)
{
	Mono *mo = l->mono;
	if (N(it)->kind == NK_FnDecl) {
		if (it < mo->nnodes)
			mo->modp[it] = modpath;
		return;
	}
	if (N(it)->kind != NK_ImplDecl)
		return;
	List ms = N(it)->ImplDecl.methods;
	for (uint32_t i = 0; i < ms.len; i++) {
		uint32_t fd = LIST_AT(l->m, ms, i);
		if (N(fd)->kind != NK_FnDecl || fd >= mo->nnodes)
			continue;
		mo->modp[fd] = modpath;
		/* a method of a `mod x;` file comes without its body: declared */
		if (!is_generic(l, fd))
			lower_fn(l, fd, modpath);
	}
}

/* The symbol of fd instantiated with inst (checked types, possibly naming
 * the parameters of the instance being lowered); enqueues new instances. */
Str mono_callee(L *l, uint32_t fd, List inst)
{
	Mono *mo = l->mono;
	if (!is_generic(l, fd))
		return l->sym[fd];
	uint32_t n = inst.len;
	uint32_t av[n + 1];
	const char *sfx = "";
	for (uint32_t i = 0; i < n; i++) {
		av[i] = mono_subst(l, LIST_AT(l->m, inst, i));
		sfx = arena_printf("%s_%s", sfx, targ_name(l, av[i]));
	}
	for (uint32_t i = 0; i < mo->insts.n; i++) {
		Inst *in = &mo->insts.v[i];
		if (in->fd != fd || in->args.len != n)
			continue;
		bool same = true;
		for (uint32_t k = 0; k < n && same; k++)
			same = LIST_AT(l->m, in->args, k) == av[k];
		if (same)
			return in->sym;
	}
	for (uint32_t i = 0; i < n; i++)
		if (has_param(l, av[i]))
			lerr(l, N(fd)->span, "generic instance with an unbound type parameter");
	/* Polymorphic recursion (f<T> calling f<S<T>>) never ends. */
	if (strlen(sfx) > 1000 || mo->insts.n >= 20000) {
		if (!mo->too_deep)
			lerr(l, N(fd)->span, arena_printf("generic instantiation of '%s' does not terminate",
				str_get(N(fd)->FnDecl.name)));
		mo->too_deep = true;
		return l->sym[fd];
	}
	Inst in = { fd, list_make(l->m, av, n),
		str_internz(arena_printf("%s_for%s", str_get(l->sym[fd]), sfx)) };
	vec_push(mo->insts, in);
	return in.sym;
}

static uint32_t first_child(L *l, uint32_t fd)
{
	Node *f = N(fd);
	uint32_t lo = fd;
	List ls[3] = { f->FnDecl.attrs, f->FnDecl.generics, f->FnDecl.params };
	for (int i = 0; i < 3; i++)
		if (ls[i].len && LIST_AT(l->m, ls[i], 0) < lo)
			lo = LIST_AT(l->m, ls[i], 0);
	if (f->FnDecl.ret && f->FnDecl.ret < lo)
		lo = f->FnDecl.ret;
	if (f->FnDecl.body && f->FnDecl.body < lo)
		lo = f->FnDecl.body;
	return lo;
}

/* [REF] LANGUAGE.md 4.4: arithmetic on a type parameter is accepted in the
 * generic body; an instance with a non-numeric argument is an error.  The
 * parser numbers a function's nodes before the FnDecl itself, so its
 * operators lie between its first child and it. */
static bool check_instance_ops(L *l, uint32_t fd)
{
	bool ok = true;
	for (uint32_t i = first_child(l, fd); i < fd && ok; i++) {
		Node *n = N(i);
		if (n->kind != NK_Binary || n->Binary.op < OP_Eq)
			continue;
		uint32_t t = N(n->Binary.lhs)->ty;
		if (!has_param(l, t))
			continue;
		uint32_t ct = mono_subst(l, t);
		int k = ct < l->m->types.n ? TYPE_AT(l->m, ct)->kind : TK_Error;
		int64_t op = n->Binary.op;
		bool cmp = op <= OP_Ge, bit = op >= OP_BitOr && op <= OP_Shr;
		bool fits = k == TK_Int || (k == TK_Float && !bit)
			|| (cmp && (k == TK_Char || k == TK_Bool));
		if (!fits) {
			lerr(l, n->span, arena_printf(cmp ? "type mismatch: cannot compare values of type %s"
				: "arithmetic operator on non-numeric type: %s", type_name(l->m, ct)));
			ok = false;
		}
	}
	return ok;
}

static void lower_instance(L *l, Inst in)
{
	Mono *mo = l->mono;
	uint32_t fd = in.fd;
	List ig = impl_generics(l, fd);
	uint32_t ni = nparams(l, ig);
	uint32_t av[in.args.len + 1];
	for (uint32_t i = 0; i < in.args.len; i++)
		av[i] = LIST_AT(l->m, in.args, i);
	mo->env.n = 0;
	push_env(l, ig, av, ni < in.args.len ? ni : in.args.len);
	if (in.args.len > ni)
		push_env(l, N(fd)->FnDecl.generics, av + ni, in.args.len - ni);
	if (!check_instance_ops(l, fd)) {
		mo->env.n = 0;
		return;
	}
	Str saved = l->sym[fd];
	l->sym[fd] = in.sym;
	/* Let slots are memoised per node; an instance lowers the body again. */
	memset(l->slot, 0, (mo->nnodes) * sizeof *l->slot);
	uint32_t at = l->funcs.n;
	lower_fn(l, fd, fd < mo->nnodes && mo->modp[fd] ? mo->modp[fd] : l->m->name);
	/* The root object and the objects of `mod x;` files may instantiate the
	 * same generic (ARCHITECTURE.md 4): module files emit their copies
	 * linkonce_odr under the one instance symbol, so the linker keeps one
	 * copy.  The root object keeps a plain definition (ABI.md 11: tests grep
	 * `define i64 @identity_for_Int`), which the linker prefers to the
	 * linkonce_odr ones. */
	List tops = N(l->m->root)->File.modules;
	if (at < l->funcs.n && tops.len >= 1      /* then --lib stubs, if any */
		&& (N(LIST_AT(l->m, tops, 0))->Module.flags & FL_FILE_MODULE))
		NODE_AT(l->o, l->funcs.v[at])->IrFunc.flags |= FL_LINKONCE;
	l->sym[fd] = saved;
	mo->env.n = 0;
}

/* Lower every instance reachable so far; lowering one may add more. */
void mono_finish(L *l)
{
	Mono *mo = l->mono;
	for (uint32_t i = 0; i < mo->insts.n && !mo->too_deep; i++)
		lower_instance(l, mo->insts.v[i]);
}

/* ---- calls ---- */

/* Arguments of a Call; destroy(x) on a `&self` method passes &x. */
uint32_t mono_call_args(L *l, uint32_t n, uint32_t *out)
{
	List args = N(n)->Call.args;
	if (!(N(n)->Call.flags & FL_RECV_REF) || !args.len)
		return lower_args(l, args, out);
	out[0] = lower_addr(l, LIST_AT(l->m, args, 0));
	for (uint32_t i = 1; i < args.len; i++)
		out[i] = lower_expr(l, LIST_AT(l->m, args, i));
	return args.len;
}

static const char *base_name(L *l, uint32_t t)
{
	const char *b = type_symbol_name(l->m, t, true);
	return b ? b : targ_name(l, t);
}

/* A method of a trait bound: the concrete type's `Type_m` for this
 * instance, with the type's arguments as the impl's. */
static uint32_t resolve_bound_call(L *l, uint32_t n, uint32_t *inst, uint32_t *ninst)
{
	Mono *mo = l->mono;
	uint32_t rt = N(N(n)->MethodCall.recv)->ty;
	if (rt < l->m->types.n && TYPE_AT(l->m, rt)->kind == TK_Ref)
		rt = TYPE_AT(l->m, rt)->Ref.elem;
	uint32_t ct = mono_subst(l, rt);
	Str tn = str_internz(base_name(l, ct)), mn = N(n)->MethodCall.name;
	uint32_t fd = 0;
	for (uint32_t i = 0; i < mo->methods.n && !fd; i++)
		if (mo->methods.v[i].type == tn && mo->methods.v[i].name == mn)
			fd = mo->methods.v[i].fd;
	if (!fd) {
		lerr(l, N(n)->span, arena_printf("no method '%s' on type '%s' for this instance",
			str_get(mn), str_get(tn)));
		return 0;
	}
	uint32_t k = 0;
	Type *cty = TYPE_AT(l->m, ct);
	uint32_t ni = nparams(l, impl_generics(l, fd));
	if ((cty->kind == TK_Struct || cty->kind == TK_Enum))
		for (uint32_t i = 0; i < cty->Struct.args.len && k < ni; i++)
			inst[k++] = LIST_AT(l->m, cty->Struct.args, i);
	List own = N(n)->MethodCall.inst;
	for (uint32_t i = 0; i < own.len; i++)
		inst[k++] = LIST_AT(l->m, own, i);
	*ninst = k;
	return fd;
}

uint32_t lower_methodcall(L *l, uint32_t n)
{
	uint32_t fd = N(n)->aux < l->m->nodes.n ? N(n)->aux : 0;
	if (!fd)   /* String/Vec builtin through method syntax */
		return lower_builtin_method(l, n);   /* builtins.c */
	if (N(fd)->kind != NK_FnDecl) {
		lerr(l, N(n)->span, "malformed checked AST: method call without a method");
		return 0;
	}
	uint32_t ret = nty(l, n);
	uint32_t recv = N(n)->MethodCall.recv;
	int64_t fl = N(n)->MethodCall.flags;
	List args = N(n)->MethodCall.args;
	uint32_t av[args.len + 2];
	if (fl & (FL_RECV_REF | FL_RECV_MUT)) {
		av[0] = lower_addr(l, recv);
	} else if (fl & FL_RECV_DEREF) {
		uint32_t rt = nty(l, recv);
		uint32_t p = lower_expr(l, recv);
		av[0] = load(l, p, TYPE_AT(l->o, rt)->Ref.elem);
	} else {
		av[0] = lower_expr(l, recv);
	}
	for (uint32_t i = 0; i < args.len; i++)
		av[i + 1] = lower_expr(l, LIST_AT(l->m, args, i));
	Str sym;
	/* a trait's signature (no body, no impl); imported methods have an impl */
	if (!N(fd)->FnDecl.body && !(N(fd)->FnDecl.flags & FL_EXTERN)
		&& !(fd < l->mono->nnodes && l->mono->owner[fd])) {
		uint32_t cap = N(n)->MethodCall.inst.len + 64;
		uint32_t inst[cap], ni = 0;
		fd = resolve_bound_call(l, n, inst, &ni);
		if (!fd)
			return 0;
		sym = mono_callee(l, fd, list_make(l->m, inst, ni));
	} else {
		sym = mono_callee(l, fd, N(n)->MethodCall.inst);
	}
	uint32_t c = emit(l, NK_ICall, ret);
	List al = list_make(l->o, av, args.len + 1);
	NODE_AT(l->o, c)->ICall.callee = sym;
	NODE_AT(l->o, c)->ICall.args = al;
	if (okind(l, ret) == TK_Never) {
		unreachable(l);
		return 0;
	}
	return is_void(l, ret) ? 0 : c;
}
