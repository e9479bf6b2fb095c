namespace NeuralNets.Training;

/// <summary>What one epoch measured. A value is null where it was not monitored.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Seconds">How long the epoch's training took (without the measuring).</param>
/// <param name="TrainingCost">Average cost on the training data, with the regularisation term.</param>
/// <param name="TrainingAccuracy">Fraction of the training data classified right.</param>
/// <param name="EvaluationCost">Average cost on the evaluation data, with the regularisation term.</param>
/// <param name="EvaluationAccuracy">Fraction of the evaluation data classified right.</param>
[NeuralNets.Display.TypeFormatterSource(typeof(NeuralNets.Display.TextFormatterSource))]
public sealed record EpochResult(int Epoch, double Seconds, double? TrainingCost, double? TrainingAccuracy,
    double? EvaluationCost, double? EvaluationAccuracy)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string> { $"Epoch {Epoch}" };
        if (EvaluationAccuracy is { } ea) parts.Add($"evaluation accuracy {ea:P2}");
        if (EvaluationCost is { } ec) parts.Add($"evaluation cost {ec:F4}");
        if (TrainingAccuracy is { } ta) parts.Add($"training accuracy {ta:P2}");
        if (TrainingCost is { } tc) parts.Add($"training cost {tc:F4}");
        parts.Add($"{Seconds:F2} s");
        return string.Join(", ", parts);
    }
}
