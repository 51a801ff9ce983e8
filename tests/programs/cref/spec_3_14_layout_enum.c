#include "rt.h"
/* An enum is { i32 tag; union of the variants' field structs }. */
typedef struct { char *p; int64_t len, cap; } String;
struct E0 { int32_t tag; };
struct E1 { int32_t tag; union { struct { uint8_t x; } a; } u; };
struct E2 { int32_t tag; union { struct { int64_t x; } a; struct { uint8_t y, z; } b; } u; };
struct E3 { int32_t tag; union { struct { uint16_t x, y, z; } a; } u; };
struct E4 { int32_t tag; union { struct { String s; } a; struct { uint8_t v[30]; } b; } u; };
struct E5 { int32_t tag; union { struct { uint8_t x; } a; struct { int16_t y; } b; } u; };
struct E6 { int32_t tag; union { struct { float x; uint8_t y; } a; struct { uint8_t c; } b; } u; };
struct OptInt { int32_t tag; union { int64_t v; } u; };
struct OptU8 { int32_t tag; union { uint8_t v; } u; };
struct OptStr { int32_t tag; union { String v; } u; };
struct ResIntU8 { int32_t tag; union { int64_t ok; uint8_t err; } u; };
struct ResU16Bool { int32_t tag; union { uint16_t ok; bool err; } u; };
#define P(T) do { pi(sizeof(T)); ps(" "); pi(_Alignof(T)); nl(); } while (0)
int main(void) {
    P(struct E0); P(struct E1); P(struct E2); P(struct E3); P(struct E4); P(struct E5); P(struct E6);
    P(struct OptInt); P(struct OptU8); P(struct OptStr); P(struct ResIntU8); P(struct ResU16Bool);
    RET(0);
}
