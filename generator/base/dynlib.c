/* dynlib.c — shared libraries opened on first use (see dynlib.h). */
#include "dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

bool dynlib_bind(dynlib *lib, const char *const *names, dynlib_fn *fns,
                 size_t n, char why[DYNLIB_WHY])
{
  if (!lib->tried) {
    lib->tried = true;
    lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib->handle) {
      const char *e = dlerror();
      snprintf(why, DYNLIB_WHY,
               "无法加载共享库 %s（请安装 Debian 软件包 %s）/ cannot load "
               "the shared library %s (install the Debian package %s): %s",
               lib->soname, lib->package, lib->soname, lib->package,
               e ? e : "?");
      return false;
    }
  }
  if (!lib->handle) {
    snprintf(why, DYNLIB_WHY,
             "无法加载共享库 %s（请安装 Debian 软件包 %s）/ cannot load "
             "the shared library %s (install the Debian package %s)",
             lib->soname, lib->package, lib->soname, lib->package);
    return false;
  }
  for (size_t i = 0; i < n; i++) {
    dlerror();
    void *p = dlsym(lib->handle, names[i]);
    if (!p) {
      const char *e = dlerror();
      snprintf(why, DYNLIB_WHY,
               "共享库 %s 中没有函数 %s（版本不符？）/ the shared library %s "
               "has no function %s (another version?): %s",
               lib->soname, names[i], lib->soname, names[i], e ? e : "?");
      return false;
    }
    /* POSIX: the data pointer dlsym returns holds a function's address */
    memcpy(&fns[i], &p, sizeof p);
  }
  return true;
}
