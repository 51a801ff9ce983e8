/* forward.c: bring a module forward to a later stage in-process, so that
 * con-emit accepts an AST as readily as IR.  Kept apart from the rest of
 * libir because it references the passes: the fuzz build leaves it out. */
#include "ir.h"

/* A module already past `want` yields NULL without a diagnostic: the caller
 * owns that message ("expected a stage <= X") and its exit status. */
Module *stage_forward(Module *m, Stage want, Diags *d)
{
	if (!m || m->stage > want)
		return NULL;
	while (m->stage < want) {
		switch (m->stage) {
		case STAGE_AST:
			if (check_module(m, d) > 0 || d->errors)
				return NULL;
			m->stage = STAGE_CHECKED;
			break;
		case STAGE_CHECKED: {
			Module *ir = lower_module(m, d);
			if (!ir || d->errors)
				return NULL;
			ir->stage = STAGE_IR;
			m = ir;
			break;
		}
		default:
			return NULL;
		}
	}
	return m;
}
