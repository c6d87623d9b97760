# Terraform with a Vault token and a storage account key in the configuration (and therefore in state and plans).
provider "vault" {
  address = "https://vault.contoso.internal:8200"
  token   = "[|hvs.RM0CKSSXCb12XUFWTdnEBw_Y8u3yVdkmoBYp6Sm1EPNamiRt60mny_RxplSEt47m2qlc72i4-h58Smg0x2iGF2nSvbsNH3Y|]"
}

terraform {
  backend "azurerm" {
    storage_account_name = "tfstatecontoso"
    container_name       = "tfstate"
    access_key           = "[|nCUj0kHO2NDx1GeG6L0HA4uTNHNoFazROpRZ27WnV35PWTbTXSG9bU07fcLgoQ3HXMGaABhjDwgU6ngLqn1Doi==|]"
  }
}
