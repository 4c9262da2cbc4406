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
PKGS = yaml-0.1 libpcre2-8 zlib libzip nettle xlsxwriter harfbuzz-subset expat
CFLAGS_ALL = $(WARN) $(MODE_CFLAGS) -D_DEFAULT_SOURCE \
  -DAUDITGEN_DATADIR='"$(CURDIR)"' $(shell pkg-config --cflags $(PKGS))
LIBS = $(shell pkg-config --libs $(PKGS)) -lhpdf -lunibreak -lm
CHECK_LIBS = $(shell pkg-config --libs check)

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
FUZZ_TARGETS = load expr series tmpl style report ttf png
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
	$(CC) $(MODE_CFLAGS) $(MODE_LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(LIBS)

$(BUILD)/replay_%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/replay.o \
    $(BUILD)/tests/fuzz/fuzzenv.o $(BUILD)/libauditgen.a
	$(CC) $(MODE_CFLAGS) $(MODE_LDFLAGS) -o $@ $^ $(LIBS)

clean:
	rm -rf build

.PHONY: all clean
.SECONDARY:
-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(BUILD)/generator/main.d \
  $(wildcard $(BUILD)/tests/fuzz/*.d)
