using Matching.Data;
using Matching.Jobs;
using Matching.Web;

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services.AddMatchingData(builder.Configuration);
    builder.Services.AddMatchingJobs(builder.Configuration);
    builder.Services.AddMatchingWeb(builder.Configuration);

    var app = builder.Build();

    app.UseMatchingWeb();
    app.MapMatchingWeb();

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } sentence)
{
    // A wrong setting or a stopped server is the operator's to fix: say which, without a stack trace.
    Console.Error.WriteLine($"Matching.Web {sentence}");
    return 1;
}

/// <summary>Visible to tests so that WebApplicationFactory&lt;Program&gt; can host the portal.</summary>
public partial class Program;
