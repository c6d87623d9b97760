// A Bicep parameter default is a literal secret in the template.
@secure()
param adminPassword string = '[|0yaCSm1Ywt*lfjaH|]'
param location string = resourceGroup().location
