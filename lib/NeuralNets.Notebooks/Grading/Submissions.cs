using System.IO.Compression;

namespace NeuralNets.Notebooks.Grading;

/// <summary>One learner's hand-in: the notebooks found in their folder or zip, and what was wrong with it.</summary>
/// <param name="Learner">The learner's name: the folder's name, or the zip's without <c>.zip</c>.</param>
/// <param name="Source">The folder or zip it came from, as found in the submissions folder.</param>
/// <param name="Notebooks">Every <c>.ipynb</c> in it, at any depth.</param>
/// <param name="Notes">Problems with the hand-in as a whole (an empty folder, a broken zip, a duplicate).</param>
/// <param name="Grade">False for a hand-in that is not graded (a duplicate, a stray file): it still gets its row.</param>
public sealed record LearnerSubmission(string Learner, string Source, IReadOnlyList<string> Notebooks, IReadOnlyList<string> Notes, bool Grade = true);

/// <summary>Collects a class's hand-ins from a submissions folder: one folder or <c>.zip</c> per learner.</summary>
public static class Submissions
{
    /// <summary>
    /// Every learner in <paramref name="folder"/>, in name order. Zips are unpacked under <paramref name="unpackFolder"/>.
    /// Nothing here throws for a learner's mistake: a broken zip, an empty folder, a second hand-in under the same name
    /// or a stray file gets a row with a note.
    /// </summary>
    public static IReadOnlyList<LearnerSubmission> Collect(string folder, string unpackFolder)
    {
        var learners = new List<LearnerSubmission>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var entries = Directory.GetDirectories(folder).Select(path => (path, isFolder: true))
            .Concat(Directory.GetFiles(folder).Select(path => (path, isFolder: false)))
            .Where(entry => !Path.GetFileName(entry.path).StartsWith('.'))
            .OrderBy(entry => Path.GetFileName(entry.path), StringComparer.OrdinalIgnoreCase)
            .ThenBy(entry => entry.isFolder ? 0 : 1);
        foreach (var (path, isFolder) in entries)
        {
            string name = Path.GetFileName(path);
            bool isZip = !isFolder && name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            string learner = isZip ? name[..^4] : name;
            if (!isFolder && !isZip)
            {
                learners.Add(new LearnerSubmission(learner, name, [],
                    [$"{name} is a loose file; hand-ins are one folder or .zip per learner, so it was not graded"], Grade: false));
                continue;
            }
            if (seen.TryGetValue(learner, out var first))
            {
                learners.Add(new LearnerSubmission(learner, name, [],
                    [$"a second hand-in for '{learner}' ({name}); graded {first} only"], Grade: false));
                continue;
            }
            seen[learner] = name;
            var notes = new List<string>();
            string root = path;
            if (isZip)
            {
                root = Path.Combine(unpackFolder, $"{learners.Count:D3}-{learner}");
                try
                {
                    ZipFile.ExtractToDirectory(path, root);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    learners.Add(new LearnerSubmission(learner, name, [], [$"{name} is not a readable zip ({e.Message})"]));
                    continue;
                }
            }
            var notebooks = Directory.Exists(root)
                ? Directory.GetFiles(root, "*.ipynb", SearchOption.AllDirectories)
                    .Where(file => !file.Contains(".ipynb_checkpoints", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal).ToList()
                : [];
            if (notebooks.Count == 0)
                notes.Add($"{name} holds no notebooks");
            learners.Add(new LearnerSubmission(learner, name, notebooks, notes));
        }
        return learners;
    }
}
