namespace NeuralNets.Neurons;

/// <summary>z = w·x + b: the weighted input both kinds of single neuron start from.</summary>
internal static class WeightedSum
{
    public static double Of(double[] weights, double bias, double[] inputs, string neuron)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length != weights.Length)
            throw new ArgumentException($"This {neuron} has {weights.Length} inputs; got {inputs.Length} values.", nameof(inputs));
        double z = bias;
        for (int j = 0; j < inputs.Length; j++)
            z += weights[j] * inputs[j];
        return z;
    }
}
