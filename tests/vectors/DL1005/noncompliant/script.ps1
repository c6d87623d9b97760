# A PowerShell script with a literal password and API key.
$password = "[|IaGGysihgx@9z8pZ|]"
$apiKey = '[|SU9u0kV6pgXJdzL7Ir8dEoFriczgCAAD|]'
$cred = New-Object System.Management.Automation.PSCredential("svc-deploy", (ConvertTo-SecureString $password -AsPlainText -Force))
