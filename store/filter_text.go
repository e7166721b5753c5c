package store

import (
	"fmt"
	"sort"

	"plantracker/models"
)

// checkFilterText refuses filter values no database can be asked about:
// PostgreSQL fails a query holding a NUL byte or invalid UTF-8 with an
// error, where the caller's mistake should be a 400. The API names the bad
// parameter itself before it gets here; this keeps every other caller (the
// UI's search box) from a 500.
func checkFilterText(values map[string]string) error {
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if msg := models.TextProblem(values[name]); msg != "" {
			return fmt.Errorf("%w: %s %s", ErrInvalidQuery, name, msg)
		}
	}
	return nil
}
