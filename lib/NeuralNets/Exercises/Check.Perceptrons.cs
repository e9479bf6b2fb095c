using NeuralNets.Neurons;

namespace NeuralNets.Exercises;

/// <summary>Checks for notebooks 01 (perceptrons) and 02 (sigmoid neurons).</summary>
public static partial class Check
{
    /// <summary>
    /// Passes if <paramref name="perceptron"/> has <paramref name="inputs"/> weights and computes
    /// <paramref name="expected"/> for every combination of input bits.
    /// </summary>
    public static CheckResult TruthTable(string exercise, Perceptron? perceptron, Func<int[], int> expected, int inputs, string hint)
    {
        if (perceptron is null)
            return NotAnswered(exercise, hint);
        if (perceptron.Weights.Count != inputs)
            return Fail(exercise, $"this gate has {inputs} input(s), but the perceptron has {perceptron.Weights.Count} weight(s).", hint);
        return TruthTable(exercise, bits => perceptron.Output(bits), expected, inputs, hint);
    }

    /// <summary>
    /// Nielsen's first chapter-1 exercise, done numerically. Passes if <paramref name="scale"/> multiplies a perceptron's
    /// weights and bias by c, and <paramref name="countMismatches"/>(network, c, inputs) counts the inputs on which the
    /// network scaled by c answers differently, on a network and inputs the check makes: 0 for every c &gt; 0, and the
    /// true count for c = −1, where every sign flips. A count typed in, or a function that always says 0, fails.
    /// </summary>
    public static CheckResult PerceptronScaling(string exercise, Func<Perceptron, double, Perceptron>? scale,
        Func<Perceptron[][], double, double[][], int>? countMismatches, string hint)
    {
        if (scale is null || countMismatches is null)
            return NotAnswered(exercise, hint);
        static bool Near(double actual, double expected) => Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected));
        var probe = new Perceptron([0.5, -1.5, 2.0], -0.25);
        foreach (double c in new[] { 0.5, 3.0, 1000.0, -1.0 })
        {
            Perceptron scaled;
            try
            {
                scaled = scale(probe, c);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"scale(p, {c}) threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (scaled is null)
                return Fail(exercise, $"scale(p, {c}) returned null.", hint);
            bool same = scaled.Weights.Count == probe.Weights.Count
                && Near(scaled.Bias, c * probe.Bias)
                && probe.Weights.Select((w, j) => Near(scaled.Weights[j], c * w)).All(ok => ok);
            if (!same)
                return Fail(exercise, $"scale({probe}, {c}) gave {scaled}; every weight and the bias should be multiplied by {c}.", hint);
        }

        // A network and inputs the learner has not seen: 3 inputs → 4 → 2 perceptrons.
        var random = new Random(11);
        Perceptron RandomPerceptron(int inputs) =>
            new(Enumerable.Range(0, inputs).Select(_ => 4 * random.NextDouble() - 2).ToArray(), 2 * random.NextDouble() - 1);
        Perceptron[][] network =
        [
            Enumerable.Range(0, 4).Select(_ => RandomPerceptron(3)).ToArray(),
            Enumerable.Range(0, 2).Select(_ => RandomPerceptron(4)).ToArray(),
        ];
        double[][] inputs = Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, 3).Select(_ => 2 * random.NextDouble() - 1).ToArray()).ToArray();
        int[] Run(Perceptron[][] layers, double[] input)
        {
            double[] activations = input;
            int[] outputs = [];
            foreach (var layer in layers)
            {
                outputs = layer.Select(p => p.Output(activations)).ToArray();
                activations = outputs.Select(o => (double)o).ToArray();
            }
            return outputs;
        }
        int flipped = 0;
        foreach (double c in new[] { 0.5, 3.0, 1000.0, -1.0 })
        {
            var scaledNetwork = network.Select(layer => layer.Select(p => new Perceptron(p.Weights.Select(w => c * w).ToArray(), c * p.Bias)).ToArray()).ToArray();
            int expected = inputs.Count(x => !Run(scaledNetwork, x).SequenceEqual(Run(network, x)));
            int counted;
            try
            {
                counted = countMismatches(network.Select(layer => layer.ToArray()).ToArray(), c, inputs.Select(x => (double[])x.Clone()).ToArray());
            }
            catch (Exception e)
            {
                return Fail(exercise, $"countMismatches(a 3-4-2 network, {c}, 200 inputs) threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (counted != expected)
                return Fail(exercise, $"on a 3-4-2 network of the check's, scaled by c = {c}, your countMismatches says {counted} of 200 inputs change; {expected} do.", hint);
            if (c < 0)
                flipped = expected;
        }
        return Pass(exercise, $"scale and countMismatches are right on a network of the check's: no output changes for c = 0.5, 3 or 1000, while c = −1 changes {flipped} of 200. c(w·x + b) keeps the sign of w·x + b only when c > 0.");
    }

    /// <summary>
    /// Nielsen's second chapter-1 exercise: passes if <paramref name="neuron"/>, scaled by <paramref name="c"/>,
    /// is within <paramref name="tolerance"/> of the perceptron with the same weights and bias on every input.
    /// </summary>
    public static CheckResult SigmoidMatchesPerceptron(string exercise, double? c, SigmoidNeuron neuron,
        IReadOnlyList<double[]> inputs, double tolerance, string hint)
    {
        if (c is null || double.IsNaN(c.Value))
            return NotAnswered(exercise, hint);
        if (inputs.Count == 0)
            return Fail(exercise, "there are no inputs to compare on.", hint);
        if (c.Value <= 0 || double.IsInfinity(c.Value))
            return Fail(exercise, $"c = {c.Value} is not a positive, finite number.", hint);
        var perceptron = new Perceptron(neuron.Weights, neuron.Bias);
        var scaled = neuron.Scaled(c.Value);
        double worstGap = 0, smallestZ = double.PositiveInfinity;
        double[] worstInput = inputs[0];
        foreach (var x in inputs)
        {
            double z = neuron.WeightedInput(x);
            if (z == 0)
                return Fail(exercise, $"input ({string.Join(", ", x)}) lies on the boundary w·x + b = 0, where no c helps.", hint);
            smallestZ = Math.Min(smallestZ, Math.Abs(z));
            double gap = Math.Abs(scaled.Output(x) - perceptron.Output(x));
            if (gap > worstGap)
            {
                worstGap = gap;
                worstInput = x;
            }
        }
        double needed = Math.Log((1 - tolerance) / tolerance) / smallestZ;
        return worstGap <= tolerance
            ? Pass(exercise, $"with c = {c.Value:G6} the largest gap is {worstGap:G3} (any c ≥ {needed:G4} would do).")
            : Fail(exercise, $"with c = {c.Value:G6} the output for input ({string.Join(", ", worstInput)}) is still {worstGap:G3} away from the perceptron's.", hint);
    }
}
