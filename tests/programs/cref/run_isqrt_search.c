#include "rt.h"
static uint64_t isqrt_newton(uint64_t n) {
    if (n < 2) return n;
    uint64_t x = n, y = (x + 1) / 2;
    if (n == UINT64_MAX) y = 4294967296ULL;
    while (y < x) { x = y; y = (x + n / x) / 2; }
    return x;
}
static uint64_t isqrt_bits(uint64_t n) {
    uint64_t res = 0, bit = 1ULL << 62, num = n;
    while (bit > num) bit >>= 2;
    while (bit != 0) { if (num >= res + bit) { num -= res + bit; res = (res >> 1) + bit; } else res >>= 1; bit >>= 2; }
    return res;
}
static int64_t bsearch_(const int64_t *a, int64_t key) {
    int64_t lo = 0, hi = 11;
    while (lo <= hi) { int64_t mid = lo + (hi - lo) / 2; if (a[mid] == key) return mid; else if (a[mid] < key) lo = mid + 1; else hi = mid - 1; }
    return -(lo + 1);
}
static int64_t lower_bound(const int64_t *a, int64_t key) {
    int64_t lo = 0, hi = 12; while (lo < hi) { int64_t mid = (lo + hi) >> 1; if (a[mid] < key) lo = mid + 1; else hi = mid; } return lo;
}
int main(void) {
    uint64_t tests[8] = {0,1,15,16,17,1000000,999999999999ULL,UINT64_MAX};
    int64_t agree = 0;
    for (int i = 0; i < 8; i++) { uint64_t a = isqrt_newton(tests[i]), b = isqrt_bits(tests[i]);
        ps("isqrt("); pi((int64_t)tests[i]); ps(") = "); pi((int64_t)a); ps(" / "); pi((int64_t)b); nl(); if (a == b) agree++; }
    int64_t s[12] = {-40,-7,-7,0,3,9,9,9,21,50,77,100};
    ps("find 21 -> "); pi(bsearch_(s,21)); ps(", find 5 -> "); pi(bsearch_(s,5)); ps(", find -100 -> "); pi(bsearch_(s,-100)); ps(", find 1000 -> "); pi(bsearch_(s,1000)); nl();
    ps("lower_bound 9 -> "); pi(lower_bound(s,9)); ps(", -7 -> "); pi(lower_bound(s,-7)); ps(", 101 -> "); pi(lower_bound(s,101)); ps(", -99 -> "); pi(lower_bound(s,-99)); nl();
    int64_t hits = 0;
    for (int64_t k = -50; k <= 110; k++) { int64_t lb = lower_bound(s, k); if (lb < 12 && s[lb % 12] == k) hits++; }
    ps("distinct hits="); pi(hits); nl();
    RET(agree * 100 + hits);
}
