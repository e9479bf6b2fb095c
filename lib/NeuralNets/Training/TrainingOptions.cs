using NeuralNets.Costs;
using NeuralNets.Data;

namespace NeuralNets.Training;

/// <summary>
/// The hyper-parameters and monitoring choices of a training run (the arguments of Nielsen's
/// <c>SGD(training_data, epochs, mini_batch_size, eta, lmbda, evaluation_data, monitor_...)</c>).
/// The defaults are chapter 1's: 30 epochs, mini-batch 10, η = 3.0, quadratic cost, no regularisation.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>How many passes over the whole training set.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>m: examples per gradient step.</summary>
    public int MiniBatchSize { get; init; } = 10;

    /// <summary>η, the learning rate: how far each step moves against the gradient.</summary>
    public double LearningRate { get; init; } = 3.0;

    /// <summary>λ, the regularisation parameter (of the L2 cost, Nielsen eq. 87, unless
    /// <see cref="Regularisation"/> says L1); 0 for none.</summary>
    public double Lambda { get; init; }

    /// <summary>Which penalty <see cref="Lambda"/> weighs: <see cref="Training.Regularisation.L2"/> (the default,
    /// weight decay) or <see cref="Training.Regularisation.L1"/>.</summary>
    public Regularisation Regularisation { get; init; } = Regularisation.L2;

    /// <summary>
    /// p, the probability that a hidden neuron is dropped (Nielsen chapter 3, "Dropout"); 0 for none, below 1. Each
    /// example of a mini-batch gets its own random mask, and the neurons kept are scaled by 1/(1 − p) during
    /// training ("inverted dropout"), so the trained network is used as it is, with every neuron. Nielsen instead
    /// halves the outgoing weights of the hidden neurons after training with p = ½; in expectation the two agree.
    /// The input and output layers are never dropped.
    /// </summary>
    public double DropoutProbability { get; init; }

    /// <summary>The cost to minimise.</summary>
    public Cost Cost { get; init; } = Cost.Quadratic;

    /// <summary>Seed of the generator that shuffles the training data each epoch.</summary>
    public int Seed { get; init; }

    /// <summary>Data to measure after every epoch (the test or validation set), or null.</summary>
    public ImageSet? EvaluationData { get; init; }

    /// <summary>Measure the accuracy on <see cref="EvaluationData"/> after each epoch (default on).</summary>
    public bool MonitorEvaluationAccuracy { get; init; } = true;

    /// <summary>Measure the cost on <see cref="EvaluationData"/> after each epoch.</summary>
    public bool MonitorEvaluationCost { get; init; }

    /// <summary>Measure the accuracy on the training data after each epoch.</summary>
    public bool MonitorTrainingAccuracy { get; init; }

    /// <summary>Measure the cost on the training data after each epoch.</summary>
    public bool MonitorTrainingCost { get; init; }

    /// <summary>Called about a hundred times an epoch with how far training has got: for progress bars.</summary>
    public Action<TrainingProgress>? OnProgress { get; init; }

    /// <summary>Called after each epoch with what it measured: for live charts and logs.</summary>
    public Action<EpochResult>? OnEpoch { get; init; }

    /// <summary>Stops training after the current mini-batch; the history then says it was cancelled.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Throws a clear error for values training cannot use.</summary>
    public void Validate()
    {
        if (Epochs < 0) throw new ArgumentException($"Epochs must be 0 or more, got {Epochs}.");
        if (MiniBatchSize <= 0) throw new ArgumentException($"The mini-batch size must be positive, got {MiniBatchSize}.");
        if (!double.IsFinite(LearningRate) || LearningRate <= 0) throw new ArgumentException($"The learning rate η must be a positive number, got {LearningRate}.");
        if (!double.IsFinite(Lambda) || Lambda < 0) throw new ArgumentException($"λ must be 0 or a positive number, got {Lambda}.");
        if (!Enum.IsDefined(Regularisation)) throw new ArgumentException($"Regularisation must be L2 or L1, got {Regularisation}.");
        if (!(DropoutProbability >= 0 && DropoutProbability < 1))
            throw new ArgumentException($"The dropout probability p must be at least 0 and below 1, got {DropoutProbability}.");
        ArgumentNullException.ThrowIfNull(Cost);
    }
}
