// The service exports OTLP and the deployment says where.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(t => t.AddAspNetCoreInstrumentation())
    .UseOtlpExporter();
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
