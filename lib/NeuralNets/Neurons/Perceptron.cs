namespace NeuralNets.Neurons;

/// <summary>
/// Rosenblatt's perceptron: output 1 if w·x + b &gt; 0, else 0 (Nielsen eq. 2). The bias b measures how easy
/// it is to make the perceptron fire.
/// </summary>
public sealed class Perceptron
{
    private readonly double[] _weights;

    /// <summary>A perceptron with these weights, one per input, and this bias.</summary>
    public Perceptron(IReadOnlyList<double> weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
            throw new ArgumentException("A perceptron needs at least one input weight.", nameof(weights));
        _weights = weights.ToArray();
        Bias = bias;
    }

    /// <summary>Nielsen's NAND gate: weights −2, −2 and bias 3. It outputs 0 only for input (1, 1).</summary>
    public static Perceptron Nand { get; } = new([-2, -2], 3);

    /// <summary>The weights, one per input.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The bias b = −threshold.</summary>
    public double Bias { get; }

    /// <summary>w·x + b: how strongly the evidence, weighed, says "fire".</summary>
    public double WeightedInput(params double[] inputs) => WeightedSum.Of(_weights, Bias, inputs, "perceptron");

    /// <summary>The output, 0 or 1.</summary>
    public int Output(params double[] inputs) => WeightedInput(inputs) > 0 ? 1 : 0;

    /// <summary>The output for bit inputs (0 or 1): convenient for logic gates.</summary>
    public int Output(params int[] bits) => Output(bits.Select(b => (double)b).ToArray());

    /// <inheritdoc />
    public override string ToString() => $"Perceptron(w = [{string.Join(", ", _weights)}], b = {Bias})";
}
