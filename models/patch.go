package models

import "reflect"

// applyPatch writes every non-nil field of patch onto the field of the same
// name in *dst: the one rule of every XPatch.Apply (a nil field stays as it
// is, a set one replaces the value whole). A patch type is a struct of
// pointers, one for each field of its entity that a client may change,
// named and typed as in the entity; TestPatchesMatchTheirEntities holds
// every patch type to that, so a field added to a patch cannot be dropped
// here in silence.
func applyPatch[P, T any](patch P, dst *T) {
	pv, dv := reflect.ValueOf(patch), reflect.ValueOf(dst).Elem()
	for i := 0; i < pv.NumField(); i++ {
		if f := pv.Field(i); !f.IsNil() {
			dv.FieldByName(pv.Type().Field(i).Name).Set(f.Elem())
		}
	}
}
