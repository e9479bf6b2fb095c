using System.Numerics;

namespace NeuralNets.Kernels;

/// <summary>
/// The products written as plainly as the maths: three nested loops each. They are the reference the
/// fast kernels are tested against, and the fallback where the hardware has no vector instructions.
/// </summary>
internal static class PlainKernels
{
    public static void WeightsTimesBatch<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> a, Span<T> z, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < batch; i++)
            for (int j = 0; j < rows; j++)
            {
                T sum = T.Zero;
                for (int k = 0; k < inner; k++)
                    sum += w[j * inner + k] * a[i * inner + k];
                z[i * rows + j] = sum;
            }
    }

    public static void TransposedWeightsTimesBatch<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> d, Span<T> result, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < batch; i++)
            for (int k = 0; k < inner; k++)
            {
                T sum = T.Zero;
                for (int j = 0; j < rows; j++)
                    sum += w[j * inner + k] * d[i * rows + j];
                result[i * inner + k] = sum;
            }
    }

    public static void BatchTimesTransposedBatch<T>(ReadOnlySpan<T> d, ReadOnlySpan<T> a, Span<T> g, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < rows; j++)
            for (int k = 0; k < inner; k++)
            {
                T sum = T.Zero;
                for (int i = 0; i < batch; i++)
                    sum += d[i * rows + j] * a[i * inner + k];
                g[j * inner + k] = sum;
            }
    }
}
