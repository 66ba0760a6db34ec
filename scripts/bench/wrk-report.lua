-- wrk's done(): one JSON line with the counts and the latency tail (µs), so slices can be pooled.
local tail = { 50, 90, 95, 97, 98, 98.5, 99, 99.25, 99.5, 99.75, 99.9, 99.99 }
done = function(summary, latency, requests)
  local points = {}
  for _, p in ipairs(tail) do points[#points + 1] = string.format("[%g,%d]", p, latency:percentile(p)) end
  points[#points + 1] = string.format("[100,%d]", latency.max)
  io.write(string.format('HERALD-WRK {"requests":%d,"durationUs":%d,"tail":[%s]}\n', summary.requests, summary.duration, table.concat(points, ",")))
end
