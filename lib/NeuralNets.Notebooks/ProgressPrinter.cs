namespace NeuralNets.Notebooks;

/// <summary>
/// Prints a line per code cell while notebooks run. On a terminal the line appears when the cell starts
/// ("running...") and is rewritten in place when it ends; when output is redirected to a file or a pipe, only
/// plain finished lines are written, with no carriage returns.
/// </summary>
/// <param name="writer">Where to print; take it before a run starts, since a run captures <see cref="Console.Out"/>.</param>
/// <param name="interactive">True on a terminal (e.g. <c>!Console.IsOutputRedirected</c>).</param>
public sealed class ProgressPrinter(TextWriter writer, bool interactive)
{
    private int _lastWidth;

    /// <summary>Call before each notebook.</summary>
    public void NotebookStarting(string notebookPath) => writer.WriteLine($"Running {Path.GetFileName(notebookPath)}");

    /// <summary>Pass as <see cref="RunOptions.Progress"/>.</summary>
    public void Report(CellProgress progress)
    {
        var label = $"  cell {progress.CellNumber} ({progress.CodeCellIndex}/{progress.CodeCellCount})";
        if (!progress.Finished)
        {
            if (interactive)
                Rewrite($"{label} running...", newLine: false);
            return;
        }
        var line = $"{label} {(progress.Status == CellStatus.Ran ? "ok" : "FAILED"),-6} {progress.Seconds,6:0.0} s";
        if (interactive)
            Rewrite(line, newLine: true);
        else
            writer.WriteLine(line);
    }

    private void Rewrite(string line, bool newLine)
    {
        // Pad with spaces so a shorter line fully covers a longer one written before it.
        writer.Write("\r" + line.PadRight(_lastWidth));
        _lastWidth = newLine ? 0 : line.Length;
        if (newLine)
            writer.WriteLine();
        writer.Flush();
    }
}
