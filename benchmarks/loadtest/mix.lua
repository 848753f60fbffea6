-- wrk script of `make loadtest` (benchmarks/loadtest/load.py).
--
-- wrk -t1 ... -s mix.lua URL -- HOT COLD COLD_EVERY
--   HOT           file of paths requested in turn, over and over (cached after their first turn)
--   COLD          file of paths requested once each, in turn ("" for none): cache misses
--   COLD_EVERY    every COLD_EVERY-th request is the next cold path (0: none)
-- Responses are counted by status and by X-Cache; done() prints one line, "LOADTEST {json}".

local hot, cold = {}, {}
local hot_next, cold_next, sent = 0, 0, 0
local cold_every = 0
local threads = {}
-- Globals: done() reads them from each thread with thread:get().
statuses = {}
x_cache = {}

local function lines(path)
  local list = {}
  if path and path ~= "" then
    for line in io.lines(path) do
      if line ~= "" then list[#list + 1] = line end
    end
  end
  return list
end

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  hot, cold = lines(args[1]), lines(args[2])
  cold_every = tonumber(args[3]) or 0
end

function request()
  sent = sent + 1
  if cold_every > 0 and #cold > 0 and sent % cold_every == 0 then
    cold_next = cold_next % #cold + 1
    return wrk.format("GET", cold[cold_next])
  end
  hot_next = hot_next % #hot + 1
  return wrk.format("GET", hot[hot_next])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local state = headers["X-Cache"] or "none"
  x_cache[state] = (x_cache[state] or 0) + 1
end

local function encode(value)
  if type(value) == "table" then
    local parts = {}
    for key, item in pairs(value) do
      parts[#parts + 1] = string.format("%q:%s", tostring(key), encode(item))
    end
    return "{" .. table.concat(parts, ",") .. "}"
  elseif type(value) == "string" then
    return string.format("%q", value)
  elseif type(value) == "number" and (value ~= value or value == math.huge) then
    return "null" -- no requests: no mean
  end
  return tostring(value)
end

local function add_counts(total, counts)
  for key, count in pairs(counts) do
    total[tostring(key)] = (total[tostring(key)] or 0) + count
  end
end

function done(summary, latency, requests)
  local by_status, by_cache = {}, {}
  for _, thread in ipairs(threads) do
    add_counts(by_status, thread:get("statuses"))
    add_counts(by_cache, thread:get("x_cache"))
  end
  local errors = summary.errors
  io.write("LOADTEST ", encode({
    duration_us = summary.duration,
    requests = summary.requests,
    bytes = summary.bytes,
    errors = {
      connect = errors.connect, read = errors.read, write = errors.write, timeout = errors.timeout,
    },
    latency_us = {
      p50 = latency:percentile(50), p95 = latency:percentile(95), p99 = latency:percentile(99),
      max = latency.max, mean = latency.mean,
    },
    statuses = by_status,
    x_cache = by_cache,
  }), "\n")
end
