-- wrk: GET the URL of the command line (or, with $WRK_PATHS, one of those comma-separated
-- paths at random per request), with the Cookie header $WRK_COOKIE when set. Prints one
-- line "WRKJSON {...}" with counts and latency percentiles (ms) at the end.
local cookie = os.getenv("WRK_COOKIE")
if cookie and #cookie > 0 then wrk.headers["Cookie"] = cookie end
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS") or "", "[^,]+") do paths[#paths + 1] = p end

local threads = {}
function setup(thread)
  thread:set("tid", math.random(1, 1000000))
  threads[#threads + 1] = thread
end
function init(args) math.randomseed(os.time() + (tid or 0)) end
if #paths > 0 then
  request = function() return wrk.format(nil, paths[math.random(#paths)]) end
end

unexpected = 0  -- responses other than 200, per thread (summed in done)
function response(status, headers, body)
  if status ~= 200 then unexpected = unexpected + 1 end
end

function done(summary, latency, requests)
  local e = summary.errors
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("unexpected") or 0) end
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"unexpected":%d,"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,"err_timeout":%d,' ..
    '"lat_p50_ms":%.3f,"lat_p95_ms":%.3f,"lat_p99_ms":%.3f,"lat_max_ms":%.3f}\n',
    summary.requests, summary.duration, summary.bytes,
    bad, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
