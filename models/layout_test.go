package models

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The arrows point down: nothing under models imports the store, the API
// or the UI (that models imports neither parse nor report, which import
// it, the compiler holds), and models/numbers, which models and the parser
// share, imports only the standard library.
func TestImportsPointDown(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		numbers := filepath.Dir(path) == "numbers"
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			for _, banned := range []string{"plantracker/store", "plantracker/api", "plantracker/ui"} {
				if imp == banned || strings.HasPrefix(imp, banned+"/") {
					t.Errorf("%s imports %s", path, imp)
				}
			}
			if numbers && strings.Contains(strings.Split(imp, "/")[0], ".") || numbers && strings.HasPrefix(imp, "plantracker/") {
				t.Errorf("%s imports %s; models/numbers uses the standard library only", path, imp)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
