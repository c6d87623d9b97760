using DevOpsLens.History.Risk;

namespace DevOpsLens.Cli.Commands;

/// <summary>Mining progress on stderr, only when stderr is a terminal, so CI logs stay clean.</summary>
internal sealed class RiskProgress : IProgress<MiningProgress>
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private bool _written;

    public static IProgress<MiningProgress>? ForTerminal()
    {
        var progress = new RiskProgress();
        return progress._enabled ? progress : null;
    }

    public void Report(MiningProgress value)
    {
        if (!_enabled)
        {
            return;
        }

        Console.Error.Write($"\r{value.Phase} {value.Done}/{value.Total} commits   ");
        _written = true;
        if (value.Done >= value.Total)
        {
            Console.Error.WriteLine();
            _written = false;
        }
    }

    public void Finish()
    {
        if (_written)
        {
            Console.Error.WriteLine();
        }
    }
}
