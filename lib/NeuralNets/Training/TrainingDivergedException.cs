using System.Globalization;

namespace NeuralNets.Training;

/// <summary>
/// Training stopped because the weights stopped being finite numbers: the steps overshot until they overflowed.
/// The message names the learning rate (and λ) and what to try, since that is nearly always the cause.
/// </summary>
public sealed class TrainingDivergedException : InvalidOperationException
{
    internal TrainingDivergedException(int epoch, int miniBatch, int miniBatches, double eta, double lambda)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"training diverged in epoch {epoch}, mini-batch {miniBatch} of {miniBatches}: the weights are no longer finite numbers. " +
            $"The learning rate η = {eta:G4}{(lambda != 0 ? $" (with λ = {lambda:G4})" : "")} is too large for this network; " +
            $"try η = {eta / 10:G4} or smaller."))
    {
        Epoch = epoch;
        MiniBatch = miniBatch;
        LearningRate = eta;
        Lambda = lambda;
    }

    /// <summary>The epoch (from 1) in which the weights overflowed.</summary>
    public int Epoch { get; }

    /// <summary>The mini-batch (from 1) after which they were first seen not finite.</summary>
    public int MiniBatch { get; }

    /// <summary>η of the run.</summary>
    public double LearningRate { get; }

    /// <summary>λ of the run.</summary>
    public double Lambda { get; }
}
