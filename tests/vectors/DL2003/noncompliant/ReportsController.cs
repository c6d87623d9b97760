// Console and Debug output in an ASP.NET Core service bypasses log levels, categories and trace correlation.
using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Contoso.Reports;

[ApiController]
[Route("reports")]
public sealed class ReportsController : ControllerBase
{
    [HttpGet("{id}")]
    public IActionResult Get(int id)
    {
        [|Console.WriteLine($"Fetching report {id}")|];
        var started = Stopwatch.StartNew();
        var report = new { Id = id, Title = "Quarterly" };
        [|Debug.WriteLine("Report built in " + started.ElapsedMilliseconds + " ms")|];
        return Ok(report);
    }
}
