-- The language server in a real Neovim, set up the way editors/neovim/senderguard.lua tells users
-- to: diagnostics, hover, quick fixes applied through the editor, definition, outline, folding,
-- completion, the serial bump, formatting, and the router and log files. Run by test/neovim/run.sh (headless), which sets SG_ROOT (the project)
-- and SG_WORK (a copy of examples/broken to edit). Prints one line per check; exits 1 on a failure.
local root = assert(os.getenv('SG_ROOT'), 'SG_ROOT is not set')
local work = assert(os.getenv('SG_WORK'), 'SG_WORK is not set')
package.path = root .. '/editors/neovim/?.lua;' .. package.path
vim.cmd('cd ' .. vim.fn.fnameescape(work))
require('senderguard').setup({ cmd = { 'node', root .. '/dist/server.js', '--stdio' } })

local failures = 0
local function check(name, ok, detail)
  if ok then
    io.stdout:write('ok   ' .. name .. '\n')
  else
    failures = failures + 1
    io.stdout:write('FAIL ' .. name .. (detail and (': ' .. detail) or '') .. '\n')
  end
end

-- Waiting means polling for a condition (the server answers asynchronously), never a fixed pause.
local TIMEOUT = 30000
local function wait_for(cond)
  return vim.wait(TIMEOUT, cond, 20)
end

local function lsp_of(d)
  return (d.user_data and d.user_data.lsp) or {}
end

local function code_of(d)
  return d.code or lsp_of(d).code
end

