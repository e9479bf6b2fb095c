using System.Numerics;
using System.Numerics.Tensors;

namespace NeuralNets.Activations;

/// <summary>σ(z) = 1 / (1 + e^(−z)), with σ′(z) = σ(z)(1 − σ(z)).</summary>
internal sealed class SigmoidActivation : Activation
{
    public override string Name => "sigmoid";

    public override void Apply<T>(ReadOnlySpan<T> z, Span<T> a, int neurons) => TensorPrimitives.Sigmoid(z, a);

    public override void MultiplyByDerivative<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> error, int neurons)
    {
        // σ′(z) = σ(z)(1 − σ(z)) = a(1 − a): no exponential needed once a is known.
        for (int i = 0; i < error.Length; i++)
            error[i] *= a[i] * (T.One - a[i]);
    }
}
