// Health endpoints live under a route group; the prefix is not resolved, so the rule stays silent.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();
var ops = app.MapGroup("/ops");
ops.MapHealthChecks("/ready");
app.Run();
