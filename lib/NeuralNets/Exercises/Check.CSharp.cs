namespace NeuralNets.Exercises;

/// <summary>
/// Checks for notebook 00 (the C# the course uses). Each calls the learner's function on inputs the check makes up,
/// so a typed-in number or a function that ignores its input cannot pass.
/// </summary>
public static partial class Check
{
    /// <summary>
    /// Passes if <paramref name="weightedSum"/>(w, x, b) is Σⱼ wⱼxⱼ + b (notebook 01's perceptron and 02's sigmoid neuron
    /// start with it) for arrays of several lengths, negative numbers and a zero bias among them.
    /// </summary>
    public static CheckResult WeightedSumFunction(string exercise, Func<double[], double[], double, double>? weightedSum)
    {
        const string hint = "multiply the two arrays element by element, add the products up, then add b: a for loop, or w.Zip(x, (wj, xj) => wj * xj).Sum() + b.";
        if (weightedSum is null)
            return NotAnswered(exercise, hint);
        var random = new Random(4242);
        var cases = new List<(double[] W, double[] X, double B)>
        {
            (new[] { 2.0, -1.0, 0.5 }, new[] { 1.0, 3.0, 4.0 }, 0.0),
            (new[] { -0.5 }, new[] { 2.0 }, 1.5),
        };
        foreach (int length in new[] { 2, 7, 784 })
            cases.Add((Enumerable.Range(0, length).Select(_ => random.NextDouble() * 4 - 2).ToArray(),
                       Enumerable.Range(0, length).Select(_ => random.NextDouble()).ToArray(), random.NextDouble() * 6 - 3));
        foreach (var (w, x, b) in cases)
        {
            double expected = w.Zip(x, (wj, xj) => wj * xj).Sum() + b;
            double got;
            try
            {
                got = weightedSum(w, x, b);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"with {w.Length} weights weightedSum threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (double.IsNaN(got) || Math.Abs(got - expected) > 1e-9 * Math.Max(1, Math.Abs(expected)))
            {
                double withoutBias = expected - b;
                string why = b != 0 && Math.Abs(got - withoutBias) < 1e-9 * Math.Max(1, Math.Abs(withoutBias)) ? " It leaves out the bias b." : "";
                return Fail(exercise, $"for w = [{Show(w)}], x = [{Show(x)}], b = {b:G4} it gives {got:G6}, but w·x + b = {expected:G6}.{why}", hint);
            }
        }
        return Pass(exercise, $"w·x + b is right on {cases.Count} made-up neurons, from 1 to 784 inputs.");

        static string Show(double[] v) => v.Length <= 4 ? string.Join(", ", v.Select(d => d.ToString("G3"))) : $"{v.Length} numbers";
    }

    /// <summary>
    /// Passes if <paramref name="countPerDigit"/>(labels) returns ten counts, entry d holding how many labels equal d
    /// (notebook 03 counts MNIST's digits this way), on label lists the check makes up, one of them with digits missing.
    /// </summary>
    public static CheckResult CountsPerDigit(string exercise, Func<int[], int[]>? countPerDigit)
    {
        const string hint = "start from new int[10] and add one at labels[i] for every i; or with LINQ, Enumerable.Range(0, 10).Select(d => labels.Count(l => l == d)).ToArray().";
        if (countPerDigit is null)
            return NotAnswered(exercise, hint);
        var random = new Random(31);
        var lists = new[]
        {
            new[] { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5 },
            Enumerable.Range(0, 1000).Select(_ => random.Next(10)).ToArray(),
            Enumerable.Range(0, 50).Select(_ => 2 * random.Next(5)).ToArray(),   // even digits only: the odd counts are 0
            Array.Empty<int>(),
        };
        foreach (var labels in lists)
        {
            int[] expected = new int[10];
            foreach (int label in labels)
                expected[label]++;
            int[] got;
            try
            {
                got = countPerDigit((int[])labels.Clone());
            }
            catch (Exception e)
            {
                return Fail(exercise, $"on {labels.Length} labels countPerDigit threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (got is null || got.Length != 10)
                return Fail(exercise, $"on {labels.Length} labels it returned {(got is null ? "null" : $"{got.Length} counts")}; it should return 10, one per digit, zeros included.", hint);
            if (!got.SequenceEqual(expected))
                return Fail(exercise, $"on {labels.Length} labels it returned [{string.Join(", ", got)}], but the counts are [{string.Join(", ", expected)}].", hint);
        }
        return Pass(exercise, $"the counts are right on {lists.Length} made-up label lists, an empty one and one with digits missing among them.");
    }

    /// <summary>
    /// Passes if <paramref name="argMax"/>(outputs) returns the index and the value of the largest output, the first
    /// one if several are equal (how notebook 07 reads a network's answer), on output vectors the check makes up,
    /// all-negative ones included.
    /// </summary>
    public static CheckResult ArgMaxFunction(string exercise, Func<double[], (int Index, double Value)>? argMax)
    {
        const string hint = "keep the best index so far, starting at 0, and replace it only when an output is strictly larger; return (best, outputs[best]).";
        if (argMax is null)
            return NotAnswered(exercise, hint);
        var random = new Random(77);
        var cases = new List<double[]>
        {
            new[] { 0.1, 0.7, 0.2 },
            new[] { -3.0, -1.0, -2.0 },           // all negative: a best that starts at 0.0 is wrong
            new[] { 0.4, 0.9, 0.9, 0.1 },         // a tie: the first one
            new[] { 5.0 },
        };
        for (int k = 0; k < 5; k++)
            cases.Add(Enumerable.Range(0, 10).Select(_ => random.NextDouble()).ToArray());
        foreach (var outputs in cases)
        {
            int expectedIndex = 0;
            for (int j = 1; j < outputs.Length; j++)
                if (outputs[j] > outputs[expectedIndex])
                    expectedIndex = j;
            (int Index, double Value) got;
            try
            {
                got = argMax((double[])outputs.Clone());
            }
            catch (Exception e)
            {
                return Fail(exercise, $"on [{string.Join(", ", outputs.Select(v => v.ToString("G3")))}] argMax threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (got.Index != expectedIndex || got.Value != outputs[expectedIndex])
                return Fail(exercise, $"on [{string.Join(", ", outputs.Select(v => v.ToString("G3")))}] it returned ({got.Index}, {got.Value:G3}), but the largest is ({expectedIndex}, {outputs[expectedIndex]:G3}).", hint);
        }
        return Pass(exercise, $"(index, value) of the largest output is right on {cases.Count} made-up output vectors, a tie and an all-negative one among them.");
    }
}
