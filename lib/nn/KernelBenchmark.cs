using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using NeuralNets.Kernels;

namespace NeuralNets.Cli;

/// <summary>
/// <c>nn bench --kernels</c>: times each of the three kernel products at the shapes one mini-batch of each
/// benchmark configuration uses, for float and double, and prints the median time per call and GFLOP/s.
/// </summary>
/// <remarks>
/// A product of an (m × n) by an (n × p) matrix does m·n·p multiply-adds, counted as 2·m·n·p floating-point
/// operations. Each shape is warmed up first (so the JIT has compiled the optimized code), then timed in
/// <see cref="Rounds"/> rounds of about <see cref="RoundSeconds"/> each; the median round is reported, which
/// ignores the rounds other processes on the machine slowed down.
/// </remarks>
internal static class KernelBenchmark
{
    private const int Rounds = 15;
    private const double RoundSeconds = 0.02;
    private const double WarmUpSeconds = 0.2;

    private enum Product { WeightsTimesBatch, TransposedWeightsTimesBatch, BatchTimesTransposedBatch }

    private sealed record Shape(string Config, Product Product, int Rows, int Inner, int Batch)
    {
        public double Flops => 2.0 * Rows * Inner * Batch;
    }

    /// <summary>The products of one mini-batch of a network with one hidden layer: two forward (W·A), one
    /// backward through the output weights (Wᵀ·D; none is needed for the input layer), two gradients (D·Aᵀ).</summary>
    private static IEnumerable<Shape> MiniBatch(string config, int inputs, int hidden, int outputs, int batch) =>
    [
        new(config, Product.WeightsTimesBatch, hidden, inputs, batch),
        new(config, Product.WeightsTimesBatch, outputs, hidden, batch),
        new(config, Product.TransposedWeightsTimesBatch, outputs, hidden, batch),
        new(config, Product.BatchTimesTransposedBatch, outputs, hidden, batch),
        new(config, Product.BatchTimesTransposedBatch, hidden, inputs, batch),
    ];

    private static readonly (string Name, int Hidden, int Batch)[] Configs = [("ch1", 30, 10), ("ch3", 100, 10), ("wide", 1024, 100)];

    public static int Run(IReadOnlyList<string> configs, IReadOnlyList<string> precisions, bool json)
    {
        if (!json)
        {
            Console.WriteLine($"Kernel products, median of {Rounds} rounds after warm-up ({Environment.ProcessorCount} cores; " +
                $"vectors: {(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 512 : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 256 : 128)} bits).");
            Console.WriteLine($"{"config",-6} {"product",-28} {"rows×inner×batch",-17} {"type",-6} {"µs/call",9} {"GFLOP/s",8} {"best",8}");
        }
        foreach (var (name, hidden, batch) in Configs.Where(c => configs.Contains(c.Name)))
            foreach (string precision in precisions)
            {
                double miniBatchSeconds = 0, miniBatchFlops = 0;
                foreach (var shape in MiniBatch(name, 784, hidden, 10, batch))
                {
                    var (seconds, best) = precision == "float" ? Time<float>(shape) : Time<double>(shape);
                    miniBatchSeconds += seconds;
                    miniBatchFlops += shape.Flops;
                    if (json)
                        Console.WriteLine(JsonSerializer.Serialize(new
                        {
                            kind = "kernel", config = name, product = shape.Product.ToString(), rows = shape.Rows, inner = shape.Inner,
                            batch = shape.Batch, precision, microsecondsPerCall = Math.Round(seconds * 1e6, 3),
                            gflops = Math.Round(shape.Flops / seconds / 1e9, 2), bestMicrosecondsPerCall = Math.Round(best * 1e6, 3),
                        }));
                    else
                        Console.WriteLine($"{name,-6} {shape.Product,-28} {$"{shape.Rows}×{shape.Inner}×{shape.Batch}",-17} {precision,-6} " +
                            $"{seconds * 1e6,9:F2} {shape.Flops / seconds / 1e9,8:F1} {shape.Flops / best / 1e9,8:F1}");
                }
                double epochSeconds = miniBatchSeconds * (50_000 / batch);
                if (json)
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        kind = "kernel-minibatch", config = name, precision, microsecondsPerMiniBatch = Math.Round(miniBatchSeconds * 1e6, 3),
                        gflops = Math.Round(miniBatchFlops / miniBatchSeconds / 1e9, 2), productSecondsPerEpoch = Math.Round(epochSeconds, 4),
                    }));
                else
                    Console.WriteLine($"{name,-6} {"all five, one mini-batch",-28} {"",-17} {precision,-6} {miniBatchSeconds * 1e6,9:F2} " +
                        $"{miniBatchFlops / miniBatchSeconds / 1e9,8:F1}   → {epochSeconds:F3} s of products per 50,000-image epoch");
            }
        return 0;
    }

    /// <summary>Median and best seconds per call of one product at one shape.</summary>
    private static (double Median, double Best) Time<T>(Shape shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(1);
        T[] Fill(int length)
        {
            var values = new T[length];
            for (int n = 0; n < length; n++)
                values[n] = T.CreateTruncating(random.NextDouble() - 0.5);
            return values;
        }
        var (rows, inner, batch) = (shape.Rows, shape.Inner, shape.Batch);
        var (x, y, result) = shape.Product switch
        {
            Product.WeightsTimesBatch => (Fill(rows * inner), Fill(inner * batch), new T[rows * batch]),
            Product.TransposedWeightsTimesBatch => (Fill(rows * inner), Fill(rows * batch), new T[inner * batch]),
            _ => (Fill(rows * batch), Fill(inner * batch), new T[rows * inner]),
        };

        void Call(int times)
        {
            for (int n = 0; n < times; n++)
                switch (shape.Product)
                {
                    case Product.WeightsTimesBatch: Kernels.Kernels.WeightsTimesBatch<T>(x, y, result, rows, inner, batch); break;
                    case Product.TransposedWeightsTimesBatch: Kernels.Kernels.TransposedWeightsTimesBatch<T>(x, y, result, rows, inner, batch); break;
                    default: Kernels.Kernels.BatchTimesTransposedBatch<T>(x, y, result, rows, inner, batch); break;
                }
        }

        // Warm up, and find how many calls make a round of about RoundSeconds.
        var clock = Stopwatch.StartNew();
        int calls = 1;
        while (clock.Elapsed.TotalSeconds < WarmUpSeconds)
        {
            long start = Stopwatch.GetTimestamp();
            Call(calls);
            double took = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (took < RoundSeconds)
                calls = (int)Math.Min(calls * 2L, int.MaxValue / 2);
        }

        var perCall = new double[Rounds];
        for (int round = 0; round < Rounds; round++)
        {
            long start = Stopwatch.GetTimestamp();
            Call(calls);
            perCall[round] = Stopwatch.GetElapsedTime(start).TotalSeconds / calls;
        }
        Array.Sort(perCall);
        return (perCall[Rounds / 2], perCall[0]);
    }
}
