using NeuralNets.Costs;
using NeuralNets.Data;
using NeuralNets.Networks;
using NeuralNets.Training;

namespace NeuralNets.Exercises;

/// <summary>Checks for the exercises of notebook 04 (cost functions).</summary>
public static partial class Check
{
    /// <summary>
    /// Passes if <paramref name="quadraticCostOf"/>(a, y) returns Nielsen's C_x = ½‖y − a‖² = ½ Σ_j (a_j − y_j)² for
    /// output vectors the check makes up (of several lengths, with y not always one-hot), so a typed number or a
    /// function that ignores one of its inputs fails. A wrong answer is named: no ½, no square, a square root.
    /// </summary>
    public static CheckResult QuadraticCostFunction(string exercise, Func<double[], double[], double>? quadraticCostOf)
    {
        const string hint = "go through the outputs j, take a_j − y_j, square it and add the squares up; Nielsen's C_x is half of that sum.";
        if (quadraticCostOf is null)
            return NotAnswered(exercise, hint);

        var random = new Random(404);
        var cases = new List<(double[] A, double[] Y)>
        {
            ([0.2, 0.9, 0.1, 0.3], [0, 1, 0, 0]),
            ([0.5], [0.5]),
        };
        foreach (int length in new[] { 10, 3, 7, 10 })
        {
            var a = Enumerable.Range(0, length).Select(_ => random.NextDouble()).ToArray();
            var y = new double[length];
            y[random.Next(length)] = 1;
            cases.Add((a, y));
        }
        cases.Add(([0.9, 0.4, 0.6], [0.25, 0.5, 0.75]));    // desired outputs need not be 0 or 1

        foreach (var (a, y) in cases)
        {
            double sum = 0, absolute = 0, signed = 0;
            for (int j = 0; j < a.Length; j++)
            {
                double d = a[j] - y[j];
                sum += d * d;
                absolute += Math.Abs(d);
                signed += d;
            }
            double expected = sum / 2;
            string input = $"a = ({string.Join(", ", a.Select(v => v.ToString("0.###")))}), y = ({string.Join(", ", y.Select(v => v.ToString("0.###")))})";
            double got;
            try
            {
                got = quadraticCostOf((double[])a.Clone(), (double[])y.Clone());
            }
            catch (Exception e)
            {
                return Fail(exercise, $"for {input} it threw {e.GetType().Name}: {e.Message}", hint);
            }
            bool Near(double value) => Math.Abs(got - value) <= 1e-9 * Math.Max(1, Math.Abs(value));
            if (Near(expected))
                continue;
            string why = Near(sum) ? "that is Σ(a_j − y_j)², 3Blue1Brown's cost; Nielsen's C_x has a factor ½ in front."
                : Near(absolute / 2) || Near(absolute) ? "that adds |a_j − y_j| without squaring."
                : Near(signed / 2) || Near(signed) ? "that adds a_j − y_j without squaring: misses in opposite directions cancel."
                : Near(Math.Sqrt(sum) / 2) ? "that is half the length ‖y − a‖, not half its square."
                : $"it returns {got:G6}.";
            return Fail(exercise, $"for {input}, C_x = ½‖y − a‖² = {expected:G6}, but {why}", hint);
        }
        return Pass(exercise, $"½‖y − a‖² is right on all {cases.Count} output vectors the check made up (for the exercise's a: {cases[0].A.Zip(cases[0].Y, (p, q) => (p - q) * (p - q)).Sum() / 2:G4}).");
    }

