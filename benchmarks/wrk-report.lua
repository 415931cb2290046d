-- Paces the load when WRK_RATE (requests per second over all WRK_CONNECTIONS) is set: each
-- connection waits a random time, WRK_CONNECTIONS / WRK_RATE on average, before each
-- request, so that the service is measured below saturation. Unset, wrk sends as fast as
-- the service answers.
local rate = tonumber(os.getenv("WRK_RATE") or "") or 0
if rate > 0 then
  local mean_ms = 1000 * (tonumber(os.getenv("WRK_CONNECTIONS") or "") or 1) / rate
  delay = function()
    return math.random(0, math.floor(2 * mean_ms + 0.5))
  end
end

-- Prints one machine-readable line at the end of a wrk run; latencies in microseconds.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d p50=%.1f p99=%.1f p999=%.1f\n",
    summary.requests, summary.duration, errors,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end
