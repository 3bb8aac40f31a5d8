/**
 * Lua scripts of the Redis store. Every key lives under one hash tag (`<prefix>{catalog}:`)
 * passed as KEYS[1], so each script touches a single cluster slot; the scripts derive the
 * other key names from it (documented trade-off: a portal's catalog is one slot, which keeps
 * every multi-key write and query atomic).
 */

/**
 * Writes a batch of entities with distinct refs, each atomic (the whole script is).
 * The caller has already grouped the batch's index changes per key, so the script does
 * one variadic command per key and never decodes JSON.
 * ARGV[1]: maxlen; ARGV[2]: one MessagePack array of strings (one argument rather than
 * thousands, which is far cheaper for the client and the server to pass):
 * n, removeGroups, addGroups, then per write (5 items) ref, expectedVersion (followed by
 * `r` for a restore, which keeps its version: see EntityWrite.restore), newVersion ('0'
 * deletes), doc, event ('' for none); then remove groups
 * (key, valuesKey or '', value, count, members...), then add groups
 * (key, valuesKey or '', value, count, then count score/member pairs).
 * A deleted entity's last version is kept in the `gone` hash; re-creating it must write the next
 * version (the catalog reads it with `deletedVersions`), so no version repeats for a ref.
 * Versions are checked first: if any write's expected version does not match, nothing is
 * written and the script returns {0, positions...} of the mismatches (the caller drops those
 * as conflicts and sends the rest again); otherwise it writes everything and returns {1}.
 * Refs are distinct within a call, so one (key, member) pair is either removed or added,
 * never both, and removals can run before additions.
 */
export const WRITE_SCRIPT = `
local base = KEYS[1]
local maxlen = ARGV[1]
local a = cmsgpack.unpack(ARGV[2])
local n = tonumber(a[1])
local removeGroups = tonumber(a[2])
local addGroups = tonumber(a[3])
local vers = base .. 'vers'
local refs = {}
for w = 1, n do refs[w] = a[5 * w - 1] end
local current = redis.call('ZMSCORE', vers, unpack(refs))
-- Versions of deleted entities: a re-created entity continues after them, so a version never repeats for a ref.
local gone = base .. 'gone'
local buried = redis.call('HMGET', gone, unpack(refs))
local conflicts = {0}
for w = 1, n do
  local cur = tonumber(current[w] or '0')
  local newVersion = tonumber(a[5 * w + 1])
  local expected = a[5 * w]
  local restore = string.sub(expected, -1) == 'r'
  if restore then expected = string.sub(expected, 1, -2) end
  local last = tonumber(buried[w] or '0')
  if cur ~= tonumber(expected) then conflicts[#conflicts + 1] = w
  elseif cur == 0 and newVersion ~= 0 and ((restore and newVersion <= last) or (not restore and newVersion ~= last + 1)) then conflicts[#conflicts + 1] = w end
end
if #conflicts > 1 then return conflicts end
local buriedSet = {}
local unburied = {}
local sets = {}
local versAdd = {}
local dels = {}
local versDel = {}
for w = 1, n do
  local o = 5 * w - 1
  local ref = a[o]
  if a[o + 2] == '0' then
    dels[#dels + 1] = base .. 'x|' .. ref
    versDel[#versDel + 1] = ref
    buriedSet[#buriedSet + 1] = ref
    buriedSet[#buriedSet + 1] = current[w]
  else
    if buried[w] then unburied[#unburied + 1] = ref end
    sets[#sets + 1] = base .. 'x|' .. ref
    sets[#sets + 1] = a[o + 3]
    versAdd[#versAdd + 1] = a[o + 2]
    versAdd[#versAdd + 1] = ref
  end
  if #sets >= 200 then redis.call('MSET', unpack(sets)); sets = {} end
  if #versAdd >= 400 then redis.call('ZADD', vers, unpack(versAdd)); versAdd = {} end
end
if #sets > 0 then redis.call('MSET', unpack(sets)) end
if #versAdd > 0 then redis.call('ZADD', vers, unpack(versAdd)) end
if #dels > 0 then
  redis.call('DEL', unpack(dels))
  redis.call('ZREM', vers, unpack(versDel))
  redis.call('HSET', gone, unpack(buriedSet))
end
if #unburied > 0 then redis.call('HDEL', gone, unpack(unburied)) end
local i = 5 * n + 4
for _ = 1, removeGroups do
  local key = base .. a[i]
  local count = tonumber(a[i + 3])
  redis.call('ZREM', key, unpack(a, i + 4, i + 3 + count))
  if a[i + 1] ~= '' and redis.call('EXISTS', key) == 0 then
    redis.call('ZREM', base .. a[i + 1], a[i + 2])
  end
  i = i + 4 + count
end
local registry = {}
local registryOrder = {}
for _ = 1, addGroups do
  local key = base .. a[i]
  local count = tonumber(a[i + 3])
  -- Re-adding a value the registry holds is a no-op, and cheaper than asking EXISTS per key.
  if a[i + 1] ~= '' then
    local reg = a[i + 1]
    local list = registry[reg]
    if not list then
      list = {}
      registry[reg] = list
      registryOrder[#registryOrder + 1] = reg
    end
    list[#list + 1] = 0
    list[#list + 1] = a[i + 2]
  end
  redis.call('ZADD', key, unpack(a, i + 4, i + 3 + 2 * count))
  i = i + 4 + 2 * count
end
for _, reg in ipairs(registryOrder) do
  local list = registry[reg]
  for j = 1, #list, 400 do
    redis.call('ZADD', base .. reg, unpack(list, j, math.min(j + 399, #list)))
  end
end
for w = 1, n do
  local event = a[5 * w + 3]
  if event ~= '' then redis.call('XADD', base .. 'events', 'MAXLEN', '~', maxlen, '*', 'e', event) end
end
redis.call('INCR', base .. 'wv')
return {1}
`;

