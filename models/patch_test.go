package models

import (
	"reflect"
	"testing"
)

// Every patch type is a struct of pointers, each named and typed as a field
// of its entity: applyPatch copies by name, so a misnamed or mistyped field
// would panic at run time instead of failing to compile.
func TestPatchesMatchTheirEntities(t *testing.T) {
	for _, pair := range []struct{ patch, entity any }{
		{DraftPatch{}, Draft{}},
		{DraftStancePatch{}, DraftStance{}},
		{EventPatch{}, Event{}},
		{ImplementationPatch{}, ImplementationStep{}},
		{PartyPatch{}, Party{}},
		{PlanPatch{}, Plan{}},
		{PositionPatch{}, Position{}},
		{ProvisionPatch{}, Provision{}},
		{SourcePatch{}, Source{}},
	} {
		pt, et := reflect.TypeOf(pair.patch), reflect.TypeOf(pair.entity)
		for i := 0; i < pt.NumField(); i++ {
			f := pt.Field(i)
			if f.Type.Kind() != reflect.Pointer {
				t.Errorf("%s.%s is a %s, not a pointer", pt.Name(), f.Name, f.Type)
				continue
			}
			ef, ok := et.FieldByName(f.Name)
			if !ok {
				t.Errorf("%s.%s: %s has no field %s", pt.Name(), f.Name, et.Name(), f.Name)
			} else if ef.Type != f.Type.Elem() {
				t.Errorf("%s.%s is a %s; %s.%s a %s", pt.Name(), f.Name, f.Type, et.Name(), f.Name, ef.Type)
			}
		}
	}
}

// A set field replaces the entity's value; a nil one leaves it.
func TestApplyPatchWritesOnlySetFields(t *testing.T) {
	title, sources := "New title", []Citation{{Source: "reuters", Sourcing: "reported"}}
	s := Source{Key: "k", Publisher: "Reuters", Title: "Old title", Note: "kept"}
	SourcePatch{Title: &title}.Apply(&s)
	want := Source{Key: "k", Publisher: "Reuters", Title: "New title", Note: "kept"}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("source %+v, want %+v", s, want)
	}
	st := DraftStance{Party: "UA", Stance: "accepts", Quote: "q"}
	DraftStancePatch{Sources: &sources}.Apply(&st)
	if st.Party != "UA" || st.Stance != "accepts" || st.Quote != "q" || !reflect.DeepEqual(st.Sources, sources) {
		t.Errorf("stance %+v: want the sources set and the rest kept", st)
	}
}
