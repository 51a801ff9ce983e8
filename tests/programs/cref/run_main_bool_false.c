#include "rt.h"
int main(void) { pb(true); nl(); RETB(false); }
