package notices

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"plantracker/store/storetest"
)

// TestModuleNotices: modules.txt holds, for the Go standard library and
// every module linked into the binary (go list -deps of the main package,
// with the build's tags), the licence files at the module's root, and
// nothing else.
func TestModuleNotices(t *testing.T) {
	storetest.Golden(t, "modules.txt", moduleNoticesFromCache(t))
}

// TestNoticesNameTheFonts: the text served names what the PDFs embed
// and what the server is built on.
func TestNoticesNameTheFonts(t *testing.T) {
	text := Text()
	for _, w := range []string{"SIL OPEN FONT LICENSE Version 1.1", "Reserved Font Name Liberation",
		"== github.com/go-fonts/liberation ", "== github.com/gin-gonic/gin ", "== codeberg.org/go-pdf/fpdf ", "== Go standard library: LICENSE"} {
		if !strings.Contains(text, w) {
			t.Errorf("the notices lack %q", w)
		}
	}
}

func moduleNoticesFromCache(t *testing.T) []byte {
	t.Helper()
	list := goList(t, "list", "-tags", "sqlite_fts5", "-deps",
		"-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{with .Replace}}{{.Dir}}{{else}}{{.Dir}}{{end}}{{end}}{{end}}", "plantracker")
	seen := map[string]bool{}
	var mods [][3]string
	for _, line := range strings.Split(list, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || seen[f[0]] {
			continue
		}
		seen[f[0]] = true
		mods = append(mods, [3]string{f[0], f[1], f[2]})
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i][0] < mods[j][0] })
	if len(mods) < 10 {
		t.Fatalf("go list found %d modules: %q", len(mods), list)
	}
	var b bytes.Buffer
	// The standard library's notice without its version: a patch release
	// of Go does not change it, and should not fail this test.
	writeNotices(t, &b, "Go standard library", "", goList(t, "env", "GOROOT"))
	for _, m := range mods {
		writeNotices(t, &b, m[0], m[1], m[2])
	}
	return b.Bytes()
}

// writeNotices writes a module's licence files (LICENSE, LICENCE,
// COPYING, NOTICE, PATENTS, in any case and with any ending) under a
// heading; a module without one is a failure, to be looked at.
func writeNotices(t *testing.T, b *bytes.Buffer, path, version, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var n int
	for _, e := range entries {
		name := strings.ToUpper(e.Name())
		if e.IsDir() || !(strings.HasPrefix(name, "LICENSE") || strings.HasPrefix(name, "LICENCE") ||
			strings.HasPrefix(name, "COPYING") || strings.HasPrefix(name, "NOTICE") || strings.HasPrefix(name, "PATENTS")) {
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(b, "== %s: %s ==\n\n%s\n", strings.TrimSpace(path+" "+version), e.Name(), bytes.TrimRight(text, "\n"))
		b.WriteString("\n")
		n++
	}
	if n == 0 {
		t.Errorf("%s %s has no licence file in %s", path, version, dir)
	}
}

func goList(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		t.Fatalf("go %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out))
}
