/* about.c — the version, the manual page and the shell completions, made
 * from the help texts (about.h).
 *
 * The help texts are the one description of the command line: the man
 * page prints them verbatim in no-fill blocks, and the completions take
 * each command's options from its text — an option is a word starting
 * with "--" (or -o, -j), its argument the word after it when that is not
 * another option; an argument of lowercase words joined by '|' is a set
 * of choices, DIR a folder, a name with an extension a file of that kind. */
#include "about.h"

#include <dirent.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/fileio.h"
#include "../base/mem.h"

/* {====================================================== digest */

typedef struct namelist {
  char **v;
  size_t n, cap;
} namelist;

static void names_add(namelist *l, const char *s)
{
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 64;
    l->v = mem_realloc(l->v, l->cap * sizeof *l->v);
  }
  size_t len = strlen(s);
  l->v[l->n] = mem_alloc(len + 1);
  memcpy(l->v[l->n++], s, len + 1);
}

static int cmp_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file below root/rel, as paths relative to root. Depth is
   bounded: a data folder is two levels deep. */
static bool list_files(const char *root, const char *rel, int depth,
                       namelist *out)
{
  char path[4096];
  snprintf(path, sizeof path, "%s%s%s", root, *rel ? "/" : "", rel);
  DIR *d = opendir(path);
  if (!d)
    return false;
  bool ok = true;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    char sub[4096], full[8192];
    snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
    snprintf(full, sizeof full, "%s/%s", root, sub);
    struct stat st;
    if (stat(full, &st) != 0)
      continue;
    if (S_ISREG(st.st_mode))
      names_add(out, sub);
    else if (S_ISDIR(st.st_mode) && depth < 4)
      ok = list_files(root, sub, depth + 1, out) && ok;
  }
  closedir(d);
  return ok;
}

bool about_dir_digest(const char *dir, char hex[13], unsigned *n_files)
{
  namelist l = {0};
  *n_files = 0;
  if (!list_files(dir, "", 0, &l)) {
    for (size_t i = 0; i < l.n; i++)
      mem_free(l.v[i]);
    mem_free(l.v);
    snprintf(hex, 13, "unreadable");
    return false;
  }
  qsort(l.v, l.n, sizeof *l.v, cmp_name);
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  bool ok = true;
  for (size_t i = 0; i < l.n; i++) {
    char full[8192];
    snprintf(full, sizeof full, "%s/%s", dir, l.v[i]);
    size_t len;
    int err;
    char *data = file_read_regular(full, (size_t)64 << 20, &len, &err);
    if (!data) {
      ok = false;
    } else {
      sha256_update(&ctx, strlen(l.v[i]) + 1, (const uint8_t *)l.v[i]);
      sha256_update(&ctx, len, (const uint8_t *)data);
      mem_free(data);
    }
    mem_free(l.v[i]);
  }
  *n_files = (unsigned)l.n;
  mem_free(l.v);
  uint8_t md[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof md, md);
  if (!ok) {
    snprintf(hex, 13, "unreadable");
    return false;
  }
  for (int i = 0; i < 6; i++)
    snprintf(hex + 2 * i, 3, "%02x", md[i]);
  return true;
}

void about_version(const about_program *p, const char *data_dir,
                   const char *data_origin, buf *out)
{
  buf_printf(out, "auditgen %s\n", p->version);
  buf_printf(out, "data: %s (%s)\n", data_dir, data_origin);
  static const char *const parts[] = {"rules", "templates"};
  for (int i = 0; i < 2; i++) {
    char dir[4096], hex[13];
    unsigned n;
    snprintf(dir, sizeof dir, "%s/%s", data_dir, parts[i]);
    if (about_dir_digest(dir, hex, &n))
      buf_printf(out, "%s: digest %s (%u files)\n", parts[i], hex, n);
    else
      buf_printf(out, "%s: %s cannot be read\n", parts[i], dir);
  }
}

/* }====================================================== */

/* {====================================================== options */

enum arg_kind { ARG_NONE, ARG_CHOICE, ARG_DIR, ARG_FILE, ARG_VALUE };

typedef struct option {
  char name[40];
  enum arg_kind kind;
  char choices[120]; /* space-separated, for ARG_CHOICE */
} option;

typedef struct optlist {
  option v[48];
  unsigned n;
} optlist;

static bool is_word_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == '/' || c == '|' || c == ',';
}

