namespace NeuralNets.Notebooks.Grading;

/// <summary>
/// A throw-away copy of what a course notebook reaches by relative path (<c>../build</c>, <c>../lib/Charts</c>) in a new
/// folder under the system's temp folder, with an empty <c>notebooks/</c> beside them where the grading notebook runs.
/// A learner's code that writes by relative path writes here, never into the teacher's course; the folder is deleted
/// after the run.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    /// <summary>The folders, relative to the course root, that the notebooks load from.</summary>
    public static readonly string[] CopiedFolders = ["build", Path.Combine("lib", "Charts")];

    private ScratchFolder(string root)
    {
        Root = root;
        Notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        Verdicts = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "nn-verdicts-" + Guid.NewGuid().ToString("N"))).FullName;
    }

    /// <summary>The scratch course root.</summary>
    public string Root { get; }

    /// <summary>Where the grading notebook is written and the kernel runs.</summary>
    public string Notebooks { get; }

    /// <summary>Where check cells write their verdicts: a second random folder, outside the one the learner's code runs in.</summary>
    public string Verdicts { get; }

    /// <summary>A new scratch folder holding copies of <see cref="CopiedFolders"/> from <paramref name="courseRoot"/>.</summary>
    public static ScratchFolder Create(string courseRoot)
    {
        var scratch = new ScratchFolder(Path.Combine(Path.GetTempPath(), "nn-grade-" + Guid.NewGuid().ToString("N")));
        foreach (var relative in CopiedFolders)
        {
            var from = Path.Combine(courseRoot, relative);
            if (Directory.Exists(from))
                Copy(from, Path.Combine(scratch.Root, relative));
        }
        return scratch;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    /// <summary>Deletes both folders; a file a leftover process still holds is left for the system to clean.</summary>
    public void Dispose()
    {
        foreach (var folder in new[] { Root, Verdicts })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
