#include "rt.h"
static uint64_t step(uint64_t cells, uint8_t rule) {
    uint64_t next = 0;
    for (uint64_t i = 0; i < 64; i++) {
        uint64_t left = i == 63 ? (cells & 1) : ((cells >> (i + 1)) & 1);
        uint64_t mid = (cells >> i) & 1;
        uint64_t right = i == 0 ? (cells >> 63) : ((cells >> (i - 1)) & 1);
        uint8_t pat = (uint8_t)((left << 2) | (mid << 1) | right);
        if (((rule >> pat) & 1) == 1) next |= (1ULL << i);
    }
    return next;
}
static int64_t popcount(uint64_t v) { int64_t n = 0; while (v) { v &= v - 1; n++; } return n; }
static void draw(uint64_t c) { for (uint64_t i = 0; i < 64; i++) print_char(((c >> (63 - i)) & 1) == 1 ? 35 : 46); print_char(10); }
int main(void) {
    uint64_t a = 1ULL << 32; int64_t total = 0;
    for (int g = 0; g < 16; g++) { draw(a); total += popcount(a); a = step(a, 90); }
    ps("rule 90 live total="); pi(total); nl();
    uint64_t b = 1; bool z = false;
    for (int g = 0; g < 12; g++) { draw(b); b = step(b, 110); if (b == 0) z = true; }
    ps("rule 110 final="); pi((int64_t)b); ps(" pop="); pi(popcount(b)); ps(" died="); pb(z); nl();
    RET(total * 1000 + popcount(b));
}
