using Matching.Data;
using Matching.Jobs;
using Matching.Web;
using Microsoft.Extensions.Options;

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
catch (OptionsValidationException e)
{
    // A wrong setting is the operator's to fix: say which, without a stack trace.
    Console.Error.WriteLine($"Matching.Web cannot start: {string.Join(" ", e.Failures)}");
    return 1;
}
catch (Npgsql.NpgsqlException e)
{
    Console.Error.WriteLine($"Matching.Web cannot reach PostgreSQL ({e.GetBaseException().Message}): start it with ./run.sh or fix ConnectionStrings__Matching.");
    return 1;
}

/// <summary>Visible to tests so that WebApplicationFactory&lt;Program&gt; can host the portal.</summary>
public partial class Program;
