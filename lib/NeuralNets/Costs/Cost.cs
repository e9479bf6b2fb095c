using System.Numerics;
using NeuralNets.Activations;

namespace NeuralNets.Costs;

/// <summary>
/// A cost function C(a, y): how far the network's output a is from the desired output y. A small swappable
/// strategy, as in Nielsen's network2.py: each cost gives its value and the output error δᴸ = ∂C/∂zᴸ (BP1).
/// </summary>
/// <remarks>
/// Batches are column-major, one example per column of <c>neurons</c> values (see <see cref="Kernels.Kernels"/>).
/// </remarks>
public abstract class Cost
{
    /// <summary>C = ½‖a − y‖² (Nielsen eq. 6, per example).</summary>
    public static Cost Quadratic { get; } = new QuadraticCost();

    /// <summary>C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)] (Nielsen eq. 63), for sigmoid outputs.</summary>
    public static Cost CrossEntropy { get; } = new CrossEntropyCost();

    /// <summary>C = −ln a_y, the log of the output for the right class (Nielsen eq. 80), for softmax outputs.</summary>
    public static Cost LogLikelihood { get; } = new LogLikelihoodCost();

    /// <summary>The cost with this <see cref="Name"/> ("quadratic", "cross-entropy", "log-likelihood").</summary>
    public static Cost FromName(string name) => name.ToLowerInvariant() switch
    {
        "quadratic" => Quadratic,
        "cross-entropy" or "crossentropy" => CrossEntropy,
        "log-likelihood" or "loglikelihood" => LogLikelihood,
        _ => throw new ArgumentException(
            $"Unknown cost '{name}': expected quadratic, cross-entropy or log-likelihood.", nameof(name)),
    };

    /// <summary>The lower-case name used on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>The sum over the batch's examples of C(a, y).</summary>
    public abstract T Value<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>∂C/∂a for every output of every example: how the cost changes as each output activation moves.</summary>
    public abstract void Gradient<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> y, Span<T> dCda) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// BP1: the output error δᴸ = ∂C/∂zᴸ = ∇ₐC ⊙ σ′(zᴸ), written to <paramref name="delta"/>.
    /// Costs override this where the product simplifies for their natural output layer.
    /// </summary>
    public virtual void OutputError<T>(Activation output, ReadOnlySpan<T> z, ReadOnlySpan<T> a, ReadOnlySpan<T> y, Span<T> delta, int neurons)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Gradient(a, y, delta);
        output.MultiplyByDerivative(z, a, delta, neurons);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
