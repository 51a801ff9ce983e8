#include "rt.h"
int main(void) {
    uint8_t a = 0xCC, b = 0xAA;
    pi((uint8_t)(a & b)); ps(" "); pi((uint8_t)(a | b)); ps(" "); pi((uint8_t)(a ^ b)); ps(" "); pi((uint8_t)~a); ps(" "); pi((uint8_t)(~b & a)); nl();
    int16_t x = 0x0F0F; int64_t y = 0; uint32_t z = 0; int32_t m = -1;
    pi((int16_t)~x); ps(" "); pi(~y); ps(" "); pi((uint32_t)~z); ps(" "); pi(m & 0xFF); ps(" "); pi(m ^ 0x0F); ps(" "); pi(m | 0); nl();
    uint64_t u = 0x8000000000000000ULL;
    pi((int64_t)(u | 1)); ps(" "); pi((int64_t)(u ^ u)); ps(" "); pi((int64_t)~u); nl();
    RET(0);
}
