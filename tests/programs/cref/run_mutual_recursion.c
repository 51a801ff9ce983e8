#include "rt.h"
static bool is_odd(int64_t n);
static bool is_even(int64_t n) { if (n == 0) return true; return is_odd(n - 1); }
static bool is_odd(int64_t n) { if (n == 0) return false; return is_even(n - 1); }
static int64_t hof_m(int64_t n);
static int64_t hof_f(int64_t n) { if (n == 0) return 1; return n - hof_m(hof_f(n - 1)); }
static int64_t hof_m(int64_t n) { if (n == 0) return 0; return n - hof_f(hof_m(n - 1)); }
int main(void) {
    ps("even(10)="); pb(is_even(10)); ps(" odd(10)="); pb(is_odd(10)); ps(" even(7)="); pb(is_even(7)); nl();
    ps("hof="); pi(hof_f(10)); ps(" "); pi(hof_m(10)); nl();
    int64_t s = 0;
    for (int64_t i = 0; i < 15; i++) { s += hof_f(i) * 100 + hof_m(i); pi(hof_f(i)); ps(" "); }
    nl();
    RET(s + 3 * 4);
}