    /// <summary>
    /// Passes if <paramref name="slopeOf"/>(k), the learner's finite-difference slope of the cost along parameter k,
    /// matches backpropagation's ∂C/∂p_k for parameters the check picks (in the order of the notebook's
    /// <c>GetParameters</c>: weights, then biases, layer by layer), and if the prediction
    /// <paramref name="predictedBiasSlopeSign"/> (+1 or −1) of the sign of ∂C/∂b for the output neuron of digit
    /// <paramref name="digit"/>, made before running, is right. C is the average quadratic cost of
    /// <paramref name="network"/> over <paramref name="data"/> (notebook 04, exercise 2).
    /// </summary>
    public static CheckResult CostSlopeByFiniteDifferences(string exercise, Func<int, double>? slopeOf, int? predictedBiasSlopeSign,
        Network<double>? network, ImageSet? data, string hint, int digit = 3)
    {
        if (slopeOf is null || predictedBiasSlopeSign is null)
            return NotAnswered(exercise, hint);
        if (network is null || data is null)
            return Fail(exercise, "the check needs the network and the images C is measured on.", hint);
        if (predictedBiasSlopeSign is not (1 or -1))
            return Fail(exercise, $"predictedBiasSlopeSign should be +1 (raising the bias raises C) or −1 (it lowers C); got {predictedBiasSlopeSign}.", hint);

        // Backpropagation's gradient of the average cost, summed chunk by chunk and divided by n.
        var backprop = new Backpropagation<double>(network, Math.Min(500, data.Count));
        var batch = new MiniBatch<double>(network.InputSize, network.OutputSize, backprop.Capacity);
        double[]? gradient = null;
        for (int start = 0; start < data.Count; start += backprop.Capacity)
        {
            batch.Load(data, start, Math.Min(backprop.Capacity, data.Count - start));
            var part = backprop.Backpropagate(batch, Cost.Quadratic).Flatten();
            gradient ??= new double[part.Length];
            for (int i = 0; i < part.Length; i++)
                gradient[i] += part[i] / data.Count;
        }

        // Parameters to try: the bias of the digit's output neuron, a few weights into the outputs and the hidden
        // layers (picked by a seeded generator, so not known in advance), and a weight from a pixel that is always blank.
        int OffsetOf(int layer) => Enumerable.Range(0, layer).Sum(l => network.Weights(l).Length + network.Biases(l).Length);
        int last = network.LayerCount - 2;
        int biasIndex = OffsetOf(last) + network.Weights(last).Length + digit;
        var random = new Random(2024);
        var indices = new List<int> { biasIndex, 0 };
        for (int l = last; l >= 0 && indices.Count < 6; l--)
            indices.Add(OffsetOf(l) + random.Next(network.Weights(l).Length));
        indices.Add(OffsetOf(last) + random.Next(network.Weights(last).Length + network.Biases(last).Length));

        var lines = new List<string>();
        foreach (int k in indices)
        {
            double got;
            try
            {
                got = slopeOf(k);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"slopeOf({k}) threw {e.GetType().Name}: {e.Message}", hint);
            }
            double expected = gradient![k];
            if (double.IsNaN(got) || Math.Abs(got - expected) > 1e-6 * Math.Max(1, Math.Abs(expected)) + 1e-8)
                return Fail(exercise, $"slopeOf({k}) = {got:G6}, but backpropagation gives ∂C/∂p_{k} = {expected:G6}.", hint);
            lines.Add($"p_{k}: {got:G4}");
        }

        double biasSlope = gradient![biasIndex];
        int sign = Math.Sign(biasSlope);
        if (sign != predictedBiasSlopeSign)
        {
            double share = Enumerable.Range(0, data.Count).Count(i => data.Label(i) == digit) / (double)data.Count;
            return Fail(exercise,
                $"your slopes are right, but the prediction was not: ∂C/∂b for digit {digit}'s output is {biasSlope:G4}, so raising that bias " +
                $"{(sign > 0 ? "raises" : "lowers")} the cost. Only {share:P0} of the images are {digit}s; on the rest that output should be 0.",
                "compare what the output neuron says, on average over the images, with what it should say on average.");
        }
        return Pass(exercise,
            $"your finite differences match backpropagation on {indices.Count} parameters ({string.Join("; ", lines)}), " +
            $"and you predicted the sign of ∂C/∂b for digit {digit} ({biasSlope:G4}) right.");
    }
}
