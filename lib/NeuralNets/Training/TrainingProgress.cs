namespace NeuralNets.Training;

/// <summary>How far training has got within an epoch.</summary>
/// <param name="Epoch">The epoch under way, from 1.</param>
/// <param name="Epochs">How many epochs the run has.</param>
/// <param name="MiniBatchesDone">Mini-batches finished in this epoch.</param>
/// <param name="MiniBatches">Mini-batches in an epoch.</param>
public readonly record struct TrainingProgress(int Epoch, int Epochs, int MiniBatchesDone, int MiniBatches)
{
    /// <summary>The fraction of this epoch done, from 0 to 1.</summary>
    public double EpochFraction => MiniBatches == 0 ? 1 : (double)MiniBatchesDone / MiniBatches;
}
