// A DSN parser's table test: "p@ss(word)" and "P@ssw0rd!" spell the word password, they are not one.
package dsn

import "testing"

var cases = []struct {
	in  string
	out Config
}{
	{"user:p@ss(word)@tcp(db.contoso.internal:3306)/orders", Config{User: "user", Passwd: "p@ss(word)"}},
	{"admin:P@ssw0rd!@tcp(db.contoso.internal:3306)/orders", Config{User: "admin", Passwd: "P@ssw0rd!"}},
}

func TestParse(t *testing.T) {
	for _, c := range cases {
		if got, _ := Parse(c.in); got != c.out {
			t.Errorf("Parse(%q) = %+v", c.in, got)
		}
	}
}
