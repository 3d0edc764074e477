-- Sender Guard's language server in Neovim (0.7 or later), without plugins.
--
-- Put this file on the runtime path (e.g. ~/.config/nvim/lua/senderguard.lua) and call
--
--   require('senderguard').setup()
--
-- from init.lua. Options (all optional):
--   cmd       the server command; default { 'senderguard-lsp', '--stdio' } (after `npm install -g`)
--   settings  the `senderGuard` settings, as in VS Code, e.g. { zone = { server = 'knot' } }
--
-- Zone files (`*.zone`, `db.*` and the other names Neovim calls `bindzone`), Yamaha configs
-- (`*.rtx`) and router logs (`*.rtxlog`) then get diagnostics, hover, quick fixes
-- (vim.lsp.buf.code_action), completion, outline, go to definition, references and formatting.
local M = {}

local FILETYPES = { 'bindzone', 'rtx', 'rtxlog' }

function M.setup(opts)
  opts = opts or {}
  local config = {
    name = 'senderguard',
    cmd = opts.cmd or { 'senderguard-lsp', '--stdio' },
    settings = { senderGuard = opts.settings or {} },
  }
  local group = vim.api.nvim_create_augroup('senderguard', { clear = true })
  -- File types by name (`setfiletype` leaves a type Neovim already chose, e.g. bindzone for db.*).
  for pattern, filetype in pairs({ ['*.zone'] = 'bindzone', ['*.rtx'] = 'rtx', ['*.rtxlog'] = 'rtxlog' }) do
    vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, { group = group, pattern = pattern, command = 'setfiletype ' .. filetype })
  end
  local client_id
  vim.api.nvim_create_autocmd('FileType', {
    pattern = FILETYPES,
    group = group,
    callback = function(args)
      -- One server for every file: it also reads the other zone files of the folder it starts in.
      if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
        config.root_dir = vim.loop.cwd()
        client_id = vim.lsp.start_client(config)
      end
      if client_id ~= nil then vim.lsp.buf_attach_client(args.buf, client_id) end
    end,
  })
end

return M
