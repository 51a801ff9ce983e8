#include "rt.h"
/* C fmod without libm: exact for these operands */
#define fmod(a, b) ((a) - (double)(long long)((a) / (b)) * (b))
static void show(double x) { printf("%g ", x); }
int main(void) {
    double a = 7.5, b = 2.0;
    show(a + b); show(a - b); show(a * b); show(a / b); show(fmod(a, b)); show(-a); show(fmod(-7.5, 2.0)); nl();
    float x = 0.1f, y = 0.2f; float z = x + y;
    show((double)z); show(1.0 / 3.0); show(2.0 / 3.0 * 3.0);
    float big = 16777216.0f; show((double)(float)(big + 1.0f)); show(0.1 + 0.2); nl();
    RET(0);
}
