namespace EvidenceVault.Domain.Requests;

/// <summary>One field's problem, in the words the public form shows beside it.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// A request as the applicant typed it. <see cref="Check"/> names every problem at once, in Chinese, so the form can show them all
/// beside what was typed; the limits keep one submission small whatever a client sends.
/// </summary>
public sealed record RequestSubmission(
    string? Name,
    string? IdType,
    string? IdNumber,
    string? Phone,
    string? Email,
    string? Address,
    string? Description,
    string? Purpose,
    string? Form)
{
    public static readonly IReadOnlyDictionary<string, int> MaxLengths = new Dictionary<string, int>
    {
        [nameof(Name)] = 100,
        [nameof(IdType)] = 20,
        [nameof(IdNumber)] = 40,
        [nameof(Phone)] = 30,
        [nameof(Email)] = 254,
        [nameof(Address)] = 200,
        [nameof(Description)] = 2000,
        [nameof(Purpose)] = 500,
        [nameof(Form)] = 20,
    };

    private static readonly Dictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Name)] = "申请人姓名或名称",
        [nameof(IdType)] = "证件类型",
        [nameof(IdNumber)] = "证件号码",
        [nameof(Phone)] = "联系电话",
        [nameof(Email)] = "电子邮箱",
        [nameof(Address)] = "通信地址",
        [nameof(Description)] = "所需信息的描述",
        [nameof(Purpose)] = "用途",
        [nameof(Form)] = "获取信息的方式",
    };

    /// <summary>Every problem of the submission; none means <see cref="ToApplicant"/> and <see cref="PreferredForm"/> may be read.</summary>
    public IReadOnlyList<FieldProblem> Check()
    {
        var problems = new List<FieldProblem>();
        foreach (var (field, value) in Fields())
        {
            if (value is not null && value.Trim().Length > MaxLengths[field])
            {
                problems.Add(new(field, $"{Labels[field]}最多{MaxLengths[field]}个字，现有{value.Trim().Length}个字。"));
            }
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add(new(nameof(Name), "请填写申请人姓名或名称。"));
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            problems.Add(new(nameof(Description), "请描述所需政府信息（名称、文号或便于查询的其他特征）。"));
        }

        if (new[] { Phone, Email, Address }.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new(nameof(Phone), "请至少填写一种联系方式：联系电话、电子邮箱或通信地址。"));
        }

        if (!string.IsNullOrWhiteSpace(Email) && !Email.Contains('@', StringComparison.Ordinal))
        {
            problems.Add(new(nameof(Email), "电子邮箱格式不正确。"));
        }

        if (string.IsNullOrWhiteSpace(IdType) != string.IsNullOrWhiteSpace(IdNumber))
        {
            problems.Add(new(nameof(IdNumber), "证件类型和证件号码请同时填写，或都不填。"));
        }

        if (ParseForm(Form) is null)
        {
            problems.Add(new(nameof(Form), "请选择获取信息的方式：纸质或电子。"));
        }

        return problems;
    }

    public Applicant ToApplicant() => new(Name!.Trim(), Clean(IdType), Clean(IdNumber), Clean(Phone), Clean(Email), Clean(Address));

    public PreferredForm PreferredForm => ParseForm(Form) ?? throw new InvalidOperationException("Check the submission first.");

    private static PreferredForm? ParseForm(string? form) => form?.Trim().ToLowerInvariant() switch
    {
        "paper" or "纸质" => Requests.PreferredForm.Paper,
        "electronic" or "电子" => Requests.PreferredForm.Electronic,
        _ => null,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private IEnumerable<(string Field, string? Value)> Fields() =>
    [
        (nameof(Name), Name), (nameof(IdType), IdType), (nameof(IdNumber), IdNumber), (nameof(Phone), Phone), (nameof(Email), Email),
        (nameof(Address), Address), (nameof(Description), Description), (nameof(Purpose), Purpose), (nameof(Form), Form),
    ];
}
