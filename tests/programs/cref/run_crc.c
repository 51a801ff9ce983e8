#include "rt.h"
static uint8_t crc8_update(uint8_t crc, uint8_t b) { uint8_t c = crc ^ b; for (int i = 0; i < 8; i++) { if ((c & 0x80) != 0) c = (uint8_t)((uint8_t)(c << 1) ^ 0x07); else c = (uint8_t)(c << 1); } return c; }
static uint8_t crc8(const uint8_t *d, int n) { uint8_t c = 0; for (int i = 0; i < n; i++) c = crc8_update(c, d[i]); return c; }
static uint32_t crc32(const uint8_t *d, int n) { uint32_t c = 0xFFFFFFFFu; for (int i = 0; i < n; i++) { c ^= d[i]; for (int k = 0; k < 8; k++) { uint32_t mask = 0u - (c & 1u); c = (c >> 1) ^ (0xEDB88320u & mask); } } return ~c; }
static uint16_t fletcher16(const uint8_t *d, int n) { uint16_t s1 = 0, s2 = 0; for (int i = 0; i < n; i++) { s1 = (uint16_t)((uint16_t)(s1 + d[i]) % 255); s2 = (uint16_t)((uint16_t)(s2 + s1) % 255); } return (uint16_t)((s2 << 8) | s1); }
static void print_hex32(uint32_t v) { uint32_t sh = 28; for (;;) { uint32_t d = (v >> sh) & 0xF; print_char(d < 10 ? d + 48 : d + 55); if (sh == 0) break; sh -= 4; } }
int main(void) {
    uint8_t msg[9] = {49,50,51,52,53,54,55,56,57};
    uint8_t c8 = crc8(msg, 9); uint32_t c32 = crc32(msg, 9); uint16_t f16 = fletcher16(msg, 9);
    ps("crc8="); pi(c8); ps(" crc32=0x"); print_hex32(c32); ps(" fletcher16="); pi(f16); nl();
    uint8_t fl[9]; for (int i = 0; i < 9; i++) fl[i] = msg[i]; fl[4] ^= 1;
    ps("flipped crc8="); pi(crc8(fl, 9)); ps(" crc32="); pi(crc32(fl, 9)); nl();
    uint8_t abc[9] = {'a','b','c',0,0,0,0,0,0};
    ps("abc crc32=0x"); print_hex32(crc32(abc, 3)); ps(" crc8="); pi(crc8(abc, 3)); ps(" fletcher16="); pi(fletcher16(abc, 3)); nl();
    ps("empty crc32="); pi(crc32(msg, 0)); nl();
    RET((int64_t)c8 + (int64_t)f16);
}
