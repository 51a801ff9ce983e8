#include "rt.h"
int main(void) { uint16_t x = 1; for (int i = 0; i < 20; i++) x = (uint16_t)(x * 3 + 1); RET(x); }
