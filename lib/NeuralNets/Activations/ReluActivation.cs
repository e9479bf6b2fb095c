using System.Numerics;
using System.Numerics.Tensors;

namespace NeuralNets.Activations;

/// <summary>max(0, z), with derivative 1 where z &gt; 0 and 0 elsewhere (we take 0 at the kink z = 0).</summary>
internal sealed class ReluActivation : Activation
{
    public override string Name => "relu";

    public override void Apply<T>(ReadOnlySpan<T> z, Span<T> a, int neurons) => TensorPrimitives.Max(z, T.Zero, a);

    public override void MultiplyByDerivative<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> error, int neurons)
    {
        for (int i = 0; i < error.Length; i++)
            if (z[i] <= T.Zero)
                error[i] = T.Zero;
    }
}
