using System.Numerics;

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
/// With these conventions every product runs along contiguous memory. Each call checks the sizes, then hands
/// float and double to <see cref="SimdKernels"/> (vector instructions, register blocking) and anything else, or a
/// processor without vector instructions, to <see cref="PlainKernels"/> (three nested loops, the reference).
/// Everything runs on the calling thread and allocates nothing; the same inputs always give the same bits.
/// </remarks>
public static class Kernels
{
    /// <summary>Z = W·A: <paramref name="z"/> (rows × batch, column-major) from
    /// <paramref name="w"/> (rows × inner, row-major) and <paramref name="a"/> (inner × batch, column-major).</summary>
    public static void WeightsTimesBatch<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> a, Span<T> z, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(rows, inner, batch);
        CheckLengths(w.Length, (long)rows * inner, a.Length, (long)inner * batch, z.Length, (long)rows * batch);
        if (SimdKernels.IsSupported<T>())
            SimdKernels.WeightsTimesBatch(w, a, z, rows, inner, batch);
        else
            PlainKernels.WeightsTimesBatch(w, a, z, rows, inner, batch);
    }

    /// <summary>R = Wᵀ·D: <paramref name="result"/> (inner × batch, column-major) from
    /// <paramref name="w"/> (rows × inner, row-major) and <paramref name="d"/> (rows × batch, column-major).</summary>
    public static void TransposedWeightsTimesBatch<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> d, Span<T> result, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(rows, inner, batch);
        CheckLengths(w.Length, (long)rows * inner, d.Length, (long)rows * batch, result.Length, (long)inner * batch);
        if (SimdKernels.IsSupported<T>())
            SimdKernels.TransposedWeightsTimesBatch(w, d, result, rows, inner, batch);
        else
            PlainKernels.TransposedWeightsTimesBatch(w, d, result, rows, inner, batch);
    }

    /// <summary>G = D·Aᵀ: <paramref name="g"/> (rows × inner, row-major, like W) from
    /// <paramref name="d"/> (rows × batch, column-major) and <paramref name="a"/> (inner × batch, column-major).
    /// This is the sum over the batch of the outer products delta·aᵀ (BP4 for a whole mini-batch).</summary>
    public static void BatchTimesTransposedBatch<T>(ReadOnlySpan<T> d, ReadOnlySpan<T> a, Span<T> g, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(rows, inner, batch);
        CheckLengths(d.Length, (long)rows * batch, a.Length, (long)inner * batch, g.Length, (long)rows * inner);
        if (SimdKernels.IsSupported<T>())
            SimdKernels.BatchTimesTransposedBatch(d, a, g, rows, inner, batch);
        else
            PlainKernels.BatchTimesTransposedBatch(d, a, g, rows, inner, batch);
    }

    private static void CheckSizes(int rows, int inner, int batch)
    {
        if (rows < 0 || inner < 0 || batch < 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"Kernel sizes must not be negative: got rows {rows}, inner {inner}, batch {batch}.");
    }

    private static void CheckLengths(int first, long firstExpected, int second, long secondExpected, int result, long resultExpected)
    {
        if (first < firstExpected || second < secondExpected || result < resultExpected)
            throw new ArgumentException(
                $"Kernel operand too short: got lengths {first}, {second}, {result}; need {firstExpected}, {secondExpected}, {resultExpected}.");
    }
}
