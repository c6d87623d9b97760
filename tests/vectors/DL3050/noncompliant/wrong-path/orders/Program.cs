// Maps /healthz/live and /healthz/ready (constant) and an API route.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

app.MapHealthChecks("/healthz/live");
app.MapHealthChecks(HealthRoutes.Ready);
app.MapGet("/orders/{id:int}", (int id) => Results.Ok(id));
app.Run();

static class HealthRoutes
{
    public const string Ready = "/healthz/ready";
}
