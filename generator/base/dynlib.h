/* dynlib.h — the shared libraries only some commands use, opened when
 * first needed (dlopen) instead of at every start.
 *
 * libharu and HarfBuzz's subsetter (with HarfBuzz, FreeType, GLib,
 * graphite2, libpng and brotli behind it) are used only to write a PDF;
 * libzip (with libcrypto and libbz2 behind it) only for docx, xlsx and
 * import; expat only for import. Linked as DT_NEEDED, the dynamic linker
 * mapped and relocated all of them in every process, calc and check
 * included (bench/README.md, "Start-up"). A module that uses one lists
 * the functions it calls, binds them before its first call, and calls
 * them through pointers of the functions' own types; the headers and
 * pkg-config flags are the Debian packages' as before.
 *
 * The sonames come from the Makefile (read from the libraries that
 * pkg-config names, at build time); the defaults are Debian 12's. */
#ifndef GEN_DYNLIB_H
#define GEN_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

#ifndef AUDITGEN_SONAME_HPDF
#define AUDITGEN_SONAME_HPDF "libhpdf-2.3.0.so"
#endif
#ifndef AUDITGEN_SONAME_HB_SUBSET
#define AUDITGEN_SONAME_HB_SUBSET "libharfbuzz-subset.so.0"
#endif
#ifndef AUDITGEN_SONAME_ZIP
#define AUDITGEN_SONAME_ZIP "libzip.so.4"
#endif
#ifndef AUDITGEN_SONAME_EXPAT
#define AUDITGEN_SONAME_EXPAT "libexpat.so.1"
#endif

/* Any function pointer; a module converts it to the function's type. */
typedef void (*dynlib_fn)(void);

/* One library: its soname, the Debian package that ships it (named in
   the error), and the state of this process's one attempt to open it. */
typedef struct dynlib {
  const char *soname;
  const char *package;
  void *handle;
  bool tried;
} dynlib;

/* The room dynlib_bind's message needs. */
#define DYNLIB_WHY 512

/* Opens lib (once per process; a failure is remembered) and resolves the
   n names into fns. On failure writes into why one message (zh and en)
   naming the library, the package to install and dlerror's reason, for
   the caller's error, and returns false; fns are then not to be called. */
bool dynlib_bind(dynlib *lib, const char *const *names, dynlib_fn *fns,
                 size_t n, char why[DYNLIB_WHY]);

/* A module's list of functions is an X-macro, LIST(X) = X(f) X(g) …;
   DYNLIB_POINTERS(LIST) declares a static pointer dl_f of f's own type
   for each, and DYNLIB_BIND sets them all from one library (ok: a bool
   variable set to dynlib_bind's result; why: its message). The module
   then names each function with #define f (*dl_f), so its calls stay as
   they were and the compiler checks them against the library's header. */
#define DYNLIB_POINTER_(f) static __typeof__(&f) dl_##f;
#define DYNLIB_NAME_(f) #f,
#define DYNLIB_SET_(f) dl_##f = (__typeof__(dl_##f))fns_[i_++];
#define DYNLIB_POINTERS(LIST) LIST(DYNLIB_POINTER_)
#define DYNLIB_BIND(lib, LIST, ok, why)                                    \
  do {                                                                     \
    static const char *const names_[] = {LIST(DYNLIB_NAME_)};              \
    dynlib_fn fns_[sizeof names_ / sizeof names_[0]];                      \
    size_t i_ = 0;                                                         \
    (ok) = dynlib_bind((lib), names_, fns_,                                \
                       sizeof names_ / sizeof names_[0], (why));           \
    if (ok) {                                                              \
      LIST(DYNLIB_SET_)                                                    \
    }                                                                      \
    (void)i_;                                                              \
  } while (0)

#endif
