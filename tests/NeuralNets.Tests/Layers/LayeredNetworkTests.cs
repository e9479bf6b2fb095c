using NeuralNets.Activations;
using NeuralNets.Data;
using NeuralNets.Layers;
using NeuralNets.Tests.Data;

namespace NeuralNets.Tests.Layers;

public class LayeredNetworkTests(RealMnist mnist, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<RealMnist>
{
    [Fact]
    public void Nielsens_chapter_6_network_has_the_shapes_and_parameter_counts_of_the_book()
    {
        var network = LayeredNetwork<float>.Parse("conv20x5,pool2,conv40x5,pool2,fc100,dropout0.5,softmax10", new Shape(1, 28, 28));
        Assert.Equal([new Shape(20, 24, 24), new Shape(20, 12, 12), new Shape(40, 8, 8), new Shape(40, 4, 4), new Shape(100, 1, 1), new Shape(100, 1, 1), new Shape(10, 1, 1)],
            network.Layers.Select(l => l.OutputShape));
        // 20·25 + 20, 40·500 + 40, 100·640 + 100, 10·100 + 10.
        Assert.Equal(520 + 20_040 + 64_100 + 1_010, network.ParameterCount);
        Assert.Contains("85,670 parameters", network.Describe());
    }

    [Theory]
    [InlineData("conv20x5,pool5,softmax10", "Layer 2, \"pool5\": pool5: the 24 × 24 maps do not divide into 5 × 5 blocks")]
    [InlineData("conv20,softmax10", "Layer 1, \"conv20\": not a layer this library knows")]
    [InlineData("fc-3,softmax10", "Layer 1, \"fc-3\": '-3' is not a positive whole number")]
    [InlineData("fc30,dropout1.5,softmax10", "dropout1.5: the probability must be at least 0 and below 1")]
    [InlineData("fc30", "The last layer, \"fc30\", must be an output layer")]
    [InlineData("softmax10,fc30,softmax10", "an output layer must come last")]
    [InlineData("conv20x30,softmax10", "a kernel no larger than its 28 × 28 input")]
    [InlineData(" ", "The layer description is empty")]
    public void A_bad_description_says_which_part_and_why(string description, string message)
    {
        var error = Assert.Throws<FormatException>(() => LayeredNetwork<float>.Parse(description, new Shape(1, 28, 28)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_small_convolutional_network_learns_2000_digits()
    {
        var network = LayeredNetwork<float>.Parse("conv8x5,pool2,fc30,softmax10", new Shape(1, 28, 28), Activation.Relu, seed: 1);
        var epochs = LayeredTrainer.Train(network, mnist.Data.Training.Take(2000), new LayeredTrainingOptions
        {
            Epochs = 3, LearningRate = 0.05, Seed = 1, EvaluationData = mnist.Data.Test.Take(1000),
        });
        // Measured on the 2-core machine: 65.2 %, 88.8 %, 92.1 % on these 1,000 test images (untrained: about 10 %).
        output.WriteLine(string.Join(", ", epochs.Select(e => $"{e.EvaluationAccuracy:P1} in {e.Seconds:F1} s")));
        Assert.Equal(3, epochs.Count);
        Assert.True(epochs[^1].EvaluationAccuracy >= 0.88, $"accuracy {epochs[^1].EvaluationAccuracy:P1}");
        Assert.True(epochs[^1].EvaluationAccuracy >= epochs[0].EvaluationAccuracy + 0.05, "it should improve from epoch 1 to 3");
    }

    [Fact]
    public void Training_refuses_images_of_another_size_and_bad_options()
    {
        var network = LayeredNetwork<float>.Parse("fc10,softmax10", new Shape(1, 5, 5));
        var error = Assert.Throws<ArgumentException>(() => LayeredTrainer.Train(network, mnist.Data.Test.Take(10), new LayeredTrainingOptions()));
        Assert.Contains("images of 28 × 28 do not fit a network reading 1×5×5", error.Message);
        var wide = LayeredNetwork<float>.Parse("fc10,softmax10", new Shape(1, 28, 28));
        Assert.Contains("decay", Assert.Throws<ArgumentException>(() =>
            LayeredTrainer.Train(wide, mnist.Data.Test.Take(10), new LayeredTrainingOptions { LearningRateDecay = 1.5 })).Message);
    }
}
