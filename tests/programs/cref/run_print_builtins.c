#include "rt.h"
int main(void) {
    print_int(42); print_char(10); print_int(INT64_MIN); print_char(32); print_bool(true); print_char(32); print_bool(false); print_char(10);
    print_char(65 + 256); print_char(10);
    ps("n="); pi(-7); ps(" ok="); pb(true); pc(' '); pc('x'); nl();
    pi(-1); ps(" "); pi(255); ps(" "); pi(-300); ps(" "); pi(65535); ps(" "); pi(-2); ps(" "); pi(4294967295LL); ps(" "); pi(-1); ps(" "); pi(12345); nl();
    ps("no newline;"); ps(" still same line"); pc('\n');
    ps("escapes: tab[\t] quote[\"] backslash[\\] apostrophe['] q[q]"); nl();
    ps("multi\nline literal"); nl();
    pc('a'); pc('b'); pc('c'); pi(1); pi(2); pi(3); pb(false); nl();
    nl();
    ps("end"); nl();
    return 0;
}
