package store

import (
	"fmt"
	"reflect"
	"strings"

	"plantracker/models"
)

// checkDumpText refuses an export holding text a store cannot keep as it
// is (a NUL byte, another control character, invalid UTF-8: what SQLite
// once stored and PostgreSQL refuses), naming the first record that holds
// some: "import: parties[3] (id 7): name must not contain …".
func checkDumpText(d Dump) error {
	v := reflect.ValueOf(d)
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		list := v.Field(i)
		if list.Kind() != reflect.Slice {
			continue
		}
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		for j := 0; j < list.Len(); j++ {
			row := list.Index(j)
			verr := models.TextErrors(row.Interface(), "")
			if verr == nil {
				continue
			}
			where := fmt.Sprintf("%s[%d]", name, j)
			if id := row.FieldByName("ID"); id.IsValid() && id.CanInt() {
				where += fmt.Sprintf(" (id %d)", id.Int())
			}
			fe := verr.Errors[0]
			return fmt.Errorf("import: %s: %s %s; fix it in the export and import again", where, fe.Field, fe.Message)
		}
	}
	return nil
}
