#include "rt.h"
int main(void) { int32_t a = -2147483647; int32_t b = (int32_t)((uint32_t)a - 10u); RET(b); }
