using System.Globalization;
using System.Text;

namespace NeuralNets.Training;

/// <summary>Everything a training run measured, epoch by epoch, in forms a chart can take directly.</summary>
[NeuralNets.Display.TypeFormatterSource(typeof(NeuralNets.Display.TextFormatterSource))]
public sealed class TrainingHistory
{
    private readonly List<EpochResult> _epochs = [];

    /// <summary>One result per finished epoch.</summary>
    public IReadOnlyList<EpochResult> Epochs => _epochs;

    /// <summary>True if training was stopped through the cancellation token before all epochs ran.</summary>
    public bool Cancelled { get; internal set; }

    /// <summary>The epoch numbers, 1, 2, 3, ...: the x axis of a chart.</summary>
    public double[] EpochNumbers => _epochs.Select(e => (double)e.Epoch).ToArray();

    /// <summary>Accuracy on the evaluation data after each epoch (NaN where not monitored).</summary>
    public double[] EvaluationAccuracies => _epochs.Select(e => e.EvaluationAccuracy ?? double.NaN).ToArray();

    /// <summary>Cost on the evaluation data after each epoch (NaN where not monitored).</summary>
    public double[] EvaluationCosts => _epochs.Select(e => e.EvaluationCost ?? double.NaN).ToArray();

    /// <summary>Accuracy on the training data after each epoch (NaN where not monitored).</summary>
    public double[] TrainingAccuracies => _epochs.Select(e => e.TrainingAccuracy ?? double.NaN).ToArray();

    /// <summary>Cost on the training data after each epoch (NaN where not monitored).</summary>
    public double[] TrainingCosts => _epochs.Select(e => e.TrainingCost ?? double.NaN).ToArray();

    /// <summary>Seconds each epoch's training took.</summary>
    public double[] Seconds => _epochs.Select(e => e.Seconds).ToArray();

    /// <summary>The best evaluation accuracy reached, or NaN if none was measured.</summary>
    public double BestEvaluationAccuracy =>
        _epochs.Where(e => e.EvaluationAccuracy.HasValue).Select(e => e.EvaluationAccuracy!.Value).DefaultIfEmpty(double.NaN).Max();

    internal void Add(EpochResult result) => _epochs.Add(result);

    /// <summary>
    /// A table with a row per epoch and a column per monitored measure, then the best evaluation accuracy:
    /// <code>
    /// epoch  evaluation accuracy  seconds
    ///     1               90.83%     0.34
    ///     2               91.78%     0.18
    /// best evaluation accuracy 91.78% at epoch 2
    /// </code>
    /// </summary>
    public override string ToString()
    {
        if (_epochs.Count == 0)
            return Cancelled ? "no epoch finished (training was cancelled)" : "no epochs";
        var columns = new List<(string Header, Func<EpochResult, string> Cell)> { ("epoch", e => e.Epoch.ToString(CultureInfo.InvariantCulture)) };
        if (_epochs.Any(e => e.EvaluationAccuracy is not null)) columns.Add(("evaluation accuracy", e => Percent(e.EvaluationAccuracy)));
        if (_epochs.Any(e => e.EvaluationCost is not null)) columns.Add(("evaluation cost", e => Number(e.EvaluationCost)));
        if (_epochs.Any(e => e.TrainingAccuracy is not null)) columns.Add(("training accuracy", e => Percent(e.TrainingAccuracy)));
        if (_epochs.Any(e => e.TrainingCost is not null)) columns.Add(("training cost", e => Number(e.TrainingCost)));
        columns.Add(("seconds", e => e.Seconds.ToString("F2", CultureInfo.InvariantCulture)));

        var rows = _epochs.Select(e => columns.Select(c => c.Cell(e)).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, rows.Max(r => r[i].Length))).ToArray();
        var table = new StringBuilder();
        table.AppendJoin("  ", columns.Select((c, i) => c.Header.PadLeft(widths[i]))).AppendLine();
        foreach (var row in rows)
            table.AppendJoin("  ", row.Select((cell, i) => cell.PadLeft(widths[i]))).AppendLine();
        var best = _epochs.Where(e => e.EvaluationAccuracy is not null).MaxBy(e => e.EvaluationAccuracy);
        if (best is not null)
            table.Append($"best evaluation accuracy {Percent(best.EvaluationAccuracy)} at epoch {best.Epoch}").AppendLine();
        if (Cancelled)
            table.AppendLine("(cancelled before the last epoch)");
        return table.ToString().TrimEnd();

        static string Percent(double? value) => value is { } v ? v.ToString("P2", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "–";
        static string Number(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "–";
    }
}
