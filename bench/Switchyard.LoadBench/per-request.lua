-- wrk script for low-rate runs that need every request's own latency. wrk's built-in latency statistics are corrected
-- for coordinated omission (before done() sees them, wrk adds made-up samples for the requests a constant-rate client
-- would have sent during each long response), which for a heavy-tail backend invents latencies no request had.
-- Here each wrk thread has exactly one connection (-t N -cN), so request() and response() alternate and the time
-- between them is that request's latency, kept in a per-thread histogram of whole microseconds.
-- Prints the run's figures and the merged histogram as "sybench <key> <value>" lines for Switchyard.LoadBench.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } sybench_timespec;
  int clock_gettime(int clock, sybench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local now = ffi.new("sybench_timespec")
local function microseconds()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
  return tonumber(now.tv_sec) * 1000000 + math.floor(tonumber(now.tv_nsec) / 1000)
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

histogram = {}
local started
function request()
  started = microseconds()
  return wrk.format()
end

function response(status, headers, body)
  if started then
    local latency = microseconds() - started
    histogram[latency] = (histogram[latency] or 0) + 1
    started = nil
  end
end

function done(summary, latency, requests)
  local out = function(key, value) io.write(string.format("sybench %s %s\n", key, value)) end
  out("requests", summary.requests)
  out("duration_us", summary.duration)
  out("errors_connect", summary.errors.connect)
  out("errors_read", summary.errors.read)
  out("errors_write", summary.errors.write)
  out("errors_timeout", summary.errors.timeout)
  out("errors_status", summary.errors.status)
  for _, thread in ipairs(threads) do
    for value, count in pairs(thread:get("histogram")) do
      out("sample", string.format("%d %d", value, count))
    end
  end
end
