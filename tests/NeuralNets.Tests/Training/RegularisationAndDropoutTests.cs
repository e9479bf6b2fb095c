using NeuralNets.Activations;
using NeuralNets.Costs;
using NeuralNets.Evaluation;
using NeuralNets.GradientChecking;
using NeuralNets.Networks;
using NeuralNets.Tests.Data;
using NeuralNets.Training;

namespace NeuralNets.Tests.Training;

/// <summary>L1 regularisation (Nielsen eqs. 95-97) and dropout on the hidden neurons of the fully connected network.</summary>
public sealed class RegularisationAndDropoutTests(RealMnist mnist) : IClassFixture<RealMnist>
{
    [Fact]
    public void L1_step_on_one_neuron_matches_the_update_worked_by_hand()
    {
        // One sigmoid neuron with two inputs, cross-entropy: ∂C₀/∂w_j = x_j (σ(z) − y) (eq. 61), ∂C₀/∂b = σ(z) − y.
        // Eq. (97): w → w − (ηλ/n) sgn(w) − η ∂C₀/∂w, with sgn(0) = 0; the bias is not regularised.
        var network = new Network<double>([2, 1], seed: 1);
        network.Weights(0)[0] = 0.5;
        network.Weights(0)[1] = 0.0;    // sgn(0) = 0: only the gradient moves it
        network.Biases(0)[0] = -0.25;
        var batch = new MiniBatch<double>(2, 1, 1);
        batch.Load([new[] { 1.0, -2.0 }], [new[] { 0.0 }]);
        double eta = 0.1, lambda = 3.0;
        int n = 6;

        double z = 0.5 * 1.0 + 0.0 * -2.0 - 0.25;                      // 0.25
        double error = 1 / (1 + Math.Exp(-z)) - 0.0;                   // σ(0.25) − 0 = 0.562176...
        double w0 = 0.5 - eta * lambda / n * 1 - eta * 1.0 * error;    // 0.5 − 0.05 − 0.0562176 = 0.3937824
        double w1 = 0.0 - 0 - eta * -2.0 * error;                       // 0.1124352
        double b = -0.25 - eta * error;

        StochasticGradientDescent.UpdateMiniBatch(new Backpropagation<double>(network, 1), batch, Cost.CrossEntropy, eta, lambda, n, Regularisation.L1);

        Assert.Equal(0.3937824, w0, 6);   // the number written out, so the formula above cannot drift unnoticed
        Assert.Equal(w0, network.Weights(0)[0], 12);
        Assert.Equal(w1, network.Weights(0)[1], 12);
        Assert.Equal(b, network.Biases(0)[0], 12);
    }

    [Fact]
    public void L1_moves_each_weight_a_constant_amount_where_L2_moves_it_in_proportion()
    {
        // Against the plain step (λ = 0) from the same weights: L1 moves every weight ηλ/n towards zero,
        // L2 moves it (ηλ/n)·w, in proportion to its size.
        var network = new Network<double>([3, 4, 2], seed: 5);
        var batch = TestBatches.Random(3, 2, 2, seed: 6);
        double eta = 0.5, lambda = 2.0;
        int n = 10;
        Network<double> After(Regularisation regularisation, double l)
        {
            var copy = network.Clone();
            StochasticGradientDescent.UpdateMiniBatch(new Backpropagation<double>(copy, 2), batch, Cost.Quadratic, eta, l, n, regularisation);
            return copy;
        }
        var plain = After(Regularisation.L2, 0);
        var l1 = After(Regularisation.L1, lambda);
        var l2 = After(Regularisation.L2, lambda);
        for (int l = 0; l < 2; l++)
            for (int i = 0; i < network.Weights(l).Length; i++)
            {
                double w = network.Weights(l)[i];
                Assert.Equal(-eta * lambda / n * Math.Sign(w), l1.Weights(l)[i] - plain.Weights(l)[i], 12);
                Assert.Equal(-eta * lambda / n * w, l2.Weights(l)[i] - plain.Weights(l)[i], 12);
            }
        Assert.True(l1.Biases(1).SequenceEqual(plain.Biases(1)), "biases are not regularised");
    }

    [Fact]
    public void Dropout_with_p_zero_equals_no_dropout()
    {
        // In backprop: masks of p = 0 keep every neuron at scale 1, so the gradient is exactly the plain one.
        var network = new Network<double>([5, 6, 4, 3], seed: 3);
        var batch = TestBatches.Random(5, 3, 4, seed: 4);
        var plain = new Backpropagation<double>(network, 4).Backpropagate(batch, Cost.CrossEntropy).Flatten();
        var masked = new Backpropagation<double>(network, 4);
        masked.DrawDropoutMasks(0, new Random(1));
        Assert.True(masked.DropoutActive);
        Assert.Equal(plain, masked.Backpropagate(batch, Cost.CrossEntropy).Flatten());

        // In training: DropoutProbability = 0 gives the same weights as leaving it out.
        var training = mnist.Data.Training.Take(500);
        Network<float> Train(TrainingOptions options)
        {
            var net = new Network<float>([784, 20, 10], seed: 2);
            StochasticGradientDescent.Train(net, training, options);
            return net;
        }
        var options = new TrainingOptions { Epochs = 1, LearningRate = 0.5, Cost = Cost.CrossEntropy, Seed = 2 };
        var without = Train(options);
        var withZero = Train(options with { DropoutProbability = 0 });
        var withHalf = Train(options with { DropoutProbability = 0.5 });
        Assert.True(without.Weights(0).SequenceEqual(withZero.Weights(0)));
        Assert.True(without.Weights(1).SequenceEqual(withZero.Weights(1)));
        Assert.False(without.Weights(1).SequenceEqual(withHalf.Weights(1)), "p = 0.5 should change the run");
    }

