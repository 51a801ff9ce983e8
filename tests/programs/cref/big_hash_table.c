#include "rt.h"
#include <string.h>
#include <stdlib.h>
enum { Empty, Full, Tomb };
typedef struct { int state; uint64_t hash; int64_t start, len, count; } Slot;
typedef struct { Slot *s; int64_t cap, used, tombs, probes; } Table;
static const char *TEXT; static int64_t TN;
typedef struct { const char *p; int64_t n; } Str;
static int64_t at(Str s, int64_t i) { return (i < 0 || i >= s.n) ? -1 : (unsigned char)s.p[i]; }
static uint64_t fnv(Str s, int64_t start, int64_t len) { uint64_t h = 14695981039346656037ull; for (int64_t i = start; i < start + len; i++) { h ^= (uint64_t)at(s, i); h *= 1099511628211ull; } return h; }
static bool same(Str text, int64_t a, Str key, int64_t b, int64_t len) { for (int64_t i = 0; i < len; i++) if (at(text, a + i) != at(key, b + i)) return false; return true; }
static Slot *empty_slots(int64_t n) { return calloc(n, sizeof(Slot)); }
static int64_t lookup(Table *t, Str text, Str key, int64_t start, int64_t len) {
    int64_t cap = t->cap; uint64_t h = fnv(key, start, len); int64_t i = (int64_t)(h % (uint64_t)cap);
    for (int64_t n = 0; n < cap; n++) { t->probes++; Slot s = t->s[i];
        if (s.state == Empty) return -1;
        if (s.state == Full && s.hash == h && s.len == len && same(text, s.start, key, start, len)) return i;
        i = (i + 1) % cap; }
    return -1;
}
static void place(Table *t, Slot s) { int64_t i = (int64_t)(s.hash % (uint64_t)t->cap); while (t->s[i].state == Full) i = (i + 1) % t->cap; t->s[i] = s; }
static void grow(Table *t) {
    Slot *old = t->s; int64_t n = t->cap; t->s = empty_slots(n * 2); t->cap = n * 2; t->tombs = 0;
    for (int64_t i = 0; i < n; i++) if (old[i].state == Full) place(t, old[i]);
    free(old); printf("  grew to %lld\n", (long long)(n * 2));
}
static void add(Table *t, Str text, int64_t start, int64_t len) {
    int64_t f = lookup(t, text, text, start, len);
    if (f >= 0) { t->s[f].count++; return; }
    if ((t->used + t->tombs + 1) * 10 > t->cap * 7) grow(t);
    uint64_t h = fnv(text, start, len); int64_t i = (int64_t)(h % (uint64_t)t->cap);
    while (t->s[i].state == Full) i = (i + 1) % t->cap;
    if (t->s[i].state == Tomb) t->tombs--;
    t->s[i] = (Slot){Full, h, start, len, 1}; t->used++;
}
static Str S(const char *p) { Str s = {p, (int64_t)strlen(p)}; return s; }
static void rem(Table *t, Str text, const char *k) {
    Str key = S(k); int64_t a = lookup(t, text, key, 0, key.n);
    if (a < 0) printf("remove %s: absent\n", k);
    else { printf("remove %s: had %lld\n", k, (long long)t->s[a].count); t->s[a].state = Tomb; t->used--; t->tombs++; }
}
static int64_t count_of(Table *t, Str text, const char *k) { Str key = S(k); int64_t a = lookup(t, text, key, 0, key.n); return a < 0 ? 0 : t->s[a].count; }
static void dump(Table *t, Str text) {
    printf("table cap=%lld used=%lld tombs=%lld:", (long long)t->cap, (long long)t->used, (long long)t->tombs);
    for (int64_t i = 0; i < t->cap; i++) { Slot s = t->s[i];
        if (s.state == Full) printf(" %lld:%.*s=%lld", (long long)i, (int)s.len, text.p + s.start, (long long)s.count);
        else if (s.state == Tomb) printf(" %lld:#", (long long)i); }
    nl();
}
int main(void) {
    Str text = S("the quick brown fox jumps over the lazy dog the fox barks and the dog runs over the hill a fox a dog a cat");
    Table t = {empty_slots(8), 8, 0, 0, 0};
    int64_t n = text.n, i = 0, words = 0;
    while (i < n) { while (at(text, i) == 32) i++; int64_t st = i; while (i < n && at(text, i) != 32) i++; if (i > st) { add(&t, text, st, i - st); words++; } }
    printf("words %lld distinct %lld\n", (long long)words, (long long)t.used);
    dump(&t, text);
    int64_t a = count_of(&t, text, "fox"), b = count_of(&t, text, "the"), c = count_of(&t, text, "cat"), d = count_of(&t, text, "cow");
    printf("fox=%lld the=%lld cat=%lld cow=%lld\n", (long long)a, (long long)b, (long long)c, (long long)d);
    rem(&t, text, "the"); rem(&t, text, "dog"); rem(&t, text, "zebra");
    add(&t, text, 0, 3);
    dump(&t, text);
    int64_t x = count_of(&t, text, "the"), y = count_of(&t, text, "dog");
    printf("the=%lld dog=%lld probes=%lld\n", (long long)x, (long long)y, (long long)t.probes);
    RET(t.used * 1000 + t.probes);
}
