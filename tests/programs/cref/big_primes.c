#include "rt.h"
static int64_t gcd(int64_t a, int64_t b) { int64_t x = a < 0 ? -a : a, y = b < 0 ? -b : b; while (y != 0) { int64_t t = x % y; x = y; y = t; } return x; }
static int64_t lcm(int64_t a, int64_t b) { return a / gcd(a, b) * b; }
static uint64_t modpow(uint64_t base, uint64_t e, uint64_t m) { uint64_t r = 1, b = base % m; while (e > 0) { if (e & 1) r = r * b % m; b = b * b % m; e >>= 1; } return r; }
static bool comp[200];
static int64_t factor(int64_t n) {
    printf("%lld =", (long long)n); int64_t m = n; bool first = true; int64_t distinct = 0;
    for (int64_t p = 2; p * p <= m; p++) { int32_t e = 0; while (m % p == 0) { m /= p; e++; }
        if (e > 0) { distinct++; printf("%s%lld", first ? " " : " * ", (long long)p); if (e > 1) printf("^%d", e); first = false; } }
    if (m > 1) { distinct++; printf("%s%lld", first ? " " : " * ", (long long)m); }
    nl(); return distinct;
}
static int64_t totient(int64_t n) { int64_t r = n, m = n; for (int64_t p = 2; p * p <= m; p++) if (m % p == 0) { while (m % p == 0) m /= p; r -= r / p; } if (m > 1) r -= r / m; return r; }
static bool mr(uint64_t n) {
    if (n < 2) return false; uint64_t w[4] = {2, 3, 5, 7}; uint64_t d = n - 1; int64_t r = 0; while ((d & 1) == 0) { d >>= 1; r++; }
    for (int k = 0; k < 4; k++) { uint64_t a = w[k]; if (a % n == 0) goto next; uint64_t x = modpow(a, d, n); if (x == 1 || x == n - 1) goto next;
        for (int64_t i = 1; i < r; i++) { x = x * x % n; if (x == n - 1) goto next; } return false; next:; }
    return true;
}
int main(void) {
    comp[0] = comp[1] = true;
    for (int i = 2; i * i < 200; i++) { if (comp[i]) continue; for (int j = i * i; j < 200; j += i) comp[j] = true; }
    int64_t count = 0, last = 0; ps("primes < 60:");
    for (int i = 0; i < 200; i++) if (!comp[i]) { count++; last = i; if (i < 60) printf(" %d", i); }
    nl(); printf("count below 200: %lld, largest %lld\n", (long long)count, (long long)last);
    int64_t nums[7] = {360, 97, 1001, 65536, 999999, 600851475143LL, 2147483647}; int64_t kinds = 0;
    for (int i = 0; i < 7; i++) kinds += factor(nums[i]);
    printf("phi(36)=%lld phi(97)=%lld phi(1000000)=%lld\n", (long long)totient(36), (long long)totient(97), (long long)totient(1000000));
    printf("gcd(462,1071)=%lld gcd(-48,18)=%lld lcm(4,6)=%lld lcm(21,6)=%lld\n", (long long)gcd(462, 1071), (long long)gcd(-48, 18), (long long)lcm(4, 6), (long long)lcm(21, 6));
    printf("2^10 mod 1000=%lld 3^200 mod 1000007=%lld 7^(p-1) mod p=%lld\n", (long long)modpow(2, 10, 1000), (long long)modpow(3, 200, 1000007), (long long)modpow(7, 4294967290ull, 4294967291ull));
    uint64_t c[8] = {1, 2, 561, 7919, 1000003, 2147483647, 4294967291ull, 3215031751ull};
    for (int i = 0; i < 8; i++) printf("  %lld prime? %s\n", (long long)c[i], mr(c[i]) ? "true" : "false");
    int64_t pairs = 0;
    for (int64_t n = 4; n <= 40; n += 2) {
        for (int64_t p = 2; p <= n / 2; p++) if (!comp[p] && !comp[n - p]) { if (n % 10 == 0) printf("goldbach %lld = %lld + %lld\n", (long long)n, (long long)p, (long long)(n - p)); pairs++; goto cont; }
        printf("no pair for %lld\n", (long long)n); break; cont:;
    }
    printf("goldbach checked %lld even numbers, factor kinds %lld\n", (long long)pairs, (long long)kinds);
    RET(count * 1000 + pairs + kinds);
}
