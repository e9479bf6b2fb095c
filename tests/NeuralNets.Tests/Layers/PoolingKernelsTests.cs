using System.Numerics;
using NeuralNets.Kernels;
using NeuralNets.Layers;

namespace NeuralNets.Tests.Layers;

/// <summary>The vector max-pooling against its plain definition, with ties, and the errors sent back to the winners.</summary>
public class PoolingKernelsTests
{
    [Theory]
    [InlineData(20, 24, 24, 2)]   // the chapter-6 network's first pooling
    [InlineData(40, 8, 8, 2)]     // its second
    [InlineData(9, 6, 6, 3)]      // channels that are not a whole number of vectors: the last vector overlaps
    [InlineData(3, 4, 4, 2)]      // fewer channels than a vector: the plain loop
    public void The_vector_kernel_picks_the_same_values_and_winners_as_the_definition(int channels, int height, int width, int poolSize)
    {
        SameAsDefinition<float>(new Shape(channels, height, width), poolSize);
        SameAsDefinition<double>(new Shape(channels, height, width), poolSize);
    }

    private static void SameAsDefinition<T>(Shape shape, int poolSize) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(shape.Size + poolSize);
        // Whole numbers from a small range, and a third of them zero (as after ReLU), so that blocks often tie.
        var input = Enumerable.Range(0, shape.Size).Select(_ => random.Next(3) == 0 ? T.Zero : T.CreateTruncating(random.Next(-4, 5))).ToArray();
        int outSize = shape.Channels * (shape.Height / poolSize) * (shape.Width / poolSize);
        T[] fast = new T[outSize], fastWinners = new T[outSize], plain = new T[outSize], plainWinners = new T[outSize];

        PoolingKernels.MaxPool<T>(input, shape, poolSize, fast, fastWinners);
        PoolingKernels.PlainMaxPool<T>(input, shape, poolSize, plain, plainWinners);

        Assert.Equal(plain, fast);
        Assert.Equal(plainWinners, fastWinners);   // ties go to the first position in reading order in both
        for (int o = 0; o < outSize; o++)
            Assert.True(plainWinners[o] >= T.Zero, $"output {o}: winner offset {plainWinners[o]}");
    }

    [Fact]
    public void The_error_goes_to_each_winner_and_nowhere_else()
    {
        var shape = new Shape(20, 4, 4);
        var random = new Random(5);
        var input = Enumerable.Range(0, shape.Size).Select(_ => random.NextSingle()).ToArray();
        var output = new float[20 * 2 * 2];
        var winners = new float[output.Length];
        PoolingKernels.MaxPool<float>(input, shape, 2, output, winners);
        var outputError = Enumerable.Range(1, output.Length).Select(v => (float)v).ToArray();
        var inputError = Enumerable.Repeat(99f, shape.Size).ToArray();   // stale values the kernel must clear

        PoolingKernels.RouteErrors<float>(outputError, winners, shape, 2, inputError);

        // Each output's error sits where its value came from; the other three positions of each block hold 0.
        for (int o = 0; o < output.Length; o++)
        {
            int at = Array.FindIndex(inputError, e => e == outputError[o]);
            Assert.Equal(output[o], input[at]);
        }
        Assert.Equal(shape.Size - output.Length, inputError.Count(e => e == 0));
    }
}
