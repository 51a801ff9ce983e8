#include "rt.h"
#include <string.h>
static void bubble(int64_t *a) {
    bool sw = true; int64_t pass = 0;
    while (sw) { sw = false; for (int64_t i = 0; i < 15 - pass; i++) if (a[i] > a[i+1]) { int64_t t = a[i]; a[i] = a[i+1]; a[i+1] = t; sw = true; } pass++; }
}
static void ins_desc(int64_t *a) {
    for (int64_t i = 1; i < 16; i++) { int64_t key = a[i], j = i - 1; while (j >= 0 && a[j] < key) { a[j+1] = a[j]; j--; } a[j+1] = key; }
}
static int64_t checksum(const int64_t *a) { int64_t h = 17; for (int i = 0; i < 16; i++) { h = h * 31 + a[i]; h %= 1000000007; } return h; }
static bool sorted(const int64_t *a) { for (int i = 0; i < 15; i++) if (a[i] > a[i+1]) return false; return true; }
static void show(const int64_t *a) { for (int i = 0; i < 16; i++) { if (i > 0) ps(","); pi(a[i]); } nl(); }
static int64_t value(uint32_t s) { return (int64_t)((s >> 16) % 1000u); }
int main(void) {
    uint32_t st = 12345; int64_t data[16];
    for (int i = 0; i < 16; i++) { st = st * 1664525u + 1013904223u; data[i] = value(st); }
    show(data);
    ps("sorted before: "); pb(sorted(data)); ps(" checksum "); pi(checksum(data)); nl();
    int64_t asc[16]; memcpy(asc, data, sizeof asc); bubble(asc);
    show(asc);
    ps("sorted after: "); pb(sorted(asc)); ps(" checksum "); pi(checksum(asc)); nl();
    int64_t desc[16]; memcpy(desc, data, sizeof desc); ins_desc(desc);
    show(desc);
    bool mirror = true; for (int i = 0; i < 16; i++) if (asc[i] != desc[15-i]) mirror = false;
    ps("mirror: "); pb(mirror); ps(" median-ish: "); pi(asc[7]); ps(" "); pi(asc[8]); nl();
    ps("input untouched: "); pb(data[0] == value((uint32_t)(12345u * 1664525u + 1013904223u))); nl();
    RET(checksum(asc) - checksum(desc));
}
