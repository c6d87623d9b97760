using Xunit;
using VerifyCS = DevOpsLens.Analyzers.Tests.Infrastructure.CSharpVerifier<DevOpsLens.Analyzers.ExceptionNotLoggedAnalyzer>;

namespace DevOpsLens.Analyzers.Tests;

public sealed class DL2002ExceptionNotLoggedTests
{
    [Fact]
    public Task Reports_error_log_without_the_exception() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        class Orders(ILogger<Orders> logger)
        {
            void Submit(Action send)
            {
                try { send(); }
                catch (Exception ex)
                {
                    [|logger.LogError("Order submission failed")|];
                }
            }
        }
        """);

    [Fact]
    public Task Reports_information_log_of_only_the_message() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        class Orders(ILogger<Orders> logger)
        {
            void Submit(Action send)
            {
                try { send(); }
                catch (InvalidOperationException ex)
                {
                    [|logger.LogInformation("Submission failed: {Reason}", ex.Message)|];
                }
            }
        }
        """);

    [Fact]
    public Task Reports_serilog_and_log_with_exception_as_a_message_value() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        class Orders(ILogger<Orders> logger)
        {
            void Submit(Action send)
            {
                try { send(); }
                catch (Exception ex)
                {
                    [|Serilog.Log.Error("Failed: {Error}", ex.ToString())|];
                }

                try { send(); }
                catch (Exception ex)
                {
                    [|logger.Log(LogLevel.Error, "Failed: {Error}", ex)|];
                }
            }
        }
        """);

    [Fact]
    public Task Reports_logger_message_method_without_exception_parameter() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Payment {Id} failed")]
            public static partial void PaymentFailed(ILogger logger, string id);
        }

        static partial class Log
        {
            public static partial void PaymentFailed(ILogger logger, string id) { }
        }

        class Payments(ILogger<Payments> logger)
        {
            void Pay(string id, Action charge)
            {
                try { charge(); }
                catch (Exception)
                {
                    [|Log.PaymentFailed(logger, id)|];
                }
            }
        }
        """);

    [Fact]
    public Task Does_not_report_logs_that_pass_the_exception_or_rethrow() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        class Orders(ILogger<Orders> logger)
        {
            async Task SubmitAsync(Func<Task> send)
            {
                try { await send(); }
                catch (Exception ex) { logger.LogError(ex, "Order submission failed"); }

                try { await send(); }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Retrying");
                    logger.LogWarning("Attempt {Attempt} of {Max}", 2, 3);
                }

                try { await send(); }
                catch (TimeoutException)
                {
                    logger.LogWarning("Timed out, rethrowing");
                    throw;
                }

                try { await send(); }
                catch (OperationCanceledException) { logger.LogWarning("Cancelled"); }

                try { await send(); }
                catch (Exception ex) { Serilog.Log.Error(ex, "Failed"); }

                try { await send(); }
                catch (Exception) { logger.LogInformation("Falling back to the cache"); }
            }
        }
        """);

    [Fact]
    public Task Reports_when_the_caught_type_comes_from_a_package_that_is_not_restored() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        using Npgsql;
        class Orders(ILogger<Orders> logger)
        {
            string? Load(Guid id, Func<string> query)
            {
                try { return query(); }
                catch (NpgsqlException ex)
                {
                    [|logger.LogError("Could not load order {OrderId}: {Reason}", id, ex.Message)|];
                    return null;
                }
            }
        }
        """);

    [Fact]
    public Task Does_not_report_unrestored_catch_type_when_the_exception_is_logged() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        using Npgsql;
        class Orders(ILogger<Orders> logger)
        {
            string? Load(Guid id, Func<string> query)
            {
                try { return query(); }
                catch (NpgsqlException ex)
                {
                    logger.LogError(ex, "Could not load order {OrderId}", id);
                    return null;
                }
            }
        }
        """);

    [Fact]
    public Task Does_not_report_a_warning_beside_an_unbound_call_that_logs_the_exception() => VerifyCS.VerifyWithoutPackagesAsync("""
        using System;
        using Microsoft.Extensions.Logging;
        using Npgsql;
        class Orders(ILogger<Orders> logger)
        {
            string? Load(Guid id, Func<string> query)
            {
                try { return query(); }
                catch (NpgsqlException ex)
                {
                    logger.LogError(ex, "Could not load order {OrderId}: {Reason}", id, ex.Message);
                    logger.LogWarning("Serving order {OrderId} from the cache", id);
                    return null;
                }
            }
        }
        """);
}
