using MathNet.Numerics.LinearAlgebra;
using NeuralNets.GradientChecking;
using NeuralNets.Networks;

namespace NeuralNets.Exercises;

/// <summary>Checks for the exercises of notebook 06 (backpropagation).</summary>
public static partial class Check
{
    /// <summary>
    /// Computes the learner's gradient with <paramref name="computeGradient"/> and passes if it agrees with
    /// <paramref name="reference"/> (typically a finite-difference gradient) to a relative error
    /// ‖g − g̃‖ / (‖g‖ + ‖g̃‖) of at most <paramref name="maxRelativeError"/>.
    /// </summary>
    /// <param name="exercise">Which exercise, for the verdict.</param>
    /// <param name="computeGradient">Computes the learner's gradient (flattened like Gradients.Flatten); null: not answered.</param>
    /// <param name="reference">The trusted gradient in the same order.</param>
    /// <param name="maxRelativeError">The largest relative error that still passes (about 1e-6 in double precision).</param>
    /// <param name="hint">What to try if it does not pass.</param>
    public static CheckResult GradientMatches(string exercise, Func<double[]>? computeGradient, IReadOnlyList<double>? reference,
        double maxRelativeError, string hint)
    {
        if (computeGradient is null)
            return NotAnswered(exercise, hint);
        var (result, problem) = CompareGradient(computeGradient, reference);
        if (problem is not null)
            return Fail(exercise, problem, hint);
        return result!.RelativeError <= maxRelativeError
            ? Pass(exercise, $"your gradient agrees with finite differences: relative error {result.RelativeError:E1} over {reference!.Count} parameters.")
            : Fail(exercise, $"relative error {result.RelativeError:E1} against finite differences (should be below {maxRelativeError:E0}); the largest difference is at parameter {result.WorstParameter}.", hint);
    }

