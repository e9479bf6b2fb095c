using System.Numerics;

namespace NeuralNets.GradientChecking;

/// <summary>How closely two gradients agree.</summary>
/// <param name="RelativeError">‖g − g̃‖ / (‖g‖ + ‖g̃‖): about 1e-8 or less in double precision means backprop is right;
/// 1e-2 or more means a bug.</param>
/// <param name="MaxAbsoluteDifference">The largest |g_i − g̃_i| over all parameters.</param>
/// <param name="WorstParameter">Where that largest difference is, in flattened order.</param>
/// <param name="Backprop">The gradient from backpropagation.</param>
/// <param name="FiniteDifference">The gradient from finite differences.</param>
[NeuralNets.Display.TypeFormatterSource(typeof(NeuralNets.Display.TextFormatterSource))]
public sealed record GradientCheckResult(double RelativeError, double MaxAbsoluteDifference, int WorstParameter,
    double[] Backprop, double[] FiniteDifference)
{
    /// <summary>Compares <paramref name="analytic"/> with <paramref name="numeric"/>, element by element.</summary>
    public static GradientCheckResult From<T>(IReadOnlyList<T> analytic, IReadOnlyList<T> numeric) where T : INumberBase<T>
    {
        if (analytic.Count != numeric.Count)
            throw new ArgumentException($"The gradients have {analytic.Count} and {numeric.Count} entries; they must match.");
        var g = analytic.Select(double.CreateTruncating).ToArray();
        var gTilde = numeric.Select(double.CreateTruncating).ToArray();
        double difference = 0, normG = 0, normGTilde = 0, worst = 0;
        int worstAt = -1;
        for (int i = 0; i < g.Length; i++)
        {
            double d = g[i] - gTilde[i];
            difference += d * d;
            normG += g[i] * g[i];
            normGTilde += gTilde[i] * gTilde[i];
            if (Math.Abs(d) > worst) (worst, worstAt) = (Math.Abs(d), i);
        }
        double denominator = Math.Sqrt(normG) + Math.Sqrt(normGTilde);
        double relative = denominator == 0 ? 0 : Math.Sqrt(difference) / denominator;
        return new GradientCheckResult(relative, worst, worstAt, g, gTilde);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"relative error {RelativeError:E2}, largest difference {MaxAbsoluteDifference:E2} (parameter {WorstParameter}) over {Backprop.Length} parameters";
}
