#include "rt.h"
typedef struct { int64_t limb[40]; int64_t used; } Big;
static Big from_int(int64_t v) { Big b = {{0}, 1}; int64_t i = 0; while (v > 0) { b.limb[i] = v % 10000; v /= 10000; i++; } if (i > 1) b.used = i; return b; }
static Big mul_small(Big a, int64_t k) { int64_t c = 0; for (int64_t i = 0; i < a.used; i++) { int64_t t = a.limb[i]*k + c; a.limb[i] = t % 10000; c = t / 10000; } while (c > 0) { a.limb[a.used] = c % 10000; c /= 10000; a.used++; } return a; }
static Big add(Big a, Big b) { int64_t n = a.used > b.used ? a.used : b.used; Big o = {{0}, n}; int64_t c = 0; for (int64_t i = 0; i < n; i++) { int64_t t = a.limb[i]+b.limb[i]+c; o.limb[i] = t % 10000; c = t / 10000; } if (c > 0) { o.limb[n] = c; o.used = n + 1; } return o; }
static int64_t digits(Big a) { int64_t d = (a.used - 1) * 4, t = a.limb[a.used-1]; while (t > 0) { d++; t /= 10; } return d; }
static void show(Big a) { pi(a.limb[a.used-1]); for (int64_t i = a.used - 2; i >= 0; i--) { int64_t v = a.limb[i]; if (v < 1000) pi(0); if (v < 100) pi(0); if (v < 10) pi(0); pi(v); } nl(); }
int main(void) {
    Big f = from_int(1); for (int k = 2; k <= 40; k++) f = mul_small(f, k);
    ps("40! = "); show(f);
    Big p = from_int(1); for (int k = 0; k < 200; k++) p = mul_small(p, 2);
    ps("2^200 = "); show(p);
    Big a = from_int(0), b = from_int(1); for (int k = 0; k < 300; k++) { Big c = add(a, b); a = b; b = c; }
    ps("fib(300) = "); show(a);
    ps("digits: "); pi(digits(f)); ps(" "); pi(digits(p)); ps(" "); pi(digits(a)); nl();
    show(from_int(123456789012LL));
    RET(digits(f) + digits(p) + digits(a));
}