/* The argument word after an option, if any: [s, *end). */
static enum arg_kind arg_kind_of(const char *s, size_t n, char *choices,
                                 size_t cap)
{
  if (n == 0 || s[0] == '-' || s[0] == '[')
    return ARG_NONE;
  if (memchr(s, '|', n) || memchr(s, ',', n)) {
    /* choices when every part is lowercase; else files of kinds */
    bool lower = true;
    for (size_t i = 0; i < n; i++)
      if (s[i] >= 'A' && s[i] <= 'Z')
        lower = false;
    if (lower) {
      size_t k = 0;
      for (size_t i = 0; i < n && k + 1 < cap; i++)
        choices[k++] = s[i] == '|' || s[i] == ',' ? ' ' : s[i];
      choices[k] = '\0';
      return ARG_CHOICE;
    }
    return ARG_FILE;
  }
  if (n == 3 && memcmp(s, "DIR", 3) == 0)
    return ARG_DIR;
  if (memchr(s, '.', n) || (n == 4 && memcmp(s, "FILE", 4) == 0) ||
      (n == 3 && memcmp(s, "OUT", 3) == 0))
    return ARG_FILE;
  return ARG_VALUE; /* N, I/N, DATE: nothing to complete */
}

static void opt_add(optlist *l, const char *name, size_t len,
                    enum arg_kind kind, const char *choices)
{
  if (len >= sizeof l->v[0].name)
    return;
  for (unsigned i = 0; i < l->n; i++)
    if (strlen(l->v[i].name) == len && memcmp(l->v[i].name, name, len) == 0) {
      if (l->v[i].kind == ARG_NONE && kind != ARG_NONE) {
        l->v[i].kind = kind;
        snprintf(l->v[i].choices, sizeof l->v[i].choices, "%s", choices);
      }
      return;
    }
  if (l->n == sizeof l->v / sizeof l->v[0])
    return;
  option *o = &l->v[l->n++];
  memcpy(o->name, name, len);
  o->name[len] = '\0';
  o->kind = kind;
  snprintf(o->choices, sizeof o->choices, "%s", choices);
}

/* The options a help text names, in order of first mention. In the
   overview only its "options of every command" part counts. */
static void scan_options(const char *text, optlist *l)
{
  for (const char *s = text; *s; s++) {
    bool start = s == text || s[-1] == ' ' || s[-1] == '[' || s[-1] == '\n' ||
                 s[-1] == ',' || s[-1] == '(';
    if (!start || s[0] != '-')
      continue;
    size_t n = 0;
    if (s[1] == '-') {
      n = 2;
      while ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '-')
        n++;
      if (n < 4 || s[n - 1] == '-')
        continue;
    } else if ((s[1] == 'o' || s[1] == 'j') &&
               (s[2] == ' ' || s[2] == ']' || s[2] == ',')) {
      n = 2;
    } else {
      continue;
    }
    const char *a = s + n;
    enum arg_kind kind = ARG_NONE;
    char choices[120] = "";
    if (*a == ' ') {
      a++;
      size_t m = 0;
      while (is_word_char(a[m]))
        m++;
      /* an argument is written in capitals or as a|b choices, never as a
         word of prose */
      bool looks = m > 0 && ((a[0] >= 'A' && a[0] <= 'Z') ||
                             memchr(a, '|', m) || memchr(a, ',', m));
      if (looks)
        kind = arg_kind_of(a, m, choices, sizeof choices);
    }
    opt_add(l, s, n, kind, choices);
    s += n - 1;
  }
}

/* The file patterns a command's positional arguments take, from its
   usage line: "yaml yml", "xlsx csv", or NULL for none (explain's PATH
   is a result path; schema takes nothing). */
static const char *positional_kinds(const char *name)
{
  if (strcmp(name, "import") == 0)
    return "xlsx csv";
  if (strcmp(name, "schema") == 0)
    return NULL;
  return "yaml yml";
}

/* The subcommand words of a command whose usage has several
   "usage: auditgen NAME WORD" / "auditgen NAME WORD" lines (rules). */
static void subcommands(const about_command *c, char *out, size_t cap)
{
  out[0] = '\0';
  char pat[64];
  snprintf(pat, sizeof pat, "auditgen %s ", c->name);
  size_t k = 0, seen = 0;
  for (const char *s = strstr(c->usage, pat); s; s = strstr(s + 1, pat)) {
    const char *w = s + strlen(pat);
    size_t m = 0;
    while (w[m] >= 'a' && w[m] <= 'z')
      m++;
    seen++;
    if (m == 0 || k + m + 2 > cap)
      continue;
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)m, w);
    if (strstr(out, word))
      continue;
    k += (size_t)snprintf(out + k, cap - k, "%s%s", k ? " " : "", word);
  }
  if (seen < 2)
    out[0] = '\0';
}

