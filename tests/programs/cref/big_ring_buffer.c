#include "rt.h"
typedef struct { uint8_t code; int16_t at; } Entry;
typedef struct { int64_t d[8]; Entry e[8]; int64_t head, count, cap, evicted; } R;
/* generic over int64 (d) and Entry (e): slot selection identical */
static int64_t slot_push(R *r, int *evict, int64_t *oldidx) {
    int64_t slot = (r->head + r->count) % r->cap;
    if (r->count == r->cap) { *evict = 1; *oldidx = r->head; r->head = (r->head + 1) % r->cap; r->evicted++; return *oldidx; }
    *evict = 0; r->count++; return slot;
}
static int64_t avg(R *r) { if (r->count == 0) return 0; int64_t s = 0; for (int64_t i = 0; i < r->count; i++) s += r->d[(r->head + i) % r->cap]; return s / r->count; }
int main(void) {
    R win = {0}; win.cap = 4;
    int64_t samples[10] = {10, 20, 30, 40, 50, -60, 70, 80, 90, 1000};
    int64_t ev_sum = 0;
    for (int i = 0; i < 10; i++) {
        int e; int64_t oi; int64_t s = slot_push(&win, &e, &oi);
        int64_t old = win.d[s]; win.d[s] = samples[i];
        if (e) { ev_sum += old; printf("push %lld evicts %lld avg %lld\n", (long long)samples[i], (long long)old, (long long)avg(&win)); }
        else printf("push %lld avg %lld\n", (long long)samples[i], (long long)avg(&win));
    }
    int64_t drained = 0;
    while (win.count > 1) { int64_t v = win.d[win.head]; win.head = (win.head + 1) % win.cap; win.count--; drained = drained * 10 + v % 10; printf("pop %lld; ", (long long)v); }
    printf("left %lld evicted %lld evicted_sum %lld\n", (long long)win.count, (long long)win.evicted, (long long)ev_sum);
    { int e; int64_t oi; int64_t s = slot_push(&win, &e, &oi); int64_t old = win.d[s]; win.d[s] = 5;
      if (e) printf("unexpected %lld\n", (long long)old); else printf("after refill avg %lld\n", (long long)avg(&win)); }
    R log = {0}; log.cap = 3;
    int16_t clock = 32760;
    for (uint8_t k = 250; k != 4; k++) {
        int e; int64_t oi; int64_t s = slot_push(&log, &e, &oi); Entry old = log.e[s]; log.e[s] = (Entry){k, clock};
        if (e) printf("drop %u ", old.code);
        clock = clock + 3;
    }
    nl();
    printf("log[%lld]:", (long long)log.count);
    for (int64_t i = 0; i < log.count; i++) { Entry x = log.e[(log.head + i) % log.cap]; printf(" %u@%d", x.code, x.at); }
    nl();
    while (log.count > 0) { Entry x = log.e[log.head]; log.head = (log.head + 1) % log.cap; log.count--; printf("take %u at %d\n", x.code, x.at); }
    printf("log empty, evicted %lld\n", (long long)log.evicted);
    RET(drained + ev_sum + log.evicted);
}
