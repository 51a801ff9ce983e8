#include "rt.h"
typedef struct { uint32_t sku; int64_t a, grams; int32_t count; uint16_t bb; int food; } It;
static int64_t value(It x) { return x.food ? x.a * x.grams / 1000 : x.a * (int64_t)x.count; }
static int64_t grams(It x) { return x.food ? x.grams : x.grams * (int64_t)x.count; }
typedef struct { It it[16]; int64_t n, cap, load; } Shelf;
enum { Ok, TooHeavy, Dup }; static int64_t eover; static uint32_t esku;
static int64_t index_of(Shelf *s, uint32_t sku) { for (int64_t i = 0; i < s->n; i++) if (s->it[i].sku == sku) return i; return -1; }
static int add(Shelf *s, It x, int64_t *n) { if (index_of(s, x.sku) >= 0) { esku = x.sku; return Dup; }
    if (s->load + grams(x) > s->cap) { eover = s->load + grams(x) - s->cap; return TooHeavy; } s->load += grams(x); s->it[s->n++] = x; *n = s->n; return Ok; }
static bool replace(Shelf *s, It x) { int64_t i = index_of(s, x.sku); if (i < 0) return false; s->load = s->load - grams(s->it[i]) + grams(x); s->it[i] = x; return true; }
static int64_t total(Shelf *s) { int64_t v = 0; for (int64_t i = 0; i < s->n; i++) v += value(s->it[i]); return v; }
static It better(It a, It b) { return value(b) > value(a) ? b : a; }
static int top(Shelf *s, It *o) { if (s->n == 0) return 0; It b = s->it[0]; for (int64_t i = 1; i < s->n; i++) b = better(b, s->it[i]); *o = b; return 1; }
static void outcome(const char *w, int r, int64_t n) { printf("%s: ", w);
    if (r == Ok) printf("stored, %lld on shelf\n", (long long)n); else if (r == TooHeavy) printf("rejected, %lld g over capacity\n", (long long)eover); else printf("rejected, sku %u already present\n", esku); }
static It tool(uint32_t sku, int64_t p, int64_t g, int32_t c) { It t = {sku, p, g, c, 0, 0}; return t; }
static It fd(uint32_t sku, int64_t c, int64_t g, uint16_t bb) { It t = {sku, c, g, 0, bb, 1}; return t; }
int main(void) {
    Shelf tools = {0}; tools.cap = 10000; int64_t n = 0; int r;
    It hammer = tool(1001, 1599, 800, 3);
    r = add(&tools, hammer, &n); outcome("hammers", r, n);
    r = add(&tools, tool(1002, 2499, 1200, 2), &n); outcome("saws", r, n);
    r = add(&tools, tool(1003, 9999, 6000, 1), &n); outcome("anvil", r, n);
    r = add(&tools, hammer, &n); outcome("hammers again", r, n);
    r = add(&tools, tool(1004, 5, 2, 500), &n); outcome("screws", r, n);
    It more = hammer; more.count += 4;
    bool r1 = replace(&tools, more); bool r2 = replace(&tools, tool(7, 1, 1, 1));
    printf("restock hammers: %s, missing sku: %s\n", r1 ? "true" : "false", r2 ? "true" : "false");
    int64_t tv = total(&tools); printf("tools value %lld load %lld g\n", (long long)tv, (long long)tools.load);
    Shelf food = {0}; food.cap = 5000;
    r = add(&food, fd(1, 250, 2000, 400), &n); outcome("rice", r, n);
    r = add(&food, fd(2, 1800, 750, 30), &n); outcome("cheese", r, n);
    r = add(&food, fd(3, 900000, 2, 65535), &n); outcome("saffron", r, n);
    r = add(&food, fd(4, 120, 3000, 9), &n); outcome("melons", r, n);
    int64_t fv = total(&food); printf("food value %lld load %lld g\n", (long long)fv, (long long)food.load);
    It t; if (top(&tools, &t)) printf("top tool sku %u worth %lld\n", t.sku, (long long)value(t)); else ps("no tools\n");
    if (top(&food, &t)) printf("top food sku %u worth %lld best before day %u\n", t.sku, (long long)value(t), t.bb); else ps("no food\n");
    Shelf empty = {0}; empty.cap = 1; if (top(&empty, &t)) printf("impossible %u\n", t.sku); else ps("empty shelf has no top item\n");
    printf("better hammer sku %u, more stock %s\n", better(hammer, more).sku, more.count > hammer.count ? "true" : "false");
    RET(tv + fv);
}
