using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Compose;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Secrets;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>
/// DL3007: an env variable whose name says it is a secret (DB_PASSWORD, API_KEY, ConnectionStrings__Db) with a
/// literal value. References (valueFrom, $(VAR), ${VAR}) and placeholders are fine.
/// </summary>
internal sealed class PlainSecretInEnvRule : IacRule
{
    public PlainSecretInEnvRule()
        : base(RuleCatalog.PlainSecretInEnv)
    {
    }

    public override bool AppliesTo(DocumentContext document) => K8sObjects.AppliesTo(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload))
        {
            foreach (var container in workload.Containers(includeInit: true))
            {
                foreach (var (name, entry) in container.Env())
                {
                    if (entry["value"] is YScalar value)
                    {
                        Check(document, sink, name.Value, value.Value, value);
                    }
                }
            }
        }

        foreach (var service in ComposeFile.Services(document))
        {
            foreach (var (name, value, node) in service.Environment())
            {
                Check(document, sink, name, value, node);
            }
        }
    }

    private static void Check(DocumentContext document, IReportSink sink, string name, string value, YNode node)
    {
        if (SecretNames.IsSecretName(name) && SecretNames.IsLiteralSecretValue(value) && (!SecretNames.IsConnectionStringName(name) || SecretNames.HasCredential(value)))
        {
            sink.Report(RuleCatalog.PlainSecretInEnv, Spans.Of(document.Text, node), RuleCatalog.PlainSecretInEnv.FormatMessage(name, Redactor.Redact(value)), name + "=" + Redactor.Redact(value));
        }
    }
}
