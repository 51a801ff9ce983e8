#include "rt.h"
typedef struct { uint32_t id; int64_t balance; bool frozen; int64_t overdraft; } Acc;
enum { NoSuch, Insufficient, Frozen, Invalid };
typedef struct { int k; uint32_t id; int64_t need, have, amount; } Err;
static Acc A[3]; static int64_t NA = 3, okc, failc; static Err E;
static int find(uint32_t id, int64_t *o) { for (int64_t i = 0; i < NA; i++) if (A[i].id == id) { *o = i; return 1; } E.k = NoSuch; E.id = id; return 0; }
static int deposit(uint32_t id, int64_t amt, int64_t *o) { if (amt <= 0) { E.k = Invalid; E.amount = amt; return 0; } int64_t i; if (!find(id, &i)) return 0;
    if (A[i].frozen) { E.k = Frozen; E.id = id; return 0; } A[i].balance += amt; *o = A[i].balance; return 1; }
static int withdraw(uint32_t id, int64_t amt, int64_t *o) { if (amt <= 0) { E.k = Invalid; E.amount = amt; return 0; } int64_t i; if (!find(id, &i)) return 0;
    if (A[i].frozen) { E.k = Frozen; E.id = id; return 0; }
    if (A[i].balance + A[i].overdraft < amt) { E.k = Insufficient; E.need = amt; E.have = A[i].balance + A[i].overdraft; return 0; }
    A[i].balance -= amt; *o = A[i].balance; return 1; }
static int transfer(uint32_t f, uint32_t t, int64_t amt, int64_t *o) { int64_t x; if (!withdraw(f, amt, &x)) return 0;
    if (deposit(t, amt, o)) return 1; Err e = E; int64_t i; if (!find(f, &i)) return 0; A[i].balance += amt; E = e; return 0; }
static int interest(int64_t bp, int64_t *o) { int64_t paid = 0; for (int64_t i = 0; i < NA; i++) if (A[i].balance > 0 && !A[i].frozen) { int64_t g = A[i].balance * bp / 10000; A[i].balance += g; paid += g; } *o = paid; return 1; }
static void describe(int64_t n, int ok, int64_t v) {
    printf("#%lld ", (long long)n);
    if (ok) { printf("ok %lld", (long long)v); okc++; }
    else { switch (E.k) { case NoSuch: printf("no account %u", E.id); break; case Insufficient: printf("insufficient: need %lld have %lld", (long long)E.need, (long long)E.have); break;
        case Frozen: printf("account %u frozen", E.id); break; case Invalid: printf("invalid amount %lld", (long long)E.amount); break; } failc++; }
    nl(); }
int main(void) {
    A[0] = (Acc){100, 500, false, 0}; A[1] = (Acc){200, 50, false, 100}; A[2] = (Acc){300, 0, false, 0};
    int64_t v; int ok; int64_t n = 0;
    #define D(call) do { v = 0; ok = call; describe(n++, ok, v); } while (0)
    D(deposit(100, 250, &v)); D(withdraw(200, 120, &v)); D(withdraw(200, 100, &v)); D(transfer(100, 300, 400, &v)); D(transfer(300, 999, 50, &v));
    D(deposit(100, -5, &v));
    { int64_t i; ok = find(300, &i); if (ok) { A[i].frozen = true; v = 0; } describe(n++, ok, v); }
    D(transfer(100, 300, 10, &v)); D(withdraw(300, 1, &v)); D(interest(250, &v));
    { int64_t i; ok = find(42, &i); if (ok) { A[i].frozen = true; v = 0; } describe(n++, ok, v); }
    D(transfer(200, 100, 30, &v)); D(withdraw(100, 10000, &v)); D(interest(10000, &v));
    int64_t total = 0;
    for (int i = 0; i < NA; i++) { printf("account %u: %lld", A[i].id, (long long)A[i].balance); if (A[i].frozen) ps(" (frozen)"); nl(); total += A[i].balance; }
    printf("ok %lld, failed %lld, total %lld\n", (long long)okc, (long long)failc, (long long)total);
    ps("deferred: last registered, runs first\n"); ps("deferred: first registered, runs last\n");
    RET(total * 100 + failc);
}
