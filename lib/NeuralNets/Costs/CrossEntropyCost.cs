using System.Numerics;
using System.Numerics.Tensors;
using NeuralNets.Activations;

namespace NeuralNets.Costs;

/// <summary>
/// C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]. With sigmoid outputs σ′ cancels out of δᴸ, which becomes
/// a − y (Nielsen eq. 66): a saturated, badly wrong neuron still learns fast.
/// </summary>
internal sealed class CrossEntropyCost : Cost
{
    public override string Name => "cross-entropy";

    public override T Value<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> y)
    {
        T sum = T.Zero;
        for (int i = 0; i < a.Length; i++)
        {
            // 0 · ln 0 is taken as 0 (Nielsen uses np.nan_to_num for the same reason): skip a term whose
            // factor is zero rather than multiply zero by −∞.
            if (y[i] != T.Zero) sum -= y[i] * T.Log(a[i]);
            if (y[i] != T.One) sum -= (T.One - y[i]) * T.Log(T.One - a[i]);
        }
        return sum;
    }

    public override void Gradient<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> y, Span<T> dCda)
    {
        // ∂C/∂a = (a − y) / (a(1 − a))
        for (int i = 0; i < a.Length; i++)
            dCda[i] = (a[i] - y[i]) / (a[i] * (T.One - a[i]));
    }

    public override void OutputError<T>(Activation output, ReadOnlySpan<T> z, ReadOnlySpan<T> a, ReadOnlySpan<T> y, Span<T> delta, int neurons)
    {
        if (output == Activation.Sigmoid)
            TensorPrimitives.Subtract(a, y, delta);   // σ′(z) = a(1 − a) cancels the denominator of ∂C/∂a
        else
            base.OutputError(output, z, a, y, delta, neurons);
    }
}
