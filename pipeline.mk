# pipeline.mk: per-module build rules for Concrete programs.
#
# Used by the `concrete` driver and usable from your own Makefile:
#
#   SRC := src/main.con          # root source file
#   OUT := app                   # executable to build
#   include /usr/local/share/concrete/pipeline.mk
#   all: $(OUT)
#
# Variables: SRC (root .con), OUT (executable), C (cache directory, default
# build), BIN (directory of the con-* tools, default: next to this file's
# install location), CONCRETE_O (2 = optimise, 0 = fast edit loop),
# TEST (1 = build the #[test] runner), TEST_MODULE (--module filter).
#
# Stages (ARCHITECTURE.md 4):  .con -> .ast -> .chk -> .ir -> .ll -> .o -> OUT
# Every rule writes a temporary file and renames it, so an interrupted build
# never leaves a truncated stage behind that make would take as up to date.

PIPELINE_DIR := $(dir $(lastword $(MAKEFILE_LIST)))
BIN ?= $(abspath $(PIPELINE_DIR)/../../bin)
C ?= build
CONCRETE_O ?= 2
NAME := $(basename $(notdir $(SRC)))
# Each build variant (test runner, module filter, optimisation level) has
# its own .ll and .o, and the link depends on a flags file that changes when
# the variant does, so switching variants never reuses a stale result.
ifeq ($(TEST),1)
VARIANT := .test$(if $(TEST_MODULE),-$(TEST_MODULE))
EMIT_FLAGS := --test $(if $(TEST_MODULE),--module $(TEST_MODULE))
else
VARIANT :=
EMIT_FLAGS :=
endif
LL := $(C)/$(NAME)$(VARIANT).ll
OBJ := $(C)/$(NAME)$(VARIANT).O$(CONCRETE_O).o
FLAGS_FILE := $(C)/$(NAME).flags

ifneq ($(OUT),)
$(OUT): $(OBJ) $(FLAGS_FILE) $(BIN)/con-link
	$(BIN)/con-link -o $@ $(OBJ)

$(FLAGS_FILE): FORCE | $(C)
	@echo '$(VARIANT) O$(CONCRETE_O)' > $@.tmp; cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
endif

$(C)/$(NAME).ast: $(SRC) $(BIN)/con-parse | $(C)
	$(BIN)/con-parse -o $@.tmp $(SRC) && mv $@.tmp $@

$(C)/%.chk: $(C)/%.ast $(BIN)/con-check
	$(BIN)/con-check -o $@.tmp $< && mv $@.tmp $@

$(C)/%.ir: $(C)/%.chk $(BIN)/con-lower
	$(BIN)/con-lower -o $@.tmp $< && mv $@.tmp $@

$(LL): $(C)/$(NAME).ir $(BIN)/con-emit
	$(BIN)/con-emit $(EMIT_FLAGS) -o $@.tmp $< && mv $@.tmp $@

# con-link is the one place that knows how to run opt and llc.
$(OBJ): $(LL) $(BIN)/con-link
	$(BIN)/con-link -c $(if $(filter 0,$(CONCRETE_O)),-O0) -o $@ $<

$(C):
	mkdir -p $@

FORCE:
.PHONY: FORCE
.DELETE_ON_ERROR:
.SECONDARY:
.SUFFIXES:
