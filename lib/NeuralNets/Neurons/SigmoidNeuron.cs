
namespace NeuralNets.Neurons;

/// <summary>
/// A sigmoid neuron: like a perceptron, but its output σ(w·x + b) varies smoothly between 0 and 1, so small
/// changes in weights and bias make small changes in the output (Nielsen eq. 3-5).
/// </summary>
public sealed class SigmoidNeuron
{
    private readonly double[] _weights;

    /// <summary>A sigmoid neuron with these weights and bias.</summary>
    public SigmoidNeuron(IReadOnlyList<double> weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
            throw new ArgumentException("A neuron needs at least one input weight.", nameof(weights));
        _weights = weights.ToArray();
        Bias = bias;
    }

    /// <summary>σ(z) = 1 / (1 + e^(−z)) (Nielsen eq. 3).</summary>
    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>σ′(z) = σ(z)(1 − σ(z)).</summary>
    public static double SigmoidPrime(double z) => Sigmoid(z) * (1 - Sigmoid(z));

    /// <summary>The weights, one per input.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The bias.</summary>
    public double Bias { get; }

    /// <summary>z = w·x + b.</summary>
    public double WeightedInput(params double[] inputs) => WeightedSum.Of(_weights, Bias, inputs, "neuron");

    /// <summary>σ(w·x + b) (Nielsen eq. 4).</summary>
    public double Output(params double[] inputs) => Sigmoid(WeightedInput(inputs));

    /// <summary>The same neuron with every weight and the bias multiplied by <paramref name="c"/>
    /// (Nielsen's chapter-1 exercise: as c → ∞ it behaves like a perceptron).</summary>
    public SigmoidNeuron Scaled(double c) => new(_weights.Select(w => w * c).ToArray(), Bias * c);

    /// <inheritdoc />
    public override string ToString() => $"SigmoidNeuron(w = [{string.Join(", ", _weights)}], b = {Bias})";
}
