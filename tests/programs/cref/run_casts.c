#include "rt.h"
int main(void) {
    int64_t big = 300;
    ps("300 as u8="); pi((uint8_t)big); ps(" as i8="); pi((int8_t)big); nl();
    ps("lit 300 as u8="); pi((uint8_t)300); ps(" 511 as i8="); pi((int8_t)511); nl();
    int64_t n = -1;
    ps("-1 as u8="); pi((uint8_t)n); ps(" as u16="); pi((uint16_t)n); ps(" as u32="); pi((uint32_t)n); ps(" as Uint="); pi((int64_t)(uint64_t)n); nl();
    int8_t sb = -2;
    ps("i8 -2 as Int="); pi((int64_t)sb); ps(" as u32="); pi((uint32_t)(int32_t)sb); ps(" as u8="); pi((uint8_t)sb); ps(" as i32="); pi((int32_t)sb); nl();
    uint8_t ub = 254;
    ps("u8 254 as Int="); pi((int64_t)ub); ps(" as i8="); pi((int8_t)ub); ps(" as i16="); pi((int16_t)ub); nl();
    uint32_t w = 4294967295u;
    ps("u32 max as Int="); pi((int64_t)w); ps(" as i32="); pi((int32_t)w); ps(" as u16="); pi((uint16_t)w); nl();
    int32_t x = -70000;
    ps("i32 -70000 as i16="); pi((int16_t)x); ps(" as u16="); pi((uint16_t)x); ps(" as Int="); pi((int64_t)x); nl();
    int64_t y = 0x123456789ALL;
    ps("chain="); pi((int64_t)(int8_t)(uint16_t)y); ps(" "); pi((int32_t)y); nl();
    int64_t sum = (int64_t)ub + (int64_t)sb + 1;
    ps("sum="); pi(sum); nl();
    uint64_t v = UINT64_MAX;
    ps("u64 max as i8="); pi((int8_t)v); ps(" as u32="); pi((uint32_t)v); nl();
    RET((int16_t)40000);
}
