namespace NeuralNets.Exercises;

/// <summary>Checks for the cost and output-layer exercises of notebook 08 (improving the way networks learn).</summary>
public static partial class Check
{
    /// <summary>
    /// Passes if <paramref name="crossEntropyOf"/>(a, y) is the cross-entropy of one output, −[y ln a + (1 − y) ln(1 − a)]
    /// (Nielsen eq. 57), <paramref name="centralDifference"/>(f, w) is the central difference (f(w + h) − f(w − h)) / 2h of
    /// any function (tried on functions whose derivatives the check knows), and the two together give
    /// ∂C/∂w = x(σ(z) − y) and ∂C/∂b = σ(z) − y (eqs. 61-62) for one sigmoid neuron at weights and inputs the check
    /// makes up. A function that types in the formula instead of differentiating cannot pass the first two tests.
    /// </summary>
    public static CheckResult CrossEntropyGradientByFiniteDifferences(string exercise, Func<double, double, double>? crossEntropyOf,
        Func<Func<double, double>, double, double>? centralDifference, string hint)
    {
        if (crossEntropyOf is null || centralDifference is null)
            return NotAnswered(exercise, hint);

        static double Sigma(double z) => 1.0 / (1.0 + Math.Exp(-z));
        static double CrossEntropy(double a, double y) => -(y * Math.Log(a) + (1 - y) * Math.Log(1 - a));

        // 1. The cost itself, at outputs and desired outputs the check makes up (y between 0 and 1 too).
        foreach (var (a, y) in new[] { (0.9, 1.0), (0.9, 0.0), (0.2, 0.0), (0.35, 1.0), (0.6, 0.25), (0.05, 0.8) })
        {
            double got;
            try
            {
                got = crossEntropyOf(a, y);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"crossEntropyOf({a}, {y}) threw {e.GetType().Name}: {e.Message}", hint);
            }
            double expected = CrossEntropy(a, y);
            if (double.IsNaN(got) || Math.Abs(got - expected) > 1e-9 * Math.Max(1, expected))
            {
                string why = Math.Abs(got + expected) < 1e-9 ? " It has the wrong sign: the logarithms of numbers below 1 are negative, so the minus sign in front makes C positive."
                    : Math.Abs(got - (-y * Math.Log(a))) < 1e-9 ? " It leaves out the (1 − y) ln(1 − a) term, which is what punishes a high output when y = 0."
                    : "";
                return Fail(exercise, $"crossEntropyOf({a}, {y}) = {got:G6}, but −[y ln a + (1 − y) ln(1 − a)] = {expected:G6}.{why}", hint);
            }
        }

        // 2. The finite difference, on functions with known derivatives: it must differentiate what it is given.
        var known = new (string Name, Func<double, double> F, double W, double Slope)[]
        {
            ("w³", w => w * w * w, 1.7, 3 * 1.7 * 1.7),
            ("sin w", Math.Sin, 0.4, Math.Cos(0.4)),
            ("e^(2w)", w => Math.Exp(2 * w), -0.3, 2 * Math.Exp(-0.6)),
        };
        foreach (var (name, f, w, slope) in known)
        {
            double got;
            try
            {
                got = centralDifference(f, w);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"centralDifference on f(w) = {name} threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (double.IsNaN(got) || Math.Abs(got - slope) > 1e-6 * Math.Max(1, Math.Abs(slope)))
                return Fail(exercise,
                    $"centralDifference on f(w) = {name} at w = {w} gives {got:G8}, but the slope there is {slope:G8}" +
                    (Math.Abs(got - slope) < 1e-3 * Math.Max(1, Math.Abs(slope)) ? " (close: a one-sided difference, or a large h, is off by about h·f″/2)." : "."),
                    hint);
        }

        // 3. Together: the slope of the neuron's cost in w and in b, against eqs. (61) and (62).
        var lines = new List<string>();
        foreach (var (w0, b0, x, y) in new[] { (2.0, 2.0, 1.0, 0.0), (-1.3, 0.4, 0.7, 1.0), (0.5, -2.0, 2.5, 0.3), (3.0, -1.0, -0.8, 0.9) })
        {
            double gotW, gotB;
            try
            {
                gotW = centralDifference(w => crossEntropyOf(Sigma(w * x + b0), y), w0);
                gotB = centralDifference(b => crossEntropyOf(Sigma(w0 * x + b), y), b0);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"differentiating the neuron's cost threw {e.GetType().Name}: {e.Message}", hint);
            }
            double error = Sigma(w0 * x + b0) - y;
            if (Math.Abs(gotW - x * error) > 1e-6 || Math.Abs(gotB - error) > 1e-6)
                return Fail(exercise, $"at w = {w0}, b = {b0}, x = {x}, y = {y} the slopes are {gotW:G6} and {gotB:G6}; x(σ(z) − y) = {x * error:G6} and σ(z) − y = {error:G6}.", hint);
            lines.Add($"w = {w0}, b = {b0}, x = {x}, y = {y}: ∂C/∂w ≈ {gotW:F6} = x(σ(z) − y)");
        }
        return Pass(exercise, "the finite differences of your cost equal x(σ(z) − y) and σ(z) − y, with no σ′ in sight (" + string.Join("; ", lines) + ").");
    }

    /// <summary>
    /// Passes if <paramref name="softmax"/> computes e^(z_j) / Σ_k e^(z_k) correctly, including for inputs such as
    /// (1000, 1001, 1002) where the formula taken literally overflows (notebook 08).
    /// </summary>
    public static CheckResult StableSoftmax(string exercise, Func<double[], double[]>? softmax)
    {
        const string hint = "the result does not change when the same number is subtracted from every z; which number keeps every exponent at most 0?";
        if (softmax is null)
            return NotAnswered(exercise, hint);

        double[][] cases =
        [
            [1.0, 2.0, 3.0],
            [2.5, -1.0, 3.2, 0.5],
            [0.0, 0.0],
            [5.0],
            [-3.0, 7.0, 0.0, 1.0, -1.0],
            [1000.0, 1001.0, 1002.0],
            [-1000.0, -1000.0, -999.0],
        ];
        foreach (var z in cases)
        {
            double largest = z.Max();
            var e = z.Select(v => Math.Exp(v - largest)).ToArray();
            double total = e.Sum();
            var expected = e.Select(v => v / total).ToArray();
            string input = $"({string.Join(", ", z)})";
            double[] got;
            try
            {
                got = softmax((double[])z.Clone());
            }
            catch (Exception ex)
            {
                return Fail(exercise, $"for z = {input} it threw {ex.GetType().Name}: {ex.Message}", hint);
            }
            if (got is null)
                return Fail(exercise, $"for z = {input} it returned null.", hint);
            if (got.Length != z.Length)
                return Fail(exercise, $"for z = {input} it returned {got.Length} values instead of {z.Length}.", hint);
            if (got.Any(double.IsNaN) || got.Any(double.IsInfinity))
                return Fail(exercise, $"for z = {input} it returned ({string.Join(", ", got)}): e^z overflowed.", hint);
            for (int j = 0; j < z.Length; j++)
                if (Math.Abs(got[j] - expected[j]) > 1e-12)
                    return Fail(exercise, $"for z = {input}, output {j} is {got[j]:G6}, but softmax gives {expected[j]:G6}.",
                        "the outputs are e^(z_j) divided by the sum of all e^(z_k); " + hint);
        }
        return Pass(exercise, $"right on all {cases.Length} test vectors, including (1000, 1001, 1002).");
    }
}
