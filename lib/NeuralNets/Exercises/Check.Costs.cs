namespace NeuralNets.Exercises;

/// <summary>Checks for the exercises of notebook 04 (cost functions).</summary>
public static partial class Check
{
    /// <summary>
    /// Passes if <paramref name="sumOfSquares"/> is Σ_j (a_j − y_j)² (3Blue1Brown's cost) and
    /// <paramref name="halfSquaredLength"/> is ½‖y − a‖² (Nielsen's C_x) for the given outputs.
    /// </summary>
    public static CheckResult QuadraticCost(string exercise, IReadOnlyList<double> a, IReadOnlyList<double> y,
        double? sumOfSquares, double? halfSquaredLength)
    {
        const string hint = "for each output take a_j − y_j, square it, and add the squares; Nielsen's cost is half of that sum.";
        if (sumOfSquares is null || double.IsNaN(sumOfSquares.Value) || halfSquaredLength is null || double.IsNaN(halfSquaredLength.Value))
            return NotAnswered(exercise, hint);
        if (a is null || y is null || a.Count != y.Count)
            return Fail(exercise, "the outputs a and y given to the check do not match.", hint);

        double expectedSum = 0, sumOfDifferences = 0, sumOfAbsolute = 0;
        for (int j = 0; j < a.Count; j++)
        {
            double d = a[j] - y[j];
            expectedSum += d * d;
            sumOfDifferences += d;
            sumOfAbsolute += Math.Abs(d);
        }
        const double tolerance = 1e-9;
        bool Near(double value, double target) => Math.Abs(value - target) <= tolerance;

        if (!Near(sumOfSquares.Value, expectedSum))
        {
            string why = Near(sumOfSquares.Value, sumOfAbsolute) ? "that is the sum of |a_j − y_j|, without squaring."
                : Near(sumOfSquares.Value, sumOfDifferences) ? "that is the sum of a_j − y_j: without squaring, misses in opposite directions cancel."
                : Near(sumOfSquares.Value, expectedSum / 2) ? "that is already halved: 3Blue1Brown's cost has no ½."
                : $"sumOfSquares = {sumOfSquares.Value:G6} is not Σ(a_j − y_j)².";
            return Fail(exercise, why, hint);
        }
        if (!Near(halfSquaredLength.Value, expectedSum / 2))
        {
            string why = Near(halfSquaredLength.Value, expectedSum) ? "halfSquaredLength equals the full sum: Nielsen's C_x has a factor ½."
                : Near(halfSquaredLength.Value, Math.Sqrt(expectedSum) / 2) ? "that is half the length ‖y − a‖, not half its square."
                : $"halfSquaredLength = {halfSquaredLength.Value:G6} is not ½‖y − a‖².";
            return Fail(exercise, why, hint);
        }
        return Pass(exercise, $"Σ(a − y)² = {expectedSum:G6} and ½‖y − a‖² = {expectedSum / 2:G6}.");
    }

    /// <summary>
    /// Passes if <paramref name="costOfZ"/> is the cross-entropy C(σ(z)) for desired output <paramref name="y"/> and
    /// <paramref name="numericSlopes"/> holds its slopes at <paramref name="zs"/>, which must equal σ(z) − y.
    /// </summary>
    public static CheckResult CrossEntropySlopes(string exercise, Func<double, double>? costOfZ, double y,
        IReadOnlyList<double> zs, IReadOnlyList<double>? numericSlopes)
    {
        const string hint = "costOfZ should return the cross-entropy of a = σ(z) against desiredY (Sigma and CrossEntropyCostOf help); a slope is (costOfZ(z + h) − costOfZ(z − h)) / (2h) with h ≈ 1e-5.";
        if (costOfZ is null || numericSlopes is null || numericSlopes.Any(double.IsNaN))
            return NotAnswered(exercise, hint);
        if (zs is null || numericSlopes.Count != zs.Count)
            return Fail(exercise, $"numericSlopes has {numericSlopes.Count} values; there are {zs?.Count ?? 0} values of z.", hint);

        static double Sigma(double z) => 1.0 / (1.0 + Math.Exp(-z));
        static double CrossEntropy(double a, double y) =>
            -((y == 0 ? 0 : y * Math.Log(a)) + (y == 1 ? 0 : (1 - y) * Math.Log(1 - a)));

        for (int i = 0; i < zs.Count; i++)
        {
            double z = zs[i], expectedCost = CrossEntropy(Sigma(z), y);
            double cost;
            try
            {
                cost = costOfZ(z);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"costOfZ({z}) threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (double.IsNaN(cost) || Math.Abs(cost - expectedCost) > 1e-9 * Math.Max(1, Math.Abs(expectedCost)))
                return Fail(exercise, $"costOfZ({z}) = {cost:G6}, but −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = {expectedCost:G6}.", hint);
        }
        var lines = new List<string>();
        for (int i = 0; i < zs.Count; i++)
        {
            double z = zs[i], aMinusY = Sigma(z) - y;
            if (Math.Abs(numericSlopes[i] - aMinusY) > 1e-6)
                return Fail(exercise, $"at z = {z} your slope is {numericSlopes[i]:G6}, but a − y = {aMinusY:G6}.", hint);
            lines.Add($"z = {z}: {numericSlopes[i]:F6} vs a − y = {aMinusY:F6}");
        }
        return Pass(exercise, "the finite-difference slopes equal a − y at every z (" + string.Join("; ", lines) + ").");
    }

    /// <summary>
    /// Passes if <paramref name="softmax"/> computes e^(z_j) / Σ_k e^(z_k) correctly, including for inputs such as
    /// (1000, 1001, 1002) where the formula taken literally overflows.
    /// </summary>
    public static CheckResult StableSoftmax(string exercise, Func<double[], double[]>? softmax)
    {
        const string hint = "subtract the largest z from every z before taking exponentials: the result is unchanged and e^(z − max) ≤ 1 cannot overflow.";
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
