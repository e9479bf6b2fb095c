using System.Numerics;
using System.Runtime.Intrinsics;
using NeuralNets.Kernels;

namespace NeuralNets.Tests.Kernels;

/// <summary>The fast kernels against the plain ones, at every vector width this machine has.</summary>
public class KernelTests
{
    /// <summary>(rows, inner, batch): the course's shapes, tiny ones, and sizes just around the vector widths
    /// (4, 8 and 16 floats; 2, 4 and 8 doubles) and the block sizes (5 × 2 and 4 × 5 dot products, 5 rows × 2 vectors).</summary>
    public static TheoryData<int, int, int> Shapes()
    {
        var shapes = new TheoryData<int, int, int>
        {
            { 1, 1, 1 }, { 7, 13, 3 }, { 30, 784, 10 }, { 10, 30, 10 }, { 100, 784, 10 }, { 10, 100, 10 },
            { 1024, 784, 100 }, { 10, 1024, 100 }, { 3, 5, 2 }, { 4, 64, 1 }, { 11, 33, 7 }, { 0, 5, 3 }, { 5, 0, 3 }, { 5, 9, 0 },
        };
        foreach (int inner in new[] { 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65 })
            foreach ((int rows, int batch) in new[] { (1, 1), (4, 1), (5, 2), (6, 3), (4, 5), (9, 5), (11, 4), (13, 12) })
                shapes.Add(rows, inner, batch);
        return shapes;
    }

    public enum Width { Best, V128, V256, V512 }

    public enum Product { WeightsTimesBatch, TransposedWeightsTimesBatch, BatchTimesTransposedBatch }