/* The overview's description of a command: the text after its synopsis
   (after a run of two spaces, or after its last "] "), continued on the
   lines indented under it, up to the first ';', ':' or '('; quotes left
   out (the zsh script single-quotes it). */
static void describe(const about_program *p, const char *name, char *out,
                     size_t cap)
{
  out[0] = '\0';
  char pat[64];
  snprintf(pat, sizeof pat, "\n  %s", name);
  const char *s = strstr(p->overview, pat);
  if (!s)
    return;
  s += strlen(pat);
  const char *eol = strchr(s, '\n');
  if (!eol)
    return;
  const char *d = strstr(s, "  ");
  if (!d || d > eol) {
    /* a synopsis that fills its line: the description is on the lines
       under it, or else after its last "] " */
    const char *br = NULL;
    for (const char *q = s; q < eol; q++)
      if (q[0] == ']' && q[1] == ' ' && q[2] >= 'a' && q[2] <= 'z')
        br = q + 1;
    d = br ? br : eol + 1;
  }
  size_t k = 0;
  for (;;) {
    while (*d == ' ')
      d++;
    for (; *d && *d != '\n'; d++) {
      if (*d == ';' || *d == ':' || *d == '(')
        goto done;
      if (*d != '\'' && k + 2 < cap)
        out[k++] = *d;
    }
    /* a continuation line is indented past the synopsis column */
    if (*d != '\n' || strncmp(d + 1, "                    ", 20) != 0)
      break;
    if (k && k + 2 < cap)
      out[k++] = ' ';
    d++;
  }
done:
  while (k && out[k - 1] == ' ')
    k--;
  out[k] = '\0';
}

static void options_of(const about_program *p, const about_command *c,
                       optlist *l)
{
  l->n = 0;
  scan_options(c->usage, l);
  const char *every = strstr(p->overview, "options of every command");
  if (every) {
    const char *end = strstr(every, "\n\n");
    size_t n = end ? (size_t)(end - every) : strlen(every);
    char *part = mem_alloc(n + 1);
    memcpy(part, every, n);
    part[n] = '\0';
    scan_options(part, l);
    mem_free(part);
  }
  opt_add(l, "--help", 6, ARG_NONE, "");
}

/* }====================================================== */

/* {====================================================== man page */

/* Text in a no-fill block: backslashes and hyphens escaped, a line that
   starts with a control character protected. */
static void man_text(buf *out, const char *s)
{
  bool bol = true;
  for (; *s; s++) {
    if (bol && (*s == '.' || *s == '\''))
      buf_puts(out, "\\&");
    bol = *s == '\n';
    if (*s == '\\')
      buf_puts(out, "\\e");
    else if (*s == '-')
      buf_puts(out, "\\-");
    else
      buf_putc(out, *s);
  }
  if (!bol)
    buf_putc(out, '\n');
}

