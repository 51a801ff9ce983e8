#include "rt.h"
static void describe(int64_t k) {
    switch (k) {
    case 0: ps("zero"); nl(); break;
    case 1: ps("one"); nl(); break;
    case -1: ps("minus one"); nl(); break;
    case 16: ps("sixteen"); nl(); break;
    default: ps("other "); pi(k); nl();
    }
}
int main(void) {
    describe(0); describe(1); describe(-1); describe(16); describe(42);
    int64_t score = 0;
    for (int64_t i = 0; i < 8; i++) {
        int64_t m = i % 4;
        if (m == 0) score += 1; else if (m == 1) score += 10; else if (m == 2) continue; else score *= 2;
        score += 1000;
    }
    ps("score="); pi(score); nl();
    int64_t j = 0; while (1) { if (j == 5) break; j++; }
    ps("j="); pi(j); nl();
    RET(score);
}
