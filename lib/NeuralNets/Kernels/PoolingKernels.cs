using System.Numerics;
using NeuralNets.Layers;

namespace NeuralNets.Kernels;

/// <summary>
/// Max-pooling of one example, channels last (<see cref="Shape"/>): each p × p block of each channel becomes its largest
/// value, and the kernel remembers where in the block the winner sat, so the backward pass (<see cref="RouteErrors{T}"/>)
/// can send the error to it alone. <see cref="PlainMaxPool{T}"/> is the definition, the reference the tests compare with.
/// </summary>
/// <remarks>
/// Why not an <c>if</c> per value: with real activations the winner of a block is anybody's guess, so the processor
/// mispredicts the comparison about half the time and pays some 15 cycles each time. <see cref="MaxPool{T}"/> compares
/// all the channels of one position at once with vector instructions and selects, which has no branch to mispredict:
/// 20 × 24 × 24 maps, 10 examples, went from 518 µs to about 50 µs.
/// <para>A winner is stored as its offset from the first value of its block, (dy·width + dx)·channels, in a T: a small
/// whole number, exact in float or double, so the selection can work on it in the same vector lanes as the values.
/// Ties go to the first position in reading order, as in the plain loop.</para>
/// </remarks>
public static class PoolingKernels
{
    /// <summary>Pools <paramref name="input"/> (one example of <paramref name="shape"/>) in <paramref name="poolSize"/> ×
    /// <paramref name="poolSize"/> blocks into <paramref name="output"/>, and each winner's offset into <paramref name="winners"/>.</summary>
    public static void MaxPool<T>(ReadOnlySpan<T> input, Shape shape, int poolSize, Span<T> output, Span<T> winners)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = shape.Channels, width = shape.Width, p = poolSize, lanes = Vector<T>.Count;
        if (!Vector.IsHardwareAccelerated || c < lanes)
        {
            PlainMaxPool(input, shape, poolSize, output, winners);
            return;
        }
        int outHeight = shape.Height / p, outWidth = width / p;
        for (int y = 0; y < outHeight; y++)
            for (int x = 0; x < outWidth; x++)
            {
                int first = (y * p * width + x * p) * c, o = (y * outWidth + x) * c;
                Span<T> best = output.Slice(o, c), winner = winners.Slice(o, c);
                input.Slice(first, c).CopyTo(best);   // the block's first position leads until beaten
                winner.Clear();
                for (int dy = 0; dy < p; dy++)
                    for (int dx = dy == 0 ? 1 : 0; dx < p; dx++)
                    {
                        int offset = (dy * width + dx) * c;
                        ReadOnlySpan<T> challenger = input.Slice(first + offset, c);
                        var offsetLanes = new Vector<T>(T.CreateTruncating(offset));
                        // Whole vectors across the channels; the last one may overlap the one before, which is harmless:
                        // a lane it already settled compares equal and keeps its winner.
                        for (int start = 0; start < c; start += lanes)
                        {
                            int s = Math.Min(start, c - lanes);
                            var value = new Vector<T>(challenger[s..]);
                            var leader = new Vector<T>(best[s..]);
                            var wins = Vector.GreaterThan(value, leader);
                            Vector.ConditionalSelect(wins, value, leader).CopyTo(best[s..]);
                            Vector.ConditionalSelect(wins, offsetLanes, new Vector<T>(winner[s..])).CopyTo(winner[s..]);
                        }
                    }
            }
    }

    /// <summary>The definition of <see cref="MaxPool{T}"/>, one value at a time: the reference for the tests and the path
    /// for fewer channels than a vector holds.</summary>
    public static void PlainMaxPool<T>(ReadOnlySpan<T> input, Shape shape, int poolSize, Span<T> output, Span<T> winners)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = shape.Channels, width = shape.Width, p = poolSize, outHeight = shape.Height / p, outWidth = width / p;
        for (int y = 0; y < outHeight; y++)
            for (int x = 0; x < outWidth; x++)
                for (int ch = 0; ch < c; ch++)
                {
                    int first = (y * p * width + x * p) * c + ch, best = 0;
                    for (int dy = 0; dy < p; dy++)
                        for (int dx = 0; dx < p; dx++)
                        {
                            int offset = (dy * width + dx) * c;
                            if (input[first + offset] > input[first + best])
                                best = offset;
                        }
                    int o = (y * outWidth + x) * c + ch;
                    output[o] = input[first + best];
                    winners[o] = T.CreateTruncating(best);
                }
    }

    /// <summary>The backward pass of one example: each output's error goes to its block's winner, every other input
    /// position gets zero (it did not affect the output). Clears <paramref name="inputError"/> first.</summary>
    public static void RouteErrors<T>(ReadOnlySpan<T> outputError, ReadOnlySpan<T> winners, Shape shape, int poolSize, Span<T> inputError)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = shape.Channels, width = shape.Width, p = poolSize, outHeight = shape.Height / p, outWidth = width / p;
        inputError[..shape.Size].Clear();
        for (int y = 0; y < outHeight; y++)
            for (int x = 0; x < outWidth; x++)
            {
                int first = (y * p * width + x * p) * c, o = (y * outWidth + x) * c;
                for (int ch = 0; ch < c; ch++)
                    inputError[first + ch + int.CreateTruncating(winners[o + ch])] = outputError[o + ch];
            }
    }
}
