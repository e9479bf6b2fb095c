namespace NeuralNets.Notebooks;

/// <summary>Why a notebook run stopped.</summary>
public enum FailureKind
{
    /// <summary>The file is missing or is not an nbformat 4 notebook.</summary>
    Format,

    /// <summary>A <c>--param</c> the notebook does not declare, or a value that does not parse as its type.</summary>
    Parameter,

    /// <summary>The notebook engine (<c>dotnet-interactive</c>) is not installed or did not start.</summary>
    Kernel,

    /// <summary>A <c>#r "nuget: ..."</c> package could not be restored, or resolved to another version than pinned.</summary>
    Restore,

    /// <summary>The cell's code does not compile.</summary>
    Compile,

    /// <summary>The cell's code threw an exception.</summary>
    Exception,

    /// <summary>The cell or the notebook ran out of time; the kernel was stopped.</summary>
    Timeout,

    /// <summary>The kernel process ended while a cell ran (<c>Environment.Exit</c>, a stack overflow, a crash).</summary>
    KernelExited,
}

/// <summary>Where and why a notebook run stopped.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="CellNumber">The cell, counting every cell of the notebook from 1; null if no cell is to blame.</param>
/// <param name="Line">The line within that cell, from 1; null if unknown.</param>
/// <param name="Message">What went wrong, in words (compile errors: every error, one per line).</param>
public sealed record NotebookFailure(FailureKind Kind, int? CellNumber, int? Line, string Message)
{
    /// <summary>"cell 4, line 2: message", the form messages and the summary use.</summary>
    public override string ToString() => $"{Where()}{Message}";

    /// <summary>"cell 4, line 2: " or "cell 4: " or "" when no cell is to blame.</summary>
    public string Where() => (CellNumber, Line) switch
    {
        ({ } cell, { } line) => $"cell {cell}, line {line}: ",
        ({ } cell, null) => $"cell {cell}: ",
        _ => "",
    };
}
