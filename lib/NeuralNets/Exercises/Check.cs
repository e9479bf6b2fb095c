namespace NeuralNets.Exercises;

/// <summary>
/// Small checking helpers for the notebooks' exercises. A check never throws: it returns a
/// <see cref="CheckResult"/> that says pass, or what is wrong with a hint, so a notebook runs to the end
/// whether or not the learner has answered yet. An answer that is still null or NaN counts as not answered.
/// </summary>
/// <remarks>Topic-specific checks live in the other <c>Check.*.cs</c> files of this folder.</remarks>
public static partial class Check
{
    /// <summary>Passes if <paramref name="condition"/> holds.</summary>
    public static CheckResult That(string exercise, bool? condition, string passMessage, string hint) =>
        condition switch
        {
            null => NotAnswered(exercise, hint),
            true => Pass(exercise, passMessage),
            false => Fail(exercise, "not quite.", hint),
        };

    /// <summary>Passes if <paramref name="actual"/> is within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public static CheckResult Close(string exercise, double? actual, double expected, double tolerance, string hint)
    {
        if (actual is null || double.IsNaN(actual.Value))
            return NotAnswered(exercise, hint);
        return Math.Abs(actual.Value - expected) <= tolerance
            ? Pass(exercise, $"{actual.Value:G6} is right (within {tolerance:G2} of {expected:G6}).")
            : Fail(exercise, $"got {actual.Value:G6}, expected about {expected:G6}.", hint);
    }

    /// <summary>Passes if every element of <paramref name="actual"/> is within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public static CheckResult AllClose(string exercise, IReadOnlyList<double>? actual, IReadOnlyList<double> expected, double tolerance, string hint)
    {
        if (actual is null || actual.Any(double.IsNaN))
            return NotAnswered(exercise, hint);
        if (actual.Count != expected.Count)
            return Fail(exercise, $"got {actual.Count} values, expected {expected.Count}.", hint);
        for (int i = 0; i < actual.Count; i++)
            if (Math.Abs(actual[i] - expected[i]) > tolerance)
                return Fail(exercise, $"value {i} is {actual[i]:G6}, expected about {expected[i]:G6}.", hint);
        return Pass(exercise, $"all {actual.Count} values match (within {tolerance:G2}).");
    }

    /// <summary>Passes if <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static CheckResult Equal<T>(string exercise, T? actual, T expected, string hint)
    {
        if (actual is null)
            return NotAnswered(exercise, hint);
        return EqualityComparer<T>.Default.Equals(actual, expected)
            ? Pass(exercise, $"{actual} is right.")
            : Fail(exercise, $"got {actual}, expected {expected}.", hint);
    }

    /// <summary>Passes if <paramref name="actual"/> is at least <paramref name="minimum"/>.</summary>
    public static CheckResult AtLeast(string exercise, double? actual, double minimum, string hint)
    {
        if (actual is null || double.IsNaN(actual.Value))
            return NotAnswered(exercise, hint);
        return actual.Value >= minimum
            ? Pass(exercise, $"{actual.Value:G6} reaches {minimum:G6}.")
            : Fail(exercise, $"{actual.Value:G6} is below {minimum:G6}.", hint);
    }

    /// <summary>Passes if <paramref name="actual"/> is at most <paramref name="maximum"/>.</summary>
    public static CheckResult AtMost(string exercise, double? actual, double maximum, string hint)
    {
        if (actual is null || double.IsNaN(actual.Value))
            return NotAnswered(exercise, hint);
        return actual.Value <= maximum
            ? Pass(exercise, $"{actual.Value:G6} is within {maximum:G6}.")
            : Fail(exercise, $"{actual.Value:G6} is above {maximum:G6}.", hint);
    }

    /// <summary>Passes if the gate computes <paramref name="expected"/> for every combination of
    /// <paramref name="inputs"/> bits.</summary>
    public static CheckResult TruthTable(string exercise, Func<int[], int>? gate, Func<int[], int> expected, int inputs, string hint)
    {
        if (gate is null)
            return NotAnswered(exercise, hint);
        for (int pattern = 0; pattern < 1 << inputs; pattern++)
        {
            var bits = Enumerable.Range(0, inputs).Select(i => (pattern >> (inputs - 1 - i)) & 1).ToArray();
            int got;
            try
            {
                got = gate(bits);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"for input ({string.Join(", ", bits)}) it threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (got != expected(bits))
                return Fail(exercise, $"for input ({string.Join(", ", bits)}) it gives {got}, but the answer is {expected(bits)}.", hint);
        }
        return Pass(exercise, $"right for all {1 << inputs} inputs.");
    }

    /// <summary>A passing verdict.</summary>
    public static CheckResult Pass(string exercise, string message) => new(exercise, true, message);

    /// <summary>A failing verdict with what is wrong and a hint.</summary>
    public static CheckResult Fail(string exercise, string problem, string hint) => new(exercise, false, $"{problem} Hint: {hint}");

    /// <summary>The verdict for an answer that has not been given yet.</summary>
    public static CheckResult NotAnswered(string exercise, string hint) => new(exercise, false, $"not answered yet. Hint: {hint}");
}
