package models

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
)

// MergePatch turns a JSON Merge Patch (RFC 7396) of the provision into the
// ProvisionPatch that does the same: the patch is merged into the
// provision's patchable fields (those of ProvisionPatch, nothing else), so
// that {"terms":{"limit":800000}} changes the limit and keeps the other
// terms, where a plain PATCH replaces the terms whole. A member set to null
// clears the field (an empty text, no parties, no terms); a required one
// is then refused by validation, as if sent empty.
func (p Provision) MergePatch(patch json.RawMessage) (ProvisionPatch, error) {
	var out ProvisionPatch
	var members map[string]json.RawMessage
	if err := json.Unmarshal(patch, &members); err != nil || members == nil {
		return out, Invalid("body", "must be a JSON object (a merge patch of the provision)")
	}
	fields := patchFields(reflect.TypeOf(out))
	verr := &ValidationError{}
	names := make([]string, 0, len(members))
	for name := range members {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !fields[name] {
			verr.Add(name, "is not a field a patch may change")
		}
	}
	if err := verr.Err(); err != nil {
		return out, err
	}
	current, err := json.Marshal(p)
	if err != nil {
		return out, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(current, &all); err != nil {
		return out, err
	}
	doc := map[string]json.RawMessage{}
	for name := range fields {
		if v, ok := all[name]; ok {
			doc[name] = v
		}
	}
	target, err := json.Marshal(doc)
	if err != nil {
		return out, err
	}
	merged, err := MergePatch(target, patch)
	if err != nil {
		return out, err
	}
	var result map[string]json.RawMessage
	if err := json.Unmarshal(merged, &result); err != nil {
		return out, err
	}
	// A member the patch removed is cleared: zero of the same JSON kind.
	for name, v := range doc {
		if _, kept := result[name]; !kept {
			result[name] = zeroLike(v)
		}
	}
	raw, err := json.Marshal(result)
	if err != nil {
		return out, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		var typ *json.UnmarshalTypeError
		if ok := asTypeError(err, &typ); ok && typ.Field != "" {
			return out, Invalid(typ.Field, "has the wrong type: %s is wanted", typ.Type.Kind())
		}
		return out, Invalid("body", "cannot be applied to the provision: %v", err)
	}
	return out, nil
}

// patchFields are the JSON names of a patch type's fields.
func patchFields(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out[name] = true
		}
	}
	return out
}

// zeroLike is the empty value of the JSON kind of v.
func zeroLike(v json.RawMessage) json.RawMessage {
	switch t := bytes.TrimSpace(v); {
	case len(t) == 0:
		return json.RawMessage(`null`)
	case t[0] == '"':
		return json.RawMessage(`""`)
	case t[0] == '[':
		return json.RawMessage(`[]`)
	case t[0] == '{':
		return json.RawMessage(`{}`)
	case t[0] == 't' || t[0] == 'f':
		return json.RawMessage(`false`)
	case t[0] == 'n':
		return json.RawMessage(`null`)
	}
	return json.RawMessage(`0`)
}

func asTypeError(err error, target **json.UnmarshalTypeError) bool {
	t, ok := err.(*json.UnmarshalTypeError)
	if ok {
		*target = t
	}
	return ok
}
