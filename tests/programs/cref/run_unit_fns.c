#include "rt.h"
static void banner(int64_t n) { if (n <= 0) { ps("(none)"); nl(); return; } for (int64_t i = 0; i < n; i++) print_char(42); print_char(10); }
static void report(char l, int16_t v) { pc(l); ps("="); pi(v); nl(); }
static void countdown(uint8_t n) { uint8_t k = n; for (;;) { pi(k); ps(" "); if (k == 0) { ps("liftoff"); nl(); return; } k--; } }
int main(void) {
    banner(3); banner(0); banner(7); report('a', -5); report('b', 300); countdown(5);
    for (int i = 0; i < 3; i++) report('i', (int16_t)i);
    return 0;
}
