-- wrk's end-of-run hook: prints the run's figures as "sybench <key> <value>" lines for Switchyard.LoadBench.
-- Latencies are wrk's statistics in microseconds, which wrk has corrected for coordinated omission before done() runs.
-- The percentile list is PercentileGrid's: 0.5 steps to 99, then 0.1 steps to 99.9, then 0.01 steps to 99.99.
done = function(summary, latency, requests)
  local out = function(key, value) io.write(string.format("sybench %s %s\n", key, value)) end
  out("requests", summary.requests)
  out("duration_us", summary.duration)
  out("errors_connect", summary.errors.connect)
  out("errors_read", summary.errors.read)
  out("errors_write", summary.errors.write)
  out("errors_timeout", summary.errors.timeout)
  out("errors_status", summary.errors.status)
  local percentile = function(p) out("percentile", string.format("%g %d", p, latency:percentile(p))) end
  for i = 1, 198 do percentile(i / 2) end
  for i = 991, 999 do percentile(i / 10) end
  for i = 9991, 9999 do percentile(i / 100) end
  out("max_us", latency.max)
end
