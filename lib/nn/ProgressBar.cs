namespace NeuralNets.Cli;

/// <summary>
/// A one-line progress bar redrawn in place with a carriage return on a terminal. When output is redirected
/// (a log file, CI) it draws nothing, so logs hold only the per-epoch lines.
/// </summary>
internal sealed class ProgressBar(TextWriter output, bool interactive, int width = 30)
{
    private bool _shown;

    /// <summary>Draws <paramref name="label"/> and a bar filled to <paramref name="fraction"/> (0 to 1).</summary>
    public void Show(string label, double fraction)
    {
        if (!interactive) return;
        int filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
        output.Write($"\r{label} [{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0}");
        output.Flush();
        _shown = true;
    }

    /// <summary>Wipes the bar so the next line starts clean.</summary>
    public void Clear()
    {
        if (!_shown) return;
        output.Write("\r" + new string(' ', width + 40) + "\r");
        _shown = false;
    }
}
