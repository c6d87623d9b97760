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

    [Fact]
    public Task Does_not_report_tests_when_the_test_framework_is_not_restored() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System;
        using NUnit.Framework;
        using Microsoft.AspNetCore.Mvc;

        [TestFixture]
        public class CheckoutTests
        {
            [SetUp]
            public void Setup() => Console.WriteLine("first step");

            [Test]
            public void Pays() => Console.WriteLine("paying");
        }

        public sealed class CheckoutController : ControllerBase
        {
            [HttpPost]
            public IActionResult Pay()
            {
                [|Console.WriteLine("paying")|];
                return Ok();
            }
        }
        """);

    [Theory]
    [InlineData("Orders.IntegrationTests", false)]
    [InlineData("Orders.Api.Test", false)]
    [InlineData("Orders.Api", true)]
    [InlineData("Contest.Api", true)]
    public async Task Does_not_report_a_project_named_as_a_test_project(string assemblyName, bool reported)
    {
        var write = reported ? "[|Console.WriteLine(\"api started\")|]" : "Console.WriteLine(\"api started\")";
        var source = "using System;\nusing Microsoft.AspNetCore.Mvc;\n\npublic sealed class OrdersApiFixture\n{\n    public void Started() => " + write + ";\n}\n";
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<ConsoleOutputAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier> { TestCode = source };
        CSharpVerifier<ConsoleOutputAnalyzer>.Configure(test.TestState, Framework.AspNetCore, OutputKind.DynamicallyLinkedLibrary);
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, assemblyName));
        await test.RunAsync();
    }
}
