#include "rt.h"
static uint8_t max_u8(uint8_t a, uint8_t b) { return a > b ? a : b; }
static int8_t max_i8(int8_t a, int8_t b) { return a > b ? a : b; }
int main(void) {
    uint8_t x = 200, y = 100;
    ps("u8 200>100: "); pb(x > y); ps(" max="); pi(max_u8(x, y)); nl();
    int8_t sx = (int8_t)x, sy = (int8_t)y;
    ps("i8 "); pi(sx); ps(">"); pi(sy); ps(": "); pb(sx > sy); ps(" max="); pi(max_i8(sx, sy)); nl();
    uint64_t big = (uint64_t)0 - 1, one = 1;
    ps("Uint max>1: "); pb(big > one); ps(" as Int: "); pb((int64_t)big > (int64_t)one); nl();
    uint32_t ua = 2147483648u, ub = 5;
    ps("u32: "); pb(ua > ub); ps(" i32: "); pb((int32_t)ua > (int32_t)ub); nl();
    ps("eq: "); pb(x == 200); ps(" ne: "); pb(y != 100); ps(" le: "); pb(y <= 100); ps(" ge: "); pb(y >= 101); nl();
    ps("chain: "); pb((1 < 2) == true); ps(" "); pb((3 > 4) == false); nl();
    ps("bool order: "); pb(false < true); ps(" "); pb(true <= false); nl();
    ps("char order: "); pb('a' < 'b'); ps(" "); pb('Z' < 'a'); ps(" "); pb('z' >= 'z'); nl();
    RETB(x >= 200 && sx < 0);
}
