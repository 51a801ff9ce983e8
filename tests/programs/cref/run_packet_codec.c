#include "rt.h"
typedef struct { uint8_t version, kind, flags; uint16_t length; uint32_t id; } Header;
typedef struct { uint8_t bytes[9]; } Packet;
static void hex_digit(uint8_t d) { if (d < 10) print_char((uint8_t)(d + 48)); else print_char((uint8_t)(d - 10 + 97)); }
static void print_hex(Packet p) { for (int i = 0; i < 9; i++) { uint8_t b = p.bytes[i]; hex_digit(b >> 4); hex_digit(b & 0x0F); if (i < 8) print_char(32); } nl(); }
static uint8_t checksum(Packet p) { uint8_t c = 0xA5; for (int i = 0; i < 8; i++) { c ^= p.bytes[i]; c = (uint8_t)((uint8_t)(c << 1) | (c >> 7)); } return c; }
static Packet encode(Header h) {
    Packet p = {{0}};
    p.bytes[0] = (uint8_t)(((h.version & 7) << 5) | (h.kind & 0x1F));
    p.bytes[1] = h.flags; p.bytes[2] = (uint8_t)(h.length >> 8); p.bytes[3] = (uint8_t)h.length;
    p.bytes[4] = (uint8_t)(h.id >> 24); p.bytes[5] = (uint8_t)(h.id >> 16); p.bytes[6] = (uint8_t)(h.id >> 8); p.bytes[7] = (uint8_t)h.id;
    p.bytes[8] = checksum(p); return p;
}
static Header decode(Packet p) {
    if (checksum(p) != p.bytes[8]) { ps("bad checksum"); nl(); }
    uint8_t b0 = p.bytes[0]; uint16_t len = (uint16_t)((p.bytes[2] << 8) | p.bytes[3]);
    uint32_t id = 0; for (int i = 4; i < 8; i++) id = (id << 8) | p.bytes[i];
    return (Header){ (uint8_t)(b0 >> 5), (uint8_t)(b0 & 0x1F), p.bytes[1], len, id };
}
static bool same(Header a, Header b) { return a.version == b.version && a.kind == b.kind && a.flags == b.flags && a.length == b.length && a.id == b.id; }
int main(void) {
    Header h1 = {5, 17, 0x81, 1500, 0xDEADBEEFu}; Packet p1 = encode(h1); print_hex(p1);
    Header d1 = decode(p1);
    ps("v="); pi(d1.version); ps(" kind="); pi(d1.kind); ps(" flags="); pi(d1.flags); ps(" len="); pi(d1.length); ps(" id="); pi(d1.id); nl();
    ps("roundtrip: "); pb(same(h1, d1)); nl();
    Header h2 = {9, 40, 0, 65535, 1}; Packet p2 = encode(h2); print_hex(p2);
    Header d2 = decode(p2);
    ps("v="); pi(d2.version); ps(" kind="); pi(d2.kind); ps(" len="); pi(d2.length); ps(" roundtrip: "); pb(same(h2, d2)); nl();
    Packet p3 = p1; p3.bytes[5] ^= 0x10; Header d3 = decode(p3);
    ps("corrupted id="); pi(d3.id); ps(" same="); pb(same(h1, d3)); nl();
    RET((int64_t)checksum(p1) * 1000 + (int64_t)checksum(p2));
}
