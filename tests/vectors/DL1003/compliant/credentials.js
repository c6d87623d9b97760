// Code that parses connection details assigns variables; it is not a connection string.
function parse(result) {
  const username = result.groups?.username; const password = result.groups?.password;
  return { username, password };
}
