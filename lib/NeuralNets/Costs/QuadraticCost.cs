using System.Numerics;
using System.Numerics.Tensors;

namespace NeuralNets.Costs;

/// <summary>C = ½‖a − y‖², so ∂C/∂a = a − y and δᴸ = (a − y) ⊙ σ′(zᴸ) (Nielsen eq. 30).</summary>
internal sealed class QuadraticCost : Cost
{
    public override string Name => "quadratic";

    public override T Value<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> y)
    {
        T distance = TensorPrimitives.Distance(a, y);
        return T.CreateTruncating(0.5) * distance * distance;
    }

    public override void Gradient<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> y, Span<T> dCda) => TensorPrimitives.Subtract(a, y, dCda);
}
