/* Helpers mirroring the Concrete print builtins (BUILTINS.md 3.1) and main's
   result printing (LANGUAGE.md 6.2). Compile with: cc -O0 -fwrapv */
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>
static void print_int(long long n) { printf("%lld", n); }
static void print_char(long long c) { putchar((int)c); }
static void print_bool(bool b) { printf("%s", b ? "true" : "false"); }
static void ps(const char *s) { printf("%s", s); }
static void pi(long long n) { printf("%lld", n); }
static void pc(uint8_t c) { putchar(c); }
static void pb(bool b) { print_bool(b); }
static void nl(void) { putchar('\n'); }
#define RET(v) printf("%lld\n", (long long)(v))
#define RETB(b) printf("%s\n", (b) ? "true" : "false")
