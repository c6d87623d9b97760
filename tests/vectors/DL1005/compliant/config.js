// Secrets come from the environment; the literals here are field names and labels.
module.exports = {
  apiKey: process.env.API_KEY,
  passwordLabel: "Enter your password",
  tokenStorageKey: "contoso.session.token",
  secret: undefined,
};
