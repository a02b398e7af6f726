-- wrk asks many different questions: each request takes the next path of the file $WRK_PATHS (one a line), each
-- thread starting at its own place, so that no answer is asked for twice in a row (common.wrk's `paths`).
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local threads = 0
local next = 0

function setup(thread)
  thread:set("start", threads * 7919)
  threads = threads + 1
end

function init(args)
  next = start or 0
end

function request()
  next = next + 1
  return wrk.format("GET", paths[(next % #paths) + 1])
end
