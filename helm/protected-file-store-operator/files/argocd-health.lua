-- Argo CD health of a ProtectedFileStore (argocd-cm key
-- resource.customizations.health.protectedfiles.io_ProtectedFileStore).
--
-- Healthy:     Ready is True for the store's current generation.
-- Progressing: the operator has not yet reported on the current generation, Ready is Unknown, or
--              Ready is False while the stack is still being built (InProgress, Waiting, Deploying).
-- Degraded:    Ready is False for any other reason: a failure a person has to fix (a bucket name
--              taken, adoption not allowed, a bad certificate, ...).
-- Ready=False with reason NotReady only summarises the stage conditions; they decide then.
--
-- Written for Argo CD's Lua (5.1, no libraries beyond base, string and table).

local progressing_reasons = { InProgress = true, Waiting = true, Deploying = true }
local summary_reason = "NotReady"

local function condition(conditions, wanted)
  for _, c in ipairs(conditions) do
    if c.type == wanted then
      return c
    end
  end
  return nil
end

local function describe(c)
  local text = c.type .. " " .. tostring(c.reason)
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

-- The first stage that failed for a reason a retry will not get past.
local function failed_stage(conditions)
  for _, c in ipairs(conditions) do
    if c.type ~= "Ready" and c.status == "False" and not progressing_reasons[c.reason] then
      return c
    end
  end
  return nil
end

local function health(obj)
  local generation = obj.metadata and obj.metadata.generation
  local status = obj.status
  local conditions = (status and status.conditions) or {}
  local ready = condition(conditions, "Ready")
  if ready == nil then
    return "Progressing", "Waiting for the operator to report on the store"
  end
  local observed = ready.observedGeneration or status.observedGeneration
  if generation ~= nil and observed ~= generation then
    return "Progressing", "Waiting for the operator to act on generation " .. tostring(generation)
  end
  if ready.status == "True" then
    return "Healthy", ready.message or "Ready"
  end
  if ready.status ~= "False" or progressing_reasons[ready.reason] then
    return "Progressing", describe(ready)
  end
  if ready.reason == summary_reason then
    local failed = failed_stage(conditions)
    if failed == nil then
      return "Progressing", describe(ready)
    end
    return "Degraded", describe(failed)
  end
  return "Degraded", describe(ready)
end

local hs = {}
hs.status, hs.message = health(obj)
return hs
