-- wrk prints p50/75/90/99 only; this hook adds p95 and machine-readable figures.
-- Latencies are in microseconds. bench/run.py reads the line that starts with BENCH_JSON.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH_JSON {\"requests\": %d, \"duration_us\": %d, \"bytes\": %d, " ..
    "\"errors\": {\"connect\": %d, \"read\": %d, \"write\": %d, \"status\": %d, \"timeout\": %d}, " ..
    "\"latency_us\": {\"mean\": %.1f, \"max\": %d, \"p50\": %d, \"p90\": %d, \"p95\": %d, \"p99\": %d}}\n",
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency.mean, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99)
  ))
end
