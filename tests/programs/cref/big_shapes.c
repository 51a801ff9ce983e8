#include "rt.h"
static const double PI = 3.141592653589793;
typedef struct { int kind; int64_t w, h; double r; int64_t ax, ay, bx, by, cx, cy; } S;
static int64_t isq(int64_t n) { if (n < 2) return n; int64_t x = n, y = (x + 1) / 2; while (y < x) { x = y; y = (x + n / x) / 2; } return x; }
static int64_t dist(int64_t a, int64_t b, int64_t c, int64_t d) { return isq((c - a) * (c - a) + (d - b) * (d - b)); }
static int64_t area(S s) { if (s.kind == 0) return s.w * s.h; if (s.kind == 1) return (int64_t)(PI * s.r * s.r);
    int64_t tw = s.ax * (s.by - s.cy) + s.bx * (s.cy - s.ay) + s.cx * (s.ay - s.by); return (tw < 0 ? -tw : tw) / 2; }
static int64_t per(S s) { if (s.kind == 0) return 2 * (s.w + s.h); if (s.kind == 1) return (int64_t)(2.0 * PI * s.r);
    return dist(s.ax, s.ay, s.bx, s.by) + dist(s.bx, s.by, s.cx, s.cy) + dist(s.cx, s.cy, s.ax, s.ay); }
static S scale(S s, int64_t k) { s.w *= k; s.h *= k; s.r = s.r * (double)k; s.ax *= k; s.ay *= k; s.bx *= k; s.by *= k; s.cx *= k; s.cy *= k; return s; }
static int64_t describe(S s) { int64_t a = area(s), p = per(s); printf("  area %lld perimeter %lld ratio*100 %lld\n", (long long)a, (long long)p, (long long)(p == 0 ? 0 : a * 100 / p)); return a; }
static int64_t grow(S s, int64_t lim) { int64_t st = 0; while (area(s) < lim) { s = scale(s, 2); st++; } return st; }
static void name(S s) { if (s.kind == 0) printf("rect %lldx%lld", (long long)s.w, (long long)s.h); else if (s.kind == 1) printf("circle r=%lld", (long long)s.r);
    else printf("triangle (%lld,%lld)(%lld,%lld)(%lld,%lld)", (long long)s.ax, (long long)s.ay, (long long)s.bx, (long long)s.by, (long long)s.cx, (long long)s.cy); }
static S R(int64_t w, int64_t h) { S s = {0}; s.kind = 0; s.w = w; s.h = h; return s; }
static S C(double r) { S s = {0}; s.kind = 1; s.r = r; return s; }
static S T(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f) { S s = {0}; s.kind = 2; s.ax = a; s.ay = b; s.bx = c; s.by = d; s.cx = e; s.cy = f; return s; }
int main(void) {
    S r = R(3, 4), c = C(2.5), t = T(0, 0, 4, 0, 0, 3);
    ps("rect:\n"); int64_t total = describe(r); ps("circle:\n"); total += describe(c); ps("triangle:\n"); total += describe(t);
    S big = scale(c, 10);
    printf("scaled circle r=%g exact area %g truncated %lld\n", big.r, PI * big.r * big.r, (long long)area(big));
    printf("doublings to reach 1000: rect %lld, circle %lld, triangle %lld\n", (long long)grow(r, 1000), (long long)grow(c, 1000), (long long)grow(t, 1000));
    S sh[6] = { r, c, t, R(10, 1), C(0.5), T(-2, -2, 2, -2, 0, 5) };
    sh[1] = scale(sh[1], 3);
    for (int i = 0; i < 6; i++) { int b = i; for (int j = i + 1; j < 6; j++) if (area(sh[j]) > area(sh[b])) b = j; S tmp = sh[i]; sh[i] = sh[b]; sh[b] = tmp; }
    for (int i = 0; i < 6; i++) { printf("%d. ", i + 1); name(sh[i]); printf(" area %lld\n", (long long)area(sh[i])); }
    RET(total * 10 + area(sh[0]));
}
