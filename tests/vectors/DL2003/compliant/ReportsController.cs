// The service logs through ILogger; a console logger provider is the one place that may write to the console.
using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Contoso.Reports;

[ApiController]
[Route("reports")]
public sealed class ReportsController(ILogger<ReportsController> logger) : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id)
    {
        logger.LogInformation("Fetching report {ReportId}", id);
        var started = Stopwatch.StartNew();
        var report = new { Id = id, Title = "Quarterly" };
        logger.LogDebug("Report built in {ElapsedMs} ms", started.ElapsedMilliseconds);
        return Ok(report);
    }
}

public sealed class PlainTextLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Console.WriteLine($"{logLevel}: {formatter(state, exception)}");
}
