namespace NeuralNets.Notebooks.Tests;

/// <summary>The student edition: solution cells become exercises; it still runs to the end, its checks saying "not yet".</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class StudentEditionTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Solution_cells_are_replaced_and_every_other_cell_is_identical()
    {
        var teacher = NotebookFile.Read(_folder.Add("student.ipynb"));

        var student = StudentEdition.Create(teacher);

        Assert.Equal(teacher.Cells.Count, student.Cells.Count);
        Assert.Equal("// Set answer to the product of 6 and 7.\n// your code here", student.Cells[2].Source);
        Assert.Equal(["exercise"], student.Cells[2].Tags);
        Assert.Equal("// Set word to \"neuron\".\n// your code here", student.Cells[6].Source);
        Assert.Equal(["easy", "exercise"], student.Cells[6].Tags);
        foreach (var index in new[] { 0, 1, 3, 4, 5, 7 })
        {
            Assert.Equal(teacher.Cells[index].Source, student.Cells[index].Source);
            Assert.Equal(teacher.Cells[index].Tags, student.Cells[index].Tags);
            Assert.Equal(teacher.Cells[index].Kind, student.Cells[index].Kind);
        }
        Assert.Equal(2, StudentEdition.SolutionCount(teacher));
        Assert.Equal("answer = 6 * 7;", teacher.Cells[2].Source.Split('\n')[1]); // the teacher's notebook is untouched
    }

    [Fact]
    public async Task The_teacher_edition_passes_and_the_student_edition_runs_to_the_end_saying_not_yet()
    {
        var teacherPath = _folder.Add("student.ipynb");
        var studentPath = Path.Combine(_folder.Path, "student-edition", "student.ipynb");
        NotebookFile.Write(StudentEdition.Create(NotebookFile.Read(teacherPath)), studentPath);

        var teacher = await NotebookRunner.RunAsync(teacherPath, _folder.Options());
        var student = await NotebookRunner.RunAsync(studentPath, _folder.Options());

        Assert.True(teacher.Succeeded, teacher.Failure?.ToString());
        Assert.Equal("PASS\n", teacher.Cell(4).Text.Replace("\r", ""));
        Assert.True(student.Succeeded, student.Failure?.ToString());
        Assert.Equal("NOT YET: multiply 6 by 7\n", student.Cell(4).Text.Replace("\r", ""));
        Assert.Equal("NOT YET: the word is neuron\n", student.Cell(8).Text.Replace("\r", ""));
    }

    [Fact]
    public void Outputs_are_cleared_in_the_student_edition()
    {
        var teacher = NotebookFile.Read(_folder.Add("student.ipynb"));
        teacher.Cells[1].SetExecution([CellOutput.Stream("stdout", "old output\n")], 7);

        var student = StudentEdition.Create(teacher);

        var json = student.Cells[1].Json;
        Assert.Empty(json["outputs"]!.AsArray());
        Assert.Null(json["execution_count"]);
    }
}
