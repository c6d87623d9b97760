# Django settings with a literal SECRET_KEY and database password.
SECRET_KEY = "[|django-insecure-cT2JnnWp9ioeNXyWEcEPr2qYcgIEI9uLFb4k1SMQ|]"
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "PASSWORD": "[|YrdbPNs72W^lS6oU|]"}}
