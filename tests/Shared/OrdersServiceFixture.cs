namespace DevOpsLens.Tests.Shared;

/// <summary>
/// A one-service repository for the cross-file rules: a Deployment whose readiness probe targets /healthz, and the
/// service's Program.cs with and without that route mapped (DL3050 reports the probe path in the first case only).
/// </summary>
internal static class OrdersServiceFixture
{
    public const string ManifestPath = "deploy/deployment.yaml";

    public const string ProgramPath = "orders/Program.cs";

    /// <summary>Zero-based line of the probe's <c>path: /healthz</c>.</summary>
    public const int ProbePathLine = 21;

    public const string Deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: orders\n"
        + "  template:\n    metadata:\n      labels:\n        app: orders\n    spec:\n      containers:\n        - name: orders\n"
        + "          image: registry.example.com/orders:1.2.0\n          ports:\n            - containerPort: 8080\n"
        + "          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n";

    /// <summary>Four lines; maps an API route only.</summary>
    public const string UnmappedProgram =
        "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapGet(\"/orders\", () => Results.Ok());\napp.Run();\n";

    /// <summary>Six lines; maps /healthz as well.</summary>
    public const string MappedProgram =
        "var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddHealthChecks();\nvar app = builder.Build();\napp.MapHealthChecks(\"/healthz\");\n"
        + "app.MapGet(\"/orders\", () => Results.Ok());\napp.Run();\n";
}
