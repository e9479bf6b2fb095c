namespace NeuralNets.Exercises;

/// <summary>
/// The verdict of an exercise's check cell. Shown as the cell's value, it reads
/// "✅ PASS — exercise: message" or "❌ NOT YET — exercise: what is wrong. Hint: ...".
/// </summary>
/// <param name="Exercise">Which exercise, e.g. "Exercise 1 (AND perceptron)".</param>
/// <param name="Passed">True if the answer is right.</param>
/// <param name="Message">What was found: a confirmation, or what is wrong and a hint.</param>
[NeuralNets.Display.TypeFormatterSource(typeof(NeuralNets.Display.TextFormatterSource))]
public sealed record CheckResult(string Exercise, bool Passed, string Message)
{
    /// <summary>The marker that starts a passing verdict.</summary>
    public const string PassMarker = "✅ PASS";

    /// <summary>The marker that starts a failing verdict.</summary>
    public const string FailMarker = "❌ NOT YET";

    /// <inheritdoc />
    public override string ToString() => $"{(Passed ? PassMarker : FailMarker)} — {Exercise}: {Message}";
}
