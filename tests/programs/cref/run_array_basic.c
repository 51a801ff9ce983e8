#include "rt.h"
int main(void) {
    int64_t a[5] = {10,20,30,40,50}, sum = 0;
    for (int i = 0; i < 5; i++) sum += a[i];
    ps("sum="); pi(sum); ps(" a[0]="); pi(a[0]); ps(" a[4]="); pi(a[4]); nl();
    int64_t z[8] = {0};
    for (int i = 0; i < 8; i++) z[i] = (int64_t)i * i;
    z[3] = -z[3] + z[7];
    for (int i = 0; i < 8; i++) { pi(z[i]); ps(" "); }
    nl();
    uint8_t bytes[4] = {0xDE,0xAD,0xBE,0xEF}; uint32_t word = 0;
    for (int k = 0; k < 4; k++) word = (word << 8) | (uint32_t)bytes[k];
    ps("word="); pi(word); nl();
    int32_t idx = 2; uint16_t ix = 1;
    ps("a[i32 2]="); pi(a[idx]); ps(" a[u16 1]="); pi(a[ix]); ps(" a[expr]="); pi(a[idx + 2]); nl();
    bool flags[3] = {true,false,true}; char tags[3] = {'x','y','z'};
    for (int i = 0; i < 3; i++) if (flags[i]) pc(tags[i]);
    nl();
    int8_t small[3] = {-1,127,-128};
    pi(small[0]); ps(" "); pi((int8_t)(small[1] + 1)); ps(" "); pi((int8_t)(small[2] - 1)); nl();
    RET(a[a[0] / 10] + z[3]);
}
