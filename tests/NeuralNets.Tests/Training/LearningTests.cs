using NeuralNets.Costs;
using NeuralNets.Evaluation;
using NeuralNets.Networks;
using NeuralNets.Tests.Data;
using NeuralNets.Training;
using Xunit.Abstractions;

namespace NeuralNets.Tests.Training;

/// <summary>The network really learns MNIST, and the same seed gives the same weights.</summary>
public sealed class LearningTests(RealMnist mnist, ITestOutputHelper output) : IClassFixture<RealMnist>
{
    [Fact]
    public void Chapter_one_network_reaches_90_percent_after_one_epoch()
    {
        // Nielsen reports 91.29% after the first epoch of [784, 30, 10], η = 3.0, mini-batch 10, quadratic cost.
        var data = mnist.Data;
        var network = new Network<float>([784, 30, 10], seed: 1);
        var history = StochasticGradientDescent.Train(network, data.Training, new TrainingOptions
        {
            Epochs = 1, MiniBatchSize = 10, LearningRate = 3.0, Cost = Cost.Quadratic, Seed = 1, EvaluationData = data.Test,
        });
        double accuracy = history.Epochs[0].EvaluationAccuracy!.Value;
        output.WriteLine($"test accuracy after one epoch: {accuracy:P2} ({history.Epochs[0].Seconds:F2} s)");
        Assert.True(accuracy >= 0.90, $"expected at least 90%, got {accuracy:P2}");
        Assert.Equal(accuracy, network.Accuracy(data.Test));
    }

    [Theory]
    [InlineData(1e308, 0.0, "η = 1E+308 is too large")]
    [InlineData(1e30, 5.0, "η = 1E+30 (with λ = 5) is too large")]
    public void Training_stops_at_the_first_non_finite_step_naming_eta_and_lambda(double eta, double lambda, string named)
    {
        var network = new Network<float>([784, 30, 10], seed: 1);
        int epochsReported = 0;

        var error = Assert.Throws<TrainingDivergedException>(() => StochasticGradientDescent.Train(network, mnist.Data.Training.Take(1_000),
            new TrainingOptions { Epochs = 3, MiniBatchSize = 10, LearningRate = eta, Lambda = lambda, Seed = 1, OnEpoch = _ => epochsReported++ }));

        Assert.Contains(named, error.Message);
        Assert.Equal(1, error.Epoch);
        Assert.Equal(0, epochsReported);       // it stopped inside the first epoch, not after three
        Assert.True(error.MiniBatch <= 5, $"stopped only at mini-batch {error.MiniBatch}");   // measured: 1 and 3
    }

    [Fact]
    public void Same_seed_gives_identical_weights_twice()
    {
        var training = mnist.Data.Training.Take(5_000);
        Network<float> TrainOnce()
        {
            var network = new Network<float>([784, 30, 10], seed: 7);
            StochasticGradientDescent.Train(network, training, new TrainingOptions { Epochs = 2, MiniBatchSize = 10, LearningRate = 3.0, Seed = 7 });
            return network;
        }
        var first = TrainOnce();
        var second = TrainOnce();
        for (int l = 0; l < 2; l++)
        {
            Assert.True(first.Weights(l).SequenceEqual(second.Weights(l)), $"weights of layer {l} differ");
            Assert.True(first.Biases(l).SequenceEqual(second.Biases(l)), $"biases of layer {l} differ");
        }
        Assert.False(first.Weights(0).SequenceEqual(new Network<float>([784, 30, 10], seed: 7).Weights(0)), "training should have changed the weights");
    }

    [Fact]
    public void Monitoring_fills_the_history_and_cancellation_stops_early()
    {
        var data = mnist.Data;
        var network = new Network<float>([784, 10, 10], initialisation: WeightInitialisation.ScaledNormal, seed: 2);
        int progressCalls = 0;
        using var cancel = new CancellationTokenSource();
        var history = StochasticGradientDescent.Train(network, data.Training.Take(2_000), new TrainingOptions
        {
            Epochs = 3, MiniBatchSize = 20, LearningRate = 0.5, Lambda = 1.0, Cost = Cost.CrossEntropy, Seed = 3,
            EvaluationData = data.Validation.Take(1_000),
            MonitorEvaluationCost = true, MonitorTrainingAccuracy = true, MonitorTrainingCost = true,
            OnProgress = _ => progressCalls++,
            OnEpoch = e => { if (e.Epoch == 2) cancel.Cancel(); },
            CancellationToken = cancel.Token,
        });
        Assert.True(history.Cancelled);
        Assert.Equal(2, history.Epochs.Count);
        Assert.Equal([1.0, 2.0], history.EpochNumbers);
        Assert.All(history.TrainingCosts, c => Assert.True(c > 0 && double.IsFinite(c)));
        Assert.All(history.EvaluationAccuracies, a => Assert.InRange(a, 0.5, 1.0));
        Assert.True(history.TrainingCosts[1] < history.TrainingCosts[0], "the training cost should fall");
        Assert.Equal(200, progressCalls);   // 100 mini-batches an epoch, reported every one, for two epochs
    }
}
