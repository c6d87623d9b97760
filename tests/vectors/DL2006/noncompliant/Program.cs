// A web host with health checks but no tracing or metrics pipeline cannot be followed or alerted on.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = [|WebApplication.CreateBuilder(args)|];
builder.Services.AddHealthChecks();
builder.Services.AddControllers();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapControllers();
app.Run();
