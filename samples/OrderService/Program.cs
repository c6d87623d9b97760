using OpenTelemetry.Trace;
using OrderService.Infrastructure;
using OrderService.Orders;
using OrderService.Payments;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton<OrderRepository>();
builder.Services.AddSingleton<PaymentClient>();
builder.Services.AddHostedService<OrderExpiryWorker>();

// Tracing only: no metrics pipeline, and no health checks for the orchestrator.
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddSource(Telemetry.OrdersSourceName)
        .AddOtlpExporter());

var app = builder.Build();

app.MapGet("/orders/{id:guid}", async (Guid id, OrderRepository orders) =>
    await orders.FindAsync(id) is { } order ? Results.Ok(order) : Results.NotFound());

app.MapPost("/orders/{id:guid}/pay", async (Guid id, OrderRepository orders, PaymentClient payments) =>
{
    var order = await orders.FindAsync(id);
    if (order is null)
    {
        return Results.NotFound();
    }

    var paid = await payments.ChargeAsync(order);
    return paid ? Results.Accepted() : Results.StatusCode(StatusCodes.Status502BadGateway);
});

app.Run();
