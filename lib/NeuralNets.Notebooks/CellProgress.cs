namespace NeuralNets.Notebooks;

/// <summary>A step of a run, reported as it happens so that a terminal can show which cell is running.</summary>
/// <param name="NotebookName">The notebook's file name.</param>
/// <param name="CellNumber">The cell, counting every cell from 1.</param>
/// <param name="CodeCellIndex">Which code cell this is, from 1.</param>
/// <param name="CodeCellCount">How many code cells the notebook has.</param>
/// <param name="Finished">False when the cell starts; true when it has ended.</param>
/// <param name="Status">How the cell ended (only meaningful when <paramref name="Finished"/>).</param>
/// <param name="Seconds">How long the cell took (when <paramref name="Finished"/>).</param>
public sealed record CellProgress(
    string NotebookName, int CellNumber, int CodeCellIndex, int CodeCellCount, bool Finished, CellStatus Status, double Seconds);
