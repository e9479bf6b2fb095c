using NeuralNets.Kernels;

namespace NeuralNets.Tests.Kernels;

/// <summary>The products split over the cores give what the one-core kernels give, at shapes large enough to split.</summary>
public class ParallelKernelsTests
{
    [Theory]
    [InlineData(40, 500, 640)]
    [InlineData(20, 25, 5761)]   // an odd number of columns: the parts differ in size
    public void Split_products_equal_the_one_core_products(int rows, int inner, int batch)
    {
        Assert.True(ParallelKernels.Parts((long)rows * inner * batch, batch) > 1 || Environment.ProcessorCount == 1);
        var random = new Random(rows + inner);
        float[] Fill(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] w = Fill(rows * inner), a = Fill(inner * batch), d = Fill(rows * batch);

        float[] z = new float[rows * batch], zSplit = new float[rows * batch];
        NeuralNets.Kernels.Kernels.WeightsTimesBatch<float>(w, a, z, rows, inner, batch);
        ParallelKernels.WeightsTimesBatch<float>(w, a, zSplit, rows, inner, batch);
        Assert.Equal(z, zSplit);   // each column is computed the same way, whichever core does it

        float[] r = new float[inner * batch], rSplit = new float[inner * batch];
        NeuralNets.Kernels.Kernels.TransposedWeightsTimesBatch<float>(w, d, r, rows, inner, batch);
        ParallelKernels.TransposedWeightsTimesBatch<float>(w, d, rSplit, rows, inner, batch);
        Assert.Equal(r, rSplit);

        float[] g = new float[rows * inner], gSplit = new float[rows * inner];
        NeuralNets.Kernels.Kernels.BatchTimesTransposedBatch<float>(d, a, g, rows, inner, batch);
        ParallelKernels.BatchTimesTransposedBatch<float>(d, a, gSplit, rows, inner, batch);
        for (int i = 0; i < g.Length; i++)   // partial sums added in another order: equal to rounding
            Assert.Equal(g[i], gSplit[i], 1e-3f * Math.Max(1f, Math.Abs(g[i])));
    }
    [Theory]
    [InlineData(10, 100_000_000L)]   // enough work for every core
    [InlineData(7, 100_000_000L)]    // items that do not split evenly
    [InlineData(10, 1_000L)]         // too little work: one range on the calling thread
    [InlineData(1, 100_000_000L)]    // one item cannot be split
    public void ForRanges_visits_every_item_once_in_contiguous_ranges(int items, long work)
    {
        var visits = new int[items];
        var ranges = new System.Collections.Concurrent.ConcurrentBag<(int First, int Count)>();
        ParallelKernels.ForRanges(items, work, (first, count) =>
        {
            ranges.Add((first, count));
            for (int i = first; i < first + count; i++)
                Interlocked.Increment(ref visits[i]);
        });

        Assert.All(visits, v => Assert.Equal(1, v));
        Assert.Equal(ParallelKernels.Parts(work, items), ranges.Count);
        Assert.Equal(work == 1_000L || items == 1 ? 1 : Math.Min(Environment.ProcessorCount, items), ranges.Count);
    }
}
