#include "rt.h"
#include <string.h>
typedef struct { int32_t regs[8]; int64_t pc; bool zero; int64_t cycles; } Cpu;
typedef struct { uint32_t op; int64_t rd, rs; int32_t imm; } D;
static uint32_t enc(uint32_t op, uint32_t rd, uint32_t rs, int32_t imm) {
    uint32_t low = ((uint32_t)imm) & 0xFFFF;
    return (op << 24) | ((rd & 15) << 20) | ((rs & 15) << 16) | low;
}
static D decode(uint32_t w) { uint16_t raw = w & 0xFFFF; D d = { w >> 24, (w >> 20) & 15, (w >> 16) & 15, (int32_t)(int16_t)raw }; return d; }
static Cpu run(uint32_t *prog, int64_t len, bool trace) {
    Cpu c; memset(&c, 0, sizeof c);
    while (c.pc < len && c.cycles < 500) {
        uint32_t w = prog[c.pc]; D d = decode(w);
        if (trace) printf("  %08x op=%u rd=%lld rs=%lld imm=%d\n", w, d.op, (long long)d.rd, (long long)d.rs, d.imm);
        c.pc++; c.cycles++;
        int32_t result = 0; bool writes = true;
        switch (d.op) {
        case 1: result = d.imm; break;
        case 2: result = (int32_t)((uint32_t)c.regs[d.rd] + (uint32_t)c.regs[d.rs]); break;
        case 3: result = (int32_t)((uint32_t)c.regs[d.rd] - (uint32_t)c.regs[d.rs]); break;
        case 4: result = (int32_t)((uint32_t)c.regs[d.rd] + (uint32_t)d.imm); break;
        case 5: result = (int32_t)((uint32_t)c.regs[d.rd] * (uint32_t)c.regs[d.rs]); break;
        case 6: result = c.regs[d.rd] & c.regs[d.rs]; break;
        case 7: result = (int32_t)(((uint32_t)c.regs[d.rd]) >> (uint32_t)d.imm); break;
        case 8: result = (int32_t)((uint32_t)c.regs[d.rd] << d.imm); break;
        case 9: writes = false; if (c.regs[d.rd] != 0) c.pc = c.pc + d.imm; break;
        case 10: writes = false; c.pc = c.pc + d.imm; break;
        case 11: result = c.regs[d.rs]; break;
        case 12: writes = false; printf("  out r%lld = %d\n", (long long)d.rd, c.regs[d.rd]); break;
        case 13: writes = false; c.pc = len; break;
        default: writes = false; printf("  illegal op %u\n", d.op); c.pc = len;
        }
        if (writes) { c.regs[d.rd] = result; c.zero = result == 0; }
    }
    return c;
}
static void report(const char *name, Cpu c) {
    printf("%s: cycles=%lld zero=%s regs", name, (long long)c.cycles, c.zero ? "true" : "false");
    for (int i = 0; i < 8; i++) printf(" %d", c.regs[i]);
    nl();
}
int main(void) {
    uint32_t p[24] = {0};
    p[0] = enc(1,1,0,10); p[1] = enc(1,2,0,0); p[2] = enc(1,3,0,1); p[3] = enc(11,4,3,0); p[4] = enc(2,3,2,0);
    p[5] = enc(11,2,4,0); p[6] = enc(4,1,0,-1); p[7] = enc(9,1,0,-5); p[8] = enc(12,2,0,0); p[9] = enc(13,0,0,0);
    Cpu a = run(p, 10, false); report("fib", a);
    uint32_t q[24] = {0};
    q[0] = enc(1,1,0,-21846); q[1] = enc(1,6,0,1); q[2] = enc(11,7,1,0); q[3] = enc(6,7,6,0); q[4] = enc(2,5,7,0);
    q[5] = enc(7,1,0,1); q[6] = enc(9,1,0,-5); q[7] = enc(12,5,0,0);
    Cpu b = run(q, 8, false); report("popcount", b);
    uint32_t w[24] = {0};
    w[0] = enc(1,1,0,23170); w[1] = enc(4,1,0,23171); w[2] = enc(5,1,1,0); w[3] = enc(11,2,1,0); w[4] = enc(8,2,0,3);
    w[5] = enc(3,3,2,0); w[6] = enc(12,1,0,0); w[7] = enc(12,3,0,0); w[8] = enc(0x7F,0,0,0); w[9] = enc(12,0,0,0);
    Cpu c = run(w, 10, true); report("wrap", c);
    uint32_t e[24] = {0};
    e[0] = enc(4,1,0,3); e[1] = enc(10,0,0,-2);
    Cpu d = run(e, 2, false); report("spin", d);
    RET((int32_t)((uint32_t)a.regs[2] + (uint32_t)b.regs[5] + (uint32_t)c.regs[3] + (uint32_t)d.regs[1]));
}
