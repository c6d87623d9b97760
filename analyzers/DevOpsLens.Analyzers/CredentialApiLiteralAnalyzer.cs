using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DevOpsLens.Analyzers;

/// <summary>
/// DL1006. A compile-time string (literal, const, interpolation or concatenation of constants, possibly through
/// Encoding.GetBytes / Convert.To/FromBase64String) bound by symbol to a credential slot of a known API, whatever
/// the value looks like. Types are matched by namespace and name, so the SDKs need not be referenced; when they are
/// not (an unrestored clone) the SDK constructors and connection-string builders are matched by type name. Empty and
/// whitespace strings, and values that only name the slot ("password", "username"), are not credentials and are ignored.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[IgnoresContainingSymbol]
public sealed class CredentialApiLiteralAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] AuthorizationHeaders = { "Authorization", "Proxy-Authorization", "X-API-Key", "Api-Key", "Ocp-Apim-Subscription-Key" };

    /// <summary>Constructor parameters, in order, of the SDK credential types the analyzer knows by name.</summary>
    private static readonly Dictionary<string, string[]> UnboundCredentialParameters = new(StringComparer.Ordinal)
    {
        ["SymmetricSecurityKey"] = new[] { "key" },
        ["ClientSecretCredential"] = new[] { "tenantId", "clientId", "clientSecret" },
        ["UsernamePasswordCredential"] = new[] { "username", "password", "tenantId", "clientId" },
        ["AzureKeyCredential"] = new[] { "key" },
        ["AzureSasCredential"] = new[] { "signature" },
        ["AzureNamedKeyCredential"] = new[] { "name", "key" },
        ["StorageSharedKeyCredential"] = new[] { "accountName", "accountKey" },
        ["ApiKeyCredential"] = new[] { "key" },
        ["BasicAWSCredentials"] = new[] { "accessKey", "secretKey" },
        ["SessionAWSCredentials"] = new[] { "awsAccessKeyId", "awsSecretAccessKey", "token" },
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CredentialApiLiteral);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(AnalyzeCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
        context.RegisterSyntaxNodeAction(AnalyzeInvocation, SyntaxKind.InvocationExpression);
        context.RegisterSyntaxNodeAction(AnalyzeAssignment, SyntaxKind.SimpleAssignmentExpression);
    }

    /// <summary>
    /// Pre-check: the type written is a credential type the rule knows (by name, or through an alias). An implicit
    /// <c>new(…)</c> is bound when its target type is not written beside it. No literal is required: a slot filled
    /// from a constant declared elsewhere is reported as before.
    /// </summary>
    private static void AnalyzeCreation(SyntaxNodeAnalysisContext context)
    {
        var type = context.Node switch
        {
            ObjectCreationExpressionSyntax explicitCreation => explicitCreation.Type,
            ImplicitObjectCreationExpressionSyntax implicitCreation => Prefilter.TargetTypeOf(implicitCreation),
            _ => null,
        };
        if (context.Node is BaseObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 } } ||
            type != null && !Prefilter.TypeNameIs(type, IsCredentialTypeName))
        {
            return;
        }

        if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IObjectCreationOperation creation)
        {
            AnalyzeArguments(context.ReportDiagnostic, creation.Constructor, creation.Arguments);
        }

        if (context.Node is ObjectCreationExpressionSyntax node)
        {
            AnalyzeUnboundCreation(context, node);
        }
    }

    private static bool IsCredentialTypeName(string name) =>
        name is "NetworkCredential" or "SymmetricSecurityKey" or "AuthenticationHeaderValue" or "X509Certificate2" or "X509Certificate" ||
        name.EndsWith("Credential", StringComparison.Ordinal) || name.EndsWith("Credentials", StringComparison.Ordinal);

    /// <summary>
    /// Pre-check: a header-collection method with two arguments, one of which shows a literal or an authorization
    /// header name, or an X509 method that takes a password (the only non-constructor slots <see cref="Slot"/> knows).
    /// Not covered (a deliberate limit): <c>headers.Add(SomeConstant, OtherConstant)</c> where neither constant's
    /// name says Authorization or Api-Key.
    /// </summary>
    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
    {
        var node = (InvocationExpressionSyntax)context.Node;
        var arguments = node.ArgumentList.Arguments;
        var candidate = Unresolved.MethodName(node) switch
        {
            "Add" or "TryAddWithoutValidation" or "Append" => arguments.Count == 2 &&
                                                             (Prefilter.ContainsString(arguments[1].Expression) || MayNameAuthorizationHeader(arguments[0].Expression)),
            "Import" or "Export" or "ExportPkcs12" or "CreateFromEncryptedPem" or "CreateFromEncryptedPemFile" or
                "LoadPkcs12" or "LoadPkcs12FromFile" or "LoadPkcs12Collection" or "LoadPkcs12CollectionFromFile" => arguments.Count > 1,
            "Authenticate" or "AuthenticateAsync" => arguments.Count > 1,
            _ => false,
        };
        if (!candidate)
        {
            return;
        }

        if (context.SemanticModel.GetOperation(node, context.CancellationToken) is IInvocationOperation invocation)
        {
            AnalyzeArguments(context.ReportDiagnostic, invocation.TargetMethod, invocation.Arguments);
        }
        else
        {
            AnalyzeUnboundAuthenticate(context, node);
        }
    }

    /// <summary>
    /// <c>client.AuthenticateAsync("user", "…")</c> on a MailKit client whose package is not restored: the receiver's
    /// type is an error type that keeps its name, and the password is the named argument or the one after the user
    /// name (after the <c>Encoding</c> too, in the overload that takes one).
    /// </summary>
    private static void AnalyzeUnboundAuthenticate(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax node)
    {
        var model = context.SemanticModel;
        if (node.Expression is not MemberAccessExpressionSyntax member ||
            model.GetTypeInfo(member.Expression, context.CancellationToken).Type is not { TypeKind: TypeKind.Error, Name: var typeName } ||
            !IsMailKitClientName(typeName))
        {
            return;
        }

        var arguments = node.ArgumentList.Arguments;
        var password = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "password");
        if (password == null)
        {
            var index = arguments[0].Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Encoding" } } ? 2 : 1;
            password = index < arguments.Count && arguments[index].NameColon == null ? arguments[index] : null;
        }

        if (password != null && model.GetOperation(password.Expression, context.CancellationToken) is { } value)
        {
            ReportIfLiteral(context.ReportDiagnostic, value, "the " + typeName + " password", requireCredentialPart: false);
        }
    }

    /// <summary>MailKit's clients; <c>System.Net.Mail.SmtpClient</c> has no Authenticate method, so the name is enough.</summary>
    private static bool IsMailKitClientName(string name) => name is "SmtpClient" or "ImapClient" or "Pop3Client" or "MailService" or "IMailService";

    /// <summary>A literal header name, or a constant whose name is one (<c>HeaderNames.Authorization</c>).</summary>
    private static bool MayNameAuthorizationHeader(ExpressionSyntax expression)
    {
        var name = expression switch
        {
            LiteralExpressionSyntax literal => literal.Token.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name == null)
        {
            return expression is not LiteralExpressionSyntax;
        }

        var normalized = name.Replace("-", string.Empty).Replace("_", string.Empty);
        foreach (var header in AuthorizationHeaders)
        {
            if (normalized.IndexOf(header.Replace("-", string.Empty), StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Pre-check: the assigned member is written Password, Pwd or ClientSecret, or an indexer whose key shows a
    /// password or authorization header name, or a non-literal key with a literal value.
    /// </summary>
    private static void AnalyzeAssignment(SyntaxNodeAnalysisContext context)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        var candidate = assignment.Left switch
        {
            IdentifierNameSyntax name => IsCredentialMemberName(name.Identifier.ValueText),
            MemberAccessExpressionSyntax member => IsCredentialMemberName(member.Name.Identifier.ValueText),
            ElementAccessExpressionSyntax element => MayBeCredentialKey(element.ArgumentList.Arguments, assignment.Right),
            ImplicitElementAccessSyntax element => MayBeCredentialKey(element.ArgumentList.Arguments, assignment.Right),
            _ => false,
        };
        if (!candidate)
        {
            return;
        }

        if (context.SemanticModel.GetOperation(assignment, context.CancellationToken) is ISimpleAssignmentOperation operation)
        {
            AnalyzeAssignment(context.ReportDiagnostic, operation);
        }

        AnalyzeUnboundAssignment(context, assignment);
    }

    private static bool IsCredentialMemberName(string name) => name is "Password" or "Pwd" or "ClientSecret";

    private static bool MayBeCredentialKey(SeparatedSyntaxList<ArgumentSyntax> arguments, ExpressionSyntax value)
    {
        if (arguments.Count != 1)
        {
            return false;
        }

        if (arguments[0].Expression is LiteralExpressionSyntax literal)
        {
            var key = literal.Token.ValueText.Trim();
            return key.Equals("Password", StringComparison.OrdinalIgnoreCase) || key.Equals("Pwd", StringComparison.OrdinalIgnoreCase) ||
                   MayNameAuthorizationHeader(literal);
        }

        return Prefilter.ContainsString(value) || MayNameAuthorizationHeader(arguments[0].Expression) ||
               arguments[0].Expression is IdentifierNameSyntax { Identifier.ValueText: var id } && IsCredentialMemberName(id) ||
               arguments[0].Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } && IsCredentialMemberName(member);
    }

    /// <summary>
    /// <c>new SymmetricSecurityKey(…)</c>, <c>new ClientSecretCredential(…)</c> in a clone whose packages are not
    /// restored: the type is an error type that keeps its name, and the secret parameter is found by name (a named
    /// argument) or by its position in the SDK's constructor.
    /// </summary>
    private static void AnalyzeUnboundCreation(SyntaxNodeAnalysisContext context, ObjectCreationExpressionSyntax creation)
    {
        var model = context.SemanticModel;
        if (creation.ArgumentList is not { Arguments.Count: > 0 } list ||
            model.GetTypeInfo(creation, context.CancellationToken).Type is not { TypeKind: TypeKind.Error, Name: var typeName } ||
            !UnboundCredentialParameters.TryGetValue(typeName, out var parameters))
        {
            return;
        }

        for (var i = 0; i < list.Arguments.Count; i++)
        {
            var argument = list.Arguments[i];
            var parameter = argument.NameColon?.Name.Identifier.ValueText ?? (i < parameters.Length ? parameters[i] : null);
            if (parameter != null && UnboundSlot(typeName, parameter) is { } slot && model.GetOperation(argument.Expression, context.CancellationToken) is { } value)
            {
                ReportIfLiteral(context.ReportDiagnostic, value, slot, requireCredentialPart: false);
            }
        }
    }

    /// <summary>
    /// <c>Password = "…"</c> on a connection-string builder whose package is not restored, in an object initializer
    /// or through a variable of that type.
    /// </summary>
    private static void AnalyzeUnboundAssignment(SyntaxNodeAnalysisContext context, AssignmentExpressionSyntax assignment)
    {
        var model = context.SemanticModel;
        var (property, receiverType) = assignment.Left switch
        {
            IdentifierNameSyntax name when assignment.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax owner } =>
                (name.Identifier.ValueText, model.GetTypeInfo(owner, context.CancellationToken).Type),
            MemberAccessExpressionSyntax member => (member.Name.Identifier.ValueText, model.GetTypeInfo(member.Expression, context.CancellationToken).Type),
            _ => (null, null),
        };
        if (property is "Password" or "Pwd" && receiverType is { TypeKind: TypeKind.Error } && IsConnectionStringBuilder(receiverType) &&
            model.GetOperation(assignment.Right, context.CancellationToken) is { } value)
        {
            ReportIfLiteral(context.ReportDiagnostic, value, "the " + receiverType.Name + " Password", requireCredentialPart: false);
        }
    }

    private static string? UnboundSlot(string typeName, string parameter) => typeName == "SymmetricSecurityKey"
        ? parameter == "key" ? "the SymmetricSecurityKey signing key" : null
        : CredentialParameter(typeName, parameter);

    private static void AnalyzeArguments(Action<Diagnostic> report, IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments)
    {
        if (method == null)
        {
            return;
        }

        if (method.Name is "Add" or "TryAddWithoutValidation" or "Append" && IsHeaderCollection(method.ContainingType))
        {
            if (arguments.Length == 2 && Symbols.TryGetConstantString(arguments[0].Value, out var header) && IsAuthorizationHeader(header))
            {
                ReportIfLiteral(report, arguments[1].Value, "the " + header + " header", requireCredentialPart: true);
            }

            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter != null && Slot(method, argument.Parameter.Name) is { } slot)
            {
                ReportIfLiteral(report, argument.Value, slot, requireCredentialPart: false);
            }
        }
    }

    private static void AnalyzeAssignment(Action<Diagnostic> report, ISimpleAssignmentOperation assignment)
    {
        switch (assignment.Target)
        {
            case IPropertyReferenceOperation { Property: { IsIndexer: false } property }:
                if (IsCredentialProperty(property))
                {
                    ReportIfLiteral(report, assignment.Value, "the " + property.ContainingType.Name + " Password", requireCredentialPart: false);
                }
                else if (property.Name is "ClientSecret" && Symbols.NamespaceStartsWith(property.ContainingType.ContainingNamespace, "Microsoft.AspNetCore.Authentication"))
                {
                    ReportIfLiteral(report, assignment.Value, "the " + property.ContainingType.Name + " ClientSecret", requireCredentialPart: false);
                }

                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Arguments.Length == 1 &&
                                                                                   Symbols.TryGetConstantString(indexer.Arguments[0].Value, out var key):
                if (IsConnectionStringBuilder(indexer.Property.ContainingType) && key.Trim() is var k &&
                    (k.Equals("Password", StringComparison.OrdinalIgnoreCase) || k.Equals("Pwd", StringComparison.OrdinalIgnoreCase)))
                {
                    ReportIfLiteral(report, assignment.Value, "the " + indexer.Property.ContainingType.Name + " Password", requireCredentialPart: false);
                }
                else if (IsHeaderCollection(indexer.Property.ContainingType) && IsAuthorizationHeader(key))
                {
                    ReportIfLiteral(report, assignment.Value, "the " + key + " header", requireCredentialPart: true);
                }

                break;
        }
    }

    /// <summary>A connection-string builder's or NetworkCredential's Password: DL1006 reports literals assigned to it.</summary>
    internal static bool IsCredentialProperty(IPropertySymbol property) =>
        property.Name is "Password" or "Pwd" && (IsConnectionStringBuilder(property.ContainingType) || Symbols.Is(property.ContainingType, "System.Net", "NetworkCredential"));

    /// <summary>The credential slot a parameter is, described for the message; null when it is not one.</summary>
    internal static string? Slot(IMethodSymbol method, string parameter)
    {
        var type = method.ContainingType;
        var typeName = type?.Name ?? string.Empty;
        var isConstructor = method.MethodKind == MethodKind.Constructor;
        if (isConstructor && Symbols.Is(type, "System.Net", "NetworkCredential") && parameter == "password")
        {
            return "the NetworkCredential password";
        }

        if (isConstructor && Symbols.Is(type, "Microsoft.IdentityModel.Tokens", "SymmetricSecurityKey") && parameter == "key")
        {
            return "the SymmetricSecurityKey signing key";
        }

        if (isConstructor && Symbols.Is(type, "System.Net.Http.Headers", "AuthenticationHeaderValue") && parameter == "parameter")
        {
            return "AuthenticationHeaderValue credentials";
        }

        if (method.Name is "Authenticate" or "AuthenticateAsync" && parameter == "password" &&
            Symbols.NamespaceStartsWith(type?.ContainingNamespace, "MailKit"))
        {
            return "the " + typeName + " password";
        }

        if (Symbols.NamespaceIs(type?.ContainingNamespace, "System.Security.Cryptography.X509Certificates") &&
            typeName is "X509Certificate2" or "X509Certificate" or "X509CertificateLoader" && parameter == "password")
        {
            return "the " + typeName + " password";
        }

        return isConstructor ? CredentialParameter(typeName, parameter) : null;
    }

    /// <summary>
    /// Azure.Identity, Azure.Core, AWS SDK, System.ClientModel and similar credential types: the secret parameters,
    /// not the account, tenant or client ids.
    /// </summary>
    private static string? CredentialParameter(string typeName, string parameter) =>
        (typeName.EndsWith("Credential", StringComparison.Ordinal) || typeName.EndsWith("Credentials", StringComparison.Ordinal)) &&
        parameter is "password" or "clientSecret" or "secretKey" or "awsSecretAccessKey" or "secretAccessKey" or "accountKey" or
            "key" or "apiKey" or "signature" or "token" or "sessionToken" or "awsSessionToken"
            ? "the " + typeName + " " + parameter
            : null;

    private static void ReportIfLiteral(Action<Diagnostic> report, IOperation value, string slot, bool requireCredentialPart)
    {
        var literal = ConstantSource(value, out var text);
        if (literal == null || string.IsNullOrWhiteSpace(text) || NamesTheSlot(text) || IsTemplatePlaceholder(text))
        {
            return;
        }

        if (requireCredentialPart)
        {
            // "Bearer " + token is built at run time; only a constant with a value after the scheme is a credential.
            var space = text.Trim().IndexOf(' ');
            var scheme = space < 0 ? text.Trim() : text.Trim().Substring(0, space);
            if (space < 0 && scheme is "Bearer" or "Basic" or "Token" or "ApiKey")
            {
                return;
            }
        }

        report(Diagnostic.Create(Descriptors.CredentialApiLiteral, literal.Syntax.GetLocation(), slot, Engine.Secrets.Redactor.Redact(text)));
    }

    /// <summary>
    /// The value only names what belongs in the slot (<c>new NetworkCredential("username", "password")</c>): stub code
    /// waiting for real values, not a credential anyone could use.
    /// </summary>
    private static bool NamesTheSlot(string text) =>
        text.Trim().ToLowerInvariant() is "password" or "passwd" or "pwd" or "pass" or "secret" or "clientsecret" or "client_secret" or
            "token" or "key" or "apikey" or "api_key" or "api-key" or "username" or "user" or "accesskey" or "secretkey";

    /// <summary>
    /// Setup code copied from a README or a deployment template keeps the slot's placeholder until someone fills it in:
    /// <c>"&lt;your-password&gt;"</c>, <c>"${SMTP_PASSWORD}"</c>, <c>"$(ClientSecret)"</c>, <c>"%API_KEY%"</c>,
    /// <c>"__ProxyPassword__"</c>, <c>"{{ smtp_password }}"</c>. Only these template shapes count: a value that merely
    /// contains a word like "fake" or "test" can still be a working credential.
    /// </summary>
    private static bool IsTemplatePlaceholder(string text)
    {
        var v = text.Trim();
        return v.Length > 2 && (
            v[0] == '<' && v[v.Length - 1] == '>'
            || (v.StartsWith("${", StringComparison.Ordinal) || v.StartsWith("$(", StringComparison.Ordinal)) && v[v.Length - 1] is '}' or ')'
            || v[0] == '%' && v[v.Length - 1] == '%'
            || v.Length > 4 && v.StartsWith("__", StringComparison.Ordinal) && v.EndsWith("__", StringComparison.Ordinal)
            || v.StartsWith("{{", StringComparison.Ordinal) && v.EndsWith("}}", StringComparison.Ordinal));
    }

    /// <summary>The constant expression behind the value, looking through encoding helpers; null when it is not constant.</summary>
    internal static IOperation? ConstantSource(IOperation value, out string text)
    {
        var current = Symbols.Unwrap(value);
        while (current is IInvocationOperation invocation && invocation.Arguments.Length >= 1 && IsEncodingHelper(invocation.TargetMethod))
        {
            current = Symbols.Unwrap(invocation.Arguments[invocation.Arguments.Length - 1].Value);
        }

        if (current != null && Symbols.TryGetConstantString(current, out text))
        {
            return current;
        }

        text = string.Empty;
        return null;
    }

    private static bool IsEncodingHelper(IMethodSymbol method) =>
        method.Name == "GetBytes" && Symbols.DerivesFrom(method.ContainingType, "System.Text", "Encoding") ||
        method.Name is "ToBase64String" or "FromBase64String" && Symbols.Is(method.ContainingType, "System", "Convert");

    private static bool IsConnectionStringBuilder(ITypeSymbol? type)
    {
        for (var t = type; t != null; t = t.BaseType)
        {
            if (t.Name.EndsWith("ConnectionStringBuilder", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHeaderCollection(ITypeSymbol? type) =>
        Symbols.DerivesFrom(type, "System.Net.Http.Headers", "HttpHeaders") ||
        Symbols.Is(type, "Microsoft.AspNetCore.Http", "IHeaderDictionary") || Symbols.Is(type, "System.Net", "WebHeaderCollection");

    private static bool IsAuthorizationHeader(string header)
    {
        foreach (var name in AuthorizationHeaders)
        {
            if (string.Equals(name, header, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
