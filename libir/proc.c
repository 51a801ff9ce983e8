/* proc.c: running other programs without a shell, so that paths with spaces
 * or quotes reach them intact. */
#include "ir.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int wait_status(pid_t pid)
{
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 127;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return 127;
}

/* Copy the child's stderr line by line through keep(). */
static void filter_lines(int fd, bool (*keep)(const char *line))
{
	Buf line = {0};
	char chunk[4096];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (ssize_t i = 0; i < n; i++) {
			buf_putc(&line, chunk[i]);
			if (chunk[i] != '\n')
				continue;
			buf_putc(&line, 0);
			if (keep(line.s))
				fputs(line.s, stderr);
			line.n = 0;
		}
	}
	if (line.n) {
		buf_putc(&line, 0);
		if (keep(line.s))
			fputs(line.s, stderr);
	}
	fflush(stderr);
	free(line.s);
}

int proc_run(char *const argv[], bool (*keep)(const char *line))
{
	posix_spawn_file_actions_t fa;
	int pipefd[2] = {-1, -1};
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	posix_spawn_file_actions_init(&fa);
	if (keep) {
		if (pipe(pipefd) < 0)
			return 127;
		posix_spawn_file_actions_adddup2(&fa, pipefd[1], 2);
		posix_spawn_file_actions_addclose(&fa, pipefd[0]);
		posix_spawn_file_actions_addclose(&fa, pipefd[1]);
	}
	int err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (keep)
		close(pipefd[1]);
	if (err) {
		if (keep)
			close(pipefd[0]);
		return 127;
	}
	if (keep) {
		filter_lines(pipefd[0], keep);
		close(pipefd[0]);
	}
	return wait_status(pid);
}

const char *proc_self_dir(void)
{
	static char dir[PATH_MAX];
	if (dir[0])
		return dir;
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n <= 0) {
		strcpy(dir, ".");
		return dir;
	}
	dir[n] = 0;
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir)
		*slash = 0;
	return dir;
}
