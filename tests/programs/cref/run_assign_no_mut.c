#include "rt.h"
int main(void) {
    int64_t arr[3] = {1, 20, 3}; int64_t v = 10, w = 10 + 20;
    pi(arr[0]); ps(" "); pi(arr[1]); ps(" "); pi(arr[2]); ps(" "); pi(v); ps(" "); pi(w); nl();
    RET(w + arr[1]);
}
