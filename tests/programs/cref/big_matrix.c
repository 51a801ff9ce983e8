#include "rt.h"
#include <string.h>
typedef struct { int64_t m[4][4]; } Mat;
static Mat zero(void) { Mat r; memset(&r, 0, sizeof r); return r; }
static Mat identity(void) { Mat r = zero(); for (int i = 0; i < 4; i++) r.m[i][i] = 1; return r; }
static Mat from(const int64_t *v) { Mat r; for (int k = 0; k < 16; k++) r.m[k / 4][k % 4] = v[k]; return r; }
static Mat mul(Mat a, Mat b) { Mat r = zero(); for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) { int64_t s = 0; for (int k = 0; k < 4; k++) s = s + a.m[i][k] * b.m[k][j]; r.m[i][j] = s; } return r; }
static Mat transpose(Mat a) { Mat r; for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) r.m[j][i] = a.m[i][j]; return r; }
static Mat power(Mat a, int64_t e) { Mat r = identity(), b = a; while (e > 0) { if (e & 1) r = mul(r, b); b = mul(b, b); e >>= 1; } return r; }
static int64_t trace(Mat a) { return a.m[0][0] + a.m[1][1] + a.m[2][2] + a.m[3][3]; }
static int64_t det(Mat x) {
    int64_t sign = 1, prev = 1;
    for (int k = 0; k < 3; k++) {
        if (x.m[k][k] == 0) { int sw = -1; for (int r = k + 1; r < 4; r++) if (x.m[r][k] != 0 && sw < 0) sw = r;
            if (sw < 0) return 0; int64_t t[4]; memcpy(t, x.m[k], sizeof t); memcpy(x.m[k], x.m[sw], sizeof t); memcpy(x.m[sw], t, sizeof t); sign = -sign; }
        for (int i = k + 1; i < 4; i++) for (int j = k + 1; j < 4; j++) x.m[i][j] = (x.m[i][j] * x.m[k][k] - x.m[i][k] * x.m[k][j]) / prev;
        prev = x.m[k][k];
    }
    return sign * x.m[3][3];
}
static void show(const char *n, Mat a) { printf("%s:\n", n); for (int i = 0; i < 4; i++) { ps(" "); for (int j = 0; j < 4; j++) printf(" %lld", (long long)a.m[i][j]); nl(); } }
typedef struct { int16_t g[3][3]; } G;
static G rotate(G g) { G r; memset(&r, 0, sizeof r); for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) r.g[j][2 - i] = g.g[i][j]; return r; }
int main(void) {
    int64_t av[16] = {2, 0, 1, 3, 1, -1, 0, 2, 4, 2, 1, 0, 0, 3, -2, 1}, bv[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    Mat a = from(av), b = from(bv);
    show("a", a); show("a*b", mul(a, b)); show("b^T*a", mul(transpose(b), a));
    printf("det a=%lld det b=%lld det a*a=%lld det I=%lld\n", (long long)det(a), (long long)det(b), (long long)det(mul(a, a)), (long long)det(identity()));
    int64_t sv[16] = {0, 1, 2, 3, 1, 0, 4, 5, 2, 4, 0, 6, 3, 5, 6, 0};
    printf("det swapped=%lld trace a^3=%lld\n", (long long)det(from(sv)), (long long)trace(power(a, 3)));
    int64_t qv[16] = {1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    Mat q = from(qv), f10 = power(q, 10), f90 = power(q, 90), f100 = power(q, 100);
    printf("fib 10=%lld fib 90=%lld fib 100 (wrapped)=%lld\n", (long long)f10.m[0][1], (long long)f90.m[0][1], (long long)f100.m[0][1]);
    bool same = trace(mul(power(a, 2), power(a, 3))) == trace(power(a, 5));
    printf("a^2*a^3 == a^5 by trace: %s\n", same ? "true" : "false");
    G g; int16_t v = 1;
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) { g.g[i][j] = (int16_t)(v * 4000); v++; }
    G r = rotate(rotate(rotate(rotate(rotate(g)))));
    for (int i = 0; i < 3; i++) printf("  %d %d %d\n", r.g[i][0], r.g[i][1], r.g[i][2]);
    RET(det(a) + f90.m[0][1] % 1000 + r.g[0][0]);
}
