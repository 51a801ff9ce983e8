#include "rt.h"
#include <string.h>
static uint32_t T[256];
static uint32_t upd(uint32_t crc, const unsigned char *s, int64_t from, int64_t to) { uint32_t c = ~crc; for (int64_t i = from; i < to; i++) c = T[(c ^ s[i]) & 0xFF] ^ (c >> 8); return ~c; }
static uint32_t bitw(const unsigned char *s, int64_t n) { uint32_t c = 0xFFFFFFFF; for (int64_t i = 0; i < n; i++) { c ^= s[i]; for (int k = 0; k < 8; k++) { uint32_t m = 0u - (c & 1); c = (c >> 1) ^ (0xEDB88320 & m); } } return ~c; }
static uint16_t crc16(const unsigned char *s, int64_t n) { uint16_t c = 0xFFFF; for (int64_t i = 0; i < n; i++) { c ^= (uint16_t)(s[i] << 8); for (int k = 0; k < 8; k++) c = (c & 0x8000) ? (uint16_t)((c << 1) ^ 0x1021) : (uint16_t)(c << 1); } return c; }
static uint32_t adler(const unsigned char *s, int64_t n) { uint32_t a = 1, b = 0; for (int64_t i = 0; i < n; i++) { a = (a + s[i]) % 65521; b = (b + a) % 65521; } return (b << 16) | a; }
static uint16_t fl16(const unsigned char *s, int64_t n) { uint16_t a = 0, b = 0; for (int64_t i = 0; i < n; i++) { a = (a + s[i]) % 255; b = (b + a) % 255; } return (uint16_t)((b << 8) | a); }
static void hex(uint32_t v, int d) { printf("%0*X", d, v); }
static uint32_t report(const char *t) { const unsigned char *s = (const unsigned char *)t; int64_t n = strlen(t);
    uint32_t whole = upd(0, s, 0, n), half = upd(upd(0, s, 0, n / 2), s, n / 2, n), bits = bitw(s, n);
    printf("\"%s\" len %lld: crc32 ", t, (long long)n); hex(whole, 8); ps(" crc16 "); hex(crc16(s, n), 4); ps(" adler "); hex(adler(s, n), 8);
    ps(" fletcher "); hex(fl16(s, n), 4); printf(" agree=%s\n", whole == half && whole == bits ? "true" : "false"); return whole; }
int main(void) {
    for (uint32_t n = 0; n < 256; n++) { uint32_t c = n; for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320 ^ (c >> 1) : c >> 1; T[n] = c; }
    ps("table[1]="); hex(T[1], 8); ps(" table[128]="); hex(T[128], 8); ps(" table[255]="); hex(T[255], 8); nl();
    uint32_t acc = 0;
    acc ^= report("123456789"); acc ^= report(""); acc ^= report("a"); acc ^= report("Wikipedia");
    acc ^= report("The quick brown fox jumps over the lazy dog"); acc ^= report("The quick brown fox jumps over the lazy dog.");
    unsigned char lg[1000]; for (int i = 0; i < 1000; i++) lg[i] = 97 + i % 26;
    acc ^= upd(0, lg, 0, 1000);
    uint32_t st = 0; for (int i = 0; i < 1000; i += 37) { int end = i + 37 > 1000 ? 1000 : i + 37; st = upd(st, lg, i, end); }
    ps("1000 bytes crc32 "); hex(st, 8); printf(" streamed==bitwise %s\n", st == bitw(lg, 1000) ? "true" : "false");
    ps("xor of all "); hex(acc, 8); nl();
    RET(acc & 0xFFFF);
}
