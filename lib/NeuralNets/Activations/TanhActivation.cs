using System.Numerics;
using System.Numerics.Tensors;

namespace NeuralNets.Activations;

/// <summary>tanh(z), with tanh′(z) = 1 − tanh²(z).</summary>
internal sealed class TanhActivation : Activation
{
    public override string Name => "tanh";

    public override void Apply<T>(ReadOnlySpan<T> z, Span<T> a, int neurons) => TensorPrimitives.Tanh(z, a);

    public override void MultiplyByDerivative<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> error, int neurons)
    {
        for (int i = 0; i < error.Length; i++)
            error[i] *= T.One - a[i] * a[i];
    }
}
