#include "rt.h"
typedef struct { int32_t id; int64_t prio; uint16_t cost; int64_t time; uint8_t code; int64_t score; } T;
typedef int64_t (*RankFn)(T);
static int64_t rank_job(T j) { return j.prio * 1000 - (int64_t)j.id; }
static int64_t rank_ev(T e) { return 0 - (e.time * 10 + (int64_t)e.code); }
static int64_t rank_sc(T s) { return 0 - s.score; }
typedef struct { T items[64]; int64_t n, pushes, swaps; RankFn rank; } Q;
static void push(Q *q, T x) {
    q->items[q->n++] = x; q->pushes++;
    int64_t i = q->n - 1;
    while (i > 0) { int64_t p = (i - 1) / 2; T a = q->items[i], b = q->items[p];
        if (q->rank(a) <= q->rank(b)) break; q->items[i] = b; q->items[p] = a; q->swaps++; i = p; }
}
static int pop(Q *q, T *out) {
    int64_t n = q->n; if (n == 0) return 0;
    T top = q->items[0]; T last = q->items[n - 1]; q->n--;
    int64_t m = n - 1;
    if (m > 0) {
        q->items[0] = last; int64_t i = 0;
        for (;;) { int64_t l = 2 * i + 1, r = l + 1, best = i;
            if (l < m && q->rank(q->items[l]) > q->rank(q->items[best])) best = l;
            if (r < m && q->rank(q->items[r]) > q->rank(q->items[best])) best = r;
            if (best == i) break;
            T a = q->items[i], b = q->items[best]; q->items[i] = b; q->items[best] = a; q->swaps++; i = best; }
    }
    *out = top; return 1;
}
int main(void) {
    Q jobs = {0}; jobs.rank = rank_job;
    int64_t prios[10] = {3, 9, 1, 9, 5, 3, 7, 0, 9, 5};
    for (int32_t k = 0; k < 10; k++) { T j = {0}; j.id = k; j.prio = prios[k]; j.cost = (uint16_t)((uint16_t)k * 7000); push(&jobs, j); }
    printf("jobs queued: %lld swaps so far: %lld\n", (long long)jobs.n, (long long)jobs.swaps);
    int64_t order = 0; uint16_t budget = 0; T j;
    while (jobs.n > 0) { pop(&jobs, &j); budget = budget + j.cost; order = order * 10 + j.id;
        printf("run job %d prio %lld cost %u budget %u\n", j.id, (long long)j.prio, j.cost, budget); }
    if (pop(&jobs, &j)) printf("unexpected job %d\n", j.id); else printf("queue empty, total swaps %lld\n", (long long)jobs.swaps);
    Q evs = {0}; evs.rank = rank_ev;
    T e = {0};
    e.time = 5; e.code = 1; push(&evs, e); e.time = 2; e.code = 1; push(&evs, e); e.time = 9; e.code = 2; push(&evs, e); e.time = 5; e.code = 0; push(&evs, e);
    int64_t processed = 0, last_time = 0;
    for (;;) { if (!pop(&evs, &e)) break; processed++; last_time = e.time;
        printf("t=%lld event code %u\n", (long long)e.time, e.code);
        if (e.code == 1) { T n = {0}; n.time = e.time + 7; n.code = 2; push(&evs, n); }
        else if (e.code == 2 && e.time < 15) { T n = {0}; n.time = e.time + 3; n.code = 3; push(&evs, n); } }
    printf("events processed %lld last at %lld pushes %lld\n", (long long)processed, (long long)last_time, (long long)evs.pushes);
    Q sc = {0}; sc.rank = rank_sc;
    int64_t raw[12] = {42, -7, 19, 0, 88, 19, -300, 5, 64, 1, 1000, -7};
    for (int i = 0; i < 12; i++) { T s = {0}; s.score = raw[i]; push(&sc, s); }
    ps("sorted:"); int64_t check = 0;
    for (int i = 0; i < 12; i++) { T s; if (pop(&sc, &s)) { printf(" %lld", (long long)s.score); check = check * 3 + s.score; } }
    nl();
    RET(order % 1000000 + check);
}
