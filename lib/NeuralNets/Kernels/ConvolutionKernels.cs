using System.Numerics;
using NeuralNets.Layers;

namespace NeuralNets.Kernels;

/// <summary>
/// Convolution as a matrix product ("im2col"): each k × k patch of the input, all its channels, is copied into one
/// column of a matrix; then every filter's response at every position is one product, filters × columns, that the
/// SIMD kernels of <see cref="Kernels"/> already do well. <see cref="Col2Im{T}"/> sends the columns back, adding up
/// where patches overlap, for the backward pass. <see cref="DirectConvolution{T}"/> is the plain definition, the
/// reference the tests compare with.
/// </summary>
/// <remarks>
/// Layouts (one example): the input is channels last (<see cref="Shape"/>); the column matrix has one column per output
/// position p = y·outWidth + x, column-major, each column holding the patch in (dy, dx, channel) order, which is also
/// the order of a filter's weights; the product's result, filters × positions column-major, is then the output in
/// channels-last order. Stride 1 and no padding ("valid"), as in Nielsen's chapter 6.
/// </remarks>
public static class ConvolutionKernels
{
    /// <summary>Patch rows shorter than this are copied value by value (a 5 × 5 filter on one channel: rows of 5).</summary>
    private const int ShortRow = 16;

    /// <summary>Copies every <paramref name="kernelSize"/> × <paramref name="kernelSize"/> patch of one example's
    /// <paramref name="input"/> into a column of <paramref name="columns"/> (patch size × positions).</summary>
    public static void Im2Col<T>(ReadOnlySpan<T> input, Shape shape, int kernelSize, Span<T> columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = shape.Channels, width = shape.Width, k = kernelSize;
        int outHeight = shape.Height - k + 1, outWidth = width - k + 1, patch = k * k * c;
        for (int y = 0; y < outHeight; y++)
            for (int x = 0; x < outWidth; x++)
            {
                Span<T> column = columns.Slice((y * outWidth + x) * patch, patch);
                for (int dy = 0; dy < k; dy++)
                {
                    // One row of the patch is k positions side by side, k·c contiguous values in channels-last order.
                    ReadOnlySpan<T> row = input.Slice(((y + dy) * width + x) * c, k * c);
                    Span<T> target = column.Slice(dy * k * c, k * c);
                    if (row.Length < ShortRow)
                        for (int j = 0; j < row.Length; j++)   // a few values: a call to the copy routine costs more than the copy
                            target[j] = row[j];
                    else
                        row.CopyTo(target);
                }
            }
    }

    /// <summary>The reverse of <see cref="Im2Col{T}"/> for the backward pass: adds each column's values back to the
    /// input positions they came from (overlapping patches add up) in <paramref name="inputError"/>, which it clears first.</summary>
    public static void Col2Im<T>(ReadOnlySpan<T> columns, Shape shape, int kernelSize, Span<T> inputError)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = shape.Channels, width = shape.Width, k = kernelSize;
        int outHeight = shape.Height - k + 1, outWidth = width - k + 1, patch = k * k * c;
        inputError[..shape.Size].Clear();
        for (int y = 0; y < outHeight; y++)
            for (int x = 0; x < outWidth; x++)
            {
                ReadOnlySpan<T> column = columns.Slice((y * outWidth + x) * patch, patch);
                for (int dy = 0; dy < k; dy++)
                {
                    Span<T> target = inputError.Slice(((y + dy) * width + x) * c, k * c);
                    System.Numerics.Tensors.TensorPrimitives.Add(target, column.Slice(dy * k * c, k * c), target);
                }
            }
    }

    /// <summary>
    /// The definition, four nested loops: output(y, x, f) = b_f + Σ_{dy, dx, c} w_f(dy, dx, c) · input(y + dy, x + dx, c)
    /// (Nielsen eq. 125, without the activation), for one example. The reference the fast path is tested against.
    /// </summary>
    public static void DirectConvolution<T>(ReadOnlySpan<T> input, Shape shape, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases,
        int filters, int kernelSize, Span<T> output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = shape.Channels, width = shape.Width, k = kernelSize;
        int outHeight = shape.Height - k + 1, outWidth = width - k + 1, patch = k * k * c;
        for (int y = 0; y < outHeight; y++)
            for (int x = 0; x < outWidth; x++)
                for (int f = 0; f < filters; f++)
                {
                    T sum = biases[f];
                    for (int dy = 0; dy < k; dy++)
                        for (int dx = 0; dx < k; dx++)
                            for (int ch = 0; ch < c; ch++)
                                sum += weights[f * patch + (dy * k + dx) * c + ch] * input[((y + dy) * width + x + dx) * c + ch];
                    output[(y * outWidth + x) * filters + f] = sum;
                }
    }
}
