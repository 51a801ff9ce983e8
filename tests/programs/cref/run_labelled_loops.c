#include "rt.h"
static int64_t find_pair(int64_t target) {
    int64_t found = -1, a = 1;
    while (a < 20) {
        int64_t b = a;
        while (b < 20) { if (a * b == target) { found = a * 100 + b; goto done; } b++; }
        a++;
    }
done:
    ps("pair for "); pi(target); ps(": "); pi(found); nl();
    return found;
}
int main(void) {
    int64_t r1 = find_pair(91), r2 = find_pair(1000);
    int64_t count = 0;
    for (int64_t i = 0; i < 6; i++) {
        for (int64_t j = 0; j < 6; j++) {
            if (j > i) goto next_row;
            if (i + j == 7) continue;
            count++;
        }
    next_row:;
    }
    ps("count="); pi(count); nl();
    int64_t log = 0, x = 0;
    for (;;) {
        x++;
        int64_t y = 0;
        for (;;) {
            y++;
            if (y > x) goto cont_outer;
            if (x * y > 12) goto brk_outer;
            if (y % 2 == 0) continue;
            log = log * 3 + y;
            if (log > 1000000) break;
        }
    cont_outer:;
    }
brk_outer:
    ps("x="); pi(x); ps(" log="); pi(log); nl();
    RET(r1 + r2 + count);
}
