using NeuralNets.Costs;
using NeuralNets.Data;
using NeuralNets.Evaluation;
using NeuralNets.Exercises;
using NeuralNets.Networks;

namespace NeuralNets.Tests.Exercises;

/// <summary>The exercise checks of notebooks 07-09 (Check.Training.cs): right answers pass, wrong ones fail with a
/// reason, none throws. The checks that train on MNIST are run by the notebook tests; here they get small made-up data.</summary>
public class TrainingChecksTests
{
    private static void AssertFails(CheckResult result, string because)
    {
        Assert.False(result.Passed);
        Assert.StartsWith(CheckResult.FailMarker, result.ToString());
        Assert.Contains(because, result.Message);
    }

    /// <summary>Tiny 2 × 2 images of two classes: ink on the left is class 0, ink on the right class 1.</summary>
    private static ImageSet TwoClasses(int count)
    {
        var pixels = new byte[count * 4];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = (byte)(i % 2);
            pixels[i * 4 + labels[i]] = 255;
            pixels[i * 4 + 2 + labels[i]] = 255;
        }
        return new ImageSet(pixels, labels, 2, 2, 2, "two classes");
    }

    [Fact]
    public void Trains_to_accuracy_trains_the_learner_settings_and_refuses_wrong_shapes_and_long_runs()
    {
        var data = TwoClasses(200);
        Assert.True(Check.TrainsToAccuracy("e", new[] { 4, 5, 2 }, 3.0, 5, 10, Cost.CrossEntropy, WeightInitialisation.ScaledNormal,
            data, data, 0.95, "hint").Passed);
        AssertFails(Check.TrainsToAccuracy("e", null, 3.0, 5, 10, null, WeightInitialisation.StandardNormal, data, data, 0.95, "hint"), "not answered yet");
        AssertFails(Check.TrainsToAccuracy("e", new[] { 4, 5, 2 }, double.NaN, 5, 10, null, WeightInitialisation.StandardNormal, data, data, 0.95, "hint"), "not answered yet");
        AssertFails(Check.TrainsToAccuracy("e", new[] { 3, 5, 2 }, 3.0, 5, 10, null, WeightInitialisation.StandardNormal, data, data, 0.95, "hint"), "must start with 4 inputs");
        AssertFails(Check.TrainsToAccuracy("e", new[] { 4, 5, 2 }, 3.0, 50, 10, null, WeightInitialisation.StandardNormal, data, data, 0.95, "hint"), "more than this check will run");
        AssertFails(Check.TrainsToAccuracy("e", new[] { 4, 5, 2 }, -1.0, 1, 10, null, WeightInitialisation.StandardNormal, data, data, 0.95, "hint"), "training with these settings failed");
        AssertFails(Check.TrainsToAccuracy("e", new[] { 4, 5, 2 }, 1e-6, 1, 10, null, WeightInitialisation.StandardNormal, data, data, 1.01, "hint"), "below");
    }

    [Fact]
    public void Learning_rate_bracket_checks_order_and_width_before_training()
    {
        var data = TwoClasses(20);
        AssertFails(Check.LearningRateBracket("e", double.NaN, 40, data, data, "hint"), "not answered yet");
        AssertFails(Check.LearningRateBracket("e", 40, 20, data, data, "hint"), "must be larger");
        AssertFails(Check.LearningRateBracket("e", 10, 100, data, data, "hint"), "narrow it down");
        AssertFails(Check.LearningRateBracket("e", 0, 1, data, data, "hint"), "positive");
    }

    [Fact]
    public void Lambda_choice_must_be_the_best_of_enough_spread_values_and_match_a_fresh_measurement()
    {
        Func<double, double> accuracy = l => 0.8 + 0.05 * Math.Exp(-Math.Pow(Math.Log10(l), 2));   // best at λ = 1
        var tried = new[] { 0.01, 0.1, 1.0, 10.0 }.ToDictionary(l => l, accuracy);
        Assert.True(Check.LambdaChosenByValidation("e", tried, 1.0, accuracy, "hint").Passed);
        AssertFails(Check.LambdaChosenByValidation("e", tried, 0.1, accuracy, "hint"), "had a higher validation accuracy");
        AssertFails(Check.LambdaChosenByValidation("e", tried, 5.0, accuracy, "hint"), "not one of the values you tried");
        AssertFails(Check.LambdaChosenByValidation("e", tried.Take(3).ToDictionary(p => p.Key, p => p.Value), 1.0, accuracy, "hint"), "at least four");
        AssertFails(Check.LambdaChosenByValidation("e", new[] { 1.0, 2.0, 3.0, 4.0 }.ToDictionary(l => l, accuracy), 1.0, accuracy, "hint"), "factor of at least 100");
        var forged = new Dictionary<double, double>(tried) { [1.0] = 0.99 };
        AssertFails(Check.LambdaChosenByValidation("e", forged, 1.0, accuracy, "hint"), "but you recorded");
        AssertFails(Check.LambdaChosenByValidation("e", null, double.NaN, accuracy, "hint"), "not answered yet");
    }

    [Fact]
    public void Schedule_must_halve_eta_exactly_when_the_latest_accuracy_is_no_better_than_the_best_before()
    {
        Func<IReadOnlyList<double>, double, double> right = (a, eta) =>
            a.Count < 2 || a[^1] > a.Take(a.Count - 1).Max() ? eta : eta / 2;
        Func<IReadOnlyList<double>, double, double> comparesWithPrevious = (a, eta) =>
            a.Count < 2 || a[^1] > a[^2] ? eta : eta / 2;
        Assert.True(Check.LearningRateSchedule("e", right, null, null, "hint").Passed);
        AssertFails(Check.LearningRateSchedule("e", comparesWithPrevious, null, null, "hint"), "should return 0.25");
        AssertFails(Check.LearningRateSchedule("e", (a, eta) => eta, null, null, "hint"), "should return 0.5");
        AssertFails(Check.LearningRateSchedule("e", (a, eta) => throw new InvalidOperationException("boom"), null, null, "hint"), "boom");
        AssertFails(Check.LearningRateSchedule("e", null, null, null, "hint"), "not answered yet");
    }

    [Fact]
    public void Most_confused_pair_wants_the_top_cell_or_pair_and_exactly_its_images()
    {
        // Top cell (0 read as 1): 3 times; top pair {0, 1}: 3 + 1 = 4; {2, 0} has 2.
        var p = new List<Prediction>();
        void Add(int label, int predicted) => p.Add(new Prediction(p.Count, label, predicted, new double[3]));
        Add(0, 0); Add(0, 1); Add(1, 1); Add(0, 1); Add(2, 0); Add(1, 0); Add(0, 1); Add(2, 0); Add(2, 2);
        int[] zeroAsOne = { 1, 3, 6 };
        Assert.True(Check.MostConfusedPair("e", 0, 1, zeroAsOne, p, "hint").Passed);
        Assert.True(Check.MostConfusedPair("e", 1, 0, new[] { 5 }, p, "hint").Passed);   // the pair {0, 1} both ways: 4
        AssertFails(Check.MostConfusedPair("e", 2, 0, new[] { 4, 7 }, p, "hint"), "was read as");
        AssertFails(Check.MostConfusedPair("e", 0, 1, new[] { 1, 3 }, p, "hint"), "missing e.g. 6");
        AssertFails(Check.MostConfusedPair("e", 0, 1, new[] { 1, 3, 6, 5 }, p, "hint"), "not such an image: 5");
        AssertFails(Check.MostConfusedPair("e", 0, 1, new[] { 1, 1, 3, 6 }, p, "hint"), "more than once");
        AssertFails(Check.MostConfusedPair("e", 1, 1, zeroAsOne, p, "hint"), "right answer");
        AssertFails(Check.MostConfusedPair("e", 0, 9, zeroAsOne, p, "hint"), "classes run from 0 to 2");
        AssertFails(Check.MostConfusedPair("e", 0, 1, null, p, "hint"), "not answered yet");
    }

    [Fact]
    public void Noise_confidence_measures_fresh_noise_and_still_wants_the_digits_read()
    {
        var data = TwoClasses(10);
        var network = new Network<float>(new[] { 4, 3, 2 }, seed: 1);
        // All weights and biases very negative: every output near 0 on anything, so unsure about noise but reads nothing.
        for (int l = 0; l < 2; l++)
        {
            network.Weights(l).Fill(-5f);
            network.Biases(l).Fill(-5f);
        }
        AssertFails(Check.NoiseConfidence("e", network, data, 0.2, 0.9, "hint"), "but reads only");
        network.Biases(1).Fill(5f);   // now every output near 1: sure about noise
        AssertFails(Check.NoiseConfidence("e", network, data, 0.2, 0.4, "hint"), "on noise its chosen output averages");
        AssertFails(Check.NoiseConfidence("e", null, data, 0.2, 0.9, "hint"), "not answered yet");
    }
}
