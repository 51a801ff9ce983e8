#include "rt.h"
#include <string.h>
typedef struct { uint32_t l[48]; int64_t len; } Big;
static Big small(uint32_t v) { Big b; memset(&b, 0, sizeof b); b.len = 1; b.l[0] = v % 10000;
    if (v >= 10000) { b.l[1] = v / 10000 % 10000; b.len = 2; if (v >= 100000000) { b.l[2] = v / 100000000; b.len = 3; } } return b; }
static Big trim(Big b) { while (b.len > 1 && b.l[b.len - 1] == 0) b.len--; return b; }
static Big add(Big a, Big b) { Big r; memset(&r, 0, sizeof r); int64_t n = a.len > b.len ? a.len : b.len; uint32_t c = 0;
    for (int64_t i = 0; i < n; i++) { uint32_t s = a.l[i] + b.l[i] + c; r.l[i] = s % 10000; c = s / 10000; } r.len = n; if (c > 0) { r.l[n] = c; r.len = n + 1; } return r; }
static int8_t cmp(Big a, Big b) { if (a.len != b.len) return a.len < b.len ? -1 : 1; for (int64_t i = a.len - 1; i >= 0; i--) if (a.l[i] != b.l[i]) return a.l[i] < b.l[i] ? -1 : 1; return 0; }
static Big sub(Big a, Big b) { Big r = a; int32_t bo = 0; for (int64_t i = 0; i < a.len; i++) { int32_t d = (int32_t)a.l[i] - (int32_t)b.l[i] - bo; if (d < 0) { d += 10000; bo = 1; } else bo = 0; r.l[i] = (uint32_t)d; } return trim(r); }
static Big mul_small(Big a, uint32_t k) { Big r = a; uint64_t c = 0; for (int64_t i = 0; i < a.len; i++) { uint64_t p = (uint64_t)a.l[i] * k + c; r.l[i] = p % 10000; c = p / 10000; }
    int64_t n = a.len; while (c > 0) { r.l[n] = c % 10000; c /= 10000; n++; } r.len = n; return trim(r); }
static Big mul(Big a, Big b) { uint64_t acc[48] = {0}; for (int64_t i = 0; i < a.len; i++) for (int64_t j = 0; j < b.len; j++) acc[i + j] += (uint64_t)a.l[i] * b.l[j];
    Big r; memset(&r, 0, sizeof r); r.len = a.len + b.len; uint64_t c = 0; for (int64_t k = 0; k < a.len + b.len; k++) { uint64_t v = acc[k] + c; r.l[k] = v % 10000; c = v / 10000; } return trim(r); }
static void show(const char *lab, Big b) { printf("%s = %u", lab, b.l[b.len - 1]); for (int64_t i = b.len - 2; i >= 0; i--) printf("%04u", b.l[i]); nl(); }
static int64_t dsum(Big b) { int64_t s = 0; for (int64_t i = 0; i < b.len; i++) { uint32_t v = b.l[i]; while (v > 0) { s += v % 10; v /= 10; } } return s; }
int main(void) {
    Big f = small(1); for (uint32_t k = 2; k <= 50; k++) f = mul_small(f, k); show("50!", f);
    Big a = small(0), b = small(1); for (int i = 0; i < 200; i++) { Big c = add(a, b); a = b; b = c; } show("fib(200)", a);
    Big p = small(1); for (int i = 0; i < 20; i++) p = mul_small(p, 1024); show("2^200", p);
    Big sq = mul(p, p); show("2^400", sq);
    Big big = small(4294967295u); show("u32 max", big); show("u32 max squared", mul(big, big));
    Big diff = sub(p, a); show("2^200 - fib(200)", diff); show("back", add(diff, a));
    printf("compare: %d %d %d %d\n", cmp(p, a), cmp(a, p), cmp(add(diff, a), p), cmp(small(9999), small(10000)));
    show("one less", sub(small(100000000), small(1)));
    int64_t ds = dsum(f); printf("digit sum of 50! = %lld, limbs used %lld / %lld\n", (long long)ds, (long long)f.len, (long long)sq.len);
    RET(ds + dsum(sq));
}
