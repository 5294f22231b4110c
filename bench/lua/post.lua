-- wrk: POST a public complaint form with a valid CSRF pair ($WRK_COOKIE holds the cookie,
-- $WRK_CSRF the form's token) and a different Dutch complaint per request.
-- $WRK_FORM = "peer" (django-helpdesk's public ticket form, queues from $WRK_QUEUES) or
-- "ours" (the complaint form; a fresh submission key and, for the rate limit of 20 an hour
-- per address, a random X-Forwarded-For per request: run the app with TRUSTED_PROXY_COUNT=1).
-- A success is the redirect to the receipt (302); anything else is counted as "unexpected".
local token = os.getenv("WRK_CSRF")
local kind = os.getenv("WRK_FORM") or "peer"
local queues = {}
for q in string.gmatch(os.getenv("WRK_QUEUES") or "1", "[^,]+") do queues[#queues + 1] = q end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("WRK_COOKIE")

local subjects = {
  "Factuur %d klopt niet", "Training %d zonder bericht geannuleerd",
  "Klacht over de trainer van groep %d", "Certificaat nog niet ontvangen (%d)",
  "Dubbel gefactureerd, klantnummer %d", "Lesmateriaal ontbreekt bij training %d",
}
local sentences = {
  "Ik heb de training in Utrecht gevolgd maar de trainer kwam een half uur te laat.",
  "De factuur bevat een verkeerd bedrag en ik wil graag een creditnota.",
  "Het certificaat is na zes weken nog steeds niet verstuurd.",
  "De annulering is niet verwerkt terwijl ik op tijd heb afgezegd.",
  "Niemand heeft mij teruggebeld, ook niet na twee herinneringen.",
  "Ik verwacht binnen vijf werkdagen een reactie.",
}
local function enc(s)
  return (string.gsub(s, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}
function setup(thread)
  thread:set("tid", math.random(1, 1000000))
  threads[#threads + 1] = thread
end
function init(args) math.randomseed(os.time() * 1000 + (tid or 0)) end

function request()
  local n = math.random(100000, 999999)
  local body = {}
  for i = 1, math.random(2, 5) do body[#body + 1] = sentences[math.random(#sentences)] end
  local text = table.concat(body, "\n")
  local email = string.format("klager%d@example.org", n)
  local form
  local headers = nil
  if kind == "ours" then
    form = "csrfmiddlewaretoken=" .. enc(token) ..
      "&complainant_name=" .. enc(string.format("Klager %d", n)) ..
      "&complainant_email=" .. enc(email) ..
      "&representation=self&concerns=quality" ..
      "&engagement_description=" .. enc(string.format(subjects[math.random(#subjects)], n)) ..
      "&description=" .. enc(text) ..
      "&submission_key=" .. string.format("%08x%08x%08x", math.random(0, 0x7fffffff),
        math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
    -- wrk.format takes these instead of wrk.headers: copy them over
    headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255),
      math.random(0, 255), math.random(1, 254))
  else
    form = "csrfmiddlewaretoken=" .. enc(token) ..
      "&queue=" .. queues[math.random(#queues)] ..
      "&title=" .. enc(string.format(subjects[math.random(#subjects)], n)) ..
      "&body=" .. enc(text) .. "&priority=3&due_date=" ..
      "&submitter_email=" .. enc(email)
  end
  return wrk.format(nil, nil, headers, form)
end

unexpected = 0  -- responses other than 302, per thread (summed in done)
function response(status, headers, body)
  if status ~= 302 then unexpected = unexpected + 1 end
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
