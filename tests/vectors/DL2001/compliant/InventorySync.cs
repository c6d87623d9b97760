// Exceptions are logged with their object, rethrown, turned into a result, or are expected cancellation.
using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Contoso.Inventory;

public sealed class InventorySync(HttpClient http, ILogger<InventorySync> logger) : IDisposable
{
    private readonly FileStream _journal = File.OpenWrite(Path.GetTempFileName());

    public async Task<int?> CountAsync(string sku, CancellationToken ct)
    {
        try
        {
            var body = await http.GetStringAsync("/stock/" + sku, ct);
            return int.Parse(body);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Stock lookup for {Sku} failed", sku);
            return null;
        }
    }

    public static bool TryParseQuantity(string text, out int quantity)
    {
        try
        {
            quantity = int.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            quantity = 0;
            return false;
        }
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            await http.PostAsync("/refresh", null, ct);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is null)
        {
            throw new InvalidOperationException("Inventory service unreachable", ex);
        }
    }

    public void Dispose()
    {
        try
        {
            _journal.Dispose();
        }
        catch (IOException)
        {
            // Disposal is best effort: the journal is a temp file.
        }
    }
}
