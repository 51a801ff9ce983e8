/* driver.h: the `concrete` driver's logic, shared between its main.c and
 * its own files only. */
#ifndef CONCRETE_DRIVER_H
#define CONCRETE_DRIVER_H
#include "ir.h"

typedef enum DriverMode { DRV_BUILD, DRV_EMIT_LLVM, DRV_TEST } DriverMode;

typedef struct DriverJob {
	DriverMode mode;
	const char *file;        /* source path as typed */
	const char *out;         /* executable for DRV_BUILD, NULL = derived */
	const char *test_module; /* --module filter */
} DriverJob;

/* Runs the job; returns the process exit status for the driver. */
int driver_run(const DriverJob *job);
/* Output name the reference derives: FILE minus .con, or FILE.out. */
char *driver_default_out(const char *file);
#endif
