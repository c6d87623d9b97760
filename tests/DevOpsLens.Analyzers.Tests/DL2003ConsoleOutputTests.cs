using DevOpsLens.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.ConsoleOutputAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL2003ConsoleOutputTests
{
    [Fact]
    public Task Reports_console_and_debug_output_in_a_service() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrdersController : ControllerBase
        {
            [HttpGet]
            public IActionResult Get(int id)
            {
                [|Console.WriteLine($"Getting order {id}")|];
                [|Debug.WriteLine("debug")|];
                [|Console.Error.WriteLine("oops")|];
                [|Trace.TraceError("bad")|];
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Does_not_report_console_tools() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        static class Program
        {
            static int Main(string[] args)
            {
                Console.WriteLine("usage: tool <file>");
                return 2;
            }
        }
        """, Framework.NetCore, OutputKind.ConsoleApplication);

    [Fact]
    public Task Does_not_report_logger_providers_or_startup_failures() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        sealed class PlainConsoleLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => Console.WriteLine(formatter(state, exception));
        }

        static class Program
        {
            static int Main(string[] args)
            {
                try
                {
                    Start(args);
                    return 0;
                }
                catch (Exception ex)
                {
                    Console.Error.WriteLine("Host terminated: " + ex.Message);
                    return 1;
                }
            }

            static void Start(string[] args) { }
        }
        """, Framework.AspNetCore, OutputKind.ConsoleApplication);
}
