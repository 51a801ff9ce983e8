#include "rt.h"
int main(void) { uint64_t a = 9223372036854775807ULL; uint64_t b = a + 2; RET((int64_t)(b * 3)); }