/** Shared by the query scripts: evaluates a plan node into a sorted set (scores 0 unless ranged). */
const EVALUATE = `
local base = KEYS[1]
local temps = {}
local function tmp()
  local key = base .. 'tmp|' .. (#temps + 1)
  temps[#temps + 1] = key
  return key
end
local function cleanup()
  if #temps > 0 then redis.call('DEL', unpack(temps)) end
end
local function zeros(n)
  local w = {}
  for k = 1, n do w[k] = 0 end
  return w
end
local function combine(op, dest, keys)
  -- ZINTERSTORE/ZUNIONSTORE with weights 0 keep every score at 0 (members then sort by ref).
  local args = {op, dest, #keys}
  for _, k in ipairs(keys) do args[#args + 1] = k end
  if op ~= 'ZDIFFSTORE' then
    args[#args + 1] = 'WEIGHTS'
    for _ = 1, #keys do args[#args + 1] = 0 end
  end
  redis.call(unpack(args))
end
local function unionChunks(dest, keys)
  local chunk = {}
  local started = false
  for _, k in ipairs(keys) do
    chunk[#chunk + 1] = k
    if #chunk >= 200 then
      if started then chunk[#chunk + 1] = dest end
      combine('ZUNIONSTORE', dest, chunk)
      started = true
      chunk = {}
    end
  end
  if #chunk > 0 or not started then
    if started then chunk[#chunk + 1] = dest end
    if #chunk > 0 then combine('ZUNIONSTORE', dest, chunk) end
  end
end
local function valueOk(raw, m)
  if m.suffix == nil and m.contains == nil and m.gt == nil and m.gte == nil and m.lt == nil and m.lte == nil then return true end
  local v = cjson.decode(raw)
  if type(v) ~= 'string' then return false end
  if m.suffix ~= nil and (#m.suffix > #v or string.sub(v, #v - #m.suffix + 1) ~= m.suffix) then return false end
  if m.contains ~= nil and string.find(v, m.contains, 1, true) == nil then return false end
  if m.gt ~= nil and not (v > m.gt) then return false end
  if m.gte ~= nil and not (v >= m.gte) then return false end
  if m.lt ~= nil and not (v < m.lt) then return false end
  if m.lte ~= nil and not (v <= m.lte) then return false end
  return true
end
local evaluate
evaluate = function(node)
  local t = node.t
  if t == 'key' then return base .. node.key end
  if t == 'residual' then return base .. node.universe end
  if t == 'empty' then return tmp() end
  if t == 'ids' then
    local dest = tmp()
    local args = {}
    for _, ref in ipairs(node.refs) do
      args[#args + 1] = 0
      args[#args + 1] = ref
      if #args >= 400 then redis.call('ZADD', dest, unpack(args)); args = {} end
    end
    if #args > 0 then redis.call('ZADD', dest, unpack(args)) end
    return dest
  end
  if t == 'and' or t == 'or' or t == 'diff' then
    local keys = {}
    for _, child in ipairs(node.of) do keys[#keys + 1] = evaluate(child) end
    local dest = tmp()
    if t == 'or' then unionChunks(dest, keys)
    else combine(t == 'and' and 'ZINTERSTORE' or 'ZDIFFSTORE', dest, keys) end
    return dest
  end
  if t == 'range' then
    local dest = tmp()
    redis.call('ZRANGESTORE', dest, base .. node.key, node.min, node.max, 'BYSCORE')
    combine('ZUNIONSTORE', dest, {dest})
    return dest
  end
  if t == 'prefix' then
    local dest = tmp()
    redis.call('ZRANGESTORE', dest, base .. node.key, '[' .. node.prefix, '[' .. node.prefix .. '\\255', 'BYLEX')
    return dest
  end
  if t == 'values' then
    local values
    local m = node.match
    if m.encodedPrefix ~= nil then
      values = redis.call('ZRANGE', base .. node.valuesKey, '[' .. m.encodedPrefix, '[' .. m.encodedPrefix .. '\\255', 'BYLEX')
    else
      values = redis.call('ZRANGE', base .. node.valuesKey, 0, -1)
    end
    local keys = {}
    for _, v in ipairs(values) do
      if valueOk(v, m) then keys[#keys + 1] = base .. node.eqPrefix .. v end
    end
    local dest = tmp()
    unionChunks(dest, keys)
    return dest
  end
  return tmp()
end
`;

