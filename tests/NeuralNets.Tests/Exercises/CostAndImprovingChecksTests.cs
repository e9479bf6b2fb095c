using NeuralNets.Costs;
using NeuralNets.Data;
using NeuralNets.Evaluation;
using NeuralNets.Exercises;
using NeuralNets.Networks;

namespace NeuralNets.Tests.Exercises;

/// <summary>The exercise checks of notebooks 04 (Check.Costs.cs) and 08 (Check.Improving.cs, and the λ choice of
/// Check.Training.cs): a right answer passes, a wrong one fails with the reason and the hint, a gamed one fails.</summary>
public class CostAndImprovingChecksTests
{
    private static double Sigma(double z) => 1 / (1 + Math.Exp(-z));

    // ---- notebook 04, exercise 1 ----

    [Fact]
    public void Quadratic_cost_function_passes_when_right_and_names_the_mistake_otherwise()
    {
        Func<double[], double[], double> right = (a, y) => a.Zip(y, (p, q) => (p - q) * (p - q)).Sum() / 2;
        Assert.True(Check.QuadraticCostFunction("e", right).Passed);

        CheckAssert.Fails(Check.QuadraticCostFunction("e", (a, y) => a.Zip(y, (p, q) => (p - q) * (p - q)).Sum()), "factor ½");
        CheckAssert.Fails(Check.QuadraticCostFunction("e", (a, y) => a.Zip(y, (p, q) => Math.Abs(p - q)).Sum() / 2), "without squaring");
        CheckAssert.Fails(Check.QuadraticCostFunction("e", (a, y) => Math.Sqrt(a.Zip(y, (p, q) => (p - q) * (p - q)).Sum()) / 2), "not half its square");
        CheckAssert.Fails(Check.QuadraticCostFunction("e", null), "not answered yet");
    }

    [Fact]
    public void Quadratic_cost_function_that_is_gamed_fails()
    {
        // The exercise's own answer typed in, and a function that assumes y is one-hot at index 1 as in the exercise.
        CheckAssert.Fails(Check.QuadraticCostFunction("e", (a, y) => 0.075), "it returns 0.075");
        CheckAssert.Fails(Check.QuadraticCostFunction("e", (a, y) => a.Select((v, j) => j == 1 ? (v - 1) * (v - 1) : v * v).Sum() / 2), "C_x = ½‖y − a‖²");
        CheckAssert.Fails(Check.QuadraticCostFunction("e", (a, y) => throw new InvalidOperationException("boom")), "threw InvalidOperationException");
    }

    // ---- notebook 04, exercise 2 ----

