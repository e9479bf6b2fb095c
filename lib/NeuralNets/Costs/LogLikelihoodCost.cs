using System.Numerics;
using System.Numerics.Tensors;
using NeuralNets.Activations;

namespace NeuralNets.Costs;

/// <summary>
/// C = −ln a_y with y one-hot, i.e. −Σ_j y_j ln a_j. With a softmax output layer δᴸ = a − y
/// (Nielsen eq. 81-84), the same simple form cross-entropy has with sigmoids.
/// </summary>
internal sealed class LogLikelihoodCost : Cost
{
    public override string Name => "log-likelihood";

    public override T Value<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> y)
    {
        T sum = T.Zero;
        for (int i = 0; i < a.Length; i++)
            if (y[i] != T.Zero)
                sum -= y[i] * T.Log(a[i]);
        return sum;
    }

    public override void Gradient<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> y, Span<T> dCda)
    {
        // ∂C/∂a_j = −y_j / a_j: only the desired class's output matters.
        for (int i = 0; i < a.Length; i++)
            dCda[i] = y[i] == T.Zero ? T.Zero : -y[i] / a[i];
    }

    public override void OutputError<T>(Activation output, ReadOnlySpan<T> z, ReadOnlySpan<T> a, ReadOnlySpan<T> y, Span<T> delta, int neurons)
    {
        if (output == Activation.Softmax)
            TensorPrimitives.Subtract(a, y, delta);   // the softmax Jacobian turns −y/a into a − y, since Σ_j y_j = 1
        else
            base.OutputError(output, z, a, y, delta, neurons);
    }
}
