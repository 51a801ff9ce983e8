#include "rt.h"
#include <string.h>
typedef struct { uint16_t r[16]; } B;
static bool get(uint16_t row, int64_t x) { return ((row >> (x % 16)) & 1) == 1; }
static uint16_t set(uint16_t row, int64_t x) { return row | (uint16_t)(1u << (x % 16)); }
static uint16_t rotl(uint16_t row, uint16_t n) { uint16_t k = n % 16; if (k == 0) return row; return (uint16_t)((row << k) | (row >> (16 - k))); }
static int64_t pop16(uint16_t v) { int64_t n = 0; while (v) { v &= v - 1; n++; } return n; }
static B empty(void) { B b; memset(&b, 0, sizeof b); return b; }
static B place(B b, int64_t x, int64_t y) { int64_t yy = (y + 16) % 16; b.r[yy] = set(b.r[yy], (x + 16) % 16); return b; }
static bool alive(B b, int64_t x, int64_t y) { return get(b.r[(y + 16) % 16], (x + 16) % 16); }
static int64_t nb(B b, int64_t x, int64_t y) { int64_t n = 0; for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) if ((dx || dy) && alive(b, x + dx, y + dy)) n++; return n; }
static B step(B b) { B n = empty(); for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) { int64_t k = nb(b, x, y); bool l = alive(b, x, y); if (k == 3 || (l && k == 2)) n = place(n, x, y); } return n; }
static int64_t population(B b) { int64_t p = 0; for (int y = 0; y < 16; y++) p += pop16(b.r[y]); return p; }
static uint32_t hash(B b) { uint32_t h = 2166136261u; for (int y = 0; y < 16; y++) h = (h ^ b.r[y]) * 16777619u; return h; }
static bool same(B a, B b) { return memcmp(a.r, b.r, sizeof a.r) == 0; }
static B shifted(B b, int64_t dx, int64_t dy) { B r = empty(); for (int y = 0; y < 16; y++) r.r[(y + dy + 16) % 16] = rotl(b.r[y], (uint16_t)((dx + 16) % 16)); return r; }
static void draw(B b, int top, int h) { for (int y = top; y < top + h; y++) { ps("  "); for (int x = 0; x < 16; x++) putchar(alive(b, x, y) ? '#' : '.'); nl(); } }
int main(void) {
    B b = empty();
    int pts[12][2] = {{1,0},{2,1},{0,2},{1,2},{2,2},{10,5},{11,5},{12,5},{6,12},{7,12},{6,13},{7,13}};
    for (int i = 0; i < 12; i++) b = place(b, pts[i][0], pts[i][1]);
    printf("generation 0, population %lld\n", (long long)population(b)); draw(b, 0, 7);
    B start = b; int64_t back = -1;
    for (int64_t g = 1; g <= 12; g++) {
        b = step(b);
        if (g == 1 || g == 4) { printf("generation %lld, population %lld, hash %u\n", (long long)g, (long long)population(b), hash(b)); draw(b, 0, 7); }
        if (back < 0 && g % 4 == 0) { bool ok = true; B mv = shifted(start, g / 4, g / 4); for (int y = 0; y < 8; y++) if ((b.r[y] & 0xFF) != (mv.r[y] & 0xFF)) ok = false; if (ok) back = g; }
    }
    printf("after 12: population %lld, hash %u, glider shape repeats at %lld\n", (long long)population(b), hash(b), (long long)back);
    int64_t period = 0; B c = b;
    for (int64_t k = 1; k <= 8; k++) { c = step(c); if (same(shifted(b, k / 4, k / 4), c) && period == 0) period = k; }
    printf("whole board repeats (shifted) after %lld steps\n", (long long)period);
    RET(population(b) * 100 + back + period);
}
