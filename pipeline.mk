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
EMIT_FLAGS := --entry
endif
LL := $(C)/$(NAME)$(VARIANT).ll
OBJ := $(C)/$(NAME)$(VARIANT).O$(CONCRETE_O).o
FLAGS_FILE := $(C)/$(NAME).flags

# Module files (`mod x;`, LANGUAGE.md 4.12): `con-parse --deps --pipeline`
# lists them with their module paths (CON_MODS, CON_SRC_<path>) and the
# interfaces each file's check reads (CON_IFACES_ROOT, CON_IFACES_<path>).
# Each module file is parsed, checked against the interfaces of the module
# files it declares (writing its own C/<path>.iface), lowered, emitted and
# compiled on its own; the objects are linked together.  The fragment is
# remade (and make restarts) when the root or any module file changes.
MODS_MK := $(C)/$(NAME).mods.mk
$(MODS_MK): $(SRC) $(BIN)/con-parse | $(C)
	$(BIN)/con-parse --deps $(SRC) --pipeline $(C) --target $@ -o $@.tmp && mv $@.tmp $@
include $(MODS_MK)

define CON_MOD_RULES
$(C)/$(1).ast: $(CON_SRC_$(1)) $(BIN)/con-parse | $(C)
	$(BIN)/con-parse -o $$@.tmp $(CON_SRC_$(1)) && mv $$@.tmp $$@
$(C)/$(1).chk: $(C)/$(1).ast $(CON_IFACES_$(1)) $(BIN)/con-check
	$(BIN)/con-check --module $(1) -I $(C) --iface-out $(C)/$(1).iface -o $$@.tmp $$< && mv $$@.tmp $$@
$(C)/$(1).iface: $(C)/$(1).chk ;
$(C)/$(1).ll: $(C)/$(1).ir $(BIN)/con-emit
	$(BIN)/con-emit -o $$@.tmp $$< && mv $$@.tmp $$@
$(C)/$(1).O$(CONCRETE_O).o: $(C)/$(1).ll $(BIN)/con-link
	$(BIN)/con-link -c $(if $(filter 0,$(CONCRETE_O)),-O0) -o $$@ $$<
endef
$(foreach m,$(CON_MODS),$(eval $(call CON_MOD_RULES,$(m))))
MOD_OBJS := $(foreach m,$(CON_MODS),$(C)/$(m).O$(CONCRETE_O).o)
# The test runner also calls the #[test] functions of the module files.
ifeq ($(TEST),1)
TEST_IRS := $(foreach m,$(CON_MODS),$(C)/$(m).ir)
EMIT_FLAGS += $(foreach f,$(TEST_IRS),--tests-from $(f))
endif

ifneq ($(OUT),)
$(OUT): $(OBJ) $(MOD_OBJS) $(FLAGS_FILE) $(BIN)/con-link
	$(BIN)/con-link -o $@ $(OBJ) $(MOD_OBJS)

$(FLAGS_FILE): FORCE | $(C)
	@echo '$(VARIANT) O$(CONCRETE_O)' > $@.tmp; cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
endif

$(C)/$(NAME).ast: $(SRC) $(BIN)/con-parse | $(C)
	$(BIN)/con-parse -o $@.tmp $(SRC) && mv $@.tmp $@

$(C)/$(NAME).chk: $(CON_IFACES_ROOT)
$(C)/%.chk: $(C)/%.ast $(BIN)/con-check
	$(BIN)/con-check -I $(C) -o $@.tmp $< && mv $@.tmp $@

$(C)/%.ir: $(C)/%.chk $(BIN)/con-lower
	$(BIN)/con-lower -o $@.tmp $< && mv $@.tmp $@

$(LL): $(C)/$(NAME).ir $(TEST_IRS) $(BIN)/con-emit
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
