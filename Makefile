# Makefile — builds auditgen and its tests into $(BUILD) (never the source
# tree). build.sh is the front door; it picks BUILD and the flags per mode.
BUILD ?= build/release
CC ?= gcc
MODE_CFLAGS ?= -O2 -g
MODE_LDFLAGS ?=
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wold-style-definition -Wwrite-strings -Wundef \
       -Wformat=2 -Wdouble-promotion -Wno-format-nonliteral
ifeq ($(CI),true)
WARN += -Werror
endif
# Linked: what every command may use.
LINK_PKGS = yaml-0.1 libpcre2-8
# Linked from the static archives their -dev packages ship: only reading a
# PNG, compressing a PDF, docx or xlsx, and SHA-256 digests call them, and
# as shared libraries they cost every start, check's and calc's included,
# ~0.12 ms to map and relocate (bench/README.md, "Start-up").
STATIC_PKGS = zlib libdeflate nettle
# Opened when first needed (generator/base/dynlib.h), not linked: libharu
# and HarfBuzz's subsetter for a PDF, libzip for docx, xlsx and import,
# expat for import. Their headers and flags are used as before; their
# sonames are read from the libraries the compiler would link.
DL_PKGS = libzip harfbuzz-subset expat
PKGS = $(LINK_PKGS) $(STATIC_PKGS) $(DL_PKGS)
soname = $(shell f=`$(CC) -print-file-name=lib$(1).so`; test -f "$$f" && \
  objdump -p "$$f" 2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
SONAMES := $(foreach l,HPDF:hpdf HB_SUBSET:harfbuzz-subset ZIP:zip EXPAT:expat, \
  $(if $(call soname,$(word 2,$(subst :, ,$(l)))), \
  -DAUDITGEN_SONAME_$(word 1,$(subst :, ,$(l)))='"$(call soname,$(word 2,$(subst :, ,$(l))))"'))
CFLAGS_ALL = $(WARN) $(MODE_CFLAGS) -D_DEFAULT_SOURCE \
  -DAUDITGEN_DATADIR='"$(CURDIR)"' $(shell pkg-config --cflags $(PKGS)) \
  $(SONAMES)
# -O1: the linker's hash tables optimised; --as-needed: no DT_NEEDED entry
# for a library nothing here calls.
LDFLAGS_ALL = -Wl,-O1 -Wl,--as-needed -Wl,--hash-style=gnu
LIBS = $(LDFLAGS_ALL) $(shell pkg-config --libs $(LINK_PKGS)) \
  -Wl,-Bstatic $(shell pkg-config --libs $(STATIC_PKGS)) -Wl,-Bdynamic \
  -lunibreak -lm
CHECK_LIBS = $(shell pkg-config --libs check)
# The unit tests and fuzz targets that call these libraries themselves
# (reading back a docx with libzip, libharu's image loaders) link them.
DL_LIBS = $(shell pkg-config --libs $(DL_PKGS)) -lhpdf

# build.sh fuzz links the fuzz targets with clang against the same libraries.
print-pkgs:
	@echo $(PKGS)

LIB_SRC = $(sort $(wildcard generator/base/*.c generator/load/*.c \
  generator/rules/*.c generator/calc/*.c generator/out/*.c \
  generator/template/*.c generator/layout/*.c generator/pdf/*.c \
  generator/chart/*.c generator/docx/*.c generator/xlsx/*.c \
  generator/report/*.c generator/rollup/*.c generator/batch/*.c \
  generator/import/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC = $(sort $(wildcard tests/unit/*.c))
TEST_OBJ = $(TEST_SRC:%.c=$(BUILD)/%.o)

# Fuzz targets, also linked with a replay main (tests/fuzz/replay.c) so
# their corpora run under this build in the test suite.
FUZZ_TARGETS = load expr series tmpl style report ttf png import
FUZZ_REPLAY = $(FUZZ_TARGETS:%=$(BUILD)/replay_%)

all: $(BUILD)/auditgen $(BUILD)/check_auditgen $(FUZZ_REPLAY)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libauditgen.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/auditgen: $(BUILD)/generator/main.o $(BUILD)/libauditgen.a
	$(CC) $(MODE_CFLAGS) $(MODE_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/check_auditgen: $(TEST_OBJ) $(BUILD)/libauditgen.a
	$(CC) $(MODE_CFLAGS) $(MODE_LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(LIBS) $(DL_LIBS)

$(BUILD)/replay_%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/replay.o \
    $(BUILD)/tests/fuzz/fuzzenv.o $(BUILD)/libauditgen.a
	$(CC) $(MODE_CFLAGS) $(MODE_LDFLAGS) -o $@ $^ $(LIBS) $(DL_LIBS)

# make install [PREFIX=/usr/local] [DESTDIR=]: the program, its data under
# PREFIX/share/auditgen (found next to the program: PREFIX/bin/auditgen
# looks in ../share/auditgen, wherever DESTDIR staged it), the manual page
# and the bash and zsh completions (written by the program from its help
# texts), the README and the fonts' licence notes.
PREFIX ?= /usr/local
DATA_INST = $(PREFIX)/share/auditgen
INST = $(DESTDIR)$(PREFIX)
install: $(BUILD)/auditgen
	install -d '$(INST)/bin' '$(INST)/share/man/man1' \
	  '$(INST)/share/bash-completion/completions' \
	  '$(INST)/share/zsh/vendor-completions' '$(INST)/share/doc/auditgen'
	install -m 755 $(BUILD)/auditgen '$(INST)/bin/auditgen'
	rm -rf '$(DESTDIR)$(DATA_INST)'
	for d in rules templates schema; do \
	  (cd $$d && find . -type f ! -name '.*' | LC_ALL=C sort) | \
	  while read -r f; do \
	    install -D -m 644 "$$d/$$f" "$(DESTDIR)$(DATA_INST)/$$d/$$f" || exit 1; \
	  done || exit 1; \
	done
	AUDITGEN_DATA='$(DATA_INST)' $(BUILD)/auditgen --man \
	  > '$(INST)/share/man/man1/auditgen.1'
	$(BUILD)/auditgen --completion bash \
	  > '$(INST)/share/bash-completion/completions/auditgen'
	$(BUILD)/auditgen --completion zsh \
	  > '$(INST)/share/zsh/vendor-completions/_auditgen'
	install -m 644 README.md '$(INST)/share/doc/auditgen/README.md'
	install -m 644 fonts/README.md '$(INST)/share/doc/auditgen/fonts.md'

uninstall:
	rm -rf '$(INST)/bin/auditgen' '$(DESTDIR)$(DATA_INST)' \
	  '$(INST)/share/man/man1/auditgen.1' \
	  '$(INST)/share/bash-completion/completions/auditgen' \
	  '$(INST)/share/zsh/vendor-completions/_auditgen' \
	  '$(INST)/share/doc/auditgen'

clean:
	rm -rf build

.PHONY: all clean install uninstall print-pkgs
.SECONDARY:
-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(BUILD)/generator/main.d \
  $(wildcard $(BUILD)/tests/fuzz/*.d)

print-sonames:
	@echo $(SONAMES)
