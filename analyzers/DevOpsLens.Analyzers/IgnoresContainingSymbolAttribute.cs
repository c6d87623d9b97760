using System;

namespace DevOpsLens.Analyzers;

/// <summary>
/// The analyzer never reads <c>SyntaxNodeAnalysisContext.ContainingSymbol</c>. A host that drives analyzers itself
/// (DevOpsLens's lazy driver in the CLI and the language server) then skips computing it: that means asking Roslyn for
/// the declared symbol of every member holding a visited node, which binds declarations the analyzer never needed.
/// A test reads every marked analyzer's IL and fails if it calls the getter.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class IgnoresContainingSymbolAttribute : Attribute
{
}
