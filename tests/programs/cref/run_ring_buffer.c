#include "rt.h"
typedef struct { int32_t data[8]; uint16_t stamp[8]; int64_t head, count, dropped; uint16_t clock; } Ring;
static Ring ring_new(void) { Ring r = {{0},{0},0,0,0,0}; return r; }
static Ring push(Ring r, int32_t v) {
    int64_t slot = (r.head + r.count) % 8; r.data[slot] = v; r.stamp[slot] = r.clock; r.clock = (uint16_t)(r.clock + 1);
    if (r.count == 8) { r.head = (r.head + 1) % 8; r.dropped++; } else r.count++;
    return r;
}
static int32_t peek(Ring r) { return r.data[r.head]; }
static Ring pop(Ring r) { if (r.count > 0) { r.head = (r.head + 1) % 8; r.count--; } return r; }
static int32_t sum(Ring r) { int32_t s = 0; for (int64_t i = 0; i < r.count; i++) s += r.data[(r.head + i) % 8]; return s; }
static void dump(Ring r) {
    ps("["); for (int64_t i = 0; i < r.count; i++) { int64_t k = (r.head + i) % 8; if (i > 0) ps(" "); pi(r.data[k]); ps("@"); pi(r.stamp[k]); }
    ps("] count="); pi(r.count); ps(" dropped="); pi(r.dropped); nl();
}
int main(void) {
    Ring r = ring_new();
    for (int32_t i = 1; i <= 5; i++) r = push(r, i * i);
    dump(r);
    r = pop(pop(r));
    ps("peek="); pi(peek(r)); ps(" sum="); pi(sum(r)); nl();
    for (int32_t i = 10; i < 20; i++) r = push(r, -i);
    dump(r);
    Ring snap = r;
    while (r.count > 3) r = pop(r);
    dump(r);
    ps("snapshot sum="); pi(sum(snap)); ps(" now sum="); pi(sum(r)); nl();
    Ring e = ring_new(); e = pop(e);
    ps("empty count="); pi(e.count); ps(" head="); pi(e.head); nl();
    r.clock = 65534; r = push(push(push(r, 7), 8), 9);
    dump(r);
    RET(sum(r) * 10 + peek(r));
}
