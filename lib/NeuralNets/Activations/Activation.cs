using System.Numerics;

namespace NeuralNets.Activations;

/// <summary>
/// A neuron's activation function a = σ(z), applied to a whole batch of weighted inputs at once.
/// </summary>
/// <remarks>
/// Batches are column-major with one example per column (see <see cref="Kernels.Kernels"/>); <c>neurons</c>
/// is the length of one column. Element-wise functions ignore it; softmax needs it, because each output
/// depends on the whole column.
/// </remarks>
public abstract class Activation
{
    /// <summary>The logistic function σ(z) = 1 / (1 + e^(−z)) (Nielsen eq. 3-4).</summary>
    public static Activation Sigmoid { get; } = new SigmoidActivation();

    /// <summary>The hyperbolic tangent, tanh(z) = 2σ(2z) − 1: a sigmoid rescaled to (−1, 1).</summary>
    public static Activation Tanh { get; } = new TanhActivation();

    /// <summary>The rectified linear unit, max(0, z).</summary>
    public static Activation Relu { get; } = new ReluActivation();

    /// <summary>Softmax, e^(z_j) / Σ_k e^(z_k) over each column (Nielsen eq. 78): an output layer only.</summary>
    public static Activation Softmax { get; } = new SoftmaxActivation();

    /// <summary>The activation with this <see cref="Name"/> ("sigmoid", "tanh", "relu", "softmax").</summary>
    public static Activation FromName(string name) => name.ToLowerInvariant() switch
    {
        "sigmoid" => Sigmoid,
        "tanh" => Tanh,
        "relu" => Relu,
        "softmax" => Softmax,
        _ => throw new ArgumentException($"Unknown activation '{name}': expected sigmoid, tanh, relu or softmax.", nameof(name)),
    };

    /// <summary>The lower-case name used in saved networks and on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>True where each output depends on its own weighted input only (everything but softmax).</summary>
    public virtual bool IsElementWise => true;

    /// <summary>a = σ(z) for every element of a batch (columns of <paramref name="neurons"/> values).</summary>
    public abstract void Apply<T>(ReadOnlySpan<T> z, Span<T> a, int neurons) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// error ← error ⊙ σ′(z): the factor BP1 and BP2 multiply by. For softmax, whose outputs each depend on
    /// the whole column, it is the product with the transposed Jacobian, column by column.
    /// The activations <paramref name="a"/> = σ(<paramref name="z"/>) are passed too, as σ′ is cheaper from them.
    /// </summary>
    public abstract void MultiplyByDerivative<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> error, int neurons)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>σ(z) for one number (element-wise activations only): for tables and charts.</summary>
    public double Apply(double z)
    {
        RequireElementWise();
        Span<double> a = stackalloc double[1];
        Apply<double>([z], a, 1);
        return a[0];
    }

    /// <summary>σ′(z) for one number (element-wise activations only).</summary>
    public double Derivative(double z)
    {
        RequireElementWise();
        Span<double> error = [1.0];
        MultiplyByDerivative<double>([z], [Apply(z)], error, 1);
        return error[0];
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private void RequireElementWise()
    {
        if (!IsElementWise)
            throw new InvalidOperationException($"{Name} acts on a whole layer, not on one number; use Apply(z, a, neurons).");
    }
}
