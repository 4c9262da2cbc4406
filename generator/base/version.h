/* version.h — the program's version, as --version prints it and as the
 * cache of parsed rule files keys its entries (a build may set it with
 * -DAUDITGEN_VERSION=...). */
#ifndef GEN_VERSION_H
#define GEN_VERSION_H

#ifndef AUDITGEN_VERSION
#define AUDITGEN_VERSION "0.1.0"
#endif

#endif
