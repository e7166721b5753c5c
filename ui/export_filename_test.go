package ui_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestExportFilenamesOnePattern: every format of a draft's export is
// named "<plan>-v<number>-summary.<format>", and every format of a
// comparison "compare-<from>-to-<to>.<format>": the same name but for the
// extension, so the files of one export sort together.
func TestExportFilenamesOnePattern(t *testing.T) {
	a := newApp(t)
	filename := regexp.MustCompile(`^attachment; filename="([^"]+)"$`)
	for _, tc := range []struct {
		path    string
		pattern *regexp.Regexp
	}{
		{"/drafts/" + id(seeded.draft28) + "/summary.FORMAT", regexp.MustCompile(`^([a-z0-9]+(?:-[a-z0-9]+)*-v1-summary)\.([a-z]+)$`)},
		{"/compare.FORMAT?from=" + id(seeded.draft28) + "&to=" + id(seeded.draft20), regexp.MustCompile(`^(compare-v1-[a-z0-9-]+-to-v3-[a-z0-9-]+)\.([a-z]+)$`)},
	} {
		stems := map[string]bool{}
		for _, format := range []string{"md", "csv", "pdf", "xlsx"} {
			p := strings.Replace(tc.path, "FORMAT", format, 1)
			res, _ := a.get(p)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", p, res.StatusCode)
			}
			cd := res.Header.Get("Content-Disposition")
			m := filename.FindStringSubmatch(cd)
			var n []string
			if m != nil {
				n = tc.pattern.FindStringSubmatch(m[1])
			}
			if n == nil || n[2] != format {
				t.Errorf("GET %s: Content-Disposition %q does not follow %s", p, cd, tc.pattern)
				continue
			}
			stems[n[1]] = true
		}
		if len(stems) != 1 {
			t.Errorf("%s: the formats are named differently: %v", tc.path, stems)
		}
	}
}