    [Fact]
    public void A_dropped_neuron_gets_no_gradient_and_a_kept_one_is_scaled()
    {
        var network = new Network<double>([4, 8, 3], seed: 7);
        var batch = TestBatches.Random(4, 3, 1, seed: 8);
        var backprop = new Backpropagation<double>(network, 1);
        backprop.DrawDropoutMasks(0.5, new Random(2));
        var gradients = backprop.Backpropagate(batch, Cost.CrossEntropy);
        var mask = backprop.DropoutMask(0).ToArray();
        Assert.Contains(0.0, mask);
        Assert.Contains(2.0, mask);   // kept neurons are scaled by 1/(1 − p)
        Assert.All(mask, v => Assert.True(v == 0.0 || v == 2.0));

        var plain = new Backpropagation<double>(network, 1);
        plain.FeedForward(batch.Inputs, 1);
        for (int j = 0; j < 8; j++)
        {
            Assert.Equal(mask[j] * plain.Activations(1)[j], backprop.Activations(1)[j], 12);
            bool dropped = mask[j] == 0;
            var incoming = gradients.Weights(0).Slice(j * 4, 4).ToArray();              // row j of ∇W into the hidden layer
            var outgoing = Enumerable.Range(0, 3).Select(i => gradients.Weights(1)[i * 8 + j]).ToArray();   // column j of ∇W out of it
            if (dropped)
            {
                Assert.All(incoming, g => Assert.Equal(0.0, g));
                Assert.All(outgoing, g => Assert.Equal(0.0, g));
                Assert.Equal(0.0, gradients.Biases(0)[j]);
            }
            else
            {
                Assert.Contains(incoming, g => g != 0);
                Assert.Contains(outgoing, g => g != 0);
            }
        }
    }

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("relu")]
    [InlineData("tanh")]
    public void Backprop_with_a_fixed_mask_equals_finite_differences(string hidden)
    {
        var network = new Network<double>([5, 6, 4, 3], Activation.FromName(hidden), Activation.Softmax, seed: 11);
        var batch = TestBatches.Random(5, 3, 3, seed: 12);
        var backprop = new Backpropagation<double>(network, 3);
        backprop.DrawDropoutMasks(0.3, new Random(5));
        var analytic = backprop.Backpropagate(batch, Cost.LogLikelihood).Flatten();
        Assert.Contains(0.0, backprop.DropoutMask(0).ToArray());

        // The same masks stay in place for every forward pass until new ones are drawn.
        var numeric = GradientCheck.NumericalGradient(network,
            () => Cost.LogLikelihood.Value<double>(backprop.FeedForward(batch.Inputs, 3), batch.Targets));
        var check = GradientCheckResult.From(analytic, numeric);
        Assert.True(check.RelativeError < 1e-6, check.ToString());
        Assert.Contains(analytic, g => g == 0);   // the dropped neurons' parameters
    }

    [Fact]
    public void Training_with_dropout_and_with_L1_still_learns_and_leaves_the_network_whole()
    {
        var training = mnist.Data.Training.Take(2_000);
        var validation = mnist.Data.Validation.Take(1_000);
        foreach (var options in new[]
        {
            new TrainingOptions { Epochs = 3, LearningRate = 0.5, Cost = Cost.CrossEntropy, Seed = 1, DropoutProbability = 0.5 },
            new TrainingOptions { Epochs = 3, LearningRate = 0.5, Cost = Cost.CrossEntropy, Seed = 1, Lambda = 1, Regularisation = Regularisation.L1,
                EvaluationData = validation, MonitorEvaluationCost = true },
        })
        {
            var network = new Network<float>([784, 30, 10], initialisation: WeightInitialisation.ScaledNormal, seed: 1);
            var history = StochasticGradientDescent.Train(network, training, options);
            double accuracy = network.Accuracy(validation);
            Assert.True(accuracy > 0.8, $"p = {options.DropoutProbability}, {options.Regularisation} λ = {options.Lambda}: {accuracy:P1}");
            // Evaluating twice gives the same answer: no mask is left on the network after training.
            Assert.Equal(accuracy, network.Accuracy(validation));
            if (options.MonitorEvaluationCost)
            {
                // The monitored cost is C₀ + (λ/n) Σ|w| for L1 (eq. 95), not the L2 term.
                double absolute = Enumerable.Range(0, 2).Sum(l => network.Weights(l).ToArray().Sum(w => Math.Abs((double)w)));
                double expected = network.TotalCost(validation, Cost.CrossEntropy) + 1.0 / validation.Count * absolute;
                Assert.Equal(expected, history.Epochs[^1].EvaluationCost!.Value, 4);
            }
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Dropout_probability_outside_zero_to_one_is_refused(double p)
    {
        var error = Assert.Throws<ArgumentException>(() => new TrainingOptions { DropoutProbability = p }.Validate());
        Assert.Contains("dropout probability", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Backpropagation<double>(new Network<double>([2, 2, 1]), 1).DrawDropoutMasks(p, new Random(1)));
    }
}
