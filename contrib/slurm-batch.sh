#!/bin/sh
# slurm-batch.sh — one shard of a batch as a Slurm array task (issue 13,
# "Scale"). Submit the array, then the merge once every task is done:
#
#   jid=$(sbatch --parsable --array=1-16 contrib/slurm-batch.sh LIST OUT)
#   sbatch --dependency=afterany:$jid contrib/slurm-batch.sh --merge OUT 16
#
# Task k of an array of N tasks runs `auditgen batch --shard I/N` with
# I = SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 and N =
# SLURM_ARRAY_TASK_COUNT, so --array=0-15 and --array=1-16 both cover
# shards 1..16 (an array with a step, --array=1-16:2, is refused: its
# shards would leave files out). The batch uses the task's CPUs
# (SLURM_CPUS_PER_TASK, default 1) and --resume, so a requeued task
# redoes only what is missing. AUDITGEN names the program.
#SBATCH --job-name=auditgen-batch
#SBATCH --cpus-per-task=4
#SBATCH --output=auditgen-batch-%A_%a.log
set -eu
auditgen=${AUDITGEN:-auditgen}
if [ "${1:-}" = --merge ]; then
  [ $# -eq 3 ] || { echo "usage: slurm-batch.sh --merge OUT N" >&2; exit 2; }
  LC_ALL=C sort -m "$2"/summary-*-of-"$3".jsonl > "$2/summary.jsonl.tmp"
  mv "$2/summary.jsonl.tmp" "$2/summary.jsonl"
  exit 0
fi
[ $# -ge 2 ] || { echo "usage: slurm-batch.sh LIST OUT [BATCH OPTIONS]" >&2; exit 2; }
list=$1 out=$2
shift 2
: "${SLURM_ARRAY_TASK_ID:?not an array task (sbatch --array=1-N)}"
min=${SLURM_ARRAY_TASK_MIN:-1}
count=${SLURM_ARRAY_TASK_COUNT:?}
max=${SLURM_ARRAY_TASK_MAX:-$((min + count - 1))}
if [ $((max - min + 1)) -ne "$count" ]; then
  echo "slurm-batch.sh: the array $min-$max has $count tasks: use a" \
    "contiguous --array=A-B, without a step or gaps" >&2
  exit 2
fi
shard=$((SLURM_ARRAY_TASK_ID - min + 1))
exec "$auditgen" batch --shard "$shard/$count" --jobs "${SLURM_CPUS_PER_TASK:-1}" \
  --resume -q -o "$out" "$@" - < "$list"
