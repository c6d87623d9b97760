-- Neovim 0.7 headless probe: starts `devopslens lsp`, opens each file named in PROBE_FILES (relative to
-- PROBE_ROOT), waits for diagnostics, and writes {file: [codes…]} as JSON to PROBE_OUT.
local root = os.getenv("PROBE_ROOT")
local out = os.getenv("PROBE_OUT")
local files = vim.split(os.getenv("PROBE_FILES"), ",", true)
local cmd = { os.getenv("DOTNET") or "dotnet", os.getenv("DEVOPSLENS_DLL"), "lsp", "--stdio" }

local client_id = vim.lsp.start_client({
  name = "devopslens",
  cmd = cmd,
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "probe" } },
})

local results = {}
for _, rel in ipairs(files) do
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/" .. rel))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(codes, code or vim.NIL)
  end
  results[rel] = codes
end

local f = io.open(out, "w")
f:write(vim.fn.json_encode(results))
f:close()
vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd("qa!")
