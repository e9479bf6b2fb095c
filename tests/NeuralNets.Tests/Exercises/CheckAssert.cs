using NeuralNets.Exercises;

namespace NeuralNets.Tests.Exercises;

/// <summary>The exercise-check tests' one assertion for a wrong or gamed answer.</summary>
internal static class CheckAssert
{
    /// <summary>The check failed (❌ NOT YET), said <paramref name="because"/>, and gave its hint.</summary>
    public static void Fails(CheckResult result, string because)
    {
        Assert.False(result.Passed, result.ToString());
        Assert.StartsWith(CheckResult.FailMarker, result.ToString());
        Assert.Contains(because, result.Message);
        Assert.Contains("Hint:", result.Message);
    }
}
