-- The warm-up's requests: every path given after "--" in turn, so one run exercises all of a server's endpoints.
local paths, turn = {}, 0

init = function(args)
  for _, path in ipairs(args) do paths[#paths + 1] = path end
end

request = function()
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end
