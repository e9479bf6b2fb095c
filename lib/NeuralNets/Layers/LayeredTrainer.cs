using System.Diagnostics;
using System.Numerics;
using NeuralNets.Data;

namespace NeuralNets.Layers;

/// <summary>What <see cref="LayeredTrainer"/> does: epochs, mini-batches, η and its decay, λ, expanded data.</summary>
public sealed record LayeredTrainingOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>m, examples per gradient step (Nielsen's chapter 6: 10).</summary>
    public int MiniBatchSize { get; init; } = 10;

    /// <summary>η in the first epoch (Nielsen's chapter 6: 0.1 for sigmoid, 0.03 for ReLU).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>η is multiplied by this after every epoch: 1 keeps it fixed, 0.9 lowers it slowly (a simple schedule).</summary>
    public double LearningRateDecay { get; init; } = 1.0;

    /// <summary>λ of L2 regularisation (eq. 87); 0 for none.</summary>
    public double Lambda { get; init; }

    /// <summary>Train on the images and their four one-pixel shifts (<see cref="ImageShifts.ExpandedByOnePixel"/>).</summary>
    public bool ExpandData { get; init; }

    /// <summary>Seed of the shuffling.</summary>
    public int Seed { get; init; }

    /// <summary>Images whose accuracy is measured after every epoch (none: not measured).</summary>
    public ImageSet? EvaluationData { get; init; }

    /// <summary>Called after every epoch.</summary>
    public Action<LayeredEpoch>? OnEpoch { get; init; }

    /// <summary>Called every few hundred mini-batches with (epoch, fraction of the epoch done).</summary>
    public Action<int, double>? OnProgress { get; init; }

    /// <summary>Stops training at the end of the mini-batch in progress.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"Epochs must be at least 1, got {Epochs}.");
        if (MiniBatchSize < 1) throw new ArgumentException($"The mini-batch size must be at least 1, got {MiniBatchSize}.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"The learning rate η must be positive, got {LearningRate}.");
        if (!(LearningRateDecay > 0 && LearningRateDecay <= 1)) throw new ArgumentException($"The learning-rate decay must be above 0 and at most 1, got {LearningRateDecay}.");
        if (!(Lambda >= 0) || double.IsInfinity(Lambda)) throw new ArgumentException($"λ must be 0 or more, got {Lambda}.");
    }
}

/// <summary>One epoch of <see cref="LayeredTrainer"/>: its number, η used, seconds of training, and the accuracy on
/// the evaluation images (NaN if none).</summary>
public sealed record LayeredEpoch(int Epoch, double LearningRate, double Seconds, double EvaluationAccuracy);

/// <summary>
/// Mini-batch stochastic gradient descent for a <see cref="LayeredNetwork{T}"/> (Nielsen's <c>SGD</c> of chapter 6),
/// with the log-likelihood cost on softmax outputs (or cross-entropy on sigmoid ones): both give the output error
/// δᴸ = a − y (eqs. 66, 84), so training needs no cost object.
/// </summary>
public static class LayeredTrainer
{
    /// <summary>Trains <paramref name="network"/> on <paramref name="training"/>; returns one record per epoch.</summary>
    public static IReadOnlyList<LayeredEpoch> Train<T>(LayeredNetwork<T> network, ImageSet training, LayeredTrainingOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        network.RequireInputSize(training);
        if (options.ExpandData)
            training = training.ExpandedByOnePixel();

        int m = options.MiniBatchSize, n = training.Count, inputSize = network.InputShape.Size, outputs = network.OutputSize;
        network.Prepare(m);
        var outputError = new T[m * outputs];
        var order = Enumerable.Range(0, n).ToArray();
        var random = new Random(options.Seed);
        var epochs = new List<LayeredEpoch>();
        double eta = options.LearningRate;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            for (int start = 0, step = 0; start < n; start += m, step++)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                int batch = Math.Min(m, n - start);
                Span<T> input = network.InputBuffer;
                for (int i = 0; i < batch; i++)
                    training.CopyInput<T>(order[start + i], input.Slice(i * inputSize, inputSize));
                ReadOnlySpan<T> a = network.Forward(batch, training: true);
                // δᴸ = a − y: y is 1 at the label and 0 elsewhere.
                a.CopyTo(outputError);
                for (int i = 0; i < batch; i++)
                    outputError[i * outputs + training.Label(order[start + i])] -= T.One;
                network.Backward(outputError.AsSpan(0, batch * outputs), batch);
                network.Update(eta, options.Lambda, n, batch);
                if (step % 500 == 0)
                    options.OnProgress?.Invoke(epoch, (double)start / n);
            }
            double seconds = clock.Elapsed.TotalSeconds;
            double accuracy = options.EvaluationData is null ? double.NaN : network.Accuracy(options.EvaluationData);
            var result = new LayeredEpoch(epoch, eta, seconds, accuracy);
            epochs.Add(result);
            options.OnEpoch?.Invoke(result);
            eta *= options.LearningRateDecay;
        }
        return epochs;
    }
}