    /// <summary>Tiny 3 × 3 images of four classes, with fixed random ink.</summary>
    private static ImageSet FourClasses(int count)
    {
        var random = new Random(3);
        var pixels = new byte[count * 9];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = (byte)random.Next(4);
            for (int k = 1; k < 9; k++)   // pixel 0 stays blank, as MNIST's corner does
                pixels[i * 9 + k] = (byte)random.Next(256);
        }
        return new ImageSet(pixels, labels, 3, 3, 4, "four classes");
    }

    private static double[] Parameters(Network<double> network) =>
        Enumerable.Range(0, network.LayerCount - 1).SelectMany(l => network.Weights(l).ToArray().Concat(network.Biases(l).ToArray())).ToArray();

    private static void SetParameters(Network<double> network, double[] p)
    {
        int k = 0;
        for (int l = 0; l < network.LayerCount - 1; l++)
        {
            var w = network.Weights(l);
            for (int i = 0; i < w.Length; i++) w[i] = p[k++];
            var b = network.Biases(l);
            for (int i = 0; i < b.Length; i++) b[i] = p[k++];
        }
    }

    /// <summary>The notebook's set-up: C(q) on a copy of the network, and the learner's central difference along p_k.</summary>
    private static (Network<double> Network, ImageSet Data, Func<int, double> Slope, int RightSign) SlopeExercise(int seed)
    {
        var network = new Network<double>([9, 5, 4], seed: seed);
        var data = FourClasses(60);
        var copy = network.Clone();
        var evaluator = new Evaluator<double>(copy);
        double C(double[] q) { SetParameters(copy, q); return evaluator.Cost(data, Cost.Quadratic); }
        var p = Parameters(network);
        Func<int, double> slope = k =>
        {
            var up = (double[])p.Clone(); up[k] += 1e-5;
            var down = (double[])p.Clone(); down[k] -= 1e-5;
            return (C(up) - C(down)) / 2e-5;
        };
        int biasIndex = 9 * 5 + 5 + 5 * 4 + 3;
        return (network, data, slope, Math.Sign(slope(biasIndex)));
    }

    [Fact]
    public void Cost_slope_passes_with_finite_differences_and_the_right_prediction()
    {
        var (network, data, slope, sign) = SlopeExercise(seed: 1);
        var result = Check.CostSlopeByFiniteDifferences("e", slope, sign, network, data, "hint");
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void Cost_slope_fails_on_a_wrong_prediction_a_wrong_difference_or_a_gamed_function()
    {
        var (network, data, slope, sign) = SlopeExercise(seed: 1);
        CheckAssert.Fails(Check.CostSlopeByFiniteDifferences("e", slope, -sign, network, data, "hint"), "the prediction was not");
        CheckAssert.Fails(Check.CostSlopeByFiniteDifferences("e", slope, 0, network, data, "hint"), "should be +1");
        CheckAssert.Fails(Check.CostSlopeByFiniteDifferences("e", slope, null, network, data, "hint"), "not answered yet");
        CheckAssert.Fails(Check.CostSlopeByFiniteDifferences("e", k => slope(k) / 2, sign, network, data, "hint"), "backpropagation gives");   // divided by 4h
        CheckAssert.Fails(Check.CostSlopeByFiniteDifferences("e", k => 0.0, sign, network, data, "hint"), "backpropagation gives");         // a typed constant
        CheckAssert.Fails(Check.CostSlopeByFiniteDifferences("e", k => slope(7), sign, network, data, "hint"), "backpropagation gives");    // ignores k
    }

    // ---- notebook 08, exercise 1 ----

    private static readonly Func<double, double, double> RightCrossEntropy = (a, y) => -(y * Math.Log(a) + (1 - y) * Math.Log(1 - a));
    private static readonly Func<Func<double, double>, double, double> RightDifference = (f, w) => (f(w + 1e-5) - f(w - 1e-5)) / 2e-5;

    [Fact]
    public void Cross_entropy_gradient_passes_with_a_real_finite_difference()
    {
        var result = Check.CrossEntropyGradientByFiniteDifferences("e", RightCrossEntropy, RightDifference, "hint");
        Assert.True(result.Passed, result.ToString());
        Assert.Contains("x(σ(z) − y)", result.Message);
    }

    [Fact]
    public void Cross_entropy_gradient_fails_on_a_wrong_cost_or_a_one_sided_difference()
    {
        CheckAssert.Fails(Check.CrossEntropyGradientByFiniteDifferences("e", (a, y) => y * Math.Log(a) + (1 - y) * Math.Log(1 - a), RightDifference, "hint"), "wrong sign");
        CheckAssert.Fails(Check.CrossEntropyGradientByFiniteDifferences("e", (a, y) => -y * Math.Log(a), RightDifference, "hint"), "leaves out the (1 − y) ln(1 − a) term");
        CheckAssert.Fails(Check.CrossEntropyGradientByFiniteDifferences("e", RightCrossEntropy, (f, w) => (f(w + 1e-4) - f(w)) / 1e-4, "hint"), "one-sided");
        CheckAssert.Fails(Check.CrossEntropyGradientByFiniteDifferences("e", null, RightDifference, "hint"), "not answered yet");
    }

    [Fact]
    public void Cross_entropy_gradient_typed_in_instead_of_differentiated_fails()
    {
        // The answer σ(z) − y typed in: a "difference" that ignores f cannot know which function it is given.
        CheckAssert.Fails(Check.CrossEntropyGradientByFiniteDifferences("e", RightCrossEntropy, (f, w) => Sigma(w) - 0, "hint"), "centralDifference on f(w) = w³");
        CheckAssert.Fails(Check.CrossEntropyGradientByFiniteDifferences("e", RightCrossEntropy, (f, w) => 0.0, "hint"), "centralDifference on f(w) = w³");
        // A cost that ignores y (right only for y = 1) is caught on the made-up outputs.
        CheckAssert.Fails(Check.CrossEntropyGradientByFiniteDifferences("e", (a, y) => -Math.Log(a), RightDifference, "hint"), "crossEntropyOf(0.9, 0)");
    }

    // ---- notebook 08, exercise 2 ----

    [Fact]
    public void Stable_softmax_passes_when_it_subtracts_the_largest_z_and_fails_when_it_overflows_or_ignores_the_input()
    {
        Func<double[], double[]> stable = z => { double m = z.Max(); var e = z.Select(v => Math.Exp(v - m)).ToArray(); return e.Select(v => v / e.Sum()).ToArray(); };
        Func<double[], double[]> literal = z => { var e = z.Select(Math.Exp).ToArray(); return e.Select(v => v / e.Sum()).ToArray(); };
        Assert.True(Check.StableSoftmax("e", stable).Passed);
        CheckAssert.Fails(Check.StableSoftmax("e", literal), "overflowed");
        CheckAssert.Fails(Check.StableSoftmax("e", z => z.Select(_ => 1.0 / z.Length).ToArray()), "but softmax gives");
        CheckAssert.Fails(Check.StableSoftmax("e", null), "not answered yet");
    }

    // ---- notebook 08, exercise 3 ----

    [Fact]
    public void Lambda_choice_re_measures_every_value_tried_so_none_can_be_made_up()
    {
        Func<double, double> accuracy = l => 0.8 + 0.05 * Math.Exp(-Math.Pow(Math.Log10(l), 2));   // best at λ = 1
        var tried = new[] { 0.01, 0.1, 1.0, 10.0 }.ToDictionary(l => l, accuracy);
        Assert.True(Check.LambdaChosenByValidation("e", tried, 1.0, accuracy, "hint").Passed);
        // Gamed: a made-up low accuracy for λ = 0.1 that is not the chosen one.
        var forged = new Dictionary<double, double>(tried) { [10.0] = 0.1 };
        CheckAssert.Fails(Check.LambdaChosenByValidation("e", forged, 1.0, accuracy, "hint"), "λ = 10 measures");
        CheckAssert.Fails(Check.LambdaChosenByValidation("e", tried, 10.0, accuracy, "hint"), "had a higher validation accuracy");
    }
}
