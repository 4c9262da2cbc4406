/* linebreak.h — where a line of mixed Chinese and Latin text may break.
 *
 * UAX #14 through libunibreak, plus the rules of Chinese typesetting that
 * it leaves to the application: no line starts with ，。、；：？！）》」% and
 * no line ends with （《「 (GB/T 15834 usage), and a number is never parted
 * from its unit ("173,848.24 tce", "78 %"). */
#ifndef GEN_LINEBREAK_H
#define GEN_LINEBREAK_H

#include <stddef.h>

enum { LB_MUST = 0, LB_ALLOW = 1, LB_NO = 2 };

/* Fills brk[i] for each byte i of s: LB_ALLOW or LB_MUST when a break may
   (must) follow byte i, LB_NO otherwise (also inside a character). */
void lb_breaks(const char *s, size_t len, char *brk);

#endif
