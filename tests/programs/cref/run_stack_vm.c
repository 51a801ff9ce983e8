#include "rt.h"
#include <string.h>
typedef struct { int64_t stack[16], vars[4], sp, pc, steps; } Vm;
static int64_t run(const int64_t *code, int64_t limit) {
    Vm m; memset(&m, 0, sizeof m);
    while (m.pc < 48) {
        if (m.steps >= limit) { ps("step limit"); nl(); break; }
        int64_t op = code[m.pc]; m.pc++; m.steps++;
        if (op == 0) break;
        else if (op == 1) { m.stack[m.sp++] = code[m.pc]; m.pc++; }
        else if (op == 5) { int64_t t = m.stack[m.sp-1]; m.stack[m.sp++] = t; }
        else if (op == 6) { int64_t t = m.stack[m.sp-1]; m.stack[m.sp-1] = m.stack[m.sp-2]; m.stack[m.sp-2] = t; }
        else if (op == 7) { m.sp--; if (m.stack[m.sp] == 0) m.pc = code[m.pc]; else m.pc++; }
        else if (op == 8) { m.pc = code[m.pc]; }
        else if (op == 9) { m.sp--; ps("out: "); pi(m.stack[m.sp]); nl(); }
        else if (op == 10) { int64_t t = m.stack[m.sp-2]; m.stack[m.sp++] = t; }
        else if (op == 11) { m.sp--; }
        else if (op == 14) { int64_t t = m.vars[code[m.pc]]; m.stack[m.sp++] = t; m.pc++; }
        else if (op == 15) { m.sp--; m.vars[code[m.pc]] = m.stack[m.sp]; m.pc++; }
        else {
            int64_t b = m.stack[m.sp-1], a = m.stack[m.sp-2]; m.sp--;
            m.stack[m.sp-1] = op == 2 ? a + b : op == 3 ? a - b : op == 4 ? a * b : op == 12 ? a / b : a % b;
        }
    }
    ps("steps="); pi(m.steps); ps(" sp="); pi(m.sp); nl();
    if (m.sp > 0) return m.stack[m.sp-1];
    return -1;
}
static void load(int64_t *d, int at, int64_t s0,int64_t s1,int64_t s2,int64_t s3,int64_t s4,int64_t s5,int64_t s6,int64_t s7) {
    int64_t s[8] = {s0,s1,s2,s3,s4,s5,s6,s7}; for (int i = 0; i < 8; i++) d[at+i] = s[i];
}
int main(void) {
    int64_t f[48] = {0};
    load(f,0, 1,10,15,0,1,1,15,1); load(f,8, 14,0,7,28,14,1,14,0);
    load(f,16, 4,15,1,14,0,1,1,3); load(f,24, 15,0,8,8,14,1,5,9);
    int64_t r1 = run(f, 1000);
    int64_t g[48] = {0};
    load(g,0, 1,1071,1,462,5,7,12,6); load(g,8, 10,13,8,4,11,5,9,0);
    int64_t r2 = run(g, 1000);
    int64_t e[48] = {0};
    load(e,0, 1,7,1,2,3,1,3,1); load(e,8, 4,2,4,1,2,12,1,6); load(e,16, 13,0,0,0,0,0,0,0);
    int64_t r3 = run(e, 1000);
    int64_t l[48] = {0};
    load(l,0, 1,1,2,8,0,0,0,0); l[1] = 0; load(l,0, 1,1,1,1,2,8,2,0);
    int64_t r4 = run(l, 50);
    ps("results "); pi(r1); ps(" "); pi(r2); ps(" "); pi(r3); ps(" "); pi(r4); nl();
    RET(r1 + r2 + r3 + r4);
}
