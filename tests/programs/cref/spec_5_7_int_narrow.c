#include "rt.h"
int main(void) {
    int64_t a = 0x123456789ALL;
    pi((uint8_t)a); ps(" "); pi((int8_t)a); ps(" "); pi((uint16_t)a); ps(" "); pi((int16_t)a); ps(" "); pi((uint32_t)a); ps(" "); pi((int32_t)a); nl();
    int64_t b = -1;
    pi((uint8_t)b); ps(" "); pi((uint16_t)b); ps(" "); pi((uint32_t)b); ps(" "); pi((int8_t)b); nl();
    int64_t c = 0x80; uint16_t d = 0xFF80; uint64_t e = 0xFFFFFFFF00000001ULL;
    pi((int8_t)c); ps(" "); pi((int8_t)d); ps(" "); pi((uint8_t)d); ps(" "); pi((uint32_t)e); ps(" "); pi((int32_t)e); ps(" "); pi((uint16_t)e); nl();
    int32_t f = 70000;
    pi((int16_t)f); ps(" "); pi((uint16_t)f); ps(" "); pi((uint8_t)f); nl();
    RET(0);
}