void about_man(const about_program *p, const char *data_dir, buf *out)
{
  buf_printf(out, ".\\\" auditgen(1), written by `auditgen --man` from the "
                  "commands' help texts\n");
  buf_printf(out, ".TH AUDITGEN 1 \"\" \"auditgen %s\" \"User Commands\"\n",
             p->version);
  buf_puts(out, ".SH NAME\nauditgen \\- energy and carbon audits of a facility "
                "(GB/T 17166, GB/T 32150): results as JSON, the report as "
                "PDF, Word or Excel\n");
  buf_puts(out, ".SH SYNOPSIS\n.nf\n");
  for (unsigned i = 0; i < p->n_commands; i++) {
    /* the usage lines of its help text, without "usage: " */
    const char *u = p->commands[i].usage;
    const char *end = strstr(u, "\n\n");
    const char *line = u;
    buf syn;
    buf_init(&syn);
    while (line && *line && (!end || line < end)) {
      const char *nl = strchr(line, '\n');
      size_t n = nl ? (size_t)(nl - line) : strlen(line);
      bool usage_line = strncmp(line, "usage: ", 7) == 0 ||
                        strncmp(line, "       auditgen", 15) == 0 ||
                        (syn.len && strncmp(line, "                ", 16) == 0);
      if (!usage_line)
        break;
      const char *t = strncmp(line, "usage: ", 7) == 0 ? line + 7 : line;
      while (*t == ' ' && t < line + n)
        t++;
      if (syn.len && strncmp(t, "auditgen", 8) != 0)
        buf_puts(&syn, "    ");
      buf_add(&syn, t, n - (size_t)(t - line));
      buf_putc(&syn, '\n');
      line = nl ? nl + 1 : NULL;
    }
    man_text(out, syn.data ? syn.data : "");
    buf_fini(&syn);
  }
  buf_puts(out, ".fi\n");
  buf_puts(out, ".SH DESCRIPTION\nauditgen reads a facility file (YAML: "
                "process units, meters, production, prices, equipment, "
                "saving measures), computes its energy and carbon audit by "
                "the rules of the national standards, and writes the "
                "results and a bilingual (Chinese and English) report.\n"
                ".PP\n.nf\n");
  man_text(out, p->overview);
  buf_puts(out, ".fi\n.SH COMMANDS\n");
  for (unsigned i = 0; i < p->n_commands; i++) {
    buf_printf(out, ".SS %s\n.nf\n", p->commands[i].name);
    man_text(out, p->commands[i].usage);
    buf_puts(out, ".fi\n");
  }
  buf_puts(out, ".SH ENVIRONMENT\n"
                ".TP\n.B AUDITGEN_DATA\nThe folder holding rules/ and "
                "templates/, instead of the one installed with the program.\n"
                ".TP\n.B SOURCE_DATE_EPOCH\nDates the outputs (seconds since "
                "1970); the same input then gives the same bytes.\n");
  buf_puts(out, ".SH FILES\n");
  static const char *const files[][2] = {
      {"rules", "factors, limit values, benchmarks and checks, each with its "
                "source; a firm's \\-\\-rules folder is layered over them"},
      {"templates", "the report's chapters and style.yaml"},
      {"schema/facility.schema.json", "the JSON Schema of the facility file"},
  };
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    buf_puts(out, ".TP\n.I ");
    man_text(out, data_dir);
    out->len--; /* the newline man_text added */
    out->data[out->len] = '\0';
    buf_printf(out, "/%s\n%s.\n", files[i][0], files[i][1]);
  }
  buf_puts(out, ".SH SEE ALSO\nREADME.md and docs/calculation.md of the "
                "source distribution; the Debian packages of the fonts named "
                "in templates/style.yaml.\n");
}

/* }====================================================== */

/* {====================================================== completions */

/* The options of every command, once each by name, for the case on the
   previous word (an option's argument kind does not depend on the
   command in our help texts). */
static void all_options(const about_program *p, optlist *all)
{
  all->n = 0;
  for (unsigned i = 0; i < p->n_commands; i++) {
    optlist l;
    options_of(p, &p->commands[i], &l);
    for (unsigned k = 0; k < l.n; k++)
      opt_add(all, l.v[k].name, strlen(l.v[k].name), l.v[k].kind,
              l.v[k].choices);
  }
}

static void bash_script(const about_program *p, buf *out)
{
  buf_puts(out, "# bash completion for auditgen(1), written by `auditgen "
                "--completion bash` from the commands' help texts\n"
                "_auditgen()\n{\n"
                "  local cur=${COMP_WORDS[COMP_CWORD]} "
                "prev=${COMP_WORDS[COMP_CWORD-1]} opts= kinds= subs=\n"
                "  COMPREPLY=()\n"
                "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
                "    COMPREPLY=($(compgen -W \"");
  for (unsigned i = 0; i < p->n_commands; i++)
    buf_printf(out, "%s ", p->commands[i].name);
  buf_puts(out, "--help --version\" -- \"$cur\"))\n    return\n  fi\n"
                "  case $prev in\n");
  optlist all;
  all_options(p, &all);
  for (unsigned k = 0; k < all.n; k++) {
    const option *o = &all.v[k];
    switch (o->kind) {
    case ARG_CHOICE:
      buf_printf(out, "    %s) COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); "
                      "return ;;\n",
                 o->name, o->choices);
      break;
    case ARG_DIR:
      buf_printf(out, "    %s) COMPREPLY=($(compgen -d -- \"$cur\")); "
                      "return ;;\n",
                 o->name);
      break;
    case ARG_FILE:
      buf_printf(out, "    %s) COMPREPLY=($(compgen -f -- \"$cur\")); "
                      "return ;;\n",
                 o->name);
      break;
    case ARG_VALUE:
      buf_printf(out, "    %s) return ;;\n", o->name);
      break;
    case ARG_NONE:
      break;
    }
  }
  buf_puts(out, "  esac\n  case ${COMP_WORDS[1]} in\n");
  for (unsigned i = 0; i < p->n_commands; i++) {
    const about_command *c = &p->commands[i];
    optlist l;
    options_of(p, c, &l);
    buf_printf(out, "    %s) opts=\"", c->name);
    for (unsigned k = 0; k < l.n; k++)
      buf_printf(out, "%s%s", k ? " " : "", l.v[k].name);
    const char *kinds = positional_kinds(c->name);
    char subs[200];
    subcommands(c, subs, sizeof subs);
    buf_printf(out, "\" kinds=\"%s\" subs=\"%s\" ;;\n", kinds ? kinds : "",
               subs);
  }
  buf_puts(out,
           "    *) return ;;\n  esac\n"
           "  if [[ $cur == -* ]]; then\n"
           "    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
           "    return\n  fi\n"
           "  if [ -n \"$subs\" ] && [ \"$COMP_CWORD\" -eq 2 ]; then\n"
           "    COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
           "    return\n  fi\n"
           "  if [ -n \"$subs\" ]; then\n"
           "    COMPREPLY=($(compgen -d -- \"$cur\"))\n"
           "    return\n  fi\n"
           "  local k\n"
           "  for k in $kinds; do\n"
           "    COMPREPLY+=($(compgen -f -X \"!*.$k\" -- \"$cur\"))\n"
           "  done\n"
           "  [ -n \"$kinds\" ] && COMPREPLY+=($(compgen -d -- \"$cur\"))\n"
           "}\n"
           "complete -o filenames -F _auditgen auditgen\n");
}

