using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace NeuralNets.Kernels;

/// <summary>
/// The three products of <see cref="Kernels"/>, split over the processor's cores when they are large enough to pay for
/// it. The columns of a batch are independent, so each core takes a contiguous range of them; for G = D·Aᵀ, a sum over
/// the columns, each core sums its own range and the partial sums are added at the end. Small products run on the
/// calling thread, exactly as <see cref="Kernels"/> would.
/// </summary>
/// <remarks>
/// The convolutional layers use these: their products run over (batch × positions) columns, thousands of them. The
/// operands are <see cref="Memory{T}"/> rather than spans because the work is handed to other threads; the partial
/// sums borrow their buffers from <see cref="ArrayPool{T}"/>, so no array is allocated once the pool is warm. What is
/// allocated is small: the closure of each call, and <see cref="Parallel.For(int, int, Action{int})"/>'s own bookkeeping
/// (measured on the chapter-6 network: 1.6 KB per mini-batch of 10 on one core, 16 KB on two, all of it gone in the
/// next gen-0 collection).
/// </remarks>
public static class ParallelKernels
{
    /// <summary>Below this many multiply-adds per core a product stays on one core: handing work to another thread costs
    /// some microseconds (at 2,000,000 the first convolution of a mini-batch of 10 stayed on one core; 250,000 took an
    /// epoch of `nn bench --config conv` from 13.3 to 12.6 s).</summary>
    public const long MinimumWorkPerCore = 250_000;

    /// <summary>How many cores a product of <paramref name="work"/> multiply-adds over <paramref name="columns"/> columns uses.</summary>
    public static int Parts(long work, int columns) =>
        (int)Math.Max(1, Math.Min(work / MinimumWorkPerCore, Math.Min(Environment.ProcessorCount, columns)));

    /// <inheritdoc cref="Kernels.WeightsTimesBatch{T}"/>
    public static void WeightsTimesBatch<T>(ReadOnlyMemory<T> w, ReadOnlyMemory<T> a, Memory<T> z, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        // Each core takes a range of columns (examples): z's columns depend only on a's same columns.
        ForRanges(batch, (long)rows * inner * batch, (first, count) =>
            Kernels.WeightsTimesBatch(w.Span, a.Span.Slice(first * inner, count * inner), z.Span.Slice(first * rows, count * rows), rows, inner, count));

    /// <inheritdoc cref="Kernels.TransposedWeightsTimesBatch{T}"/>
    public static void TransposedWeightsTimesBatch<T>(ReadOnlyMemory<T> w, ReadOnlyMemory<T> d, Memory<T> result, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ForRanges(batch, (long)rows * inner * batch, (first, count) =>
            Kernels.TransposedWeightsTimesBatch(w.Span, d.Span.Slice(first * rows, count * rows), result.Span.Slice(first * inner, count * inner), rows, inner, count));

    /// <inheritdoc cref="Kernels.BatchTimesTransposedBatch{T}"/>
    public static void BatchTimesTransposedBatch<T>(ReadOnlyMemory<T> d, ReadOnlyMemory<T> a, Memory<T> g, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int parts = Parts((long)rows * inner * batch, batch);
        if (parts == 1)
        {
            Kernels.BatchTimesTransposedBatch(d.Span, a.Span, g.Span, rows, inner, batch);
            return;
        }
        int size = rows * inner;
        var partials = new T[parts - 1][];
        for (int p = 0; p < partials.Length; p++)
            partials[p] = ArrayPool<T>.Shared.Rent(size);
        Parallel.For(0, parts, part =>
        {
            var (first, count) = Range(batch, parts, part);
            Span<T> target = part == 0 ? g.Span[..size] : partials[part - 1].AsSpan(0, size);
            Kernels.BatchTimesTransposedBatch(d.Span.Slice(first * rows, count * rows), a.Span.Slice(first * inner, count * inner), target, rows, inner, count);
        });
        foreach (var partial in partials)
        {
            TensorPrimitives.Add(g.Span[..size], partial.AsSpan(0, size), g.Span[..size]);
            ArrayPool<T>.Shared.Return(partial);
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/>(first, count) over contiguous ranges of <paramref name="items"/> examples, one range
    /// per core when <paramref name="work"/> multiply-adds pay for it, else once over them all on the calling thread.
    /// The two products above are one call of it each; a layer that does more than a product per example (a convolution
    /// copies each example's patches first) calls it too, so that each core does all of an example's steps in one go.
    /// </summary>
    public static void ForRanges(int items, long work, Action<int, int> body)
    {
        int parts = Parts(work, items);
        if (parts == 1)
        {
            body(0, items);
            return;
        }
        Parallel.For(0, parts, part =>
        {
            var (first, count) = Range(items, parts, part);
            body(first, count);
        });
    }

    private static (int First, int Count) Range(int total, int parts, int part)
    {
        int first = (int)((long)total * part / parts), next = (int)((long)total * (part + 1) / parts);
        return (first, next - first);
    }
}
