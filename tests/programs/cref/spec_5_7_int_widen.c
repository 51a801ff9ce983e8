#include "rt.h"
int main(void) {
    int8_t a = -1;
    pi((int16_t)a); ps(" "); pi((uint16_t)a); ps(" "); pi((uint32_t)a); ps(" "); pi((int64_t)(uint64_t)(int64_t)a); ps(" "); pi((int64_t)a); ps(" "); pi((uint8_t)a); nl();
    uint8_t b = 255;
    pi((int16_t)b); ps(" "); pi((int64_t)b); ps(" "); pi((int8_t)b); ps(" "); pi((int64_t)(uint64_t)b); ps(" "); pi((int32_t)b); nl();
    int32_t c = -2;
    pi((int64_t)(uint64_t)(int64_t)c); ps(" "); pi((uint32_t)c); ps(" "); pi((int64_t)c); ps(" "); pi((int64_t)c); nl();
    uint32_t d = 4294967295u;
    pi((int64_t)d); ps(" "); pi((int32_t)d); ps(" "); pi((int64_t)(uint64_t)d); ps(" "); pi((int64_t)d); nl();
    int16_t e = -32768;
    pi((uint16_t)e); ps(" "); pi((int64_t)e); ps(" "); pi((uint32_t)(int32_t)e); nl();
    RET(0);
}
