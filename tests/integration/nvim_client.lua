-- Run by nvim_lsp_test.py inside `nvim --headless`: attaches Neovim's built-in LSP client to
-- `factlint lsp`, records what it receives, and writes it as JSON to $FACTLINT_NVIM_OUT.
local binary = os.getenv("FACTLINT_BIN")
local out_path = os.getenv("FACTLINT_NVIM_OUT")
local result = { steps = {} }

local function finish(error_message)
  result.error = error_message
  local file = io.open(out_path, "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qall!")
end

local function snapshot()
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(items, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      code = d.code or lsp.code, source = d.source, severity = d.severity,
    })
  end
  table.sort(items, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return items
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = "factlint",
    cmd = { binary, "lsp" },
    root_dir = vim.fn.expand("%:p:h"),
  })
  assert(client_id, "the client did not start")
  vim.lsp.buf_attach_client(0, client_id)

  -- 1. Diagnostics for the draft as opened.
  local got = vim.wait(15000, function() return #vim.diagnostic.get(0) >= 2 end, 20)
  assert(got, "no diagnostics within 15 s")
  vim.wait(400) -- nothing more should arrive
  table.insert(result.steps, snapshot())

  -- 2. Edit the buffer (not the file): insert "Mr " at the start of line 7 (0-based 6).
  vim.api.nvim_buf_set_text(0, 6, 0, 6, 0, { "Mr " })
  got = vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.lnum == 6 and d.col ~= 36 then return true end
    end
    return false
  end, 20)
  assert(got, "no diagnostics after the edit within 15 s")
  table.insert(result.steps, snapshot())

  -- 3. Hover over the misspelt rule id, and the code actions there.
  local hover = vim.lsp.buf_request_sync(0, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    position = { line = 6, character = 40 },
  }, 10000)
  local response = hover and hover[client_id] or {}
  result.hover = response.result and response.result.contents.value or vim.NIL
  local actions = vim.lsp.buf_request_sync(0, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = { start = { line = 6, character = 40 }, ["end"] = { line = 6, character = 40 } },
    context = { diagnostics = {}, only = { "quickfix" } },
  }, 10000)
  response = actions and actions[client_id] or {}
  result.actions = {}
  for _, action in ipairs(response.result or {}) do
    table.insert(result.actions, action.title)
  end

  -- 4. A draft with real findings from the bundled pack, then its name-variant quick fix
  --    applied by Neovim itself.
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("FACTLINT_NVIM_STALE")))
  vim.lsp.buf_attach_client(0, client_id)
  got = vim.wait(15000, function() return #vim.diagnostic.get(0) >= 2 end, 20)
  assert(got, "no diagnostics for the stale draft within 15 s")
  vim.wait(400)
  table.insert(result.steps, snapshot())
  actions = vim.lsp.buf_request_sync(0, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = { start = { line = 7, character = 2 }, ["end"] = { line = 7, character = 2 } },
    context = { diagnostics = {}, only = { "quickfix" } },
  }, 10000)
  response = actions and actions[client_id] or {}
  local fix = (response.result or {})[1]
  assert(fix and fix.edit, "no quick fix on the name")
  vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
  result.fixed_line = vim.api.nvim_buf_get_lines(0, 7, 8, false)[1]
  got = vim.wait(15000, function() return #vim.diagnostic.get(0) == 1 end, 20)
  assert(got, "the fixed name is still flagged after 15 s")
  table.insert(result.steps, snapshot())

  vim.lsp.stop_client(client_id)
end)
if ok then finish(nil) else finish(tostring(err)) end
