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
        // error ⊙ σ′(z) keeps the error where z > 0 and zeroes it elsewhere. Done a vector at a time with a select rather
        // than an `if` per value: the signs of z are close to random, and a mispredicted branch costs some 15 cycles.
        int i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i <= error.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var off = Vector.LessThanOrEqual(new Vector<T>(z[i..]), Vector<T>.Zero);
                Vector.ConditionalSelect(off, Vector<T>.Zero, new Vector<T>(error[i..])).CopyTo(error[i..]);
            }
        for (; i < error.Length; i++)
            if (z[i] <= T.Zero)
                error[i] = T.Zero;
    }
}
