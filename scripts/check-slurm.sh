#!/usr/bin/env bash
# Runs the cluster recipe of docs/cluster.md (sections 3 and 4) on a real single-node Slurm, as a
# user would: the packed package installed in a study folder, the doc's shard.sbatch and
# merge.sbatch, the doc's submission with the merge after the array (afterany), one array task
# cancelled, the merge job naming it, `merge` refusing the incomplete set, the doc's resubmission
# of the missing task and of the merge after it, and the merged result equal byte for byte to one
# `run` on one machine.
#
# The batch scripts and commands are cut out of docs/cluster.md (not copied), and only their sizes
# are changed: 4 tasks of 2 replications on 1 core each instead of 1000 tasks of 1000 on 8. If the
# doc's text changes so that a size is no longer found, this check fails and says so.
#
# Slurm and munge come from Debian's packages (slurm-wlm, munge; installed when missing, with a
# time limit). munged, slurmctld and slurmd run as root in the foreground as children of this
# script, without systemd, with every file (key, socket, config, state, logs) in a temporary
# directory and on free ports, so that a system Slurm or another run of this check is not
# disturbed; SLURM_CONF points the client commands at this cluster. They are stopped on exit.
#
# Prints "skipped: ..." and exits 0 when it cannot run Slurm here (not root, no apt-get, the
# install or the start failed); exits 1 only when Slurm ran and the recipe misbehaved.
# shellcheck disable=SC2016  # the doc's text, with its $(...), is matched and run as it is
# shellcheck disable=SC2015  # "a && b || fail": fail exits
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
doc=docs/cluster.md
started=$SECONDS

