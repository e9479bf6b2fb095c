using System.Globalization;

namespace NeuralNets.Exercises;

/// <summary>
/// Checks the knobs of a notebook's <c>parameters</c> cell, right after it, so that a value a learner tries that the
/// notebook cannot use stops there with one line per knob naming it and its allowed range, instead of a hang, an
/// <c>IndexOutOfRangeException</c> ten cells later, or a NaN shown as a result:
/// <code>
/// new Knobs()
///     .Whole(nameof(epochs), epochs, 1, 200)
///     .Positive(nameof(eta), eta, 1000)
///     .Check();
/// </code>
/// </summary>
public sealed class Knobs
{
    private readonly List<string> _problems = [];

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public Knobs Whole(string name, int value, int min, int max) =>
        Require(value >= min && value <= max, name, Show(value), $"a whole number from {Show(min)} to {Show(max)}");

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public Knobs Number(string name, double value, double min, double max) =>
        Require(double.IsFinite(value) && value >= min && value <= max, name, Show(value), $"a number from {Show(min)} to {Show(max)}");

    /// <summary>A finite number above 0 and at most <paramref name="max"/> (a learning rate, a step, a range).</summary>
    public Knobs Positive(string name, double value, double max) =>
        Require(double.IsFinite(value) && value > 0 && value <= max, name, Show(value), $"a number above 0 and at most {Show(max)}");

    /// <summary>A list of <paramref name="minCount"/> to <paramref name="maxCount"/> numbers, each from
    /// <paramref name="min"/> to <paramref name="max"/>.</summary>
    public Knobs Numbers(string name, double[] values, double min, double max, int minCount = 1, int maxCount = 100) =>
        Require(values is not null && values.Length >= minCount && values.Length <= maxCount
                && values.All(v => double.IsFinite(v) && v >= min && v <= max),
            name, Show(values),
            $"{Count(minCount, maxCount)} number{(maxCount == 1 ? "" : "s")}, each from {Show(min)} to {Show(max)}");

    /// <summary>Layer sizes, input first: <paramref name="inputs"/> first, <paramref name="outputs"/> last, each layer
    /// between them from 1 to <paramref name="maxNeurons"/>, at most <paramref name="maxLayers"/> layers.</summary>
    public Knobs LayerSizes(string name, int[] sizes, int inputs, int outputs, int maxNeurons = 4096, int maxLayers = 10) =>
        Require(sizes is not null && sizes.Length >= 2 && sizes.Length <= maxLayers && sizes[0] == inputs && sizes[^1] == outputs
                && sizes.All(s => s >= 1 && s <= Math.Max(maxNeurons, inputs)),
            name, Show(sizes),
            $"layer sizes starting with {inputs} inputs and ending with {outputs} outputs, 2 to {maxLayers} layers, " +
            $"each hidden layer of 1 to {Show(maxNeurons)} neurons");

    /// <summary>A rule between knobs, e.g. <c>zMin &lt; zMax</c>, with what it asks for.</summary>
    public Knobs Rule(bool holds, string names, string whatItAsks)
    {
        if (!holds)
            _problems.Add($"knobs {names}: {whatItAsks}.");
        return this;
    }

    /// <summary>Throws one <see cref="KnobException"/> listing every knob out of range, or returns if all are fine.</summary>
    public void Check()
    {
        if (_problems.Count > 0)
            throw new KnobException(_problems);
    }

    private Knobs Require(bool holds, string name, string value, string expected)
    {
        if (!holds)
            _problems.Add($"knob '{name}' is {value}; it must be {expected}.");
        return this;
    }

    private static string Count(int min, int max) => min == max ? Show(min) : $"{Show(min)} to {Show(max)}";

    private static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Show(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Show<T>(T[]? values) where T : IFormattable =>
        values is null ? "null" : values.Length == 0 ? "empty" : "{ " + string.Join(", ", values.Select(v => v.ToString(null, CultureInfo.InvariantCulture))) + " }";
}

/// <summary>A knob of a notebook's parameters cell is out of range; the message has one line per knob.</summary>
public sealed class KnobException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    /// <summary>One line per knob out of range.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
