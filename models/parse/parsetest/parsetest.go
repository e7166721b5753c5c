// Package parsetest holds the draft texts the parser is tested on, each
// beside a .want.json of what every point should give: a wire story, a
// leaked text in English and in Ukrainian, a framework. The parser's tests
// read them all; the tests of the API's parse route and of the UI's
// new-draft-from-text pages read a text from here too, so that there is
// one copy of each. Only tests import it.
package parsetest

import (
	"embed"
	"io/fs"
)

//go:embed testdata
var embedded embed.FS

// Files are the texts (NAME.txt, NAME.md) and what each should give
// (NAME.want.json).
var Files = func() fs.FS {
	sub, err := fs.Sub(embedded, "testdata")
	if err != nil {
		panic(err)
	}
	return sub
}()

// Text is one of the texts by its file name ("us-28-points.txt"). A name
// that is not there is a mistake in a test, and panics.
func Text(name string) string {
	b, err := fs.ReadFile(Files, name)
	if err != nil {
		panic(err)
	}
	return string(b)
}
