// Catch-all blocks that return a default or set a flag hide the failure from logs, traces and metrics.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Contoso.Inventory;

public sealed class InventorySync(HttpClient http)
{
    private bool _lastSyncFailed;

    public async Task<int> CountAsync(string sku)
    {
        try
        {
            var body = await http.GetStringAsync("/stock/" + sku);
            return int.Parse(body);
        }
        [|catch (Exception)|]
        {
            return 0;
        }
    }

    public async Task SyncAsync(IEnumerable<string> skus)
    {
        foreach (var sku in skus)
        {
            try
            {
                await http.PostAsync("/sync/" + sku, null);
            }
            [|catch|]
            {
                // ignore and carry on with the next SKU
            }
        }
    }

    public async Task RefreshAsync()
    {
        try
        {
            await http.PostAsync("/refresh", null);
            _lastSyncFailed = false;
        }
        [|catch (Exception ex)|]
        {
            _lastSyncFailed = true;
        }
    }

    public bool LastSyncFailed => _lastSyncFailed;
}
