namespace NeuralNets.Notebooks;

/// <summary>How <see cref="NotebookRunner.RunAsync"/> runs a notebook.</summary>
public sealed class RunOptions
{
    /// <summary>Where executed copies go unless <see cref="OutputDirectory"/> says otherwise: <c>out/notebooks</c>
    /// under the current directory.</summary>
    public static readonly string DefaultOutputDirectory = Path.Combine("out", "notebooks");

    /// <summary>Values for the notebook's <c>parameters</c> cell, name → value as typed (<c>"30"</c>,
    /// <c>"0.5,1,3"</c>, <c>"true"</c>). A name the notebook does not declare is an error.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Leave out <see cref="Parameters"/> the notebook does not declare instead of failing; for a run of a
    /// whole folder where each knob is meant for the notebooks that have it.</summary>
    public bool IgnoreUndeclaredParameters { get; init; }

    /// <summary>Whether to write the executed copy (outputs, execution counts) into <see cref="OutputDirectory"/>.</summary>
    public bool WriteExecutedCopy { get; init; } = true;

    /// <summary>The folder for executed copies, relative to the current directory or absolute. The source
    /// notebook is never overwritten.</summary>
    public string OutputDirectory { get; init; } = DefaultOutputDirectory;

    /// <summary>Extra NuGet package sources (folders or URLs) for the notebook's <c>#r "nuget:"</c> lines, given to
    /// the kernel with <c>#i "nuget: SOURCE"</c> before the first cell. The notebook itself is not changed.</summary>
    public IReadOnlyList<string> PackageSources { get; init; } = [];

    /// <summary>The longest one cell may run; null for no limit. A cell that runs longer stops the kernel.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>The longest the whole notebook may run; null for no limit.</summary>
    public TimeSpan? NotebookTimeout { get; init; }

    /// <summary>The longest the notebook engine may take to start.</summary>
    public TimeSpan KernelStartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Environment variables for the kernel process (a null value removes one); null to inherit this process's.
    /// <c>nn notebook grade</c> uses it to give a learner's notebook a trimmed environment.</summary>
    public IReadOnlyDictionary<string, string?>? KernelEnvironment { get; init; }

    /// <summary>Called when each code cell starts and ends (on the runner's thread, between cells).</summary>
    public Action<CellProgress>? Progress { get; init; }
}
