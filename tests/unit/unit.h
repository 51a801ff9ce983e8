/* unit.h: the whole unit-test harness.  A test file is a program; each
 * failed CHECK prints one line, and main ends with UNIT_DONE(). */
#ifndef UNIT_H
#define UNIT_H
#include <stdio.h>
#include <string.h>

static int unit_pass, unit_fail;

#define CHECK(c) do { \
		if (c) unit_pass++; \
		else { unit_fail++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); } \
	} while (0)

#define CHECK_STR(a, b) do { \
		const char *a_ = (a), *b_ = (b); \
		if (a_ && b_ && strcmp(a_, b_) == 0) unit_pass++; \
		else { unit_fail++; printf("FAIL %s:%d: %s\n  got:  %s\n  want: %s\n", \
			__FILE__, __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } \
	} while (0)

#define CHECK_CONTAINS(hay, needle) do { \
		const char *h_ = (hay), *n_ = (needle); \
		if (h_ && strstr(h_, n_)) unit_pass++; \
		else { unit_fail++; printf("FAIL %s:%d: '%s' does not contain '%s'\n", \
			__FILE__, __LINE__, h_ ? h_ : "(null)", n_); } \
	} while (0)

#define UNIT_DONE() do { \
		printf("unit %s: %d passed, %d failed\n", __FILE__, unit_pass, unit_fail); \
		return unit_fail != 0; \
	} while (0)
#endif
