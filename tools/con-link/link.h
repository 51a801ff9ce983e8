/* link.h: con-link's compile and link steps. */
#ifndef CON_LINK_H
#define CON_LINK_H
#include "ir.h"

/* f.ll (or .bc) -> obj with opt + llc; returns 0 or 1 (message printed). */
int link_compile(const char *ll, const char *obj, bool o0);
/* objs + runtime archive -> executable with the system C compiler. */
int link_executable(const char *out, const char *const *objs, uint32_t n, const char *runtime);
#endif
