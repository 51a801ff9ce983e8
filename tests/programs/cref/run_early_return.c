#include "rt.h"
static int64_t find(const int64_t *a, int64_t t) { for (int64_t i = 0; i < 8; i++) if (a[i] == t) return i; return -1; }
static int64_t fps(const int64_t *a, int64_t s) { for (int64_t i = 0; i < 8; i++) for (int64_t j = i+1; j < 8; j++) if (a[i]+a[j] == s) return i*10+j; return -1; }
static int64_t code(int64_t k) { if (k == 0) return 100; if (k == 1) return 200; if (k < 0) return -k; return k * 1000; }
static void log_and_stop(int64_t n) { for (;;) { if (n <= 0) { ps("stop"); nl(); return; } pi(n); ps(" "); n -= 2; } }
int main(void) {
    int64_t a[8] = {5,3,9,1,7,2,8,6};
    pi(find(a,7)); ps(" "); pi(find(a,4)); ps(" "); pi(fps(a,10)); ps(" "); pi(fps(a,100)); nl();
    pi(code(0)); ps(" "); pi(code(1)); ps(" "); pi(code(-5)); ps(" "); pi(code(3)); nl();
    log_and_stop(7); log_and_stop(0);
    RET(find(a,6) + fps(a,17));
}
