/* concrete: the user-facing driver with the reference compiler's command
 * line (CLI_AND_REPORTS.md 1.1).  Argument lists are matched exactly and
 * positionally, as the reference does; anything else prints the usage. */
#include "driver.h"
#include "version.h"

#include <string.h>

static const char usage[] =
	"usage: concrete FILE                 compile FILE to an executable\n"
	"       concrete FILE -o OUT          compile FILE to OUT\n"
	"       concrete FILE --emit-llvm     print the LLVM IR\n"
	"       concrete FILE --emit-checked  print the checked AST (con-dump text)\n"
	"       concrete FILE --emit-ir       print the lowered IR (con-dump text)\n"
	"       concrete FILE --emit-core     print the checked program as source\n"
	"       concrete FILE --emit-ssa      the same as --emit-ir\n"
	"       concrete FILE --fmt           print FILE pretty-printed (also --fmt FILE)\n"
	"       concrete FILE --test [--module M]  build and run the #[test] functions\n"
	"       concrete build [-o OUT] [--emit-llvm]   build the project (Concrete.toml)\n"
	"       concrete run [-- ARGS...]    build and run the project\n"
	"       concrete test [--module M]   build and run the project's #[test] functions\n"
	"       concrete --version\n";

static int bad_usage(void)
{
	fputs(usage, stderr);
	return 1;
}

/* The single-flag forms `concrete FILE --X`; DRV_BUILD = none of them.
 * --emit-ssa is the reference's name for its lowered-IR dump: ours is the
 * con-dump text of the IR (docs/concrete.md). */
static DriverMode dump_mode(const char *flag)
{
	static const struct { const char *flag; DriverMode mode; } modes[] = {
		{ "--emit-llvm", DRV_EMIT_LLVM }, { "--emit-checked", DRV_EMIT_CHECKED },
		{ "--emit-ir", DRV_EMIT_IR }, { "--emit-ssa", DRV_EMIT_IR },
		{ "--emit-core", DRV_EMIT_CORE }, { "--fmt", DRV_FMT },
	};
	for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
		if (strcmp(flag, modes[i].flag) == 0)
			return modes[i].mode;
	return DRV_BUILD;
}

int main(int argc, char **argv)
{
	DriverJob job = { .mode = DRV_BUILD };
	if (argc == 2 && strcmp(argv[1], "--version") == 0) {
		printf("concrete %s (%s) [%s]\n", CONCRETE_VERSION, CONCRETE_GIT, CONCRETE_TOOLCHAIN);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "--fmt") == 0) {
		/* also accepted in front: `concrete --fmt FILE` */
		job.mode = DRV_FMT;
		job.file = argv[2];
		return driver_run(&job);
	}
	if (argc < 2 || argv[1][0] == '-')
		return bad_usage();
	if (!strcmp(argv[1], "build") || !strcmp(argv[1], "run") || !strcmp(argv[1], "test"))
		return project_main(argc, argv);
	job.file = argv[1];
	if (argc == 2)
		return driver_run(&job);
	if (argc == 4 && strcmp(argv[2], "-o") == 0) {
		job.out = argv[3];
		return driver_run(&job);
	}
	if (argc == 3 && (job.mode = dump_mode(argv[2])) != DRV_BUILD)
		return driver_run(&job);
	if (strcmp(argv[2], "--test") == 0 && (argc == 3 ||
	    (argc == 5 && strcmp(argv[3], "--module") == 0))) {
		job.mode = DRV_TEST;
		job.test_module = argc == 5 ? argv[4] : NULL;
		return driver_run(&job);
	}
	return bad_usage();
}
