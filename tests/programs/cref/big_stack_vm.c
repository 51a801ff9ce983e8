#include "rt.h"
#include <string.h>
enum { Push, Add, Sub, Mul, Div, Mod, Lt, Dup, Swap, Over, Drop, Jmp, Jz, Call, Ret, Load, Store, Print, Halt };
enum { Underflow, Overflow, DivZero, BadJump, StepLimit };
typedef struct { int op; int64_t a; } Op;
typedef struct { Op code[64]; int64_t n; int64_t stack[16], sp, rstack[4], rsp, mem[4], pc, steps; } M;
static int fault;
#define TRY(e) do { if (!(e)) return 0; } while (0)
static int push(M *m, int64_t v) { if (m->sp >= 16) { fault = Overflow; return 0; } m->stack[m->sp++] = v; return 1; }
static int pop(M *m, int64_t *o) { if (m->sp <= 0) { fault = Underflow; return 0; } m->sp--; *o = m->stack[m->sp]; return 1; }
static int jump(M *m, int64_t to) { if (to < 0 || to >= m->n) { fault = BadJump; return 0; } m->pc = to; return 1; }
/* returns 0 on fault, else sets *more */
static int step(M *m, int64_t *more) {
    Op op = m->code[m->pc]; m->pc++; m->steps++;
    int64_t a, b, c, v;
    switch (op.op) {
    case Push: TRY(push(m, op.a)); break;
    case Add: TRY(pop(m, &b)); TRY(pop(m, &a)); TRY(push(m, a + b)); break;
    case Sub: TRY(pop(m, &b)); TRY(pop(m, &a)); TRY(push(m, a - b)); break;
    case Mul: TRY(pop(m, &b)); TRY(pop(m, &a)); TRY(push(m, a * b)); break;
    case Div: TRY(pop(m, &b)); TRY(pop(m, &a)); if (b == 0) { fault = DivZero; return 0; } TRY(push(m, a / b)); break;
    case Mod: TRY(pop(m, &b)); TRY(pop(m, &a)); if (b == 0) { fault = DivZero; return 0; } TRY(push(m, a % b)); break;
    case Lt: TRY(pop(m, &b)); TRY(pop(m, &a)); TRY(push(m, a < b ? 1 : 0)); break;
    case Dup: TRY(pop(m, &a)); TRY(push(m, a)); TRY(push(m, a)); break;
    case Swap: TRY(pop(m, &b)); TRY(pop(m, &a)); TRY(push(m, b)); TRY(push(m, a)); break;
    case Over: TRY(pop(m, &b)); TRY(pop(m, &a)); TRY(push(m, a)); TRY(push(m, b)); TRY(push(m, a)); break;
    case Drop: TRY(pop(m, &a)); break;
    case Jmp: TRY(jump(m, op.a)); break;
    case Jz: TRY(pop(m, &c)); if (c == 0) TRY(jump(m, op.a)); break;
    case Call: if (m->rsp >= 4) { fault = Overflow; return 0; } m->rstack[m->rsp++] = m->pc; TRY(jump(m, op.a)); break;
    case Ret: if (m->rsp == 0) { *more = 0; return 1; } m->rsp--; m->pc = m->rstack[m->rsp]; break;
    case Load: TRY(push(m, m->mem[op.a])); break;
    case Store: TRY(pop(m, &v)); m->mem[op.a] = v; break;
    case Print: TRY(pop(m, &v)); printf("  out %lld\n", (long long)v); break;
    case Halt: *more = 0; return 1;
    }
    *more = m->pc >= m->n ? 0 : 1; return 1;
}
static int run(M *m, int64_t limit, int64_t *res) {
    for (;;) {
        if (m->steps >= limit) { fault = StepLimit; return 0; }
        int64_t more; TRY(step(m, &more)); if (more == 0) break;
    }
    *res = m->sp == 0 ? -1 : m->stack[m->sp - 1]; return 1;
}
static M cur;
static void P(int op, int64_t a) { cur.code[cur.n++] = (Op){op, a}; }
static void P0(int op) { P(op, 0); }
static const char *fnames[] = {"stack underflow", "stack overflow", "division by zero", "bad jump", "step limit"};
static int64_t execute(const char *name, int64_t limit) {
    printf("program %s (%lld ops)\n", name, (long long)cur.n);
    M *m = &cur; int64_t v, score;
    if (run(m, limit, &v)) { printf("  result %lld after %lld steps, depth %lld\n", (long long)v, (long long)m->steps, (long long)m->sp); score = v; }
    else { printf("  fault %s at pc %lld after %lld steps\n", fnames[fault], (long long)(m->pc - 1), (long long)m->steps); score = -1; }
    memset(&cur, 0, sizeof cur);
    return score;
}
int main(void) {
    P(Push,10); P(Store,0); P(Push,1); P(Store,1); P(Load,0); P(Jz,0); P(Load,1); P(Load,0); P0(Mul); P(Store,1);
    P(Load,0); P(Push,1); P0(Sub); P(Store,0); P(Jmp,4); P(Load,1); P0(Halt); cur.code[5] = (Op){Jz,15};
    int64_t r1 = execute("fact", 1000);
    P(Push,0); for (int k = 1; k <= 5; k++) { P(Push,k); P(Call,12); } P(Jmp,15); P0(Dup); P0(Mul); P0(Ret);
    P0(Add); P0(Add); P0(Add); P0(Add); P0(Add); P0(Dup); P0(Print);
    int64_t r2 = execute("squares", 1000);
    P(Push,1071); P(Push,462); P0(Dup); P(Jz,8); P0(Swap); P0(Over); P0(Mod); P(Jmp,2); P0(Drop); P0(Dup); P0(Print);
    int64_t r3 = execute("gcd", 1000);
    P(Push,7); P(Push,3); P(Push,3); P0(Sub); P0(Div); int64_t r4 = execute("divzero", 100);
    P(Push,1); P0(Add); int64_t r5 = execute("underflow", 100);
    P(Push,1); P(Push,2); P0(Lt); P(Jz,5); P(Jmp,0); int64_t r6 = execute("spin", 50);
    P(Push,1); P0(Dup); P(Jmp,1); int64_t r7 = execute("overflow", 100);
    P(Push,0); P(Jz,99); int64_t r8 = execute("badjump", 100);
    printf("results %lld %lld %lld %lld\n", (long long)r1, (long long)r2, (long long)r3, (long long)(r4 + r5 + r6 + r7 + r8));
    RET(r1 + r2 + r3);
}
