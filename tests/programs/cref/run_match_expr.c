#include "rt.h"
static int32_t bucket(int32_t c) { return c == 0 ? 1 : c == -1 ? 2 : 3; }
static int64_t catch_first(int64_t k) { return k == 1 ? 10 : k == 2 ? 20 : 0; }
static int64_t double_other(int64_t k) { return k == 0 ? 100 : k * 2; }
static int64_t weird(uint8_t k) { if (k == 255) return 42; if (k == 0xF0) return 240; return (int64_t)k + 1000; }
int main(void) {
    pi(bucket(0)); ps(" "); pi(bucket(-1)); ps(" "); pi(bucket(5)); ps(" "); pi(bucket(-5)); nl();
    pi(catch_first(1)); ps(" "); pi(catch_first(2)); ps(" "); pi(catch_first(3)); ps(" "); pi(catch_first(-1)); nl();
    pi(double_other(0)); ps(" "); pi(double_other(21)); ps(" "); pi(double_other(-4)); nl();
    pi(weird(255)); ps(" "); pi(weird(240)); ps(" "); pi(weird(3)); nl();
    int64_t acc = 0;
    for (int64_t i = -2; i < 5; i++) acc = acc * 10 + (i == -2 ? 1 : i == -1 ? 2 : i == 0 ? 3 : 4);
    ps("acc="); pi(acc); nl();
    int64_t nested = bucket(7) == 3 ? (catch_first(2) == 20 ? 55 : 0) : -1;
    ps("nested="); pi(nested); nl();
    RET(nested + double_other(8));
}