static void zsh_script(const about_program *p, buf *out)
{
  buf_puts(out, "#compdef auditgen\n"
                "# zsh completion for auditgen(1), written by `auditgen "
                "--completion zsh` from the commands' help texts\n"
                "_auditgen() {\n"
                "  local -a commands opts\n"
                "  local kinds subs\n"
                "  commands=(\n");
  for (unsigned i = 0; i < p->n_commands; i++) {
    char d[160];
    describe(p, p->commands[i].name, d, sizeof d);
    buf_printf(out, "    '%s:%s'\n", p->commands[i].name, d);
  }
  buf_puts(out, "  )\n"
                "  if (( CURRENT == 2 )); then\n"
                "    _describe 'command' commands\n    return\n  fi\n"
                "  case ${words[CURRENT-1]} in\n");
  optlist all;
  all_options(p, &all);
  for (unsigned k = 0; k < all.n; k++) {
    const option *o = &all.v[k];
    if (o->kind == ARG_CHOICE)
      buf_printf(out, "    %s) compadd -- %s; return ;;\n", o->name,
                 o->choices);
    else if (o->kind == ARG_DIR)
      buf_printf(out, "    %s) _files -/; return ;;\n", o->name);
    else if (o->kind == ARG_FILE)
      buf_printf(out, "    %s) _files; return ;;\n", o->name);
    else if (o->kind == ARG_VALUE)
      buf_printf(out, "    %s) return ;;\n", o->name);
  }
  buf_puts(out, "  esac\n  case ${words[2]} in\n");
  for (unsigned i = 0; i < p->n_commands; i++) {
    const about_command *c = &p->commands[i];
    optlist l;
    options_of(p, c, &l);
    buf_printf(out, "    %s) opts=(", c->name);
    for (unsigned k = 0; k < l.n; k++)
      buf_printf(out, "%s%s", k ? " " : "", l.v[k].name);
    const char *kinds = positional_kinds(c->name);
    char subs[200];
    subcommands(c, subs, sizeof subs);
    buf_printf(out, "); kinds='%s'; subs='%s' ;;\n", kinds ? kinds : "", subs);
  }
  buf_puts(out, "    *) return ;;\n  esac\n"
                "  if [[ $PREFIX == -* ]]; then\n"
                "    compadd -- $opts\n    return\n  fi\n"
                "  if [[ -n $subs ]]; then\n"
                "    if (( CURRENT == 3 )); then compadd -- ${=subs}; "
                "else _files -/; fi\n"
                "    return\n  fi\n"
                "  [[ -n $kinds ]] && _files -g \"*.(${kinds// /|})\"\n"
                "}\n"
                "_auditgen \"$@\"\n");
}

bool about_completion(const about_program *p, const char *shell, buf *out)
{
  if (strcmp(shell, "bash") == 0)
    bash_script(p, out);
  else if (strcmp(shell, "zsh") == 0)
    zsh_script(p, out);
  else
    return false;
  return true;
}

/* }====================================================== */