/**
 * ARGV: plan node JSON, options JSON {sortKey, desc, cursor: {score, ref} | null, limit, facets,
 * docsAfter}. Returns {total, hasMore, page length n, 1 if scores follow, facets JSON, the write
 * counter, n refs, n scores (if any), n documents (unless docsAfter)}. Every value crossing
 * between Lua and Redis costs ~0.3-1.4 µs here (a document is copied into a Lua string and out
 * again), so with docsAfter the caller reads the documents itself with MGET, together with the
 * write counter: unchanged, no write happened in between.
 */
export const QUERY_SCRIPT = `${EVALUATE}
local node = cjson.decode(ARGV[1])
local o = cjson.decode(ARGV[2])
local r = evaluate(node)
local total = redis.call('ZCARD', r)
local limit = tonumber(o.limit)
local rows
local withScores = false
if o.sortKey == cjson.null or o.sortKey == nil then
  local from, to = '-', '+'
  if o.cursor ~= cjson.null and o.cursor ~= nil then from = '(' .. o.cursor.ref end
  if o.desc then
    if o.cursor ~= cjson.null and o.cursor ~= nil then to = '(' .. o.cursor.ref else to = '+' end
    rows = redis.call('ZRANGE', r, to, '-', 'BYLEX', 'REV', 'LIMIT', 0, limit + 1)
  else
    rows = redis.call('ZRANGE', r, from, '+', 'BYLEX', 'LIMIT', 0, limit + 1)
  end
else
  local s = tmp()
  redis.call('ZINTERSTORE', s, 2, r, base .. o.sortKey, 'WEIGHTS', 0, 1)
  local start = 0
  if o.cursor ~= cjson.null and o.cursor ~= nil then
    -- Put the cursor itself into the (temporary) result: everything after it is strictly after.
    redis.call('ZADD', s, o.cursor.score, o.cursor.ref)
    local rank
    if o.desc then rank = redis.call('ZREVRANK', s, o.cursor.ref) else rank = redis.call('ZRANK', s, o.cursor.ref) end
    start = rank + 1
  end
  if o.desc then
    rows = redis.call('ZRANGE', s, start, start + limit, 'REV', 'WITHSCORES')
  else
    rows = redis.call('ZRANGE', s, start, start + limit, 'WITHSCORES')
  end
  withScores = true
end
local step = withScores and 2 or 1
local n = #rows / step
local hasMore = 0
if n > limit then hasMore = 1; n = limit end
local refs = {}
for k = 1, n do refs[k] = rows[(k - 1) * step + 1] end
local docs = {}
if n > 0 and not o.docsAfter then
  local docKeys = {}
  for k = 1, n do docKeys[k] = base .. 'x|' .. refs[k] end
  docs = redis.call('MGET', unpack(docKeys))
end
-- Facet counts cost a pass per value; they are cached per plan until the next write.
local facetsJson = '{}'
if #o.facets > 0 then
  local cacheKey = base .. 'fc|' .. redis.sha1hex(ARGV[1] .. '|' .. cjson.encode(o.facets))
  local version = redis.call('GET', base .. 'wv') or '0'
  local cached = redis.call('HMGET', cacheKey, 'v', 'c')
  if cached[1] == version then
    facetsJson = cached[2]
  else
    local facets = {}
    for _, f in ipairs(o.facets) do
      local counts = {}
      for _, src in ipairs(f.sources) do
        if src.key ~= nil then
          local c = redis.call('ZINTERCARD', 2, r, base .. src.key)
          if c > 0 then counts[src.value] = (counts[src.value] or 0) + c end
        else
          local values = redis.call('ZRANGE', base .. src.valuesKey, 0, ${1000 - 1})
          for _, v in ipairs(values) do
            local c = redis.call('ZINTERCARD', 2, r, base .. src.eqPrefix .. v)
            if c > 0 then counts[v] = (counts[v] or 0) + c end
          end
        end
      end
      facets[f.name] = counts
    end
    facetsJson = cjson.encode(facets)
    redis.call('HSET', cacheKey, 'v', version, 'c', facetsJson)
    redis.call('EXPIRE', cacheKey, 300)
  end
end
cleanup()
local out = {total, hasMore, n, withScores and 1 or 0, facetsJson, redis.call('GET', base .. 'wv') or '0'}
for k = 1, n do out[#out + 1] = refs[k] end
if withScores then
  for k = 1, n do out[#out + 1] = rows[2 * k] end
end
if not o.docsAfter then
  for k = 1, n do out[#out + 1] = docs[k] end
end
return out
`;

/** ARGV: plan node JSON, max. Returns {count, refs...} (refs only when count <= max). */
export const CANDIDATES_SCRIPT = `${EVALUATE}
local r = evaluate(cjson.decode(ARGV[1]))
local count = redis.call('ZCARD', r)
local out = {count}
if count <= tonumber(ARGV[2]) then
  for _, ref in ipairs(redis.call('ZRANGE', r, 0, -1)) do out[#out + 1] = ref end
end
cleanup()
return out
`;

/** ARGV: now (ms), limit. Removes and returns due timers as member, score pairs. */
export const CLAIM_TIMERS_SCRIPT = `
local key = KEYS[1] .. 'tm'
local due = redis.call('ZRANGE', key, '-inf', ARGV[1], 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[2]), 'WITHSCORES')
for k = 1, #due, 2 do redis.call('ZREM', key, due[k]) end
return due
`;
