#!/usr/bin/env bash
# CTest fixture for the real backends: Prometheus 2.42 and VictoriaMetrics 1.79 on loopback, both
# backfilled with 7 days of the simulated centre's history and scraping a live aisc-exporter.
#
#   backends.sh start OUTPUT_DIR AISC_EXPORTER   starts everything, writes OUTPUT_DIR/backends.env
#   backends.sh stop OUTPUT_DIR                  stops whatever a start left running
#
# Every process runs in its own process group under `timeout`, so that nothing outlives an aborted run
# by more than AISC_BACKENDS_LIFETIME seconds even when the cleanup test never runs.
set -euo pipefail

# The centre the tests compare against in process: keep in step with tst_backends (it reads backends.env).
readonly SEED=7
readonly GPUS=64
readonly AT=2026-03-02T00:00:00Z
readonly HISTORY=7d
readonly HISTORY_STEP_SECONDS=600
readonly SCRAPE_INTERVAL=2s
readonly PROMETHEUS_PREFIX=/prometheus
readonly LIFETIME=${AISC_BACKENDS_LIFETIME:-1800}

log() { echo "backends: $*" >&2; }
die() { log "error: $*"; exit 1; }

output_dir=${2:?usage: backends.sh start|stop OUTPUT_DIR [AISC_EXPORTER]}
work="$output_dir/backends"
pids_file="$output_dir/backends.pids"
env_file="$output_dir/backends.env"

# Stops the process groups listed in the pids file, but only processes whose command line names this
# fixture's work directory: a pid reused by an unrelated process since is left alone.
stop_all() {
    [ -f "$pids_file" ] || return 0
    local pid pids=()
    while read -r pid; do
        [ -n "$pid" ] || continue
        if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$work"; then
            kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
            pids+=("$pid")
        fi
    done <"$pids_file"
    for _ in $(seq 50); do
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive -eq 0 ] && break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
    rm -f "$pids_file" "$env_file"
}

