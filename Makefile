# Concrete toolchain. `make` builds everything into build/; `make run` builds
# and runs the demo; `make test` runs every test and ends with one
# "N passed, N failed" line.
CC      ?= cc
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
           -D_GNU_SOURCE -Ilibir
LDLIBS  += -lmsgpackc
B       ?= build
PREFIX  ?= /usr/local

TOOLS   := con-parse con-check con-lower con-emit con-link con-dump concrete
LIB_SRC := $(wildcard libir/*.c) $(filter-out %/main.c,$(wildcard $(addprefix tools/,$(addsuffix /*.c,$(TOOLS)))))
LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o)
RT_SRC  := $(wildcard runtime/*.c)
RT_OBJ  := $(RT_SRC:%.c=$(B)/obj/%.o)
BINS    := $(addprefix $(B)/bin/,$(TOOLS))

SHARE   := $(B)/share/concrete
STD     := $(SHARE)/std
STD_SRC := $(wildcard std/src/*.con) std/Concrete.toml
all: deps $(BINS) $(B)/lib/libconcrete_rt.a $(SHARE)/pipeline.mk $(SHARE)/opt-pipeline.txt \
	$(STD)/build/libconcrete_std.a

$(B)/obj/%.o: %.c libir/ir.h libir/schema.def | deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/lib/libconcrete.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# The runtime goes into users' programs, which are linked with plain cc:
# never build it with the tools' sanitizer or debug flags.
$(RT_OBJ): CFLAGS = -O2 -g -std=c11 -Wall -Wextra -D_GNU_SOURCE

$(B)/lib/libconcrete_rt.a: $(RT_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(B)/bin/%: $(B)/obj/tools/%/main.o $(B)/lib/libconcrete.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(B)/lib/libconcrete.a $(LDLIBS) -o $@

$(SHARE)/pipeline.mk: pipeline.mk
	@mkdir -p $(dir $@)
	cp $< $@

# The standard library, prebuilt where the driver looks for it
# (share/concrete/std, docs/concrete.md): its sources, the interfaces
# std.iface and std.NAME.iface, and libconcrete_std.a.  pipeline.mk's
# library mode does the work; it rebuilds only the modules that changed.
# (The tools free their arena at exit by design: no leak reports under ASan.)
$(STD)/%: std/%
	@mkdir -p $(dir $@)
	cp $< $@
$(STD)/build/libconcrete_std.a: $(STD_SRC:std/%=$(STD)/%) $(BINS) $(SHARE)/pipeline.mk $(SHARE)/opt-pipeline.txt
	ASAN_OPTIONS=detect_leaks=0 $(MAKE) -s --no-print-directory -f $(SHARE)/pipeline.mk SRC=$(STD)/src/lib.con C=$(STD)/build \
		BIN=$(abspath $(B)/bin) LIB=std $@

# LLVM 14 crashes in loop-access analysis on opaque-pointer IR (see
# tools/con-link/link.c): record its O2 pipeline without the passes that use
# it.  Newer LLVMs get an empty file and plain -O2.
$(SHARE)/opt-pipeline.txt:
	@mkdir -p $(dir $@)
	@if llc --version | grep -q 'LLVM version 14\.'; then \
		opt -opaque-pointers -passes='default<O2>' -print-pipeline-passes -disable-output /dev/null \
		| sed -e 's/loop-distribute,//; s/loop-vectorize<[^>]*>,//; s/loop-load-elim,//' > $@.tmp; \
	else : > $@.tmp; fi && mv $@.tmp $@

-include $(LIB_OBJ:.o=.d) $(RT_OBJ:.o=.d)

# `concrete --version` names the commit and the LLVM it drives; the header is
# rewritten only when that text changes, so it does not force rebuilds.
GIT_DESC := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)$(shell git diff --quiet HEAD 2>/dev/null || echo -dirty)
LLVM_VER := $(shell llc --version 2>/dev/null | sed -n 's/.*LLVM version \([0-9.]*\).*/\1/p')
$(B)/version.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define CONCRETE_VERSION "0.1.0"\n#define CONCRETE_GIT "%s"\n#define CONCRETE_TOOLCHAIN "llvm %s"\n' \
		'$(GIT_DESC)' '$(or $(LLVM_VER),unknown)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(B)/obj/tools/concrete/main.o: $(B)/version.h
$(B)/obj/tools/concrete/main.o: CFLAGS += -I$(B)
FORCE:

# Install missing system packages when we can (root with apt), else explain.
deps:
	@sh tests/setup.sh

install: all
	install -d $(PREFIX)/bin $(PREFIX)/lib $(PREFIX)/share/concrete
	install -m 755 $(BINS) $(PREFIX)/bin/
	install -m 644 $(B)/lib/libconcrete_rt.a $(PREFIX)/lib/
	install -m 644 pipeline.mk $(SHARE)/opt-pipeline.txt $(PREFIX)/share/concrete/
	install -d $(PREFIX)/share/concrete/std/src $(PREFIX)/share/concrete/std/build
	install -m 644 $(STD)/Concrete.toml $(PREFIX)/share/concrete/std/
	install -m 644 $(STD)/src/*.con $(PREFIX)/share/concrete/std/src/
	install -m 644 $(STD)/build/*.iface $(STD)/build/libconcrete_std.a $(PREFIX)/share/concrete/std/build/

run: all
	$(B)/bin/concrete examples/demo.con -o $(B)/demo
	$(B)/demo

test: all
	@bash tests/run.sh

# Tools built with AddressSanitizer and UBSan; `make asan` runs the tool
# tests against them (`make test` does too).
asan-build:
	$(MAKE) B=build-asan CC=clang OPT="-O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" all

asan: asan-build
	@bash tests/run.sh asan

bench: all
	@bash bench/run.sh

docs: $(B)/bin/con-dump
	$(B)/bin/con-dump --schema-doc > docs/IR.md

clean:
	rm -rf $(B) build-asan

.PHONY: all deps install run test asan asan-build bench docs clean FORCE
.SECONDARY:
