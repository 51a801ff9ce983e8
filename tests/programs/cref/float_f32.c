#include "rt.h"
static float twice(float x) { return x * 2.0f; }
int main(void) {
    float big = 16777216.0f, one = 1.0f;
    pb(big + one == big); ps(" "); pb((double)big + 1.0 == (double)big); nl();
    float t = 0.1f; double w = (double)t;
    pb(w == 0.1); ps(" "); pb(w > 0.1); ps(" "); pi((long long)(w * 100000000000.0)); nl();
    pi((long long)twice(1.5f)); ps(" "); pi((int)(twice(0.25f) * 8.0f)); nl();
    float x = 3.75f; float y = x - 0.25f;
    pi((long long)y); ps(" "); pb(y == 3.5f); ps(" "); pb(-x < 0.0f); nl();
    float back = (float)0.1; pb(back == t); nl();
    RET(0);
}
