# Terraform reads secrets from variables, generated resources and Key Vault.
resource "random_password" "sql" {
  length  = 24
  special = true
}

resource "azurerm_mssql_server" "main" {
  administrator_login_password = random_password.sql.result
  admin_password               = var.admin_password
}

data "azurerm_key_vault_secret" "api" {
  name = "api-key"
}
