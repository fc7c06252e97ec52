-- Runs an Argo CD health check as Argo CD does: the resource is the global `obj`, the script returns
-- a table with status and message, and only the base, string, table and math libraries are there.
-- Usage: lua5.4 argocd-harness.lua CHECK.lua RESOURCE.lua  (RESOURCE.lua returns the resource)
local check_file, resource_file = arg[1], arg[2]
local env = {
  obj = dofile(resource_file),
  ipairs = ipairs, pairs = pairs, next = next, type = type, tostring = tostring, tonumber = tonumber,
  select = select, error = error, pcall = pcall, string = string, table = table, math = math,
}
local check = assert(loadfile(check_file, "t", env))
local hs = check()
io.write(tostring(hs.status), "\n", tostring(hs.message), "\n")
