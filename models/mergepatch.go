package models

import (
	"bytes"
	"encoding/json"
)

// MergePatch applies a JSON Merge Patch (RFC 7396) to a JSON document: an
// object in the patch merges into the target member by member, recursively;
// a member set to null is removed; anything else (a string, a number, a
// list) replaces what was there whole.
func MergePatch(target, patch json.RawMessage) (json.RawMessage, error) {
	var p any
	if err := json.Unmarshal(patch, &p); err != nil {
		return nil, err
	}
	var t any
	if len(bytes.TrimSpace(target)) > 0 {
		if err := json.Unmarshal(target, &t); err != nil {
			return nil, err
		}
	}
	return json.Marshal(mergeValue(t, p))
}

func mergeValue(target, patch any) any {
	po, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	to, ok := target.(map[string]any)
	if !ok {
		to = map[string]any{}
	}
	for name, v := range po {
		if v == nil {
			delete(to, name)
			continue
		}
		to[name] = mergeValue(to[name], v)
	}
	return to
}
