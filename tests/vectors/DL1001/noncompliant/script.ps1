# PowerShell automation with a Microsoft Entra client secret and a GitLab token in clear text.
$tenantId = "8a6f3c1e-2b4d-4e5f-9a7b-1c2d3e4f5a6b"
$clientSecret = "[|Dfb5Q~jqF8tPw~oraWl~1R-TkcGEoWFMwNbdRw6L|]"
$gitlabToken = "[|glpat-gpQEW8kM9G7QEheiaNHt|]"
Invoke-RestMethod -Uri "https://gitlab.contoso.com/api/v4/projects" -Headers @{ "PRIVATE-TOKEN" = $gitlabToken }
