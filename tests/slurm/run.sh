#!/bin/bash
# A one-node Slurm cluster on this machine runs contrib/slurm/dyad-code.sbatch as a 4-task array
# job over the example corpus and tests/shard/stream.jsonl; contrib/slurm/merge.sh puts the parts
# together, and they must be the lines of one dyad process. Needs root and Debian's slurm-wlm and
# munge (installed here with apt-get when missing); skips, saying so, where they cannot be had or
# the daemons do not start. munged, slurmctld and slurmd run from a temporary directory with a
# generated slurm.conf on 127.0.0.1 and free ports, and are stopped on the way out. Every wait is
# bounded. Ends with "slurm: N passed, N failed".
#   bash tests/slurm/run.sh DYAD
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
DYAD=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
skip() { echo "skip: $*"; echo "slurm: $pass passed, $fail failed, 1 skipped"; exit 0; }

[ "$(id -u)" -eq 0 ] || skip "not root: the test runs slurmctld, slurmd and munged itself"
have() { command -v slurmctld && command -v slurmd && command -v sbatch && command -v munged; } > /dev/null 2>&1
if ! have; then
    echo "installing slurm-wlm and munge (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    timeout 200 apt-get install -y -qq --no-install-recommends slurm-wlm munge > /dev/null 2>&1 ||
        { timeout 90 apt-get update -qq > /dev/null 2>&1 &&
          timeout 200 apt-get install -y -qq --no-install-recommends slurm-wlm munge > /dev/null 2>&1; }
    have || skip "slurm-wlm and munge cannot be installed here (apt-get failed)"
fi

T=$(mktemp -d /tmp/dyad-slurm.XXXXXX)
chmod 700 "$T"
PIDS=""
cleanup() {
    for p in $PIDS; do kill "$p" 2> /dev/null; done
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        alive=""
        for p in $PIDS; do kill -0 "$p" 2> /dev/null && alive="$alive $p"; done
        [ -z "$alive" ] && break
        sleep 0.5
    done
    for p in $PIDS; do kill -9 "$p" 2> /dev/null; done
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# A port nobody listens on, from a range Slurm does not use by default.
free_port() {
    p=$1
    while [ "$p" -lt $(($1 + 200)) ]; do
        if ! (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then echo "$p"; return; fi
        p=$((p + 1))
    done
    echo "$1"
}
wait_for() {    # seconds, command...: polls until the command succeeds
    n=$(($1 * 4))
    shift
    while [ "$n" -gt 0 ]; do "$@" > /dev/null 2>&1 && return 0; sleep 0.25; n=$((n - 1)); done
    return 1
}

# munge: its own key, socket and files (the checks on them want 0700 directories and a 0400 key).
mkdir -p "$T/munge" && chmod 700 "$T/munge"
dd if=/dev/urandom of="$T/munge/key" bs=1024 count=1 2> /dev/null && chmod 400 "$T/munge/key"
SOCK=$T/munge/socket
munged --force --key-file="$T/munge/key" --socket="$SOCK" --pid-file="$T/munge/pid" \
       --log-file="$T/munge/log" --seed-file="$T/munge/seed" > "$T/munge/out" 2>&1 ||
    skip "munged does not start here: $(tail -n 1 "$T/munge/log" 2> /dev/null) $(cat "$T/munge/out")"
wait_for 10 test -s "$T/munge/pid" || skip "munged wrote no pid file"
PIDS="$(cat "$T/munge/pid")"

HOST=$(hostname -s)
CPUS=$(nproc)
MEM=$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)
CTLD_PORT=$(free_port 16817)
SLURMD_PORT=$(free_port $((CTLD_PORT + 1)))
mkdir -p "$T/state" "$T/spool" "$T/logs" "$T/out"
export SLURM_CONF=$T/slurm.conf
cat > "$SLURM_CONF" <<EOF
ClusterName=dyadtest
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$SOCK
CredType=cred/munge
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/logs/slurmctld.log
SlurmdLogFile=$T/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=60
NodeName=dyadnode NodeAddr=127.0.0.1 NodeHostname=$HOST CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=dyadtest Nodes=dyadnode Default=YES MaxTime=INFINITE State=UP
EOF
# plugstack.conf of /etc/slurm, if any, is read from beside slurm.conf: an empty one here.
: > "$T/plugstack.conf"
echo "PlugStackConfig=$T/plugstack.conf" >> "$SLURM_CONF"

slurmctld -D -c -f "$SLURM_CONF" > "$T/logs/slurmctld.out" 2>&1 &
PIDS="$PIDS $!"
slurmd -D -N dyadnode -f "$SLURM_CONF" > "$T/logs/slurmd.out" 2>&1 &
PIDS="$PIDS $!"
node_up() { sinfo -h -N -o '%T' | grep -Eq '^(idle|mixed|allocated)'; }
if ! wait_for 60 node_up; then
    echo "slurmctld log:"; tail -n 5 "$T/logs/slurmctld.log" "$T/logs/slurmctld.out" 2> /dev/null
    echo "slurmd log:"; tail -n 5 "$T/logs/slurmd.log" "$T/logs/slurmd.out" 2> /dev/null
    skip "the one-node Slurm cluster did not come up within 60 s (see the logs above)"
fi
echo "ok   a one-node cluster is up ($CPUS CPUs, ports $CTLD_PORT and $SLURMD_PORT)"

# The array job: 4 tasks, each one part; sbatch --wait returns when all are done.
cd "$ROOT" || exit 2
run_array() {   # name, input, outdir, dyad options...
    name=$1 input=$2 out=$3
    shift 3
    timeout 150 sbatch --wait --array=0-3 --mem-per-cpu=200M --time=5 --output="$T/logs/$name-%A_%a.log" \
        --export=ALL,DYAD="$DYAD" contrib/slurm/dyad-code.sbatch "$input" "$out" "$@" > "$T/logs/$name.sbatch" 2>&1
    rc=$?
    check "$name: sbatch --wait --array=0-3" 0 "$rc"
    [ $rc -eq 0 ] || { tail -n 5 "$T/logs/$name.sbatch" "$T"/logs/"$name"-*.log; }
    check "$name: 4 parts, each run by Slurm" 4 "$(grep -l '^host=' "$out"/part-*.done 2> /dev/null | wc -l)"
}
run_array text examples/corpus "$T/out/text" --format tsv
sh contrib/slurm/merge.sh "$T/out/text" > "$T/merged.tsv"
check "text: merge" 0 "$?"
"$DYAD" code --no-progress --format tsv examples/corpus/*.txt > "$T/whole.tsv"
check "text: merged parts are the one run" "$(LC_ALL=C sort "$T/whole.tsv" | md5sum)" "$(LC_ALL=C sort "$T/merged.tsv" | md5sum)"
check "text: one header" 1 "$(grep -c '^id	doc' "$T/merged.tsv")"

run_array jsonl tests/shard/stream.jsonl "$T/out/jsonl" --input jsonl -j 2
sh contrib/slurm/merge.sh "$T/out/jsonl" > "$T/merged.jsonl"
"$DYAD" code --no-progress --input jsonl tests/shard/stream.jsonl > "$T/whole.jsonl" 2> /dev/null
check "jsonl -j 2: merged parts are the one run" "$(LC_ALL=C sort "$T/whole.jsonl" | md5sum)" "$(LC_ALL=C sort "$T/merged.jsonl" | md5sum)"
check "jsonl: the broken record reported by one task" 1 "$(cat "$T"/logs/jsonl-*.log | grep -c 'malformed JSON')"

summary slurm
