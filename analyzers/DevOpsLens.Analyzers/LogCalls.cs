using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>Level of a log call as far as it can be known at compile time.</summary>
internal enum LogLevelKind
{
    Unknown,
    Low,
    Warning,
    Error,
}

/// <summary>
/// Recognises log calls of Microsoft.Extensions.Logging (extension methods, ILogger.Log, [LoggerMessage]
/// methods), Serilog, NLog and log4net by symbol, and tells which arguments carry an exception and which
/// are message values.
/// </summary>
internal sealed class LogCall
{
    private LogCall(IInvocationOperation invocation, LogLevelKind level)
    {
        Invocation = invocation;
        Level = level;
    }

    public IInvocationOperation Invocation { get; }

    public LogLevelKind Level { get; }

    public string MethodName => Invocation.TargetMethod.Name;

    /// <summary>The argument bound to an Exception-typed parameter, when it is not <c>null</c>.</summary>
    public IArgumentOperation? ExceptionArgument
    {
        get
        {
            foreach (var argument in Invocation.Arguments)
            {
                if (argument.Parameter != null && Symbols.IsException(argument.Parameter.Type) &&
                    !(Symbols.Unwrap(argument.Value) is ILiteralOperation { ConstantValue.Value: null }) &&
                    !argument.IsImplicit)
                {
                    return argument;
                }
            }

            return null;
        }
    }

