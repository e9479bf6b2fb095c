namespace NeuralNets.Exercises;

/// <summary>Checks for the exercises of notebook 05 (gradient descent).</summary>
public static partial class Check
{
    /// <summary>
    /// Passes if <paramref name="step"/>(v, grad, η) returns v − η·grad (Nielsen eq. 11) as a new array, for vectors of
    /// several lengths, without changing v or grad.
    /// </summary>
    public static CheckResult GradientStep(string exercise, Func<double[], double[], double, double[]>? step)
    {
        const string hint = "each component of the result is v[i] − eta * grad[i]; build a new array (e.g. with Select) instead of changing v.";
        if (step is null)
            return NotAnswered(exercise, hint);

        var cases = new (double[] V, double[] Grad, double Eta)[]
        {
            ([1.0, 2.0], [0.5, -1.0], 0.1),
            ([-4.0, 2.5], [-8.0, 15.0], 0.25),
            ([3.0], [6.0], 0.5),
            ([0.0, 1.0, -2.0, 0.5], [1.0, -1.0, 2.0, 0.0], 0.01),
        };
        foreach (var (v, grad, eta) in cases)
        {
            var expected = v.Select((vi, i) => vi - eta * grad[i]).ToArray();
            var vCopy = (double[])v.Clone();
            var gradCopy = (double[])grad.Clone();
            string call = $"step(({string.Join(", ", v)}), ({string.Join(", ", grad)}), {eta})";
            double[] got;
            try
            {
                got = step(vCopy, gradCopy, eta);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"{call} threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (got is null)
                return Fail(exercise, $"{call} returned null.", hint);
            if (got.Length != v.Length)
                return Fail(exercise, $"{call} returned {got.Length} numbers instead of {v.Length}.", hint);
            for (int i = 0; i < v.Length; i++)
            {
                if (Math.Abs(got[i] - expected[i]) <= 1e-12)
                    continue;
                double plus = v[i] + eta * grad[i];
                string why = Math.Abs(got[i] - plus) <= 1e-12
                    ? "that is v + η·grad: the step must go against the gradient, downhill."
                    : $"component {i} is {got[i]:G6}, expected {expected[i]:G6}.";
                return Fail(exercise, $"{call}: {why}", hint);
            }
            if (!vCopy.SequenceEqual(v) || !gradCopy.SequenceEqual(grad))
                return Fail(exercise, $"{call} gives the right numbers but changed its input arrays.", hint);
        }
        return Pass(exercise, $"right on all {cases.Length} test cases, e.g. step((1, 2), (0.5, −1), 0.1) = (0.95, 2.1).");
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps of gradient descent with learning rate <paramref name="eta"/> from
    /// <paramref name="start"/> and passes if the cost ends below <paramref name="targetCost"/>; otherwise says whether
    /// η looks too small (still decreasing) or too large (overshooting, growing or oscillating).
    /// </summary>
    /// <param name="exercise">Which exercise, for the verdict.</param>
    /// <param name="eta">The learner's learning rate η (null or NaN: not answered).</param>
    /// <param name="cost">The cost C(v).</param>
    /// <param name="gradient">Its gradient ∇C(v).</param>
    /// <param name="start">Where the descent starts.</param>
    /// <param name="steps">How many steps are allowed.</param>
    /// <param name="targetCost">The cost to get below.</param>
    /// <param name="hint">A hint for this cost surface, or null for a general one.</param>
    public static CheckResult LearningRateConverges(string exercise, double? eta, Func<double[], double> cost,
        Func<double[], double[]> gradient, double[] start, int steps, double targetCost, string? hint = null)
    {
        hint ??= "each step multiplies the distance from the minimum, direction by direction, by a factor (1 − η × steepness); every factor must be well inside (−1, 1).";
        if (eta is null || double.IsNaN(eta.Value))
            return NotAnswered(exercise, hint);
        if (eta.Value <= 0)
            return Fail(exercise, $"η = {eta.Value:G4} does not move downhill: the learning rate must be positive.", hint);

        if (cost is null || gradient is null || start is null)
            return Fail(exercise, "the check needs the cost, its gradient and a starting point.", hint);

        double first, final;
        bool overshoots = false;   // did some component of the gradient change sign on the last step?
        try
        {
            var v = (double[])start.Clone();
            first = cost(v);
            for (int t = 0; t < steps; t++)
            {
                var g = gradient(v);
                v = v.Select((vi, i) => vi - eta.Value * g[i]).ToArray();
                if (t == steps - 1)
                {
                    var after = gradient(v);
                    overshoots = g.Select((gi, i) => gi * after[i] < 0).Any(flipped => flipped);
                }
            }
            final = cost(v);
        }
        catch (Exception e)
        {
            return Fail(exercise, $"running gradient descent threw {e.GetType().Name}: {e.Message}", hint);
        }
        if (final < targetCost)
            return Pass(exercise, $"with η = {eta.Value:G4}, C = {final:E2} after {steps} steps (below {targetCost:G2}).");
        if (double.IsNaN(final) || double.IsInfinity(final) || final >= first)
            return Fail(exercise, $"with η = {eta.Value:G4} the cost went from {first:G4} to {final:G4}: the steps overshoot and gradient descent diverges. η is too large.", hint);
        if (overshoots)
            return Fail(exercise, $"with η = {eta.Value:G4}, C = {final:E2} after {steps} steps: it zig-zags across the valley, overshooting the bottom at every step. η is a bit too large.", hint);
        return Fail(exercise, $"with η = {eta.Value:G4}, C = {final:E2} after {steps} steps: it is getting there, but slowly. η is too small.", hint);
    }

    /// <summary>
    /// A "predict before you run it" check (notebook 05): runs <paramref name="costsAt"/>(<paramref name="eta"/>), the
    /// cost after each step or epoch of a descent with that learning rate, and passes if <paramref name="prediction"/>
    /// ("settles" or "diverges") says what it did: it diverges if the last cost is larger than the first (or not a number).
    /// </summary>
    public static CheckResult LearningRatePrediction(string exercise, string? prediction, double eta, Func<double, double[]>? costsAt, string hint)
    {
        if (string.IsNullOrWhiteSpace(prediction))
            return NotAnswered(exercise, hint);
        string said = prediction.Trim().ToLowerInvariant();
        if (said != "settles" && said != "diverges")
            return Fail(exercise, $"\"{prediction}\" is not one of the two answers: \"settles\" or \"diverges\".", hint);
        if (costsAt is null)
            return Fail(exercise, "the check needs the function that runs the descent.", hint);
        double[] costs;
        try
        {
            costs = costsAt(eta);
        }
        catch (Exception e)
        {
            return Fail(exercise, $"running the descent with η = {eta} threw {e.GetType().Name}: {e.Message}", hint);
        }
        if (costs is null || costs.Length < 2)
            return Fail(exercise, "the descent returned fewer than two costs.", hint);
        double first = costs[0], last = costs[^1];
        bool diverged = double.IsNaN(last) || double.IsInfinity(last) || last > first;
        string what = diverged
            ? $"with η = {eta} the cost went from {first:G4} to {last:G4}: it diverges"
            : $"with η = {eta} the cost went from {first:G4} down to {last:G4}: it settles";
        return (said == "diverges") == diverged
            ? Pass(exercise, $"right: {what}.")
            : Fail(exercise, $"not this time: {what}.", hint);
    }
}
