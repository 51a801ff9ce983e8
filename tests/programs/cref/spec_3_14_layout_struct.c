#include "rt.h"
typedef struct { char *p; int64_t len, cap; } String;
struct A { uint8_t a; int64_t b; uint8_t c; };
struct B { uint8_t a, b; uint16_t c; uint32_t d; };
struct Empty {};
struct C { int16_t x; uint8_t y[3]; };
struct D { String s; bool f; };
struct E { uint8_t *p; int64_t (*f)(int64_t); uint8_t c; };
struct F { struct B inner; uint8_t tail; };
struct G { float a; double b; float c; };
struct H { bool a; int16_t b; bool c; int32_t d; bool e; };
#define P(T) do { pi(sizeof(T)); ps(" "); pi(_Alignof(T)); nl(); } while (0)
int main(void) {
    P(struct A); P(struct B); pi(0); ps(" "); pi(1); nl(); P(struct C); P(struct D);
    P(struct E); P(struct F); P(struct G); P(struct H);
    RET(0);
}
