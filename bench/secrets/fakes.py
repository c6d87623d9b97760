"""Format-valid FAKE credentials for tests and the benchmark corpus.

Every value is random (seeded, so reruns are identical) and only satisfies the published shape of its provider's
format: prefix, length, alphabet and, for GitHub tokens, the CRC32 checksum. None of them was ever issued by a provider.
"""
import base64
import json
import random
import string
import zlib

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B32 = string.ascii_uppercase + "234567"
URLSAFE = ALNUM + "_-"
B64 = ALNUM + "+/"


class Fakes:
    def __init__(self, seed=1):
        self.r = random.Random(seed)

    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    @staticmethod
    def github_checksum(body):
        crc = zlib.crc32(body.encode()) & 0xFFFFFFFF
        out = ""
        for _ in range(6):
            out = B62[crc % 62] + out
            crc //= 62
        return out

    def github(self, prefix="ghp_"):
        body = self.s(ALNUM, 30)
        return prefix + body + self.github_checksum(body)

    def github_bad_checksum(self, prefix="ghp_"):
        body = self.s(ALNUM, 30)
        good = self.github_checksum(body)
        bad = good
        while bad == good:
            bad = self.s(ALNUM, 6)
        return prefix + body + bad

    def github_fine_grained(self):
        return "github_pat_" + self.s(ALNUM, 22) + "_" + self.s(ALNUM, 59)

    def aws_key_id(self):
        return "AKIA" + self.s(B32, 16)

    def aws_secret(self):
        while True:
            v = self.s(B64, 40)
            if any(c.isupper() for c in v) and any(c.islower() for c in v) and any(c.isdigit() for c in v):
                return v

    def azure_storage_key(self):
        return self.s(B64, 86) + "=="

    def azure_sb_key(self):
        return self.s(B64, 43) + "="

    def sas_sig(self):
        return self.s(ALNUM, 43) + "%3D"

    def entra_secret(self):
        return self.s(ALNUM, 3) + self.r.choice(string.digits) + "Q~" + self.s(ALNUM + "_~.-", 33) + self.r.choice(ALNUM)

    def gcp_api_key(self):
        return "AIza" + self.s(URLSAFE, 34) + self.r.choice(ALNUM)

    def gitlab(self):
        return "glpat-" + self.s(ALNUM, 20)

    def slack_bot(self):
        return "xoxb-" + self.s(string.digits, 12) + "-" + self.s(string.digits, 13) + "-" + self.s(ALNUM, 24)

    def slack_user(self):
        return "xoxp-" + self.s(string.digits, 12) + "-" + self.s(string.digits, 12) + "-" + self.s(string.digits, 13) + "-" + self.s(HEX, 32)

    def slack_webhook(self):
        return "https://hooks.slack.com/services/T" + self.s(string.ascii_uppercase + string.digits, 8) + "/B" + self.s(string.ascii_uppercase + string.digits, 10) + "/" + self.s(ALNUM, 24)

    def stripe(self, kind="sk_live_"):
        return kind + self.s(ALNUM, 24)

    def twilio_api_key(self):
        return "SK" + self.s(HEX, 32)

    def alnum(self, n):
        return self.s(ALNUM, n)

    def hex(self, n):
        return self.s(HEX, n)

    def sendgrid(self):
        return "SG." + self.s(URLSAFE, 22) + "." + self.s(URLSAFE, 43)

    def npm(self):
        return "npm_" + self.s(ALNUM, 36)

    def nuget(self):
        return "oy2" + self.s(string.ascii_lowercase + string.digits, 43)

    def pypi(self):
        return "pypi-AgEIcHlwaS5vcmc" + self.s(URLSAFE, 70)

    def dockerhub(self):
        return "dckr_pat_" + self.s(URLSAFE, 26) + self.r.choice(ALNUM)

    def openai(self):
        return "sk-proj-" + self.s(URLSAFE, 74) + "T3BlbkFJ" + self.s(URLSAFE, 73) + self.r.choice(ALNUM)

    def anthropic(self):
        return "sk-ant-api03-" + self.s(URLSAFE, 93) + "AA"

    def huggingface(self):
        return "hf_" + self.s(string.ascii_letters, 34)

    def newrelic_user(self):
        return "NRAK-" + self.s(string.ascii_uppercase + string.digits, 27)

    def sentry_user(self):
        return "sntryu_" + self.s(HEX, 64)

    def vault(self):
        return "hvs." + self.s(URLSAFE, 94) + self.r.choice(ALNUM)

    def databricks(self):
        return "dapi" + self.s(HEX, 32)

    def shopify(self, prefix="shpat_"):
        return prefix + self.s(HEX, 32)

    def discord_bot(self):
        uid = str(self.r.randrange(10 ** 17, 10 ** 18))
        first = base64.b64encode(uid.encode()).decode().rstrip("=")
        return first + "." + self.s(URLSAFE, 6) + "." + self.s(URLSAFE, 37) + self.r.choice(ALNUM)

    def discord_webhook(self):
        return "https://discord.com/api/webhooks/" + str(self.r.randrange(10 ** 17, 10 ** 18)) + "/" + self.s(URLSAFE, 67) + self.r.choice(ALNUM)

    def telegram(self):
        return str(self.r.randrange(10 ** 8, 10 ** 9)) + ":AA" + self.s(URLSAFE, 32) + self.r.choice(ALNUM)

    def jwt(self):
        def b64(obj):
            return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")
        header = b64({"alg": "HS256", "typ": "JWT"})
        payload = b64({"sub": "svc-" + self.s(string.ascii_lowercase, 6), "iss": "https://auth.contoso.internal", "exp": 1893456000})
        return header + "." + payload + "." + self.s(URLSAFE, 43)

    def password(self):
        return self.s(ALNUM, 10) + self.r.choice("!@#%^&*") + self.s(ALNUM, 5)

    def pem_body(self, lines=12):
        return "\n".join(self.s(B64, 64) for _ in range(lines))

    def rsa_key(self):
        return "-----BEGIN RSA PRIVATE KEY-----\n" + "MIIEow" + self.pem_body()[6:] + "\n-----END RSA PRIVATE KEY-----"

    def openssh_key(self):
        return "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA" + self.pem_body(6)[24:] + "\n-----END OPENSSH PRIVATE KEY-----"


if __name__ == "__main__":
    import sys
    f = Fakes(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    kind = sys.argv[1]
    print(getattr(f, kind)())
