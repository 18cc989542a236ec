-- wrk script of bench/respondent/run: the respondent page's final
-- submission (its form, every question answered), each request to a link of
-- its own. Arguments: TOKENS_FILE BODY_FILE FIRST COUNT THREADS: the links
-- are lines FIRST+1 .. FIRST+COUNT of TOKENS_FILE, thread i taking every
-- THREADS-th from the i-th on; past COUNT a thread starts again (an answer
-- submitted again replaces the first).
local threads = 0

function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end

function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  local file = assert(io.open(args[2], "rb"))
  body = file:read("*a")
  file:close()
  first = tonumber(args[3])
  count = tonumber(args[4])
  step = tonumber(args[5])
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
end

function request()
  local token = tokens[first + index % count + 1]
  index = index + step
  return wrk.format("POST", "/r/" .. token, headers, body)
end
