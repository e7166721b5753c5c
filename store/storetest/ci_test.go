package storetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestInCI(t *testing.T) {
	tests := []struct {
		value string
		set   bool
		want  bool
	}{
		{"true", true, true},
		{"1", true, true},
		{"TRUE", true, true},
		{"false", true, false},
		{"0", true, false},
		{"", true, false},
		{"", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			if tt.set {
				t.Setenv("CI", tt.value)
			} else {
				t.Setenv("CI", "")
				os.Unsetenv("CI")
			}
			if got := InCI(); got != tt.want {
				t.Fatalf("CI=%q: InCI() = %v, want %v", tt.value, got, tt.want)
			}
		})
	}
}

// One helper decides whether the tests run in CI. Before, two test files
// compared CI with "true" themselves, so with CI=1 the Chromium and
// pdftotext tests skipped silently where they had to fail.
func TestOnlyInCIReadsCI(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the module root is not %s: %v", root, err)
	}
	readsCI := regexp.MustCompile(`(Getenv|LookupEnv)\("CI"\)`)
	self, _ := filepath.Abs("postgres.go")
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "tmp" || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || path == self {
			return nil
		}
		checked++
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if readsCI.Match(src) {
			t.Errorf("%s reads CI itself; ask storetest.InCI()", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d Go files checked", checked)
	}
}
