package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoticesMatchTheModule: the licence texts the binary prints are the
// ones shipped with the font module go.mod names, so upgrading the fonts
// cannot leave a stale or missing licence behind.
func TestNoticesMatchTheModule(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-fonts/liberation").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	for name, embedded := range map[string]string{"LICENSE-SIL": fontLicense, "LICENSE": fontPackagingLicense} {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if embedded != string(want) {
			t.Errorf("the embedded copy of %s differs from the module's %s", name, filepath.Join(dir, name))
		}
	}
	n := Notices()
	for _, w := range []string{"SIL OPEN FONT LICENSE Version 1.1", "Reserved Font Name Liberation", "Copyright (c) 2012 Red Hat, Inc.", "The go-fonts Authors"} {
		if !strings.Contains(n, w) {
			t.Errorf("the notices lack %q", w)
		}
	}
}
