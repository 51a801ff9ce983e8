#include "rt.h"
static int64_t char_class(uint8_t c) {
    switch (c) { case 32: return 0; case 10: return 1; case 48: return 2; case 65: return 3; }
    if (c >= 'a' && c <= 'z') return 4;
    return 5;
}
int main(void) {
    pi(1); pi(0); pi(0); nl();
    uint8_t text[10] = {'A',' ','b','0','\n','#','z','A','1',' '};
    int64_t sig = 0;
    for (int i = 0; i < 10; i++) { int64_t k = char_class(text[i]); pi(k); sig = sig * 7 + k; }
    nl();
    int64_t flips = 0; bool state = false;
    for (int i = 0; i < 5; i++) { if (state) flips += 10; else flips += 1; state = !state; }
    ps("flips="); pi(flips); nl();
    RET(sig);
}
