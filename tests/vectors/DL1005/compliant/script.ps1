# Credentials are read at run time, never written in the script.
$password = Read-Host -AsSecureString -Prompt "Password"
$apiKey = $env:CONTOSO_API_KEY
$token = (Get-AzAccessToken).Token
$passwordLength = 16
