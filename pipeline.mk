# pipeline.mk: per-module build rules for Concrete programs.
#
# Used by the `concrete` driver and usable from your own Makefile:
#
#   SRC := src/main.con          # root source file
#   OUT := app                   # executable to build
#   all: $(OUT)                  # first, so that it is the default goal
#   include /usr/local/share/concrete/pipeline.mk
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
# its own .ll and .o, and the link remembers the variant it used (LINK_MK
# below), so switching variants never reuses a stale result.
ifeq ($(TEST),1)
VARIANT := .test$(if $(TEST_MODULE),-$(TEST_MODULE))
EMIT_FLAGS := --test $(if $(TEST_MODULE),--module $(TEST_MODULE))
else
VARIANT :=
EMIT_FLAGS := --entry
endif
# Project mode (`concrete build`, docs/concrete.md): LIBS names library
# packages (std) whose prebuilt interfaces LIB_DIR/NAME.iface every check
# reads as top-level modules and whose archives LIB_DIR/libconcrete_NAME.a
# the link takes (only the members a program uses); DENY is the [policy]
# deny list; POLICY_DEPS (Concrete.toml) re-checks when the policy changes.
CHECK_FLAGS := $(if $(LIBS),-I $(LIB_DIR)) $(addprefix --lib ,$(LIBS)) $(addprefix --deny ,$(DENY))
CHECK_DEPS := $(foreach l,$(LIBS),$(LIB_DIR)/$(l).iface) $(POLICY_DEPS)
LINK_LIBS := $(foreach l,$(LIBS),$(LIB_DIR)/libconcrete_$(l).a)
LL := $(C)/$(NAME)$(VARIANT).ll
OBJ := $(C)/$(NAME)$(VARIANT).O$(CONCRETE_O).o

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

# Interfaces are rewritten only when their content changes, so editing a
# function body re-checks no importer: the importer's .chk depends on the
# .iface, whose rule is empty (make re-reads its time after the .chk rule
# ran and finds it unchanged).  CON_SETTLE(iface,chk) moves the check's
# outputs into place: the .iface first, so a build killed in between leaves
# the .chk out of date (re-checked next time), never a new .chk with an
# old .iface; a changed .iface is then touched to be newer than its .chk,
# so that `make -n` and `make -q` see nothing to do after a full build.
# The .chk is remade when its .iface was deleted.
CON_SETTLE = if cmp -s $(1).tmp $(1); then rm -f $(1).tmp && mv $(2).tmp $(2); \
	else mv $(1).tmp $(1) && mv $(2).tmp $(2) && touch $(1); fi

define CON_MOD_RULES
$(C)/$(1).ast: $(CON_SRC_$(1)) $(BIN)/con-parse | $(C)
	$(BIN)/con-parse -o $$@.tmp $(CON_SRC_$(1)) && mv $$@.tmp $$@
$(C)/$(1).chk: $(C)/$(1).ast $(CON_IFACES_$(1)) $(CHECK_DEPS) $(BIN)/con-check $(if $(wildcard $(C)/$(1).iface),,FORCE)
	$(BIN)/con-check --module $(1) -I $(C) $(CHECK_FLAGS) --iface-out $(C)/$(1).iface.tmp -o $$@.tmp $$< && $(call CON_SETTLE,$(C)/$(1).iface,$$@)
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

# The link records which variant it made each OUT from in LINK_MK
# (CON_LINKED_<absolute OUT> := LINK_ID), read back here: OUT is relinked
# when it was last made from another variant (its objects may all be older
# than it), and a no-op build runs no command at all.  The record is dropped
# before linking and written after, so an interrupted link is redone.  OUT
# is linked to OUT.tmp and renamed, never left half-written.
ifneq ($(OUT),)
LINK_MK := $(C)/$(NAME).link.mk
LINK_ID := $(VARIANT).O$(CONCRETE_O)
ABS_OUT := $(abspath $(OUT))
-include $(LINK_MK)
CON_RECORD = { grep -v -F 'CON_LINKED_$(ABS_OUT) :=' $(LINK_MK) 2>/dev/null; \
	$(if $(1),echo 'CON_LINKED_$(ABS_OUT) := $(1)';) true; } > $(LINK_MK).tmp && mv $(LINK_MK).tmp $(LINK_MK)
RUNTIME_LIB := $(wildcard $(BIN)/../lib/libconcrete_rt.a)
$(OUT): $(OBJ) $(MOD_OBJS) $(LINK_LIBS) $(RUNTIME_LIB) $(BIN)/con-link \
		$(if $(filter-out x$(LINK_ID),x$(CON_LINKED_$(ABS_OUT))),FORCE) | $(C)
	@$(call CON_RECORD,)
	$(BIN)/con-link -o $@.tmp $(OBJ) $(MOD_OBJS) $(LINK_LIBS) && mv $@.tmp $@
	@$(call CON_RECORD,$(LINK_ID))
endif

$(C)/$(NAME).ast: $(SRC) $(BIN)/con-parse | $(C)
	$(BIN)/con-parse -o $@.tmp $(SRC) && mv $@.tmp $@

$(C)/$(NAME).chk: $(CON_IFACES_ROOT) $(CHECK_DEPS)
$(C)/%.chk: $(C)/%.ast $(BIN)/con-check
	$(BIN)/con-check -I $(C) $(CHECK_FLAGS) -o $@.tmp $< && mv $@.tmp $@

# Library mode (LIB=NAME; the top-level Makefile prebuilds std this way):
# C/NAME.iface is the root's interface, the module tree that `--lib NAME`
# makes a top-level module, and C/libconcrete_NAME.a the objects of the
# root's module files (a library root only declares them: `mod std { mod
# option; ... }`).
ifneq ($(LIB),)
$(C)/libconcrete_$(LIB).a: $(MOD_OBJS) $(C)/$(LIB).iface
	rm -f $@.tmp && ar rcs $@.tmp $(MOD_OBJS) && mv $@.tmp $@
$(C)/$(LIB).iface: $(C)/$(NAME).ast $(CON_IFACES_ROOT) $(BIN)/con-check
	$(BIN)/con-check -I $(C) --iface-out $@ -o /dev/null $<
endif

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
.SUFFIXES:
