using NeuralNets.Activations;
using NeuralNets.Data;
using NeuralNets.Evaluation;
using NeuralNets.Networks;

namespace NeuralNets.Exercises;

/// <summary>Checks for notebook 03 (network architecture and MNIST).</summary>
public static partial class Check
{
    /// <summary>Passes if <paramref name="countParameters"/> gives the number of weights and biases of networks of
    /// several shapes, as <see cref="Network{T}.ParameterCount"/> counts them.</summary>
    public static CheckResult ParameterCounter(string exercise, Func<int[], int>? countParameters, string hint)
    {
        if (countParameters is null)
            return NotAnswered(exercise, hint);
        int[][] shapes = [[2, 3, 1], [784, 30, 10], [784, 100, 10], [784, 16, 16, 10], [784, 10], [5, 4, 3, 2, 1]];
        foreach (var shape in shapes)
        {
            int expected = Network<float>.Empty(shape, Activation.Sigmoid, Activation.Sigmoid).ParameterCount;
            int got;
            try
            {
                got = countParameters((int[])shape.Clone());
            }
            catch (Exception e)
            {
                return Fail(exercise, $"for [{string.Join(", ", shape)}] it threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (got != expected)
                return Fail(exercise, $"for [{string.Join(", ", shape)}] it gives {got:N0}, but the network has {expected:N0} parameters.", hint);
        }
        return Pass(exercise, $"right for all {shapes.Length} shapes, e.g. [784, 30, 10] has 23,860 parameters.");
    }

    /// <summary>Passes if <paramref name="feedForward"/> gives the same output activations as
    /// <see cref="Network{T}.FeedForward(MathNet.Numerics.LinearAlgebra.Vector{T})"/> for several networks and inputs.</summary>
    public static CheckResult FeedForwardByHand(string exercise, Func<Network<double>, double[], double[]>? feedForward, string hint)
    {
        if (feedForward is null)
            return NotAnswered(exercise, hint);
        int[][] shapes = [[3, 2], [4, 3, 2], [784, 16, 16, 10], [5, 7, 6, 4, 3]];
        var random = new Random(2024);
        for (int s = 0; s < shapes.Length; s++)
        {
            var network = new Network<double>(shapes[s], seed: 100 + s);
            var input = Enumerable.Range(0, shapes[s][0]).Select(_ => random.NextDouble()).ToArray();
            var expected = network.FeedForward(input);
            double[]? got;
            try
            {
                got = feedForward(network, (double[])input.Clone());
            }
            catch (Exception e)
            {
                return Fail(exercise, $"for a [{string.Join(", ", shapes[s])}] network it threw {e.GetType().Name}: {e.Message}", hint);
            }
            string shape = $"[{string.Join(", ", shapes[s])}]";
            if (got is null)
                return Fail(exercise, $"for a {shape} network it returned null.", hint);
            if (got.Length != expected.Length)
                return Fail(exercise, $"for a {shape} network it returned {got.Length} activations; the output layer has {expected.Length}.", hint);
            for (int j = 0; j < got.Length; j++)
                if (!(Math.Abs(got[j] - expected[j]) <= 1e-9))
                    return Fail(exercise, $"for a {shape} network output {j} is {got[j]:G6}, but the network gives {expected[j]:G6}.", hint);
        }
        return Pass(exercise, $"matches network.FeedForward on {shapes.Length} networks, up to [784, 16, 16, 10].");
    }

    /// <summary>Passes if <paramref name="correct"/> is how many images of <paramref name="data"/> the network
    /// classifies right.</summary>
    public static CheckResult CorrectPredictions<T>(string exercise, int? correct, Network<T> network, ImageSet data, string hint)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (correct is null)
            return NotAnswered(exercise, hint);
        int expected = network.CountCorrect(data);
        return correct == expected
            ? Pass(exercise, $"{correct:N0} of {data.Count:N0} right ({(double)correct / data.Count:P1}); guessing gets about 10%.")
            : Fail(exercise, $"you counted {correct:N0}, but the network gets {(correct < expected ? "more" : "fewer")} right.", hint);
    }
}
