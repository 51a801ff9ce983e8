#include "rt.h"
static bool noisy(int64_t tag, bool v) { ps("eval "); pi(tag); nl(); return v; }
static bool safe_div_positive(int64_t a, int64_t b) { return b != 0 && a / b > 0; }
int main(void) {
    int64_t hits = 0;
    if (false && noisy(1, true)) hits += 1;
    if (true || noisy(2, true)) hits += 10;
    if (true && noisy(3, true)) hits += 100;
    if (false || noisy(4, false)) hits += 1000;
    bool r = noisy(5, false) && noisy(6, true);
    bool s = noisy(7, true) || noisy(8, false);
    ps("r="); pb(r); ps(" s="); pb(s); nl();
    ps("div: "); pb(safe_div_positive(10,0)); ps(" "); pb(safe_div_positive(10,3)); ps(" "); pb(safe_div_positive(-10,3)); nl();
    bool t = noisy(9, true) && (noisy(10, false) || noisy(11, true)) && !(noisy(12, false));
    ps("t="); pb(t); nl();
    ps("not: "); pb(!true); ps(" "); pb(!false); ps(" "); pb(!(1 > 2) && true); nl();
    RET(hits);
}
