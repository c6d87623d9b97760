using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Analysis;

/// <summary>
/// Server-initiated work-done progress ($/progress begin/report/end) for the workspace scan. Without client support
/// it only logs. Reports are throttled to whole-percent changes so a large repository does not flood the editor.
/// </summary>
internal sealed class WorkDoneReporter : IProgress<(int Done, int Total)>, IAsyncDisposable
{
    private readonly ServerServices _services;
    private readonly string? _token;
    private int _lastPercent = -1;
    private string? _finalMessage;

    private WorkDoneReporter(ServerServices services, string? token)
    {
        _services = services;
        _token = token;
    }

    public static async Task<WorkDoneReporter> StartAsync(ServerServices services, bool supported, string title, CancellationToken cancellationToken)
    {
        if (!supported)
        {
            return new WorkDoneReporter(services, null);
        }

        var token = "devopslens/scan/" + Guid.NewGuid().ToString("N");
        try
        {
            await services.Client.RequestAsync<WorkDoneProgressCreateParams, object?>(Methods.WorkDoneProgressCreate, new WorkDoneProgressCreateParams { Token = token }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Log.Warn("the client refused a progress token: " + ex.Message);
            return new WorkDoneReporter(services, null);
        }

        await Send(services, token, new WorkDoneProgress { Kind = "begin", Title = title, Percentage = 0, Cancellable = false }).ConfigureAwait(false);
        return new WorkDoneReporter(services, token);
    }

    public void Report((int Done, int Total) value)
    {
        if (_token is null || value.Total <= 0)
        {
            return;
        }

        var percent = (int)(100L * Math.Clamp(value.Done, 0, value.Total) / value.Total);
        if (Interlocked.Exchange(ref _lastPercent, percent) == percent)
        {
            return;
        }

        _ = Send(_services, _token, new WorkDoneProgress { Kind = "report", Percentage = percent, Message = value.Done + "/" + value.Total + " files" });
    }

    public void Finish(string message) => _finalMessage = message;

    public async ValueTask DisposeAsync()
    {
        if (_token is not null)
        {
            await Send(_services, _token, new WorkDoneProgress { Kind = "end", Message = _finalMessage }).ConfigureAwait(false);
        }
    }

    private static Task Send(ServerServices services, string token, WorkDoneProgress value) =>
        services.Client.NotifyAsync(Methods.Progress, new ProgressParams<WorkDoneProgress> { Token = token, Value = value });
}
