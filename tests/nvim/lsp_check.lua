-- Drives `copydesk lsp` from Neovim's built-in client (Neovim 0.7 and later).
-- Environment: COPYDESK_BIN, COPYDESK_FILE, COPYDESK_RULE (whose quick fix to apply),
-- COPYDESK_OUT (where the JSON result is written).
local bin = os.getenv('COPYDESK_BIN')
local file = os.getenv('COPYDESK_FILE')
local rule = os.getenv('COPYDESK_RULE')
local out = os.getenv('COPYDESK_OUT')

local function finish(result)
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local config = {
  name = 'copydesk',
  cmd = { bin, 'lsp' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
}
if vim.lsp.start then
  -- Neovim 0.8 and later: starts the client and attaches the current buffer
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end

local ok = vim.wait(30000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
if not ok then
  finish({ error = 'no diagnostics arrived' })
  return
end

local result = { diagnostics = {} }
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = (d.user_data or {}).lsp or {}
  local code = d.code or lsp.code
  table.insert(result.diagnostics, { code = code, lnum = d.lnum, col = d.col, end_col = d.end_col })
  if code == rule and target == nil then
    target = d
  end
end

if target ~= nil then
  -- ask for code actions at the start of the diagnostic, as a user with the cursor there would
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local params = vim.lsp.util.make_range_params(0, 'utf-16')
  params.context = { diagnostics = {}, only = { 'quickfix' } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
  for _, r in pairs(responses) do
    for _, action in ipairs(r.result or {}) do
      if action.edit and result.applied == nil then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        result.applied = action.title
      end
    end
  end
end
result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
finish(result)
