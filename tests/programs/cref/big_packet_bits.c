#include "rt.h"
typedef struct { uint8_t version, ihl, tos; uint16_t total_len, ident; uint8_t flags; uint16_t frag; uint8_t ttl, proto; uint32_t src, dst; } Ip;
typedef struct { uint8_t b[20]; } W;
static W put16(W w, int at, uint16_t v) { w.b[at] = v >> 8; w.b[at + 1] = v & 0xFF; return w; }
static uint16_t get16(W w, int at) { return (uint16_t)(((uint16_t)w.b[at] << 8) | w.b[at + 1]); }
static W put32(W w, int at, uint32_t v) { return put16(put16(w, at, v >> 16), at + 2, v & 0xFFFF); }
static uint32_t get32(W w, int at) { return ((uint32_t)get16(w, at) << 16) | get16(w, at + 2); }
static uint16_t checksum(W w) { uint32_t sum = 0; for (int i = 0; i < 20; i += 2) sum += get16(w, i);
    while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16); return (uint16_t)~(uint16_t)sum; }
static W encode(Ip h) { W w = {{0}}; w.b[0] = (uint8_t)(h.version << 4) | (h.ihl & 0x0F); w.b[1] = h.tos;
    w = put16(w, 2, h.total_len); w = put16(w, 4, h.ident); w = put16(w, 6, (uint16_t)((uint16_t)h.flags << 13) | (h.frag & 0x1FFF));
    w.b[8] = h.ttl; w.b[9] = h.proto; w = put32(w, 12, h.src); w = put32(w, 16, h.dst); return put16(w, 10, checksum(w)); }
static Ip decode(W w) { uint16_t ff = get16(w, 6); Ip h = { w.b[0] >> 4, w.b[0] & 15, w.b[1], get16(w, 2), get16(w, 4), ff >> 13, ff & 0x1FFF, w.b[8], w.b[9], get32(w, 12), get32(w, 16) }; return h; }
static void print_addr(uint32_t a) { printf("%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255); }
static void hex16(uint16_t v) { printf("%04x", v); }
static uint16_t adjust(uint16_t ock, uint16_t ow, uint16_t nw) { uint32_t s = (uint32_t)(uint16_t)~ock + (uint32_t)(uint16_t)~ow + nw;
    s = (s & 0xFFFF) + (s >> 16); s = (s & 0xFFFF) + (s >> 16); return (uint16_t)~(uint16_t)s; }
static uint32_t rotl32(uint32_t x, uint32_t n) { return (x << n) | (x >> (32 - n)); }
static uint8_t reverse8(uint8_t x) { uint8_t r = 0, v = x; for (int i = 0; i < 8; i++) { r = (uint8_t)(r << 1) | (v & 1); v >>= 1; } return r; }
static int64_t popcount(uint32_t x) { int64_t n = 0; while (x) { x &= x - 1; n++; } return n; }
int main(void) {
    Ip h = {4, 5, 0, 60, 0x1c46, 2, 0, 64, 6, 0xAC100A63, 0xAC100A0C};
    W w = encode(h);
    ps("bytes:"); for (int i = 0; i < 20; i++) printf(" %u", w.b[i]); nl();
    ps("checksum 0x"); hex16(get16(w, 10)); printf(" verify=%u\n", checksum(w));
    Ip d = decode(w);
    printf("decoded v%u ihl %u len %u id %u flags %u ttl %u proto %u ", d.version, d.ihl, d.total_len, d.ident, d.flags, d.ttl, d.proto);
    print_addr(d.src); ps(" -> "); print_addr(d.dst); nl();
    W fw = w;
    for (int hop = 1; hop <= 3; hop++) {
        uint16_t ow = get16(fw, 8); fw.b[8] = fw.b[8] - 1; uint16_t nw = get16(fw, 8);
        uint16_t ck = adjust(get16(fw, 10), ow, nw); fw = put16(fw, 10, ck);
        printf("hop %d ttl %u ck 0x", hop, fw.b[8]); hex16(ck); printf(" full 0x0 ok=%s\n", checksum(fw) == 0 ? "true" : "false");
    }
    W bad = fw; bad.b[13] ^= 0x10;
    printf("corrupted verify=%u detected=%s\n", checksum(bad), checksum(bad) != 0 ? "true" : "false");
    uint32_t r = rotl32(d.src, 8); ps("rotl8 src "); print_addr(r); nl();
    printf("reverse8(6)=%u reverse8(0x80)=%u reverse8(0xB4)=%u\n", reverse8(6), reverse8(0x80), reverse8(0xB4));
    printf("popcount src=%lld dst=%lld ~0=%lld\n", (long long)popcount(d.src), (long long)popcount(d.dst), (long long)popcount(~0u));
    uint32_t parity = (d.src ^ d.dst) & 0xFF, p = parity; p ^= p >> 4; p ^= p >> 2; p ^= p >> 1;
    printf("xor low byte %u parity %u\n", parity, p & 1);
    int16_t sf = (int16_t)(uint16_t)0xE000;
    printf("frag as i16 %d >> 13 = %d u16 >> 13 = %u\n", sf, sf >> 13, (uint16_t)sf >> 13);
    RET((int64_t)get16(fw, 10) + popcount(d.src));
}