local function diagnostic(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == code then return d end
  end
  return nil
end

local function codes(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(out, tostring(code_of(d))) end
  table.sort(out)
  return table.concat(out, ', ')
end

local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/' .. name))
  local buf = vim.api.nvim_get_current_buf()
  wait_for(function() return #vim.lsp.buf_get_clients(buf) > 0 end)
  return buf
end

local function request(buf, method, params)
  local replies = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT) or {}
  for _, r in pairs(replies) do
    if r.result ~= nil then return r.result end
  end
  return nil
end

-- The position of the first occurrence of `text` in the buffer (0-based line and character).
local function find(buf, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then return { line = i - 1, character = col - 1 } end
  end
  return nil
end

local function text_of(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

-- Zone file: the mistyped SPF version tag.
local zone = open('example.jp.zone')
check('zone: the server attached', #vim.lsp.buf_get_clients(zone) == 1)
check('zone: spf-version-typo is reported', wait_for(function() return diagnostic(zone, 'spf-version-typo') ~= nil end), codes(zone))
check('zone: spf-invalid-ip is reported', diagnostic(zone, 'spf-invalid-ip') ~= nil, codes(zone))
local typo = diagnostic(zone, 'spf-version-typo')
local uri = vim.uri_from_bufnr(zone)

local at = find(zone, '"v-spf1 +ip4')
if at then at.character = at.character + 1 end
local hover = at and request(zone, 'textDocument/hover', { textDocument = { uri = uri }, position = at })
local hover_text = hover and (type(hover.contents) == 'table' and (hover.contents.value or vim.inspect(hover.contents)) or tostring(hover.contents)) or ''
check('zone: hover on the version tag explains it', hover_text:find('v=spf1', 1, true) ~= nil, hover_text:sub(1, 200))

-- The code actions the server offers for diagnostic `d`, asked the way an editor does.
local function actions_for(buf, d)
  local l = lsp_of(d)
  local lsp_diagnostic = {
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = code_of(d),
    data = l.data,
  }
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = lsp_diagnostic.range, context = { diagnostics = { lsp_diagnostic } } }
  return request(buf, 'textDocument/codeAction', params) or {}
end

-- The quick fix for `d` whose title contains `words`, and every title offered (for a failure).
local function quick_fix(buf, d, words)
  local actions = actions_for(buf, d)
  local offered = vim.inspect(vim.tbl_map(function(a) return a.title end, actions))
  for _, a in ipairs(actions) do
    if a.edit and a.title:find(words, 1, true) then return a, offered end
  end
  return nil, offered
end

if typo then
  local fix, offered = quick_fix(zone, typo, 'v=spf1')
  check('zone: a quick fix offers v=spf1', fix ~= nil, offered)
  if fix then
    local before = vim.api.nvim_buf_get_lines(zone, 0, -1, false)
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    local after = vim.api.nvim_buf_get_lines(zone, 0, -1, false)
    local changed = {}
    for i = 1, math.max(#before, #after) do
      if before[i] ~= after[i] then table.insert(changed, i) end
    end
    local line = after[at.line + 1] or ''
    check('zone: the fix changes only the SPF line', #changed == 1 and changed[1] == at.line + 1, vim.inspect(changed))
    check('zone: the fixed line reads "v=spf1 …"', line:find('"v=spf1 +ip4:AAA.BBB.CCC.DDD +mx -all"', 1, true) ~= nil, line)
    check('zone: the typo diagnostic goes away after the edit', wait_for(function() return diagnostic(zone, 'spf-version-typo') == nil end), codes(zone))
  end
end

-- Definition: the MX target (mail.example.jp.) leads to the owner of its A record (mail).
local target = find(zone, 'mail.example.jp.')
local owner = find(zone, 'mail    IN  A')
local def = target and request(zone, 'textDocument/definition', { textDocument = { uri = uri }, position = target })
local loc = def and (def[1] or def)
local range = loc and (loc.range or loc.targetSelectionRange)
check('zone: definition of the MX target lands on its owner', owner ~= nil and range ~= nil and range.start.line == owner.line, vim.inspect(def))

-- Outline and folding: the owners, and the SOA record's parentheses.
local symbols = request(zone, 'textDocument/documentSymbol', { textDocument = { uri = uri } }) or {}
local names = {}
local function collect(list)
  for _, sym in ipairs(list) do
    names[sym.name] = true
    collect(sym.children or {})
  end
end
collect(symbols)
check('zone: the outline lists the owners', names['mail.example.jp.'] == true or names['mail'] == true, vim.inspect(vim.tbl_keys(names)))
local soa = find(zone, 'IN  SOA')
local close = find(zone, '1h )')
local folds = request(zone, 'textDocument/foldingRange', { textDocument = { uri = uri } }) or {}
local folded = false
for _, f in ipairs(folds) do
  if soa and close and f.startLine == soa.line and f.endLine == close.line then folded = true end
end
check('zone: the SOA record folds from its first line to its closing parenthesis', folded, vim.inspect(folds))

-- Completion of record types where a type is expected.
local last = vim.api.nvim_buf_line_count(zone)
vim.api.nvim_buf_set_lines(zone, last, last, false, { 'www IN ' })
local items = request(zone, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = last, character = 7 } })
items = items and (items.items or items) or {}
local labels = {}
for _, item in ipairs(items) do labels[item.label] = true end
check('zone: completion offers record types', labels['AAAA'] == true and labels['MX'] == true, vim.inspect(vim.tbl_keys(labels)))
vim.api.nvim_buf_set_lines(zone, last, last + 1, false, {})

-- SOA serial bump, offered on the SOA record (a date serial becomes today's date, or +1).
local serial = find(zone, '2026112801')
local bump
if serial then
  local range = { start = serial, ['end'] = serial }
  for _, a in ipairs(request(zone, 'textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = {} } }) or {}) do
    if a.title == 'Bump SOA serial' and a.edit then bump = a end
  end
end
check('zone: "Bump SOA serial" is offered on the SOA record', bump ~= nil)
if bump then
  local before = vim.api.nvim_buf_get_lines(zone, serial.line, serial.line + 1, false)[1]
  vim.lsp.util.apply_workspace_edit(bump.edit, 'utf-16')
  local after = vim.api.nvim_buf_get_lines(zone, serial.line, serial.line + 1, false)[1]
  local new = tonumber(after:match('^%s*(%d+)'))
  local rest_before = before:gsub('^(%s*)%d+', '%1', 1)
  local rest_after = after:gsub('^(%s*)%d+', '%1', 1)
  check('zone: the serial grows and the rest of its line stays', new ~= nil and new > 2026112801 and rest_before == rest_after, before .. ' → ' .. after)
end

-- Formatting: columns aligned, the records the same words.
local words_before = vim.split(vim.trim((text_of(zone):gsub('%s+', ' '))), ' ')
local edits = request(zone, 'textDocument/formatting', { textDocument = { uri = uri }, options = { tabSize = 4, insertSpaces = true } })
check('zone: formatting returns edits', type(edits) == 'table' and #edits > 0, vim.inspect(edits))
if type(edits) == 'table' then
  vim.lsp.util.apply_text_edits(edits, zone, 'utf-16')
  local words_after = vim.split(vim.trim((text_of(zone):gsub('%s+', ' '))), ' ')
  check('zone: formatting changes only blanks', vim.deep_equal(words_before, words_after))
end

-- Router config: port 25 open to the internet; router log: the infected PC.
local rtx = open('router.rtx')
check('rtx: rtx-smtp-egress-open is reported', wait_for(function() return diagnostic(rtx, 'rtx-smtp-egress-open') ~= nil end), codes(rtx))
local open_smtp = diagnostic(rtx, 'rtx-smtp-egress-open')
if open_smtp then
  -- The zone file of the same folder names the mail server (its MX host's address).
  local fix, offered = quick_fix(rtx, open_smtp, '203.0.113.25')
  check('rtx: a quick fix allows SMTP only to the zone\'s mail server', fix ~= nil, offered)
  if fix then
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    local text = text_of(rtx)
    check('rtx: the fix inserts a pass line for the mail server and a reject line for port 25', text:find('ip filter %d+ pass [^\n]* 203%.0%.113%.25 %S+ %S+ smtp') ~= nil and text:find('ip filter %d+ reject%S* [^\n]* smtp') ~= nil, text)
    check('rtx: outbound SMTP is closed after the fix', wait_for(function() return diagnostic(rtx, 'rtx-smtp-egress-open') == nil end), codes(rtx))
  end
end
local log = open('router-syslog.rtxlog')
check('rtxlog: log-infected-host is reported', wait_for(function() return diagnostic(log, 'log-infected-host') ~= nil end), codes(log))

io.stdout:write(string.format('%d failure(s)\n', failures))
if failures == 0 then
  vim.cmd('qall!')
else
  vim.cmd('cquit')
end
