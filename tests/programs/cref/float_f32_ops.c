#include "rt.h"
#include <math.h>
int main(void) {
    float a = 10.0f, b = 3.0f; float q = a / b;
    printf("%lld %lld %lld %s\n", (long long)(q * 1000000.0f), (long long)fmodf(a, b), (long long)fmodf(-a, b), (-q) < 0.0f ? "true" : "false");
    float s = 0.0f; for (int i = 0; i < 10; i++) s = s + 0.1f;
    printf("%s %s %lld\n", s == 1.0f ? "true" : "false", s > 1.0f ? "true" : "false", (long long)((double)s * 100000000.0));
    double t = 0.0; for (int i = 0; i < 10; i++) t = t + 0.1;
    printf("%s %s %lld\n", t == 1.0 ? "true" : "false", t < 1.0 ? "true" : "false", (long long)((1.0 - t) * 10000000000000000000.0));
    RET(0);
}
