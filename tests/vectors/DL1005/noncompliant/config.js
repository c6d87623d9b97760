// Front-end build config with an OAuth client secret that should live on the server.
module.exports = {
  clientId: "contoso-web",
  clientSecret: "[|JUNMGVD8XBDBosdBbWezrJ5DQYSiH5ENbdwMj9uB|]",
  auth: { password: `[|vCbGxjLv0V#XUhT4|]` },
};
