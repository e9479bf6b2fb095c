using System.Numerics;
using NeuralNets.Data;

namespace NeuralNets.Training;

/// <summary>
/// A mini-batch as two matrices with one example per column: the inputs X (input size × m) and the desired
/// outputs Y (output size × m, each column one-hot). Its memory is reused from batch to batch.
/// </summary>
public sealed class MiniBatch<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _inputs;
    private readonly T[] _targets;
    private readonly int[] _labels;

    /// <summary>Room for up to <paramref name="capacity"/> examples.</summary>
    public MiniBatch(int inputSize, int outputSize, int capacity)
    {
        if (inputSize <= 0 || outputSize <= 0 || capacity <= 0)
            throw new ArgumentException($"Mini-batch sizes must be positive: input {inputSize}, output {outputSize}, capacity {capacity}.");
        InputSize = inputSize;
        OutputSize = outputSize;
        Capacity = capacity;
        _inputs = new T[inputSize * capacity];
        _targets = new T[outputSize * capacity];
        _labels = new int[capacity];
    }

    /// <summary>Values per input column.</summary>
    public int InputSize { get; }

    /// <summary>Values per desired-output column.</summary>
    public int OutputSize { get; }

    /// <summary>The most examples this batch holds.</summary>
    public int Capacity { get; }

    /// <summary>How many examples it holds now: m.</summary>
    public int Count { get; private set; }

    /// <summary>X: the inputs, column i = example i.</summary>
    public ReadOnlySpan<T> Inputs => _inputs.AsSpan(0, InputSize * Count);

    /// <summary>Y: the desired outputs, column i = example i.</summary>
    public ReadOnlySpan<T> Targets => _targets.AsSpan(0, OutputSize * Count);

    /// <summary>The class of each example.</summary>
    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Count);

    /// <summary>Fills the batch with the images at <paramref name="indices"/>: pixels scaled to [0, 1], labels one-hot.</summary>
    public void Load(ImageSet images, ReadOnlySpan<int> indices)
    {
        if (images.PixelsPerImage != InputSize || images.ClassCount != OutputSize)
            throw new ArgumentException(
                $"{images.Name} has {images.PixelsPerImage} pixels and {images.ClassCount} classes; this batch expects {InputSize} inputs and {OutputSize} outputs.");
        Resize(indices.Length);
        for (int i = 0; i < indices.Length; i++)
        {
            images.CopyInput(indices[i], _inputs.AsSpan(i * InputSize, InputSize));
            SetLabel(i, images.Label(indices[i]));
        }
    }

    /// <summary>Fills the batch with the images <paramref name="start"/> to start + count − 1.</summary>
    public void Load(ImageSet images, int start, int count)
    {
        Span<int> indices = count <= 1024 ? stackalloc int[count] : new int[count];
        for (int i = 0; i < count; i++)
            indices[i] = start + i;
        Load(images, indices);
    }

    /// <summary>Fills the batch with arbitrary examples: input vectors and their classes (for small made-up problems).</summary>
    public void Load(IReadOnlyList<T[]> inputs, IReadOnlyList<int> labels)
    {
        if (inputs.Count != labels.Count)
            throw new ArgumentException($"Got {inputs.Count} inputs but {labels.Count} labels.");
        Resize(inputs.Count);
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Length != InputSize)
                throw new ArgumentException($"Input {i} has {inputs[i].Length} values; expected {InputSize}.");
            inputs[i].CopyTo(_inputs, i * InputSize);
            SetLabel(i, labels[i]);
        }
    }

    /// <summary>Fills the batch with input vectors and arbitrary desired outputs (not necessarily one-hot).</summary>
    public void Load(IReadOnlyList<T[]> inputs, IReadOnlyList<T[]> targets)
    {
        if (inputs.Count != targets.Count)
            throw new ArgumentException($"Got {inputs.Count} inputs but {targets.Count} desired outputs.");
        Resize(inputs.Count);
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Length != InputSize || targets[i].Length != OutputSize)
                throw new ArgumentException(
                    $"Example {i} has {inputs[i].Length} inputs and {targets[i].Length} outputs; expected {InputSize} and {OutputSize}.");
            inputs[i].CopyTo(_inputs, i * InputSize);
            targets[i].CopyTo(_targets, i * OutputSize);
            _labels[i] = System.Numerics.Tensors.TensorPrimitives.IndexOfMax<T>(targets[i]);
        }
    }

    private void Resize(int count)
    {
        if (count <= 0 || count > Capacity)
            throw new ArgumentException($"A mini-batch of {count} examples does not fit: capacity is {Capacity}.");
        Count = count;
    }

    private void SetLabel(int i, int label)
    {
        if ((uint)label >= (uint)OutputSize)
            throw new ArgumentException($"Label {label} of example {i} is not a class of a network with {OutputSize} outputs.");
        _labels[i] = label;
        var column = _targets.AsSpan(i * OutputSize, OutputSize);
        column.Clear();
        column[label] = T.One;
    }
}
