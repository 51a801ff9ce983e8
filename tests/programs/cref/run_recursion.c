#include "rt.h"
static int64_t fact(int64_t n) { if (n <= 1) return 1; return n * fact(n - 1); }
static int64_t fib(int64_t n) { return n < 2 ? n : fib(n-1) + fib(n-2); }
static int64_t ack(int64_t m, int64_t n) { if (m == 0) return n + 1; if (n == 0) return ack(m-1, 1); return ack(m-1, ack(m, n-1)); }
static int64_t pow_mod(int64_t b, int64_t e, int64_t m) {
    if (e == 0) return 1 % m;
    int64_t h = pow_mod(b, e/2, m); int64_t sq = h * h % m;
    if (e % 2 == 1) return sq * b % m; return sq;
}
static uint32_t digit_sum(uint32_t n) { if (n < 10) return n; return n % 10 + digit_sum(n / 10); }
static int64_t hanoi(int64_t n, int64_t from, int64_t to, int64_t via) {
    if (n == 0) return 0;
    int64_t a = hanoi(n-1, from, via, to);
    if (n == 3) { ps("move disk 3 from "); pi(from); ps(" to "); pi(to); nl(); }
    int64_t b = hanoi(n-1, via, to, from);
    return a + b + 1;
}
int main(void) {
    ps("fact(10)="); pi(fact(10)); ps(" fact(20)="); pi(fact(20)); ps(" fact(21)="); pi(fact(21)); nl();
    ps("fib(20)="); pi(fib(20)); nl();
    ps("ack(2,3)="); pi(ack(2,3)); ps(" ack(3,3)="); pi(ack(3,3)); nl();
    ps("pow_mod="); pi(pow_mod(3,200,1000000007)); ps(" "); pi(pow_mod(2,10,1000)); nl();
    ps("digit_sum="); pi(digit_sum(4000000000u)); nl();
    ps("hanoi moves="); pi(hanoi(5,1,3,2)); nl();
    RET(fib(15));
}
