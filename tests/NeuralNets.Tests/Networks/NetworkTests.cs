using NeuralNets.Activations;
using NeuralNets.Networks;
using NeuralNets.Training;

namespace NeuralNets.Tests.Networks;

public class NetworkTests
{
    [Theory]
    [InlineData(new[] { 784, 16, 16, 10 }, 13_002)]   // 3Blue1Brown: 784·16 + 16·16 + 16·10 weights, 16 + 16 + 10 biases
    [InlineData(new[] { 784, 30, 10 }, 23_860)]
    [InlineData(new[] { 2, 3, 1 }, 13)]
    public void Parameter_count_is_weights_plus_biases(int[] sizes, int expected) =>
        Assert.Equal(expected, new Network<double>(sizes).ParameterCount);

    [Fact]
    public void Same_seed_gives_the_same_network_and_another_seed_a_different_one()
    {
        var a = new Network<double>([784, 30, 10], seed: 7);
        var b = new Network<double>([784, 30, 10], seed: 7);
        var c = new Network<double>([784, 30, 10], seed: 8);
        Assert.True(a.Weights(0).SequenceEqual(b.Weights(0)));
        Assert.True(a.Biases(1).SequenceEqual(b.Biases(1)));
        Assert.False(a.Weights(0).SequenceEqual(c.Weights(0)));
    }

    [Fact]
    public void Scaled_initialisation_has_standard_deviation_one_over_root_n_in()
    {
        var network = new Network<double>([784, 100, 10], initialisation: WeightInitialisation.ScaledNormal, seed: 3);
        var w = network.Weights(0).ToArray();
        double mean = w.Average();
        double deviation = Math.Sqrt(w.Select(x => (x - mean) * (x - mean)).Average());
        Assert.Equal(1 / Math.Sqrt(784), deviation, 3);
        Assert.Equal(0.0, mean, 2);
    }

    [Theory]
    [InlineData("sigmoid", "sigmoid")]
    [InlineData("relu", "softmax")]
    [InlineData("tanh", "sigmoid")]
    public void Batched_forward_pass_equals_mathnet_forward_pass_column_by_column(string hidden, string output)
    {
        var network = new Network<double>([6, 5, 4, 3], Activation.FromName(hidden), Activation.FromName(output), seed: 11);
        var random = new Random(5);
        var inputs = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var backprop = new Backpropagation<double>(network, 4);
        var outputs = backprop.FeedForward(inputs.SelectMany(x => x).ToArray(), 4).ToArray();
        for (int i = 0; i < 4; i++)
        {
            var single = network.FeedForward(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(inputs[i]));   // the MathNet form
            for (int j = 0; j < 3; j++)
                Assert.Equal(single[j], outputs[i * 3 + j], 12);
        }
    }

    [Fact]
    public void Feed_forward_by_hand_for_a_tiny_network()
    {
        // [2, 1] with w = (0.5, -1), b = 0.25: a = σ(0.5·1 − 1·2 + 0.25) = σ(−1.25)
        var network = new Network<double>([2, 1]);
        network.Weights(0)[0] = 0.5;
        network.Weights(0)[1] = -1;
        network.Biases(0)[0] = 0.25;
        Assert.Equal(1 / (1 + Math.Exp(1.25)), network.FeedForward([1.0, 2.0])[0], 14);
        Assert.Equal(1 / (1 + Math.Exp(1.25)), network.FeedForward(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([1.0, 2.0]))[0], 14);
    }

    [Fact]
    public void Bad_shapes_are_rejected_clearly()
    {
        Assert.Contains("at least an input and an output", Assert.Throws<ArgumentException>(() => new Network<float>([784])).Message);
        Assert.Contains("Layer 1 has 0", Assert.Throws<ArgumentException>(() => new Network<float>([784, 0, 10])).Message);
        Assert.Contains("output layer", Assert.Throws<ArgumentException>(() => new Network<float>([4, 3, 2], Activation.Softmax)).Message);
        var network = new Network<double>([3, 2]);
        Assert.Contains("input layer has 3", Assert.Throws<ArgumentException>(() => network.FeedForward([1.0, 2.0])).Message);
    }

    [Fact]
    public void Clone_is_independent()
    {
        var network = new Network<float>([4, 3, 2], seed: 1);
        var copy = network.Clone();
        Assert.True(copy.Weights(1).SequenceEqual(network.Weights(1)));
        copy.Weights(0)[0] += 1;
        Assert.NotEqual(copy.Weights(0)[0], network.Weights(0)[0]);
    }
}
