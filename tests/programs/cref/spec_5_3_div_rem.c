#include "rt.h"
int main(void) {
    int64_t p = 7, q = -7;
    pi(q / 2); ps(" "); pi(q % 2); ps(" "); pi(p / -2); ps(" "); pi(p % -2); ps(" "); pi(q % -2); ps(" "); pi(q / -2); nl();
    int8_t a = -128; uint8_t b = 250;
    pi((int8_t)(a / 2)); ps(" "); pi((int8_t)(a % 3)); ps(" "); pi((uint8_t)(b / 7)); ps(" "); pi((uint8_t)(b % 7)); ps(" "); pi((int8_t)(a / 127)); nl();
    uint32_t c = 4294967295u; uint64_t u = UINT64_MAX; int64_t n = INT64_MIN;
    pi(c / 2); ps(" "); pi(c % 10); ps(" "); pi((int64_t)(u / 2)); ps(" "); pi((int64_t)(u % 10)); ps(" "); pi(n / 7); ps(" "); pi(n % 7); nl();
    int16_t s = -32767; uint16_t t = 65535;
    pi((int16_t)(s / 256)); ps(" "); pi((int16_t)(s % 256)); ps(" "); pi((uint16_t)(t / 256)); ps(" "); pi((uint16_t)(t % 256)); ps(" "); pi(0 / p); ps(" "); pi(0 % q); nl();
    RET(0);
}
