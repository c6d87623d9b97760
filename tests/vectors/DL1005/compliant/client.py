# Strings that build commands, headers and patterns are fragments, not secrets.
import re

HEX_PAT = "[0-9A-Fa-f]{1,4}"
TOKEN_PATTERN = r"(?:ghp_)[A-Za-z0-9]{36}"


def upload(user, pw, token):
    creds = " --username=%s --password=%s" % (user, pw)
    auth_header = "Basic " + token
    password_prompt = "Password for {}: ".format(user)
    return creds, auth_header, password_prompt
