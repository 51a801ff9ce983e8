#include "rt.h"
typedef struct { int64_t id, balance; } Account;
static Account open_(int64_t id, int64_t amt) { return (Account){id, amt}; }
static Account deposit(Account a, int64_t amt) { return (Account){a.id, a.balance + amt}; }
static int64_t close_(Account a) { ps("closing "); pi(a.id); ps(" with "); pi(a.balance); nl(); return a.balance; }
int main(void) {
    Account c = deposit(deposit(open_(1, 100), 50), -30);
    ps("peek id="); pi(c.id); ps(" balance="); pi(c.balance); nl();
    int64_t total = close_(c);
    RET(total + close_(deposit(open_(2, 7), 3)));
}
