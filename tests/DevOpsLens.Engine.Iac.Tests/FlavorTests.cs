using Xunit;

namespace DevOpsLens.Engine.Iac.Tests;

/// <summary>Where scripts, actions and pod specs are found in each file family.</summary>
public sealed class FlavorTests
{
    [Fact]
    public void Azure_task_inline_scripts_and_GitLab_default_scripts_are_checked()
    {
        var azure = "trigger: [main]\npool:\n  vmImage: ubuntu-24.04\nstages:\n  - stage: build\n    jobs:\n      - job: tools\n        steps:\n          - task: Bash@3\n            inputs:\n              targetType: inline\n              script: curl -fsSL https://x.example/i.sh | bash\n";
        Assert.Single(IacHarness.Analyze(("pipelines/ci.yml", azure)), f => f.RuleId == "DL3023");
        var gitlab = "default:\n  before_script:\n    - wget -qO- https://x.example/i.sh | sh\n.template:\n  script:\n    - curl -s https://x.example/j.sh | bash\nbuild:\n  extends: .template\n";
        Assert.Equal(2, IacHarness.Analyze((".gitlab-ci.yml", gitlab)).Count(f => f.RuleId == "DL3023"));
    }

    [Fact]
    public void Composite_actions_and_reusable_workflow_calls_are_checked_for_pinning()
    {
        var action = "name: setup\nruns:\n  using: composite\n  steps:\n    - uses: azure/login@v2\n    - uses: actions/cache@v4\n";
        var finding = Assert.Single(IacHarness.Analyze((".github/actions/setup/action.yml", action)), f => f.RuleId == "DL3030");
        Assert.Equal("azure/login@v2", action.Substring(finding.Range.Start, finding.Range.Length));
    }

    [Fact]
    public void Pull_request_target_is_recognised_in_every_form_of_on()
    {
        foreach (var on in new[] { "on: pull_request_target", "on: [push, pull_request_target]", "on:\n  pull_request_target:\n    types: [opened]" })
        {
            var workflow = on + "\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: refs/pull/${{ github.event.number }}/merge\n";
            Assert.Single(IacHarness.Analyze((".github/workflows/t.yml", workflow)), f => f.RuleId == "DL3031");
        }
    }

    [Fact]
    public void Pod_specs_are_found_in_lists_cronjobs_and_bare_pods()
    {
        var text = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata:\n      name: report\n    spec:\n      schedule: '0 * * * *'\n      jobTemplate:\n        spec:\n          template:\n            spec:\n              containers:\n                - name: report\n                  image: report:1.0.0\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: debug\n    spec:\n      volumes:\n        - name: root\n          hostPath:\n            path: /\n      containers:\n        - name: debug\n          image: debug:1.0.0\n";
        var findings = IacHarness.Analyze(("k8s/list.yaml", text));
        Assert.Equal(2, findings.Count(f => f.RuleId == "DL3001"));
        Assert.Single(findings, f => f.RuleId == "DL3009");
        Assert.DoesNotContain(findings, f => f.RuleId == "DL3002");
    }

    [Fact]
    public void Yaml_that_is_none_of_the_known_kinds_is_left_alone()
    {
        var values = "replicaCount: 1\nimage:\n  repository: nginx\n  tag: latest\nenv:\n  - name: DB_PASSWORD\n    value: hunter2hunter2\nsteps:\n  - run: curl https://x.example | sh\n";
        Assert.Empty(IacHarness.Analyze(("charts/web/values.yaml", values)));
    }
}

public sealed class SecretPrintingTests
{
    [Fact]
    public void Tests_about_a_secret_are_not_the_secret_but_toJSON_of_all_secrets_is()
    {
        var workflow = "on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    env:\n      HAS_TOKEN: ${{ secrets.TOKEN != '' }}\n    steps:\n      - run: echo \"token set ${{ secrets.TOKEN != '' }} $HAS_TOKEN\"\n      - run: echo '${{ toJSON(secrets) }}'\n";
        var finding = Assert.Single(IacHarness.Analyze((".github/workflows/a.yml", workflow)), f => f.RuleId == "DL3034");
        Assert.Equal("${{ toJSON(secrets) }}", workflow.Substring(finding.Range.Start, finding.Range.Length));
    }
}
