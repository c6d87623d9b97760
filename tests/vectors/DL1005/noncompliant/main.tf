# Terraform literals end up in state files and plan output.
resource "azurerm_mssql_server" "main" {
  name                         = "contoso-sql"
  administrator_login          = "sqladmin"
  administrator_login_password = "[|CEVE6iJGqj!zkcvp|]"
}

resource "azurerm_linux_virtual_machine" "jump" {
  admin_password = "[|qv2rDgRehO!kwUCp|]"
}
