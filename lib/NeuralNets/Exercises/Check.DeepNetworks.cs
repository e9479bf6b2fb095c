using NeuralNets.Costs;
using NeuralNets.Networks;
using NeuralNets.Training;

namespace NeuralNets.Exercises;

/// <summary>Checks for notebook 11 (why deep networks are hard to train).</summary>
public static partial class Check
{
    /// <summary>
    /// Passes if <paramref name="firstToLastRatio"/>(w, b, x) is δ¹/δᴸ for a chain of one sigmoid neuron per layer with
    /// weights w and biases b fed the input x: Π_{l=1}^{L−1} σ′(z_l) w_{l+1} (Nielsen eq. 122 without the cost's
    /// factor). The check runs backpropagation on the same chain (a [1, 1, ..., 1, 2] network) and compares, on chains
    /// with small, mixed and large weights.
    /// </summary>
    public static CheckResult VanishingGradientRatio(string exercise, Func<double[], double[], double, double>? firstToLastRatio)
    {
        const string hint = "feed x forward to get every z_l = w_l·a_{l−1} + b_l; going back one layer multiplies δ by w_{l+1} and by σ′(z_l) (BP2 for one neuron); multiply those factors for l = 1 to L − 1.";
        if (firstToLastRatio is null)
            return NotAnswered(exercise, hint);
        var random = new Random(1111);
        var chains = new List<(double[] W, double[] B, double X)>
        {
            (new[] { 0.5, -0.8, 1.2, 0.3 }, new[] { 0.1, -0.2, 0.3, 0.0 }, 1.0),
            (new[] { 2.0, 3.0, -4.0 }, new[] { -1.0, -1.5, 2.0 }, 0.5),
            (new[] { 100.0, 100.0, 100.0, 100.0, 100.0 }, new[] { -50.0, -50.0, -50.0, -50.0, -50.0 }, 0.5),   // z = 0 everywhere: factors of 25
        };
        for (int k = 0; k < 4; k++)
        {
            int length = 2 + random.Next(5);
            chains.Add((Enumerable.Range(0, length).Select(_ => random.NextDouble() * 6 - 3).ToArray(),
                        Enumerable.Range(0, length).Select(_ => random.NextDouble() * 2 - 1).ToArray(), random.NextDouble()));
        }
        foreach (var (w, b, x) in chains)
        {
            int layers = w.Length;
            // The chain, then two output neurons (the library's image sets have at least two classes); δ¹/δᴸ of the chain
            // does not depend on what comes after it.
            var network = new Network<double>(Enumerable.Repeat(1, layers + 1).Append(2).ToArray(), seed: 3);
            for (int l = 0; l < layers; l++)
            {
                network.Weights(l)[0] = w[l];
                network.Biases(l)[0] = b[l];
            }
            var batch = new MiniBatch<double>(1, 2, 1);
            batch.Load(new Data.ImageSet([(byte)Math.Round(x * 255)], [0], 1, 1, classCount: 2), 0, 1);
            double xUsed = Math.Round(x * 255) / 255;   // the image stores x as a byte
            var gradients = new Backpropagation<double>(network, 1).Backpropagate(batch, Cost.Quadratic);
            double expected = gradients.Biases(0)[0] / gradients.Biases(layers - 1)[0];
            double got;
            try
            {
                got = firstToLastRatio(w.ToArray(), b.ToArray(), xUsed);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"on a chain of {layers} neurons firstToLastRatio threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (double.IsNaN(got) || Math.Abs(got - expected) > 1e-9 * Math.Max(1, Math.Abs(expected)))
            {
                double weightsOnly = w.Skip(1).Aggregate(1.0, (p, v) => p * v);
                string why = Math.Abs(got - weightsOnly) < 1e-9 * Math.Max(1, Math.Abs(weightsOnly)) ? " That is the product of the weights alone: each step back also multiplies by σ′(z)." : "";
                return Fail(exercise, $"for w = [{string.Join(", ", w.Select(v => v.ToString("G3")))}], b = [{string.Join(", ", b.Select(v => v.ToString("G3")))}], x = {xUsed:G3} " +
                    $"you give {got:G6}, backpropagation gives δ¹/δᴸ = {expected:G6}.{why}", hint);
            }
        }
        return Pass(exercise, $"δ¹/δᴸ agrees with backpropagation on {chains.Count} chains, from shrinking to exploding.");
    }

    /// <summary>
    /// Nielsen's chapter-5 problem: passes if <paramref name="widthOf"/>(w) is the width of the set of inputs a for
    /// which |w σ′(w a + b)| ≥ 1 (for the best b it does not depend on b), compared with a fine numeric scan for
    /// weights the check picks; for |w| ≤ 4 the set is empty and the width 0.
    /// </summary>
    public static CheckResult FactorAtLeastOneWidth(string exercise, Func<double, double>? widthOf)
    {
        const string hint = "|w σ′(z)| ≥ 1 means σ′(z) ≥ 1/|w|; with σ′ = σ(1 − σ) that is a quadratic in σ, so σ lies between two roots; turn them into z = ln(σ/(1 − σ)) and divide the z-width by |w|. Below |w| = 4 there is no solution.";
        if (widthOf is null)
            return NotAnswered(exercise, hint);
        static double SigmaPrime(double z) { double s = 1 / (1 + Math.Exp(-z)); return s * (1 - s); }
        foreach (double w in new[] { 2.0, 4.5, 6.0, -8.0, 20.0, 100.0 })
        {
            // Scan z = w·a + b over a wide range: the set in z is an interval; its width in a is the z-width / |w|.
            double step = 1e-5, first = double.NaN, last = double.NaN;
            for (double z = -40; z <= 40; z += step)
                if (Math.Abs(w) * SigmaPrime(z) >= 1)
                {
                    if (double.IsNaN(first)) first = z;
                    last = z;
                }
            double expected = double.IsNaN(first) ? 0 : (last - first) / Math.Abs(w);
            double got;
            try
            {
                got = widthOf(w);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"widthOf({w}) threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (double.IsNaN(got) || Math.Abs(got - expected) > 1e-4)
                return Fail(exercise, $"for w = {w} you give a width of {got:G6}; a scan of a finds {expected:G6}.", hint);
        }
        return Pass(exercise, "your widths match a fine scan for weights from 2 to 100, negative ones included: the set where a factor reaches 1 is never wider than about 0.45, and narrow for large weights.");
    }
}
