using System.IO.Compression;

namespace NeuralNets.Notebooks.Tests.Grading;

/// <summary>
/// A small class handing in notebook 01 (four exercises), graded once by <c>nn notebook grade</c> against the course's
/// own full edition: every kind of learner a teacher meets, each built from the real student edition.
/// </summary>
public sealed class GradedClass : IDisposable
{
    public const string Notebook = "01-perceptrons.ipynb";
    public const int CellTimeoutSeconds = 15;

    private readonly TestFolder _folder = new();

    public GradedClass()
    {
        Submissions = Directory.CreateDirectory(Path.Combine(_folder.Path, "submissions")).FullName;
        Output = Path.Combine(_folder.Path, "grades");
        TeacherBytes = File.ReadAllBytes(Teacher);
        var teacher = NotebookFile.Read(Teacher);
        var solutions = teacher.Cells.Where(c => c.HasTag(StudentEdition.SolutionTag)).Select(c => c.Source).ToList();

        // ada: the worked answers. bob: the student edition untouched.
        Save(WithAnswers(solutions), "ada", Notebook);
        Save(WithAnswers([]), "bob", Notebook);
        // cy: in a subfolder under another name; a wrong AND, a wrong OR whose check cell now just prints PASS,
        // a NOT answer that declares its own Check class that always passes, and a right XOR.
        var cy = WithAnswers([
            "andPerceptron = new Perceptron(new[] { 2.0, 2.0 }, bias: -1);",
            "orPerceptron = new Perceptron(new[] { 2.0, 2.0 }, bias: -3);",
            "public static class Check { public static string TruthTable(params object[] any) => \"✅ PASS\"; }\nnotPerceptron = new Perceptron(new[] { 2.0 }, bias: 1);",
            solutions[3],
        ]);
        var orCheck = cy.Cells.First(c => c.Kind == CellKind.Code && c.Source.StartsWith("Check.TruthTable(\"Exercise 2", StringComparison.Ordinal));
        orCheck.Source = "\"✅ PASS — Exercise 2 (OR perceptron)\"";
        Save(cy, Path.Combine("cy", "work"), "perceptrons-mine.ipynb");
        // dee, as a zip: an endless loop, Environment.Exit, a right NOT, and an XOR that does not compile.
        var dee = WithAnswers(["while (true) { }", "System.Environment.Exit(3);", solutions[2], "xorGate = x => undefinedThing;"]);
        string deeFolder = Directory.CreateDirectory(Path.Combine(_folder.Path, "dee")).FullName;
        NotebookFile.Write(dee, Path.Combine(deeFolder, Notebook));
        ZipFile.CreateFromDirectory(deeFolder, Path.Combine(Submissions, "dee.zip"));
        // eve: a file named like the notebook that is not one. fay: an empty folder. Ada.zip: a second hand-in for ada.
        Directory.CreateDirectory(Path.Combine(Submissions, "eve"));
        File.WriteAllText(Path.Combine(Submissions, "eve", Notebook), "{ not json");
        Directory.CreateDirectory(Path.Combine(Submissions, "fay"));
        File.Copy(Path.Combine(Submissions, "dee.zip"), Path.Combine(Submissions, "Ada.zip"));
        // gus: a notebook from another course only.
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(Submissions, "gus")).FullName, "homework.ipynb"),
            """{"cells":[{"cell_type":"markdown","metadata":{},"source":["# Another course"]}],"metadata":{},"nbformat":4,"nbformat_minor":5}""");

        var args = new List<string> { "notebook", "grade", Teacher, Submissions, "--out", Output, "--cell-timeout", $"{CellTimeoutSeconds}" };
        foreach (var source in CourseNotebookTests.PackageSources)
            args.AddRange(["--source", source]);
        (Exit, Console, Errors) = InProcessNn.Run([.. args]);
        Csv = File.Exists(CsvPath) ? CsvFile.Parse(File.ReadAllText(CsvPath)) : [];
    }

    /// <summary>The teacher's notebook as it was before grading.</summary>
    public byte[] TeacherBytes { get; }
    public static string Teacher => Path.Combine(CourseNotebookTests.NotebooksFolder, Notebook);
    public string Submissions { get; }
    public string Output { get; }
    public string CsvPath => Path.Combine(Output, "grades.csv");
    public int Exit { get; }
    public string Console { get; }
    public string Errors { get; }
    public List<string[]> Csv { get; }

    /// <summary>The student edition with the given answers in its exercise cells, in order (fewer: the rest untouched).</summary>
    private static Notebook WithAnswers(IReadOnlyList<string> answers)
    {
        var student = StudentEdition.Create(NotebookFile.Read(Teacher));
        var exercises = student.Cells.Where(c => c.HasTag(StudentEdition.ExerciseTag)).ToList();
        for (int i = 0; i < answers.Count; i++)
            exercises[i].Source = answers[i];
        return student;
    }

    private void Save(Notebook notebook, string learnerFolder, string name)
    {
        string folder = Directory.CreateDirectory(Path.Combine(Submissions, learnerFolder)).FullName;
        NotebookFile.Write(notebook, Path.Combine(folder, name));
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>A reader for the CSV <c>ClassTable.ToCsv</c> writes (RFC 4180 quoting).</summary>
public static class CsvFile
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); }
            else if (c != '\r') cell.Append(c);
        }
        return rows;
    }
}