skip() { echo "skipped: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "the single-node Slurm check needs root (to install slurm-wlm and run its daemons)"
command -v apt-get >/dev/null || skip "the single-node Slurm check needs apt-get (Debian's slurm-wlm and munge)"

tmp=$(mktemp -d /tmp/check-slurm.XXXXXX)
chmod 700 "$tmp"
pids=()
cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [ ${#pids[@]} -gt 0 ]; then
    # Cancel what is left of this cluster's jobs (SLURM_CONF is ours once set; never a system
    # Slurm's), then stop slurmd, slurmctld and munged (our children, by their process ids).
    local i
    if [ "${SLURM_CONF:-}" = "$tmp/slurm.conf" ] && [ -n "$(squeue -h -o %i 2>/dev/null)" ]; then
      scancel --quiet --user=root >/dev/null 2>&1 || true
      for _ in $(seq 20); do [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.3; done
    fi
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
      kill "${pids[i]}" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
      kill -9 "${pids[i]}" 2>/dev/null || true
      wait "${pids[i]}" 2>/dev/null || true
    done
  fi
  rm -rf "$tmp"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

logs() {
  local f
  for f in "$@"; do
    [ -s "$f" ] || continue
    echo "--- last lines of ${f#"$tmp"/}" >&2
    tail -n 12 "$f" >&2
  done
}
daemon_logs() { logs "$tmp/munged.out" "$tmp/munged.log" "$tmp/slurmctld.log" "$tmp/slurmd.log" "$tmp/slurmctld.out" "$tmp/slurmd.out"; }
# Could not bring Slurm up: not a failure of the recipe.
skip_start() { echo "skipped: $*"; daemon_logs; exit 0; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# --- The recipe, cut out of docs/cluster.md -----------------------------------------------------

# doc_block <text>: the first fenced code block of the doc that contains <text>, unindented.
doc_block() {
  awk -v marker="$1" '
    /^ *```/ {
      if (inblock) { if (found) { printf "%s", buf; exit } inblock = 0; next }
      inblock = 1; indent = match($0, /[^ ]/) - 1; buf = ""; found = 0; next
    }
    inblock { buf = buf substr($0, indent + 1) "\n"; if (index($0, marker)) found = 1 }
  ' "$doc"
}
# resize <text> <from> <to>...: replaces each <from> (a literal string) by its <to>, and fails if
# one is not in the text (the doc changed: update this script).
resize() {
  local text=$1; shift
  while [ $# -gt 0 ]; do
    case "$text" in
      *"$1"*) text=${text//"$1"/"$2"} ;;
      *) fail "$doc changed: \"$1\" not found in a recipe block; update scripts/check-slurm.sh" ;;
    esac
    shift 2
  done
  printf '%s' "$text"
}
shard_sbatch=$(doc_block '#SBATCH --job-name=fas-shards')
merge_sbatch=$(doc_block '#SBATCH --job-name=fas-merge')
submit=$(doc_block 'jobid=$(sbatch --parsable shard.sbatch)')
resubmit=$(doc_block 'jobid=$(sbatch --parsable --array="${missing%,}" shard.sbatch)')
for block in shard_sbatch merge_sbatch submit resubmit; do
  [ -n "${!block}" ] || fail "$doc changed: its $block block was not found; update scripts/check-slurm.sh"
done
# 4 tasks of 2 replications, 1 core each, instead of 1000 tasks of 1000 on 8 cores.
shard_sbatch=$(resize "$shard_sbatch" '--array=0-999' '--array=0-3' '--cpus-per-task=8' '--cpus-per-task=1' \
  '--mem=4G' '--mem=200M' '*1000))' '*2))')
merge_sbatch=$(resize "$merge_sbatch" 'seq 0 999' 'seq 0 3')
resubmit=$(resize "$resubmit" 'seq 0 999' 'seq 0 3')
# (Trailing comments aside: "--array=0-3   # 1000 tasks; ..." is fine.)
left=$(printf '%s\n' "$shard_sbatch" "$merge_sbatch" "$submit" "$resubmit" | sed 's/[[:space:]]#.*//' | grep -E '999|1000' || true)
[ -z "$left" ] || fail "$doc changed: a size of the full-scale recipe is left after resizing; update scripts/check-slurm.sh:
$left"

# --- Slurm and munge ----------------------------------------------------------------------------

t0=$SECONDS
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  echo "installing slurm-wlm and munge (Debian packages) for the single-node Slurm check"
  DEBIAN_FRONTEND=noninteractive timeout 150 apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=30 slurm-wlm munge >"$tmp/apt.log" 2>&1 ||
    { echo "skipped: could not install slurm-wlm and munge; the single-node Slurm check needs them"; tail -n 3 "$tmp/apt.log"; exit 0; }
  echo "installed slurm-wlm $(dpkg-query -W -f='${Version}' slurm-wlm) in $((SECONDS - t0)) s"
fi
install_s=$((SECONDS - t0))

t0=$SECONDS
# Two free TCP ports (asked of the kernel, released just before the daemons bind them).
read -r ctld_port slurmd_port < <(node -e '
  const net = require("node:net");
  const a = net.createServer().listen(0, "127.0.0.1", () => {
    const b = net.createServer().listen(0, "127.0.0.1", () => {
      console.log(a.address().port, b.address().port); a.close(); b.close();
    });
  });')
host=$(hostname -s)
mkdir -p "$tmp/state" "$tmp/spool"
# munged with its own key and socket; it refuses a key or directories others can read or write.
dd if=/dev/urandom of="$tmp/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge.key"
munged --foreground --force --key-file="$tmp/munge.key" --socket="$tmp/munge.socket" \
  --pid-file="$tmp/munged.pid" --log-file="$tmp/munged.log" --seed-file="$tmp/munged.seed" \
  >"$tmp/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$tmp/munge.socket" ] && break; sleep 0.1; done
[ -S "$tmp/munge.socket" ] || skip_start "munged did not start"

# The node as slurmd sees the hardware (CPUs, sockets, cores, threads, memory), under this host's
# name: a node configured with more than it has would be drained at registration.
node_line=$(slurmd -C | grep '^NodeName=' | sed "s/^NodeName=[^ ]*/NodeName=$host NodeAddr=127.0.0.1/") ||
  skip_start "slurmd -C did not describe this machine"
export SLURM_CONF="$tmp/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=fasci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge.socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
MinJobAge=600
$node_line State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i -f "$SLURM_CONF" >"$tmp/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$host" >"$tmp/slurmd.out" 2>&1 &
pids+=($!)
state=
for _ in $(seq 100); do
  state=$(sinfo -h -N -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.3
done
[ "$state" = idle ] || skip_start "the single-node Slurm did not come up (node state: ${state:-none} after 30 s)"
start_s=$((SECONDS - t0))
echo "single-node Slurm up ($(sinfo -V), node $host: $(sinfo -h -N -o '%c CPUs, %m MB')) in $start_s s"

# --- The study folder: the packed package, installed as section 1 installs it -------------------

t0=$SECONDS
# Build unless dist/ is newer than every source (CI's smoke-pack.sh has just built it).
if [ ! -e dist/cli/main.js ] || [ -n "$(find src package.json tsconfig.json tsup.config.ts -newer dist/cli/main.js -print -quit 2>/dev/null)" ]; then
  npm run build --silent >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; fail "npm run build failed"; }
fi
# As scripts/smoke-pack.sh does: the tarball unpacked into the study's node_modules, with the
# packed package.json's dependencies linked from this checkout (no network), and the bin linked
# as npm links it.
tarball=$(npm pack --silent --ignore-scripts --pack-destination "$tmp" | tail -n 1)
study="$tmp/study"
mkdir -p "$study/node_modules/.bin"
tar -xzf "$tmp/$tarball" -C "$tmp"
mv "$tmp/package" "$study/node_modules/framework-agreement-sim"
for dep in $(node -p 'const p = require(process.argv[1]); Object.keys({ ...p.dependencies, ...p.peerDependencies }).join(" ")' "$study/node_modules/framework-agreement-sim/package.json"); do
  ln -s "$root/node_modules/$dep" "$study/node_modules/$dep"
done
bin=$(node -p 'require(process.argv[1]).bin["framework-agreement-sim"]' "$study/node_modules/framework-agreement-sim/package.json")
chmod +x "$study/node_modules/framework-agreement-sim/$bin"
ln -s "../framework-agreement-sim/$bin" "$study/node_modules/.bin/framework-agreement-sim"
pack_s=$((SECONDS - t0))

cd "$study"
cli=./node_modules/.bin/framework-agreement-sim
# A tiny market: 8 replications, each well under a second.
cat >spec.json <<'JSON'
{
  "config": { "run": { "burnInYears": 1, "horizonYears": 2 }, "suppliers": { "initialCount": 60 } },
  "variants": [{ "name": "guarantee", "input": { "policy": { "minimumVolumeShare": 0.3 } } }],
  "seed": 2026,
  "rows": false,
  "series": true,
  "runs": 8
}
JSON
printf '%s\n' "$shard_sbatch" >shard.sbatch
printf '%s\n' "$merge_sbatch" >merge.sbatch

# wait_jobs <what>: waits (at most 60 s) until no job of ours is pending or running.
wait_jobs() {
  local left
  for _ in $(seq 200); do
    left=$(squeue -h -o '%i %T' 2>&1) || fail "squeue failed while waiting for $1: $left"
    [ -z "$left" ] && return 0
    sleep 0.3
  done
  echo "still in the queue after 60 s:" >&2; squeue >&2 || true
  logs "$study"/logs/*.log "$tmp/slurmctld.log" "$tmp/slurmd.log"
  fail "$1 did not end within 60 s"
}
# job_field <job> <field>: a field of `scontrol show job` (ended jobs are kept for MinJobAge).
job_field() { scontrol -o show job "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1; }
expect_job() {
  local state code
  state=$(job_field "$1" JobState); code=$(job_field "$1" ExitCode)
  if [ "$state" != "$2" ] || [ "$code" != "$3" ]; then
    logs "$study"/logs/*.log "$tmp/slurmd.log"
    fail "$4: job $1 ended $state with exit code $code, expected $2 with $3"
  fi
}
# array_tasks <job>: "task state exit," for each task of an array job, by task.
array_tasks() {
  scontrol -o show job "$1" | tr ' ' '\n' | sed -n 's/^\(ArrayTaskId\|JobState\|ExitCode\)=//p' |
    paste -d ' ' - - - | sort -n | tr '\n' ','
}
shard_files() {
  local f
  for f in shards/shard-*.json; do [ -e "$f" ] && printf '%s ' "${f#shards/}"; done
  return 0
}

# --- Submit as section 4 does, with task 2 cancelled --------------------------------------------

t0=$SECONDS
# The partition is held down while submitting, so that task 2 is cancelled while it is pending,
# every time; then it is let go.
scontrol update PartitionName=ci State=DOWN
# The doc's submission, with one line added after the array's submission.
submit=$(sed '/^jobid=\$(sbatch --parsable shard.sbatch)$/a scancel "${jobid}_2"' <<<"$submit")
grep -q '^scancel' <<<"$submit" || fail "could not add the cancel to the doc's submission:
$submit"
jobid=
eval "$submit" >"$tmp/submit.out" || fail "the doc's submission failed: $(cat "$tmp/submit.out")"
merge_job=$(sed -n 's/^Submitted batch job \([0-9]*\).*/\1/p' "$tmp/submit.out")
[ -n "$jobid" ] && [ -n "$merge_job" ] || fail "no job ids from the doc's submission: $(cat "$tmp/submit.out")"
scontrol update PartitionName=ci State=UP
wait_jobs "the array and the merge"
first_s=$((SECONDS - t0))

# Tasks 0, 1 and 3 done; task 2, cancelled while pending, has no record of its own.
tasks=$(array_tasks "$jobid")
[ "$tasks" = "0 COMPLETED 0:0,1 COMPLETED 0:0,3 COMPLETED 0:0," ] ||
  { logs "$study"/logs/*.log "$tmp/slurmd.log"; fail "expected tasks 0, 1 and 3 completed and task 2 cancelled, got (task state exit): $tasks"; }
expect_job "$merge_job" FAILED 1:0 "the merge job, with task 2 missing"
[ "$(shard_files)" = "shard-0000.json shard-0001.json shard-0003.json " ] ||
  fail "expected the shards of tasks 0, 1 and 3, found: $(shard_files)"
grep -q '^missing shards of tasks 2:' logs/merge.log &&
  grep -qF 'jobid=$(sbatch --parsable --array=2 shard.sbatch) && sbatch --dependency=afterany:$jobid merge.sbatch' logs/merge.log ||
  { cat logs/merge.log >&2; fail "logs/merge.log does not name task 2 as missing, with the commands to resubmit it and the merge"; }
[ ! -e result.json ] || fail "the merge job wrote result.json from an incomplete set"
echo "first submission: tasks 0, 1, 3 done, task 2 cancelled; the merge job failed:"
sed 's/^/  /' logs/merge.log

# merge itself refuses the incomplete set, naming replications 4..5.
set +e
"$cli" merge --out incomplete.json shards/shard-*.json 2>merge.err
code=$?
set -e
if [ "$code" -ne 2 ] || [ -e incomplete.json ] || ! grep -q '^error: incomplete: no shard covers replications 4\.\.5 ' merge.err; then
  cat merge.err >&2; fail "merge of an incomplete set should exit with 2 naming replications 4..5 and write nothing (exit $code)"
fi
echo "merge of the incomplete set refused: $(cat merge.err)"

# --- Rerun the missing task, and the merge after it, as section 4 says -------------------------

t0=$SECONDS
first_job=$jobid
eval "$resubmit" >"$tmp/resubmit.out" || fail "the doc's resubmission failed: $(cat "$tmp/resubmit.out")"
merge_job=$(sed -n 's/^Submitted batch job \([0-9]*\).*/\1/p' "$tmp/resubmit.out")
[ "$jobid" != "$first_job" ] && [ -n "$merge_job" ] || fail "no job ids from the doc's resubmission: $(cat "$tmp/resubmit.out")"
wait_jobs "the rerun and the merge"
tasks=$(array_tasks "$jobid")
[ "$tasks" = "2 COMPLETED 0:0," ] ||
  { logs "$study"/logs/*.log "$tmp/slurmd.log"; fail "expected the rerun to run task 2 only, got (task state exit): $tasks"; }
[ "$(shard_files)" = "shard-0000.json shard-0001.json shard-0002.json shard-0003.json " ] ||
  fail "expected the shards of tasks 0 to 3 after the rerun, found: $(shard_files)"
expect_job "$merge_job" COMPLETED 0:0 "the merge job after the rerun"
[ -s result.json ] || fail "the merge job wrote no result.json"
rerun_s=$((SECONDS - t0))
echo "rerun: task 2 done, then the merge: $(cat logs/merge.log)"

# One machine, one run: the same bytes.
"$cli" run --spec spec.json --out single.json --workers 1 >/dev/null 2>run.err || { cat run.err >&2; fail "run --spec failed"; }
cmp result.json single.json || fail "the merged result.json differs from one run of the spec"

echo "PASS: Slurm recipe of $doc on one node: 4 array tasks, task 2 cancelled, merge refused it; task 2 rerun, merged = one run byte for byte ($(wc -c <result.json) bytes)"
echo "  install ${install_s} s, Slurm start ${start_s} s, build and pack ${pack_s} s, array + failed merge ${first_s} s, rerun + merge ${rerun_s} s; total $((SECONDS - started)) s"
