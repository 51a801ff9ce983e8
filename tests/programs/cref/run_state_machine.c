#include "rt.h"
static bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static bool is_alpha(uint8_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static bool is_op(uint8_t c) { return c == '+' || c == '-' || c == '*' || c == '/' || c == '='; }
int main(void) {
    const char *s = "x1 = 42+foo*7 # no1\ny=x1-100/bar_9 $33;\n";
    uint8_t src[40]; for (int k = 0; k < 40; k++) src[k] = (uint8_t)s[k];
    int64_t numbers = 0, idents = 0, ops = 0, sum = 0, longest = 0, errors = 0;
    int64_t state = 0, cur = 0, len = 0, line = 1, i = 0;
    while (i <= 40) {
        uint8_t c = i < 40 ? src[i] : ' ';
        if (state == 1) {
            if (is_digit(c)) { cur = cur * 10 + (c - 48); i++; continue; }
            numbers++; sum += cur; ps("line "); pi(line); ps(" number "); pi(cur); nl(); state = 0;
        } else if (state == 2) {
            if (is_alpha(c) || is_digit(c)) { len++; i++; continue; }
            idents++; if (len > longest) longest = len; ps("line "); pi(line); ps(" ident of length "); pi(len); nl(); state = 0;
        } else if (state == 3) {
            if (c == '\n') state = 0; else { i++; continue; }
        }
        if (state == 0) {
            if (is_digit(c)) { state = 1; cur = c - 48; }
            else if (is_alpha(c)) { state = 2; len = 1; }
            else if (is_op(c)) { ops++; ps("op "); pc(c); ps("\n"); }
            else if (c == '#') state = 3;
            else if (c == '\n') line++;
            else if (c != ' ' && c != ';') { errors++; ps("line "); pi(line); ps(" unexpected '"); pc(c); ps("' ("); pi(c); ps(")"); nl(); }
        }
        i++;
    }
    ps("numbers="); pi(numbers); ps(" idents="); pi(idents); ps(" ops="); pi(ops); nl();
    ps("sum="); pi(sum); ps(" longest="); pi(longest); ps(" errors="); pi(errors); ps(" lines="); pi(line); nl();
    RET(sum * 100 + ops * 10 + errors);
}