    /// <summary>The message template, when the call has one.</summary>
    public IArgumentOperation? MessageArgument
    {
        get
        {
            foreach (var argument in Invocation.Arguments)
            {
                if (argument.Parameter is { Name: "message" or "messageTemplate" or "format" } && argument.Parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return argument;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Values written into the message: the template itself, <c>params</c> elements and the other parameters of a
    /// [LoggerMessage] method, each with the template placeholder it fills when that is known.
    /// </summary>
    public IEnumerable<(IOperation Value, string? Placeholder)> Values()
    {
        var placeholders = Placeholders();
        var position = 0;
        foreach (var argument in Invocation.Arguments)
        {
            if (argument.Parameter == null || argument.IsImplicit && argument.ArgumentKind != ArgumentKind.ParamArray)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (Symbols.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        yield return (element, position < placeholders.Count ? placeholders[position] : null);
                        position++;
                    }
                }

                continue;
            }

            var type = argument.Parameter.Type;
            if (Symbols.IsException(type) || Symbols.Is(type, "Microsoft.Extensions.Logging", "ILogger") ||
                Symbols.Is(type, "Microsoft.Extensions.Logging", "LogLevel") || Symbols.Is(type, "Microsoft.Extensions.Logging", "EventId") ||
                argument.Parameter.Ordinal == 0 && Invocation.TargetMethod.IsExtensionMethod)
            {
                continue;
            }

            if (argument.Parameter.Name is "message" or "messageTemplate" or "format")
            {
                yield return (argument.Value, null);
                continue;
            }

            if (IsLoggerMessageMethod(Invocation.TargetMethod))
            {
                yield return (argument.Value, argument.Parameter.Name);
                continue;
            }

            // Serilog and NLog generic overloads: Error<T0>(string template, T0 propertyValue0, …).
            yield return (argument.Value, position < placeholders.Count ? placeholders[position] : null);
            position++;
        }
    }

    public static bool TryCreate(IInvocationOperation invocation, out LogCall call)
    {
        call = null!;
        var method = invocation.TargetMethod;
        if (!TryGetLevel(method, out var level))
        {
            return false;
        }

        if (method.Name == "Log" && (Symbols.Is(method.ContainingType, "Microsoft.Extensions.Logging", "LoggerExtensions") ||
                                     Symbols.Is(method.ContainingType, "Microsoft.Extensions.Logging", "ILogger")))
        {
            level = LevelFromArgument(invocation);
        }

        call = new LogCall(invocation, level);
        return true;
    }

    /// <summary>
    /// A log call the compiler could not bind because an argument's type comes from a package that is not referenced
    /// (<c>ex.Message</c> of a <c>catch (NpgsqlException ex)</c> in an unrestored clone): every overload candidate
    /// is a log method. The level comes from the method name; <c>ILogger.Log</c>'s is unknown.
    /// </summary>
    public static bool TryGetUnboundLevel(SemanticModel model, InvocationExpressionSyntax node, CancellationToken cancellationToken, out LogLevelKind level)
    {
        level = LogLevelKind.Unknown;
        var info = model.GetSymbolInfo(node, cancellationToken);
        if (info.Symbol != null || info.CandidateSymbols.IsEmpty)
        {
            return false;
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            if (candidate is not IMethodSymbol method || !TryGetLevel(method, out var candidateLevel))
            {
                return false;
            }

            level = candidateLevel;
        }

        return true;
    }

    /// <summary>
    /// The exception handed to an unbound log call: the loggers take it first (after an EventId for
    /// Microsoft.Extensions.Logging), so only the leading arguments are looked at; an exception in a later
    /// position is a message value.
    /// </summary>
    public static ArgumentSyntax? UnboundExceptionArgument(SemanticModel model, InvocationExpressionSyntax node, string? exceptionName, CancellationToken cancellationToken)
    {
        var arguments = node.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count && i < 2; i++)
        {
            var expression = arguments[i].Expression;
            if (expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == exceptionName && exceptionName != null ||
                Symbols.IsException(model.GetTypeInfo(expression, cancellationToken).Type))
            {
                return arguments[i];
            }

            if (model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="method"/> is a log method, and its level as far as its name tells.</summary>
    private static bool TryGetLevel(IMethodSymbol method, out LogLevelKind level)
    {
        var type = method.ContainingType;
        level = LogLevelKind.Unknown;
        if (Symbols.Is(type, "Microsoft.Extensions.Logging", "LoggerExtensions") || Symbols.Is(type, "Microsoft.Extensions.Logging", "ILogger") && method.Name == "Log")
        {
            level = method.Name switch
            {
                "LogCritical" or "LogError" => LogLevelKind.Error,
                "LogWarning" => LogLevelKind.Warning,
                "LogInformation" or "LogDebug" or "LogTrace" => LogLevelKind.Low,
                _ => LogLevelKind.Unknown,
            };
            return method.Name.StartsWith("Log", System.StringComparison.Ordinal) && method.Name != "BeginScope";
        }

        if (IsLoggerMessageMethod(method))
        {
            level = LevelFromLoggerMessage(method);
            return true;
        }

        if (Symbols.Is(type, "Serilog", "ILogger") || Symbols.Is(type, "Serilog", "Log"))
        {
            level = method.Name switch
            {
                "Fatal" or "Error" => LogLevelKind.Error,
                "Warning" => LogLevelKind.Warning,
                "Information" or "Debug" or "Verbose" => LogLevelKind.Low,
                "Write" => LogLevelKind.Unknown,
                _ => (LogLevelKind)(-1),
            };
        }
        else if (Symbols.Is(type, "NLog", "Logger") || Symbols.Is(type, "NLog", "ILogger") || Symbols.Is(type, "log4net", "ILog"))
        {
            level = method.Name switch
            {
                "Fatal" or "Error" or "FatalFormat" or "ErrorFormat" => LogLevelKind.Error,
                "Warn" or "WarnFormat" => LogLevelKind.Warning,
                "Info" or "Debug" or "Trace" or "InfoFormat" or "DebugFormat" => LogLevelKind.Low,
                _ => (LogLevelKind)(-1),
            };
        }
        else
        {
            return false;
        }

        return (int)level >= 0;
    }

    public static bool IsLoggerMessageMethod(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (Symbols.Is(attribute.AttributeClass, "Microsoft.Extensions.Logging", "LoggerMessageAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    private List<string> Placeholders() =>
        MessageArgument is { } message && Symbols.TryGetConstantString(message.Value, out var template) ? ParsePlaceholders(template) : new List<string>();

    /// <summary>The names of a message template's placeholders, in order (<c>{@User}</c> is <c>User</c>, <c>{{</c> is text).</summary>
    public static List<string> ParsePlaceholders(string template)
    {
        var result = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            var name = template.Substring(i + 1, end - i - 1).TrimStart('@', '$');
            var cut = name.IndexOfAny(new[] { ':', ',' });
            result.Add(cut >= 0 ? name.Substring(0, cut) : name);
            i = end;
        }

        return result;
    }

    private static LogLevelKind LevelFromArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (Symbols.Is(argument.Parameter?.Type, "Microsoft.Extensions.Logging", "LogLevel") && argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is int value)
            {
                return FromNumeric(value);
            }
        }

        return LogLevelKind.Unknown;
    }

    private static LogLevelKind LevelFromLoggerMessage(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (!Symbols.Is(attribute.AttributeClass, "Microsoft.Extensions.Logging", "LoggerMessageAttribute"))
            {
                continue;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Level" && named.Value.Value is int level)
                {
                    return FromNumeric(level);
                }
            }

            foreach (var arg in attribute.ConstructorArguments)
            {
                if (Symbols.Is(arg.Type, "Microsoft.Extensions.Logging", "LogLevel") && arg.Value is int level)
                {
                    return FromNumeric(level);
                }
            }
        }

        return LogLevelKind.Unknown;
    }

    // Microsoft.Extensions.Logging.LogLevel: Trace 0, Debug 1, Information 2, Warning 3, Error 4, Critical 5, None 6.
    private static LogLevelKind FromNumeric(int value) => value switch
    {
        3 => LogLevelKind.Warning,
        4 or 5 => LogLevelKind.Error,
        < 3 => LogLevelKind.Low,
        _ => LogLevelKind.Unknown,
    };
}
