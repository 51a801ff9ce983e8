#include "rt.h"
struct __attribute__((packed)) P1 { uint8_t a; int64_t b; uint16_t c; };
struct __attribute__((packed)) P2 { int32_t a; uint8_t b; };
struct C1 { uint8_t a; uint32_t b; };
struct __attribute__((aligned(16))) A16 { int32_t v; };
struct __attribute__((aligned(8))) A8 { uint8_t a, b, c; };
struct __attribute__((aligned(2))) A2 { int64_t v; };
struct __attribute__((aligned(32))) A32 { int64_t a, b, c, d; uint8_t e; };
struct Nest { uint8_t c; struct P2 p; struct C1 q; };
struct Outer { uint8_t c; struct A16 a; };
#define P(T) do { pi(sizeof(T)); ps(" "); pi(_Alignof(T)); nl(); } while (0)
int main(void) {
    P(struct P1); P(struct P2); P(struct C1); P(struct A16); P(struct A8); P(struct A2);
    P(struct A32); P(struct Nest); P(struct Outer);
    RET(0);
}
