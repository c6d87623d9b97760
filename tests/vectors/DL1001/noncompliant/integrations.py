# Commerce and operations tokens hard-coded in a Python settings module.
SHOPIFY_ADMIN_TOKEN = "[|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|]"
SHOPIFY_SHARED_SECRET = "[|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|]"
SENTRY_AUTH_TOKEN = "[|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|]"
DISCORD_WEBHOOK = "[|https://discord.com/api/webhooks/713729466823403280/7_YfLbUNvKXPKtGr53Iju_NG4ZZfJ7lCDYgURcKYU6b0gR2HCDA7vX97nbZKGKZNfF6l|]"
GITHUB_FINE_GRAINED = "[|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|]"
