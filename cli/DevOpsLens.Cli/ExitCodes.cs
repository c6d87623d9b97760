namespace DevOpsLens.Cli;

/// <summary>Process exit codes, documented in the README. Scripts depend on them: never renumber.</summary>
internal static class ExitCodes
{
    /// <summary>No finding at or above the --fail-on level, risk under the gate.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above the --fail-on level, or risk above --fail-above.</summary>
    public const int Findings = 1;

    /// <summary>Bad arguments, unknown option values, invalid configuration the user must fix.</summary>
    public const int UsageError = 2;

    /// <summary>An unexpected internal error (a bug): the message says where.</summary>
    public const int InternalError = 3;
}
