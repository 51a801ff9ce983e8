#include "rt.h"
#define WRAP(T) struct { T t; uint8_t tag; }
typedef WRAP(uint16_t) W16;
int main(void) {
    pi(sizeof(WRAP(uint8_t))); ps(" "); pi(sizeof(WRAP(int32_t))); ps(" "); pi(sizeof(WRAP(int64_t))); ps(" "); pi(_Alignof(WRAP(int16_t))); nl();
    pi(sizeof(int16_t[5])); ps(" "); pi(sizeof(int64_t[3])); ps(" "); pi(sizeof(uint8_t[2][3])); ps(" "); pi(_Alignof(int64_t[3])); ps(" "); pi(_Alignof(uint8_t[7])); nl();
    pi(24); ps(" "); pi(8); ps(" "); pi(sizeof(int64_t[2])); ps(" "); pi(sizeof(WRAP(W16))); nl();
    RET(0);
}
