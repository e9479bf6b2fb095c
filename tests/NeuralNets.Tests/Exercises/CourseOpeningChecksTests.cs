using NeuralNets.Data;
using NeuralNets.Evaluation;
using NeuralNets.Exercises;
using NeuralNets.Networks;
using NeuralNets.Neurons;

namespace NeuralNets.Tests.Exercises;

/// <summary>The exercise checks of notebooks 01-03: right answers pass, wrong ones fail with a reason, none throws.</summary>
public class CourseOpeningChecksTests
{
    private static void AssertFails(CheckResult result, string because)
    {
        Assert.False(result.Passed);
        Assert.StartsWith(CheckResult.FailMarker, result.ToString());
        Assert.Contains(because, result.Message);
    }

    [Fact]
    public void Perceptron_truth_table_checks_the_gate_and_its_number_of_inputs()
    {
        Func<int[], int> and = x => x[0] & x[1];
        Assert.True(Check.TruthTable("AND", new Perceptron([2.0, 2.0], -3), and, 2, "hint").Passed);
        AssertFails(Check.TruthTable("AND", new Perceptron([2.0, 2.0], -1), and, 2, "hint"), "for input (0, 1) it gives 1");
        AssertFails(Check.TruthTable("AND", new Perceptron([2.0], -1), and, 2, "hint"), "has 1 weight(s)");
        AssertFails(Check.TruthTable("AND", (Perceptron?)null, and, 2, "hint"), "not answered yet");
    }

    [Fact]
    public void Perceptron_scaling_needs_weights_and_bias_scaled_and_a_count_that_is_really_counted()
    {
        Perceptron Right(Perceptron p, double c) => new(p.Weights.Select(w => c * w).ToArray(), c * p.Bias);
        int[] Run(Perceptron[][] layers, double[] input)
        {
            double[] a = input;
            int[] outputs = [];
            foreach (var layer in layers)
            {
                outputs = layer.Select(p => p.Output(a)).ToArray();
                a = outputs.Select(o => (double)o).ToArray();
            }
            return outputs;
        }
        int Count(Perceptron[][] network, double c, double[][] inputs)
        {
            var scaled = network.Select(layer => layer.Select(p => Right(p, c)).ToArray()).ToArray();
            return inputs.Count(x => !Run(scaled, x).SequenceEqual(Run(network, x)));
        }

        var right = Check.PerceptronScaling("scale", Right, Count, "hint");
        Assert.True(right.Passed, right.Message);
        Assert.Matches(@"c = −1 changes [1-9]\d* of 200", right.Message);
        AssertFails(Check.PerceptronScaling("scale", (p, c) => new Perceptron(p.Weights.Select(w => c * w).ToArray(), p.Bias), Count, "hint"),
            "should be multiplied by 0.5");
        AssertFails(Check.PerceptronScaling("scale", (p, c) => throw new InvalidOperationException("boom"), Count, "hint"), "boom");
        // Gamed: "no output ever changes" typed in as a function that ignores its inputs.
        AssertFails(Check.PerceptronScaling("scale", Right, (network, c, inputs) => 0, "hint"), "scaled by c = -1, your countMismatches says 0 of 200");
        // Wrong: a count that is off by one.
        AssertFails(Check.PerceptronScaling("scale", Right, (network, c, inputs) => Count(network, c, inputs) + 1, "hint"), "your countMismatches says 1 of 200");
        AssertFails(Check.PerceptronScaling("scale", Right, null, "hint"), "not answered yet");
    }

    [Fact]
    public void Sigmoid_limit_needs_c_large_enough_for_the_input_nearest_the_boundary()
    {
        var neuron = new SigmoidNeuron([0.7, -1.2], 0.3);
        double[][] inputs = [[1, 0], [0.2, 0.4]];   // z = 1 and z = -0.04: c ≥ ln 99 / 0.04 ≈ 114.9
        Assert.True(Check.SigmoidMatchesPerceptron("limit", 115, neuron, inputs, 0.01, "hint").Passed);
        AssertFails(Check.SigmoidMatchesPerceptron("limit", 100, neuron, inputs, 0.01, "hint"), "input (0.2, 0.4)");
        AssertFails(Check.SigmoidMatchesPerceptron("limit", -1, neuron, inputs, 0.01, "hint"), "not a positive");
        AssertFails(Check.SigmoidMatchesPerceptron("limit", 1e6, neuron, [[0, 0.25]], 0.01, "hint"), "lies on the boundary");
        AssertFails(Check.SigmoidMatchesPerceptron("limit", double.NaN, neuron, inputs, 0.01, "hint"), "not answered yet");
    }

    [Fact]
    public void Parameter_counter_is_compared_with_the_library_on_several_shapes()
    {
        Assert.True(Check.ParameterCounter("count", s => Enumerable.Range(1, s.Length - 1).Sum(l => s[l] * s[l - 1] + s[l]), "hint").Passed);
        AssertFails(Check.ParameterCounter("count", s => Enumerable.Range(1, s.Length - 1).Sum(l => s[l] * s[l - 1]), "hint"),
            "for [2, 3, 1] it gives 9, but the network has 13");
        AssertFails(Check.ParameterCounter("count", s => s[9], "hint"), "threw IndexOutOfRangeException");
    }

    [Fact]
    public void Feed_forward_by_hand_must_match_the_network()
    {
        Assert.True(Check.FeedForwardByHand("ff", (net, x) => net.FeedForward(x), "hint").Passed);
        AssertFails(Check.FeedForwardByHand("ff", (net, x) => x, "hint"), "returned 3 activations; the output layer has 2");
        AssertFails(Check.FeedForwardByHand("ff", (net, x) => new double[net.OutputSize], "hint"), "output 0 is 0");
        AssertFails(Check.FeedForwardByHand("ff", (net, x) => null!, "hint"), "returned null");
    }

    [Fact]
    public void Correct_predictions_are_counted_against_the_evaluator()
    {
        // Four 2 × 2 images with labels 0, 1, 0, 1, and a [4, 2] network.
        var images = new ImageSet([0, 0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 255, 0, 255, 255, 0], [0, 1, 0, 1], 2, 2, classCount: 2);
        var network = new Network<double>([4, 2], seed: 3);
        int right = network.CountCorrect(images);
        Assert.True(Check.CorrectPredictions("count", right, network, images, "hint").Passed);
        AssertFails(Check.CorrectPredictions("count", right + 1, network, images, "hint"), "gets fewer right");
        AssertFails(Check.CorrectPredictions("count", null, network, images, "hint"), "not answered yet");
    }
}
