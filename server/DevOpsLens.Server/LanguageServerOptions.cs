using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Risk;

namespace DevOpsLens.Server;

/// <summary>How a language-server session is composed. The CLI's <c>lsp</c> verb and the tests build one.</summary>
public sealed class LanguageServerOptions
{
    /// <summary>Creates the analysis service for the repository root the client opened (null: single files, no root).</summary>
    public required Func<string?, IDocumentAnalysisService> AnalysisFactory { get; init; }

    public Func<string?, IChangeRiskProvider> RiskFactory { get; init; } = _ => new NoModelChangeRiskProvider();

    /// <summary>Diagnostics and errors for humans. Never stdout, which carries the protocol.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    // Short on purpose: a newer version cancels the analysis of an older one, so the debounce only has to absorb
    // the keystrokes of one burst, and every millisecond here is added to what the user waits for.
    public TimeSpan CSharpDebounce { get; init; } = TimeSpan.FromMilliseconds(30);

    public TimeSpan OtherDebounce { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How often to check that the editor process named in initialize is still alive.</summary>
    public TimeSpan ParentProcessPollInterval { get; init; } = TimeSpan.FromSeconds(2);
}
