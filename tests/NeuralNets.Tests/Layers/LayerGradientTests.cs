using NeuralNets.Activations;
using NeuralNets.GradientChecking;
using NeuralNets.Layers;

namespace NeuralNets.Tests.Layers;

/// <summary>
/// Every layer's backward pass against central finite differences of the log-likelihood cost, in double precision:
/// for each weight and bias w, (C(w + h) − C(w − h)) / 2h against the gradient the layer computed. The stacks put each
/// kind of layer below others, so its error back to its inputs (BP2) is checked too, through the layers beneath.
/// </summary>
public class LayerGradientTests
{
    private const double H = 1e-5;

    // The cost whose output error is δᴸ = a − y: log-likelihood −ln a_y for softmax outputs (eq. 80), cross-entropy
    // −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)] for sigmoid ones (eq. 63).
    private static double Cost(LayeredNetwork<double> network, double[] inputs, int[] labels)
    {
        inputs.CopyTo(network.InputBuffer);
        var a = network.Forward(labels.Length, training: true).ToArray();
        int n = network.OutputSize;
        bool softmax = ((FullyConnectedLayer<double>)network.Layers[^1]).Activation == Activation.Softmax;
        return labels.Select((label, i) => softmax
            ? -Math.Log(a[i * n + label])
            : -Enumerable.Range(0, n).Sum(j => j == label ? Math.Log(a[i * n + j]) : Math.Log(1 - a[i * n + j]))).Sum();
    }

    private static void AssertGradientsMatch(LayeredNetwork<double> network, int batch, int seed)
    {
        var random = new Random(seed);
        int inputSize = network.InputShape.Size;
        double[] inputs = Enumerable.Range(0, batch * inputSize).Select(_ => random.NextDouble()).ToArray();
        int[] labels = Enumerable.Range(0, batch).Select(_ => random.Next(network.OutputSize)).ToArray();
        network.Prepare(batch);

        // Draw each dropout mask once, then keep it for every evaluation of the cost.
        inputs.CopyTo(network.InputBuffer);
        network.Forward(batch, training: true);
        foreach (var dropout in network.Layers.OfType<DropoutLayer<double>>())
            dropout.FreezeMask = true;

        Cost(network, inputs, labels);
        var a = network.Forward(batch, training: true).ToArray();
        for (int i = 0; i < batch; i++)
            a[i * network.OutputSize + labels[i]] -= 1;   // δᴸ = a − y
        network.Backward(a, batch);

        foreach (var (layer, index) in network.Layers.Select((l, i) => (l, i)).Where(p => p.l is WeightedLayer<double>))
        {
            var weighted = (WeightedLayer<double>)layer;
            double[] analytic = [.. weighted.NablaW.ToArray(), .. weighted.NablaB.ToArray()];
            var numeric = new double[analytic.Length];
            for (int p = 0; p < analytic.Length; p++)
            {
                Span<double> parameters = p < weighted.Weights.Length ? weighted.Weights : weighted.Biases;
                int at = p < weighted.Weights.Length ? p : p - weighted.Weights.Length;
                double saved = parameters[at];
                parameters[at] = saved + H;
                double up = Cost(network, inputs, labels);
                parameters = p < weighted.Weights.Length ? weighted.Weights : weighted.Biases;
                parameters[at] = saved - H;
                double down = Cost(network, inputs, labels);
                parameters = p < weighted.Weights.Length ? weighted.Weights : weighted.Biases;
                parameters[at] = saved;
                numeric[p] = (up - down) / (2 * H);
            }
            var result = GradientCheckResult.From(analytic, numeric);
            Assert.True(result.RelativeError < 1e-6, $"layer {index + 1} ({layer.Description}): relative error {result.RelativeError:E2}");
        }
    }

    [Fact]
    public void Convolution_pooling_convolution_dropout_and_fully_connected_with_sigmoids()
    {
        var network = LayeredNetwork<double>.Parse("conv3x3,pool2,conv4x2,dropout0.3,fc6,softmax3", new Shape(1, 8, 8), Activation.Sigmoid, seed: 5);
        AssertGradientsMatch(network, batch: 3, seed: 11);
    }

    [Fact]
    public void Several_input_channels_and_tanh()
    {
        var network = LayeredNetwork<double>.Parse("conv3x2,conv2x3,fc4,softmax5", new Shape(2, 6, 5), Activation.Tanh, seed: 7);
        AssertGradientsMatch(network, batch: 2, seed: 12);
    }

    [Fact]
    public void Relu_layers_and_a_sigmoid_output()
    {
        var network = LayeredNetwork<double>.Parse("conv4x3,pool2,fc8,dropout0.5,sigmoid3", new Shape(1, 8, 8), Activation.Relu, seed: 9);
        AssertGradientsMatch(network, batch: 4, seed: 13);
    }

    [Fact]
    public void A_fully_connected_network_as_layers_gives_the_same_outputs()
    {
        var plain = new NeuralNets.Networks.Network<double>([6, 5, 4, 3], hidden: Activation.Sigmoid, output: Activation.Softmax, seed: 2);
        var layered = LayeredNetwork<double>.FromNetwork(plain);
        double[] x = [0.1, 0.9, 0.3, 0.5, 0.0, 1.0];
        Assert.Equal(plain.FeedForward(x), layered.FeedForward(x), (p, q) => Math.Abs(p - q) < 1e-14);
        AssertGradientsMatch(layered, batch: 3, seed: 14);
    }
}