    public static TheoryData<Product, Width> ProductsAndWidths()
    {
        var data = new TheoryData<Product, Width>();
        foreach (var product in Enum.GetValues<Product>())
            foreach (var width in Enum.GetValues<Width>())
                data.Add(product, width);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProductsAndWidths))]
    public void FloatMatchesPlainOnEveryShape(Product product, Width width) => MatchesPlainOnEveryShape<float>(product, width);

    [Theory]
    [MemberData(nameof(ProductsAndWidths))]
    public void DoubleMatchesPlainOnEveryShape(Product product, Width width) => MatchesPlainOnEveryShape<double>(product, width);

    private static void MatchesPlainOnEveryShape<T>(Product product, Width width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!IsAccelerated(width))
            return; // this machine has no such vectors; nothing to test
        foreach (var row in Shapes())
        {
            (int rows, int inner, int batch) = ((int)row[0], (int)row[1], (int)row[2]);
            var random = new Random(rows * 1_000_003 + inner * 1009 + batch);
            var (first, second, resultLength, terms) = Operands(product, rows, inner, batch);

            // Operands sit inside NaN padding: a kernel that reads one number outside its operand gets NaN out.
            // The result sits inside sentinel padding: a kernel that writes outside it is caught.
            var firstPadded = Padded<T>(first, random);
            var secondPadded = Padded<T>(second, random);
            var fastPadded = new T[resultLength + 2 * Pad];
            Array.Fill(fastPadded, T.CreateTruncating(12345));
            fastPadded.AsSpan(Pad, resultLength).Fill(T.NaN); // every output must be written
            var expected = new T[resultLength];
            var bound = new T[resultLength];

            var x = firstPadded.AsSpan(Pad, first);
            var y = secondPadded.AsSpan(Pad, second);
            Run(product, width, x, y, fastPadded.AsSpan(Pad, resultLength), rows, inner, batch);
            RunPlain(product, x, y, expected, rows, inner, batch);
            RunPlain(product, Abs(x), Abs(y), bound, rows, inner, batch);

            // Both sums of `terms` products carry a rounding error of at most terms·ε·Σ|products| (ε = machine
            // epsilon, twice the unit roundoff); leaving out or doubling one product would be far larger.
            T tolerance = T.CreateTruncating(2 * Math.Max(terms, 1)) * Epsilon<T>();
            for (int n = 0; n < resultLength; n++)
            {
                T got = fastPadded[Pad + n];
                Assert.False(T.IsNaN(got), $"{product} {width} {typeof(T).Name} {rows}x{inner}x{batch}: output {n} is NaN (not written, or read outside the operands)");
                Assert.True(T.Abs(got - expected[n]) <= tolerance * bound[n],
                    $"{product} {width} {typeof(T).Name} {rows}x{inner}x{batch}: output {n} is {got}, plain gives {expected[n]} (bound {tolerance * bound[n]})");
            }
            for (int n = 0; n < Pad; n++)
            {
                Assert.Equal(T.CreateTruncating(12345), fastPadded[n]);
                Assert.Equal(T.CreateTruncating(12345), fastPadded[Pad + resultLength + n]);
            }
        }
    }

    [Theory]
    [InlineData(Product.WeightsTimesBatch)]
    [InlineData(Product.TransposedWeightsTimesBatch)]
    [InlineData(Product.BatchTimesTransposedBatch)]
    public void SameInputsGiveIdenticalOutputs(Product product)
    {
        foreach (var (rows, inner, batch) in new[] { (30, 784, 10), (10, 30, 10), (1024, 784, 100), (7, 13, 3), (11, 33, 7) })
        {
            var random = new Random(7);
            var (first, second, resultLength, _) = Operands(product, rows, inner, batch);
            var x = Padded<float>(first, random).AsSpan(Pad, first).ToArray();
            var y = Padded<float>(second, random).AsSpan(Pad, second).ToArray();
            var once = new float[resultLength];
            var twice = new float[resultLength];
            Run<float>(product, Width.Best, x, y, once, rows, inner, batch);
            // The same numbers at another address (another alignment) must give the same bits too.
            var xMoved = new float[first + 3];
            var yMoved = new float[second + 1];
            x.CopyTo(xMoved, 3);
            y.CopyTo(yMoved, 1);
            Run<float>(product, Width.Best, xMoved.AsSpan(3), yMoved.AsSpan(1), twice, rows, inner, batch);
            Assert.Equal(once, twice);
        }
    }

    [Fact]
    public void FacadeRejectsShortOperands()
    {
        var six = new double[6];
        var five = new double[5];
        // rows 2, inner 3, batch 1: W has 6 numbers, A 3, Z 2.
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.WeightsTimesBatch<double>(five, six, six, 2, 3, 1));
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.WeightsTimesBatch<double>(six, new double[2], six, 2, 3, 1));
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.WeightsTimesBatch<double>(six, six, new double[1], 2, 3, 1));
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.TransposedWeightsTimesBatch<double>(five, six, six, 2, 3, 1));
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.TransposedWeightsTimesBatch<double>(six, new double[1], six, 2, 3, 1));
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.TransposedWeightsTimesBatch<double>(six, six, new double[2], 2, 3, 1));
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.BatchTimesTransposedBatch<double>(new double[1], six, six, 2, 3, 1));
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.BatchTimesTransposedBatch<double>(six, new double[2], six, 2, 3, 1));
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.BatchTimesTransposedBatch<double>(six, six, five, 2, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuralNets.Kernels.Kernels.WeightsTimesBatch<double>(six, six, six, -1, 3, 1));
        // Sizes whose product overflows an int are too long for any span, not a negative length that passes.
        Assert.Throws<ArgumentException>(() => NeuralNets.Kernels.Kernels.WeightsTimesBatch<double>(six, six, six, 65536, 65536, 1));
        // Longer operands are fine: only the first numbers are used.
        NeuralNets.Kernels.Kernels.WeightsTimesBatch<double>(six, six, six, 2, 3, 1);
    }

    [Fact]
    public void FacadeWorksForTypesWithoutFastKernels()
    {
        // Half has no vector kernels: the facade falls back to the plain loops.
        Half[] w = [(Half)1, (Half)2, (Half)3, (Half)4];
        Half[] a = [(Half)1, (Half)1];
        var z = new Half[2];
        NeuralNets.Kernels.Kernels.WeightsTimesBatch<Half>(w, a, z, 2, 2, 1);
        Assert.Equal([(Half)3, (Half)7], z);
    }

    private const int Pad = 40;

    private static T Epsilon<T>() where T : IFloatingPointIeee754<T> =>
        T.BitIncrement(T.One) - T.One;

    private static bool IsAccelerated(Width width) => width switch
    {
        Width.Best => true,
        Width.V128 => Vector128.IsHardwareAccelerated,
        Width.V256 => Vector256.IsHardwareAccelerated,
        _ => Vector512.IsHardwareAccelerated,
    };

    /// <summary>Lengths of the two operands and the result, and how many products each output sums.</summary>
    private static (int First, int Second, int Result, int Terms) Operands(Product product, int rows, int inner, int batch) => product switch
    {
        Product.WeightsTimesBatch => (rows * inner, inner * batch, rows * batch, inner),
        Product.TransposedWeightsTimesBatch => (rows * inner, rows * batch, inner * batch, rows),
        _ => (rows * batch, inner * batch, rows * inner, batch),
    };

    private static T[] Padded<T>(int length, Random random) where T : IFloatingPointIeee754<T>
    {
        var values = new T[length + 2 * Pad];
        Array.Fill(values, T.NaN);
        for (int n = 0; n < length; n++)
            values[Pad + n] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        return values;
    }

    private static T[] Abs<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        var abs = new T[values.Length];
        for (int n = 0; n < values.Length; n++)
            abs[n] = T.Abs(values[n]);
        return abs;
    }

    private static void Run<T>(Product product, Width width, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (product, width)
        {
            case (Product.WeightsTimesBatch, Width.Best):
                NeuralNets.Kernels.Kernels.WeightsTimesBatch(x, y, result, rows, inner, batch); break;
            case (Product.WeightsTimesBatch, Width.V128):
                SimdKernels.WeightsTimesBatch<T, Vector128<T>, Simd128<T>>(x, y, result, rows, inner, batch); break;
            case (Product.WeightsTimesBatch, Width.V256):
                SimdKernels.WeightsTimesBatch<T, Vector256<T>, Simd256<T>>(x, y, result, rows, inner, batch); break;
            case (Product.WeightsTimesBatch, Width.V512):
                SimdKernels.WeightsTimesBatch<T, Vector512<T>, Simd512<T>>(x, y, result, rows, inner, batch); break;
            case (Product.TransposedWeightsTimesBatch, Width.Best):
                NeuralNets.Kernels.Kernels.TransposedWeightsTimesBatch(x, y, result, rows, inner, batch); break;
            case (Product.TransposedWeightsTimesBatch, Width.V128):
                SimdKernels.TransposedWeightsTimesBatch<T, Vector128<T>, Simd128<T>>(x, y, result, rows, inner, batch); break;
            case (Product.TransposedWeightsTimesBatch, Width.V256):
                SimdKernels.TransposedWeightsTimesBatch<T, Vector256<T>, Simd256<T>>(x, y, result, rows, inner, batch); break;
            case (Product.TransposedWeightsTimesBatch, Width.V512):
                SimdKernels.TransposedWeightsTimesBatch<T, Vector512<T>, Simd512<T>>(x, y, result, rows, inner, batch); break;
            case (Product.BatchTimesTransposedBatch, Width.Best):
                NeuralNets.Kernels.Kernels.BatchTimesTransposedBatch(x, y, result, rows, inner, batch); break;
            case (Product.BatchTimesTransposedBatch, Width.V128):
                SimdKernels.BatchTimesTransposedBatch<T, Vector128<T>, Simd128<T>>(x, y, result, rows, inner, batch); break;
            case (Product.BatchTimesTransposedBatch, Width.V256):
                SimdKernels.BatchTimesTransposedBatch<T, Vector256<T>, Simd256<T>>(x, y, result, rows, inner, batch); break;
            default:
                SimdKernels.BatchTimesTransposedBatch<T, Vector512<T>, Simd512<T>>(x, y, result, rows, inner, batch); break;
        }
    }

    private static void RunPlain<T>(Product product, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (product)
        {
            case Product.WeightsTimesBatch: PlainKernels.WeightsTimesBatch(x, y, result, rows, inner, batch); break;
            case Product.TransposedWeightsTimesBatch: PlainKernels.TransposedWeightsTimesBatch(x, y, result, rows, inner, batch); break;
            default: PlainKernels.BatchTimesTransposedBatch(x, y, result, rows, inner, batch); break;
        }
    }
}
