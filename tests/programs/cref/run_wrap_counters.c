#include "rt.h"
int main(void) {
    uint8_t c = 250; int64_t n = 0; while (c != 4) { c++; n++; }
    ps("u8 250 -> 4 in "); pi(n); ps(" steps"); nl();
    int8_t s = 0; int64_t laps = 0;
    for (int k = 0; k < 1000; k++) { int8_t b = s; s = (int8_t)(s + 7); if (s < b) laps++; }
    ps("i8 +7 x1000 = "); pi(s); ps(" wrapped "); pi(laps); ps(" times"); nl();
    uint16_t h = 1; int64_t m = 0; for (;;) { h = (uint16_t)(h * 5); m++; if (h == 1) break; }
    ps("order of 5 mod 65536 = "); pi(m); nl();
    uint32_t acc = 0; for (uint32_t i = 0; i < 100000; i++) acc = acc * 31u + i;
    ps("u32 rolling = "); pi(acc); nl();
    uint8_t d = 3; int64_t v = 0; while (d < 10) { d--; v++; }
    ps("u8 3 counted down past zero to "); pi(d); ps(" after "); pi(v); nl();
    RET(n + laps + m);
}
