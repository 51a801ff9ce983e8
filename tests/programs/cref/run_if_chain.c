#include "rt.h"
static void classify(int64_t n) {
    if (n < 0) ps("negative"); else if (n == 0) ps("zero"); else if (n < 10) ps("small");
    else if (n < 100) ps("medium"); else ps("large");
    ps(" ("); pi(n); ps(")"); nl();
}
static char grade(int64_t s) { if (s >= 90) return 'A'; else if (s >= 80) return 'B'; else if (s >= 70) return 'C'; return 'F'; }
int main(void) {
    classify(-5); classify(0); classify(7); classify(42); classify(1000);
    pc(grade(95)); pc(grade(85)); pc(grade(75)); pc(grade(10)); nl();
    int64_t count = 0, i = 0;
    while (i < 30) {
        if (i % 2 == 0) { if (i % 3 == 0) count += 100; else count += 1; }
        else if (i % 5 == 0) count += 10;
        i++;
    }
    if (count > 0) { ps("count positive"); nl(); }
    RET(count);
}
