namespace NeuralNets.Training;

/// <summary>Everything a training run measured, epoch by epoch, in forms a chart can take directly.</summary>
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

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, _epochs);
}
