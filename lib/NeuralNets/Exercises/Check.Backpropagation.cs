using NeuralNets.GradientChecking;

namespace NeuralNets.Exercises;

/// <summary>Checks for the exercises of notebook 06 (backpropagation).</summary>
public static partial class Check
{
    /// <summary>
    /// Computes the learner's gradient with <paramref name="computeGradient"/> and passes if it agrees with
    /// <paramref name="reference"/> (typically a finite-difference gradient) to a relative error
    /// ‖g − g̃‖ / (‖g‖ + ‖g̃‖) of at most <paramref name="maxRelativeError"/>.
    /// </summary>
    /// <param name="exercise">Which exercise, for the verdict.</param>
    /// <param name="computeGradient">Computes the learner's gradient (flattened like Gradients.Flatten); null: not answered.</param>
    /// <param name="reference">The trusted gradient in the same order.</param>
    /// <param name="maxRelativeError">The largest relative error that still passes (about 1e-6 in double precision).</param>
    /// <param name="hint">What to try if it does not pass.</param>
    public static CheckResult GradientMatches(string exercise, Func<double[]>? computeGradient, IReadOnlyList<double>? reference,
        double maxRelativeError, string hint)
    {
        if (computeGradient is null)
            return NotAnswered(exercise, hint);
        var (result, problem) = CompareGradient(computeGradient, reference);
        if (problem is not null)
            return Fail(exercise, problem, hint);
        return result!.RelativeError <= maxRelativeError
            ? Pass(exercise, $"your gradient agrees with finite differences: relative error {result.RelativeError:E1} over {reference!.Count} parameters.")
            : Fail(exercise, $"relative error {result.RelativeError:E1} against finite differences (should be below {maxRelativeError:E0}); the largest difference is at parameter {result.WorstParameter}.", hint);
    }

    /// <summary>
    /// The check of notebook 06's planted-bug exercise: the bug is a missing ⊙σ′(zˡ) in BP2. Passes if
    /// <paramref name="buggyEquation"/> names BP2 and the gradient of <paramref name="fixedGradient"/> agrees with
    /// <paramref name="reference"/> (finite differences on another network).
    /// </summary>
    public static CheckResult PlantedBug(string exercise, string? buggyEquation, Func<double[]>? fixedGradient, IReadOnlyList<double>? reference)
    {
        const string hint = "run LayerErrors on BuggyBackprop's gradient: which layers agree with finite differences, and where do the errors start? Then compare that step of the code with its equation.";
        if (string.IsNullOrWhiteSpace(buggyEquation) && fixedGradient is null)
            return NotAnswered(exercise, hint);
        string named = new string((buggyEquation ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (named.Length == 0)
            return Fail(exercise, "buggyEquation is not set: name the equation (\"BP1\", \"BP2\", \"BP3\" or \"BP4\").", hint);
        switch (named)
        {
            case "BP2":
                break;
            case "BP1":
                return Fail(exercise, "not BP1: if the output error δᴸ were wrong, the output layer's gradients would be wrong too, and they agree with finite differences.", hint);
            case "BP3":
            case "BP4":
                return Fail(exercise, $"not {named}: it is used for every layer, the output layer included, and the output layer's gradients are right. The errors start one layer back.", hint);
            default:
                return Fail(exercise, $"\"{buggyEquation}\" is not one of BP1, BP2, BP3, BP4.", hint);
        }
        const string fixHint = "BP2 is δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ): compare each factor with the buggy line, and remember that zs[l − 1] holds the z of the layer δ moves into.";
        if (fixedGradient is null)
            return Fail(exercise, "BP2 is right. Now set fixedBackprop to a corrected version.", fixHint);
        var (result, problem) = CompareGradient(fixedGradient, reference);
        if (problem is not null)
            return Fail(exercise, "BP2 is right, but the fixed version: " + problem, fixHint);
        return result!.RelativeError <= 1e-6
            ? Pass(exercise, $"BP2 it was, and your fixed version agrees with finite differences on a fresh network (relative error {result.RelativeError:E1}).")
            : Fail(exercise, $"BP2 is right, but the fixed version still disagrees with finite differences (relative error {result.RelativeError:E1}).", fixHint);
    }

    private static (GradientCheckResult? Result, string? Problem) CompareGradient(Func<double[]> compute, IReadOnlyList<double>? reference)
    {
        if (reference is null)
            return (null, "the check has no reference gradient to compare with.");
        double[] gradient;
        try
        {
            gradient = compute();
        }
        catch (Exception e)
        {
            return (null, $"computing the gradient threw {e.GetType().Name}: {e.Message}");
        }
        if (gradient is null)
            return (null, "the gradient came back null.");
        if (gradient.Length != reference.Count)
            return (null, $"the gradient has {gradient.Length} entries; the network has {reference.Count} parameters.");
        if (gradient.Any(g => double.IsNaN(g) || double.IsInfinity(g)))
            return (null, "the gradient contains NaN or infinite entries.");
        return (GradientCheckResult.From(gradient, reference), null);
    }
}
