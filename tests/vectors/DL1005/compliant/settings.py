# Settings read from the environment; enum-like constants name secrets without holding them.
import os
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
API_TOKEN = os.getenv("API_TOKEN", "")
PASSWORD_FIELD = "password"
TOKEN_TYPE = "Bearer"
AUTH_HEADER = "Authorization"
