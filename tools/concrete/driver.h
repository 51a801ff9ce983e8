/* driver.h: the `concrete` driver's logic, shared between its main.c and
 * its own files only. */
#ifndef CONCRETE_DRIVER_H
#define CONCRETE_DRIVER_H
#include "ir.h"

typedef enum DriverMode {
	DRV_BUILD, DRV_EMIT_LLVM, DRV_TEST,
	DRV_EMIT_CHECKED,        /* con-dump text of the checked AST */
	DRV_EMIT_IR,             /* con-dump text of the lowered IR */
	DRV_EMIT_CORE,           /* the checked program in source syntax */
	DRV_FMT,                 /* the source pretty-printed from its AST */
} DriverMode;

typedef struct DriverJob {
	DriverMode mode;
	const char *file;        /* source path as typed */
	const char *out;         /* executable for DRV_BUILD, NULL = derived */
	const char *test_module; /* --module filter */
} DriverJob;

/* Runs the job; returns the process exit status for the driver. */
int driver_run(const DriverJob *job);
/* project.c: `concrete build|run|test ...` (argv as given to main). */
int project_main(int argc, char **argv);
/* make -f pipeline.mk VARS... TARGET, as every build runs it. */
int pipeline_make(char *const *vars, const char *target);
/* Output name the reference derives: FILE minus .con, or FILE.out. */
char *driver_default_out(const char *file);
#endif