    /// <summary>
    /// The check of notebook 06's planted-bug exercise: the bug is a missing ⊙σ′(zˡ) in BP2. Passes if
    /// <paramref name="buggyEquation"/> names BP2 and the gradient of <paramref name="fixedGradient"/> agrees with
    /// <paramref name="reference"/> (finite differences on another network).
    /// </summary>
    public static CheckResult PlantedBug(string exercise, string? buggyEquation, Func<double[]>? fixedGradient, IReadOnlyList<double>? reference)
    {
        const string hint = "run LayerErrors on BuggyBackprop's gradient: which layers agree with finite differences, and where do the errors start? Then compare that step of the code with its equation.";
        if (string.IsNullOrWhiteSpace(buggyEquation) && fixedGradient is null)
            return NotAnswered(exercise, hint);
        string named = new string((buggyEquation ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (named.Length == 0)
            return Fail(exercise, "buggyEquation is not set: name the equation (\"BP1\", \"BP2\", \"BP3\" or \"BP4\").", hint);
        switch (named)
        {
            case "BP2":
                break;
            case "BP1":
                return Fail(exercise, "not BP1: if the output error δᴸ were wrong, the output layer's gradients would be wrong too, and they agree with finite differences.", hint);
            case "BP3":
            case "BP4":
                return Fail(exercise, $"not {named}: it is used for every layer, the output layer included, and the output layer's gradients are right. The errors start one layer back.", hint);
            default:
                return Fail(exercise, $"\"{buggyEquation}\" is not one of BP1, BP2, BP3, BP4.", hint);
        }
        const string fixHint = "BP2 is δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ): compare each factor with the buggy line, and remember that zs[l − 1] holds the z of the layer δ moves into.";
        if (fixedGradient is null)
            return Fail(exercise, "BP2 is right. Now set fixedBackprop to a corrected version.", fixHint);
        var (result, problem) = CompareGradient(fixedGradient, reference);
        if (problem is not null)
            return Fail(exercise, "BP2 is right, but the fixed version: " + problem, fixHint);
        return result!.RelativeError <= 1e-6
            ? Pass(exercise, $"BP2 it was, and your fixed version agrees with finite differences on a fresh network (relative error {result.RelativeError:E1}).")
            : Fail(exercise, $"BP2 is right, but the fixed version still disagrees with finite differences (relative error {result.RelativeError:E1}).", fixHint);
    }

    /// <summary>
    /// The check of notebook 06's BP1 exercise: <paramref name="bp1"/>(∇ₐC, zᴸ) must return δᴸ = ∇ₐC ⊙ σ′(zᴸ).
    /// On fresh sigmoid networks and fresh inputs, for three costs (quadratic, a quartic one and a log cost the learner
    /// has not seen), it compares the answer with finite differences: nudging the output bias bᴸⱼ nudges zᴸⱼ by the
    /// same amount, so (C(bᴸⱼ + h) − C(bᴸⱼ − h)) / 2h is δᴸⱼ.
    /// </summary>
    /// <param name="exercise">Which exercise, for the verdict.</param>
    /// <param name="bp1">The learner's (∇ₐC, zᴸ) ↦ δᴸ (null: not answered).</param>
    public static CheckResult OutputErrorBP1(string exercise,
        Func<MathNet.Numerics.LinearAlgebra.Vector<double>, MathNet.Numerics.LinearAlgebra.Vector<double>, MathNet.Numerics.LinearAlgebra.Vector<double>>? bp1)
    {
        const string hint = "C depends on zᴸⱼ only through aᴸⱼ = σ(zᴸⱼ). By the chain rule, ∂C/∂zᴸⱼ is (how C responds to aᴸⱼ) times (how aᴸⱼ responds to zᴸⱼ).";
        if (bp1 is null)
            return NotAnswered(exercise, hint);

        var build = MathNet.Numerics.LinearAlgebra.Vector<double>.Build;
        static double Sigma(double z) => 1.0 / (1.0 + Math.Exp(-z));
        // Three costs of the output a for target y, with their gradients ∇ₐC.
        var costs = new (string Name, Func<double[], double[], double> C, Func<double[], double[], double[]> Grad)[]
        {
            ("quadratic ½‖a − y‖²", (a, y) => 0.5 * a.Zip(y, (p, q) => (p - q) * (p - q)).Sum(),
                (a, y) => a.Zip(y, (p, q) => p - q).ToArray()),
            ("quartic Σ (j + 1)(aⱼ − yⱼ)⁴ / 4", (a, y) => a.Select((p, j) => (j + 1) * Math.Pow(p - y[j], 4) / 4).Sum(),
                (a, y) => a.Select((p, j) => (j + 1) * Math.Pow(p - y[j], 3)).ToArray()),
            ("log cost −Σ yⱼ ln aⱼ", (a, y) => -a.Select((p, j) => y[j] * Math.Log(p)).Sum(),
                (a, y) => a.Select((p, j) => -y[j] / p).ToArray()),
        };
        var sizes = new[] { new[] { 5, 4, 3 }, new[] { 3, 6, 5, 4 }, new[] { 6, 3 } };
        double worst = 0;
        for (int n = 0; n < sizes.Length; n++)
        {
            var network = new Network<double>(sizes[n], seed: 9000 + n);
            var random = new Random(300 + n);
            double[] x = Enumerable.Range(0, sizes[n][0]).Select(_ => random.NextDouble()).ToArray();
            double[] y = Enumerable.Range(0, sizes[n][^1]).Select(_ => 0.1 + 0.8 * random.NextDouble()).ToArray();
            int L = network.LayerCount - 1;

            // The forward pass, keeping zᴸ.
            double[] a = x, zL = [];
            for (int l = 0; l < L; l++)
            {
                var w = network.WeightMatrix(l);
                zL = (w * build.DenseOfArray(a) + network.BiasVector(l)).ToArray();
                a = zL.Select(Sigma).ToArray();
            }
            double[] aL = a;

            foreach (var (name, cost, grad) in costs)
            {
                // Finite differences through the network: nudge each output bias by ±h.
                const double h = 1e-6;
                var numeric = new double[zL.Length];
                for (int j = 0; j < zL.Length; j++)
                {
                    double saved = network.Biases(L - 1)[j];
                    network.Biases(L - 1)[j] = saved + h;
                    double up = cost(network.FeedForward(x), y);
                    network.Biases(L - 1)[j] = saved - h;
                    double down = cost(network.FeedForward(x), y);
                    network.Biases(L - 1)[j] = saved;
                    numeric[j] = (up - down) / (2 * h);
                }

                double[] gradA = grad(aL, y);
                double[] got;
                try
                {
                    got = bp1(build.DenseOfArray(gradA), build.DenseOfArray(zL))?.ToArray()!;
                }
                catch (Exception e)
                {
                    return Fail(exercise, $"bp1 threw {e.GetType().Name}: {e.Message}", hint);
                }
                if (got is null)
                    return Fail(exercise, "bp1 returned null.", hint);
                if (got.Length != numeric.Length)
                    return Fail(exercise, $"bp1 returned {got.Length} numbers for an output layer of {numeric.Length} neurons.", hint);
                var result = GradientCheckResult.From(got, numeric);
                if (double.IsNaN(result.RelativeError) || result.RelativeError > 1e-6)
                {
                    string where = $"for the {name} on a [{string.Join(", ", sizes[n])}] network";
                    double[] sigmaPrime = zL.Select(z => Sigma(z) * (1 - Sigma(z))).ToArray();
                    string why = Matches(got, gradA) ? " Your δᴸ equals ∇ₐC: how fast does aᴸ respond to zᴸ?"
                        : Matches(got, sigmaPrime) ? " Your δᴸ equals σ′(zᴸ): it leaves out how much the cost cares about each output."
                        : Matches(got, aL.Zip(y, (p, q) => (p - q)).Zip(sigmaPrime, (d, s) => d * s).ToArray()) ? " Your δᴸ is the quadratic cost's: use the ∇ₐC you are given, whatever the cost."
                        : "";
                    return Fail(exercise, $"{where} your δᴸ is ({Show(got)}), finite differences give ({Show(numeric)}).{why}", hint);
                }
                worst = Math.Max(worst, result.RelativeError);
            }
        }
        return Pass(exercise, $"on three fresh networks and three costs, your δᴸ agrees with finite differences through the output biases (largest relative error {worst:E1}).");

        static bool Matches(double[] p, double[] q) => p.Length == q.Length && GradientCheckResult.From(p, q).RelativeError < 1e-6;
        static string Show(double[] v) => string.Join(", ", v.Select(x => x.ToString("G4")));
    }

    private static (GradientCheckResult? Result, string? Problem) CompareGradient(Func<double[]> compute, IReadOnlyList<double>? reference)
    {
        if (reference is null)
            return (null, "the check has no reference gradient to compare with.");
        double[] gradient;
        try
        {
            gradient = compute();
        }
        catch (Exception e)
        {
            return (null, $"computing the gradient threw {e.GetType().Name}: {e.Message}");
        }
        if (gradient is null)
            return (null, "the gradient came back null.");
        if (gradient.Length != reference.Count)
            return (null, $"the gradient has {gradient.Length} entries; the network has {reference.Count} parameters.");
        if (gradient.Any(g => double.IsNaN(g) || double.IsInfinity(g)))
            return (null, "the gradient contains NaN or infinite entries.");
        return (GradientCheckResult.From(gradient, reference), null);
    }
}
