#include "rt.h"
static void show(double x) { printf("%g ", x); }
int main(void) {
    double f = 3.99, g = 255.9, m = -3.99;
    pi((int64_t)f); ps(" "); pi((int64_t)m); ps(" "); pi((uint8_t)f); ps(" "); pi((uint8_t)g); ps(" "); pi((int8_t)m); ps(" "); pi((int64_t)-0.5); nl();
    int64_t i = -7; uint64_t u = UINT64_MAX; uint8_t b = 200;
    show((double)i); show((double)u); show((double)b); show((double)(float)i); nl();
    int32_t x = 16777217; double d = 0.1; float h = 2.5f;
    pi((int64_t)(float)x); ps(" "); pb((double)(float)d == d); ps(" "); pb((double)h == 2.5); ps(" "); pi((int32_t)(2.0 * 1.5)); nl();
    RET(0);
}
