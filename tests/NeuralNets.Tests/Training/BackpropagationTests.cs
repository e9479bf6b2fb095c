using NeuralNets.Activations;
using NeuralNets.Costs;
using NeuralNets.GradientChecking;
using NeuralNets.Networks;
using NeuralNets.Training;

namespace NeuralNets.Tests.Training;

public class BackpropagationTests
{
    public static TheoryData<string, string, string> EveryCombination()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var cost in new[] { "quadratic", "cross-entropy", "log-likelihood" })
            foreach (var hidden in new[] { "sigmoid", "tanh", "relu" })
                foreach (var output in new[] { "sigmoid", "softmax" })
                    data.Add(cost, hidden, output);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Backprop_equals_finite_differences(string cost, string hidden, string output)
    {
        var network = new Network<double>([5, 4, 3, 3], Activation.FromName(hidden), Activation.FromName(output), seed: 42);
        var batch = TestBatches.Random(5, 3, 4, seed: 9);

        var check = GradientCheck.Compare(network, batch, Cost.FromName(cost));

        Assert.True(check.RelativeError < 1e-6, $"{cost}, {hidden} hidden, {output} output: {check}");
        Assert.True(check.Backprop.Any(g => Math.Abs(g) > 1e-4), "the gradient should not be trivially zero");
    }

    [Fact]
    public void A_planted_bug_is_caught_by_the_gradient_check()
    {
        var network = new Network<double>([3, 4, 2], seed: 1);
        var batch = TestBatches.Random(3, 2, 2, seed: 2);
        var backprop = new Backpropagation<double>(network, 2);
        var analytic = backprop.Backpropagate(batch, Cost.Quadratic).Flatten();
        analytic[5] *= 1.5;   // one wrong partial derivative
        var numeric = GradientCheck.NumericalGradient(network, batch, Cost.Quadratic);
        var check = GradientCheckResult.From(analytic, numeric);
        Assert.True(check.RelativeError > 1e-3);
        Assert.Equal(5, check.WorstParameter);
    }

    [Fact]
    public void Batch_gradient_is_the_sum_of_single_example_gradients()
    {
        var network = new Network<double>([6, 5, 3], Activation.Relu, Activation.Softmax, seed: 4);
        var batch = TestBatches.Random(6, 3, 5, seed: 8);
        var whole = new Backpropagation<double>(network, 5).Backpropagate(batch, Cost.LogLikelihood).Flatten();

        var sum = new double[whole.Length];
        var single = new MiniBatch<double>(6, 3, 1);
        var backprop = new Backpropagation<double>(network, 1);
        for (int i = 0; i < 5; i++)
        {
            single.Load([batch.Inputs.Slice(i * 6, 6).ToArray()], [batch.Labels[i]]);
            var g = backprop.Backpropagate(single, Cost.LogLikelihood).Flatten();
            for (int p = 0; p < sum.Length; p++) sum[p] += g[p];
        }
        for (int p = 0; p < sum.Length; p++)
            Assert.Equal(sum[p], whole[p], 12);
    }

    [Fact]
    public void Output_error_for_cross_entropy_with_sigmoid_is_a_minus_y()
    {
        // Nielsen eq. 66: δᴸ = a − y, with no σ′(z) factor.
        double[] z = [2.0, -1.0], y = [0.0, 1.0];
        var a = new double[2];
        Activation.Sigmoid.Apply<double>(z, a, 2);
        var delta = new double[2];
        Cost.CrossEntropy.OutputError<double>(Activation.Sigmoid, z, a, y, delta, 2);
        Assert.Equal(a[0] - y[0], delta[0], 14);
        Assert.Equal(a[1] - y[1], delta[1], 14);
    }

    [Fact]
    public void Float_gradients_agree_with_double_gradients_to_float_precision()
    {
        var wide = new Network<double>([5, 4, 3], seed: 3);
        var narrow = new Network<float>([5, 4, 3], seed: 3);
        var batchDouble = TestBatches.Random(5, 3, 3, seed: 1);
        var batchFloat = new MiniBatch<float>(5, 3, 3);
        batchFloat.Load(Enumerable.Range(0, 3).Select(i => batchDouble.Inputs.Slice(i * 5, 5).ToArray().Select(v => (float)v).ToArray()).ToArray(),
            batchDouble.Labels.ToArray());
        var g = new Backpropagation<double>(wide, 3).Backpropagate(batchDouble, Cost.CrossEntropy).Flatten();
        var f = new Backpropagation<float>(narrow, 3).Backpropagate(batchFloat, Cost.CrossEntropy).Flatten();
        Assert.True(GradientCheckResult.From(g, f.Select(v => (double)v).ToArray()).RelativeError < 1e-5);
    }
}
