using System.Numerics;
using System.Numerics.Tensors;

namespace NeuralNets.Activations;

/// <summary>
/// Softmax over each column: a_j = e^(z_j) / Σ_k e^(z_k). The outputs are positive and sum to 1, so they
/// read as a probability distribution over the classes.
/// </summary>
internal sealed class SoftmaxActivation : Activation
{
    public override string Name => "softmax";

    public override bool IsElementWise => false;

    public override void Apply<T>(ReadOnlySpan<T> z, Span<T> a, int neurons)
    {
        for (int start = 0; start < z.Length; start += neurons)
        {
            var zColumn = z.Slice(start, neurons);
            var aColumn = a.Slice(start, neurons);
            // Shift by the column's largest z first: e^(z − max) ≤ 1 cannot overflow, and the shift cancels
            // in the ratio. (TensorPrimitives.SoftMax does not shift, and gives NaN for z around 1000.)
            TensorPrimitives.Subtract(zColumn, TensorPrimitives.Max(zColumn), aColumn);
            TensorPrimitives.Exp(aColumn, aColumn);
            TensorPrimitives.Divide(aColumn, TensorPrimitives.Sum<T>(aColumn), aColumn);
        }
    }

    public override void MultiplyByDerivative<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> error, int neurons)
    {
        // ∂a_k/∂z_j = a_k(δ_jk − a_j), so (Jᵀ e)_j = a_j (e_j − Σ_k a_k e_k).
        for (int start = 0; start < error.Length; start += neurons)
        {
            var aColumn = a.Slice(start, neurons);
            var eColumn = error.Slice(start, neurons);
            T weighted = TensorPrimitives.Dot(aColumn, eColumn);
            for (int j = 0; j < neurons; j++)
                eColumn[j] = aColumn[j] * (eColumn[j] - weighted);
        }
    }
}