# Starts "$@" in its own process group, capped at LIFETIME seconds; logs to $work/$name.log.
spawn() {
    local name=$1
    shift
    setsid timeout --kill-after=5 "$LIFETIME" "$@" >"$work/$name.log" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" >>"$pids_file"
    echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

random_port() {
    local port
    for _ in $(seq 100); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        port_in_use "$port" || { echo "$port"; return 0; }
    done
    die "no free loopback port found"
}

# wait_for SECONDS PID URL: until URL answers 2xx, while PID lives. Fails when PID dies or time is up.
wait_for() {
    local deadline=$((SECONDS + $1)) pid=$2 url=$3
    while [ $SECONDS -lt $deadline ]; do
        kill -0 "$pid" 2>/dev/null || return 1
        curl -fsS --max-time 2 -o /dev/null "$url" 2>/dev/null && return 0
        sleep 0.2
    done
    return 1
}

# query URL PROMQL TIME: the number of series an instant query returns (0 on any error).
series_count() {
    curl -fsS --max-time 5 --data-urlencode "query=$2" --data-urlencode "time=$3" "$1/api/v1/query" 2>/dev/null \
        | grep -o '"metric"' | wc -l || true
}

start() {
    local exporter=${3:?usage: backends.sh start OUTPUT_DIR AISC_EXPORTER}
    [ -x "$exporter" ] || die "$exporter: not an executable"
    for tool in prometheus promtool victoria-metrics curl setsid timeout; do
        command -v "$tool" >/dev/null || die "$tool not found (scripts/install-deps installs it)"
    done

    mkdir -p "$output_dir"
    stop_all # leftovers of an aborted run
    rm -rf "$work"
    mkdir -p "$work"
    : >"$pids_file"
    ready=0
    trap '[ $ready -eq 1 ] || { log "setup failed; logs in $work"; stop_all; }' EXIT

    local centre=(--seed "$SEED" --gpus "$GPUS" --at "$AT")
    local at_seconds
    at_seconds=$(date -u -d "$AT" +%s)
    local probe_time=$((at_seconds - 3 * 86400))

    # The live exporter first (the OS picks its port), the history files alongside.
    local exporter_pid
    exporter_pid=$(spawn exporter "$exporter" "${centre[@]}" --speed 1 --listen 127.0.0.1:0 \
        --port-file "$work/exporter.port")
    "$exporter" "${centre[@]}" --history "$HISTORY" --history-step "${HISTORY_STEP_SECONDS}s" \
        --output "$work/history.om" &
    local om_pid=$!
    "$exporter" "${centre[@]}" --history "$HISTORY" --history-step "${HISTORY_STEP_SECONDS}s" \
        --history-format prometheus --output "$work/history.prom" &
    local prom_pid=$!
    wait $om_pid || die "writing the OpenMetrics history failed"
    wait $prom_pid || die "writing the Prometheus-text history failed"
    for _ in $(seq 100); do
        [ -s "$work/exporter.port" ] && break
        kill -0 "$exporter_pid" 2>/dev/null || die "aisc-exporter exited: $(cat "$work/exporter.log")"
        sleep 0.1
    done
    local exporter_port
    exporter_port=$(cat "$work/exporter.port") || die "aisc-exporter did not report its port"
    local exporter_address="127.0.0.1:$exporter_port"
    log "aisc-exporter on $exporter_address"

    # Prometheus: blocks from the history, then a server with a path prefix scraping the exporter.
    mkdir -p "$work/prometheus-data"
    promtool tsdb create-blocks-from openmetrics --max-block-duration=24h -q "$work/history.om" \
        "$work/prometheus-data" >"$work/promtool.log" 2>&1 || die "promtool: $(tail -5 "$work/promtool.log")"
    rm -f "$work/history.om"
    cat >"$work/prometheus.yml" <<YAML
global:
  scrape_interval: $SCRAPE_INTERVAL
  scrape_timeout: $SCRAPE_INTERVAL
scrape_configs:
  - job_name: aisc-exporter
    static_configs:
      - targets: ['$exporter_address']
YAML
    local prometheus_port prometheus_pid prometheus_url
    for _ in 1 2 3 4 5; do
        prometheus_port=$(random_port)
        prometheus_url="http://127.0.0.1:$prometheus_port$PROMETHEUS_PREFIX"
        prometheus_pid=$(spawn prometheus prometheus --config.file="$work/prometheus.yml" \
            --storage.tsdb.path="$work/prometheus-data" --storage.tsdb.retention.time=100y \
            --web.listen-address="127.0.0.1:$prometheus_port" --web.route-prefix="$PROMETHEUS_PREFIX" \
            --web.external-url="$prometheus_url" --log.level=warn)
        wait_for 60 "$prometheus_pid" "$prometheus_url/-/ready" && break
        kill -0 "$prometheus_pid" 2>/dev/null && die "Prometheus not ready in 60 s: $(tail -5 "$work/prometheus.log")"
        log "Prometheus did not start on port $prometheus_port, retrying: $(tail -1 "$work/prometheus.log")"
        prometheus_pid=
    done
    [ -n "$prometheus_pid" ] || die "Prometheus did not start"
    log "Prometheus at $prometheus_url"

    # VictoriaMetrics: scrapes the exporter; the same history imported through its API.
    cat >"$work/vm-scrape.yml" <<YAML
global:
  scrape_interval: $SCRAPE_INTERVAL
scrape_configs:
  - job_name: aisc-exporter
    static_configs:
      - targets: ['$exporter_address']
YAML
    local vm_port vm_pid vm_url
    for _ in 1 2 3 4 5; do
        vm_port=$(random_port)
        vm_url="http://127.0.0.1:$vm_port"
        vm_pid=$(spawn victoria-metrics victoria-metrics -httpListenAddr="127.0.0.1:$vm_port" \
            -storageDataPath="$work/vm-data" -retentionPeriod=100y -search.latencyOffset=0s \
            -search.disableCache -promscrape.config="$work/vm-scrape.yml" -loggerLevel=WARN)
        wait_for 30 "$vm_pid" "$vm_url/health" && break
        kill -0 "$vm_pid" 2>/dev/null && die "VictoriaMetrics not ready in 30 s: $(tail -5 "$work/victoria-metrics.log")"
        log "VictoriaMetrics did not start on port $vm_port, retrying: $(tail -1 "$work/victoria-metrics.log")"
        vm_pid=
    done
    [ -n "$vm_pid" ] || die "VictoriaMetrics did not start"
    curl -fsS --max-time 60 --data-binary "@$work/history.prom" "$vm_url/api/v1/import/prometheus" \
        || die "importing the history into VictoriaMetrics failed"
    rm -f "$work/history.prom"
    curl -fsS --max-time 10 -o /dev/null "$vm_url/internal/force_flush" || true
    log "VictoriaMetrics at $vm_url"

    # Ready when both hold the history and have scraped the exporter at least once.
    local deadline=$((SECONDS + 60)) now
    while :; do
        now=$(date +%s)
        if [ "$(series_count "$prometheus_url" "count(DCGM_FI_DEV_GPU_UTIL)" "$probe_time")" -gt 0 ] \
            && [ "$(series_count "$vm_url" "count(DCGM_FI_DEV_GPU_UTIL)" "$probe_time")" -gt 0 ] \
            && [ "$(series_count "$prometheus_url" "aisc_exporter_simulated_time_seconds" "$now")" -gt 0 ] \
            && [ "$(series_count "$vm_url" "aisc_exporter_simulated_time_seconds" "$now")" -gt 0 ]; then
            break
        fi
        [ $SECONDS -lt $deadline ] || die "the backends did not serve the history and a scrape within 60 s"
        sleep 0.5
    done

    cat >"$env_file.tmp" <<ENV
# Written by tests/integration/backends.sh; read by tst_backends.
PROMETHEUS_URL=$prometheus_url
VICTORIAMETRICS_URL=$vm_url
EXPORTER_URL=http://$exporter_address/metrics
AISC_SEED=$SEED
AISC_GPUS=$GPUS
AISC_AT=$AT
HISTORY_STEP_SECONDS=$HISTORY_STEP_SECONDS
SCRAPE_INTERVAL=$SCRAPE_INTERVAL
ENV
    mv "$env_file.tmp" "$env_file"
    ready=1
    log "ready in ${SECONDS} s; $env_file"
}

case ${1:-} in
start) start "$@" ;;
stop) stop_all ;;
*) die "usage: backends.sh start OUTPUT_DIR AISC_EXPORTER | stop OUTPUT_DIR" ;;
esac
