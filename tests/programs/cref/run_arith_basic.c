#include "rt.h"
int main(void) {
    int64_t a = 17, b = 5;
    pi(a+b); ps(" "); pi(a-b); ps(" "); pi(a*b); ps(" "); pi(a/b); ps(" "); pi(a%b); nl();
    int64_t c = -17;
    pi(c/b); ps(" "); pi(c%b); ps(" "); pi(a/-5); ps(" "); pi(a%-5); ps(" "); pi(c/-5); ps(" "); pi(c%-5); nl();
    pi(2+3*4); ps(" "); pi((2+3)*4); ps(" "); pi(20-5-3); ps(" "); pi(100/10/5); ps(" "); pi(7 - -3); nl();
    pi(-(a*2)); ps(" "); pi(17%5*3); ps(" "); pi(1-2*3+4); nl();
    int64_t acc = 0, i = 1;
    while (i <= 10) { acc = acc + i*i - i%3; i = i + 1; }
    ps("acc="); pi(acc); nl();
    RET(acc - 300);
}
