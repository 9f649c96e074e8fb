using Matching.Data;
using Matching.Jobs;
using Microsoft.Extensions.Options;

// Standalone worker: runs Hangfire jobs outside the web process, sharing the PostgreSQL storage.
try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.Services.AddMatchingData(builder.Configuration);
    builder.Services.AddMatchingJobs(builder.Configuration);
    await builder.Build().RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"Matching.Jobs cannot start: {string.Join(" ", e.Failures)}");
    return 1;
}
catch (Npgsql.NpgsqlException e)
{
    Console.Error.WriteLine($"Matching.Jobs cannot reach PostgreSQL ({e.GetBaseException().Message}): start it with ./run.sh or fix ConnectionStrings__Matching.");
    return 1;
}
