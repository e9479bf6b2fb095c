namespace NeuralNets.Evaluation;

/// <summary>What the network said about one image.</summary>
/// <param name="Index">The image's position in its data set.</param>
/// <param name="Label">The right answer.</param>
/// <param name="Predicted">The network's answer: its most active output neuron.</param>
/// <param name="Outputs">All output activations.</param>
[NeuralNets.Display.TypeFormatterSource(typeof(NeuralNets.Display.TextFormatterSource))]
public sealed record Prediction(int Index, int Label, int Predicted, double[] Outputs)
{
    /// <summary>True if the network got it right.</summary>
    public bool IsCorrect => Label == Predicted;

    /// <summary>The activation of the chosen output: with softmax, the probability the network gives its answer.</summary>
    public double Confidence => Outputs[Predicted];

    /// <inheritdoc />
    public override string ToString() => $"image {Index}: label {Label}, predicted {Predicted} ({Confidence:F3})";
}
