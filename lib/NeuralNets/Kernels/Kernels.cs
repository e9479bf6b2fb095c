using System.Numerics;
using System.Numerics.Tensors;

namespace NeuralNets.Kernels;

/// <summary>
/// The three matrix products of backpropagation, behind one small facade (as ML.NET's CpuMath does).
/// The network code calls only these; how they are made fast lives in this folder and nowhere else.
/// </summary>
/// <remarks>
/// Storage conventions, used throughout the library:
/// <list type="bullet">
/// <item>A weight matrix W (rows = neurons of this layer, columns = neurons of the layer before) is stored
/// <b>row-major</b>: row j, the weights into neuron j, is contiguous.</item>
/// <item>A batch matrix (activations, weighted inputs z, errors delta) holds one example per column, as in
/// Nielsen's matrix form, and is stored <b>column-major</b> (as MathNet stores matrices): column i, the
/// vector of example i, is contiguous.</item>
/// </list>
/// </remarks>
public static class Kernels
{
    /// <summary>Z = W·A: <paramref name="z"/> (rows × batch, column-major) from
    /// <paramref name="w"/> (rows × inner, row-major) and <paramref name="a"/> (inner × batch, column-major).</summary>
    public static void WeightsTimesBatch<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> a, Span<T> z, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(w.Length, rows * inner, a.Length, inner * batch, z.Length, rows * batch);
        PlainKernels.WeightsTimesBatch(w, a, z, rows, inner, batch);
    }

    /// <summary>R = Wᵀ·D: <paramref name="result"/> (inner × batch, column-major) from
    /// <paramref name="w"/> (rows × inner, row-major) and <paramref name="d"/> (rows × batch, column-major).</summary>
    public static void TransposedWeightsTimesBatch<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> d, Span<T> result, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(w.Length, rows * inner, d.Length, rows * batch, result.Length, inner * batch);
        PlainKernels.TransposedWeightsTimesBatch(w, d, result, rows, inner, batch);
    }

    /// <summary>G = D·Aᵀ: <paramref name="g"/> (rows × inner, row-major, like W) from
    /// <paramref name="d"/> (rows × batch, column-major) and <paramref name="a"/> (inner × batch, column-major).
    /// This is the sum over the batch of the outer products delta·aᵀ (BP4 for a whole mini-batch).</summary>
    public static void BatchTimesTransposedBatch<T>(ReadOnlySpan<T> d, ReadOnlySpan<T> a, Span<T> g, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(d.Length, rows * batch, a.Length, inner * batch, g.Length, rows * inner);
        PlainKernels.BatchTimesTransposedBatch(d, a, g, rows, inner, batch);
    }

    private static void CheckSizes(int first, int firstExpected, int second, int secondExpected, int result, int resultExpected)
    {
        if (first < firstExpected || second < secondExpected || result < resultExpected)
            throw new ArgumentException(
                $"Kernel operand too short: got lengths {first}, {second}, {result}; need {firstExpected}, {secondExpected}, {resultExpected}.");
    }
}
