#include "rt.h"
int main(void) {
    int8_t a = -128; uint8_t ua = 128;
    ps("i8 -128>>3="); pi((int8_t)(a >> 3)); ps(" u8 128>>3="); pi((uint8_t)(ua >> 3)); nl();
    int8_t b = 1;
    ps("i8 1<<7="); pi((int8_t)(uint8_t)(b << 7)); ps(" u8 255<<4="); pi((uint8_t)((uint8_t)255 << 4)); nl();
    int32_t c = -1; uint32_t uc = 4294967295u;
    ps("i32 -1>>28="); pi(c >> 28); ps(" u32 max>>28="); pi(uc >> 28); nl();
    int64_t d = -256;
    ps("Int -256>>4="); pi(d >> 4); ps(" Int 1<<62="); pi((int64_t)(1ULL << 62)); ps(" 1<<63="); pi((int64_t)(1ULL << 63)); nl();
    uint64_t e = 1ULL << 63;
    ps("Uint 1<<63>>60="); pi((int64_t)(e >> 60)); ps(" as Int>>60="); pi(((int64_t)e) >> 60); nl();
    uint16_t s = 3, v = 0xABCD;
    ps("u16 rotl3="); pi((uint16_t)((uint16_t)(v << s) | (uint16_t)(v >> (16 - s)))); nl();
    int16_t w = -2;
    ps("i16 -2<<14="); pi((int16_t)(uint16_t)((uint16_t)w << 14)); ps(" -2>>1="); pi((int16_t)(w >> 1)); nl();
    int64_t bits = 0; uint64_t x = 0xF0F0F0F0F0F0F0F0ULL;
    while (x != 0) { bits = bits + (int64_t)(x & 1); x = x >> 1; }
    ps("popcount="); pi(bits); nl();
    RET(5 << (2 + 1));
}
