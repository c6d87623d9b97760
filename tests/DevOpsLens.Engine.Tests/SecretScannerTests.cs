using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Secrets;
using DevOpsLens.Tests.Shared;

namespace DevOpsLens.Engine.Tests;

public sealed class SecretScannerTests
{
    private static readonly HashSet<string> SecretRules = new(StringComparer.Ordinal) { "DL1001", "DL1002", "DL1003", "DL1004", "DL1005" };

    /// <summary>
    /// One row per detector: a realistic line holding a FAKE credential in the provider's format (prefix + token +
    /// suffix), and a near miss the detector must not report (placeholder, wrong checksum, example value, no context).
    /// </summary>
    public static TheoryData<string, DocumentKind, string, string, string, string> DetectorCases() => new()
    {
        { "aws-access-key-id", DocumentKind.DotEnv, "AWS_ACCESS_KEY_ID=", "AKIAZYMLOPIFQYF7M2NX", "\n", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n" },
        { "aws-secret-access-key", DocumentKind.DotEnv, "aws_secret_access_key = ", "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", "\n", "signing_secret_key = aWQrZzhB4GZqT8hqt0pmpsLww0sAO/DGpUxjKbgR\n" },
        { "azure-storage-account-key", DocumentKind.Terraform, "access_key = \"", "BWZRZX1VlxeVZ4DNCNnOBFXL4k41GiLP9qG3L0uKW4yWRzSaTLyvH1D0SZaozaNv4AH17KzcnNjeh1MVLymYZw==", "\"\n", "access_key = \"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==\"\n" },
        { "azure-sas-token", DocumentKind.PlainText, "https://a.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&se=2027-01-01&sig=", "qDvi4i5C32SSyAJ9TlxqnrDK24Syl067EK5O46EQkeI%3D", "\n", "https://a.blob.core.windows.net/c/b?sig=pDHahvYFevPUaKRIrOaLuAqkiL6dzcdvGoJWsk1CdSX%3D\n" },
        { "azure-entra-client-secret", DocumentKind.Json, "{\"ClientSecret\": \"", "AoZ3Q~o_vIJUjzwTkoqrtle-WvTDuRgR3yNwos~P", "\"}", "{\"ClientSecret\": \"abc1Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}" },
        { "azure-devops-pat", DocumentKind.DotEnv, "AZURE_DEVOPS_PAT=", "aoygp4fkk4xquczbtkiasssh73ecwkuvucyrojbsz2ol2dnpqkg3", "\n", "AZURE_DEVOPS_ORG=contoso\n" },
        { "gcp-api-key", DocumentKind.JavaScript, "const key = \"", "AIzaadzqxMhGx3taeY5jvDR3q9lVuD_Am3zwr8V", "\";", "const key = \"AIzaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\";" },
        { "google-oauth-client-secret", DocumentKind.Json, "{\"client_secret\": \"", "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", "\"}", "{\"client_secret\": \"GOCSPX-your-client-secret-here00000\"}" },
        { "github-pat", DocumentKind.Yaml, "token: ", "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", "\n", "token: ghp_Mf13ybw8u4ypIjXebblnovNqW8ePaBhQBfS2\n" },
        { "github-oauth-token", DocumentKind.Yaml, "token: ", "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", "\n", "token: gho_tNNpnCQCHbMVqeXyhVbsFW85ZTCBY7WuGpMS\n" },
        { "github-user-to-server-token", DocumentKind.Yaml, "token: ", "ghu_I733g6szXneL7rDVFvMfSbdKfOi3Am1M2tmP", "\n", "token: ghu_B4QQLLbbhZunnQOgaB184sl1i0XSslTAgt1l\n" },
        { "github-app-installation-token", DocumentKind.Yaml, "token: ", "ghs_WAyOger8Htq2UkWrUhcVM1eqEzi4sM19k3zg", "\n", "token: ghs_En23XGt1CqGqOlDsjmvGiZGoNwMHeoJBYjKa\n" },
        { "github-refresh-token", DocumentKind.Yaml, "token: ", "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", "\n", "token: ghr_l0JRPmfNhub91ntzvGcCP9qEINwnwicSuS6J\n" },
        { "github-fine-grained-pat", DocumentKind.DotEnv, "GH_TOKEN=", "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", "\n", "GH_TOKEN=github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" },
        { "gitlab-pat", DocumentKind.Shell, "export GITLAB_TOKEN=", "glpat-g6nXwieqRg6axyuLpLhM", "\n", "export GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx\n" },
        { "gitlab-runner-token", DocumentKind.Yaml, "token: ", "glrt-LJ0qrqKdHsF0qHM3XlSA", "\n", "token: glrt-REPLACE_WITH_RUNNER_TOKEN\n" },
        { "gitlab-deploy-token", DocumentKind.Yaml, "token: ", "gldt-d_D9i-MEeq6iTqTfibBA", "\n", "token: gldt-\n" },
        { "gitlab-pipeline-trigger-token", DocumentKind.Shell, "curl -F token=", "glptt-0e6ef06174d54e9019117cbf49b41ab6d858f2cd", " https://gitlab.example/api\n", "curl -F token=glptt-0000000000000000000000000000000000000000 x\n" },
        { "npm-token", DocumentKind.Other, "//registry.npmjs.org/:_authToken=", "npm_Uq9MtEaJlXbSqol5R49T1bkH3otquzwzk4qx", "\n", "//registry.npmjs.org/:_authToken=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" },
        { "nuget-api-key", DocumentKind.Shell, "dotnet nuget push x.nupkg -k ", "oy2kaj933r4ulujd6z9j3n6hzv18uvnefopykp0ovflddf", "\n", "dotnet nuget push x.nupkg -k oy2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n" },
        { "pypi-token", DocumentKind.Properties, "password = ", "pypi-AgEIcHlwaS5vcmc8WBH4Rax23OJvs9Vr947x6_M57m9e6ypS_bW3Ohzqp2aoqyrCGcShfzeyCABax7H8TUSRF", "\n", "password = pypi-AgEIcHlwaS5vcmc\n" },
        { "dockerhub-pat", DocumentKind.Shell, "echo ", "dckr_pat_Lc5nvfBZKVRx8QM9-b8dGlQnd2T", " | docker login -u me --password-stdin\n", "echo dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx | docker login\n" },
        { "slack-bot-token", DocumentKind.Yaml, "botToken: ", "xoxb-502555954546-2934811711315-y3uo2pd1iJqZJzk1Pa3vumyr", "\n", "botToken: xoxb-your-bot-token\n" },
        { "slack-user-token", DocumentKind.Yaml, "userToken: ", "xoxp-722900204572-024594353034-6191820935765-476de8d6e7916ae6315168d022507232", "\n", "userToken: xoxp-0000000000-0000000000\n" },
        { "slack-app-token", DocumentKind.Yaml, "appToken: ", "xapp-1-AEFBRXXL2YD-6273875152449-1661a7e38d6315f35645d282760ee88e4ebf73422574d909c5b1268b44fbe5ab", "\n", "appToken: xapp-1-your-token\n" },
        { "slack-legacy-token", DocumentKind.Yaml, "token: ", "xoxs-3344398917-SKiErPqD835ln7NtWbHDrb2xaX7yWi", "\n", "token: xoxs-1234\n" },
        { "slack-webhook", DocumentKind.Json, "{\"url\": \"", "https://hooks.slack.com/services/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", "\"}", "{\"url\": \"https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\"}" },
        { "discord-bot-token", DocumentKind.Python, "DISCORD_TOKEN = \"", "ODk1MjM4MzcyMzk0MjQ0MTUy.dpuFKA.D9fNBW7GhwAlkWx3sA2MnkiQ_sDjiZFL8zQ3PU", "\"\n", "DISCORD_TOKEN = \"aGVsbG8gd29ybGQgaGVsbG8.abcdef.ghijklmnopqrstuvwxyzABCDEFG\"\n" },
        { "discord-webhook", DocumentKind.Json, "{\"hook\": \"", "https://discord.com/api/webhooks/617194443485002719/rDs079GVWSjfB_c42hBl409cyCjFXvrCOXTi9ez0ZrbOPyIUpF8L6VYudjfOL7ef8xu3", "\"}", "{\"hook\": \"https://discord.com/api/webhooks/123/abc\"}" },
        { "telegram-bot-token", DocumentKind.DotEnv, "TELEGRAM_TOKEN=", "409086788:AAWQeyI9Yezl-tBu8Qp8o5shtYDCGrscGJw", "\n", "TELEGRAM_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" },
        { "twilio-api-key", DocumentKind.Json, "{\"Twilio\": {\"ApiKey\": \"", "SKf6ce93f1b74a004d0adcb72b5431bc1a", "\"}}", "{\"Build\": {\"Hash\": \"SK984271932d393e744b3a8d26f5b8f305\"}}" },
        { "twilio-auth-token", DocumentKind.DotEnv, "TWILIO_ACCOUNT_SID=AC127be6ce56fa9e301ac87992412aa657\nTWILIO_AUTH_TOKEN=", "d56110a0de8b67d7873a10221c5727be", "\n", "GITHUB_AUTH_TOKEN_HASH=d48c6e9ce8bf7f4b6d8e999b68593919\n" },
        { "sendgrid-api-key", DocumentKind.Json, "{\"SendGrid\": \"", "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", "\"}", "{\"SendGrid\": \"SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}" },
        { "mailchimp-api-key", DocumentKind.DotEnv, "MAILCHIMP_KEY=", "deb2c5ffcaed6f8334f95ec30910201d-us14", "\n", "LOCALE=en-us\n" },
        { "postman-api-key", DocumentKind.DotEnv, "POSTMAN_API_KEY=", "PMAK-c9ac34e3de641f08121c51c2-a67b83801a4b0ef5e331c852ec6ba0597c", "\n", "POSTMAN_API_KEY=PMAK-your-key\n" },
        { "stripe-secret-key", DocumentKind.Json, "{\"Stripe\": \"", "sk_live_Ydd8YM70JSh1HNuOMLa7cjxt", "\"}", "{\"Stripe\": \"sk_test_slWxegiSQyTr8mRJm6rFVUG8\"}" },
        { "stripe-restricted-key", DocumentKind.Json, "{\"Stripe\": \"", "rk_live_aiJjAtTubzJR6lIyzymhisBH", "\"}", "{\"Stripe\": \"pk_live_AHKRgpwz1agsoV1RpMzMNE7G\"}" },
        { "shopify-access-token", DocumentKind.DotEnv, "SHOPIFY=", "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", "\n", "SHOPIFY=shpat_00000000000000000000000000000000\n" },
        { "shopify-custom-app-token", DocumentKind.DotEnv, "SHOPIFY=", "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", "\n", "SHOPIFY=shpca_00000000000000000000000000000000\n" },
        { "shopify-private-app-token", DocumentKind.DotEnv, "SHOPIFY=", "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", "\n", "SHOPIFY=shppa_00000000000000000000000000000000\n" },
        { "shopify-shared-secret", DocumentKind.DotEnv, "SHOPIFY=", "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", "\n", "SHOPIFY=shpss_00000000000000000000000000000000\n" },
        { "openai-api-key", DocumentKind.Python, "client = OpenAI(api_key=\"", "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", "\")\n", "client = OpenAI(api_key=\"sk-proj-...\")\n" },
        { "anthropic-api-key", DocumentKind.DotEnv, "ANTHROPIC_API_KEY=", "sk-ant-api03-Z3GTrysW7t5ow4Lnh0Z4_pwIisPGSEcBs0FSO4xpj0ZOKra2QChIOzcLw-Vwp-xxoXZlxl-js7HK13U2zns7oCDTM8vLDAA", "\n", "ANTHROPIC_API_KEY=sk-ant-api03-...\n" },
        { "huggingface-token", DocumentKind.DotEnv, "HF_TOKEN=", "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", "\n", "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" },
        { "datadog-api-key", DocumentKind.Yaml, "DD_API_KEY: ", "4536489a1f8ae4f458d2f347f997d1f6", "\n", "DD_SITE: datadoghq.eu\n" },
        { "datadog-app-key", DocumentKind.Yaml, "DD_APP_KEY: ", "071003e6de22232e88f9ac8de91119d2e46027d3", "\n", "DD_APP_KEY: 0000000000000000000000000000000000000000\n" },
        { "newrelic-user-key", DocumentKind.DotEnv, "NEW_RELIC_API_KEY=", "NRAK-VWW4HIAJFXEYX8SW7M2CZTLEJLB", "\n", "NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX\n" },
        { "newrelic-insert-key", DocumentKind.DotEnv, "NEW_RELIC_INSERT_KEY=", "NRII-0hkLY-nDmiXTyTzpTUMw3ur3gA1mfQNA", "\n", "NEW_RELIC_INSERT_KEY=NRII-\n" },
        { "newrelic-license-key", DocumentKind.DotEnv, "NEW_RELIC_LICENSE_KEY=", "78173e82d51350e022b0c1c587030b42efd7NRAL", "\n", "NEW_RELIC_LICENSE_KEY=000000000000000000000000000000000000NRAL\n" },
        { "sentry-org-token", DocumentKind.DotEnv, "SENTRY_AUTH_TOKEN=", "sntrys_eyJpYXQiOjE3MDAwMDAwMDAuMCwidXJsIjoiaHR0cHM6Ly9zZW50cnkuaW8ifQ_uZQ1m6YR5DleE7SZQRdRcWt0lN9wKoeqHzN2lOxJ3ns", "\n", "SENTRY_AUTH_TOKEN=sntrys_\n" },
        { "sentry-user-token", DocumentKind.DotEnv, "SENTRY_AUTH_TOKEN=", "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", "\n", "SENTRY_AUTH_TOKEN=sntryu_0000000000000000000000000000000000000000000000000000000000000000\n" },
        { "sentry-dsn-secret", DocumentKind.Python, "SENTRY_DSN = \"https://fd00c9672aa4308668d5f56aefa0f6ec:", "03a329d2a0bea992c064b210c01d50b9", "@o12345.ingest.sentry.io/67890\"\n", "SENTRY_DSN = \"https://3111f7c9138755b6acc99b7fa90efcca@o12345.ingest.sentry.io/67890\"\n" },
        { "vault-service-token", DocumentKind.Terraform, "token = \"", "hvs.viXJSfX0OO3LM5JDVpcpFChY0_3W6JVq_9Eta0qwozMN2gbaOz42AEQ2Rljo2tWIInnRlxJu0Z-t0oz-ELc774gAUfWw4EJ", "\"\n", "token = \"hvs.xxxxx\"\n" },
        { "vault-batch-token", DocumentKind.Terraform, "token = \"", "hvb.Q-LAwpunnEaRYtOpjrLQsrKI_mXGbu5McKb7nJLs4RccXveezLQykNOpJqjRwv92HnATvWXLQYBiUTlfh1ufOwdJe04bTQ04VO1t4olge45sNVgjDFCeU4U4BN0HS8CZD-mu73SgHAM9D0dB0eepzCA", "\"\n", "token = \"hvb.short\"\n" },
        { "databricks-token", DocumentKind.Shell, "curl -H \"Authorization: Bearer ", "dapidcdea8f0c1ef04a1a716cc6684197334", "\" https://adb.azuredatabricks.net\n", "curl -H \"Authorization: Bearer dapi00000000000000000000000000000000\" x\n" },
        { "grafana-service-account-token", DocumentKind.DotEnv, "GRAFANA_TOKEN=", "glsa_DxUqLGhrPfBQ9GOhheWpbQStzGmphteE_e231868a", "\n", "GRAFANA_TOKEN=glsa_your_token\n" },
        { "grafana-cloud-token", DocumentKind.DotEnv, "GRAFANA_CLOUD=", "glc_eyJvIjoiMTIzNDU2IiwibiI6InN0YWNrLTEyMyIsImsiOiILfHPL9JM05auuAdxc0EEOzwsXLYqhjNQKrIzrwFXIn0=", "\n", "GRAFANA_CLOUD=glc_\n" },
        { "pulumi-access-token", DocumentKind.DotEnv, "PULUMI_ACCESS_TOKEN=", "pul-23e55e5b34738ddfb1f5d5f644f186f826c37bc4", "\n", "PULUMI_ACCESS_TOKEN=pul-\n" },
        { "digitalocean-token", DocumentKind.DotEnv, "DIGITALOCEAN_TOKEN=", "dop_v1_751b4a895e8ca6ce82062c1aab98e3b363588bf789abbf7ad99828e7d1fbe6d8", "\n", "DIGITALOCEAN_TOKEN=dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" },
        { "digitalocean-oauth-token", DocumentKind.DotEnv, "DO_OAUTH=", "doo_v1_95f166f0db1c4b28c44f500f331beed9e6ee3d03c8ec5e0c80608b75d70f9367", "\n", "DO_OAUTH=doo_v1_\n" },
        { "atlassian-api-token", DocumentKind.DotEnv, "JIRA_TOKEN=", "ATATT3LHvJwRtbvQ1MIgjtYXlfACsC9JaUUOGv1WDOFAhKQhQF_7UNKCVmu75-9t5sP1vhcCWHKxi795wSctZ9trvQJHCbt_GSNqWbdm0PdOCMwz8v_nK0GTY-kyjT5abnMZhFCygk8pmjhjy1USiUALNFRZ8ebzxqkUVZC8Jy8fYMtfH8h4xNGZnbGU_cjA", "\n", "JIRA_TOKEN=ATATT3xxx\n" },
        { "linear-api-key", DocumentKind.DotEnv, "LINEAR_API_KEY=", "lin_api_fLS1Z2FQDtE3n89z2YPfkCSiQNWtShdO0W7Lip4Q", "\n", "LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" },
        { "doppler-token", DocumentKind.DotEnv, "DOPPLER_TOKEN=", "dp.pt.zVICXWpeaxqP2bVhp0jsyU186vxLZsDkIFgzrljKbBu", "\n", "DOPPLER_TOKEN=dp.pt.\n" },
        { "jwt", DocumentKind.Json, "{\"token\": \"", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYW1ybGhtIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmNvbnRvc28uaW50ZXJuYWwiLCJleHAiOjE4OTM0NTYwMDB9.CJ4rxbhqt6CWkvBburTtA7rTE5nLUBEKSwjFMGMX-uY", "\"}", "{\"token\": \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\"}" },
        { "age-secret-key", DocumentKind.PlainText, "", "AGE-SECRET-KEY-14EAT7WZMGD326ZW83J8LG77UF8DJTMW7LSH5S6GS6TNK89J6AAZ6DZTVQ7", "\n", "AGE-SECRET-KEY-1\n" },
        { "openssh-private-key", DocumentKind.PlainText, "", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAPPW5t5yh5/IM5I+R9UOFqWEA7XNqFKZJuanVmIlA\n5lrDagsDYjpWiT+SlyzXVdwfLyH83+i/3v/4BTxIMGQDWYvlIcKICS/FzzOqj2TC\nLbvzF0vQzqKqJEUKzRO603mJjWWBOvnWnRFlUHHB+wV1r4sgJDKqzaAtEGj3J3f5\n6WbH6mHzqymQ/aVyrNuswjypGOxRPDoNMwcoq2zInUSQiUOUfyuZHgoAzqH/bErR\nDRyOiv+KB5uUPMPZa1PY7hbKu+LKoqQezVU5CRvFlJdwwZ46vvrJMygAI5MNo44h\nOEc47AA1lPX1svjwKKnJ0wkqXp1vdo5vTVqt3UYH1GiKaSTIARyGTo0ScPVXnAdO\n-----END OPENSSH PRIVATE KEY-----", "\n", "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----\n" },
        { "pem-private-key", DocumentKind.PlainText, "", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow5Q3ZLnGcIqZGrztKWXA3o4S9iqLBKT7Cg8uUGeCQaucgoJXVRA+q5fRukp\nGHZSCulvlOu46JPxs4jAR5IgNAeB03xbnVEtNCKxy2Jld+6rKCAonlR7Hnl3YZcv\nHneRPssqtJlUmclUDPARogu2x+ok5EK0zJOAYBwcdxaGmaNgNqnBShGvYdU9H5Qr\nXUj/HPyBUAsEcJUDa8nEz7SEvH40yKIURwxNwr98vxnAXER3S4vmTnhCDD2lKeNx\nKCYtUDoTMjoOjU3vJmCSmy+RY16TFYaB6m4OqPB9FU2lRQzLd2A0OS1sP6TIru8V\n6uUcoEOKAN1m5N6miLUZk3TnVJxP9OQFgawJTyk9/tsy6JERgsQGbSTSpNSqtRgP\ndjKmIwU768ORHy8I3kWJVcfm1huKMjFlx/2SSLWJGZRi5GEWkDNHGnjLhdwP/WGL\nDSybW8q321FztOsOpRDMse3JeIN1dv/TfP3P7btjM5Ua4gUDiCsBr2BpU48qt1Xt\nxIAAQU8XmjeysGZDnPsSzd+1GlhRpyCf0FmuhsJ8U5MH77LE4LKEI+nUIQNFPmdu\nxtoJqBF9TxuYdXIcWPgSOl3dlQsb2YFL1D2B9wlmbec8UlH2M7RyqcjRlXHu9Dij\nVQOXku0xLR4+xZvP5ptC4D1rXeIZDoS4EHzHqs+A0NCHDbLod6Kq4qdKnJYlhybX\nEYWlJAqocPOwUh8SdohQQ7y8fcuiAKLPfOAok+GEVI/r4urUgbZlst1K2fdXwvri\n-----END RSA PRIVATE KEY-----", "\n", "-----BEGIN RSA PUBLIC KEY-----\n5eYJKVhCF3APEkUSylhVXeJT4Ew7pg+/NJaMENBrqmH14mDuVNFqKcU/UEZhuRHS\nDetYzQ/0SR1aQ6UPQuYyCF0cdJYAIOESqb3EtK67Fu1cGrX26ndebYlZDuG/9Peh\nbOla6R3+C/SkT7C4sLAsXbK3TncfStrcdt8qy3ZYTJn9+67H0zfXmOA/COlpnqWl\nwhJnImMtt6JSW+U6lMj1a8IckGG6RG/5Z/Cf9SidIqBjDOy166U0Ex8yIIIgJiXD\n-----END RSA PUBLIC KEY-----\n" },
        { "sqlserver-connection-string", DocumentKind.Json, "{\"Db\": \"Server=tcp:x.database.windows.net;Initial Catalog=db;User ID=app;Password=", "Zr4pQ8sLm2w9", ";\"}", "{\"Db\": \"Server=tcp:x.database.windows.net;Initial Catalog=db;User ID=app;Password=${DB_PASSWORD};\"}" },
        { "postgres-connection-string", DocumentKind.Json, "{\"Db\": \"Host=db;Port=5432;Username=app;Password=", "Zr4pQ8sLm2w9", "\"}", "{\"Db\": \"Host=db;Port=5432;Username=app;Password=\"}" },
        { "mysql-connection-string", DocumentKind.Json, "{\"Db\": \"Server=mysql01;Uid=app;Pwd=", "Zr4pQ8sLm2w9", ";\"}", "{\"Db\": \"Server=mysql01;Uid=app;Pwd={password};\"}" },
        { "oracle-connection-string", DocumentKind.Json, "{\"Db\": \"Data Source=ora01:1521/ORCL;User Id=app;Password=", "Zr4pQ8sLm2w9", ";\"}", "{\"Db\": \"Data Source=ora01:1521/ORCL;User Id=app;Password=<password>;\"}" },
        { "redis-connection-string", DocumentKind.Json, "{\"Redis\": \"cache:6380,password=", "Zr4pQ8sLm2w9", ",ssl=True,abortConnect=False\"}", "{\"Redis\": \"cache:6380,password=$(REDIS_PASSWORD),ssl=True\"}" },
        { "azure-storage-connection-string", DocumentKind.Json, "{\"Blob\": \"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=", "w3fZrC3t8i4JlVriJXSGiJmA9GG/TJVQjb4D38A4mOydCHxBvxDE8ym5lo5Cko+KXycBFZLtcCoPLyj6qRROos==", ";EndpointSuffix=core.windows.net\"}", "{\"Blob\": \"UseDevelopmentStorage=true\"}" },
        { "azure-cosmos-connection-string", DocumentKind.Json, "{\"Cosmos\": \"AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey=", "xngG5tajSO+9xOgRFei+DkABksRN7NDLRoBhhi4D0XYS+422JZw1PIXXAMBla3YaFrloW8/KPKo3Txjrg5OzQ7==", ";\"}", "{\"Cosmos\": \"AccountEndpoint=https://acct.documents.azure.com:443/;\"}" },
        { "azure-servicebus-connection-string", DocumentKind.Json, "{\"Bus\": \"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=", "F3jC39WYUy9afkXJjIvU1cWcmELqaO+iKOZYW01g93t=", "\"}", "{\"Bus\": \"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>\"}" },
        { "azure-iothub-connection-string", DocumentKind.Json, "{\"Hub\": \"HostName=hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=", "muuD5G4A3bL0lMo68K0UBs6Z3VwPsQLgOJON1QFu0p7=", "\"}", "{\"Hub\": \"HostName=hub.azure-devices.net;SharedAccessKeyName=iothubowner\"}" },
        { "azure-signalr-connection-string", DocumentKind.Json, "{\"SignalR\": \"Endpoint=https://x.service.signalr.net;AccessKey=", "PkSbyu9F9cb0GP1Gl5VueRK62wTvtoXADOniWq8a5rO=", ";Version=1.0;\"}", "{\"SignalR\": \"Endpoint=https://x.service.signalr.net;AuthType=azure.msi;Version=1.0;\"}" },
        { "postgres-url", DocumentKind.DotEnv, "DATABASE_URL=postgres://app:", "Zr4pQ8sLm2w9", "@db.internal:5432/app\n", "DATABASE_URL=postgres://app@db.internal:5432/app\n" },
        { "mysql-url", DocumentKind.DotEnv, "DATABASE_URL=mysql://app:", "Zr4pQ8sLm2w9", "@db.internal:3306/app\n", "DATABASE_URL=mysql://user:password@host:3306/app\n" },
        { "mongodb-url", DocumentKind.DotEnv, "MONGO=mongodb+srv://app:", "Zr4pQ8sLm2w9", "@cluster0.mongodb.net/db\n", "MONGO=mongodb+srv://${USER}:${PASS}@cluster0.mongodb.net/db\n" },
        { "redis-url", DocumentKind.DotEnv, "REDIS=redis://:", "Zr4pQ8sLm2w9", "@cache:6379/0\n", "REDIS=redis://cache:6379/0\n" },
        { "amqp-url", DocumentKind.DotEnv, "AMQP=amqps://app:", "Zr4pQ8sLm2w9", "@rabbit:5671/\n", "AMQP=amqp://guest:guest@localhost:5672/\n" },
        { "sqlserver-url", DocumentKind.DotEnv, "DB=sqlserver://app:", "Zr4pQ8sLm2w9", "@sql01:1433?database=app\n", "DB=sqlserver://sql01:1433?database=app\n" },
        { "url-credentials", DocumentKind.Shell, "git clone https://ci:", "Zr4pQ8sLm2w9", "@git.contoso.internal/repo.git\n", "git clone https://ci:$CI_TOKEN@git.contoso.internal/repo.git\n" },
        { "generic-secret-assignment", DocumentKind.Yaml, "admin_password: ", "Xk9#mQ2vLp7wRz4t", "\n", "admin_password_length: 16\n" },
        { "pgp-private-key", DocumentKind.PlainText, "", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGXvRF6HqmLhcTQOVIKEPaApLxp8HiUU99VRy7/b5cNJjiNtNnqY+8AQ/exJ\nReNjn55EVRQA6jYvZIcNu2yvlhobicDkVF2mC+BI3r3MtyL781mUih4rLKXS+CkD\na+WM/EzwVLf3wT8j1iI2fBe9d7Ii0Y5nMPag7gAjhVk6nQ7NVGjPVwW/rl29QHsg\nL3Uqn/YEFgCLBNaKx9N+kXSlInT93xybebCvCOovAMZBvXZZARSY+tRU0Ym13S88\nb72QQA3ZSgmWJsz3LxjU6UIPzsVnlj/HJbpeDiqOV4SR4c8o2ypYl9RBFjW01ZpB\nqfkqfmQpMDZXRvWE86+jE/Q5IxlMANiUWGyF8jTKbcl2dwRiyMvxA2rwgoj7RDLg\nlTBiCqavshREuBJACKkDbqeapFP0biEEORXstswOYesCvatHo2sffBJ+BT1c4/H9\n=Xk3P\n-----END PGP PRIVATE KEY BLOCK-----", "\n", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nD/OXmlqnzp1b0/jfMxAM77JDHpaIccoLhVXDIUKaRl+ekZfw7JOYDfdpeHFFy1y5\nJp+VFA14xOON+o8T0x+4ncgKfAIRtk2fLXFPDMcl3Vwdj7hESd0SnD/9BDqp8bXl\noV1nyw3V7FvJQ7oadqhhno1AStYoBQNmMrkPVrvvV6YtEhCjcYc1lWjmmkLvcUZz\nAtnObUqFE+cAFvqf7+G6ixmxoVhFSfnjg5hmLaqLD5dkC9325sN8GtV6CVNNk22S\nVTuwqJQllyva8m2hqjoKTZ4s0OtfGlivFzbEUeSmmwv4FqaXvlHEKDHAnipSTOFi\njBF6bNojcEX4wVuWUu+sZRJqwzSrN41bMjqTphJ+fI+WqrtP2OqrvV1ejUtD42aa\n-----END PGP PUBLIC KEY BLOCK-----\n" },
        { "gcp-service-account-key", DocumentKind.Json, "{\"type\": \"service_account\", \"private_key_id\": \"abc\", \"private_key\": \"", "-----BEGIN PRIVATE KEY-----\\nUHikbSRg2y81FIszvZhz6hRqh+VT0lvYvlQWZFp7ujuMGpLA3BvO/1C3yMDXuV2r\\nR+h568MEVqQuF+C4qQGWE8eepTUJItPootYiLk5xi7QO4jV3EcfCXnVVG8hybRY7\\nrIMjjYqONfRH4K/SxLuwmbYUPsC5ezkMG2Ew3DBrkBzAjH67C8z/ML+UGu4ttWXI\\nO5B39WbVvS0YIncp0MvNho9ANy7Ppr5apZceNvdQ8Cum49Ey9Enp//BXrKPvFmA1\\nlwAmd98Vb6xwN7SU6yJUwmAhBwN2Ejq69A1Sess/WHBEtWUFyzdRIwktZGOe1LMx\\nOFt/8AukyvUM0ehnqcv3Y8kcGOhsElL4z3aGKQdCJ8pMpQzysoshNDaFJ8FxCHWO\\n-----END PRIVATE KEY-----", "\\n\"}", "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n<your key>\\n-----END PRIVATE KEY-----\"}" },
        { "putty-private-key", DocumentKind.PlainText, "", "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: k\nPublic-Lines: 1\nPP7U8Wh12ILH/zCCoDxnnmObI4TQ0cD3sYlsLD0tFZZ7d6cq2EZjWOMu5ZMMXldm\nPrivate-Lines: 2\nv3ioMtlLHUe1yPqoi32vCmnS2Bnd9nF5Xipy9LPIpcJlE3S5o0DKAYlAUEIlzOIG\nEA7Oq1/dinHAaqo87nxxDPdjPLrEHdupB2UNE3doF+jTfGpSKRId2XBnEiFtsV8h\nPrivate-MAC: 1c61171afa1024e79d517a9b63b08b977497e945", "\n", "PuTTY-User-Key-File-2: ssh-rsa\nPublic-Lines: 1\nAAAA\n" },
        { "db-connection-string", DocumentKind.Json, "{\"Db\": \"Database=app;User=app;Password=", "Zr4pQ8sLm2w9", ";\"}", "{\"Db\": \"Database=app;User=app;Password=***;\"}" },
    };

    [Theory]
    [MemberData(nameof(DetectorCases))]
    public void Detector_reports_its_format_and_ignores_the_near_miss(string detector, DocumentKind kind, string prefix, string token, string suffix, string nearMiss)
    {
        var text = prefix + token + suffix;
        var matches = SecretScanner.Scan(text, kind, RuleOptions.Default, CancellationToken.None).ToList();
        var match = Assert.Single(matches, m => m.DetectorId == detector);
        Assert.Equal(prefix.Length, match.Range.Start);
        Assert.Equal(prefix.Length + token.Length, match.Range.End);
        Assert.DoesNotContain(token, match.Redacted);
        Assert.DoesNotContain(token, match.Message);

        var missed = SecretScanner.Scan(nearMiss, kind, RuleOptions.Default, CancellationToken.None).ToList();
        Assert.DoesNotContain(missed, m => m.DetectorId == detector);
    }

    [Fact]
    public void Every_detector_has_a_positive_and_a_near_miss_case()
    {
        var covered = DetectorCases().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var missing = SecretScanner.Detectors.Select(d => d.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "no test case for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Catalog_lists_at_least_forty_provider_formats_with_unique_ids()
    {
        var ids = SecretScanner.Detectors.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(SecretScanner.Detectors.Count(d => d.RuleId == RuleIds.KnownCredential) >= 40);
        Assert.All(SecretScanner.Detectors, d => Assert.StartsWith("DL100", d.RuleId));
    }

    [Fact]
    public void Rule_pages_list_every_detector_of_their_rule()
    {
        foreach (var detector in SecretScanner.Detectors)
        {
            var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "rules", detector.RuleId + ".md"));
            Assert.Contains("| `" + detector.Id + "` |", page);
        }
    }

    [Fact]
    public void GitHub_checksum_matches_an_independently_computed_value()
    {
        // CRC32 ("aB7cD8eF9gH0jK1mN2pQ3rS4tU5vW6") = base62 "2M5jQM", computed with Python's zlib, not with this code.
        Assert.Equal("2M5jQM", FormatChecks.GitHubChecksum("aB7cD8eF9gH0jK1mN2pQ3rS4tU5vW6"));
        Assert.True(FormatChecks.HasGitHubChecksum("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"));
        Assert.False(FormatChecks.HasGitHubChecksum("ghp_aB7cD8eF9gH0jK1mN2pQ3rS4tU5vW62M5jQN"));
    }

    [Fact]
    public void No_finding_from_any_vector_reveals_its_secret()
    {
        // DL1005 in C# is the analyzer's (semantic) job; the analyzer vector test checks its messages.
        foreach (var vector in VectorFile.All().Where(v => SecretRules.Contains(v.RuleId) && !v.IsCompliant && !(v.RuleId == "DL1005" && v.FileName.EndsWith(".cs", StringComparison.Ordinal))))
        {
            var document = new DocumentContext(vector.FileName, vector.Text, RuleOptions.Default);
            var findings = new DocumentAnalyzer(new[] { new SecretScanner() }).Analyze(document);
            Assert.NotEmpty(findings);
            foreach (var finding in findings)
            {
                var secret = vector.Text.Substring(finding.Range.Start, finding.Range.Length);
                var exposed = new[] { finding.Message, finding.Fingerprint ?? string.Empty }.Concat(finding.Properties.Values);
                Assert.All(exposed, text => Assert.DoesNotContain(secret, text));
            }
        }
    }

    [Fact]
    public void Redactor_shows_the_prefix_and_at_most_four_trailing_characters()
    {
        var match = Assert.Single(SecretScanner.Scan("token: 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\n", DocumentKind.Yaml, RuleOptions.Default, CancellationToken.None));
        Assert.Equal("ghp_…5jQM (40 chars)", match.Redacted);
        Assert.Contains("GitHub personal access token (classic)", match.Message);
    }

    [Fact]
    public void Prefilter_runs_only_detectors_whose_keywords_occur()
    {
        Assert.Empty(SecretScanner.DetectorsTriggeredBy("Plain prose about deployments, with no credential words at all."));
        var triggered = SecretScanner.DetectorsTriggeredBy("const t = \"ghp_\";");
        Assert.Contains("github-pat", triggered);
        Assert.DoesNotContain("aws-access-key-id", triggered);
        Assert.DoesNotContain("pem-private-key", triggered);
    }

    public static TheoryData<string> PathologicalInputs() => new()
    {
        "url-userinfo",
        "connection-string",
        "jwt-like",
        "pem-markers",
        "assignments",
        "base64-run",
    };

    [Theory]
    [MemberData(nameof(PathologicalInputs))]
    public void A_one_megabyte_line_is_scanned_without_failing(string shape)
    {
        var unit = shape switch
        {
            "url-userinfo" => "https://a:b:c:d:e",
            "connection-string" => "Password=;Server=password=",
            "jwt-like" => "eyJaaaaaaaaaa.eyJbbbbbbbbbb.",
            "pem-markers" => "-----BEGIN PRIVATE KEY-----",
            "assignments" => "password=token=secret:",
            _ => "AKIAQ2RSTUVWXYZ23456aA0+/",
        };
        var text = string.Concat(Enumerable.Repeat(unit, (1024 * 1024 / unit.Length) + 1));
        var document = new DocumentContext("huge.txt", text, RuleOptions.Default);
        var findings = new DocumentAnalyzer(new[] { new SecretScanner() }).Analyze(document);
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.KnownCredential || f.RuleId == RuleIds.PrivateKey);
    }

    [Fact]
    public void Invalid_text_does_not_throw_and_secrets_around_it_are_still_found()
    {
        var text = "\0\0\uD800 junk \uDFFF\n" + "token: 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\n\0password = \"\uD800Xk9#mQ2vLp7wRz4t\"\n";
        var document = new DocumentContext("weird.yaml", text, RuleOptions.Default);
        var findings = new DocumentAnalyzer(new[] { new SecretScanner() }).Analyze(document);
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.RuleFailure);
        Assert.Contains(findings, f => f.RuleId == RuleIds.KnownCredential);
    }

    [Fact]
    public void Disabled_detector_and_rule_severity_none_are_honoured()
    {
        const string text = "token: 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\ndb_password: Xk9#mQ2vLp7wRz4t\n";
        var options = new RuleOptions(new Dictionary<string, string>
        {
            ["devopslens.DL1001.disabled_detectors"] = "github-pat",
            ["dotnet_diagnostic.DL1005.severity"] = "none",
        });
        Assert.Empty(SecretScanner.Scan(text, DocumentKind.Yaml, options, CancellationToken.None));
        Assert.Equal(2, SecretScanner.Scan(text, DocumentKind.Yaml, RuleOptions.Default, CancellationToken.None).Count());
    }

    [Fact]
    public void Additional_names_and_min_length_options_change_DL1005()
    {
        const string text = "license_code: Xk9#mQ2vLp7wRz4t\ndb_password: Ab3#xY\n";
        Assert.Empty(SecretScanner.Scan(text, DocumentKind.Yaml, RuleOptions.Default, CancellationToken.None));
        var options = new RuleOptions(new Dictionary<string, string>
        {
            ["devopslens.DL1005.additional_names"] = "license_code",
            ["devopslens.DL1005.min_length"] = "6",
        });
        var names = SecretScanner.Scan(text, DocumentKind.Yaml, options, CancellationToken.None).Select(m => m.Name).ToList();
        Assert.Equal(new[] { "license_code", "db_password" }, names);
    }

    [Theory]
    [InlineData("Settings.cs", DocumentKind.CSharp)]
    [InlineData("notes.md", DocumentKind.Markdown)]
    [InlineData("package-lock.json", DocumentKind.Json)]
    public void DL1005_does_not_run_where_another_host_or_no_one_should_judge(string path, DocumentKind kind)
    {
        const string text = "{ \"password\": \"Xk9#mQ2vLp7wRz4t\" }\n";
        Assert.Empty(SecretScanner.Scan(text, path, kind, RuleOptions.Default, CancellationToken.None));
        Assert.Single(SecretScanner.Scan(text, "settings.json", DocumentKind.Json, RuleOptions.Default, CancellationToken.None));
    }

    [Fact]
    public void CSharp_text_still_gets_provider_formats()
    {
        const string text = "var t = \"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\"; var password = \"Xk9#mQ2vLp7wRz4t\";";
        var match = Assert.Single(SecretScanner.Scan(text, DocumentKind.CSharp, RuleOptions.Default, CancellationToken.None));
        Assert.Equal(RuleIds.KnownCredential, match.Rule.Id);
    }

    [Fact]
    public void Inline_suppression_marks_the_finding()
    {
        const string text = "# devopslens-ignore DL1005: rotated, kept for the migration test\ndb_password: Xk9#mQ2vLp7wRz4t\n";
        var findings = new DocumentAnalyzer(new[] { new SecretScanner() }).Analyze(new DocumentContext("values.yaml", text, RuleOptions.Default));
        var finding = Assert.Single(findings);
        Assert.True(finding.IsSuppressed);
    }

    [Fact]
    public void Concurrent_scans_give_identical_results()
    {
        var vectors = VectorFile.All().Where(v => SecretRules.Contains(v.RuleId)).ToList();
        var expected = vectors.Select(v => Signature(v)).ToList();
        var actual = new string[vectors.Count];
        Parallel.For(0, vectors.Count * 4, i => actual[i % vectors.Count] = Signature(vectors[i % vectors.Count]));
        Assert.Equal(expected, actual);

        static string Signature(VectorFile v) => string.Join(";", SecretScanner.Scan(v.Text, v.FileName, DocumentClassifier.Classify(v.FileName), RuleOptions.Default, CancellationToken.None).Select(m => m.ToString()));
    }

    [Fact]
    public void Cancellation_stops_the_scan()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SecretScanner.Scan("token: ghp_x", DocumentKind.Yaml, RuleOptions.Default, cts.Token).ToList());
    }
}
