#include "rt.h"
typedef struct { int64_t m[9]; } Mat;
static int64_t at(Mat a, int r, int c) { return a.m[r*3+c]; }
static Mat identity(void) { Mat o = {{0}}; for (int i = 0; i < 3; i++) o.m[i*4] = 1; return o; }
static Mat mul(Mat a, Mat b) { Mat o = {{0}}; for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) { int64_t s = 0; for (int k = 0; k < 3; k++) s += at(a,r,k)*at(b,k,c); o.m[r*3+c] = s; } return o; }
static Mat mul_mod(Mat a, Mat b, int64_t p) { Mat o = mul(a, b); for (int i = 0; i < 9; i++) o.m[i] %= p; return o; }
static Mat transpose(Mat a) { Mat o = a; for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) o.m[c*3+r] = at(a,r,c); return o; }
static int64_t det(Mat a) {
    return at(a,0,0)*(at(a,1,1)*at(a,2,2)-at(a,1,2)*at(a,2,1)) - at(a,0,1)*(at(a,1,0)*at(a,2,2)-at(a,1,2)*at(a,2,0)) + at(a,0,2)*(at(a,1,0)*at(a,2,1)-at(a,1,1)*at(a,2,0));
}
static Mat power_mod(Mat a, int64_t e, int64_t p) { Mat r = identity(), b = a; while (e > 0) { if ((e & 1) == 1) r = mul_mod(r, b, p); b = mul_mod(b, b, p); e >>= 1; } return r; }
static void show(Mat a) { for (int r = 0; r < 3; r++) { pi(at(a,r,0)); ps(" "); pi(at(a,r,1)); ps(" "); pi(at(a,r,2)); nl(); } }
int main(void) {
    Mat a = {{2,-1,0,1,3,4,0,5,-2}}, b = {{1,2,3,4,5,6,7,8,10}};
    Mat c = mul(a, b); show(c);
    ps("det a="); pi(det(a)); ps(" det b="); pi(det(b)); ps(" det ab="); pi(det(c)); nl();
    Mat t = transpose(c); show(t);
    ps("det t="); pi(det(t)); nl();
    Mat tri = {{1,1,1,1,0,0,0,1,0}};
    Mat p = power_mod(tri, 30, 1000000007);
    ps("tri^30 row0: "); pi(at(p,0,0)); ps(" "); pi(at(p,0,1)); ps(" "); pi(at(p,0,2)); nl();
    Mat big = power_mod(tri, 1000000, 1000000007);
    ps("tri^1e6 [0][0] mod p = "); pi(at(big,0,0)); nl();
    Mat id = mul(identity(), a); bool same = true; for (int i = 0; i < 9; i++) if (id.m[i] != a.m[i]) same = false;
    ps("identity ok: "); pb(same); nl();
    RET(det(c) + at(p,0,0) % 1000);
}
