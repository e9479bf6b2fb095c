using System.Numerics;
using System.Numerics.Tensors;
using NeuralNets.Activations;
using NeuralNets.Kernels;

namespace NeuralNets.Layers;

/// <summary>
/// Every input connected to every output neuron: a′ = σ(w a + b) (Nielsen eq. 25), the layer of
/// <see cref="Networks.Network{T}"/>. Whatever shape its input has, it reads it as one vector.
/// </summary>
public sealed class FullyConnectedLayer<T> : WeightedLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary><paramref name="neurons"/> neurons reading everything of <paramref name="inputShape"/>.</summary>
    public FullyConnectedLayer(Shape inputShape, int neurons, Activation activation, int seed)
        : base(inputShape, new Shape(neurons, 1, 1), neurons * inputShape.Size, neurons, inputShape.Size, activation, seed)
    {
    }

    /// <summary>Output neurons.</summary>
    public int Neurons => OutputShape.Size;

    /// <inheritdoc />
    public override string Description => $"fully connected {InputShape.Size} → {Neurons}, {Activation.Name}";

    /// <inheritdoc />
    public override void Forward(ReadOnlyMemory<T> input, Memory<T> output, int batch, bool training)
    {
        int n = Neurons, inputs = InputShape.Size;
        ParallelKernels.WeightsTimesBatch(WeightMemory, input[..(batch * inputs)], Zs.AsMemory(0, batch * n), n, inputs, batch);   // z = w a
        Span<T> z = Zs.AsSpan(0, batch * n);
        ReadOnlySpan<T> b = Biases;
        for (int i = 0; i < batch; i++)
            TensorPrimitives.Add(z.Slice(i * n, n), b, z.Slice(i * n, n));                          // + b
        Activate(output.Span, batch);
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlyMemory<T> input, ReadOnlyMemory<T> output, Memory<T> outputError, Memory<T> inputError,
        int batch, bool errorIsForWeightedInputs)
    {
        int n = Neurons, inputs = InputShape.Size;
        ErrorForWeightedInputs(output.Span, outputError.Span, batch, errorIsForWeightedInputs);     // δ = ∂C/∂a ⊙ σ′(z)
        Memory<T> delta = outputError[..(batch * n)];
        ParallelKernels.BatchTimesTransposedBatch(delta, input[..(batch * inputs)], NablaWBuffer, n, inputs, batch);   // BP4: Σ δ aᵀ
        Span<T> nablaB = NablaBBuffer;
        nablaB.Clear();
        for (int i = 0; i < batch; i++)
            TensorPrimitives.Add(nablaB, delta.Span.Slice(i * n, n), nablaB);                       // BP3: Σ δ
        if (!inputError.IsEmpty)
            ParallelKernels.TransposedWeightsTimesBatch(WeightMemory, delta, inputError[..(batch * inputs)], n, inputs, batch);   // BP2: wᵀ δ
    }
}
