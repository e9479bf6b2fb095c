using System.Numerics;

namespace NeuralNets.Layers;

/// <summary>
/// Max-pooling (Nielsen ch. 6, "Pooling layers"): each <see cref="PoolSize"/> × <see cref="PoolSize"/> block of each
/// feature map is replaced by its largest value, so 24 × 24 maps become 12 × 12. No weights. Backward, only the
/// winner of each block gets the error (the others did not affect the output); the layer remembers where it was.
/// </summary>
public sealed class MaxPoolingLayer<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _winners = [];

    /// <summary>Pools <paramref name="inputShape"/> in blocks of <paramref name="poolSize"/> × <paramref name="poolSize"/>.</summary>
    public MaxPoolingLayer(Shape inputShape, int poolSize)
        : base(inputShape, OutputShapeOf(inputShape, poolSize))
    {
        PoolSize = poolSize;
    }

    private static Shape OutputShapeOf(Shape input, int poolSize)
    {
        if (poolSize <= 0 || input.Height % poolSize != 0 || input.Width % poolSize != 0)
            throw new ArgumentException($"pool{poolSize}: the {input.Height} × {input.Width} maps do not divide into {poolSize} × {poolSize} blocks.");
        return new Shape(input.Channels, input.Height / poolSize, input.Width / poolSize);
    }

    /// <summary>The side of each pooled block.</summary>
    public int PoolSize { get; }

    /// <inheritdoc />
    public override string Description => $"max-pooling {PoolSize}×{PoolSize}, {InputShape} → {OutputShape}";

    /// <inheritdoc />
    protected override void Allocate(int batchCapacity) => _winners = new int[batchCapacity * OutputShape.Size];

    /// <inheritdoc />
    public override void Forward(ReadOnlyMemory<T> input, Memory<T> output, int batch, bool training)
    {
        int c = InputShape.Channels, inWidth = InputShape.Width, outHeight = OutputShape.Height, outWidth = OutputShape.Width, p = PoolSize;
        ReadOnlySpan<T> source = input.Span;
        Span<T> target = output.Span;
        for (int i = 0; i < batch; i++)
        {
            int inBase = i * InputShape.Size, outBase = i * OutputShape.Size;
            for (int y = 0; y < outHeight; y++)
                for (int x = 0; x < outWidth; x++)
                    for (int ch = 0; ch < c; ch++)
                    {
                        int best = inBase + ((y * p) * inWidth + x * p) * c + ch;
                        for (int dy = 0; dy < p; dy++)
                            for (int dx = 0; dx < p; dx++)
                            {
                                int at = inBase + ((y * p + dy) * inWidth + x * p + dx) * c + ch;
                                if (source[at] > source[best])
                                    best = at;
                            }
                        int o = outBase + (y * outWidth + x) * c + ch;
                        target[o] = source[best];
                        _winners[o] = best;
                    }
        }
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlyMemory<T> input, ReadOnlyMemory<T> output, Memory<T> outputError, Memory<T> inputError,
        int batch, bool errorIsForWeightedInputs)
    {
        if (inputError.IsEmpty)
            return;
        Span<T> target = inputError.Span[..(batch * InputShape.Size)];
        target.Clear();
        ReadOnlySpan<T> error = outputError.Span;
        for (int o = 0; o < batch * OutputShape.Size; o++)
            target[_winners[o]] += error[o];
    }
}
