#!/bin/sh
# parallel-batch.sh — a batch of facilities on several machines with GNU
# parallel (issue 13, "Scale"). Not a scheduler of ours: GNU parallel runs
# one `auditgen batch --shard I/N` per shard, on the machines of its
# --sshloginfile, keeps a --joblog and, run again, does only the shards
# that have not finished (--resume); each shard skips the facilities whose
# outputs are already up to date (batch --resume). The shards' summaries
# are then merged into OUT/summary.jsonl, byte for byte what one
# `auditgen batch` of the whole list writes.
#
#   contrib/parallel-batch.sh LIST OUT SHARDS [SSHLOGINFILE] [-- BATCH OPTIONS]
#
#   LIST          facility files, one a line, as every machine sees them
#                 (a shared file system, or the same checkout everywhere)
#   OUT           the output folder (shared), as batch -o
#   SHARDS        how many shards (say, the machines times 2)
#   SSHLOGINFILE  GNU parallel's --sshloginfile (":" is this machine); none:
#                 all shards here
#   after --      more options for batch (--report, --formats pdf,docx, --rules DIR…)
#
# AUDITGEN names the program (default: auditgen on the PATH); JOBS the
# shards run at once per machine (default 1: each batch uses every core).
# Exit status: that of GNU parallel (the number of shards that failed, up
# to 101); the merged summary is written either way.
set -eu
[ $# -ge 3 ] || { sed -n '10,22p' "$0" >&2; exit 2; }
list=$1 out=$2 shards=$3
shift 3
login=
if [ $# -gt 0 ] && [ "$1" != -- ]; then login=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = -- ] && shift
auditgen=${AUDITGEN:-auditgen}
extra="$*" # batch options: words without spaces (--report, --rules DIR…)
mkdir -p "$out"
status=0
# {} is the shard number, 1..N; every batch reads the list on its own
# machine (a shared file system)
set -- --will-cite --joblog "$out/parallel.joblog" --resume \
  --jobs "${JOBS:-1}" --halt never
if [ -n "$login" ]; then
  set -- "$@" --sshloginfile "$login"
fi
seq 1 "$shards" | parallel "$@" \
  "$auditgen batch --shard {}/$shards --resume -q $extra -o '$out' - < '$list' > /dev/null" \
  || status=$?
# shards already merged by an earlier run keep their files; the merge is
# over the shards of this N only
LC_ALL=C sort -m "$out"/summary-*-of-"$shards".jsonl > "$out/summary.jsonl.tmp"
mv "$out/summary.jsonl.tmp" "$out/summary.jsonl"
exit "$status"
