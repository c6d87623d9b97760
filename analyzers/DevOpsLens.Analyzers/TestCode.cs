using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DevOpsLens.Analyzers;

/// <summary>
/// Test code recognised from its syntax. A scan that cannot restore packages (the CLI and the language server) does
/// not resolve xunit, NUnit or MSTest, so <see cref="Symbols.IsTestCompilation"/> misses a test project that also
/// references ASP.NET Core (integration tests): the test attributes as written, and the project's name, still say so.
/// </summary>
internal static class TestCode
{
    /// <summary>Test projects are named for it by convention: <c>Orders.Tests</c>, <c>Orders.IntegrationTests</c>, <c>Orders.Test</c>.</summary>
    public static bool IsTestAssemblyName(string? assemblyName)
    {
        if (string.IsNullOrEmpty(assemblyName))
        {
            return false;
        }

        // "Orders.Tests", "OrdersIntegrationTests", "Orders_Test", "Orders.UnitTest"; but not "ServiceWorkerTest" or
        // "AbTest", services whose names merely end in "Test".
        var last = assemblyName!.Substring(assemblyName.LastIndexOf('.') + 1);
        return last is "Test" or "Tests" or "Specs" or "Spec"
            || last.EndsWith("Tests", StringComparison.Ordinal) || last.EndsWith("Specs", StringComparison.Ordinal)
            || last.EndsWith("_Test", StringComparison.Ordinal)
            || last.EndsWith("UnitTest", StringComparison.Ordinal) || last.EndsWith("IntegrationTest", StringComparison.Ordinal)
            || last.EndsWith("FunctionalTest", StringComparison.Ordinal) || last.EndsWith("AcceptanceTest", StringComparison.Ordinal)
            || last.EndsWith("E2ETest", StringComparison.Ordinal) || last.EndsWith("EndToEndTest", StringComparison.Ordinal);
    }

    /// <summary>The node is inside a class that declares tests, fixtures' setup or test data by attribute.</summary>
    public static bool IsInTestClass(SyntaxNode node)
    {
        for (var current = node.Parent; current != null; current = current.Parent)
        {
            if (current is TypeDeclarationSyntax type && DeclaresTests(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaresTests(TypeDeclarationSyntax type)
    {
        if (HasTestAttribute(type.AttributeLists))
        {
            return true;
        }

        foreach (var member in type.Members)
        {
            if (member is MethodDeclarationSyntax method && HasTestAttribute(method.AttributeLists))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTestAttribute(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (IsTestAttributeName(SimpleName(attribute.Name)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string SimpleName(NameSyntax name)
    {
        var text = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => name.ToString(),
        };
        return text.EndsWith("Attribute", StringComparison.Ordinal) ? text.Substring(0, text.Length - "Attribute".Length) : text;
    }

    // xunit, NUnit, MSTest and TUnit, plus the common derived attributes (SkippableFact, RetryFact, AutoData theories).
    private static bool IsTestAttributeName(string name) =>
        name is "Test" or "TestCase" or "TestCaseSource" or "TestFixture" or "SetUp" or "TearDown" or "OneTimeSetUp" or "OneTimeTearDown" or
            "TestMethod" or "DataTestMethod" or "TestClass" or "TestInitialize" or "TestCleanup" or "ClassInitialize" or "AssemblyInitialize" ||
        name.EndsWith("Fact", StringComparison.Ordinal) || name.EndsWith("Theory", StringComparison.Ordinal);
}
