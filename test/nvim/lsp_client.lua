-- A real third-party LSP client check: Neovim's built-in client (0.7 API, as in Debian 12) drives the
-- rubric language server headless. Driven by test/nvim/run.mjs, which passes everything through the
-- environment and judges the JSON this script writes; this script only talks to the server.
--   LSP_FILE     the .rubric file to open        LSP_CMD     the server command line
--   LSP_RESULT   where to write the JSON result  LSP_TIMEOUT_MS  bound of every wait (default 10000)
--   HOVER_LINE, HOVER_CHAR  0-based position to hover (UTF-16 character)
--   EDIT_LINE, EDIT_TEXT    1-based line to replace and its new text (one diagnostic fixed)
-- Exit codes: 0 done (the driver judges), 2 client not started, 3 no diagnostics, 4 no update after the edit.
local file = assert(os.getenv('LSP_FILE'))
local cmd = vim.split(assert(os.getenv('LSP_CMD')), ' ', { trimempty = true })
local result_path = assert(os.getenv('LSP_RESULT'))
local timeout = tonumber(os.getenv('LSP_TIMEOUT_MS') or '10000')
local result = { diagnostics = {} }

local function write_result()
  local f = assert(io.open(result_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function fail(code, why)
  result.error = why
  write_result()
  io.stderr:write('FAIL: ' .. why .. '\n')
  vim.cmd('cquit ' .. code)
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)
local got = nil
local id = vim.lsp.start_client({
  name = 'rubric',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
      vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, cfg)
      if res and res.uri == uri then got = res end
    end,
  },
})
if not id then fail(2, 'could not start the language client') end
vim.lsp.buf_attach_client(bufnr, id)

if not vim.wait(timeout, function() return got ~= nil end, 20) then fail(3, 'no diagnostics in time') end
local client = vim.lsp.get_client_by_id(id)
for _, d in ipairs(got.diagnostics) do
  table.insert(result.diagnostics, {
    line = d.range.start.line, character = d.range.start.character, code = d.code, message = d.message,
  })
end
-- Neovim's own diagnostic store must hold them too (the handler chain worked).
result.nvim_diagnostic_count = #vim.diagnostic.get(bufnr)

local hover_line, hover_char = tonumber(os.getenv('HOVER_LINE')), tonumber(os.getenv('HOVER_CHAR'))
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = uri }, position = { line = hover_line, character = hover_char },
}, timeout)
for _, r in pairs(responses or {}) do
  if r.result and r.result.contents then
    local lines = vim.lsp.util.convert_input_to_markdown_lines(r.result.contents)
    result.hover = table.concat(lines, '\n')
  end
end

local before = #got.diagnostics
local edit_line = tonumber(os.getenv('EDIT_LINE'))
got = nil
vim.api.nvim_buf_set_lines(bufnr, edit_line - 1, edit_line, false, { os.getenv('EDIT_TEXT') }) -- didChange
if not vim.wait(timeout, function() return got ~= nil and #got.diagnostics < before end, 20) then
  result.after_edit = got and #got.diagnostics or nil
  fail(4, 'diagnostics did not update after the edit')
end
result.after_edit = #got.diagnostics

client.stop()
vim.wait(2000, function() return client.is_stopped() end, 20)
write_result()
vim.cmd('qall!')
